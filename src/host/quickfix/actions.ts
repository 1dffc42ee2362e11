import * as vscode from 'vscode';

/** Kind of the "fix all secrets in this file" source action, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('keyguard');

/** Everything one Keyguard code action can be: an edit, a command (asks something first), or unavailable. */
export type ActionSpec = {
  title: string;
  kind: vscode.CodeActionKind;
  diagnostics?: vscode.Diagnostic[];
  preferred?: boolean;
} & (
  /** `then` runs after the edit is applied (VS Code runs a code action's edit, then its command). */
  | { edit: vscode.WorkspaceEdit; then?: vscode.Command }
  | { command: vscode.Command }
  /** Shown greyed out with the reason (VS Code lists disabled actions with their reason when asked). */
  | { disabledReason: string }
);

/** The one factory every Keyguard code action comes from, so titles, kinds and flags stay consistent. */
export function createCodeAction(spec: ActionSpec): vscode.CodeAction {
  const action = new vscode.CodeAction(spec.title, spec.kind);
  if (spec.diagnostics) action.diagnostics = spec.diagnostics;
  if (spec.preferred) action.isPreferred = true;
  if ('edit' in spec) {
    action.edit = spec.edit;
    if (spec.then) action.command = spec.then;
  }
  else if ('command' in spec) action.command = spec.command;
  else action.disabled = { reason: spec.disabledReason };
  return action;
}
