import * as vscode from 'vscode';
import { isValidEnvName } from '../../engine/envfix';
import { fingerprintOf } from '../../engine/fingerprint';
import { maskSecret } from '../../engine/mask';
import { CommandIds } from '../commands/ids';
import type { Services } from '../services';
import { applyMove, buildIgnoreEdit, buildMoveEdit, proposedName, saveFixFiles, saveSideFiles } from './edits';
import type { FixCommandArgs } from './provider';
import { isMovable, keyguardDiagnostics, languageOfDocument, targetOf, type FixTarget } from './targets';

/** Finds the target a command is about: from code-action arguments, else the finding under the cursor. */
async function resolveTarget(services: Services, args?: FixCommandArgs): Promise<{ document: vscode.TextDocument; target: FixTarget } | undefined> {
  const document = args ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const diagnostics = keyguardDiagnostics(vscode.languages.getDiagnostics(document.uri));
  let diagnostic: vscode.Diagnostic | undefined;
  if (args) {
    const range = new vscode.Range(document.positionAt(args.start), document.positionAt(args.end));
    diagnostic = diagnostics.find((d) => d.range.isEqual(range)) ?? Object.assign(new vscode.Diagnostic(range, '', vscode.DiagnosticSeverity.Error), {
      source: 'keyguard', code: args.ruleId,
    });
  } else {
    const cursor = vscode.window.activeTextEditor?.selection.active;
    diagnostic = cursor && diagnostics.find((d) => d.range.contains(cursor));
  }
  if (!diagnostic) {
    void vscode.window.showInformationMessage('Keyguard: put the cursor on a finding first.');
    return undefined;
  }
  return { document, target: targetOf(services, document, diagnostic) };
}

/** Applies a fix's edit, then saves its side files as the code actions do. */
async function apply(edit: vscode.WorkspaceEdit, what: string, source?: vscode.Uri): Promise<boolean> {
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showErrorMessage(`Keyguard: could not apply "${what}" (the file changed meanwhile?).`);
    return false;
  }
  const save = source && saveSideFiles(edit, source);
  if (save) await saveFixFiles(save.arguments?.[0] as string[]);
  return true;
}

/** `Move to environment variable…`: asks for the name (validated), then moves like the preferred fix. */
async function moveToEnvAs(services: Services, args?: FixCommandArgs): Promise<boolean> {
  const found = await resolveTarget(services, args);
  if (!found) return false;
  const name = args?.name ?? (await vscode.window.showInputBox({
    title: 'Move to environment variable',
    prompt: 'Name of the environment variable that will hold this value',
    value: proposedName(found.document, found.target),
    ignoreFocusOut: true,
    validateInput: (input) => (isValidEnvName(input) ? undefined : 'Use capital letters, digits and _ only, not starting with a digit ([A-Z_][A-Z0-9_]*).'),
  }));
  if (!name) return false;
  return moveToEnv(services, { ...(args ?? targetArgs(found.document, found.target)), name });
}

function targetArgs(document: vscode.TextDocument, target: FixTarget): FixCommandArgs {
  return { uri: document.uri.toString(), start: target.finding.range.start, end: target.finding.range.end, ruleId: target.finding.ruleId };
}

/** `Move to environment variable NAME` (the preferred fix): no prompt, one undoable edit. */
async function moveToEnv(services: Services, args?: FixCommandArgs): Promise<boolean> {
  const found = await resolveTarget(services, args);
  if (!found) return false;
  const plan = await applyMove(found.document, [found.target], { names: [args?.name], mode: args?.mode });
  return reportMove(plan);
}

function reportMove(plan: Awaited<ReturnType<typeof applyMove>>): boolean {
  if (!plan) {
    void vscode.window.showErrorMessage('Keyguard: could not apply the fix (the file changed meanwhile?).');
    return false;
  }
  if (plan.moved.length === 0) {
    void vscode.window.showWarningMessage(`Keyguard: ${plan.skipped[0]?.reason ?? 'nothing to move.'}`);
    return false;
  }
  return true;
}

/**
 * `Move to SecretStorage as NAME`: stores the value through the vault (which injects it into terminals) and
 * rewrites the literal as the env-var fix does, without writing `.env`. Without the vault: an error, nothing else.
 */
async function moveToSecretStorage(services: Services, args?: FixCommandArgs): Promise<boolean> {
  const vault = services.vault;
  if (!vault) {
    void vscode.window.showErrorMessage('Keyguard: the key store is not available, so nothing was moved. Reload the window and try again.');
    return false;
  }
  const found = await resolveTarget(services, args);
  if (!found) return false;
  const { document, target } = found;
  let name = args?.name ?? proposedName(document, target);
  // Never overwrite a different stored key of the same name.
  const fingerprint = fingerprintOf(target.value);
  const taken = new Map(vault.knownKeys().map((key) => [key.name, key.fingerprint]));
  for (let n = 2, base = name; taken.has(name) && taken.get(name) !== fingerprint; n++) name = `${base}_${n}`;
  const canRewrite = (await buildMoveEdit(document, [target], { target: 'secretStorage', names: [name] })).plan.moved.length > 0;
  await vault.addKey({ name, value: target.value, inject: true });
  services.log.info(`Stored ${maskSecret(target.value)} in SecretStorage as ${name} (${languageOfDocument(document)} file rewritten)`);
  return reportMove(await applyMove(document, [target], { target: 'secretStorage', names: [name], mode: canRewrite ? 'rewrite' : 'clear' }));
}

/** `Fix all in file`: every secret of the file (given, else the active one) moved to environment variables, in one edit. */
async function fixAllInFile(services: Services, uri?: string): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  const targets = keyguardDiagnostics(vscode.languages.getDiagnostics(document.uri)).map((d) => targetOf(services, document, d)).filter(isMovable);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage('Keyguard: no secret in this file can be moved to an environment variable.');
    return false;
  }
  return reportMove(await applyMove(document, targets));
}

/** `Ignore Finding`: the inline comment (or allowlist entry) for the given finding, or the one under the cursor. */
async function ignoreFinding(services: Services, args?: FixCommandArgs): Promise<boolean> {
  const found = await resolveTarget(services, args);
  if (!found) return false;
  const ignore = await buildIgnoreEdit(found.document, found.target);
  return apply(ignore.edit, ignore.title, found.document.uri);
}

/** Registers the quick-fix commands (palette entries act on the finding under the cursor). */
export function registerQuickFixCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandIds.moveToEnv, (args?: FixCommandArgs) => moveToEnv(services, args)),
    vscode.commands.registerCommand(CommandIds.moveToEnvAs, (args?: FixCommandArgs) => moveToEnvAs(services, args)),
    vscode.commands.registerCommand(CommandIds.moveToSecretStorage, (args?: FixCommandArgs) => moveToSecretStorage(services, args)),
    vscode.commands.registerCommand(CommandIds.ignoreFinding, (args?: FixCommandArgs) => ignoreFinding(services, args)),
    vscode.commands.registerCommand(CommandIds.fixAllInFile, (uri?: string) => fixAllInFile(services, uri)),
    vscode.commands.registerCommand(CommandIds.saveFixFiles, (uris?: string[]) => saveFixFiles(uris)),
  );
}
