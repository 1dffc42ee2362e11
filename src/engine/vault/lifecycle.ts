import { fingerprintOf } from '../fingerprint';
import { maskSecret } from '../mask';
import type { KnownKey } from '../types';
import { countdownText } from './countdown';
import type { KeyMeta, KeyScope, KeyTier, ListedKey, Millis } from './types';

export const KEY_TIERS: readonly KeyTier[] = ['read-only', 'developer', 'admin'];
export const KEY_SCOPES: readonly KeyScope[] = ['global', 'workspace'];

/** True for names a shell, a `.env` file and every language accept: `[A-Za-z_][A-Za-z0-9_]*`, at most 128 chars. */
export function isValidKeyName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name);
}

/** Why a value cannot be stored, or undefined when it can. */
export function valueProblem(value: string): string | undefined {
  if (value.length === 0) return 'The value is empty.';
  if (value.trim().length === 0) return 'The value is only whitespace.';
  if (value.length > 16_384) return 'The value is longer than 16 KB.';
  return undefined;
}

/** A provider recognised in a value, as the engine's rules name it. */
export interface ProviderGuess {
  provider: string;
  ruleId: string;
}

/**
 * Guesses the provider of a bare value with the engine's detectors (passed in, so this module stays
 * independent of the scanner): the finding covering most of the value wins; generic matches say nothing.
 */
export function guessProvider(
  value: string,
  detect: (value: string) => readonly { ruleId: string; provider: string; range: { start: number; end: number } }[],
): ProviderGuess | undefined {
  let best: ProviderGuess | undefined;
  let bestLength = 0;
  for (const finding of detect(value)) {
    const length = finding.range.end - finding.range.start;
    if (finding.provider === 'Generic' || length < value.trim().length / 2) continue;
    if (length > bestLength) {
      best = { provider: finding.provider, ruleId: finding.ruleId };
      bestLength = length;
    }
  }
  return best;
}

/** Input of {@link createKeyMeta}: what `keyguard.addKey` receives, already validated. */
export interface NewKeyInput {
  name: string;
  value: string;
  expiresAt?: Millis;
  tier?: KeyTier;
  rotateEveryDays?: number;
  scope?: KeyScope;
  inject?: boolean;
  guess?: ProviderGuess;
}

/**
 * Metadata of a newly added key. Replacing an existing key keeps its creation time, policy and managed
 * `.env` files unless the input overrides them; the old value's grace versions are not kept (a replaced
 * key is not a rotation).
 */
export function createKeyMeta(input: NewKeyInput, now: Millis, existing?: KeyMeta): KeyMeta {
  return {
    name: input.name,
    provider: input.guess?.provider,
    ruleId: input.guess?.ruleId,
    createdAt: existing && existing.status !== 'revoked' ? existing.createdAt : now,
    expiresAt: input.expiresAt,
    lastRotatedAt: undefined,
    rotateEveryDays: input.rotateEveryDays ?? existing?.rotateEveryDays,
    tier: input.tier ?? existing?.tier ?? 'developer',
    status: 'active',
    scope: input.scope ?? existing?.scope ?? 'global',
    fingerprint: fingerprintOf(input.value),
    masked: maskSecret(input.value),
    length: input.value.length,
    inject: input.inject ?? existing?.inject ?? true,
    previous: [],
    managedEnvFiles: existing?.managedEnvFiles,
  };
}

/** A key with a new expiry (renewal or correction). */
export function withExpiry(meta: KeyMeta, expiresAt: Millis | undefined): KeyMeta {
  return { ...meta, expiresAt };
}

/**
 * A revoked key: its value and all grace versions are to be deleted at once (revoking ends a grace
 * period immediately). Returns the new metadata and the fingerprints of grace values to delete.
 */
export function revoke(meta: KeyMeta, now: Millis): { meta: KeyMeta; purge: string[] } {
  return {
    meta: { ...meta, status: 'revoked', previous: [], revokedAt: now, inject: meta.inject },
    purge: meta.previous.map((version) => version.fingerprint),
  };
}

