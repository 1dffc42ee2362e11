import * as assert from 'assert';
import {
  applyEdits, deriveEnvName, findLiteral, isValidEnvName, planMoveToEnv, rewriteForLanguage, toEnvName,
} from '../../src/engine/envfix';
import { languageOf, type LanguageId } from '../../src/engine/language';
import { maskSecret } from '../../src/engine/mask';
import * as fs from 'fs';
import * as path from 'path';
import { loadQuickfixCases, QUICKFIX_FIXTURES } from '../support/quickfixCases';

/** A placeholder value for inline cases: its content does not matter to the rewriter. */
const V = 'VALUE_1234567890abcdef';

/** Rewrites the first occurrence of V in `text` and returns the new text (or the failure reason). */
function rewrite(language: LanguageId, text: string, name = 'API_KEY', fileName = ''): string {
  const start = text.indexOf(V);
  assert.ok(start >= 0, 'inline case must contain V');
  const result = rewriteForLanguage(language, text, { start, end: start + V.length }, name, fileName);
  return result.ok ? applyEdits(text, result.edits) : `REASON: ${result.reason}`;
}

describe('envfix: rewriting fixtures per language (test/fixtures/quickfix)', () => {
  for (const c of loadQuickfixCases()) {
    it(`${c.lang}: derives ${c.name} and rewrites ${c.inputFile}`, () => {
      const fileName = c.fileName ?? c.inputFile.replace(/^input\.Dockerfile$/, 'Dockerfile');
      const language = languageOf(fileName);
      const finding = { ruleId: c.ruleId, provider: c.provider, keyName: c.keyName, keyPath: c.keyPath, range: { start: c.start, end: c.end } };
      assert.strictEqual(deriveEnvName(finding, c.input), c.name);
      const result = rewriteForLanguage(language, c.input, finding.range, c.name, fileName);
      if (c.reason) {
        assert.ok(!result.ok && result.reason.includes(c.reason), `expected the reason "${c.reason}"`);
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.strictEqual(result.envName, c.envName ?? c.name);
      const output = applyEdits(c.input, result.edits);
      // Compare without ever printing the value: on failure the message shows masked text only.
      if (output !== c.expected) {
        assert.fail(`${c.lang}: rewritten text differs from ${c.expectedFile}:\n${output.split(c.value).join(maskSecret(c.value))}`);
      }
      assert.ok(!output.includes(c.value), 'the value must be gone from the source');
    });
  }
});

describe('envfix: the integration workspace uses the same inputs', () => {
  for (const c of loadQuickfixCases().filter((x) => x.workspaceFile)) {
    it(`${c.lang}: test/fixtures/workspace/${c.workspaceFile} equals ${c.inputFile}`, () => {
      const copy = fs.readFileSync(path.join(QUICKFIX_FIXTURES, '..', 'workspace', c.workspaceFile!), 'utf8');
      assert.ok(copy === fs.readFileSync(path.join(c.dir, c.inputFile), 'utf8'), 'the two copies drifted apart');
    });
  }
});

describe('envfix: deriveEnvName', () => {
  const table: Array<[string, Parameters<typeof deriveEnvName>[0], string, string?]> = [
    ['snake key', { ruleId: 'stripe-secret-key', provider: 'Stripe', keyName: 'stripe_key' }, 'STRIPE_KEY'],
    ['camel key', { ruleId: 'x', provider: 'Generic', keyName: 'githubToken' }, 'GITHUB_TOKEN'],
    ['already upper', { ruleId: 'x', provider: 'Generic', keyName: 'DB_PASSWORD' }, 'DB_PASSWORD'],
    ['generic key under openai (keyPath)', { ruleId: 'openai-api-key', provider: 'OpenAI', keyName: 'apiKey', keyPath: 'openai.apiKey' }, 'OPENAI_API_KEY'],
    ['generic key under a vague owner falls back to the provider', { ruleId: 'openai-api-key', provider: 'OpenAI', keyName: 'apiKey', keyPath: 'config.apiKey' }, 'OPENAI_API_KEY'],
    ['generic key, generic provider', { ruleId: 'generic-secret', provider: 'Generic', keyName: 'password', keyPath: 'spring.datasource.password' }, 'PASSWORD'],
    ['nested owner', { ruleId: 'generic-secret', provider: 'Generic', keyName: 'password', keyPath: 'database.password' }, 'DATABASE_PASSWORD'],
    ['provider only', { ruleId: 'openai-api-key', provider: 'OpenAI' }, 'OPENAI_API_KEY'],
    ['provider with a space', { ruleId: 'huggingface-token', provider: 'Hugging Face' }, 'HUGGING_FACE_TOKEN'],
    ['kebab key', { ruleId: 'x', provider: 'Generic', keyName: 'x-api-key' }, 'X_API_KEY'],
    ['digit first', { ruleId: 'x', provider: 'Generic', keyName: '2fa_secret' }, '_2FA_SECRET'],
    ['nothing but the rule', { ruleId: 'private-key', provider: 'Generic' }, 'PRIVATE_KEY'],
  ];
  for (const [title, finding, expected] of table) {
    it(title, () => assert.strictEqual(deriveEnvName(finding), expected));
  }

  it('finds the assigned name in code when the finding has none', () => {
    const text = `token = "${V}"`;
    const start = text.indexOf(V);
    assert.strictEqual(deriveEnvName({ ruleId: 'x', provider: 'Generic', range: { start, end: start + V.length } }, text), 'TOKEN');
  });

  it('uses the call a keyword argument belongs to: OpenAI(api_key=…) → OPENAI_API_KEY', () => {
    const text = `client = OpenAI(api_key="${V}")`;
    const start = text.indexOf(V);
    assert.strictEqual(deriveEnvName({ ruleId: 'openai-api-key', provider: 'OpenAI', range: { start, end: start + V.length } }, text), 'OPENAI_API_KEY');
  });

  it('every derived name is valid', () => {
    for (const name of ['a.b.c', 'çà', '---', 'x y', 'HTTPServerKey']) {
      const derived = deriveEnvName({ ruleId: 'generic-secret', provider: 'Generic', keyName: name });
      assert.ok(isValidEnvName(derived), `${name} → ${derived}`);
    }
  });

  it('isValidEnvName accepts [A-Z_][A-Z0-9_]* only', () => {
    assert.deepStrictEqual(['A', '_X', 'A_1', 'a', '1A', 'A-B', 'A B', ''].map(isValidEnvName), [true, true, true, false, false, false, false, false]);
    assert.strictEqual(toEnvName('HTTPServerKey'), 'HTTP_SERVER_KEY');
  });
});

describe('envfix: findLiteral', () => {
  it('covers quotes and string prefixes', () => {
    for (const [text, literal] of [[`x = r"${V}"`, `r"${V}"`], [`x = @"${V}"`, `@"${V}"`], [`x = '''${V}'''`, `'''${V}'''`], [`let x = r#"${V}"#;`, `r#"${V}"#`], [`buf"${V}"`, `"${V}"`]]) {
      const start = text.indexOf(V);
      const span = findLiteral(text, start, start + V.length);
      assert.strictEqual(text.slice(span.start, span.end), literal);
    }
  });

  it('tells an embedded value from a whole literal and a bare one', () => {
    const embedded = `h = "Bearer ${V}"`;
    assert.strictEqual(findLiteral(embedded, embedded.indexOf(V), embedded.indexOf(V) + V.length).kind, 'embedded');
    const bare = `key: ${V}`;
    assert.strictEqual(findLiteral(bare, bare.indexOf(V), bare.indexOf(V) + V.length).kind, 'bare');
  });
});

describe('envfix: rewriteForLanguage edge cases', () => {
  const table: Array<[string, LanguageId, string, string, string?]> = [
    ['python: import os at the top when there is nothing else', 'python', `KEY = "${V}"\nprint(KEY)\n`, 'import os\n\nKEY = os.environ["API_KEY"]\nprint(KEY)\n'],
    ['python: no second import os', 'python', `import os, sys\nKEY = "${V}"\n`, 'import os, sys\nKEY = os.environ["API_KEY"]\n'],
    ['python: after a shebang and the docstring', 'python', `#!/usr/bin/env python3\n"""Doc\nstring."""\nKEY = "${V}"\n`, '#!/usr/bin/env python3\n"""Doc\nstring."""\nimport os\n\nKEY = os.environ["API_KEY"]\n'],
    ['python: after a parenthesised import', 'python', `from a import (\n    b,\n)\nKEY = "${V}"\n`, 'from a import (\n    b,\n)\nimport os\nKEY = os.environ["API_KEY"]\n'],
    ['python: keeps CRLF', 'python', `import sys\r\nKEY = "${V}"\r\n`, 'import sys\r\nimport os\r\nKEY = os.environ["API_KEY"]\r\n'],
    ['python: embedded in a string', 'python', `import os\nH = {"Authorization": "Bearer ${V}"}\n`, 'import os\nH = {"Authorization": "Bearer " + os.environ["API_KEY"]}\n'],
    ['python: embedded before a method call gets parentheses', 'python', `import os\nH = "Bearer ${V}".encode()\n`, 'import os\nH = ("Bearer " + os.environ["API_KEY"]).encode()\n'],
    ['javascript: template literal', 'javascript', `const h = \`Bearer ${V}\`;\n`, 'const h = `Bearer ${process.env.API_KEY}`;\n'],
    ['typescript: plain string', 'typescript', `export const k: string | undefined = "${V}";\n`, 'export const k: string | undefined = process.env.API_KEY;\n'],
    ['go: adds os to a block, sorted', 'go', `package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nvar k = "${V}"\n`, 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nvar k = os.Getenv("API_KEY")\n'],
    ['go: creates an import after package', 'go', `package main\n\nfunc f() string { return "${V}" }\n`, 'package main\n\nimport "os"\n\nfunc f() string { return os.Getenv("API_KEY") }\n'],
    ['go: os already imported', 'go', `package main\n\nimport (\n\t"os"\n)\n\nvar k = "${V}"\n`, 'package main\n\nimport (\n\t"os"\n)\n\nvar k = os.Getenv("API_KEY")\n'],
    ['go: backquoted raw string', 'go', `package main\n\nimport "os"\n\nvar k = \`${V}\`\n`, 'package main\n\nimport "os"\n\nvar k = os.Getenv("API_KEY")\n'],
    ['java: string concatenation', 'java', `String h = "Bearer ${V}";`, 'String h = "Bearer " + System.getenv("API_KEY");'],
    ['kotlin: string template', 'kotlin', `val h = "Bearer ${V}"`, 'val h = "Bearer ${System.getenv("API_KEY")}"'],
    ['csharp: verbatim string, using System exists', 'csharp', `using System;\nvar k = @"${V}";\n`, 'using System;\nvar k = Environment.GetEnvironmentVariable("API_KEY");\n'],
    ['csharp: local const becomes a plain local', 'csharp', `using System;\nconst string k = "${V}";\n`, 'using System;\nstring k = Environment.GetEnvironmentVariable("API_KEY");\n'],
    ['ruby: interpolation', 'ruby', `h = "Bearer ${V}"\n`, 'h = "Bearer #{ENV.fetch("API_KEY")}"\n'],
    ['php: concatenation with .', 'php', `<?php $h = "Bearer ${V}";`, `<?php $h = "Bearer " . getenv('API_KEY');`],
    ['rust: before a method call, the String itself', 'rust', `let k: String = "${V}".to_string();`, 'let k: String = std::env::var("API_KEY").expect("API_KEY must be set").to_string();'],
    ['rust: embedded value uses format!', 'rust', `let h = "Bearer ${V}";`, 'let h = &format!("Bearer {}", std::env::var("API_KEY").expect("API_KEY must be set"));'],
    ['rust: const items are refused', 'rust', `const K: &str = "${V}";`, 'REASON: A Rust const/static item cannot read the environment; turn it into a function or a LazyLock first.'],
    ['shell: argument', 'shell', `curl -u "${V}" https://x\n`, 'curl -u "$API_KEY" https://x\n'],
    ['shell: inside a double-quoted header', 'shell', `curl -H "Authorization: Bearer ${V}" https://x\n`, 'curl -H "Authorization: Bearer ${API_KEY}" https://x\n'],
    ['shell: inside a single-quoted header', 'shell', `curl -H 'Authorization: Bearer ${V}' https://x\n`, `curl -H 'Authorization: Bearer '"\${API_KEY}"'' https://x\n`],
    ['shell: export with a bare value', 'shell', `export TOKEN=${V}\n`, 'export TOKEN="${API_KEY:?API_KEY is not set}"\n'],
    ['yaml: plain scalar', 'yaml', `api_key: ${V}\n`, 'api_key: ${API_KEY}\n'],
    ['yaml: block scalar collapses', 'yaml', `key: |\n  ${V}\nnext: 1\n`, 'key: ${API_KEY}\nnext: 1\n'],
    ['yaml: inside a URL', 'yaml', `url: postgres://app:${V}@db/app\n`, 'url: postgres://app:${API_KEY}@db/app\n'],
    ['terraform: embedded in a string uses interpolation', 'terraform', `h = "Bearer ${V}"\n`, 'h = "Bearer ${var.api_key}"\n\nvariable "api_key" {\n  type      = string\n  sensitive = true\n}\n'],
    ['terraform: variable already declared', 'terraform', `variable "api_key" {}\nk = "${V}"\n`, 'variable "api_key" {}\nk = var.api_key\n'],
    ['dockerfile: the only ENV pair becomes advice', 'dockerfile', `ENV API_KEY=${V}\n`, '# API_KEY is not baked into the image: pass it at run time (docker run -e API_KEY or --env-file .env); build steps that need it: RUN --mount=type=secret,id=api-key,env=API_KEY …\n'],
    ['dockerfile: ARG becomes a build secret', 'dockerfile', `ARG TOKEN=${V}\n`, '# TOKEN is a build secret now: docker build --secret id=api-key,env=API_KEY …, used as RUN --mount=type=secret,id=api-key,env=TOKEN …\n'],
    ['dotenv has no env syntax', 'dotenv', `API_KEY=${V}\n`, 'REASON: A .env file cannot reference an environment variable: store the value in SecretStorage or suppress the finding.'],
    ['toml has no env syntax', 'toml', `key = "${V}"\n`, 'REASON: toml files have no environment-variable syntax that Keyguard can write.'],
  ];
  for (const [title, language, input, expected] of table) {
    it(title, () => assert.strictEqual(rewrite(language, input), expected));
  }

  it('terraform .tfvars explains TF_VAR_ instead', () => {
    assert.match(rewrite('terraform', `token = "${V}"\n`, 'API_KEY', 'prod.tfvars'), /^REASON: .*TF_VAR_api_key/);
  });
});

describe('envfix: planMoveToEnv (one fix = source + .env + .gitignore + .env.example)', () => {
  const text = `import os\nA = "${V}"\nB = "${V}"\nC = "OTHER_VALUE_abcdefgh"\n`;
  const rangeOf = (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    return { start, end: start + needle.length };
  };

  it('moves every finding of a file in one plan, reusing one name for one value', () => {
    const first = rangeOf(V);
    const second = rangeOf(V, first.end);
    const third = rangeOf('OTHER_VALUE_abcdefgh');
    const plan = planMoveToEnv({
      text, fileName: 'app.py', language: 'python',
      items: [
        { finding: { ruleId: 'x', provider: 'Generic', range: first }, value: V, name: 'TOKEN' },
        { finding: { ruleId: 'x', provider: 'Generic', range: second }, value: V, name: 'TOKEN' },
        { finding: { ruleId: 'x', provider: 'Generic', range: third }, value: 'OTHER_VALUE_abcdefgh', name: 'TOKEN' },
      ],
      files: { dotenv: '# local\nEXISTING=1', gitignore: 'node_modules/\n', envExample: 'EXISTING=\n' },
    });
    assert.deepStrictEqual(plan.moved.map((m) => m.envName), ['TOKEN', 'TOKEN', 'TOKEN_2']);
    assert.strictEqual(applyEdits(text, plan.source), 'import os\nA = os.environ["TOKEN"]\nB = os.environ["TOKEN"]\nC = os.environ["TOKEN_2"]\n');
    assert.strictEqual(plan.dotenv?.newText, `# local\nEXISTING=1\nTOKEN=${V}\nTOKEN_2=OTHER_VALUE_abcdefgh\n`);
    assert.strictEqual(plan.dotenv?.create, false);
    assert.strictEqual(applyEdits('node_modules/\n', plan.gitignore!.edits), 'node_modules/\n.env\n');
    assert.strictEqual(applyEdits('EXISTING=\n', plan.envExample!.edits), 'EXISTING=\nTOKEN=\nTOKEN_2=\n');
  });

  it('creates .env and .gitignore when missing and leaves .env.example alone when absent', () => {
    const plan = planMoveToEnv({
      text, fileName: 'app.py', language: 'python',
      items: [{ finding: { ruleId: 'x', provider: 'Generic', range: rangeOf(V) }, value: V, name: 'TOKEN' }],
      files: {},
    });
    assert.deepStrictEqual(plan.dotenv, { create: true, edits: [], newText: `TOKEN=${V}\n` });
    assert.deepStrictEqual(plan.gitignore, { create: true, edits: [], newText: '.env\n' });
    assert.strictEqual(plan.envExample, undefined);
  });

  it('SecretStorage target writes no .env and no .gitignore', () => {
    const plan = planMoveToEnv({
      text, fileName: 'app.py', language: 'python', target: 'secretStorage',
      items: [{ finding: { ruleId: 'x', provider: 'Generic', range: rangeOf(V) }, value: V, name: 'TOKEN' }],
      files: { envExample: '' },
    });
    assert.strictEqual(plan.dotenv, undefined);
    assert.strictEqual(plan.gitignore, undefined);
    assert.strictEqual(applyEdits('', plan.envExample!.edits), 'TOKEN=\n');
    assert.strictEqual(plan.source.length, 1);
  });

  it('skips with the reason when the file has no env syntax, and writes nothing', () => {
    const json = `{"k": "${V}"}`;
    const start = json.indexOf(V);
    const plan = planMoveToEnv({
      text: json, fileName: 'a.json', language: 'json',
      items: [{ finding: { ruleId: 'x', provider: 'Generic', range: { start, end: start + V.length } }, value: V }],
      files: {},
    });
    assert.strictEqual(plan.moved.length, 0);
    assert.match(plan.skipped[0].reason, /JSON has no environment-variable syntax/);
    assert.strictEqual(plan.dotenv, undefined);
  });

  it('Terraform: .env gets TF_VAR_<name>, renamed with the variable on collision', () => {
    const tf = `k = "${V}"\n`;
    const start = tf.indexOf(V);
    const plan = planMoveToEnv({
      text: tf, fileName: 'main.tf', language: 'terraform',
      items: [{ finding: { ruleId: 'x', provider: 'Generic', range: { start, end: start + V.length } }, value: V, name: 'API_KEY' }],
      files: { dotenv: 'TF_VAR_api_key=something-else\n' },
    });
    assert.strictEqual(plan.moved[0].envName, 'TF_VAR_api_key_2');
    assert.match(applyEdits(tf, plan.source), /^k = var\.api_key_2\n\nvariable "api_key_2" \{/);
  });
});
