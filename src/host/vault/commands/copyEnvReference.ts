import * as vscode from 'vscode';
import { envReference } from '../../../engine/vault/dotenv';
import { argsOf, keyFrom, stringArg, type VaultContext } from './common';

/**
 * `keyguard.copyEnvReference`: copies how code reads the key's environment variable in the active editor's
 * language (`process.env.NAME`, `os.environ["NAME"]`...), never the value. `{name, languageId?}`.
 */
export function copyEnvReferenceCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const key = await keyFrom(vault, arg, 'Copy the environment reference of which key?');
    if (!key) return undefined;
    const languageId = stringArg(argsOf(arg), 'languageId') ?? vscode.window.activeTextEditor?.document.languageId;
    const reference = envReference(key.name, languageId);
    await vscode.env.clipboard.writeText(reference);
    vscode.window.setStatusBarMessage(`Keyguard: copied ${reference}`, 3000);
    return reference;
  };
}
