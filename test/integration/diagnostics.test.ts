import * as assert from 'assert';
import * as vscode from 'vscode';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { maskSecret } from '../../src/engine/mask';
import { ruleById } from '../../src/engine/rules/catalog';
import {
  activateKeyguard, assertNoClearSecret, codeOf, fileUri, keyguardDiagnostics, openFile, planted, rangeOf,
  replaceText, showRange, sleep, waitForDiagnostics,
} from './helpers';

/** One fake key planted per format in test/fixtures/workspace. */
const plantedKeys = [
  { file: 'src/app.py', ruleId: 'github-pat' },
  { file: 'src/client.ts', ruleId: 'stripe-secret-key' },
  { file: 'config/settings.yaml', ruleId: 'aws-access-key-id' },
  { file: '.env', ruleId: 'slack-bot-token' },
  { file: 'config/app.json', ruleId: 'openai-api-key' },
  { file: 'config/application.properties', ruleId: 'sendgrid-api-key' },
  { file: 'Dockerfile', ruleId: 'npm-access-token' },
];

/** Risky configuration planted in the fixtures: the exact text the diagnostic must cover. */
const riskyConfig = [
  { file: 'config/production.yaml', ruleId: 'debug-in-production', covers: 'true' },
  { file: 'src/fetch.py', ruleId: 'tls-verify-disabled', covers: 'False' },
];

