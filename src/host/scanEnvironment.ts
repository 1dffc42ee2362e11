import * as path from 'path';
import * as vscode from 'vscode';
import { ALLOWLIST_RELATIVE_PATH, parseAllowlist } from '../engine/suppress';
import { IGNORE_FILE_NAMES, PathFilter } from '../engine/pathFilter';
import type { AllowlistEntry, Finding, ScanOptions, Severity } from '../engine/types';
import type { KeyguardConfig } from './config';
import { engine } from './engineLoader';
import { describeError } from './logging';
import type { Services } from './services';

type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];

/** One ignore file of a workspace folder. */
interface IgnoreFile {
  /** Directory relative to the folder, '' for the root. */
  dir: string;
  name: string;
  text: string;
}

/**
 * Everything a scan needs besides the text: the allowlist of the file's workspace folder, the vault's known
 * keys, the relative path and the ignore rules. Cached per workspace folder and refreshed when the files
 * behind it change, so scanning a document on each keystroke does no file I/O.
 */
export class ScanEnvironment implements vscode.Disposable {
  private readonly allowlists = new Map<string, Promise<AllowlistEntry[]>>();
  private readonly ignoreFiles = new Map<string, Promise<IgnoreFile[]>>();
  private readonly filters = new Map<string, Promise<PathFilter>>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private vaultSubscribed = false;

  /** Fires when the allowlist, an ignore file or the vault's keys change: open documents should be rescanned. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly services: Services) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${ALLOWLIST_RELATIVE_PATH},${IGNORE_FILE_NAMES.join(',')}}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.invalidate()),
      watcher.onDidChange(() => this.invalidate()),
      watcher.onDidDelete(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    );
  }

  /** The engine options for one file under the given settings. */
  async optionsFor(uri: vscode.Uri, config: KeyguardConfig): Promise<ScanOptions> {
    this.subscribeToVault();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return {
      disabledRules: config.disabledRules,
      severityOverrides: engineSeverities(config.severityOverrides),
      allowlist: folder ? await this.allowlistOf(folder) : [],
      relativePath: relativePathOf(uri),
      knownKeys: this.services.vault?.knownKeys() ?? [],
    };
  }

  /**
   * Whether settings or ignore files exclude this file from scanning: the engine's default ignores
   * (dependency folders, lockfiles, media), `keyguard.exclude`, and `.gitignore` / `.keyguardignore` files
   * (nested ones apply to their own directory, as in git). Open documents follow the same rules as the
   * workspace scan: a git-ignored `.env` is where a moved secret belongs, not a finding.
   */
  async isExcluded(uri: vscode.Uri, config: KeyguardConfig): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    return (await this.filterOf(folder, config.exclude)).isIgnored(relativePathOf(uri));
  }

  /**
   * Runs the engine on one text (the first call loads it). Never throws: a failure or a skipped file becomes a
   * log line (with the relative path, never content) and no findings.
   */
  scan(text: string, uri: vscode.Uri, options: ScanOptions): Finding[] {
    const where = relativePathOf(uri);
    try {
      const result = engine().scanText(text, uri.path, options);
      if (result.skipped) this.services.log.info(`Skipped ${where}: ${result.skipped}`);
      for (const note of result.notes) this.services.log.warn(`${where}: ${note}`);
      return result.findings;
    } catch (error) {
      this.services.log.error(`Scanning ${where} failed: ${describeError(error)}`);
      return [];
    }
  }

  private subscribeToVault(): void {
    const vault = this.services.vault;
    if (this.vaultSubscribed || !vault) return;
    this.vaultSubscribed = true;
    this.disposables.push(vault.onDidChange(() => this.changeEmitter.fire()));
  }

  private invalidate(): void {
    this.allowlists.clear();
    this.ignoreFiles.clear();
    this.filters.clear();
    this.changeEmitter.fire();
  }

  private allowlistOf(folder: vscode.WorkspaceFolder): Promise<AllowlistEntry[]> {
    const key = folder.uri.toString();
    let pending = this.allowlists.get(key);
    if (!pending) {
      pending = this.loadAllowlist(folder);
      this.allowlists.set(key, pending);
    }
    return pending;
  }

  private async loadAllowlist(folder: vscode.WorkspaceFolder): Promise<AllowlistEntry[]> {
    const text = await readOptionalText(vscode.Uri.joinPath(folder.uri, ALLOWLIST_RELATIVE_PATH));
    if (text === undefined) return [];
    const parsed = parseAllowlist(text);
    if (parsed.error) this.services.log.warn(`${ALLOWLIST_RELATIVE_PATH} in ${folder.name}: ${parsed.error}`);
    return parsed.entries;
  }

  /** One PathFilter per folder and `keyguard.exclude` value: a workspace scan asks once per file. */
  private async filterOf(folder: vscode.WorkspaceFolder, exclude: readonly string[]): Promise<PathFilter> {
    const key = `${folder.uri.toString()}\n${JSON.stringify(exclude)}`;
    let pending = this.filters.get(key);
    if (!pending) {
      pending = this.ignoreFilesOf(folder).then((files) => {
        const filter = new PathFilter({ extraIgnores: exclude });
        for (const file of files) filter.addIgnoreFile(file.dir, file.text);
        return filter;
      });
      this.filters.set(key, pending);
    }
    return pending;
  }

  private ignoreFilesOf(folder: vscode.WorkspaceFolder): Promise<IgnoreFile[]> {
    const key = folder.uri.toString();
    let pending = this.ignoreFiles.get(key);
    if (!pending) {
      pending = this.loadIgnoreFiles(folder);
      this.ignoreFiles.set(key, pending);
    }
    return pending;
  }

  private async loadIgnoreFiles(folder: vscode.WorkspaceFolder): Promise<IgnoreFile[]> {
    const pattern = new vscode.RelativePattern(folder, `**/{${IGNORE_FILE_NAMES.join(',')}}`);
    const uris = await vscode.workspace.findFiles(pattern, '**/node_modules/**');
    const files: IgnoreFile[] = [];
    for (const uri of uris) {
      const text = await readOptionalText(uri);
      if (text === undefined) continue;
      const relative = path.posix.relative(folder.uri.path, uri.path);
      files.push({ dir: path.posix.dirname(relative).replace(/^\.$/, ''), name: path.posix.basename(relative), text });
    }
    // Within one directory, .gitignore first and .keyguardignore second (PathFilter keeps insertion order).
    return files.sort((a, b) => IGNORE_FILE_NAMES.indexOf(a.name as IgnoreFileName) - IGNORE_FILE_NAMES.indexOf(b.name as IgnoreFileName));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Path relative to the file's workspace folder with `/` separators; the file name for loose files. */
export function relativePathOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The overrides the engine understands; `hint` exists only in the editor and is applied there. */
function engineSeverities(overrides: KeyguardConfig['severityOverrides']): Record<string, Severity> {
  const result: Record<string, Severity> = {};
  for (const [ruleId, severity] of Object.entries(overrides)) {
    if (severity !== 'hint') result[ruleId] = severity;
  }
  return result;
}

/** Reads a UTF-8 file, or undefined when it does not exist or cannot be read. */
async function readOptionalText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
