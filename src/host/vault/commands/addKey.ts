import * as vscode from 'vscode';
import { isValidKeyName, KEY_SCOPES, KEY_TIERS } from '../../../engine/vault/lifecycle';
import type { KeyScope, KeyTier, ListedKey } from '../../../engine/vault/types';
import { argsOf, expiryArg, isInteractive, listed, promptExpiry, stringArg, type VaultContext } from './common';

/**
 * `keyguard.addKey`: stores a key. With `{name, value, expiresAt?, tier?, rotateEveryDays?, scope?, inject?}`
 * it asks nothing; from the palette it asks for the name, the value (password box), the expiry (a JWT's
 * `exp` by default) and the tier. Resolves to the masked listing, never the value.
 */
export function addKeyCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ListedKey | undefined> => {
    const args = argsOf(arg);
    if (!isInteractive(arg)) {
      const name = stringArg(args, 'name');
      const value = stringArg(args, 'value');
      if (!name || value === undefined) throw new Error('keyguard.addKey needs "name" and "value".');
      const tier = args.tier;
      if (tier !== undefined && !KEY_TIERS.includes(tier as KeyTier)) throw new Error(`tier must be one of ${KEY_TIERS.join(', ')}.`);
      const scope = args.scope;
      if (scope !== undefined && !KEY_SCOPES.includes(scope as KeyScope)) throw new Error('scope must be "global" or "workspace".');
      const every = args.rotateEveryDays;
      if (every !== undefined && (typeof every !== 'number' || !(every > 0))) throw new Error('rotateEveryDays must be a positive number.');
      const meta = await vault.store.add({
        name,
        value,
        expiresAt: expiryArg(args.expiresAt, vault.clock(), value),
        tier: tier as KeyTier | undefined,
        rotateEveryDays: every as number | undefined,
        scope: scope as KeyScope | undefined,
        inject: typeof args.inject === 'boolean' ? args.inject : undefined,
      });
      vault.log.info(`Stored key ${meta.name} (${meta.masked}).`);
      return listed(vault, meta);
    }
    const name = await vscode.window.showInputBox({
      title: 'Add Key (1/4): name',
      prompt: 'The environment variable the key is used as, e.g. OPENAI_API_KEY.',
      value: stringArg(args, 'name'),
      ignoreFocusOut: true,
      validateInput: (text) => (isValidKeyName(text.trim()) ? undefined : 'Use letters, digits and _, not starting with a digit.'),
    });
    if (!name) return undefined;
    const value = await vscode.window.showInputBox({
      title: `Add Key (2/4): value of ${name.trim()}`,
      prompt: 'Stored in VS Code SecretStorage only; never written to settings or files.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() ? undefined : 'The value is empty.'),
    });
    if (!value) return undefined;
    const expiry = await promptExpiry(vault, `Add Key (3/4): expiry of ${name.trim()}`, { value: value.trim() });
    if (!expiry) return undefined;
    const tier = await vscode.window.showQuickPick(
      [
        { label: 'developer', description: 'inference and fine-tuning (default)' },
        { label: 'read-only', description: 'inference only' },
        { label: 'admin', description: 'every endpoint; hardcoded copies are errors' },
      ],
      { title: `Add Key (4/4): permission tier of ${name.trim()}`, ignoreFocusOut: true },
    );
    if (!tier) return undefined;
    const meta = await vault.store.add({ name: name.trim(), value: value.trim(), expiresAt: expiry.expiresAt, tier: tier.label as KeyTier });
    vault.log.info(`Stored key ${meta.name} (${meta.masked}).`);
    void vault.ui.notify('info', `Keyguard: stored ${meta.name} (${meta.masked})${meta.provider ? `, recognised as ${meta.provider}` : ''}.`);
    return listed(vault, meta);
  };
}
