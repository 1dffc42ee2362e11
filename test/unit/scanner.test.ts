import * as assert from 'assert';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { scanText, skipReason } from '../../src/engine/scanner';
import { fakeValue } from '../support/fakeKeys';

/** Asserts on masked forms only, so a failing test never prints a value. */
function summary(text: string, fileName: string, options = {}): string[] {
  return scanText(text, fileName, options).findings.map((f) => `${f.range.startPos.line}:${f.ruleId}`);
}

describe('scanText (the scanner that editor and CLI share)', () => {
  const token = fakeValue('github-pat', 'scanner');
  const now = Date.UTC(2026, 10, 26);

  it('reports a provider key with exact offsets, masked preview, fingerprint and remediation', () => {
    const text = `import os\n\nGITHUB_TOKEN = "${token}"\n`;
    const { findings } = scanText(text, 'app.py', { now });
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.ruleId, 'github-pat');
    assert.strictEqual(finding.kind, 'secret');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(finding.range.start, text.indexOf(token));
    assert.strictEqual(finding.range.end, text.indexOf(token) + token.length);
    assert.deepStrictEqual(finding.range.startPos, { line: 3, column: 17 });
    assert.strictEqual(finding.masked, `${token.slice(0, 4)}…${token.slice(-4)} (${token.length} chars)`);
    assert.strictEqual(finding.fingerprint, fingerprintOf(token));
    assert.ok(finding.remediation.length > 10);
    assert.ok(finding.entropy > 3);
  });

  it('reports one finding when a provider rule and the generic detector see the same value', () => {
    const text = `const config = { githubToken: "${token}" };\n`;
    assert.deepStrictEqual(summary(text, 'config.js'), ['1:github-pat']);
  });

  it('keeps the name the value was assigned to', () => {
    const text = `stripe_key = "${fakeValue('stripe-secret-key', 's')}"\n`;
    const [finding] = scanText(text, 'billing.py').findings;
    assert.strictEqual(finding.ruleId, 'stripe-secret-key');
    assert.strictEqual(finding.keyName, 'stripe_key');
  });

  it('honours disabled rules and severity overrides', () => {
    const text = `token = "${token}"\n`;
    assert.deepStrictEqual(summary(text, 'a.py', { disabledRules: ['github-pat', 'generic-secret'] }), []);
    const [finding] = scanText(text, 'a.py', { severityOverrides: { 'github-pat': 'warning' } }).findings;
    assert.strictEqual(finding.severity, 'warning');
  });

  it('drops a finding suppressed by an inline comment, but not one for another rule', () => {
    assert.deepStrictEqual(summary(`token = "${token}"  # keyguard:ignore\n`, 'a.py'), []);
    assert.deepStrictEqual(summary(`token = "${token}"  # keyguard:ignore aws-access-key-id\n`, 'a.py'), ['1:github-pat']);
  });

  it('stops honouring an inline suppression after its until date', () => {
    const text = `token = "${token}"  # keyguard:ignore github-pat until 2026-01-31\n`;
    assert.deepStrictEqual(summary(text, 'a.py', { now }), ['1:github-pat']);
    assert.deepStrictEqual(summary(text, 'a.py', { now: Date.UTC(2026, 0, 1) }), []);
  });

  it('drops a finding whose fingerprint is allowlisted for that path', () => {
    const text = `{ "token": "${token}" }\n`;
    const allowlist = [{ ruleId: 'github-pat', fingerprint: fingerprintOf(token), path: 'conf/app.json' }];
    assert.deepStrictEqual(summary(text, 'conf/app.json', { allowlist, relativePath: 'conf/app.json' }), []);
    assert.deepStrictEqual(summary(text, 'other.json', { allowlist, relativePath: 'other.json' }), ['1:github-pat']);
  });

  it('names a stored vault key found hardcoded, even when no rule recognises its shape', () => {
    const stored = 'q7Vd2LmZ0pXr8TkWc4Ny';
    const text = `client.connect(\n  "${stored}"\n)\n`;
    const knownKeys = [{ name: 'PARTNER_API_KEY', fingerprint: fingerprintOf(stored), length: stored.length, tier: 'admin' as const }];
    const { findings } = scanText(text, 'client.ts', { knownKeys });
    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].ruleId, 'stored-key');
    assert.strictEqual(findings[0].title, 'Your stored key PARTNER_API_KEY');
    assert.strictEqual(findings[0].severity, 'error');
    assert.strictEqual(findings[0].range.start, text.indexOf(stored));
  });

  it('renames a provider finding whose value is a stored key', () => {
    const knownKeys = [{ name: 'GITHUB_TOKEN', fingerprint: fingerprintOf(token), length: token.length }];
    const [finding] = scanText(`t = "${token}"\n`, 'a.py', { knownKeys }).findings;
    assert.strictEqual(finding.ruleId, 'github-pat');
    assert.strictEqual(finding.title, 'Your stored key GITHUB_TOKEN');
  });

  it('skips lockfiles, binary content, invalid UTF-8 and oversized text with a reason', () => {
    assert.match(skipReason('{}', 'package-lock.json') ?? '', /lockfile/);
    assert.match(skipReason('abc\u0000def', 'x.bin') ?? '', /binary/);
    assert.match(skipReason('\ufffd'.repeat(50) + 'abc', 'x.txt') ?? '', /UTF-8/);
    assert.match(scanText('a'.repeat(200), 'x.txt', { maxLength: 100 }).skipped ?? '', /too large/);
    assert.strictEqual(skipReason('plain text', 'notes.txt'), undefined);
  });

  it('never throws on malformed YAML and JSON, and still finds a key by line scanning', () => {
    const yaml = `a: [unclosed\n  b: : :\ntoken: ${token}\n\t- bad indent\n`;
    const json = `{ "token": "${token}", oops }`;
    assert.deepStrictEqual(summary(yaml, 'bad.yaml'), ['3:github-pat']);
    assert.deepStrictEqual(summary(json, 'bad.json'), ['1:github-pat']);
  });

  it('survives random garbage without throwing', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const fileName of ['a.yaml', 'a.json', 'a.toml', 'a.properties', '.env', 'a.ini', 'a.xml', 'a.py']) {
      const text = Array.from({ length: 4000 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      assert.doesNotThrow(() => scanText(text, fileName));
    }
  });

  it('decodes the expiry of a JWT', () => {
    const jwt = fakeValue('jwt', 'scanner');
    const { findings } = scanText(`const auth = "${jwt}";\n`, 'auth.ts', { now });
    const finding = findings.find((f) => f.ruleId === 'jwt');
    assert.ok(finding, 'expected a jwt finding');
    assert.ok(finding.jwt, 'expected decoded claims');
  });

  it('shows a risky setting as written but keeps a plaintext password masked', () => {
    const code = scanText('r = requests.get(url, verify=False)\n', 'fetch.py').findings;
    assert.deepStrictEqual(code.map((f) => [f.ruleId, f.masked]), [['tls-verify-disabled', 'False']]);
    const config = scanText('db:\n  password: "Kx9#mPq2vLw8"\n', 'config.yml').findings;
    assert.deepStrictEqual(config.map((f) => [f.ruleId, f.masked]), [['plaintext-password', 'Kx9#… (12 chars)']]);
  });

  it('never puts the clear value in any field of a finding', () => {
    const text = `API_KEY="${token}"\npassword: "Sup3r-S3cret-Pa55"\n`;
    for (const finding of scanText(text, 'mixed.env').findings) {
      const serialized = JSON.stringify(finding);
      assert.ok(!serialized.includes(token), 'finding leaks the token');
      assert.ok(!serialized.includes('Sup3r-S3cret-Pa55'), 'finding leaks the password');
    }
  });
});
