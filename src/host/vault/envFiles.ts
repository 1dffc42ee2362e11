import * as path from 'path';
import * as vscode from 'vscode';
import { setDotenvValue } from '../../engine/vault/dotenv';
import { childProcess } from '../nodeBuiltins';
import type { KeyStore } from './keyStore';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Reads a text file through VS Code's file system (works for remote and virtual workspaces). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes a text file; an open document of it is reloaded by VS Code. */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

/**
 * Whether git ignores a file: `git check-ignore` in its folder; undefined when that cannot be told
 * (no git, not a repository, not a local file).
 */
export function isGitIgnored(uri: vscode.Uri): Promise<boolean | undefined> {
  if (uri.scheme !== 'file') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    childProcess().execFile('git', ['check-ignore', '-q', '--', path.basename(uri.fsPath)], { cwd: path.dirname(uri.fsPath), timeout: 5000 }, (error) => {
      if (!error) resolve(true);
      else if ((error as { code?: unknown }).code === 1) resolve(false);
      else resolve(undefined);
    });
  });
}

/**
 * After a rotation, rewrites the `NAME=` entry of every `.env` file Keyguard manages for the key (files it
 * exported to, or imported from while keeping the entry). Missing files are forgotten. Returns the files
 * updated.
 */
export async function updateManagedEnvFiles(store: KeyStore, name: string): Promise<vscode.Uri[]> {
  const meta = store.get(name);
  if (!meta?.managedEnvFiles?.length) return [];
  const value = await store.valueOf(name);
  if (value === undefined) return [];
  const updated: vscode.Uri[] = [];
  const kept: string[] = [];
  for (const file of meta.managedEnvFiles) {
    const uri = vscode.Uri.parse(file);
    let text: string;
    try {
      text = await readText(uri);
    } catch {
      continue;
    }
    kept.push(file);
    const next = setDotenvValue(text, name, value);
    if (next !== text) {
      await writeText(uri, next);
      updated.push(uri);
    }
  }
  if (kept.length !== meta.managedEnvFiles.length) await store.update(name, (m) => ({ ...m, managedEnvFiles: kept }));
  return updated;
}

/** Records that Keyguard manages `NAME=` in a `.env` file. */
export async function manageEnvFile(store: KeyStore, name: string, uri: vscode.Uri): Promise<void> {
  await store.update(name, (m) => {
    const files = new Set(m.managedEnvFiles ?? []);
    files.add(uri.toString());
    return { ...m, managedEnvFiles: [...files] };
  });
}
