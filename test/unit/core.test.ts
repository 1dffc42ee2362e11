import * as assert from 'assert';
import { shannonEntropy } from '../../src/engine/entropy';
import { mulberry32 } from '../support/random';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { decodeJwt } from '../../src/engine/jwt';
import { computeLineStarts, lineTextAt, makeRange, offsetToLineColumn } from '../../src/engine/lines';
import { maskSecret } from '../../src/engine/mask';
import { mergeOverlapping } from '../../src/engine/merge';
import type { RuleMeta } from '../../src/engine/rules/types';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

describe('core engine helpers', () => {
  describe('maskSecret', () => {
    it('shows the first 4 and last 4 characters and the length of a long value', () => {
      const value = 'abcd' + 'Q'.repeat(32) + 'wxyz';
      assert.strictEqual(maskSecret(value), 'abcd…wxyz (40 chars)');
    });
    it('hides the tail of a medium value', () => {
      assert.strictEqual(maskSecret('Tr0ub4dor&3xyz'), 'Tr0u… (14 chars)');
    });
    it('shows only one character of a short password', () => {
      assert.strictEqual(maskSecret('hunter22'), 'h… (8 chars)');
    });
    it('masks a PEM block to its header line', () => {
      const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
      const masked = maskSecret(pem);
      assert.ok(masked.startsWith('-----BEGIN RSA PRIVATE KEY-----'));
      assert.ok(!masked.includes('MIIEow'));
    });
  });

  describe('shannonEntropy', () => {
    it('is 0 for a repeated character and 0 for empty input', () => {
      assert.strictEqual(shannonEntropy('aaaaaaaa'), 0);
      assert.strictEqual(shannonEntropy(''), 0);
    });
    it('is 2 bits for four equally likely symbols', () => {
      assert.strictEqual(shannonEntropy('abcdabcd'), 2);
    });
    it('matches a by-code-point count on generated values, with the reused tables reset between calls', () => {
      const reference = (value: string): number => {
        const counts = new Map<string, number>();
        const chars = [...value];
        for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
        let entropy = 0;
        for (const count of counts.values()) entropy -= (count / chars.length) * Math.log2(count / chars.length);
        return entropy;
      };
      const next = mulberry32(7);
      for (let i = 0; i < 5000; i++) {
        // Mostly ASCII; some values end in a non-ASCII character, after the ASCII counts were started.
        const chars = Array.from({ length: Math.floor(next() * 60) }, () => String.fromCharCode(Math.floor(next() * 128)));
        if (i % 7 === 0) chars.push('é');
        const value = chars.join('');
        assert.ok(Math.abs(shannonEntropy(value) - reference(value)) < 1e-9, `value #${i}`);
      }
    });
  });

  describe('fingerprintOf', () => {
    it('is a stable sha256 hex that does not contain the value', () => {
      const fp = fingerprintOf('value-1');
      assert.match(fp, /^[0-9a-f]{64}$/);
      assert.strictEqual(fp, fingerprintOf('value-1'));
      assert.notStrictEqual(fp, fingerprintOf('value-2'));
    });
  });

  describe('line maths', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    const starts = computeLineStarts(text);
    it('handles LF, CRLF and CR', () => {
      assert.deepStrictEqual(starts, [0, 4, 9, 15]);
    });
    it('converts offsets to 1-based line/column', () => {
      assert.deepStrictEqual(offsetToLineColumn(starts, 0), { line: 1, column: 1 });
      assert.deepStrictEqual(offsetToLineColumn(starts, 10), { line: 3, column: 2 });
      assert.deepStrictEqual(offsetToLineColumn(starts, 19), { line: 4, column: 5 });
    });
    it('builds ranges and reads lines', () => {
      const range = makeRange(starts, 4, 7);
      assert.deepStrictEqual(range.startPos, { line: 2, column: 1 });
      assert.deepStrictEqual(range.endPos, { line: 2, column: 4 });
      assert.strictEqual(lineTextAt(text, starts, 5), 'two');
    });
  });

  describe('decodeJwt', () => {
    const now = Date.UTC(2026, 10, 26);
    it('reads exp, iss and sub and says when it expires', () => {
      const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ iss: 'issuer-a', sub: 'user-1', exp: now / 1000 + 12 * 86400 + 60 })}.c2ln`;
      const info = decodeJwt(token, now);
      assert.ok(info);
      assert.strictEqual(info.issuer, 'issuer-a');
      assert.strictEqual(info.subject, 'user-1');
      assert.strictEqual(info.expired, false);
      assert.strictEqual(info.expiresInDays, 12);
    });
    it('reports an expired token', () => {
      const token = `${base64url({ alg: 'HS256' })}.${base64url({ exp: now / 1000 - 3 * 86400 })}.c2ln`;
      const info = decodeJwt(token, now);
      assert.strictEqual(info?.expired, true);
      assert.strictEqual(info?.expiresInDays, -3);
    });
    it('returns undefined for text that is not a JWT', () => {
      assert.strictEqual(decodeJwt('a.b.c', now), undefined);
      assert.strictEqual(decodeJwt('not-a-token', now), undefined);
    });
  });

  describe('mergeOverlapping', () => {
    const meta = (id: string, specificity: RuleMeta['specificity'], kind: RuleMeta['kind'] = 'secret'): RuleMeta => ({
      id, title: id, provider: 'x', kind, severity: 'error', specificity, format: '', remediation: '',
    });
    const table = new Map<string, RuleMeta>([
      ['p', meta('p', 'provider')],
      ['s', meta('s', 'structural')],
      ['g', meta('g', 'generic')],
      ['url-credentials', meta('url-credentials', 'structural')],
      ['r', meta('r', 'generic', 'risky-config')],
    ]);
    const lookup = (id: string) => table.get(id);

    it('keeps the provider rule over a generic match on the same value and keeps the key name', () => {
      const merged = mergeOverlapping([
        { ruleId: 'g', start: 10, end: 50, keyName: 'api_key' },
        { ruleId: 'p', start: 10, end: 50 },
      ], lookup);
      assert.deepStrictEqual(merged, [{ ruleId: 'p', start: 10, end: 50, keyName: 'api_key', keyPath: undefined }]);
    });
    it('prefers a specific structural rule over the URL catch-all', () => {
      const merged = mergeOverlapping([
        { ruleId: 'url-credentials', start: 0, end: 40 },
        { ruleId: 's', start: 0, end: 40 },
      ], lookup);
      assert.strictEqual(merged.length, 1);
      assert.strictEqual(merged[0].ruleId, 's');
    });
    it('keeps separate values apart', () => {
      const merged = mergeOverlapping([
        { ruleId: 'p', start: 0, end: 10 },
        { ruleId: 'p', start: 20, end: 30 },
      ], lookup);
      assert.strictEqual(merged.length, 2);
    });
    it('does not merge a risky setting into a secret on a different range', () => {
      const merged = mergeOverlapping([
        { ruleId: 'p', start: 0, end: 30 },
        { ruleId: 'r', start: 5, end: 10 },
      ], lookup);
      assert.strictEqual(merged.length, 2);
    });
  });
});
