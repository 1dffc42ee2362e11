import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/engine/mask';
import { loadQuickfixCases, type QuickfixCase } from '../support/quickfixCases';
import { renderTemplate } from '../support/template';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { activateKeyguard, openFile, planted, waitFor, waitForDiagnostics } from './helpers';

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

/** One Undo from the edited file, as a user presses Ctrl+Z there; the file must be back as it was. */
async function undoOnce(document: vscode.TextDocument, original: string): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await waitFor(`${vscode.workspace.asRelativePath(document.uri)} restored by one Undo`, () => document.getText() === original, 5_000);
}

/** The side files of a folder as they are on disk, to put back after tests that cannot rely on Undo. */
function snapshotSideFiles(dir: vscode.Uri): Map<string, string | undefined> {
  return new Map(ENV_FILES.map((file) => [file, diskText(vscode.Uri.joinPath(dir, file))]));
}

async function restoreSideFiles(dir: vscode.Uri, snapshot: Map<string, string | undefined>): Promise<void> {
  // After an Undo, Keyguard saves the side files and deletes the ones the fix created: let it finish first, so
  // that the writes below do not race its saves (VS Code then refuses a later save: "File Modified Since").
  const onDisk = () => [...snapshot].every(([file, text]) => diskText(vscode.Uri.joinPath(dir, file)) === text);
  await waitFor('side files back on disk', onDisk, 5_000).catch(() => undefined);
  for (const [file, text] of snapshot) {
    const uri = vscode.Uri.joinPath(dir, file);
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    if (open?.isDirty) await open.save();
    if (text === undefined) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    else await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  }
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

/**
 * Keyguard's actions, told apart from other extensions' (TypeScript's "Extract to constant") by their titles:
 * diagnostics attached to actions do not keep their `source` through executeCodeActionProvider.
 */
function isKeyguardAction(action: vscode.CodeAction): boolean {
  return /^(Move |Ignore|Fix all in file|Verify certificates|Turn debug off|Read debug|Use ssl\.)/.test(action.title) || action.kind?.value === 'source.fixAll.keyguard';
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
        const where = `${path.dirname(c.workspaceFile!)}/${file}`;
        // On disk, not only in the buffer: the moved secret must not stay in .env, and a side file the fix
        // created is gone again.
        await waitFor(`${where} on disk as before the fix`, () => diskText(uri) === want, 5_000).catch(() => undefined);
        assertSameText(diskText(uri), want, `${where} on disk after Undo`, secrets);
        assertSameText(await currentText(uri), want, `${where} after Undo`, secrets);
      }
      await diagnosticOnValue(document, c.value);
    });
  }

  it('JSON: says why there is no env rewrite, and moves the value to .env on request (Undo restores)', async () => {
    const c = cases.find((x) => x.lang === 'json')!;
    const document = await openFile(c.workspaceFile!);
    const dir = vscode.Uri.joinPath(document.uri, '..');
    const original = document.getText();
    const diagnostic = await diagnosticOnValue(document, c.value);
    const actions = (await codeActions(document.uri, diagnostic.range)).filter(isKeyguardAction);
    // The disabled "Move to environment variable" (with the reason) is not returned by executeCodeActionProvider;
    // the reason also shows in the .env action's title.
    assert.ok(!actions.some((a) => a.title.startsWith('Move to environment variable') && !a.disabled), 'no env rewrite is offered for JSON');
    assert.ok(!actions.some((a) => a.isPreferred), 'nothing is preferred when the value cannot be rewritten');
    const toDotenv = actions.find((a) => a.title === 'Move value to .env as OPENAI_API_KEY (JSON has no environment-variable syntax)');
    assert.ok(toDotenv, `a .env action is offered (got: ${actions.map((a) => a.title).join(' | ')})`);
    assert.ok(actions.some((a) => a.title === 'Move to SecretStorage as OPENAI_API_KEY'));
    assert.ok(actions.some((a) => a.title.startsWith('Ignore: add its fingerprint to .keyguard/allowlist.json')), 'JSON has no comments: the ignore goes to the allowlist');
    await applyAction(toDotenv);
    assertSameText(document.getText(), expectedAfter(c, 'config.json'), 'config.json after the fix', [c.value]);
    assertSameText(await currentText(vscode.Uri.joinPath(dir, '.env')), expectedAfter(c, '.env'), '.env after the fix', [c.value]);
    await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('config.json restored', () => document.getText() === original, 5_000);
    assert.ok(!(await currentText(vscode.Uri.joinPath(dir, '.env'))), '.env created by the fix is empty after Undo');
  });

  it('JSON: Ignore writes a fingerprint (never the value) to .keyguard/allowlist.json and the diagnostic goes', async () => {
    const c = cases.find((x) => x.lang === 'json')!;
    const document = await openFile(c.workspaceFile!);
    const diagnostic = await diagnosticOnValue(document, c.value);
    const ignore = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title.startsWith('Ignore: add its fingerprint'));
    assert.ok(ignore);
    await applyAction(ignore);
    const allowlistUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.keyguard', 'allowlist.json');
    const saved = diskText(allowlistUri);
    assert.ok(saved, 'the allowlist is saved to disk');
    assert.ok(!saved.includes(c.value), 'the allowlist holds no clear value');
    const entries = (JSON.parse(saved) as { entries: Array<{ ruleId?: string; fingerprint: string; path?: string }> }).entries;
    assert.deepStrictEqual(entries.find((e) => e.path === c.workspaceFile), { ruleId: c.ruleId, fingerprint: fingerprintOf(c.value), path: c.workspaceFile });
    await waitForDiagnostics(document.uri, 'the allowlisted finding gone', (found) => !found.some((d) => document.getText(d.range) === c.value), 15_000);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await vscode.workspace.fs.delete(allowlistUri).then(undefined, () => undefined);
  });

  it('Ignore adds "# keyguard:ignore <rule>" to the line and the diagnostic goes (python)', async () => {
    const c = cases.find((x) => x.lang === 'python')!;
    const document = await openFile(c.workspaceFile!);
    const original = document.getText();
    const diagnostic = await diagnosticOnValue(document, c.value);
    const ignore = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title === `Ignore (keyguard:ignore ${c.ruleId})`);
    assert.ok(ignore);
    await applyAction(ignore);
    const line = document.lineAt(diagnostic.range.start.line).text;
    assert.ok(line.endsWith(`" # keyguard:ignore ${c.ruleId}`), 'the comment ends the line');
    await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('billing.py restored', () => document.getText() === original, 5_000);
  });

  it('Move to environment variable… with a chosen name uses it everywhere (python)', async () => {
    const c = cases.find((x) => x.lang === 'python')!;
    const document = await openFile(c.workspaceFile!);
    const dir = vscode.Uri.joinPath(document.uri, '..');
    const original = document.getText();
    const diagnostic = await diagnosticOnValue(document, c.value);
    const sideBefore = snapshotSideFiles(dir);
    const prompt = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title === 'Move to environment variable…');
    assert.ok(prompt?.command);
    // The prompt's answer comes as an argument here; a user types it into the input box (see test/ui).
    const [args] = prompt.command.arguments as [Record<string, unknown>];
    assert.strictEqual(await vscode.commands.executeCommand(prompt.command.command, { ...args, name: 'BILLING_KEY' }), true);
    assert.ok(document.getText().includes('stripe_key = os.environ["BILLING_KEY"]'));
    assertSameText(diskText(vscode.Uri.joinPath(dir, '.env')), `BILLING_KEY=${c.value}\n`, '.env', [c.value]);
    assertSameText(diskText(vscode.Uri.joinPath(dir, '.env.example')), 'OTHER_SETTING=\nBILLING_KEY=\n', '.env.example', [c.value]);
    await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);
    await undoOnce(document, original);
    await restoreSideFiles(dir, sideBefore);
  });

  it('Move to SecretStorage stores the value in the vault (injected into terminals), rewrites the code, writes no .env', async () => {
    const c = cases.find((x) => x.lang === 'python')!;
    const document = await openFile(c.workspaceFile!);
    const dir = vscode.Uri.joinPath(document.uri, '..');
    const original = document.getText();
    const diagnostic = await diagnosticOnValue(document, c.value);
    const sideBefore = snapshotSideFiles(dir);
    const action = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title === `Move to SecretStorage as ${c.name}`);
    assert.ok(action?.command);
    assert.strictEqual(await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])), true);
    assertSameText(document.getText(), c.expected, 'billing.py', [c.value]);
    // (An earlier test's Undo may have left them empty: SecretStorage must not write the value there.)
    assert.ok(!diskText(vscode.Uri.joinPath(dir, '.env')), 'no value in .env for SecretStorage');
    assert.ok(!diskText(vscode.Uri.joinPath(dir, '.gitignore')), 'no .gitignore entry for SecretStorage');
    assertSameText(diskText(vscode.Uri.joinPath(dir, '.env.example')), `OTHER_SETTING=\n${c.name}=\n`, '.env.example', [c.value]);
    const slots = await vscode.commands.executeCommand<{ active?: string }>('keyguard.internal.vault', { op: 'slots', name: c.name });
    assert.strictEqual(slots?.active, fingerprintOf(c.value), 'SecretStorage holds the value under the name');
    const injected = await vscode.commands.executeCommand<{ valueFingerprint: string } | undefined>('keyguard.internal.vault', { op: 'injected', name: c.name });
    assert.strictEqual(injected?.valueFingerprint, fingerprintOf(c.value), 'terminals get the variable');
    await undoOnce(document, original);
    await restoreSideFiles(dir, sideBefore);
  });

  it('Fix all in file (source.fixAll.keyguard) moves every secret in one edit; one Undo restores', async () => {
    const document = await openFile('quickfix/fixall/settings.py');
    const dir = vscode.Uri.joinPath(document.uri, '..');
    const original = document.getText();
    const openai = planted('openai-api-key');
    const slack = planted('slack-bot-token');
    await waitForDiagnostics(document.uri, 'two secrets', (found) => found.length === 2);
    const actions = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.keyguard');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.keyguard');
    assert.ok(fixAll, 'a source.fixAll.keyguard action');
    assert.strictEqual(fixAll.title, 'Fix all in file: move 2 secrets to environment variables');
    await applyAction(fixAll);
    assert.strictEqual(document.getText(), original.replace(`"${openai}"`, 'os.environ["OPENAI_API_KEY"]').replace(`"${slack}"`, 'os.environ["SLACK_BOT_TOKEN"]'));
    assertSameText(diskText(vscode.Uri.joinPath(dir, '.env')), `OPENAI_API_KEY=${openai}\nSLACK_BOT_TOKEN=${slack}\n`, '.env', [openai, slack]);
    assert.ok(diskText(vscode.Uri.joinPath(dir, '.gitignore')) === '.env\n', '.gitignore created with .env');
    await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('settings.py restored', () => document.getText() === original, 5_000);
    assert.ok(!(await currentText(vscode.Uri.joinPath(dir, '.env'))), '.env created by the fix is empty after Undo');
  });

  const risky = [
    { file: 'quickfix/risky/fetch.py', covers: 'False', title: 'Verify certificates (remove verify=False)', line: '    return requests.get(url, timeout=10)' },
    { file: 'quickfix/risky/production.yaml', covers: 'true', title: 'Turn debug off (false)', line: '  debug: false' },
  ];
  for (const r of risky) {
    it(`risky config: "${r.title}" is the preferred fix in ${r.file} and the warning goes`, async () => {
      const document = await openFile(r.file);
      const original = document.getText();
      const [diagnostic] = await waitForDiagnostics(document.uri, 'a risky-config diagnostic', (found) => found.length === 1);
      assert.strictEqual(document.getText(diagnostic.range), r.covers);
      const actions = (await codeActions(document.uri, diagnostic.range)).filter(isKeyguardAction);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepStrictEqual(preferred.map((a) => a.title), [r.title]);
      await applyAction(preferred[0]);
      assert.strictEqual(document.lineAt(diagnostic.range.start.line).text, r.line);
      await waitForDiagnostics(document.uri, 'no Keyguard diagnostic left', (found) => found.length === 0);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('restored', () => document.getText() === original, 5_000);
    });
  }
});
