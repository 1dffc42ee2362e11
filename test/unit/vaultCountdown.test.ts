import * as assert from 'assert';
import {
  countdownText,
  DAY,
  expiryPhrase,
  formatRemaining,
  HOUR,
  MINUTE,
  nearestExpiring,
  nextRefreshDelay,
  SECOND,
  urgencyOf,
} from '../../src/engine/vault/countdown';
import type { KeyMeta } from '../../src/engine/vault/types';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function key(name: string, expiresAt: number | undefined, status: KeyMeta['status'] = 'active'): KeyMeta {
  return {
    name, createdAt: NOW - DAY, expiresAt, tier: 'developer', status, scope: 'global',
    fingerprint: '0'.repeat(64), masked: 'test… (20 chars)', inject: true, previous: [],
  };
}

describe('vault countdown text', () => {
  const cases: [number, string][] = [
    [7 * DAY - MINUTE, '6d 23h'],
    [7 * DAY, '7d 0h'],
    [30 * DAY + 5 * HOUR + 59 * MINUTE, '30d 5h'],
    [DAY, '1d 0h'],
    [DAY - 1, '23h 59m'],
    [DAY - 30 * SECOND, '23h 59m'],
    [23 * HOUR + 59 * MINUTE + 59 * SECOND, '23h 59m'],
    [2 * HOUR + 5 * MINUTE, '2h 5m'],
    [HOUR, '1h 0m'],
    [HOUR - 1, '59m'],
    [45 * MINUTE + 59 * SECOND, '45m'],
    [MINUTE, '1m'],
    [MINUTE - 1, '59s'],
    [42 * SECOND, '42s'],
    [1, '0s'],
  ];
  for (const [left, text] of cases) {
    it(`shows ${text} with ${left} ms left`, () => {
      assert.strictEqual(countdownText(NOW + left, NOW), text);
      assert.strictEqual(formatRemaining(left), text);
    });
  }

  const expired: [number, string][] = [
    [0, 'expired just now'],
    [59 * SECOND, 'expired just now'],
    [MINUTE, 'expired 1m ago'],
    [2 * HOUR, 'expired 2h ago'],
    [2 * HOUR + 59 * MINUTE, 'expired 2h ago'],
    [DAY + HOUR, 'expired 1d ago'],
    [10 * DAY, 'expired 10d ago'],
  ];
  for (const [ago, text] of expired) {
    it(`shows "${text}" ${ago} ms after expiry`, () => {
      assert.strictEqual(countdownText(NOW - ago, NOW), text);
    });
  }

  it('phrases the tree countdown', () => {
    assert.strictEqual(expiryPhrase(NOW + 3 * DAY + 4 * HOUR, NOW), 'expires in 3d 4h');
    assert.strictEqual(expiryPhrase(NOW - 2 * HOUR, NOW), 'expired 2h ago');
    assert.strictEqual(expiryPhrase(undefined, NOW), 'no expiry');
  });
});

describe('vault urgency boundaries', () => {
  const cases: [number, string][] = [
    [30 * DAY, 'normal'],
    [7 * DAY + 1, 'normal'],
    [7 * DAY, 'normal'],
    [7 * DAY - 1, 'warning'],
    [DAY + 1, 'warning'],
    [DAY, 'warning'],
    [DAY - 1, 'error'],
    [1, 'error'],
    [0, 'expired'],
    [-1, 'expired'],
    [-10 * DAY, 'expired'],
  ];
  for (const [left, urgency] of cases) {
    it(`is ${urgency} with ${left} ms left`, () => assert.strictEqual(urgencyOf(NOW + left, NOW), urgency));
  }
  it('is none without an expiry', () => assert.strictEqual(urgencyOf(undefined, NOW), 'none'));
});

