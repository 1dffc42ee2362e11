/**
 * The `keyguard` CLI end to end: each test runs the compiled CLI in a child process against a temp
 * directory filled at test time with fake keys from the generator. Assertion messages never include
 * command output, which could hold a secret if the CLI regressed.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { runCli } from '../../src/cli/main';
import { runScan } from '../../src/cli/scan';
import { fakeValue } from '../support/fakeKeys';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');
const SARIF_SCHEMA = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; NO_COLOR and a clean git identity keep runs reproducible. */
function keyguard(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr.split('\n')[0]}`);
  return result.stdout;
}

const temps: string[] = [];

/** Creates a temp directory holding `files` (path -> text or bytes). */
function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keyguard-cli-'));
  temps.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return root;
}

after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every fake value planted in a test; none may ever appear in clear in any output. */
const planted: Array<{ label: string; value: string }> = [];

function plant(ruleId: string, seed: string): string {
  const value = fakeValue(ruleId, seed);
  planted.push({ label: `${ruleId}:${seed}`, value });
  return value;
}

/** Fails when any planted value, or a 10-character run of its hidden middle, appears in `output`. */
function assertNoClearSecrets(output: string, where: string): void {
  for (const { label, value } of planted) {
    const lines = value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 16 && !line.startsWith('-----'));
    const hidden = value.length > 16 ? value.slice(4, -4) : value;
    const chunks = lines.length > 1 ? lines : [hidden];
    for (const chunk of chunks) {
      for (let i = 0; i + 10 <= chunk.length; i += 5) {
        assert.ok(!output.includes(chunk.slice(i, i + 10)), `clear value of ${label} leaked in ${where}`);
      }
    }
  }
}

interface JsonFinding {
  path: string;
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  masked: string;
  fingerprint: string;
  severity: string;
}

interface JsonReport {
  findings: JsonFinding[];
  skipped: Array<{ path: string; reason: string }>;
  summary: { findings: number; filesScanned: number; skipped: number };
}

function parseJson(run: Run): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

describe('keyguard CLI', function () {
  this.timeout(60_000);

  describe('usage', () => {
    it('prints help and the package version', () => {
      const help = keyguard(['--help'], os.tmpdir());
      assert.strictEqual(help.status, 0);
      assert.match(help.stdout, /Usage: keyguard <command>/);
      assert.match(help.stdout, /--staged/);
      const version = keyguard(['--version'], os.tmpdir());
      assert.strictEqual(version.status, 0);
      assert.strictEqual(version.stdout.trim(), VERSION);
    });

    const usageErrors: Array<[string[], RegExp]> = [
      [['frobnicate'], /^keyguard: unknown command: frobnicate/],
      [['scan', '--bogus'], /^keyguard: unknown option: --bogus/],
      [['scan', '--format', 'xml'], /^keyguard: unknown format: xml/],
      [['scan', '--format'], /^keyguard: --format needs a value/],
      [['scan', '--max-file-size', 'huge'], /^keyguard: invalid --max-file-size: huge/],
      [['scan', '--disable', 'no-such-rule'], /^keyguard: unknown rule id: no-such-rule/],
      [['scan', 'foo'], /^keyguard: no such file or directory: foo$/],
    ];
    for (const [args, message] of usageErrors) {
      it(`exits 2 with one line for: ${args.join(' ')}`, () => {
        const dir = makeTree({ 'a.txt': 'hello\n' });
        const run = keyguard(args, dir);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr.trim(), message);
        assert.strictEqual(run.stderr.trim().split('\n').length, 1, 'one line on stderr');
      });
    }

    it('lists the rules', () => {
      const text = keyguard(['rules'], os.tmpdir());
      assert.strictEqual(text.status, 0);
      assert.match(text.stdout, /^github-pat\s+error\s+secret/m);
      const json = JSON.parse(keyguard(['rules', '--format', 'json'], os.tmpdir()).stdout) as Array<{ id: string }>;
      assert.ok(json.length >= 150, `expected at least 150 rules, got ${json.length}`);
      assert.ok(json.some((rule) => rule.id === 'private-key'));
    });
  });

  describe('scanning a tree', () => {
    let root: string;
    const runs: Record<string, Run> = {};

    before(() => {
      const githubPat = plant('github-pat', 'cli-1');
      const awsKeyId = plant('aws-access-key-id', 'cli-2');
      const stripe = plant('stripe-secret-key', 'cli-3');
      const slack = plant('slack-bot-token', 'cli-4');
      const pem = plant('private-key', 'cli-5');
      root = makeTree({
        'src/config.ts': `// settings\n\nexport const token = "${githubPat}";\n`,
        '.env': `# local\nAWS_ACCESS_KEY_ID=${awsKeyId}\n`,
        'deploy/keys/id_rsa': `${pem}\n`,
        'billing/stripe.py': `import os\n\nSTRIPE = "${stripe}"\n`,
        'clean/readme.md': 'Nothing to see here.\n',
        'my dir/slack.yaml': `bot:\n  token: ${slack}\n`,
      });
      runs.text = keyguard(['scan'], root);
      runs.json = keyguard(['scan', '--format', 'json'], root);
      runs.sarif = keyguard(['scan', '--format', 'sarif'], root);
      runs.verbose = keyguard(['scan', '.', '--verbose'], root);
    });

    it('exits 1 when there are findings, in every format', () => {
      for (const [name, run] of Object.entries(runs)) assert.strictEqual(run.status, 1, `${name} exit code`);
    });

    it('never prints a clear secret, in any format or on stderr', () => {
      for (const [name, run] of Object.entries(runs)) {
        assertNoClearSecrets(run.stdout, `${name} stdout`);
        assertNoClearSecrets(run.stderr, `${name} stderr`);
      }
    });

    it('prints path:line:col  severity  rule  title  masked, grouped by file, and a summary', () => {
      const lines = runs.text.stdout.split('\n');
      const configLine = lines.find((line) => line.startsWith('src/config.ts:3:'));
      assert.ok(configLine, 'a finding at src/config.ts line 3');
      assert.match(configLine, /^src\/config\.ts:3:23 {2}error {4}github-pat {2}.+ {2}ghp_…\w{4} \(40 chars\)$/);
      assert.ok(lines.some((line) => line.startsWith('.env:2:')), 'dotfiles are scanned');
      assert.ok(lines.some((line) => line.startsWith('deploy/keys/id_rsa:1:1  ')), 'private key file');
      assert.match(runs.text.stdout, /\n\n/, 'a blank line between files');
      assert.match(lines.filter(Boolean).pop() ?? '', /^\d+ findings \(.*\) in \d+ files · \d+ files scanned/);
      assert.ok(!runs.text.stdout.includes('\u001b['), 'no color when stdout is not a terminal');
    });

    it('writes JSON with relative paths, positions and a summary', () => {
      const report = parseJson(runs.json);
      const byRule = new Map(report.findings.map((finding) => [finding.ruleId, finding]));
      for (const rule of ['github-pat', 'aws-access-key-id', 'stripe-secret-key', 'slack-bot-token', 'private-key']) {
        assert.ok(byRule.has(rule), `finding for ${rule}`);
      }
      const pat = byRule.get('github-pat') as JsonFinding;
      assert.deepStrictEqual([pat.path, pat.line, pat.column], ['src/config.ts', 3, 23]);
      assert.strictEqual(pat.endColumn - pat.column, fakeValue('github-pat', 'cli-1').length);
      assert.match(pat.fingerprint, /^[0-9a-f]{64}$/);
      assert.strictEqual((byRule.get('slack-bot-token') as JsonFinding).path, 'my dir/slack.yaml');
      const pem = byRule.get('private-key') as JsonFinding;
      assert.ok(pem.endLine > pem.line, 'a PEM block spans lines');
      assert.strictEqual(report.summary.findings, report.findings.length);
      assert.strictEqual(report.summary.filesScanned, 6);
    });

    it('writes SARIF 2.1.0 that validates against the published schema', () => {
      const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8'));
      // unicodeRegExp off: the published schema has a `pattern` that is only valid as a non-unicode RegExp.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      const log = JSON.parse(runs.sarif.stdout) as Sarif.Log;
      const valid = validate(log);
      assert.ok(valid, `SARIF invalid: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);

      const run = log.runs[0];
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(run.tool.driver.name, 'Keyguard');
      assert.strictEqual(run.tool.driver.version, VERSION);
      const results = run.results ?? [];
      const result = results.find((r) => r.ruleId === 'github-pat');
      assert.ok(result, 'github-pat result');
      const rule = run.tool.driver.rules?.[result.ruleIndex ?? -1];
      assert.strictEqual(rule?.id, 'github-pat');
      assert.match(rule?.helpUri ?? '', /#rule-github-pat$/);
      assert.strictEqual(rule?.defaultConfiguration?.level, 'error');
      assert.strictEqual(result.level, 'error');
      const location = result.locations?.[0].physicalLocation;
      assert.deepStrictEqual(location?.artifactLocation, { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' });
      const length = fakeValue('github-pat', 'cli-1').length;
      assert.deepStrictEqual(location?.region, { startLine: 3, startColumn: 23, endLine: 3, endColumn: 23 + length });
      assert.match(result.message.text ?? '', /ghp_…/);
      assert.match(Object.values(result.partialFingerprints ?? {})[0] ?? '', /^[0-9a-f]{64}$/);
      const slack = results.find((r) => r.ruleId === 'slack-bot-token');
      assert.strictEqual(slack?.locations?.[0].physicalLocation?.artifactLocation?.uri, 'my%20dir/slack.yaml');
      assert.strictEqual(results.length, parseJson(runs.json).findings.length, 'same findings as JSON');
    });

    it('writes the report to --output and keeps stdout empty', () => {
      const run = keyguard(['scan', '--format', 'sarif', '--output', 'out/report.sarif'], root);
      assert.strictEqual(run.status, 1);
      assert.strictEqual(run.stdout, '');
      const written = fs.readFileSync(path.join(root, 'out', 'report.sarif'), 'utf8');
      assertNoClearSecrets(written, 'SARIF file');
      assert.strictEqual(JSON.parse(written).runs[0].results.length, parseJson(runs.json).findings.length);
      fs.rmSync(path.join(root, 'out'), { recursive: true });
    });

    it('exits 2 when the output file cannot be written', () => {
      const run = keyguard(['scan', '--output', 'clean/readme.md/report.txt'], root);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /^keyguard: cannot write clean\/readme\.md\/report\.txt/);
    });

    it('exits 0 on a clean path', () => {
      const run = keyguard(['scan', 'clean'], root);
      assert.strictEqual(run.status, 0);
      assert.match(run.stdout, /No secrets or risky config found · 1 file scanned/);
    });

    it('scans only the files it is given (pre-commit passes file names)', () => {
      const report = parseJson(keyguard(['scan', '--format', 'json', 'src/config.ts', '.env'], root));
      assert.deepStrictEqual([...new Set(report.findings.map((f) => f.path))].sort(), ['.env', 'src/config.ts']);
    });

    it('reports paths relative to a directory outside the working directory', () => {
      const elsewhere = makeTree({});
      const report = parseJson(keyguard(['scan', '--format', 'json', root], elsewhere));
      assert.ok(report.findings.some((f) => f.path === 'src/config.ts'));
    });

    it('turns rules off with --disable', () => {
      const report = parseJson(keyguard(['scan', '--format', 'json', '--disable', 'github-pat,private-key'], root));
      const rules = new Set(report.findings.map((f) => f.ruleId));
      assert.ok(!rules.has('github-pat') && !rules.has('private-key'));
      assert.ok(rules.has('stripe-secret-key'));
    });

    it('colors only when asked and not forbidden', () => {
      assert.ok(keyguard(['scan'], root, { FORCE_COLOR: '1' }).stdout.includes('\u001b[31m'), 'FORCE_COLOR colors');
      assert.ok(!keyguard(['scan'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout.includes('\u001b['), 'NO_COLOR wins');
      assert.ok(!keyguard(['scan', '--no-color'], root, { FORCE_COLOR: '1' }).stdout.includes('\u001b['), '--no-color wins');
    });

    it('prints findings only with --quiet', () => {
      const run = keyguard(['scan', '--quiet'], root);
      assert.strictEqual(run.status, 1);
      assert.ok(!/findings \(/.test(run.stdout), 'no summary');
      assert.ok(run.stdout.includes('src/config.ts:3:'));
    });
  });

  describe('progress', () => {
    /** Runs the CLI in-process with a clock that advances 400 ms per reading. */
    function scanWithClock(stderrIsTty: boolean): string {
      const root = makeTree(Object.fromEntries(Array.from({ length: 30 }, (_v, i) => [`f${i}.txt`, `line ${i}\n`])));
      let clock = 0;
      let stderr = '';
      const status = runCli(['scan', '--format', 'json'], {
        cwd: root,
        env: {},
        stdout: { write: () => true, isTTY: false },
        stderr: { write: (text: string) => (stderr += text), isTTY: stderrIsTty },
        scriptPath: CLI,
        now: () => (clock += 400),
      });
      assert.strictEqual(status, 0);
      return stderr;
    }

    it('shows a file count on a terminal once the scan takes over a second', () => {
      const stderr = scanWithClock(true);
      assert.match(stderr, /keyguard: scanned \d+\/30 files/);
      assert.ok(stderr.endsWith('\r\u001b[K'), 'the progress line is cleared at the end');
    });

    it('stays silent when stderr is not a terminal', () => {
      assert.strictEqual(scanWithClock(false), '');
    });
  });

  describe('ignores and suppressions', () => {
    it('honours .gitignore (nested too), .keyguardignore and the default ignores', () => {
      const root = makeTree({
        '.gitignore': 'ignored/\n*.local\n',
        'ignored/a.env': `TOKEN=${plant('github-pat', 'ig-1')}\n`,
        'settings.local': `token: ${plant('github-pat', 'ig-2')}\n`,
        'pkg/.gitignore': 'generated.ts\n',
        'pkg/generated.ts': `const t = "${plant('github-pat', 'ig-3')}";\n`,
        'pkg/kept.ts': `const t = "${plant('github-pat', 'ig-4')}";\n`,
        '.keyguardignore': 'fixtures/\n',
        'fixtures/fake.env': `TOKEN=${plant('github-pat', 'ig-5')}\n`,
        'node_modules/lib/index.js': `module.exports = "${plant('github-pat', 'ig-6')}";\n`,
        'web/app.min.js': `var t="${plant('github-pat', 'ig-7')}";\n`,
      });
      const report = parseJson(keyguard(['scan', '--format', 'json'], root));
      assert.deepStrictEqual(report.findings.map((f) => f.path), ['pkg/kept.ts']);

      const all = parseJson(keyguard(['scan', '--format', 'json', '--no-gitignore'], root));
      assert.deepStrictEqual(
        [...new Set(all.findings.map((f) => f.path))].sort(),
        ['ignored/a.env', 'pkg/generated.ts', 'pkg/kept.ts', 'settings.local'],
        '--no-gitignore still applies .keyguardignore and the defaults',
      );
    });

    it('scans a directory named on the command line even when a parent .gitignore lists it', () => {
      const root = makeTree({
        '.gitignore': 'corpus/\n',
        'corpus/a.env': `TOKEN=${plant('github-pat', 'ig-8')}\n`,
      });
      const report = parseJson(keyguard(['scan', '--format', 'json', 'corpus'], root));
      assert.deepStrictEqual(report.findings.map((f) => f.path), ['a.env'], 'relative to the scanned directory');
    });

    it('applies .keyguardignore and the defaults to file names passed on the command line', () => {
      const root = makeTree({
        '.keyguardignore': 'fixtures/\n',
        'fixtures/fake.env': `TOKEN=${plant('github-pat', 'ig-9')}\n`,
        'app.min.js': `var t="${plant('github-pat', 'ig-10')}";\n`,
        'real.env': `TOKEN=${plant('github-pat', 'ig-11')}\n`,
      });
      const report = parseJson(keyguard(['scan', '--format', 'json', 'fixtures/fake.env', 'app.min.js', 'real.env'], root));
      assert.deepStrictEqual(report.findings.map((f) => f.path), ['real.env']);
      assert.deepStrictEqual(report.skipped.map((s) => s.path).sort(), ['app.min.js', 'fixtures/fake.env']);
    });

    it('honours inline markers and the fingerprint allowlist', () => {
      const root = makeTree({
        'a.ts': `const a = "${plant('github-pat', 'sup-1')}"; // keyguard:ignore\n`,
        'b.ts': `// keyguard:ignore stripe-secret-key\nconst b = "${plant('github-pat', 'sup-2')}";\n`,
        'c.json': `{ "token": "${plant('github-pat', 'sup-3')}" }\n`,
        'd.ts': `const d = "${plant('github-pat', 'sup-4')}"; // keyguard:ignore until 2001-01-01\n`,
      });
      const first = parseJson(keyguard(['scan', '--format', 'json'], root));
      assert.deepStrictEqual(first.findings.map((f) => f.path), ['b.ts', 'c.json', 'd.ts']);

      const json = first.findings.find((f) => f.path === 'c.json') as JsonFinding;
      fs.mkdirSync(path.join(root, '.keyguard'));
      fs.writeFileSync(
        path.join(root, '.keyguard', 'allowlist.json'),
        JSON.stringify({ version: 1, entries: [{ ruleId: json.ruleId, fingerprint: json.fingerprint, path: 'c.json', reason: 'test' }] }),
      );
      const second = parseJson(keyguard(['scan', '--format', 'json'], root));
      assert.deepStrictEqual(second.findings.map((f) => f.path), ['b.ts', 'd.ts']);

      fs.writeFileSync(path.join(root, '.keyguard', 'allowlist.json'), '{ broken');
      const broken = keyguard(['scan'], root);
      assert.strictEqual(broken.status, 1);
      assert.match(broken.stderr, /warning: \.keyguard\/allowlist\.json: allowlist is not valid JSON/);
    });
  });

  describe('bad input never crashes', () => {
    it('skips binary, huge and unreadable files with a note, and scans malformed or invalid text', () => {
      const pat = plant('github-pat', 'bad-1');
      const invalidUtf8 = Buffer.concat([Buffer.from('token = "'), Buffer.from(pat), Buffer.from('"\n# caf'), Buffer.from([0xe9, 0x0a])]);
      const root = makeTree({
        'blob.bin.data': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01, 0x02, 0xff, 0xfe]),
        'huge.txt': 'a'.repeat(2 * 1024 * 1024),
        'latin1.py': invalidUtf8,
        'broken.json': `{ "token": "${plant('github-pat', 'bad-2')}", `,
        'broken.yaml': `key: [unclosed\n  token: ${plant('github-pat', 'bad-3')}\n\t- :\n`,
        'empty.env': '',
      });
      const run = keyguard(['scan', '--format', 'json'], root);
      assert.strictEqual(run.status, 1);
      const report = parseJson(run);
      const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]));
      assert.strictEqual(skipped.get('blob.bin.data'), 'binary');
      assert.match(skipped.get('huge.txt') ?? '', /^too large/);
      const paths = new Set(report.findings.map((f) => f.path));
      for (const file of ['latin1.py', 'broken.json', 'broken.yaml']) assert.ok(paths.has(file), `finding in ${file}`);
      assertNoClearSecrets(run.stdout, 'json');

      const verbose = keyguard(['scan', '--verbose'], root);
      assert.match(verbose.stdout, /skipped blob\.bin\.data: binary/);
      assert.match(verbose.stdout, /skipped huge\.txt: too large/);

      const larger = parseJson(keyguard(['scan', '--format', 'json', '--max-file-size', '3mb'], root));
      assert.ok(!larger.skipped.some((s) => s.path === 'huge.txt'), '--max-file-size raises the limit');
    });

    it('records a file whose read fails as skipped and scans the rest', () => {
      const pat = plant('github-pat', 'bad-4');
      const report = runScan(
        {
          base: os.tmpdir(),
          skipped: [],
          files: [
            { path: 'gone.env', size: 10, read: () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } },
            { path: 'ok.ts', size: 60, read: () => new TextEncoder().encode(`const t = "${pat}";\n`) },
          ],
        },
        { maxFileSize: 1024, disabledRules: [], now: Date.now() },
      );
      assert.deepStrictEqual(report.skipped, [{ path: 'gone.env', reason: 'unreadable: permission denied: file' }]);
      assert.deepStrictEqual(report.findings.map((f) => [f.path, f.ruleId]), [['ok.ts', 'github-pat']]);
      assert.strictEqual(report.filesScanned, 1);
    });

    it('skips an unreadable file on disk instead of failing the scan', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      const root = makeTree({ 'secret.env': 'A=1\n', 'ok.txt': 'fine\n' });
      fs.chmodSync(path.join(root, 'secret.env'), 0o000);
      const run = keyguard(['scan', '--format', 'json'], root);
      assert.strictEqual(run.status, 0);
      assert.match(parseJson(run).skipped.find((s) => s.path === 'secret.env')?.reason ?? '', /unreadable/);
    });
  });

  describe('git integration', () => {
    function makeRepo(files: Record<string, string>): string {
      const root = makeTree(files);
      git(['init', '-q', '-b', 'main'], root);
      return root;
    }

    it('--staged scans the staged content with its own line numbers', () => {
      const staged = plant('github-pat', 'git-1');
      const root = makeRepo({ 'app.ts': `// a\n// b\nconst t = "${staged}";\n`, 'notes.ts': 'export {};\n' });
      git(['add', 'app.ts'], root);
      // The working tree moves the secret to line 6; the commit would still contain it on line 3.
      fs.writeFileSync(path.join(root, 'app.ts'), `// a\n// b\n// c\n// d\n// e\nconst t = "${staged}";\n`);
      // A secret that is not staged is not part of the commit.
      fs.writeFileSync(path.join(root, 'notes.ts'), `const n = "${plant('github-pat', 'git-2')}";\n`);

      // Staged files listed in .keyguardignore are left out too.
      fs.writeFileSync(path.join(root, '.keyguardignore'), 'fixtures/\n');
      fs.mkdirSync(path.join(root, 'fixtures'));
      fs.writeFileSync(path.join(root, 'fixtures', 'fake.env'), `TOKEN=${plant('github-pat', 'git-3')}\n`);
      git(['add', 'fixtures/fake.env'], root);

      const run = keyguard(['scan', '--staged', '--format', 'json'], root);
      assert.strictEqual(run.status, 1);
      const report = parseJson(run);
      assert.deepStrictEqual(report.findings.map((f) => [f.path, f.line]), [['app.ts', 3]]);
      assertNoClearSecrets(run.stdout + run.stderr, 'staged scan');

      const fromSubdir = path.join(root, 'sub');
      fs.mkdirSync(fromSubdir);
      assert.strictEqual(parseJson(keyguard(['scan', '--staged', '--format', 'json'], fromSubdir)).findings[0]?.path, 'app.ts');
    });

    it('--staged exits 0 when nothing risky is staged, and 2 outside a repository', () => {
      const root = makeRepo({ 'a.txt': 'hello\n' });
      git(['add', 'a.txt'], root);
      assert.strictEqual(keyguard(['scan', '--staged'], root).status, 0);
      const outside = makeTree({ 'a.txt': 'x\n' });
      const run = keyguard(['scan', '--staged'], outside, { GIT_CEILING_DIRECTORIES: path.dirname(outside) });
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /^keyguard: not a git repository/);
    });

    it('install-hook creates an executable hook that blocks commits with secrets', () => {
      const root = makeRepo({ 'README.md': 'hi\n' });
      const first = keyguard(['install-hook'], root);
      assert.strictEqual(first.status, 0);
      const hook = path.join(root, '.git', 'hooks', 'pre-commit');
      assert.ok(fs.statSync(hook).mode & 0o100, 'executable');
      const content = fs.readFileSync(hook, 'utf8');
      assert.ok(content.startsWith('#!/bin/sh\n'));
      assert.match(content, /scan --staged/);

      assert.strictEqual(keyguard(['install-hook'], root).status, 0);
      assert.strictEqual(fs.readFileSync(hook, 'utf8'), content, 'idempotent');

      git(['add', 'README.md'], root);
      git(['commit', '-q', '-m', 'clean'], root);
      fs.writeFileSync(path.join(root, 'leak.ts'), `const t = "${plant('github-pat', 'hook-1')}";\n`);
      git(['add', 'leak.ts'], root);
      assert.throws(() => git(['commit', '-q', '-m', 'leak'], root), /git commit failed/);
    });

    it('install-hook keeps an existing hook and adds its block once', () => {
      const root = makeRepo({});
      const hook = path.join(root, '.git', 'hooks', 'pre-commit');
      fs.mkdirSync(path.dirname(hook), { recursive: true });
      fs.writeFileSync(hook, '#!/bin/bash\necho "lint first"\nexit 0\n', { mode: 0o644 });
      assert.strictEqual(keyguard(['install-hook'], root).status, 0);
      assert.strictEqual(keyguard(['install-hook'], root).status, 0);
      const content = fs.readFileSync(hook, 'utf8');
      assert.ok(content.startsWith('#!/bin/bash\n# >>> keyguard pre-commit >>>'), 'block runs before the old body');
      assert.ok(content.endsWith('echo "lint first"\nexit 0\n'), 'old body kept');
      assert.strictEqual(content.split('# >>> keyguard pre-commit >>>').length, 2, 'one block');
      assert.ok(fs.statSync(hook).mode & 0o100, 'made executable');
    });

    it('install-hook follows core.hooksPath and refuses non-shell hooks', () => {
      const root = makeRepo({});
      git(['config', 'core.hooksPath', '.githooks'], root);
      assert.strictEqual(keyguard(['install-hook'], root).status, 0);
      assert.ok(fs.existsSync(path.join(root, '.githooks', 'pre-commit')));
      assert.ok(!fs.existsSync(path.join(root, '.git', 'hooks', 'pre-commit')));

      fs.writeFileSync(path.join(root, '.githooks', 'pre-commit'), '#!/usr/bin/env python3\nprint("hi")\n');
      const run = keyguard(['install-hook'], root);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /not a shell script/);
    });
  });
});
