import * as assert from 'assert';
import { DAY, HOUR, MINUTE } from '../../src/engine/vault/countdown';
import { expiryAfterRotation, jwtExpiry, parseExpiry } from '../../src/engine/vault/expiry';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A JWT built now from parts (never a committed token literal); the signature is random filler. */
function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('not-a-signature-' + Math.random()).toString('base64url')}`;
}

function ok(input: string | number | undefined, value?: string): number | undefined {
  const result = parseExpiry(input, NOW, value);
  assert.ok(result.ok, `expected ${String(input)} to parse: ${result.ok ? '' : result.error}`);
  return result.expiresAt;
}

describe('vault expiry parsing', () => {
  it('reads ISO dates as midnight UTC and date-times as given', () => {
    assert.strictEqual(ok('2027-01-31'), Date.UTC(2027, 0, 31));
    assert.strictEqual(ok('2027-01-31T10:30:00Z'), Date.UTC(2027, 0, 31, 10, 30));
    assert.strictEqual(ok('2027-01-31 10:30Z'), Date.UTC(2027, 0, 31, 10, 30));
  });

  it('reads relative forms', () => {
    assert.strictEqual(ok('in 30 days'), NOW + 30 * DAY);
    assert.strictEqual(ok('30d'), NOW + 30 * DAY);
    assert.strictEqual(ok('30 days'), NOW + 30 * DAY);
    assert.strictEqual(ok('In 1 Day'), NOW + DAY);
    assert.strictEqual(ok('12h'), NOW + 12 * HOUR);
    assert.strictEqual(ok('in 2 weeks'), NOW + 14 * DAY);
    assert.strictEqual(ok('90m'), NOW + 90 * MINUTE);
    assert.strictEqual(ok('1.5d'), NOW + 36 * HOUR);
  });

  it('reads epoch seconds and milliseconds', () => {
    assert.strictEqual(ok(1_800_000_000), 1_800_000_000_000);
    assert.strictEqual(ok(1_800_000_000_000), 1_800_000_000_000);
    assert.strictEqual(ok('1800000000'), 1_800_000_000_000);
  });

  it('means no expiry for empty, never and none', () => {
    for (const input of ['', '  ', 'never', 'none', undefined]) assert.strictEqual(ok(input), undefined);
  });

  it('accepts past dates (a key may already be expired)', () => {
    assert.strictEqual(ok('2020-01-01'), Date.UTC(2020, 0, 1));
  });

  it('rejects nonsense without guessing', () => {
    for (const input of ['tomorrow-ish', '2027-02-31', '2027-13-01', 'in 3 fortnights', '30x', 'next week', '-5d']) {
      const result = parseExpiry(input, NOW);
      assert.strictEqual(result.ok, false, `${input} should not parse`);
    }
    assert.strictEqual(parseExpiry(-5, NOW).ok, false);
    assert.strictEqual(parseExpiry(Number.NaN, NOW).ok, false);
  });

  it("takes a JWT's exp when the input is empty, auto or jwt", () => {
    const exp = Math.floor(NOW / 1000) + 3 * 86400;
    const token = fakeJwt({ sub: 'user', exp });
    assert.strictEqual(jwtExpiry(token, NOW), exp * 1000);
    assert.strictEqual(ok('', token), exp * 1000);
    assert.strictEqual(ok('auto', token), exp * 1000);
    assert.strictEqual(ok('jwt', token), exp * 1000);
    assert.strictEqual(parseExpiry('', NOW, token).ok && (parseExpiry('', NOW, token) as { source: string }).source, 'jwt');
    // An explicit date wins over the JWT.
    assert.strictEqual(ok('2027-01-31', token), Date.UTC(2027, 0, 31));
  });

  it('refuses "jwt" for values that are not JWTs, and ignores JWTs without exp', () => {
    assert.strictEqual(parseExpiry('jwt', NOW, 'plain-value-1234567890').ok, false);
    assert.strictEqual(ok('', fakeJwt({ sub: 'no-exp' })), undefined);
    assert.strictEqual(jwtExpiry('not.a.jwt', NOW), undefined);
  });
});

describe('vault expiry after rotation', () => {
  it('prefers the provider, then the JWT, then the same lifetime, then none', () => {
    const base = { newValue: 'plain-new-value-123456', previousIssuedAt: NOW - 20 * DAY, previousExpiresAt: NOW + 10 * DAY, now: NOW };
    assert.strictEqual(expiryAfterRotation({ ...base, providerExpiresAt: NOW + 5 * DAY }), NOW + 5 * DAY);
    const exp = Math.floor(NOW / 1000) + 86400;
    assert.strictEqual(expiryAfterRotation({ ...base, newValue: fakeJwt({ exp }) }), exp * 1000);
    assert.strictEqual(expiryAfterRotation(base), NOW + 30 * DAY);
    assert.strictEqual(expiryAfterRotation({ ...base, previousExpiresAt: undefined }), undefined);
  });
});
