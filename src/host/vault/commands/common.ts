import * as path from 'path';
import * as vscode from 'vscode';
import { countdownText, DAY } from '../../../engine/vault/countdown';
import { jwtExpiry, parseExpiry } from '../../../engine/vault/expiry';
import { toListedKey } from '../../../engine/vault/lifecycle';
import type { Clock, KeyMeta, ListedKey, Millis } from '../../../engine/vault/types';
import type { VaultConfig } from '../config';
import type { TerminalInjector } from '../injection';
import type { KeyStore } from '../keyStore';
import type { VaultUi } from '../notifier';
import type { ReminderService } from '../reminders';
import type { RotationService } from '../rotation';
import type { ExpiryStatusBar } from '../statusBar';
import type { ApiKeysTreeProvider } from '../treeView';
import type { CountdownTicker } from '../ticker';

/** Everything the vault's command handlers use. */
export interface VaultContext {
  readonly extension: vscode.ExtensionContext;
  readonly store: KeyStore;
  readonly rotation: RotationService;
  readonly statusBar: ExpiryStatusBar;
  readonly tree: ApiKeysTreeProvider;
  readonly ticker: CountdownTicker;
  readonly reminders: ReminderService;
  readonly injector: TerminalInjector;
  readonly ui: VaultUi;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly config: () => VaultConfig;
  /** How long a revealed value stays on the clipboard (30 s; shortened by tests). */
  clipboardClearMs: number;
}

/** A command handler: prompts when called from the palette, uses its argument object otherwise. */
export type VaultCommand = (arg?: unknown) => Promise<unknown>;

/**
 * Whether a call should prompt: no argument (palette, keybinding without args), a tree row (context menu),
 * or an explicit `interactive: true` (notification buttons). Argument objects from other code never prompt.
 */
export function isInteractive(arg: unknown): boolean {
  if (arg === undefined || arg === null) return true;
  if (typeof arg !== 'object') return false;
  const record = arg as Record<string, unknown>;
  return record.interactive === true || record.kind === 'key' || record.kind === 'grace';
}

/** The argument as a plain record ({} when absent). */
export function argsOf(arg: unknown): Record<string, unknown> {
  return arg && typeof arg === 'object' ? (arg as Record<string, unknown>) : {};
}

/** A string field of the arguments, or undefined. */
export function stringArg(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' ? value : undefined;
}

/** The key named by the arguments, or picked by the user when interactive. Undefined when cancelled. */
export async function keyFrom(vault: VaultContext, arg: unknown, placeHolder: string, filter: (key: KeyMeta) => boolean = () => true): Promise<KeyMeta | undefined> {
  const name = stringArg(argsOf(arg), 'name');
  if (name !== undefined) return vault.store.require(name);
  if (!isInteractive(arg)) throw new Error('The argument object needs a "name".');
  const keys = vault.store.all().filter(filter);
  if (keys.length === 0) {
    void vault.ui.notify('info', 'Keyguard: no stored key fits. Add one with "Keyguard: Add Key".');
    return undefined;
  }
  const now = vault.clock();
  const picked = await vscode.window.showQuickPick(
    keys.map((key) => ({
      label: key.name,
      description: `${key.masked} · ${key.tier}`,
      detail: key.status === 'revoked' ? 'revoked' : key.expiresAt === undefined ? 'no expiry' : countdownText(key.expiresAt, now),
      key,
    })),
    { placeHolder, ignoreFocusOut: true },
  );
  return picked?.key;
}

/** Reads an expiry argument: number (epoch), string (date, "in 30 days", "30d"), null/"never" for none. */
export function expiryArg(raw: unknown, now: Millis, value?: string): Millis | undefined {
  if (raw === null) return undefined;
  if (raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') throw new Error('expiresAt must be a date string, "in N days" or epoch milliseconds.');
  const parsed = parseExpiry(raw as string | number | undefined, now, value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.expiresAt;
}

/**
 * Asks for an expiry. Empty means none, or the JWT's `exp` when the value is a JWT. Resolves to
 * `{ expiresAt }` or undefined when cancelled.
 */
export async function promptExpiry(vault: VaultContext, title: string, options: { value?: string; suggestion?: string } = {}): Promise<{ expiresAt: Millis | undefined } | undefined> {
  const now = vault.clock();
  const fromJwt = options.value === undefined ? undefined : jwtExpiry(options.value, now);
  const input = await vscode.window.showInputBox({
    title,
    prompt: fromJwt !== undefined
      ? `Leave empty to use the JWT's own expiry (${new Date(fromJwt).toISOString()}), or type a date, "in 30 days", "30d".`
      : 'A date (2027-01-31), "in 30 days", "30d", "12h", or empty for no expiry.',
    value: options.suggestion,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseExpiry(text, vault.clock(), options.value);
      return parsed.ok ? undefined : parsed.error;
    },
  });
  if (input === undefined) return undefined;
  const parsed = parseExpiry(input, vault.clock(), options.value);
  return parsed.ok ? { expiresAt: parsed.expiresAt } : undefined;
}

/** A key's lifetime in whole days (for "renew for the same time again"), at least one. */
export function lifetimeDays(key: KeyMeta): number | undefined {
  if (key.expiresAt === undefined) return undefined;
  const issued = key.lastRotatedAt ?? key.createdAt;
  return Math.max(1, Math.round((key.expiresAt - issued) / DAY));
}

/** The masked listing of a key. */
export function listed(vault: VaultContext, key: KeyMeta): ListedKey {
  return toListedKey(key, vault.clock());
}

/**
 * Runs a handler: errors become an error notification when the user started it, and a rejected promise
 * for programmatic callers. Messages never contain values (handlers only raise masked messages).
 */
export function guarded(vault: VaultContext, name: string, handler: VaultCommand): VaultCommand {
  return async (arg?: unknown) => {
    try {
      return await handler(arg);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      vault.log.warn(`${name}: ${message}`);
      if (isInteractive(arg)) {
        void vault.ui.notify('error', `Keyguard: ${message}`);
        return undefined;
      }
      throw error;
    }
  };
}

/** Resolves a file argument: `uri` (string) or `path` (absolute, or relative to the first workspace folder). */
export function fileArg(args: Record<string, unknown>): vscode.Uri | undefined {
  const uri = stringArg(args, 'uri');
  if (uri) return vscode.Uri.parse(uri);
  const file = stringArg(args, 'path');
  if (!file) return undefined;
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('A relative path needs an open folder.');
  return vscode.Uri.joinPath(folder.uri, file);
}
