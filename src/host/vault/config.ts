import * as vscode from 'vscode';
import type { KeyTier } from '../../engine/vault/types';

/** Where rotation gets the new key. */
export type RotationProviderKind = 'manual' | 'command' | 'http';

/**
 * The vault's settings. Mirrors `contributes.configuration` in package.json ("Key Vault" and "Rotation"
 * groups); each field has the same default here as there. Provider settings have `scope: application`,
 * so a cloned repository's `.vscode/settings.json` can never point rotation at its own program or server.
 */
export interface VaultConfig {
  /** `keyguard.statusBar.hideWhenNoKeys`: hide the expiry item when the vault is empty. */
  hideWhenNoKeys: boolean;
  /** `keyguard.vault.injectIntoTerminals`: put active keys into new integrated terminals. */
  injectIntoTerminals: boolean;
  /** `keyguard.vault.defaultTier`: tier of keys added without one. */
  defaultTier: KeyTier;
  /** `keyguard.vault.expiryNotifications`: notify at 7 days, 24 hours, expiry and rotation due. */
  notifications: boolean;
  rotation: {
    /** `keyguard.rotation.provider`: where new keys come from. */
    provider: RotationProviderKind;
    /** `keyguard.rotation.graceHours`: how long an old key keeps working after rotation. */
    graceHours: number;
    /** `keyguard.rotation.timeoutSeconds`: limit for the command and HTTP providers. */
    timeoutSeconds: number;
    /** `keyguard.rotation.command`: program that prints the new key on stdout. */
    command: string;
    /** `keyguard.rotation.commandArgs`: its arguments. */
    commandArgs: string[];
    /** `keyguard.rotation.commandInput`: how the program receives the current key. */
    commandInput: 'stdin' | 'env';
    /** `keyguard.rotation.http.url`: endpoint POSTed to with the current key as Bearer token. */
    httpUrl: string;
    /** `keyguard.rotation.http.keyPath`: JSON path of the new key in the answer. */
    httpKeyPath: string;
    /** `keyguard.rotation.http.expiresAtPath`: JSON path of its expiry (optional in the answer). */
    httpExpiresAtPath: string;
  };
}

const TIERS: readonly string[] = ['read-only', 'developer', 'admin'];

/** Reads the vault settings with validation: a wrong type falls back to the default. */
export function readVaultConfig(): VaultConfig {
  const c = vscode.workspace.getConfiguration('keyguard');
  const bool = (key: string, fallback: boolean) => {
    const v = c.get<unknown>(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  const num = (key: string, fallback: number, min: number, max: number) => {
    const v = c.get<unknown>(key);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  };
  const str = (key: string, fallback: string) => {
    const v = c.get<unknown>(key);
    return typeof v === 'string' ? v : fallback;
  };
  const provider = c.get<unknown>('rotation.provider');
  const tier = c.get<unknown>('vault.defaultTier');
  const args = c.get<unknown>('rotation.commandArgs');
  return {
    hideWhenNoKeys: bool('statusBar.hideWhenNoKeys', true),
    injectIntoTerminals: bool('vault.injectIntoTerminals', true),
    defaultTier: typeof tier === 'string' && TIERS.includes(tier) ? (tier as KeyTier) : 'developer',
    notifications: bool('vault.expiryNotifications', true),
    rotation: {
      provider: provider === 'command' || provider === 'http' ? provider : 'manual',
      graceHours: num('rotation.graceHours', 24, 0, 24 * 90),
      timeoutSeconds: num('rotation.timeoutSeconds', 30, 1, 600),
      command: str('rotation.command', '').trim(),
      commandArgs: Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [],
      commandInput: c.get<unknown>('rotation.commandInput') === 'env' ? 'env' : 'stdin',
      httpUrl: str('rotation.http.url', '').trim(),
      httpKeyPath: str('rotation.http.keyPath', 'key').trim() || 'key',
      httpExpiresAtPath: str('rotation.http.expiresAtPath', 'expires_at').trim(),
    },
  };
}
