/**
 * Shared helpers of the editor integration tests (not a test file itself). They observe what a user sees:
 * diagnostics from `languages.getDiagnostics`, hovers from `executeHoverProvider`, the Findings view's rows.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/engine/mask';
import { fakeValue } from '../support/fakeKeys';

export const EXTENSION_ID = 'keyguard.keyguard';

/** Activates Keyguard (activation is normally `onStartupFinished`; tests must not race it). */
export async function activateKeyguard(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

/** The fixture workspace's root folder. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** A file of the fixture workspace. */
export function fileUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/**
 * The fake value that scripts/vscode/fixture.js rendered for `{{fake:<ruleId>[:<variant>]}}`
 * (same generator, same default seed), so tests know what was planted without reading it back.
 */
export function planted(ruleId: string, variant = '0'): string {
  return fakeValue(ruleId, `keyguard:${variant}`);
}

/** Keyguard's diagnostics of one file, in document order. */
export function keyguardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'keyguard')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The rule id and documentation link of a diagnostic's code. */
export function codeOf(diagnostic: vscode.Diagnostic): { value: string; target: string } {
  const code = diagnostic.code;
  assert.ok(code && typeof code === 'object', `diagnostic "${diagnostic.message}" has no { value, target } code`);
  return { value: String(code.value), target: code.target.toString() };
}

/** Polls `probe` until it returns something truthy, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits until the file's Keyguard diagnostics satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} in ${vscode.workspace.asRelativePath(uri)}`, () => {
    const diagnostics = keyguardDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The range of the first occurrence of `value` in the document (the value only, as a diagnostic should cover). */
export function rangeOf(document: vscode.TextDocument, value: string): vscode.Range {
  const offset = document.getText().indexOf(value);
  assert.ok(offset >= 0, `${maskSecret(value)} is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + value.length));
}

/** `l:c-l:c`, 1-based like the editor's status bar, for assertion messages. */
export function showRange(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** Window length that counts as leaking a value: longer than any part a mask shows. */
const LEAK_WINDOW = 10;

/**
 * Fails when `text` contains any 10 consecutive characters of a secret (the mask shows at most the first
 * and last 4). The failure message names the secret by its masked form only.
 */
export function assertNoClearSecret(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) {
    for (let i = 0; i + LEAK_WINDOW <= secret.length; i++) {
      if (text.includes(secret.slice(i, i + LEAK_WINDOW))) {
        assert.fail(`${where} shows part of the clear value of ${maskSecret(secret)} (characters ${i + 1}-${i + LEAK_WINDOW})`);
      }
    }
  }
}

/**
 * Sets a `keyguard.*` setting for the workspace and returns a function that restores the previous value.
 * Waits for the configuration change to be visible before returning.
 */
export async function setWorkspaceSetting(name: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('keyguard');
  const previous = config.inspect(name)?.workspaceValue;
  await updateAndWait(name, value);
  return () => updateAndWait(name, previous);
}

/** Writes a workspace setting and waits until the extension host reads the new value back. */
async function updateAndWait(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('keyguard').update(name, value, vscode.ConfigurationTarget.Workspace);
  const wanted = JSON.stringify(value);
  await waitFor(`keyguard.${name} to read back`, () =>
    JSON.stringify(vscode.workspace.getConfiguration('keyguard').inspect(name)?.workspaceValue) === wanted);
}

/** Opens a fixture file in an editor (as a user would) and returns its document. */
export async function openFile(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Replaces the whole text of a document with one edit, as typing or pasting would. */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}
