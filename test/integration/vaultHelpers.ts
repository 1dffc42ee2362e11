/**
 * Shared helpers of the vault's integration tests (not a test file itself). Values are made at run time and
 * remembered, so the secrecy test can check that none of them ever reached storage, settings or logs.
 */
import * as assert from 'assert';
import { createHash, randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ListedKey } from '../../src/engine/vault/types';
import { activateKeyguard, sleep } from './helpers';

/** Every value a vault test stored, in the order made. */
export const valuesUsed: string[] = [];

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh random value in no provider's format (prefix + 36 random base62 characters). */
export function freshValue(prefix = 'kgv'): string {
  const bytes = randomBytes(36);
  let body = '';
  for (const byte of bytes) body += BASE62[byte % 62];
  const value = `${prefix}_${body}`;
  valuesUsed.push(value);
  return value;
}

/** sha256 hex, as the vault fingerprints values. */
export function fp(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Calls the vault's test hook. */
export function hook<T = unknown>(op: string, args: Record<string, unknown> = {}): Thenable<T> {
  return vscode.commands.executeCommand<T>('keyguard.internal.vault', { op, ...args });
}

/** Runs a Keyguard command with an argument object. */
export function run<T = unknown>(command: string, args?: Record<string, unknown>): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, args);
}

/** The masked listing of all keys. */
export function listKeys(): Thenable<ListedKey[]> {
  return run<ListedKey[]>('keyguard.listKeys', {});
}

/** Activates Keyguard, records notifications instead of showing them, and empties the vault. */
export async function freshVault(): Promise<void> {
  await activateKeyguard();
  await hook('recordUi', { confirm: true });
  await hook('clockOffset', { ms: 0 });
  for (const key of await listKeys()) await run('keyguard.revokeKey', { name: key.name, forget: true });
  await hook('clearNotifications');
  assert.deepStrictEqual(await listKeys(), []);
}

/** What the hook reports about a key's value slots (fingerprints only). */
export interface Slots {
  meta: { fingerprint: string; status: string; previous: { fingerprint: string }[]; expiresAt?: number; lastRotatedAt?: number };
  active?: string;
  staging?: string;
  grace: Record<string, string | undefined>;
}

export function slots(name: string, alsoGrace: string[] = []): Thenable<Slots> {
  return hook<Slots>('slots', { name, alsoGrace });
}

/** Polls until `probe` resolves truthy. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A masked form for assertion messages (never a value). */
export function masked(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} chars)`;
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
