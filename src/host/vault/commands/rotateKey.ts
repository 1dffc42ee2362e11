import type { RotationProviderKind } from '../config';
import type { ListedKey } from '../../../engine/vault/types';
import { argsOf, isInteractive, keyFrom, listed, stringArg, type VaultContext } from './common';

const PROVIDERS: readonly string[] = ['manual', 'command', 'http'];

/**
 * `keyguard.rotateKey`: `{name, newValue?, provider?}`. With `newValue` the value is used as is; otherwise the
 * configured provider (manual password box, command, HTTP) supplies it. The old value stays usable for
 * `keyguard.rotation.graceHours`.
 */
export function rotateKeyCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const key = await keyFrom(vault, arg, 'Rotate which key?', (k) => k.status === 'active');
    if (!key) return undefined;
    const args = argsOf(arg);
    const provider = stringArg(args, 'provider');
    if (provider !== undefined && !PROVIDERS.includes(provider)) throw new Error('provider must be manual, command or http.');
    const newValue = stringArg(args, 'newValue');
    if (!isInteractive(arg) && newValue === undefined && provider === 'manual') throw new Error('Manual rotation from an argument object needs "newValue".');
    const meta = await vault.rotation.rotate({ name: key.name, newValue, provider: provider as RotationProviderKind | undefined });
    if (isInteractive(arg)) {
      void vault.ui.notify('info', `Keyguard: rotated ${meta.name} (now ${meta.masked}). The old value works for ${vault.config().rotation.graceHours} more hours.`);
    }
    return listed(vault, meta);
  };
}
