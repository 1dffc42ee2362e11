import * as vscode from 'vscode';
import { keyFrom, type VaultContext } from './common';

/**
 * `keyguard.revealKey`: after a modal confirmation, copies the value to the clipboard (it is never shown)
 * and clears the clipboard after 30 s if it still holds the value. Resolves to `{copied, masked}`.
 */
export function revealKeyCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<{ copied: boolean; masked?: string } | undefined> => {
    const key = await keyFrom(vault, arg, 'Copy which key to the clipboard?', (k) => k.status === 'active');
    if (!key) return undefined;
    const seconds = Math.round(vault.clipboardClearMs / 1000);
    const ok = await vault.ui.confirm(
      `Copy the value of ${key.name} to the clipboard?`,
      `Anything that can read the clipboard can read the key. Keyguard clears the clipboard after ${seconds} s if it still holds it.`,
      'Copy',
    );
    if (!ok) return { copied: false };
    const value = await vault.store.valueOf(key.name);
    if (value === undefined) throw new Error(`The value of ${key.name} is missing from SecretStorage.`);
    await vscode.env.clipboard.writeText(value);
    vault.log.info(`Copied ${key.name} (${key.masked}) to the clipboard; clearing in ${seconds} s.`);
    setTimeout(() => {
      void vscode.env.clipboard.readText().then(async (current) => {
        if (current === value) await vscode.env.clipboard.writeText('');
      }, () => undefined);
    }, vault.clipboardClearMs);
    return { copied: true, masked: key.masked };
  };
}
