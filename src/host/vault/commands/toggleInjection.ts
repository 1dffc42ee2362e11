import type { ListedKey } from '../../../engine/vault/types';
import { argsOf, keyFrom, listed, type VaultContext } from './common';

/**
 * `keyguard.toggleInjection`: turns a key's injection into new terminals on or off (`{name, inject?}`;
 * without `inject` it flips). Applies to terminals opened afterwards.
 */
export function toggleInjectionCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const key = await keyFrom(vault, arg, 'Toggle terminal injection of which key?', (k) => k.status === 'active');
    if (!key) return undefined;
    const wanted = argsOf(arg).inject;
    const inject = typeof wanted === 'boolean' ? wanted : !key.inject;
    const meta = await vault.store.update(key.name, (m) => ({ ...m, inject }));
    await vault.injector.sync();
    vault.log.info(`Terminal injection of ${meta.name} ${inject ? 'on' : 'off'}.`);
    return listed(vault, meta);
  };
}
