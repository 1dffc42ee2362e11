import * as assert from 'assert';
import { colonInBase64Ascii } from '../../src/engine/rules/providers/helpers';
import { mulberry32 } from '../support/random';

/** The reference: decode with Buffer, then read the decoded text. */
function reference(value: string): number | undefined {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length === 0 || bytes.some((b) => b < 0x20 || b > 0x7e)) return undefined;
  return bytes.indexOf(58);
}

describe('colonInBase64Ascii (basic-auth pairs decoded in place)', () => {
  it('agrees with a Buffer decode on generated pairs, binary, truncated and non-base64 values', () => {
    const next = mulberry32(20261206);
    const pick = (n: number) => Math.floor(next() * n);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=.:';
    let positives = 0;
    for (let i = 0; i < 20_000; i++) {
      let value: string;
      if (i % 3 === 0) {
        const raw = Buffer.from(Array.from({ length: 1 + pick(30) }, () => (next() < 0.9 ? 32 + pick(95) : pick(256))));
        value = raw.toString(next() < 0.5 ? 'base64' : 'base64url');
      } else if (i % 3 === 1) {
        value = Buffer.from(`user${pick(1000)}:${next().toString(36).slice(2, 12)}`).toString('base64');
        if (next() < 0.3) value = value.slice(0, -1 - pick(3));
      } else {
        value = Array.from({ length: pick(20) }, () => alphabet[pick(alphabet.length)]).join('');
      }
      const expected = reference(value);
      if (expected !== undefined && expected > 0) positives++;
      assert.strictEqual(colonInBase64Ascii(value), expected, `value ${JSON.stringify(value)}`);
    }
    assert.ok(positives > 5000, `only ${positives} generated values held a pair`);
  });

  it('finds the colon of user:password and rejects what is not printable or not base64', () => {
    assert.strictEqual(colonInBase64Ascii(Buffer.from('deploy:s3cr3t-Value').toString('base64')), 6);
    assert.strictEqual(colonInBase64Ascii(Buffer.from('no-colon-here').toString('base64')), -1);
    assert.strictEqual(colonInBase64Ascii(Buffer.from([0x75, 0x3a, 0x01, 0x02]).toString('base64')), undefined);
    assert.strictEqual(colonInBase64Ascii('not base64!'), undefined);
    assert.strictEqual(colonInBase64Ascii(''), undefined);
  });
});
