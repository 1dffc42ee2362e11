import * as vscode from 'vscode';
import { CommandIds, ViewIds } from '../../commands/ids';
import { countdownText } from '../../../engine/vault/countdown';
import { keyFrom, type VaultContext } from './common';

/** The status bar's click: a quick pick of what to do about a key (rotate, renew, set expiry, revoke). */
export function expiryActionsCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const name = arg && typeof arg === 'object' ? (arg as Record<string, unknown>).name : undefined;
    const key = await keyFrom(vault, typeof name === 'string' ? { name, interactive: true } : undefined, 'Act on which key?', (k) => k.status === 'active');
    if (!key) return undefined;
    const state = key.expiresAt === undefined ? 'no expiry' : countdownText(key.expiresAt, vault.clock());
    const items = [
      { label: '$(sync) Rotate', description: 'get a new value; the old one keeps working during the grace period', command: CommandIds.rotateKey },
      { label: '$(calendar) Renew', description: 'the provider extended this key: move its expiry', command: CommandIds.renewKey },
      { label: '$(edit) Set Expiry', description: 'correct the expiry date', command: CommandIds.setExpiry },
      { label: '$(trash) Revoke', description: 'delete it from the vault and terminals now', command: CommandIds.revokeKey },
      { label: '$(list-tree) Show All Keys', description: 'open the API Keys view', command: `${ViewIds.apiKeys}.focus` },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `${key.name} · ${key.masked} · ${state}`, ignoreFocusOut: false });
    if (!picked) return undefined;
    if (picked.command.endsWith('.focus')) await vscode.commands.executeCommand(picked.command);
    else await vscode.commands.executeCommand(picked.command, { name: key.name, interactive: true });
    return picked.command;
  };
}
