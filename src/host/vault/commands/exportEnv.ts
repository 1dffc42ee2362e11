import * as vscode from 'vscode';
import { setDotenvValue } from '../../../engine/vault/dotenv';
import { isGitIgnored, manageEnvFile, readText, writeText } from '../envFiles';
import { argsOf, fileArg, isInteractive, type VaultContext } from './common';

/** What an export did. */
export interface ExportResult {
  file: string;
  written: string[];
  /** Whether git ignores the file (undefined: unknown). */
  gitIgnored: boolean | undefined;
}

/**
 * `keyguard.exportEnv`: writes active keys into a `.env` file, explicitly. `{path | uri, names?,
 * allowNotIgnored?}`. A target git does not ignore is refused from an argument object unless
 * `allowNotIgnored: true`, and needs a modal confirmation from the palette. Exported entries are kept up to
 * date after rotations.
 */
export function exportEnvCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ExportResult | undefined> => {
    const args = argsOf(arg);
    const interactive = isInteractive(arg);
    let keys = vault.store.all().filter((k) => k.status === 'active');
    if (Array.isArray(args.names)) keys = keys.filter((k) => (args.names as unknown[]).includes(k.name));
    let uri = fileArg(args);
    if (interactive) {
      const picked = await vscode.window.showQuickPick(
        keys.map((k) => ({ label: k.name, description: k.masked, picked: true, key: k })),
        { title: 'Export which keys to a .env file?', canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked || picked.length === 0) return undefined;
      keys = picked.map((p) => p.key);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      uri ??= await vscode.window.showSaveDialog({ title: 'Export keys to', defaultUri: folder ? vscode.Uri.joinPath(folder, '.env') : undefined, saveLabel: 'Export' });
    }
    if (!uri) {
      if (!interactive) throw new Error('keyguard.exportEnv needs "path" or "uri".');
      return undefined;
    }
    if (keys.length === 0) throw new Error('No active keys to export.');
    const gitIgnored = await isGitIgnored(uri);
    if (gitIgnored !== true) {
      const why = gitIgnored === false ? 'is not ignored by git' : 'may not be ignored by git (could not check)';
      if (interactive) {
        const ok = await vault.ui.confirm(`${vscode.workspace.asRelativePath(uri)} ${why}.`, 'Its keys could be committed. Add it to .gitignore first, or export anyway.', 'Export Anyway');
        if (!ok) return undefined;
      } else if (args.allowNotIgnored !== true) {
        throw new Error(`${vscode.workspace.asRelativePath(uri)} ${why}; pass allowNotIgnored: true to export anyway.`);
      }
    }
    let text = '';
    try {
      text = await readText(uri);
    } catch {
      // A new file.
    }
    const written: string[] = [];
    for (const key of keys) {
      const value = await vault.store.valueOf(key.name);
      if (value === undefined) continue;
      text = setDotenvValue(text, key.name, value);
      written.push(key.name);
    }
    await writeText(uri, text);
    for (const name of written) await manageEnvFile(vault.store, name, uri);
    vault.log.info(`Exported ${written.join(', ')} to ${vscode.workspace.asRelativePath(uri)}.`);
    if (interactive && gitIgnored !== true) void vault.ui.notify('warning', `Keyguard: exported to ${vscode.workspace.asRelativePath(uri)}, which git does not ignore.`);
    return { file: uri.toString(), written, gitIgnored };
  };
}
