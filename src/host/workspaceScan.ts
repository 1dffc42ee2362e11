import * as vscode from 'vscode';
import { isProbablyBinary } from '../engine/pathFilter';
import { readConfig } from './config';
import { textPositions, toDiagnostic } from './diagnostics';
import type { DocumentScanner } from './documentScanner';
import type { FindingsStore } from './findings/store';
import { ViewIds } from './commands/ids';
import { describeError, logErrors } from './logging';
import { relativePathOf, type ScanEnvironment } from './scanEnvironment';
import type { Services } from './services';

/** Files read at once: enough to overlap I/O, few enough to leave the shared CPU to the editor. */
const CONCURRENCY = 4;

/** What a workspace scan did; returned by the command so scripts and tests can check it. */
export interface WorkspaceScanSummary {
  /** Files `workspace.findFiles` returned (after `files.exclude`). */
  filesFound: number;
  /** Files actually scanned. */
  filesScanned: number;
  /** Files skipped: ignored, too large, binary or unreadable. */
  filesSkipped: number;
  filesWithFindings: number;
  findings: number;
  cancelled: boolean;
}

/** What happened to one file. */
type FileOutcome = { scanned: true; findings: number } | { scanned: false };

/**
 * `Keyguard: Scan Workspace`: scans every file of every workspace folder from disk (honouring `files.exclude`,
 * `.gitignore`, `.keyguardignore`, `keyguard.exclude` and the size limit, skipping binaries) and fills the
 * Problems panel for files that are not open. Open documents are scanned from their editor text instead.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private hasDiskResults = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly environment: ScanEnvironment,
    private readonly store: FindingsStore,
    private readonly documents: DocumentScanner,
  ) {
    // Problems of files that are not open follow setting, ignore-file and allowlist changes too.
    this.disposables = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('keyguard')) this.refreshDiskFindings();
      }),
      environment.onDidChange(() => this.refreshDiskFindings()),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Rescans, from disk, the files whose findings came from a workspace scan. */
  private refreshDiskFindings(): void {
    for (const entry of this.store.all()) {
      if (entry.origin === 'disk') logErrors(this.services.log, 'Refreshing workspace findings', this.scanFile(entry.uri));
    }
  }

  /** Whether findings from a workspace scan are shown (they survive closing a document). */
  get active(): boolean {
    return this.hasDiskResults;
  }

  /** Forgets that a workspace scan ran (after `Keyguard: Clear Findings`). */
  reset(): void {
    this.hasDiskResults = false;
  }

  /** Runs the scan under a cancellable progress notification and reports the counts. */
  run(): Thenable<WorkspaceScanSummary> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Keyguard: Scanning workspace', cancellable: true },
      async (progress, token) => {
        const summary = await this.scanAll(progress, token);
        const outcome = `${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} file${summary.filesWithFindings === 1 ? '' : 's'} (${summary.filesScanned} scanned, ${summary.filesSkipped} skipped)`;
        const message = summary.cancelled ? `Keyguard: scan cancelled after ${outcome}.` : `Keyguard: ${outcome}.`;
        logErrors(
          this.services.log,
          'Showing the scan summary',
          vscode.window.showInformationMessage(message, 'Show Findings').then((choice) => {
            if (choice) return vscode.commands.executeCommand(`${ViewIds.findings}.focus`);
            return undefined;
          }),
        );
        return summary;
      },
    );
  }

  /** Scans one file from disk (no UI); used by the workspace scan and when a scanned document is closed. */
  async scanFile(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<FileOutcome> {
    const config = readConfig(uri);
    const where = relativePathOf(uri);
    const open = this.documents.trackedDocument(uri);
    if (open) {
      // The editor's text wins over the file on disk, under the open-document rules.
      await this.documents.scanNow(open);
      return { scanned: true, findings: this.store.get(uri)?.findings.length ?? 0 };
    }
    if (!config.enable || (await this.environment.isExcluded(uri, config))) {
      this.store.delete(uri);
      return { scanned: false };
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > config.maxFileSizeKb * 1024) {
        this.services.log.info(`Skipped ${where}: ${Math.round(stat.size / 1024)} KB is over keyguard.maxFileSizeKb (${config.maxFileSizeKb})`);
        this.store.delete(uri);
        return { scanned: false };
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (token?.isCancellationRequested) return { scanned: false };
      if (isProbablyBinary(bytes)) {
        this.services.log.debug(`Skipped ${where}: binary`);
        this.store.delete(uri);
        return { scanned: false };
      }
      const text = new TextDecoder('utf-8').decode(bytes);
      const options = await this.environment.optionsFor(uri, config);
      const findings = this.environment.scan(text, uri, options);
      const positions = textPositions(text);
      const diagnostics = findings.map((finding) => toDiagnostic(positions, finding, config.severityOverrides));
      this.store.set(uri, findings, diagnostics, 'disk');
      return { scanned: true, findings: findings.length };
    } catch (error) {
      this.services.log.warn(`Could not scan ${where}: ${describeError(error)}`);
      return { scanned: false };
    }
  }

  private async scanAll(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<WorkspaceScanSummary> {
    const started = Date.now();
    const summary: WorkspaceScanSummary = {
      filesFound: 0, filesScanned: 0, filesSkipped: 0, filesWithFindings: 0, findings: 0, cancelled: false,
    };
    progress.report({ message: 'Listing files…' });
    const uris: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      // `undefined` as exclude applies `files.exclude`; .gitignore and the rest are applied per file.
      uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), undefined, undefined, token)));
    }
    summary.filesFound = uris.length;
    this.hasDiskResults = true;
    const seen = new Set<string>();
    let next = 0;
    const step = uris.length > 0 ? 100 / uris.length : 100;
    const worker = async () => {
      while (next < uris.length && !token.isCancellationRequested) {
        const uri = uris[next++];
        seen.add(uri.toString());
        const outcome = await this.scanFile(uri, token);
        if (outcome.scanned) {
          summary.filesScanned++;
          summary.findings += outcome.findings;
          if (outcome.findings > 0) summary.filesWithFindings++;
        } else {
          summary.filesSkipped++;
        }
        const done = summary.filesScanned + summary.filesSkipped;
        progress.report({
          increment: step,
          message: `${done}/${uris.length} files · ${summary.findings} finding${summary.findings === 1 ? '' : 's'}`,
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, uris.length)) }, worker));
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) this.dropVanishedFiles(seen);
    this.services.log.info(
      `Workspace scan ${summary.cancelled ? 'cancelled' : 'done'} in ${Date.now() - started} ms: ${summary.filesFound} files found, ` +
        `${summary.filesScanned} scanned, ${summary.filesSkipped} skipped, ${summary.findings} findings in ${summary.filesWithFindings} files`,
    );
    return summary;
  }

  /** Removes disk findings of files that the new scan no longer lists (deleted or newly excluded). */
  private dropVanishedFiles(seen: Set<string>): void {
    for (const entry of this.store.all()) {
      if (entry.origin === 'disk' && !seen.has(entry.uri.toString())) this.store.delete(entry.uri);
    }
  }
}
