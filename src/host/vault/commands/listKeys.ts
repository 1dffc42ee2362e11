import * as vscode from 'vscode';
import { CommandIds } from '../../commands/ids';
import type { ListedKey } from '../../../engine/vault/types';
import { isInteractive, listed, type VaultContext } from './common';

/**
 * `keyguard.listKeys`: every key's metadata, masked; never a value or a fingerprint. From the palette it
 * also shows them in a quick pick; picking one opens its actions.
 */
export function listKeysCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey[]> => {
    const keys = vault.store.all().map((key) => listed(vault, key));
    if (arg === undefined && isInteractive(arg)) {
      void vscode.window
        .showQuickPick(
          keys.map((k) => ({
            label: k.name,
            description: `${k.masked} · ${k.tier} · ${k.status}`,
            detail: k.countdown ? (k.countdown.startsWith('expired') ? k.countdown : `expires in ${k.countdown}`) : 'no expiry',
            name: k.name,
          })),
          { title: `Keyguard: ${keys.length} stored key${keys.length === 1 ? '' : 's'}` },
        )
        .then((picked) => (picked ? vscode.commands.executeCommand(CommandIds.expiryActions, { name: picked.name }) : undefined))
        .then(undefined, (error: unknown) => vault.log.error(`List Keys: ${String(error)}`));
    }
    return keys;
  };
}
