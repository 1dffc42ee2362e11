import * as assert from 'assert';
import { clockSkewOf, describeSkew, expandProviderUrl, parseCommandOutput, parseProviderJson, readJsonPath, readProviderExpiry } from '../../src/engine/vault/providers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const NEW_VALUE = `rotated-${'x7'.repeat(12)}`;

describe('vault provider responses', () => {
  it('reads dotted paths with indexes', () => {
    const body = { data: { key: 'k', items: [{ secret: 's' }] } };
    assert.strictEqual(readJsonPath(body, 'data.key'), 'k');
    assert.strictEqual(readJsonPath(body, 'data.items[0].secret'), 's');
    assert.strictEqual(readJsonPath(body, 'data.items.0.secret'), 's');
    assert.strictEqual(readJsonPath(body, 'data.missing.key'), undefined);
    assert.strictEqual(readJsonPath('text', 'a'), undefined);
  });

  it('reads the key and expiry from a JSON answer', () => {
    const body = JSON.stringify({ data: { key: NEW_VALUE, expires_at: '2027-01-31T00:00:00Z' } });
    const parsed = parseProviderJson(body, { keyPath: 'data.key', expiresAtPath: 'data.expires_at' });
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.ok && parsed.value === NEW_VALUE, true);
    assert.strictEqual(parsed.ok && parsed.expiresAt, Date.UTC(2027, 0, 31));
  });

  it('accepts a missing expiry but not an unreadable one', () => {
    const noExpiry = parseProviderJson(JSON.stringify({ key: NEW_VALUE }), { keyPath: 'key', expiresAtPath: 'expires_at' });
    assert.ok(noExpiry.ok && noExpiry.expiresAt === undefined);
    const bad = parseProviderJson(JSON.stringify({ key: NEW_VALUE, expires_at: 'soon' }), { keyPath: 'key', expiresAtPath: 'expires_at' });
    assert.strictEqual(bad.ok, false);
  });

  it('reads expiries as epoch seconds, milliseconds and ISO text', () => {
    assert.strictEqual(readProviderExpiry(1_800_000_000), 1_800_000_000_000);
    assert.strictEqual(readProviderExpiry(1_800_000_000_123), 1_800_000_000_123);
    assert.strictEqual(readProviderExpiry('1800000000'), 1_800_000_000_000);
    assert.strictEqual(readProviderExpiry('2027-01-31'), Date.UTC(2027, 0, 31));
    assert.strictEqual(readProviderExpiry(null), undefined);
  });

  it('fails without quoting the body (it may hold a key)', () => {
    const cases = ['not json', JSON.stringify({ other: NEW_VALUE }), JSON.stringify({ key: 42 }), JSON.stringify({ key: 'two words' })];
    for (const body of cases) {
      const parsed = parseProviderJson(body, { keyPath: 'key' });
      assert.strictEqual(parsed.ok, false);
      assert.ok(!parsed.ok && !parsed.error.includes(NEW_VALUE), 'the error quotes the value');
    }
  });

  it('reads command output: a bare key line or JSON', () => {
    const bare = parseCommandOutput(`\n${NEW_VALUE}\n`, { keyPath: 'key' });
    assert.ok(bare.ok && bare.value === NEW_VALUE);
    const json = parseCommandOutput(JSON.stringify({ key: NEW_VALUE, expires_at: 1_800_000_000 }), { keyPath: 'key', expiresAtPath: 'expires_at' });
    assert.ok(json.ok && json.value === NEW_VALUE && json.expiresAt === 1_800_000_000_000);
    assert.strictEqual(parseCommandOutput('   \n', { keyPath: 'key' }).ok, false);
    assert.strictEqual(parseCommandOutput('Error: permission denied', { keyPath: 'key' }).ok, false);
  });

  it('expands ${name} in URLs', () => {
    assert.strictEqual(expandProviderUrl('http://127.0.0.1:9/rotate/${name}', 'A_KEY'), 'http://127.0.0.1:9/rotate/A_KEY');
  });
});

describe('vault clock skew', () => {
  const header = (offset: number) => new Date(NOW + offset).toUTCString();
  it('tolerates up to 5 s either way, plus the header rounding', () => {
    for (const offset of [0, 4_000, -4_000, 5_000, -5_000, -5_900]) {
      const skew = clockSkewOf(header(offset), NOW);
      assert.ok(skew && !skew.exceeds, `offset ${offset} flagged`);
    }
  });
  it('warns beyond 5 s', () => {
    for (const offset of [6_000, -7_000, 3_600_000, -120_000]) {
      const skew = clockSkewOf(header(offset), NOW);
      assert.ok(skew?.exceeds, `offset ${offset} not flagged`);
    }
    const ahead = clockSkewOf(header(30_000), NOW);
    assert.ok(ahead && describeSkew(ahead).includes('30 s ahead'));
    const behind = clockSkewOf(header(-30_000), NOW);
    assert.ok(behind && describeSkew(behind).includes('30 s behind'));
  });
  it('ignores missing or unreadable headers', () => {
    assert.strictEqual(clockSkewOf(undefined, NOW), undefined);
    assert.strictEqual(clockSkewOf('yesterday', NOW), undefined);
  });
});