/** The message the issue asks for: what it is + the masked value + the fix. */
function expectedSecretMessage(ruleId: string, value: string): string {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is not in the catalog`);
  return `${rule.title} ${maskSecret(value)} is hardcoded. ${rule.remediation.trim().replace(/\.+$/, '')}.`;
}

describe('diagnostics', function () {
  this.timeout(60_000);

  before(activateKeyguard);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const { file, ruleId } of plantedKeys) {
    it(`reports the ${ruleId} planted in ${file} on the value, as an error with code, link and masked message`, async () => {
      const document = await openFile(file);
      const value = planted(ruleId);
      const diagnostics = await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length > 0);
      assert.deepStrictEqual(diagnostics.map((d) => codeOf(d).value), [ruleId], `rules reported in ${file}`);
      const [diagnostic] = diagnostics;
      const expected = rangeOf(document, value);
      assert.ok(diagnostic.range.isEqual(expected), `range ${showRange(diagnostic.range)}, expected ${showRange(expected)}`);
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(diagnostic.source, 'keyguard');
      const code = codeOf(diagnostic);
      assert.ok(code.target.endsWith(`#rule-${ruleId}`), `code target ${code.target} does not link to the rule's README section`);
      assert.strictEqual(diagnostic.message, expectedSecretMessage(ruleId, value));
      assertNoClearSecret(diagnostic.message, [value], `the ${ruleId} message`);
    });
  }

  it('words a GitHub token message as the issue shows it', async () => {
    const document = await openFile('src/app.py');
    const [diagnostic] = await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length === 1);
    assert.match(
      diagnostic.message,
      /^GitHub personal access token \(classic\) ghp_…[A-Za-z0-9]{4} \(40 chars\) is hardcoded\. .*environment variable\.$/,
    );
  });

  for (const { file, ruleId, covers } of riskyConfig) {
    it(`reports ${ruleId} in ${file} as a warning on "${covers}"`, async () => {
      const document = await openFile(file);
      const diagnostics = await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length > 0);
      assert.deepStrictEqual(diagnostics.map((d) => codeOf(d).value), [ruleId], `rules reported in ${file}`);
      const [diagnostic] = diagnostics;
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(document.getText(diagnostic.range), covers);
      assert.ok(diagnostic.message.length > 20, `message "${diagnostic.message}" says too little`);
    });
  }

  describe('while editing', () => {
    const file = 'src/edit.py';
    let original = '';

    before(async () => {
      original = (await openFile(file)).getText();
    });
    afterEach(async () => {
      const document = await vscode.workspace.openTextDocument(fileUri(file));
      await replaceText(document, original);
      await document.save();
    });

    it('starts clean, reports a pasted key, follows it when lines move, and drops it when removed', async () => {
      const document = await openFile(file);
      assert.deepStrictEqual(keyguardDiagnostics(document.uri), []);
      const value = planted('github-pat', 'edit');
      await replaceText(document, `${original}\nTOKEN = "${value}"\n`);
      let [diagnostic] = await waitForDiagnostics(document.uri, 'the pasted key', (found) => found.length === 1);
      assert.ok(diagnostic.range.isEqual(rangeOf(document, value)), `range ${showRange(diagnostic.range)}`);

      await replaceText(document, `# one\n# two\n${document.getText()}`);
      [diagnostic] = await waitForDiagnostics(document.uri, 'the moved key', (found) =>
        found.length === 1 && found[0].range.isEqual(rangeOf(document, value)));
      assert.strictEqual(diagnostic.range.start.line, rangeOf(document, value).start.line);

      await replaceText(document, original);
      await waitForDiagnostics(document.uri, 'no diagnostics', (found) => found.length === 0);
    });

    it('ends with the diagnostics of the last text after a burst of edits (no stale scan wins)', async () => {
      const document = await openFile(file);
      const values = ['a', 'b', 'c', 'd', 'e'].map((variant) => planted('github-pat', `burst-${variant}`));
      for (const [index, value] of values.entries()) {
        await replaceText(document, `${original}\n${values.slice(0, index + 1).map((v, i) => `T${i} = "${v}"`).join('\n')}\n`);
        await sleep(60);
      }
      await replaceText(document, `${original}\nLAST = "${values[4]}"\n`);
      await sleep(1000);
      const diagnostics = keyguardDiagnostics(document.uri);
      assert.strictEqual(diagnostics.length, 1, `${diagnostics.length} diagnostics after the burst`);
      assert.ok(diagnostics[0].range.isEqual(rangeOf(document, values[4])), `range ${showRange(diagnostics[0].range)}`);
    });

    it('drops a finding when an ignore comment is added to its line, and only for the named rule', async () => {
      const document = await openFile(file);
      const value = planted('github-pat', 'ignored');
      await replaceText(document, `${original}\nTOKEN = "${value}"  # keyguard:ignore stripe-secret-key\n`);
      await waitForDiagnostics(document.uri, 'the key (ignore names another rule)', (found) => found.length === 1);
      await replaceText(document, `${original}\nTOKEN = "${value}"  # keyguard:ignore github-pat -- test value\n`);
      await waitForDiagnostics(document.uri, 'no diagnostics once ignored', (found) => found.length === 0);
    });
  });

  it('leaves git-ignored and .keyguardignore\'d files alone even when open (a moved key belongs in an ignored .env)', async () => {
    const scanned = await openFile('src/app.py');
    await waitForDiagnostics(scanned.uri, 'a diagnostic', (found) => found.length === 1);
    for (const file of ['ignored/leak.py', 'vendor/lib.js']) {
      const document = await openFile(file);
      await sleep(800);
      assert.deepStrictEqual(keyguardDiagnostics(document.uri).map((d) => codeOf(d).value), [], `${file} was scanned`);
    }
  });

  it('drops a finding whose fingerprint is in .keyguard/allowlist.json, and brings it back when the entry goes', async () => {
    const document = await openFile('config/app.json');
    await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length === 1);
    const allowlist = fileUri('.keyguard/allowlist.json');
    const entry = { ruleId: 'openai-api-key', fingerprint: fingerprintOf(planted('openai-api-key')), path: 'config/app.json', reason: 'test' };
    await vscode.workspace.fs.writeFile(allowlist, Buffer.from(JSON.stringify({ version: 1, entries: [entry] }, null, 2)));
    try {
      // The allowlist reaches Keyguard through a file watcher, which a loaded CI machine can delay past 10 s.
      await waitForDiagnostics(document.uri, 'no diagnostics once allowlisted', (found) => found.length === 0, 30_000);
    } finally {
      await vscode.workspace.fs.delete(allowlist);
    }
    await waitForDiagnostics(document.uri, 'the diagnostic back', (found) => found.length === 1, 30_000);
  });

  it('clears a document\'s diagnostics when it is closed', async () => {
    const document = await openFile('src/client.ts');
    await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length === 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(document.uri, 'no diagnostics after closing', (found) => found.length === 0, 20_000);
  });

  it('shows no clear secret in any diagnostic', async () => {
    const secrets = plantedKeys.map(({ ruleId }) => planted(ruleId));
    for (const { file } of plantedKeys) await openFile(file);
    for (const { file } of plantedKeys) {
      await waitForDiagnostics(fileUri(file), 'a diagnostic', (found) => found.length > 0);
    }
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const diagnostic of diagnostics.filter((d) => d.source === 'keyguard')) {
        const related = (diagnostic.relatedInformation ?? []).map((info) => info.message).join('\n');
        assertNoClearSecret(`${diagnostic.message}\n${related}`, secrets, `a diagnostic of ${vscode.workspace.asRelativePath(uri)}`);
      }
    }
  });
});
