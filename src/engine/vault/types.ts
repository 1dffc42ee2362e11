/**
 * Shapes of the key vault's metadata. Values never appear here: the host keeps them in SecretStorage
 * and these records carry only fingerprints and masked forms, so they may live in extension storage.
 */

/** Permission tier of a key, as the provider grants it (seed: ReadOnly / Developer / Admin). */
export type KeyTier = 'read-only' | 'developer' | 'admin';

/** Lifecycle state: `active` is used, `grace` still works (old key after rotation), `revoked` is gone. */
export type KeyStatus = 'active' | 'grace' | 'revoked';

/** Where the metadata lives: every window (`global`) or only this workspace. */
export type KeyScope = 'global' | 'workspace';

/** Epoch milliseconds. */
export type Millis = number;

/** A clock; injected everywhere so tests and the status bar agree on "now". */
export type Clock = () => Millis;

/** An earlier value of a key that still works until `graceUntil`, after a rotation. */
export interface GraceVersion {
  /** sha256 hex of the old value; also names its secret slot. */
  fingerprint: string;
  /** Masked form of the old value. */
  masked: string;
  /** Length of the old value (shown by the mask anyway); lets the scanner hash only tokens of this length. */
  length?: number;
  /** When the old value stops being kept (and is purged). */
  graceUntil: Millis;
  /** When it was replaced. */
  rotatedAt: Millis;
}

/** Metadata of one stored key. `name` is the environment variable the key is exposed as. */
export interface KeyMeta {
  name: string;
  /** Provider guessed from the value by the engine's rules (`OpenAI`), when recognisable. */
  provider?: string;
  /** The rule that recognised the value (`openai-api-key`). */
  ruleId?: string;
  createdAt: Millis;
  expiresAt?: Millis;
  lastRotatedAt?: Millis;
  /** Rotation policy: remind when this many days have passed since the last rotation (or creation). */
  rotateEveryDays?: number;
  tier: KeyTier;
  /** `active` or `revoked`; old values in their grace period are listed in `previous`. */
  status: Exclude<KeyStatus, 'grace'>;
  scope: KeyScope;
  /** sha256 hex of the current value. */
  fingerprint: string;
  /** Masked current value (`sk-p…9xQa (51 chars)`). */
  masked: string;
  /** Length of the current value (shown by the mask anyway); lets the scanner hash only tokens of this length. */
  length?: number;
  /** Whether new integrated terminals get the key as an environment variable. */
  inject: boolean;
  /** Old values still in their grace period, newest last. */
  previous: GraceVersion[];
  /** `.env` files (URI strings) whose `NAME=` entry Keyguard keeps up to date. */
  managedEnvFiles?: string[];
  /** When the key was revoked. */
  revokedAt?: Millis;
}

/** What `keyguard.listKeys` returns for one key: metadata, masked, never a value or a fingerprint. */
export interface ListedKey {
  name: string;
  provider?: string;
  tier: KeyTier;
  status: KeyStatus;
  scope: KeyScope;
  masked: string;
  createdAt: Millis;
  expiresAt?: Millis;
  lastRotatedAt?: Millis;
  rotateEveryDays?: number;
  inject: boolean;
  /** Countdown text (`6d 23h`, `expired 2h ago`) or undefined without an expiry. */
  countdown?: string;
  /** Previous values in grace, masked, with their end of grace. */
  grace: { masked: string; graceUntil: Millis }[];
}
