import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/engine/mask';
import { loadQuickfixCases, type QuickfixCase } from '../support/quickfixCases';
import { renderTemplate } from '../support/template';
import { activateKeyguard, openFile, waitFor, waitForDiagnostics } from './helpers';

/** The env files a fix may touch, next to each fixture's project marker. */
const ENV_FILES = ['.env', '.gitignore', '.env.example'] as const;

/** Text of a file as the user sees it: the open (possibly unsaved) document, else the disk; undefined when absent. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (open && !open.isClosed) return open.getText();
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The file's bytes on disk (not an unsaved buffer); undefined when absent. */
function diskText(uri: vscode.Uri): string | undefined {
  return fs.existsSync(uri.fsPath) ? fs.readFileSync(uri.fsPath, 'utf8') : undefined;
}

/** Runs a code action as the editor does when the user picks it: its edit, then its command. */
async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" did not apply`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Compares texts without printing secrets: the failure shows both sides with every planted value masked. */
function assertSameText(actual: string | undefined, expected: string | undefined, what: string, secrets: readonly string[]): void {
  if (actual === expected) return;
  const mask = (text: string | undefined) => (text === undefined ? '(no file)' : secrets.reduce((t, s) => t.split(s).join(maskSecret(s)), text));
  assert.fail(`${what} differs.\n--- actual\n${mask(actual)}\n--- expected\n${mask(expected)}`);
}

/** What each env file must hold after the fix: test/fixtures/quickfix/<lang>/after/<file>, absent = no such file. */
function expectedAfter(c: QuickfixCase, file: string): string | undefined {
  const p = path.join(c.dir, 'after', file);
  return fs.existsSync(p) ? renderTemplate(fs.readFileSync(p, 'utf8')) : undefined;
}

/** The Keyguard diagnostic on the planted value. */
async function diagnosticOnValue(document: vscode.TextDocument, value: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(document.uri, 'a diagnostic on the planted value', (found) => found.some((d) => document.getText(d.range) === value));
  return diagnostics.find((d) => document.getText(d.range) === value)!;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Keyguard's actions carry its diagnostics; source actions are recognised by kind. */
function isKeyguardAction(action: vscode.CodeAction): boolean {
  return Boolean(action.diagnostics?.some((d) => d.source === 'keyguard')) || action.kind?.value === 'source.fixAll.keyguard';
}

describe('quick fixes', function () {
  this.timeout(60_000);
  const cases = loadQuickfixCases().filter((c) => c.workspaceFile);

  before(activateKeyguard);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const c of cases.filter((x) => !x.reason)) {
    it(`${c.lang}: "Move to environment variable" rewrites ${c.workspaceFile}, writes .env/.gitignore/.env.example, and one Undo restores them`, async () => {
      const document = await openFile(c.workspaceFile!);
      const dir = vscode.Uri.joinPath(document.uri, '..');
      const before = new Map<string, string | undefined>();
      for (const file of ENV_FILES) before.set(file, await currentText(vscode.Uri.joinPath(dir, file)));
      const original = document.getText();
      const diagnostic = await diagnosticOnValue(document, c.value);

      const actions = await codeActions(document.uri, diagnostic.range);
      const envName = c.lang === 'java' ? 'SLACK_TOKEN_2' : (c.envName ?? c.name);
      // Other extensions add their own actions (TypeScript's "Extract to constant"): look at Keyguard's.
      const quickFixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.filter((a) => a.isPreferred && isKeyguardAction(a));
      assert.deepStrictEqual(preferred.map((a) => a.title), [`Move to environment variable ${envName}`], 'one preferred action, named after the variable');
      assert.strictEqual(quickFixes[0], preferred[0], 'the preferred fix is the first quick fix, so Ctrl+. Enter applies it');
      assert.ok(actions.some((a) => a.title === 'Move to environment variable…' && a.command), 'the prompting variant is offered');
      assert.ok(actions.some((a) => a.title.startsWith('Move to SecretStorage as ') && a.command), 'SecretStorage is offered');
      assert.ok(actions.some((a) => a.title.startsWith('Ignore') && a.edit), 'Ignore is offered');

      await applyAction(preferred[0]);
      const secrets = [c.value];
      const expectedSource = expectedAfter(c, path.basename(c.workspaceFile!)) ?? c.expected;
      assertSameText(document.getText(), expectedSource, `${c.workspaceFile} after the fix`, secrets);
      for (const file of ENV_FILES) {
        const uri = vscode.Uri.joinPath(dir, file);
        assertSameText(await currentText(uri), expectedAfter(c, file), `${path.dirname(c.workspaceFile!)}/${file} after the fix`, secrets);
        // Side files are saved by the fix, so programs and terminals see them at once.
        assertSameText(diskText(uri), expectedAfter(c, file), `${path.dirname(c.workspaceFile!)}/${file} on disk after the fix`, secrets);
      }
      await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);

      // One Undo, from the edited file, as a user presses Ctrl+Z there.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('the source file restored', () => document.getText() === original, 5_000);
      for (const file of ENV_FILES) {
        const uri = vscode.Uri.joinPath(dir, file);
        const want = before.get(file);
        assertSameText(await currentText(uri), want, `${path.dirname(c.workspaceFile!)}/${file} after Undo`, secrets);
      }
      await diagnosticOnValue(document, c.value);
    });
  }
});
