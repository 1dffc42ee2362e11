import * as assert from 'assert';
import { detectGeneric } from '../../src/engine/generic';
import { isPlaceholder } from '../../src/engine/placeholders';
import { detectRisky } from '../../src/engine/risky';
import { buildContext } from '../../src/engine/scanner';
import type { RawMatch } from '../../src/engine/types';
import { describeMatches, maskValue } from '../support/matchReport';
import { mulberry32, seedFromText } from '../support/random';

/**
 * Credentials written the way people write them in notes and diffs: `user:admin password:…` on one line,
 * `id=admin,pwd=…`, and a JSON password on an added line of a unified diff. Values are generated when the
 * tests run; none is a live credential.
 */


const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random password of letters and digits (every class present), made from the seed. */
function fakePassword(seed: string, length = 11): string {
  const random = mulberry32(seedFromText(`credential-lines:${seed}`));
  const pick = (alphabet: string): string => alphabet[Math.floor(random() * alphabet.length)];
  for (;;) {
    let value = pick(UPPER) + pick(LOWER) + pick(DIGITS);
    while (value.length < length) value += pick(LOWER + UPPER + DIGITS);
    if (!isPlaceholder(value)) return value;
  }
}


function detectAll(text: string, fileName: string): RawMatch[] {
  const ctx = buildContext(text, fileName, []);
  return [...detectGeneric(ctx), ...detectRisky(ctx)].filter((m) => m.ruleId === 'generic-password' || m.ruleId === 'generic-secret' || m.ruleId === 'plaintext-password');
}


/** `{{pw}}` is the generated password; the one finding must cover exactly it. */
const POSITIVES: Array<[file: string, template: string, keyName: string]> = [
  ['notes.txt', 'user:admin password:{{pw}}\n', 'password'],
  ['notes.txt', 'ID:admin PW:{{pw}}\n', 'PW'],
  ['notes.txt', 'username:admin,password:{{pw}}\n', 'password'],
  ['notes.txt', 'user=admin,pwd={{pw}}\n', 'pwd'],
  ['notes.txt', 'Username:admin/Password:{{pw}}\n', 'Password'],
  ['notes.txt', '(10.0.0.5)ID:admin PW:{{pw}}\n', 'PW'],
  ['notes.txt', 'login:admin pass:{{pw}} host:db.internal\n', 'pass'],
  ['notes.txt', 'password:{{pw}} username:admin\n', 'password'],
  ['notes.txt', 'ssh deploy@10.0.0.5 pwd:{{pw}}\n', 'pwd'],
  ['notes.txt', 'admin@db.internal,PW:{{pw}}\n', 'PW'],
  ['README.md', 'Log in with `user:admin password:{{pw}}` on the test box.\n', 'password'],
  ['fix.patch', '--- a/conf.json\n+++ b/conf.json\n@@ -1,3 +1,4 @@\n+{\n+  "type": "db",\n+  "password": "{{pw}}"\n+}\n', 'password'],
  ['fix.diff', '+  "password": "{{pw}}"\n+  }\n', 'password'],
  // Two-word labels opening a line
  ['notes.txt', 'Initial Password: {{pw}}\n', 'Password'],
  ['notes.txt', 'default password:{{pw}}\n', 'password'],
  ['README.md', 'API Secret:{{pw}}\n', 'Secret'],
  ['notes.txt', 'Secret Key:{{pw}}\n', 'Secret Key'],
  ['notes.txt', 'SECRET KEY: {{pw}}\n', 'SECRET KEY'],
  // PowerShell's plain-text SecureString outside a .ps1 file
  ['README.md', '```powershell\n$cred = ConvertTo-SecureString "{{pw}}" -AsPlainText -Force\n```\n', 'password'],
  ['deploy.bat', 'pwsh -NoProfile -Command "$p = ConvertTo-SecureString \'{{pw}}\' -AsPlainText -Force"\n', 'password'],
  // JSON written inside a string: a JSON value, a Python literal, a log line
  ['state.json', '{"config": "{\\"db_password\\":\\"{{pw}}\\",\\"host\\":\\"db\\"}"}\n', 'db_password'],
  ['app.py', 'payload = "{\\"password\\": \\"{{pw}}\\"}"\n', 'password'],
  ['server.log', 'INFO request body={\\"api_token\\":\\"{{pw}}\\",\\"id\\":7}\n', 'api_token'],
];

