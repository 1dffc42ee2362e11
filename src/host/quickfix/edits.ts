import * as path from 'path';
import * as vscode from 'vscode';
import { deriveEnvName, planMoveToEnv, planSuppression, type MovePlan, type MoveTarget, type TextEdit } from '../../engine/envfix';
import { fingerprintOf } from '../../engine/fingerprint';
import { CommandIds } from '../commands/ids';
import { ALLOWLIST_RELATIVE_PATH, addAllowlistEntry } from '../../engine/suppress';
import { languageOfDocument, type FixTarget } from './targets';
import { followUndo } from './undoFollower';
import { addFileChange, addTextEdits, readEnvFiles, readText, type EnvFiles } from './workspaceFiles';

/** A planned move and the single WorkspaceEdit that applies it (source, `.env`, `.gitignore`, `.env.example`). */
export interface MoveEdit {
  plan: MovePlan;
  edit: vscode.WorkspaceEdit;
}

/**
 * Plans moving `targets` out of `document` and builds ONE WorkspaceEdit for all files it touches, so one
 * Undo takes all of it back. `names` overrides the derived name per target (same order).
 */
export async function buildMoveEdit(
  document: vscode.TextDocument,
  targets: readonly FixTarget[],
  options: { target?: MoveTarget; names?: Array<string | undefined>; mode?: 'rewrite' | 'clear'; envFiles?: EnvFiles } = {},
): Promise<MoveEdit> {
  const envFiles = options.envFiles ?? (await readEnvFiles(document.uri));
  const text = document.getText();
  const plan = planMoveToEnv({
    text,
    fileName: document.fileName,
    language: languageOfDocument(document),
    items: targets.map((t, i) => ({ finding: t.finding, value: t.value, name: options.names?.[i] })),
    files: envFiles.state,
    target: options.target,
    mode: options.mode,
  });
  const edit = new vscode.WorkspaceEdit();
  if (plan.moved.length > 0) {
    addDocumentEdits(edit, document, plan.source);
    addFileChange(edit, envFiles.dotenv, envFiles.state.dotenv, plan.dotenv);
    addFileChange(edit, envFiles.gitignore, envFiles.state.gitignore, plan.gitignore);
    addFileChange(edit, envFiles.envExample, envFiles.state.envExample, plan.envExample);
  }
  return { plan, edit };
}

/** The name a target would get without a collision: what the prompt proposes. */
export function proposedName(document: vscode.TextDocument, target: FixTarget): string {
  return deriveEnvName(target.finding, document.getText());
}

export function addDocumentEdits(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
}

/**
 * The ignore edit: a `keyguard:ignore <rule>` comment in the file's syntax, or, for files without comments
 * (JSON), a fingerprint entry (hash, never the value) in the workspace's `.keyguard/allowlist.json`.
 */
export async function buildIgnoreEdit(document: vscode.TextDocument, target: FixTarget): Promise<{ edit: vscode.WorkspaceEdit; title: string }> {
  const edit = new vscode.WorkspaceEdit();
  const comment = planSuppression(document.getText(), languageOfDocument(document), target.finding.range, target.finding.ruleId);
  if (comment) {
    addDocumentEdits(edit, document, [comment]);
    return { edit, title: `Ignore (keyguard:ignore ${target.finding.ruleId})` };
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const root = folder?.uri ?? vscode.Uri.joinPath(document.uri, '..');
  const allowlist = vscode.Uri.joinPath(root, ...ALLOWLIST_RELATIVE_PATH.split('/'));
  const existing = await readText(allowlist);
  const relative = path.posix.relative(root.path, document.uri.path);
  const newText = addAllowlistEntry(existing, { ruleId: target.finding.ruleId, fingerprint: fingerprintOf(target.value), path: relative });
  if (existing === undefined) {
    edit.createFile(allowlist, { ignoreIfExists: true });
    edit.insert(allowlist, new vscode.Position(0, 0), newText);
  } else {
    addTextEdits(edit, allowlist, existing, [{ start: 0, end: existing.length, newText }]);
  }
  return { edit, title: `Ignore: add its fingerprint to ${ALLOWLIST_RELATIVE_PATH}` };
}

/**
 * The command a fix runs after its edit: saves the side files it touched, so programs, terminals and the
 * scanner (which reads the allowlist from disk) see them at once. The source file stays for the user to save.
 */
export function saveSideFiles(edit: vscode.WorkspaceEdit, source: vscode.Uri): vscode.Command | undefined {
  const uris = edit.entries().map(([uri]) => uri.toString()).filter((uri, i, all) => uri !== source.toString() && all.indexOf(uri) === i);
  return uris.length > 0 ? { title: 'Save .env and related files', command: CommandIds.saveFixFiles, arguments: [uris] } : undefined;
}

/**
 * Saves the given documents (by URI string) when they have unsaved changes. `openTextDocument` returns the
 * workbench's model, which may not have reached `workspace.textDocuments` yet right after an edit.
 */
export async function saveFixFiles(uris: readonly string[] = []): Promise<void> {
  for (const uri of uris) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (document.isDirty) await document.save();
  }
}

/**
 * Applies a move as the user's one undoable step. Side files that do not exist yet are created empty first and
 * then filled by the same WorkspaceEdit that rewrites the source: in VS Code 1.139 a code action whose edit
 * contains a file creation is not undone by Ctrl+Z in the editor, while a text-only edit across files is undone
 * in all of them at once. Side files are saved so programs and terminals see them, and an Undo or Redo of the
 * fix is followed on disk (./undoFollower): the side files are saved again, and one the fix created is deleted
 * when Undo empties it.
 */
export async function applyMove(
  document: vscode.TextDocument,
  targets: readonly FixTarget[],
  options: { target?: MoveTarget; names?: Array<string | undefined>; mode?: 'rewrite' | 'clear' } = {},
): Promise<MovePlan | undefined> {
  const dryRun = await buildMoveEdit(document, targets, options);
  if (dryRun.plan.moved.length === 0) return dryRun.plan;
  const envFiles = await readEnvFiles(document.uri);
  const toCreate = [
    dryRun.plan.dotenv?.create ? envFiles.dotenv : undefined,
    dryRun.plan.gitignore?.create ? envFiles.gitignore : undefined,
  ].filter((uri): uri is vscode.Uri => uri !== undefined);
  for (const uri of toCreate) await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const { plan, edit } = await buildMoveEdit(document, targets, { ...options, envFiles: toCreate.length > 0 ? await readEnvFiles(document.uri) : envFiles });
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    for (const uri of toCreate) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    return undefined;
  }
  const save = saveSideFiles(edit, document.uri);
  const sideFiles = (save?.arguments?.[0] as string[] | undefined) ?? [];
  if (save) await saveFixFiles(sideFiles);
  followUndo(document.uri, sideFiles.map((uri) => vscode.Uri.parse(uri)), toCreate);
  return plan;
}
