import * as vscode from 'vscode';
import type { Finding } from '../../engine/types';
import { registerDetectionCommands } from '../commands/detection';
import { DocumentScanner } from '../documentScanner';
import { createFindingsView, FindingsTreeProvider } from '../findingsTree';
import { FindingHoverProvider } from '../hover';
import { logErrors } from '../logging';
import { ScanEnvironment } from '../scanEnvironment';
import type { Services } from '../services';
import { WorkspaceScanner } from '../workspaceScan';
import { FindingsStore } from './store';

/** What other surfaces (quick fixes, status bar) may ask about current findings. */
export interface FindingsApi {
  /** Current findings of a document or file (empty when none). */
  findingsFor(uri: vscode.Uri): readonly Finding[];
  /** The Finding behind a Keyguard diagnostic (matched by range and rule id), for code actions. */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined;
  /** Fires whenever any file's findings change. */
  readonly onDidChange: vscode.Event<void>;
}

/** Document selector of the hover: every document with content on disk or in memory. */
const HOVER_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }];

/**
 * Registers everything a developer sees from detection: diagnostics of open documents, the hover,
 * `Keyguard: Scan Workspace`, the Findings view and the detection commands. Activation stays cheap:
 * open documents are scanned after this returns.
 */
export function registerFindingsSurfaces(services: Services): FindingsApi & vscode.Disposable {
  const store = new FindingsStore();
  const environment = new ScanEnvironment(services);
  let workspaceScanner: WorkspaceScanner | undefined;
  const documents = new DocumentScanner(services, environment, store, (uri) => {
    // Files covered by a workspace scan keep their findings once closed: rescan them from disk.
    if (workspaceScanner?.active && uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri)) {
      logErrors(services.log, 'Rescanning a closed file', workspaceScanner.scanFile(uri));
    } else {
      store.delete(uri);
    }
  });
  workspaceScanner = new WorkspaceScanner(services, environment, store, documents);
  const tree = new FindingsTreeProvider(store);

  const disposables = [
    store,
    environment,
    documents,
    workspaceScanner,
    tree,
    createFindingsView(store, tree),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new FindingHoverProvider(store)),
    registerDetectionCommands(services, store, workspaceScanner, tree),
  ];
  const initialScan = setTimeout(() => documents.rescanAll(), 0);

  return {
    findingsFor: (uri) => store.get(uri)?.findings ?? [],
    findingFor: (uri, diagnostic) => store.findingFor(uri, diagnostic),
    onDidChange: store.onDidChange,
    dispose: () => {
      clearTimeout(initialScan);
      for (const disposable of disposables.reverse()) disposable.dispose();
    },
  };
}
