import type { ListedKey } from '../../../engine/vault/types';
import { argsOf, isInteractive, keyFrom, listed, stringArg, type VaultContext } from './common';

/**
 * `keyguard.revokeKey`: `{name}` deletes the key's value and every old value in grace at once (the metadata
 * stays, marked revoked; `forget: true` removes it too); `{name, graceOnly: true}` or `{name, fingerprint}` (a grace row in the tree) only
 * ends the grace period of old values. From the palette it asks for confirmation.
 */
export function revokeKeyCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const key = await keyFrom(vault, arg, 'Revoke which key?', (k) => k.status === 'active' || k.previous.length > 0);
    if (!key) return undefined;
    const args = argsOf(arg);
    const fingerprint = stringArg(args, 'fingerprint');
    const graceOnly = args.graceOnly === true || fingerprint !== undefined;
    if (isInteractive(arg)) {
      const what = graceOnly ? `the old value of ${key.name} still in its grace period` : `${key.name} (${key.masked})`;
      const ok = await vault.ui.confirm(
        `Revoke ${what}?`,
        graceOnly
          ? 'The old value is deleted from SecretStorage now; programs still using it will fail.'
          : 'The value and any old values in grace are deleted from SecretStorage and removed from terminals. Revoke it at the provider too.',
        'Revoke',
      );
      if (!ok) return undefined;
    }
    if (args.forget === true && !graceOnly) {
      await vault.store.forget(key);
      vault.log.info(`Revoked and forgot key ${key.name} (${key.masked}).`);
      return { ...listed(vault, key), status: 'revoked', grace: [] };
    }
    const meta = graceOnly ? await vault.store.endGrace(key.name, fingerprint) : await vault.store.revoke(key.name);
    vault.log.info(graceOnly ? `Ended the grace period of old values of ${key.name}.` : `Revoked key ${key.name} (${key.masked}).`);
    return listed(vault, meta);
  };
}
