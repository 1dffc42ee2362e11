import * as vscode from 'vscode';
import type { FindingsTreeProvider, TreeRowSnapshot } from '../findingsTree';
import type { FindingsStore } from '../findings/store';
import type { Services } from '../services';
import type { WorkspaceScanner, WorkspaceScanSummary } from '../workspaceScan';
import { CommandIds } from './ids';

/** What `keyguard.internal.inspect` returns: the Findings view's rows and the output channel's log folder. */
export interface InspectionSnapshot {
  tree: TreeRowSnapshot[];
  /** `Uri.toString()` of the extension's log folder, where the Keyguard output channel writes `Keyguard.log`. */
  logUri: string;
}

/** Registers `Scan Workspace`, `Clear Findings`, `Show Output` and the test-only inspection command. */
export function registerDetectionCommands(
  services: Services,
  store: FindingsStore,
  scanner: WorkspaceScanner,
  tree: FindingsTreeProvider,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandIds.scanWorkspace, (): Thenable<WorkspaceScanSummary> => scanner.run()),
    vscode.commands.registerCommand(CommandIds.clearFindings, () => {
      scanner.reset();
      store.clear();
      services.log.info('Findings cleared');
    }),
    vscode.commands.registerCommand(CommandIds.showOutput, () => services.log.show(true)),
    vscode.commands.registerCommand(
      CommandIds.inspectForTests,
      (): InspectionSnapshot => ({ tree: tree.snapshot(), logUri: services.context.logUri.toString() }),
    ),
  );
}
