import * as assert from 'assert';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { DAY, HOUR } from '../../src/engine/vault/countdown';
import {
  createKeyMeta, endGrace, guessProvider, isValidKeyName, knownKeysOf, nextGraceEnd, purgeExpiredGrace, revoke, sanitizeKeyMeta, toListedKey, valueProblem,
} from '../../src/engine/vault/lifecycle';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const VALUE = `life-${'Qz9'.repeat(9)}`;
const OLD = `old-${'Lm4'.repeat(9)}`;

describe('vault lifecycle', () => {
  const meta = createKeyMeta({ name: 'SERVICE_KEY', value: VALUE, expiresAt: NOW + 30 * DAY, tier: 'admin' }, NOW);

  it('creates metadata without the value', () => {
    assert.strictEqual(meta.fingerprint, fingerprintOf(VALUE));
    assert.strictEqual(meta.status, 'active');
    assert.strictEqual(meta.inject, true);
    assert.strictEqual(meta.scope, 'global');
    assert.ok(meta.masked.startsWith(VALUE.slice(0, 4)) && meta.masked.includes(`(${VALUE.length} chars)`));
    assert.ok(!JSON.stringify(meta).includes(VALUE), 'metadata contains the value');
  });

  it('keeps creation time, policy and managed files when a key is replaced', () => {
    const existing = { ...meta, createdAt: NOW - 50 * DAY, rotateEveryDays: 30, managedEnvFiles: ['file:///w/.env'] };
    const replaced = createKeyMeta({ name: 'SERVICE_KEY', value: OLD }, NOW, existing);
    assert.strictEqual(replaced.createdAt, NOW - 50 * DAY);
    assert.strictEqual(replaced.rotateEveryDays, 30);
    assert.strictEqual(replaced.tier, 'admin');
    assert.deepStrictEqual(replaced.managedEnvFiles, ['file:///w/.env']);
    assert.strictEqual(replaced.expiresAt, undefined);
  });

  it('validates names and values', () => {
    for (const good of ['A', 'OPENAI_API_KEY', '_X1', 'lower_case']) assert.ok(isValidKeyName(good), good);
    for (const bad of ['', '1ABC', 'A-B', 'A B', 'A.B', 'X'.repeat(200)]) assert.ok(!isValidKeyName(bad), bad);
    assert.ok(valueProblem(''));
    assert.ok(valueProblem('   '));
    assert.strictEqual(valueProblem(VALUE), undefined);
  });

  it('revokes: status revoked, every grace value to purge', () => {
    const withGrace = { ...meta, previous: [{ fingerprint: fingerprintOf(OLD), masked: 'old-… (31 chars)', graceUntil: NOW + HOUR, rotatedAt: NOW }] };
    const { meta: revoked, purge } = revoke(withGrace, NOW);
    assert.strictEqual(revoked.status, 'revoked');
    assert.deepStrictEqual(revoked.previous, []);
    assert.deepStrictEqual(purge, [fingerprintOf(OLD)]);
    assert.deepStrictEqual(knownKeysOf([revoked]), []);
  });

  it('purges grace values only when their period is over', () => {
    const grace = (fp: string, until: number) => ({ fingerprint: fp, masked: 'm', graceUntil: until, rotatedAt: NOW - DAY });
    const withGrace = { ...meta, previous: [grace('1'.repeat(64), NOW - 1), grace('2'.repeat(64), NOW + HOUR)] };
    const { meta: after, purge } = purgeExpiredGrace(withGrace, NOW);
    assert.deepStrictEqual(purge, ['1'.repeat(64)]);
    assert.deepStrictEqual(after.previous.map((v) => v.fingerprint), ['2'.repeat(64)]);
    assert.strictEqual(nextGraceEnd([after]), NOW + HOUR);
    assert.strictEqual(purgeExpiredGrace(after, NOW).purge.length, 0);
    const ended = endGrace(withGrace, '2'.repeat(64));
    assert.deepStrictEqual(ended.purge, ['2'.repeat(64)]);
    assert.strictEqual(ended.meta.previous.length, 1);
  });

  it('lists keys masked, never with a value or fingerprint', () => {
    const listed = toListedKey(meta, NOW);
    const json = JSON.stringify(listed);
    assert.ok(!json.includes(VALUE) && !json.includes(meta.fingerprint));
    assert.strictEqual(listed.countdown, '30d 0h');
    assert.strictEqual(listed.tier, 'admin');
  });

  it('offers active and grace fingerprints to the scanner', () => {
    const withGrace = { ...meta, previous: [{ fingerprint: fingerprintOf(OLD), masked: 'm', length: OLD.length, graceUntil: NOW + HOUR, rotatedAt: NOW }] };
    assert.deepStrictEqual(knownKeysOf([withGrace]), [
      { name: 'SERVICE_KEY', fingerprint: fingerprintOf(VALUE), length: VALUE.length, tier: 'admin' },
      { name: 'SERVICE_KEY', fingerprint: fingerprintOf(OLD), length: OLD.length, tier: 'admin' },
    ]);
  });

  it('guesses the provider from the widest non-generic finding', () => {
    const detect = () => [
      { ruleId: 'generic-secret', provider: 'Generic', range: { start: 0, end: VALUE.length } },
      { ruleId: 'acme-key', provider: 'Acme', range: { start: 0, end: VALUE.length } },
      { ruleId: 'tiny', provider: 'Tiny', range: { start: 0, end: 3 } },
    ];
    assert.deepStrictEqual(guessProvider(VALUE, detect), { provider: 'Acme', ruleId: 'acme-key' });
    assert.strictEqual(guessProvider(VALUE, () => []), undefined);
  });

  it('sanitizes stored metadata', () => {
    assert.strictEqual(sanitizeKeyMeta(null), undefined);
    assert.strictEqual(sanitizeKeyMeta({ name: 'bad name', fingerprint: meta.fingerprint }), undefined);
    assert.strictEqual(sanitizeKeyMeta({ name: 'OK', fingerprint: 'short' }), undefined);
    const restored = sanitizeKeyMeta({ name: 'OK', fingerprint: meta.fingerprint, tier: 'root', status: 'weird', previous: 'x' });
    assert.ok(restored);
    assert.strictEqual(restored?.tier, 'developer');
    assert.strictEqual(restored?.status, 'active');
    assert.deepStrictEqual(restored?.previous, []);
    const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    assert.deepStrictEqual(roundTrip(sanitizeKeyMeta(roundTrip(meta))), roundTrip(meta));
  });
});
