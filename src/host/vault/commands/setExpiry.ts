import type { ListedKey } from '../../../engine/vault/types';
import { argsOf, expiryArg, isInteractive, keyFrom, listed, promptExpiry, type VaultContext } from './common';

/**
 * `keyguard.setExpiry`: `{name, expiresAt}` (a date, "in 30 days", "30d", epoch ms, or null for none);
 * from the palette, picks a key and asks.
 */
export function setExpiryCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const key = await keyFrom(vault, arg, 'Set the expiry of which key?', (k) => k.status !== 'revoked');
    if (!key) return undefined;
    const args = argsOf(arg);
    let expiresAt: number | undefined;
    if (!isInteractive(arg)) {
      if (!('expiresAt' in args)) throw new Error('keyguard.setExpiry needs "expiresAt" (null for no expiry).');
      expiresAt = expiryArg(args.expiresAt, vault.clock());
    } else {
      const answer = await promptExpiry(vault, `Expiry of ${key.name}`, { suggestion: key.expiresAt === undefined ? '' : new Date(key.expiresAt).toISOString().slice(0, 10) });
      if (!answer) return undefined;
      expiresAt = answer.expiresAt;
    }
    const meta = await vault.store.update(key.name, (m) => ({ ...m, expiresAt }));
    vault.log.info(`Expiry of ${meta.name} set to ${expiresAt === undefined ? 'none' : new Date(expiresAt).toISOString()}.`);
    return listed(vault, meta);
  };
}
