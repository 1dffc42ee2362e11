import * as path from 'path';
import * as vscode from 'vscode';
import { ViewIds } from './commands/ids';
import type { FileFindings, FindingsStore } from './findings/store';

/** A row of the Findings view: a file, or one finding in it. */
type FindingsNode =
  | { kind: 'file'; file: FileFindings }
  | { kind: 'finding'; file: FileFindings; index: number };

/** Plain-data view of a tree row as the user sees it (label, description, tooltip), for tests. */
export interface TreeRowSnapshot {
  label: string;
  description: string;
  tooltip: string;
  /** What clicking the row does: open `uri` with `selection` (0-based line/character). */
  reveal?: { uri: string; selection: [number, number, number, number] };
  children: TreeRowSnapshot[];
}

/**
 * The Findings view: files with findings, each expanded to its findings with masked previews.
 * Clicking a finding opens the file with the value selected.
 */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<FindingsNode | undefined>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) return this.store.all().map((file) => ({ kind: 'file', file }));
    if (node.kind === 'file') return node.file.findings.map((_finding, index) => ({ kind: 'finding', file: node.file, index }));
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    return node.kind === 'file' ? fileItem(node.file) : findingItem(node.file, node.index);
  }

  /** What the view shows right now, as plain data. */
  snapshot(): TreeRowSnapshot[] {
    const describe = (node: FindingsNode): TreeRowSnapshot => {
      const item = this.getTreeItem(node);
      return {
        label: labelText(item.label),
        description: typeof item.description === 'string' ? item.description : '',
        tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '',
        reveal: revealOf(item.command),
        children: this.getChildren(node).map(describe),
      };
    };
    return this.getChildren().map(describe);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** Creates the Findings view and keeps its badge and the `keyguard.hasFindings` context key current. */
export function createFindingsView(store: FindingsStore, provider: FindingsTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(ViewIds.findings, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    const count = store.all().reduce((sum, file) => sum + file.findings.length, 0);
    view.badge = count > 0 ? { value: count, tooltip: `${count} Keyguard finding${count === 1 ? '' : 's'}` } : undefined;
    void vscode.commands.executeCommand('setContext', 'keyguard.hasFindings', count > 0);
  };
  update();
  return vscode.Disposable.from(view, store.onDidChange(update));
}

function fileItem(file: FileFindings): vscode.TreeItem {
  const relative = vscode.workspace.asRelativePath(file.uri);
  const item = new vscode.TreeItem(file.uri, vscode.TreeItemCollapsibleState.Expanded);
  item.label = path.posix.basename(file.uri.path);
  // A collapsible row with a resourceUri gets a folder icon unless told it is a file.
  item.iconPath = vscode.ThemeIcon.File;
  const folder = path.posix.dirname(relative);
  item.description = folder === '.' ? '' : folder;
  item.tooltip = `${relative}: ${file.findings.length} finding${file.findings.length === 1 ? '' : 's'}`;
  item.contextValue = 'keyguard.file';
  return item;
}

function findingItem(file: FileFindings, index: number): vscode.TreeItem {
  const finding = file.findings[index];
  const diagnostic = file.diagnostics[index];
  const line = diagnostic.range.start.line + 1;
  const item = new vscode.TreeItem(finding.title, vscode.TreeItemCollapsibleState.None);
  item.description = `${finding.masked} · Ln ${line}`;
  item.tooltip = `${finding.title} (${finding.ruleId})\n${finding.masked}\n${diagnostic.message}`;
  item.iconPath = severityIcon(diagnostic.severity);
  item.contextValue = `keyguard.finding.${finding.kind}`;
  item.command = {
    command: 'vscode.open',
    title: 'Reveal finding',
    arguments: [file.uri, { selection: diagnostic.range } satisfies vscode.TextDocumentShowOptions],
  };
  return item;
}

/** Reads back the `vscode.open` command of a row, as a test would click it. */
function revealOf(command: vscode.Command | undefined): TreeRowSnapshot['reveal'] {
  if (command?.command !== 'vscode.open') return undefined;
  const [uri, options] = (command.arguments ?? []) as [vscode.Uri, vscode.TextDocumentShowOptions | undefined];
  const selection = options?.selection;
  if (!selection) return undefined;
  return {
    uri: uri.toString(),
    selection: [selection.start.line, selection.start.character, selection.end.line, selection.end.character],
  };
}

function severityIcon(severity: vscode.DiagnosticSeverity): vscode.ThemeIcon {
  switch (severity) {
    case vscode.DiagnosticSeverity.Error:
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case vscode.DiagnosticSeverity.Warning:
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  if (label === undefined) return '';
  return typeof label === 'string' ? label : label.label;
}
