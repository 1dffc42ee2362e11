import { DAY } from '../../../engine/vault/countdown';
import type { ListedKey } from '../../../engine/vault/types';
import { argsOf, expiryArg, isInteractive, keyFrom, lifetimeDays, listed, promptExpiry, type VaultContext } from './common';

/**
 * `keyguard.renewKey`: the provider extended the same key, so only its expiry moves. `{name, expiresAt?}`;
 * without `expiresAt` the key gets its previous lifetime again from now (30 days when it had none).
 */
export function renewKeyCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const key = await keyFrom(vault, arg, 'Renew which key?', (k) => k.status === 'active');
    if (!key) return undefined;
    const days = lifetimeDays(key) ?? 30;
    let expiresAt: number | undefined;
    const args = argsOf(arg);
    if (!isInteractive(arg)) {
      expiresAt = 'expiresAt' in args ? expiryArg(args.expiresAt, vault.clock()) : vault.clock() + days * DAY;
    } else {
      const answer = await promptExpiry(vault, `Renew ${key.name}: new expiry`, { suggestion: `in ${days} days` });
      if (!answer) return undefined;
      expiresAt = answer.expiresAt;
    }
    const meta = await vault.store.update(key.name, (m) => ({ ...m, expiresAt }));
    vault.log.info(`Renewed ${meta.name} until ${expiresAt === undefined ? 'no expiry' : new Date(expiresAt).toISOString()}.`);
    return listed(vault, meta);
  };
}
