import * as vscode from 'vscode';
import { readConfig } from './config';
import { toDiagnostic } from './diagnostics';
import type { FindingsStore } from './findings/store';
import { logErrors } from './logging';
import type { ScanEnvironment } from './scanEnvironment';
import type { Services } from './services';

/** Minimum time between two scans of a document while typing. */
export const THROTTLE_MS = 300;

/** Document schemes with real content; others (output, git, scm input...) are never scanned. */
const SCANNABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata']);

/**
 * Keeps diagnostics of open documents up to date: scans on open, on change (throttled) or on save depending on
 * `keyguard.scanTrigger`, and hands closed documents to `onClosed`. A generation counter per document drops the
 * result of any scan that a newer scan (or a close) has overtaken.
 */
export class DocumentScanner implements vscode.Disposable {
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version the latest scan request was made for (see scanNow's `requestedVersion`). */
  private readonly requestedVersions = new Map<string, number>();
  /** Documents whose last tab was closed but which VS Code has not disposed yet. */
  private readonly closedTabs = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly environment: ScanEnvironment,
    private readonly store: FindingsStore,
    private readonly onClosed: (uri: vscode.Uri) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        this.closedTabs.delete(event.document.uri.toString());
        if (readConfig(event.document).scanTrigger === 'onType') this.schedule(event.document, THROTTLE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (readConfig(document).scanTrigger === 'onSave') this.schedule(document, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // VS Code keeps a document alive for a while after its last editor closes: a closed tab is what users see.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) {
          for (const uri of tabUris(tab)) this.reopen(uri);
        }
        for (const tab of event.closed) {
          for (const uri of tabUris(tab)) if (!isInAnyTab(uri)) this.forget(uri);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('keyguard')) this.rescanAll();
      }),
      environment.onDidChange(() => this.rescanAll()),
    );
  }

  /** Schedules a scan of every open document (used at start-up and when settings or ignore files change). */
  rescanAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!this.closedTabs.has(document.uri.toString())) this.schedule(document, 0);
    }
  }

  /** The open document this scanner keeps current for `uri`, if any (not one whose tab was closed). */
  trackedDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    if (this.closedTabs.has(key)) return undefined;
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }

  /**
   * Scans a document now and resolves when its diagnostics are updated (or the scan was overtaken).
   * `requestedVersion` is the version a scheduled scan was asked for: with `scanTrigger: onSave`, a scan asked
   * for on open or by a settings change must not show findings of edits made since (unsaved text); the next
   * save scans them.
   */
  async scanNow(document: vscode.TextDocument, requestedVersion?: number): Promise<void> {
    if (!SCANNABLE_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const isCurrent = () => this.generations.get(key) === generation && !document.isClosed;

    const config = readConfig(document);
    const excluded = config.enable
      ? await this.environment.isExcluded(document.uri, config)
      : true;
    if (!isCurrent()) return;
    if (excluded) {
      this.store.delete(document.uri);
      return;
    }
    if (config.scanTrigger === 'onSave' && requestedVersion !== undefined && document.version !== requestedVersion) return;
    const text = document.getText();
    if (text.length > config.maxFileSizeKb * 1024) {
      this.services.log.info(`Skipped ${vscode.workspace.asRelativePath(document.uri)}: larger than ${config.maxFileSizeKb} KB`);
      this.store.delete(document.uri);
      return;
    }
    const options = await this.environment.optionsFor(document.uri, config);
    if (!isCurrent()) return;
    const findings = this.environment.scan(text, document.uri, options);
    const diagnostics = findings.map((finding) => toDiagnostic(document, finding, config.severityOverrides));
    this.store.set(document.uri, findings, diagnostics, 'document');
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!SCANNABLE_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    this.requestedVersions.set(key, document.version);
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const requestedVersion = this.requestedVersions.get(key);
        this.requestedVersions.delete(key);
        logErrors(this.services.log, `Scanning ${vscode.workspace.asRelativePath(document.uri)}`, this.scanNow(document, requestedVersion));
      }, delayMs),
    );
  }

  /** A document is closed for the user: stop scanning it and let the owner decide what its findings become. */
  private forget(uri: vscode.Uri): void {
    if (!SCANNABLE_SCHEMES.has(uri.scheme)) return;
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    this.requestedVersions.delete(key);
    // Bumping the generation drops the result of a scan still in flight.
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document) {
      this.closedTabs.add(key);
    } else {
      this.closedTabs.delete(key);
      this.generations.delete(key);
    }
    this.onClosed(uri);
  }

  /** A tab shows a document again that was still alive: scan it like a newly opened one. */
  private reopen(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.closedTabs.delete(key)) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Documents a tab shows (both sides of a diff). */
function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

/** Whether any tab in any group still shows the document. */
function isInAnyTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabUris(tab).some((shown) => shown.toString() === key)));
}
