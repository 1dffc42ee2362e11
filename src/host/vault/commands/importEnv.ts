import * as vscode from 'vscode';
import { maskSecret } from '../../../engine/mask';
import { parseDotenv, removeDotenvEntries } from '../../../engine/vault/dotenv';
import { isValidKeyName } from '../../../engine/vault/lifecycle';
import type { KeyScope, KeyTier } from '../../../engine/vault/types';
import { manageEnvFile, readText, writeText } from '../envFiles';
import { argsOf, fileArg, isInteractive, type VaultContext } from './common';

/** What an import did. */
export interface ImportResult {
  file: string;
  imported: string[];
  removedFromFile: boolean;
}

/**
 * `keyguard.importEnv`: moves values from a `.env` file into the vault. `{path | uri, names?, remove?, tier?,
 * scope?}`; from the palette it picks the file and entries and asks whether to remove them from the file
 * (or keep them, in which case Keyguard keeps those entries up to date after rotations).
 */
export function importEnvCommand(vault: VaultContext) {
  return async (arg?: unknown): Promise<ImportResult | undefined> => {
    const args = argsOf(arg);
    const interactive = isInteractive(arg);
    const uri = fileArg(args) ?? (interactive ? await pickEnvFile() : undefined);
    if (!uri) {
      if (!interactive) throw new Error('keyguard.importEnv needs "path" or "uri".');
      return undefined;
    }
    const text = await readText(uri);
    let entries = parseDotenv(text).filter((e) => e.value.trim() !== '' && isValidKeyName(e.name));
    if (Array.isArray(args.names)) entries = entries.filter((e) => (args.names as unknown[]).includes(e.name));
    let remove = args.remove === true;
    if (interactive) {
      const picked = await vscode.window.showQuickPick(
        entries.map((e) => ({ label: e.name, description: maskSecret(e.value), picked: true, entry: e })),
        { title: `Import from ${vscode.workspace.asRelativePath(uri)}`, canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked || picked.length === 0) return undefined;
      entries = picked.map((p) => p.entry);
      const how = await vscode.window.showQuickPick(
        [
          { label: 'Remove them from the file', remove: true },
          { label: 'Keep them in the file', description: 'Keyguard updates them after rotations', remove: false },
        ],
        { title: 'After importing', ignoreFocusOut: true },
      );
      if (!how) return undefined;
      remove = how.remove;
    }
    const imported: string[] = [];
    for (const entry of entries) {
      await vault.store.add({
        name: entry.name,
        value: entry.value,
        tier: args.tier as KeyTier | undefined,
        scope: args.scope as KeyScope | undefined,
      });
      if (!remove) await manageEnvFile(vault.store, entry.name, uri);
      imported.push(entry.name);
    }
    // The file changes only after every value is safely stored.
    if (remove && imported.length) await writeText(uri, removeDotenvEntries(text, imported));
    vault.log.info(`Imported ${imported.length} key(s) from ${vscode.workspace.asRelativePath(uri)}${remove ? ' and removed them from it' : ''}.`);
    if (interactive) void vault.ui.notify('info', `Keyguard: imported ${imported.join(', ')} into the vault.`);
    return { file: uri.toString(), imported, removedFromFile: remove };
  };
}

async function pickEnvFile(): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/.env*', '**/node_modules/**', 50);
  const files = found.filter((f) => !/\.(example|sample|template)$/i.test(f.path));
  if (files.length === 1) return files[0];
  if (files.length > 1) {
    const picked = await vscode.window.showQuickPick(files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })), {
      title: 'Import keys from which file?',
    });
    return picked?.uri;
  }
  const chosen = await vscode.window.showOpenDialog({ title: 'Import keys from a .env file', canSelectMany: false, openLabel: 'Import' });
  return chosen?.[0];
}
