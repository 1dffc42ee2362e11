import type { Millis } from './types';

/** Largest tolerated difference between a provider's clock and ours before warning (countdowns depend on it). */
export const MAX_CLOCK_SKEW: Millis = 5_000;

/**
 * Reads a dotted path with optional array indexes from parsed JSON: `data.key`, `items[0].secret`,
 * `result.keys.0.value`. Returns undefined when any part is missing.
 */
export function readJsonPath(root: unknown, path: string): unknown {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part.length > 0);
  let current: unknown = root;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Reads an expiry as providers send it: epoch seconds (JWT style), epoch milliseconds, or an ISO date-time.
 * Undefined when absent or unreadable.
 */
export function readProviderExpiry(raw: unknown): Millis | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return raw < 1e11 ? raw * 1000 : raw;
  if (typeof raw === 'string' && raw.trim()) {
    if (/^\d{9,13}$/.test(raw.trim())) return readProviderExpiry(Number(raw.trim()));
    const parsed = Date.parse(raw);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Where a provider's JSON answer keeps the new key and its expiry. */
export interface ResponsePaths {
  /** Dotted path of the new key (`data.key`). */
  keyPath: string;
  /** Dotted path of the expiry (`data.expires_at`); optional in the response. */
  expiresAtPath?: string;
}

/** A provider answer read successfully, or why not (never quoting the body, which may hold a key). */
export type ProviderParse = { ok: true; value: string; expiresAt?: Millis } | { ok: false; error: string };

/** Reads a JSON body from an HTTP or command provider. */
export function parseProviderJson(body: string, paths: ResponsePaths): ProviderParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, error: 'The provider did not answer with JSON.' };
  }
  const value = readJsonPath(parsed, paths.keyPath);
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, error: `The provider's answer has no string at "${paths.keyPath}".` };
  }
  if (/\s/.test(value.trim()) && !value.trim().startsWith('-----BEGIN')) {
    return { ok: false, error: `The value at "${paths.keyPath}" contains whitespace; it does not look like a key.` };
  }
  const rawExpiry = paths.expiresAtPath ? readJsonPath(parsed, paths.expiresAtPath) : undefined;
  const expiresAt = readProviderExpiry(rawExpiry);
  if (rawExpiry !== undefined && expiresAt === undefined) {
    return { ok: false, error: `The expiry at "${paths.expiresAtPath}" is not a date or epoch time.` };
  }
  return { ok: true, value: value.trim(), expiresAt };
}

/**
 * Reads a command provider's standard output: a JSON object (read with `paths`) or the key alone on the
 * first non-empty line. Trailing newlines are not part of the key.
 */
export function parseCommandOutput(stdout: string, paths: ResponsePaths): ProviderParse {
  const trimmed = stdout.trim();
  if (trimmed === '') return { ok: false, error: 'The command printed nothing.' };
  if (trimmed.startsWith('{')) return parseProviderJson(trimmed, paths);
  const line = trimmed.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) as string;
  if (/\s/.test(line)) return { ok: false, error: 'The first line of the output contains whitespace; it does not look like a key.' };
  return { ok: true, value: line };
}

/** How far a server's `Date` header is from the local clock. */
export interface ClockSkew {
  /** Server time minus local time, in ms (positive: the server is ahead). */
  skew: Millis;
  /** True when the difference is more than {@link MAX_CLOCK_SKEW}. */
  exceeds: boolean;
}

/**
 * Compares an HTTP `Date` header (second precision) with the local clock at the time the response
 * arrived. Undefined without a readable header. The header's own rounding (up to 1 s) is tolerated.
 */
export function clockSkewOf(dateHeader: string | null | undefined, localNow: Millis, limit: Millis = MAX_CLOCK_SKEW): ClockSkew | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (!Number.isFinite(server)) return undefined;
  const skew = server - localNow;
  // The header is truncated to whole seconds, so a server exactly in sync looks up to 1 s behind.
  const corrected = skew < 0 ? Math.min(0, skew + 1_000) : skew;
  return { skew, exceeds: Math.abs(corrected) > limit };
}

/** A human sentence for a skew, for the warning notification. */
export function describeSkew(skew: ClockSkew): string {
  const seconds = Math.round(Math.abs(skew.skew) / 1000);
  return `The rotation server's clock is ${seconds} s ${skew.skew > 0 ? 'ahead of' : 'behind'} this machine's; expiry countdowns may be off by that much.`;
}

/** Substitutes `${name}` in a configured URL with the key's name (URL-encoded). */
export function expandProviderUrl(url: string, name: string): string {
  return url.replace(/\$\{name\}/g, encodeURIComponent(name));
}
