import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerQuickFixCommands } from './commands';
import { KeyguardCodeActionProvider } from './provider';

/** Document kinds the quick fixes serve: files on disk and unsaved buffers. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }];

/** Registers Keyguard's code actions (quick fixes, `source.fixAll.keyguard`) and their commands. */
export function registerQuickFixes(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new KeyguardCodeActionProvider(services), {
      providedCodeActionKinds: KeyguardCodeActionProvider.providedCodeActionKinds,
    }),
    registerQuickFixCommands(services),
  );
}
