import { DAY, ERROR_WITHIN, WARNING_WITHIN } from './countdown';
import type { KeyMeta, Millis } from './types';

/** The moments a key's owner is told about: a week left, a day left, expired, and a rotation policy due. */
export type ReminderKind = 'expires-7d' | 'expires-24h' | 'expired' | 'rotation-due';

/** One notification to show. */
export interface Reminder {
  name: string;
  kind: ReminderKind;
  /** The expiry or the due date the reminder is about. */
  at: Millis;
}

/**
 * What has been shown already, per key. Each entry remembers the expiry (or due date) it was about, so
 * changing a key's expiry or rotating it re-arms its reminders. Plain JSON, kept in extension storage.
 */
export interface ReminderState {
  [name: string]: {
    expiresAt?: Millis;
    shown: ReminderKind[];
    /** The rotation due date already announced. */
    rotationDueAt?: Millis;
  };
}

/** When a key's rotate-every-N-days policy comes due, or undefined without a policy. */
export function rotationDueAt(key: KeyMeta): Millis | undefined {
  if (!key.rotateEveryDays || key.rotateEveryDays <= 0) return undefined;
  return (key.lastRotatedAt ?? key.createdAt) + key.rotateEveryDays * DAY;
}

/** The most severe expiry threshold a key has crossed at `now`, if any. */
function crossedThreshold(expiresAt: Millis, now: Millis): Exclude<ReminderKind, 'rotation-due'> | undefined {
  const left = expiresAt - now;
  if (left <= 0) return 'expired';
  if (left < ERROR_WITHIN) return 'expires-24h';
  if (left < WARNING_WITHIN) return 'expires-7d';
  return undefined;
}

const EXPIRY_ORDER: ReminderKind[] = ['expires-7d', 'expires-24h', 'expired'];

/**
 * Decides which reminders to show now: at most one per key per threshold. A key first seen already past
 * several thresholds gets only the most severe one (the milder ones are marked shown, not shown), so a
 * user opening VS Code after a week away sees one message per key, not three.
 * Returns the reminders and the next state; the input state is not modified.
 */
export function dueReminders(keys: readonly KeyMeta[], state: ReminderState, now: Millis): {
  reminders: Reminder[];
  state: ReminderState;
} {
  const reminders: Reminder[] = [];
  const next: ReminderState = {};
  for (const key of keys) {
    if (key.status === 'revoked') continue;
    const before = state[key.name];
    const entry = {
      expiresAt: key.expiresAt,
      shown: before && before.expiresAt === key.expiresAt ? [...before.shown] : [],
      rotationDueAt: before?.rotationDueAt,
    };
    if (key.expiresAt !== undefined) {
      const crossed = crossedThreshold(key.expiresAt, now);
      if (crossed && !entry.shown.includes(crossed)) {
        reminders.push({ name: key.name, kind: crossed, at: key.expiresAt });
        for (const kind of EXPIRY_ORDER.slice(0, EXPIRY_ORDER.indexOf(crossed) + 1)) {
          if (!entry.shown.includes(kind)) entry.shown.push(kind);
        }
      }
    }
    const due = rotationDueAt(key);
    if (due !== undefined && due <= now && entry.rotationDueAt !== due) {
      reminders.push({ name: key.name, kind: 'rotation-due', at: due });
      entry.rotationDueAt = due;
    }
    next[key.name] = entry;
  }
  return { reminders, state: next };
}

/** The earliest future moment any key crosses a threshold or comes due, so a timer can wake then. */
export function nextReminderAt(keys: readonly KeyMeta[], now: Millis): Millis | undefined {
  let earliest: Millis | undefined;
  const consider = (at: Millis) => {
    if (at > now && (earliest === undefined || at < earliest)) earliest = at;
  };
  for (const key of keys) {
    if (key.status === 'revoked') continue;
    if (key.expiresAt !== undefined) {
      // Thresholds are strict (< 7 days), so the reminder is due one millisecond after the boundary.
      consider(key.expiresAt - WARNING_WITHIN + 1);
      consider(key.expiresAt - ERROR_WITHIN + 1);
      consider(key.expiresAt);
    }
    const due = rotationDueAt(key);
    if (due !== undefined) consider(due);
  }
  return earliest;
}

/** The message for a reminder; names and times only, never a value. */
export function reminderMessage(reminder: Reminder, countdown: string): string {
  switch (reminder.kind) {
    case 'expires-7d':
      return `Keyguard: key ${reminder.name} expires in ${countdown}. Rotate it before it stops working.`;
    case 'expires-24h':
      return `Keyguard: key ${reminder.name} expires in ${countdown}: less than 24 hours left.`;
    case 'expired':
      return `Keyguard: key ${reminder.name} ${countdown}. Programs using it will fail until it is rotated or renewed.`;
    case 'rotation-due':
      return `Keyguard: key ${reminder.name} is due for rotation (its policy rotates it regularly).`;
  }
}