describe('vault refresh delay', () => {
  it('waits in whole minutes, at most an hour, when far', () => {
    for (const left of [30 * DAY + 17 * MINUTE, 8 * DAY + 3 * HOUR + 12 * SECOND, 2 * DAY + 59 * MINUTE]) {
      const delay = nextRefreshDelay(NOW + left, NOW);
      assert.strictEqual(delay % MINUTE, 0, `${delay} is not whole minutes`);
      assert.ok(delay >= MINUTE && delay <= HOUR, `delay ${delay}`);
    }
  });

  it('wakes when the shown hour changes', () => {
    // 3d 4h 10m left: "3d 4h" becomes "3d 3h" in a bit over 10 minutes.
    assert.strictEqual(nextRefreshDelay(NOW + 3 * DAY + 4 * HOUR + 10 * MINUTE, NOW), 11 * MINUTE);
  });

  it('wakes when the 7-day threshold is crossed even if the text would not change', () => {
    // 7d 0h 20m left: the text changes in 21 minutes; the warning starts just after 20 minutes.
    const delay = nextRefreshDelay(NOW + 7 * DAY + 20 * MINUTE, NOW);
    assert.ok(delay > 20 * MINUTE && delay <= 21 * MINUTE, `delay ${delay}`);
  });

  it('wakes at the next minute while hours are shown', () => {
    const delay = nextRefreshDelay(NOW + 5 * HOUR + 30 * SECOND, NOW);
    assert.strictEqual(delay, MINUTE);
  });

  it('uses seconds under an hour', () => {
    assert.strictEqual(nextRefreshDelay(NOW + 45 * MINUTE + 20 * SECOND, NOW), 21 * SECOND);
    assert.strictEqual(nextRefreshDelay(NOW + 30 * SECOND, NOW), SECOND);
    assert.strictEqual(nextRefreshDelay(NOW + 200, NOW), SECOND);
    const delay = nextRefreshDelay(NOW + 59 * MINUTE + 59 * SECOND, NOW);
    assert.ok(delay <= MINUTE && delay % SECOND === 0, `delay ${delay}`);
  });

  it('goes back to minutes once expired', () => {
    assert.strictEqual(nextRefreshDelay(NOW - 10 * SECOND, NOW), MINUTE);
    assert.strictEqual(nextRefreshDelay(NOW - 2 * HOUR - 10 * MINUTE, NOW), 50 * MINUTE);
    assert.strictEqual(nextRefreshDelay(NOW - 5 * MINUTE - 30 * SECOND, NOW), MINUTE);
  });

  it('never returns less than a second or more than an hour', () => {
    for (let left = -3 * DAY; left <= 40 * DAY; left += 7 * HOUR + 13 * MINUTE + 7 * SECOND) {
      const delay = nextRefreshDelay(NOW + left, NOW);
      assert.ok(delay >= SECOND && delay <= HOUR + 1, `delay ${delay} at ${left}`);
    }
  });

  it('a timer following the delays wakes about once per text change, never missing one by over a minute', () => {
    const expiresAt = NOW + 2 * DAY + 7 * MINUTE + 13 * SECOND;
    const end = expiresAt + HOUR;
    // Every moment the text changes, sampled each second.
    const changes: number[] = [];
    let last = countdownText(expiresAt, NOW);
    for (let t = NOW; t <= end; t += SECOND) {
      const text = countdownText(expiresAt, t);
      if (text !== last) changes.push(t);
      last = text;
    }
    const wakes: number[] = [];
    for (let now = NOW; now < end; ) {
      now += nextRefreshDelay(expiresAt, now);
      wakes.push(now);
    }
    assert.ok(wakes.length <= changes.length + 5, `${wakes.length} wake-ups for ${changes.length} changes`);
    for (const change of changes) {
      const seenAt = wakes.find((w) => w >= change);
      assert.ok(seenAt !== undefined && seenAt - change <= MINUTE, `change at +${change - NOW} ms seen ${seenAt === undefined ? 'never' : `${seenAt - change} ms late`}`);
    }
  });
});

describe('vault nearest expiring key', () => {
  it('picks the earliest expiry, skipping revoked keys and keys without one', () => {
    const keys = [key('A', NOW + 5 * DAY), key('B', undefined), key('C', NOW + 2 * DAY), key('D', NOW + DAY, 'revoked')];
    assert.strictEqual(nearestExpiring(keys)?.name, 'C');
  });
  it('puts expired keys first', () => {
    assert.strictEqual(nearestExpiring([key('A', NOW + DAY), key('B', NOW - HOUR)])?.name, 'B');
  });
  it('is undefined without expiries', () => {
    assert.strictEqual(nearestExpiring([key('A', undefined)]), undefined);
  });
});