/** No finding: a lone bare word after `name:` mid-line, pairs whose value is a word or placeholder, concatenation. */
const NEGATIVES: Array<[file: string, text: string]> = [
  ['notes.txt', 'status:ok token:expired\n'],
  ['notes.txt', 'user:bob password:changeme\n'],
  ['notes.txt', 'type:string password:string\n'],
  ['notes.txt', 'required:true password:required\n'],
  ['notes.txt', 'user:bob password:${DB_PASSWORD}\n'],
  ['notes.txt', 'user:bob password:<password>\n'],
  ['notes.txt', 'user:bob password:password123\n'],
  ['notes.txt', 'see the docs and set password:Hk3xPq9Lm2 yourself\n'],
  ['notes.txt', 'user: admin password:Hk3xPq9Lm2\n'],
  ['App.java', 'String password = "Kx83hQmz2P"\n    + suffix;\n'],
  ['notes.txt', 'Primary Key: id\n'],
  ['notes.txt', 'Cache Key: user:123:profile\n'],
  ['notes.txt', 'Hot Key:Ctrl+K\n'],
  ['README.md', 'Access Token: none\n'],
  ['README.md', 'API Key: <your-api-key>\n'],
  ['README.md', 'Secret Key: ${SECRET_KEY}\n'],
  ['README.md', 'Translation Key: errors.auth.invalidPassword\n'],
  ['notes.txt', 'The API Secret:Hk3xPq9Lm2Zt\n'],
  ['notes.txt', 'write to admin@example.com password:reset requests\n'],
  ['notes.txt', 'see docs@example.com token:expired\n'],
  ['README.md', '$secure = ConvertTo-SecureString "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000"\n'],
  ['README.md', '$secure = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force\n'],
  ['state.json', '{"config": "{\\"db_password\\":\\"\\",\\"host\\":\\"db\\"}"}\n'],
  ['state.json', '{"config": "{\\"password\\":\\"${DB_PASSWORD}\\"}"}\n'],
  ['state.json', '{"config": "{\\"token\\":null,\\"secret\\":true}"}\n'],
  ['app.py', 'body = "{\\"password\\":\\"changeme\\"}"\n'],
  ['state.json', '{"tpl": "{\\"api_key\\":\\"<your-key>\\"}"}\n'],
];

describe('generic detector: credential lines in notes and diffs', () => {
  POSITIVES.forEach(([file, template, keyName], index) => {
    it(`#${index} ${file}: ${template.split('\n').find((l) => l.includes('{{pw}}'))!.trim()}`, () => {
      // Labels that say `secret` or `key` need the length of generated key material.
      const value = fakePassword(`pos${index}`, /secret|key|token/i.test(template) ? 24 : 11);
      const text = template.replace('{{pw}}', value);
      const start = text.indexOf(value);
      const matches = detectAll(text, file);
      assert.strictEqual(matches.length, 1, `expected one finding on ${maskValue(value)}, got ${describeMatches(matches, text)}`);
      assert.deepStrictEqual([matches[0].start, matches[0].end], [start, start + value.length], `range of ${maskValue(value)}`);
      assert.strictEqual(matches[0].keyName, keyName);
    });
  });

  NEGATIVES.forEach(([file, text], index) => {
    it(`negative #${index} ${file}: ${text.split('\n')[0]}`, () => {
      const matches = detectAll(text, file);
      assert.deepStrictEqual(matches, [], `expected nothing, got ${describeMatches(matches, text)}`);
    });
  });

  it('reads a long line of tight pairs in linear time', () => {
    const line = `${'k:v '.repeat(50_000)}password:${fakePassword('long')}\n`;
    const t0 = process.hrtime.bigint();
    const matches = detectAll(line, 'notes.txt');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.strictEqual(matches.length, 1);
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });
});