/** Ends the grace period of old values only (all, or the one with `fingerprint`); the active value stays. */
export function endGrace(meta: KeyMeta, fingerprint?: string): { meta: KeyMeta; purge: string[] } {
  const purge = meta.previous.filter((v) => fingerprint === undefined || v.fingerprint === fingerprint).map((v) => v.fingerprint);
  return { meta: { ...meta, previous: meta.previous.filter((v) => !purge.includes(v.fingerprint)) }, purge };
}

/** Drops grace versions whose period is over at `now`; returns the fingerprints whose values to delete. */
export function purgeExpiredGrace(meta: KeyMeta, now: Millis): { meta: KeyMeta; purge: string[] } {
  const purge = meta.previous.filter((v) => v.graceUntil <= now).map((v) => v.fingerprint);
  if (purge.length === 0) return { meta, purge };
  return { meta: { ...meta, previous: meta.previous.filter((v) => v.graceUntil > now) }, purge };
}

/** The earliest end of a grace period among the keys, for the purge timer. */
export function nextGraceEnd(keys: readonly KeyMeta[]): Millis | undefined {
  let earliest: Millis | undefined;
  for (const key of keys) {
    for (const version of key.previous) {
      if (earliest === undefined || version.graceUntil < earliest) earliest = version.graceUntil;
    }
  }
  return earliest;
}

/** What `keyguard.listKeys` returns: metadata, masked, never a value or a fingerprint. */
export function toListedKey(meta: KeyMeta, now: Millis): ListedKey {
  return {
    name: meta.name,
    provider: meta.provider,
    tier: meta.tier,
    status: meta.status,
    scope: meta.scope,
    masked: meta.masked,
    createdAt: meta.createdAt,
    expiresAt: meta.expiresAt,
    lastRotatedAt: meta.lastRotatedAt,
    rotateEveryDays: meta.rotateEveryDays,
    inject: meta.inject,
    countdown: meta.expiresAt === undefined ? undefined : countdownText(meta.expiresAt, now),
    grace: meta.previous.map((version) => ({ masked: version.masked, graceUntil: version.graceUntil })),
  };
}

/**
 * Fingerprints the scanner should recognise as stored keys: active values and values still in grace
 * (a hardcoded old value still works, so it still matters). Revoked keys are left out.
 */
export function knownKeysOf(keys: readonly KeyMeta[]): KnownKey[] {
  const known: KnownKey[] = [];
  for (const key of keys) {
    if (key.status === 'revoked') continue;
    known.push({ name: key.name, fingerprint: key.fingerprint, length: key.length, tier: key.tier });
    for (const version of key.previous) {
      known.push({ name: key.name, fingerprint: version.fingerprint, length: version.length, tier: key.tier });
    }
  }
  return known;
}

/** Reads metadata saved by an older or hand-edited store defensively: malformed records are dropped. */
export function sanitizeKeyMeta(raw: unknown): KeyMeta | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || !isValidKeyName(r.name)) return undefined;
  if (typeof r.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(r.fingerprint)) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const previous = Array.isArray(r.previous)
    ? r.previous.filter(
        (v): v is KeyMeta['previous'][number] =>
          !!v && typeof v === 'object' && typeof (v as Record<string, unknown>).fingerprint === 'string' &&
          typeof (v as Record<string, unknown>).graceUntil === 'number',
      )
    : [];
  return {
    name: r.name,
    provider: typeof r.provider === 'string' ? r.provider : undefined,
    ruleId: typeof r.ruleId === 'string' ? r.ruleId : undefined,
    createdAt: num(r.createdAt) ?? 0,
    expiresAt: num(r.expiresAt),
    lastRotatedAt: num(r.lastRotatedAt),
    rotateEveryDays: num(r.rotateEveryDays),
    tier: KEY_TIERS.includes(r.tier as KeyTier) ? (r.tier as KeyTier) : 'developer',
    status: r.status === 'revoked' ? 'revoked' : 'active',
    scope: r.scope === 'workspace' ? 'workspace' : 'global',
    fingerprint: r.fingerprint,
    masked: typeof r.masked === 'string' ? r.masked : '(masked)',
    length: num(r.length),
    inject: r.inject !== false,
    previous,
    managedEnvFiles: Array.isArray(r.managedEnvFiles) ? r.managedEnvFiles.filter((f): f is string => typeof f === 'string') : undefined,
    revokedAt: num(r.revokedAt),
  };
}
