import type { KeyMeta, Millis } from './types';

export const SECOND: Millis = 1_000;
export const MINUTE: Millis = 60 * SECOND;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;

/** Below this much time left a key is a warning (seed: alert 7 days ahead). */
export const WARNING_WITHIN: Millis = 7 * DAY;
/** Below this much time left a key is critical (seed: alert 24 hours ahead). */
export const ERROR_WITHIN: Millis = DAY;

/**
 * How urgent a key's expiry is: `none` (no expiry), `normal`, `warning` (< 7 days),
 * `error` (< 24 hours) and `expired` (no time left).
 */
export type Urgency = 'none' | 'normal' | 'warning' | 'error' | 'expired';

/** Urgency of an expiry at `now`. Exactly 7 days left is still normal; exactly 24 hours is still a warning. */
export function urgencyOf(expiresAt: Millis | undefined, now: Millis): Urgency {
  if (expiresAt === undefined) return 'none';
  const left = expiresAt - now;
  if (left <= 0) return 'expired';
  if (left < ERROR_WITHIN) return 'error';
  if (left < WARNING_WITHIN) return 'warning';
  return 'normal';
}

/**
 * Time left as the two largest units, rounded down: `6d 23h`, `23h 59m`, `59m`, `42s`.
 * Rounding down means the text never promises more time than there is.
 */
export function formatRemaining(left: Millis): string {
  const ms = Math.max(0, left);
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const seconds = Math.floor((ms % MINUTE) / SECOND);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m`;
  return `${seconds}s`;
}

/** Time since expiry in its largest unit, rounded down: `2h`, `3d`, `5m`; undefined under a minute. */
export function formatElapsed(elapsed: Millis): string | undefined {
  const ms = Math.max(0, elapsed);
  if (ms >= DAY) return `${Math.floor(ms / DAY)}d`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)}h`;
  if (ms >= MINUTE) return `${Math.floor(ms / MINUTE)}m`;
  return undefined;
}

/**
 * Countdown shown in the status bar and tree: `6d 23h`, or `expired 2h ago` once the time is up
 * (`expired just now` in its first minute).
 */
export function countdownText(expiresAt: Millis, now: Millis): string {
  const left = expiresAt - now;
  if (left > 0) return formatRemaining(left);
  const elapsed = formatElapsed(-left);
  return elapsed ? `expired ${elapsed} ago` : 'expired just now';
}

/** The tree's wording: `expires in 6d 23h` or `expired 2h ago`. */
export function expiryPhrase(expiresAt: Millis | undefined, now: Millis): string {
  if (expiresAt === undefined) return 'no expiry';
  return expiresAt > now ? `expires in ${countdownText(expiresAt, now)}` : countdownText(expiresAt, now);
}

/**
 * How long until the countdown text for `expiresAt` changes or crosses an urgency threshold, so a timer
 * fires no more often than needed: whole minutes (at least one) while more than an hour is left,
 * seconds (at least one) under an hour, and minutes again once expired.
 */
export function nextRefreshDelay(expiresAt: Millis, now: Millis): Millis {
  const left = expiresAt - now;
  if (left <= 0) {
    // `expired 2h ago` changes at the next whole unit of elapsed time.
    const elapsed = -left;
    const unit = elapsed >= DAY ? DAY : elapsed >= HOUR ? HOUR : MINUTE;
    return clampMinutes(unit - (elapsed % unit));
  }
  const unit = left >= DAY ? HOUR : left >= HOUR ? MINUTE : left >= MINUTE ? MINUTE : SECOND;
  // Floors change just after `left` passes a multiple of the smallest shown unit; urgency changes just
  // after it passes a threshold; hence the extra millisecond.
  let delay = (left % unit) + 1;
  for (const threshold of [WARNING_WITHIN, ERROR_WITHIN]) {
    if (left >= threshold) delay = Math.min(delay, left - threshold + 1);
  }
  delay = Math.min(delay, left);
  return left > HOUR ? clampMinutes(delay) : Math.max(SECOND, Math.ceil(delay / SECOND) * SECOND);
}

/** Rounds a delay up to whole minutes (at least one), capped at an hour. */
function clampMinutes(delay: Millis): Millis {
  return Math.min(HOUR, Math.max(MINUTE, Math.ceil(delay / MINUTE) * MINUTE));
}

/** Keys that count for countdowns: not revoked. */
export function liveKeys(keys: readonly KeyMeta[]): KeyMeta[] {
  return keys.filter((key) => key.status !== 'revoked');
}

/** The live key that expires first (already expired ones first of all), or undefined when none has an expiry. */
export function nearestExpiring(keys: readonly KeyMeta[]): KeyMeta | undefined {
  let nearest: KeyMeta | undefined;
  for (const key of liveKeys(keys)) {
    if (key.expiresAt === undefined) continue;
    if (!nearest || key.expiresAt < (nearest.expiresAt as number)) nearest = key;
  }
  return nearest;
}
