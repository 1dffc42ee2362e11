import { decodeJwt } from '../jwt';
import { DAY, HOUR, MINUTE } from './countdown';
import type { Millis } from './types';

/** Result of reading an expiry typed by a user or passed by a command argument. */
export type ExpiryParse =
  /** `expiresAt` undefined means "no expiry". `source` says where it came from. */
  | { ok: true; expiresAt: Millis | undefined; source: 'date' | 'relative' | 'jwt' | 'none' | 'epoch' }
  | { ok: false; error: string };

const UNIT_MS: Record<string, Millis> = {
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  d: DAY, day: DAY, days: DAY,
  w: 7 * DAY, week: 7 * DAY, weeks: 7 * DAY,
};

/** Expiry from a JWT value's `exp` claim, or undefined when the value is not a JWT with `exp`. */
export function jwtExpiry(value: string, now: Millis): Millis | undefined {
  return decodeJwt(value.trim(), now)?.expiresAt;
}

/**
 * Reads an expiry: an ISO date (`2027-01-31`, midnight UTC) or date-time, `in 30 days`, `30d`, `12h`,
 * `2 weeks`, epoch seconds or milliseconds, `jwt` (read the value's `exp`), or empty / `never` / `none`
 * for no expiry. An empty input with a JWT value takes the JWT's expiry, so adding a JWT needs no typing.
 * Past dates are accepted (a key may already be expired); nonsense is an error, never a guess.
 */
export function parseExpiry(input: string | number | undefined, now: Millis, value?: string): ExpiryParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) return { ok: false, error: 'Expiry must be a positive time.' };
    // Ten-digit numbers are seconds (JWT style); thirteen-digit ones milliseconds.
    return { ok: true, expiresAt: input < 1e11 ? input * 1000 : input, source: 'epoch' };
  }
  const text = (input ?? '').trim().toLowerCase();
  if (text === '' || text === 'auto' || text === 'jwt') {
    const fromJwt = value === undefined ? undefined : jwtExpiry(value, now);
    if (fromJwt !== undefined) return { ok: true, expiresAt: fromJwt, source: 'jwt' };
    if (text === 'jwt') return { ok: false, error: 'The value is not a JWT with an `exp` claim.' };
    return { ok: true, expiresAt: undefined, source: 'none' };
  }
  if (text === 'never' || text === 'none') return { ok: true, expiresAt: undefined, source: 'none' };
  if (/^\d{9,13}$/.test(text)) return parseExpiry(Number(text), now);
  const relative = /^(?:in\s+)?(\d{1,5}(?:\.\d+)?)\s*([a-z]+)$/.exec(text);
  if (relative) {
    const unit = UNIT_MS[relative[2]];
    if (!unit) return { ok: false, error: `Unknown unit "${relative[2]}": use minutes, hours, days or weeks.` };
    return { ok: true, expiresAt: now + Math.round(Number(relative[1]) * unit), source: 'relative' };
  }
  if (/^\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const iso = text.replace(' ', 'T').toUpperCase();
    const parsed = Date.parse(iso);
    if (Number.isFinite(parsed) && isRealDate(text)) return { ok: true, expiresAt: parsed, source: 'date' };
  }
  return { ok: false, error: 'Use a date (2027-01-31), "in 30 days", "30d", "12h", or leave empty for no expiry.' };
}

/** Rejects dates that Date.parse would roll over (2027-02-31). */
function isRealDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Expiry of a freshly rotated value: what the provider said, else the new value's JWT `exp`, else the same
 * lifetime the old value had (keys are usually issued with a fixed time to live), else none.
 */
export function expiryAfterRotation(options: {
  providerExpiresAt?: Millis;
  newValue: string;
  previousIssuedAt: Millis;
  previousExpiresAt?: Millis;
  now: Millis;
}): Millis | undefined {
  if (options.providerExpiresAt !== undefined) return options.providerExpiresAt;
  const fromJwt = jwtExpiry(options.newValue, options.now);
  if (fromJwt !== undefined) return fromJwt;
  if (options.previousExpiresAt === undefined) return undefined;
  const lifetime = options.previousExpiresAt - options.previousIssuedAt;
  return lifetime > 0 ? options.now + lifetime : undefined;
}
