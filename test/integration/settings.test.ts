import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateKeyguard, codeOf, fileUri, keyguardDiagnostics, openFile, planted, replaceText, setWorkspaceSetting, sleep,
  waitForDiagnostics,
} from './helpers';

/** Each test changes one setting and must put it back, even when it fails. */
let restore: Array<() => Promise<void>> = [];

async function set(name: string, value: unknown): Promise<void> {
  restore.unshift(await setWorkspaceSetting(name, value));
}

describe('settings', function () {
  this.timeout(60_000);

  before(activateKeyguard);
  afterEach(async () => {
    for (const undo of restore) await undo();
    restore = [];
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function appPy(): Promise<vscode.TextDocument> {
    const document = await openFile('src/app.py');
    await waitForDiagnostics(document.uri, 'the github-pat error', (found) =>
      found.length === 1 && found[0].severity === vscode.DiagnosticSeverity.Error);
    return document;
  }

  it('keyguard.disabledRules hides a rule at once (the generic detector still sees the value) and brings it back', async () => {
    const document = await appPy();
    await set('disabledRules', ['github-pat']);
    const [fallback] = await waitForDiagnostics(document.uri, 'only the generic finding', (found) =>
      found.length === 1 && codeOf(found[0]).value !== 'github-pat');
    assert.strictEqual(codeOf(fallback).value, 'generic-secret');
    await set('disabledRules', ['github-pat', 'generic-secret']);
    await waitForDiagnostics(document.uri, 'no diagnostics with both rules disabled', (found) => found.length === 0);
    for (const undo of restore.splice(0)) await undo();
    const [diagnostic] = await waitForDiagnostics(document.uri, 'the rule back', (found) =>
      found.length === 1 && codeOf(found[0]).value === 'github-pat');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  });

  it('keyguard.disabledRules keeps other rules', async () => {
    const document = await appPy();
    await set('disabledRules', ['stripe-secret-key']);
    await sleep(800);
    assert.strictEqual(keyguardDiagnostics(document.uri).length, 1);
  });

  it('keyguard.severityOverrides changes the severity (warning, then hint)', async () => {
    const document = await appPy();
    await set('severityOverrides', { 'github-pat': 'warning' });
    await waitForDiagnostics(document.uri, 'a warning', (found) =>
      found.length === 1 && found[0].severity === vscode.DiagnosticSeverity.Warning);
    await set('severityOverrides', { 'github-pat': 'hint' });
    await waitForDiagnostics(document.uri, 'a hint', (found) =>
      found.length === 1 && found[0].severity === vscode.DiagnosticSeverity.Hint);
  });

  it('keyguard.enable = false clears the diagnostics', async () => {
    const document = await appPy();
    await set('enable', false);
    await waitForDiagnostics(document.uri, 'no diagnostics when disabled', (found) => found.length === 0);
  });

  it('keyguard.exclude skips matching files', async () => {
    const document = await appPy();
    await set('exclude', ['src/*.py']);
    await waitForDiagnostics(document.uri, 'no diagnostics when excluded', (found) => found.length === 0);
  });

  it('keyguard.maxFileSizeKb skips larger documents', async () => {
    const uri = fileUri('src/padded.py');
    const padding = '# padding line to make this file larger than one kilobyte\n'.repeat(40);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${padding}TOKEN = "${planted('github-pat', 'padded')}"\n`));
    try {
      const document = await openFile('src/padded.py');
      await waitForDiagnostics(document.uri, 'the key under the default limit', (found) => found.length === 1);
      await set('maxFileSizeKb', 1);
      await waitForDiagnostics(document.uri, 'no diagnostics over 1 KB', (found) => found.length === 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('keyguard.scanTrigger = onSave waits for the save', async () => {
    const document = await openFile('src/edit.py');
    const original = document.getText();
    await set('scanTrigger', 'onSave');
    try {
      await replaceText(document, `${original}\nTOKEN = "${planted('github-pat', 'on-save')}"\n`);
      await sleep(1000);
      assert.strictEqual(keyguardDiagnostics(document.uri).length, 0, 'scanned before the save');
      await document.save();
      await waitForDiagnostics(document.uri, 'the key after saving', (found) => found.length === 1);
    } finally {
      await replaceText(document, original);
      await document.save();
    }
  });
});
