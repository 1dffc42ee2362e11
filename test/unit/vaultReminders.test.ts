import * as assert from 'assert';
import { DAY, HOUR, MINUTE } from '../../src/engine/vault/countdown';
import { dueReminders, nextReminderAt, reminderMessage, rotationDueAt, type ReminderState } from '../../src/engine/vault/reminders';
import type { KeyMeta } from '../../src/engine/vault/types';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function key(name: string, extra: Partial<KeyMeta> = {}): KeyMeta {
  return {
    name, createdAt: NOW - 10 * DAY, tier: 'developer', status: 'active', scope: 'global',
    fingerprint: 'a'.repeat(64), masked: 'test… (20 chars)', inject: true, previous: [], ...extra,
  };
}

/** Runs reminders at each moment, carrying the state, and returns every reminder shown. */
function walk(keys: KeyMeta[], moments: number[]): { at: number; kind: string; name: string }[] {
  let state: ReminderState = {};
  const shown: { at: number; kind: string; name: string }[] = [];
  for (const now of moments) {
    const result = dueReminders(keys, state, now);
    state = result.state;
    for (const r of result.reminders) shown.push({ at: now, kind: r.kind, name: r.name });
  }
  return shown;
}

describe('vault reminders', () => {
  it('shows each threshold exactly once as time passes', () => {
    const expiresAt = NOW + 10 * DAY;
    const moments: number[] = [];
    for (let t = NOW; t <= expiresAt + 2 * DAY; t += 30 * MINUTE) moments.push(t);
    const shown = walk([key('API_KEY', { expiresAt })], moments);
    assert.deepStrictEqual(shown.map((s) => s.kind), ['expires-7d', 'expires-24h', 'expired']);
    assert.ok(shown[0].at > expiresAt - 7 * DAY && shown[0].at <= expiresAt - 7 * DAY + 30 * MINUTE);
    assert.ok(shown[1].at > expiresAt - DAY && shown[1].at <= expiresAt - DAY + 30 * MINUTE);
    assert.ok(shown[2].at >= expiresAt);
  });

  it('does not fire at exactly 7 days or exactly 24 hours left (thresholds are strict)', () => {
    const expiresAt = NOW + 7 * DAY;
    assert.deepStrictEqual(dueReminders([key('K', { expiresAt })], {}, NOW).reminders, []);
    const r = dueReminders([key('K', { expiresAt })], {}, NOW + 1).reminders;
    assert.deepStrictEqual(r.map((x) => x.kind), ['expires-7d']);
    const atDay = dueReminders([key('K', { expiresAt })], {}, expiresAt - DAY).reminders;
    assert.deepStrictEqual(atDay.map((x) => x.kind), ['expires-7d']);
  });

  it('shows only the most severe reminder to a key first seen past several thresholds', () => {
    const first = dueReminders([key('K', { expiresAt: NOW - HOUR })], {}, NOW);
    assert.deepStrictEqual(first.reminders.map((r) => r.kind), ['expired']);
    assert.deepStrictEqual(first.state.K.shown.sort(), ['expired', 'expires-24h', 'expires-7d']);
    const again = dueReminders([key('K', { expiresAt: NOW - HOUR })], first.state, NOW + HOUR);
    assert.deepStrictEqual(again.reminders, []);
  });

  it('re-arms when the expiry changes (renewal)', () => {
    const first = dueReminders([key('K', { expiresAt: NOW + 3 * DAY })], {}, NOW);
    assert.strictEqual(first.reminders.length, 1);
    const renewed = dueReminders([key('K', { expiresAt: NOW + 5 * DAY })], first.state, NOW + MINUTE);
    assert.deepStrictEqual(renewed.reminders.map((r) => r.kind), ['expires-7d']);
  });

  it('keeps keys apart', () => {
    const keys = [key('A', { expiresAt: NOW + 3 * DAY }), key('B', { expiresAt: NOW + 3 * HOUR }), key('C', { expiresAt: NOW + 30 * DAY })];
    const result = dueReminders(keys, {}, NOW);
    assert.deepStrictEqual(result.reminders.map((r) => `${r.name}:${r.kind}`), ['A:expires-7d', 'B:expires-24h']);
  });

  it('ignores revoked keys and keys without expiry or policy', () => {
    const result = dueReminders([key('A', { status: 'revoked', expiresAt: NOW - DAY }), key('B')], {}, NOW);
    assert.deepStrictEqual(result.reminders, []);
  });

  it('announces a due rotation policy once per due date', () => {
    const k = key('ROT', { rotateEveryDays: 7, createdAt: NOW - 8 * DAY });
    assert.strictEqual(rotationDueAt(k), NOW - DAY);
    const first = dueReminders([k], {}, NOW);
    assert.deepStrictEqual(first.reminders.map((r) => r.kind), ['rotation-due']);
    assert.deepStrictEqual(dueReminders([k], first.state, NOW + HOUR).reminders, []);
    // After a rotation the next due date is new, so it fires again when that comes.
    const rotated = { ...k, lastRotatedAt: NOW };
    assert.deepStrictEqual(dueReminders([rotated], first.state, NOW + DAY).reminders, []);
    assert.deepStrictEqual(dueReminders([rotated], first.state, NOW + 7 * DAY).reminders.map((r) => r.kind), ['rotation-due']);
  });

  it('knows when to wake next', () => {
    const k = key('K', { expiresAt: NOW + 10 * DAY });
    assert.strictEqual(nextReminderAt([k], NOW), NOW + 3 * DAY + 1);
    assert.strictEqual(nextReminderAt([k], NOW + 3 * DAY + 1), NOW + 9 * DAY + 1);
    assert.strictEqual(nextReminderAt([k], NOW + 10 * DAY), undefined);
  });

  it('words messages with names and times only', () => {
    const msg = reminderMessage({ name: 'OPENAI_API_KEY', kind: 'expires-24h', at: NOW }, '23h 59m');
    assert.ok(msg.includes('OPENAI_API_KEY') && msg.includes('23h 59m'));
  });
});
