import * as assert from 'assert';
import { describeJwtExpiry } from '../../src/host/jwtExpiry';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('describeJwtExpiry (JWT hover wording)', () => {
  const cases: Array<[string, number | undefined, string | undefined]> = [
    ['no exp claim', undefined, undefined],
    ['3 days ago', NOW - 3 * DAY, 'expired 3 days ago'],
    ['3 days and 2 hours ago', NOW - 3 * DAY - 2 * HOUR, 'expired 3 days ago'],
    ['a few seconds short of 12 days ahead', NOW + 12 * DAY - 5_000, 'expires in 12 days'],
    ['1 day ahead', NOW + DAY, 'expires in 1 day'],
    ['1 day ago', NOW - DAY, 'expired 1 day ago'],
    ['an hour ago', NOW - HOUR, 'expired less than a day ago'],
    ['an hour ahead', NOW + HOUR, 'expires in less than a day'],
    ['exactly now', NOW, 'expired less than a day ago'],
  ];
  for (const [name, expiresAt, expected] of cases) {
    it(`${name}: ${expected ?? 'nothing'}`, () => {
      assert.strictEqual(describeJwtExpiry({ expiresAt }, NOW), expected);
    });
  }
});
