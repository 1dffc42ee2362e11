import * as assert from 'assert';
import * as vscode from 'vscode';
import type { InspectionSnapshot } from '../../src/host/commands/detection';
import type { WorkspaceScanSummary } from '../../src/host/workspaceScan';
import { maskSecret } from '../../src/engine/mask';
import {
  activateKeyguard, assertNoClearSecret, codeOf, fileUri, keyguardDiagnostics, planted, setWorkspaceSetting, showRange, sleep, waitFor,
} from './helpers';

/** Range of `value` in a file read from disk (the file is deliberately not opened). */
async function rangeOnDisk(relativePath: string, value: string): Promise<vscode.Range> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relativePath)));
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
  };
  const offset = text.indexOf(value);
  assert.ok(offset >= 0, `${maskSecret(value)} is not in ${relativePath}`);
  return new vscode.Range(at(offset), at(offset + value.length));
}

/** Every fake value planted in the fixtures or by these tests. */
function allPlantedValues(): string[] {
  return [
    planted('github-pat'), planted('stripe-secret-key'), planted('aws-access-key-id'), planted('slack-bot-token'),
    planted('openai-api-key'), planted('sendgrid-api-key'), planted('npm-access-token'),
    planted('github-pat', 'unopened'), planted('aws-access-key-id', 'unopened'), planted('github-pat', 'gitignored'),
    planted('github-pat', 'keyguardignored'), planted('github-pat', 'filesexcluded'), planted('github-pat', 'binary'),
    planted('github-pat', 'large'), planted('github-pat', 'broken-yaml'),
  ];
}

describe('workspace scan', function () {
  this.timeout(120_000);
  let summary: WorkspaceScanSummary;

  before(async () => {
    await activateKeyguard();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const binary = Buffer.concat([Buffer.from([0x89, 0x00, 0x01, 0x02, 0x00]), Buffer.from(`TOKEN="${planted('github-pat', 'binary')}"\n`)]);
    await vscode.workspace.fs.writeFile(fileUri('unopened/blob.dat'), binary);
    const large = `TOKEN = "${planted('github-pat', 'large')}"\n${'# filler to pass the size limit\n'.repeat(40_000)}`;
    await vscode.workspace.fs.writeFile(fileUri('unopened/large.py'), Buffer.from(large));
    const brokenYaml = `deploy:\n  token: "${planted('github-pat', 'broken-yaml')}"\n  - [unclosed: {\n\tbad indent\n`;
    await vscode.workspace.fs.writeFile(fileUri('unopened/broken.yaml'), Buffer.from(brokenYaml));
    await vscode.workspace.fs.writeFile(fileUri('unopened/broken.json'), Buffer.from('{"a": [1, 2,, "b": }'));
    const invalidUtf8 = Buffer.concat([Buffer.from('name = caf'), Buffer.from([0xe9, 0xff, 0xfe, 0xc3]), Buffer.from('\n')]);
    await vscode.workspace.fs.writeFile(fileUri('unopened/latin1.properties'), invalidUtf8);
    summary = await vscode.commands.executeCommand<WorkspaceScanSummary>('keyguard.scanWorkspace');
  });
  after(async () => {
    await vscode.workspace.fs.delete(fileUri('unopened/blob.dat'));
    await vscode.workspace.fs.delete(fileUri('unopened/large.py'));
    for (const file of ['unopened/broken.yaml', 'unopened/broken.json', 'unopened/latin1.properties']) {
      await vscode.workspace.fs.delete(fileUri(file));
    }
  });

  it('returns counts that add up', () => {
    assert.strictEqual(summary.cancelled, false);
    assert.strictEqual(summary.filesScanned + summary.filesSkipped, summary.filesFound);
    assert.ok(summary.filesScanned >= 12, `only ${summary.filesScanned} files scanned`);
    assert.ok(summary.filesWithFindings >= 9, `only ${summary.filesWithFindings} files with findings`);
    assert.ok(summary.findings >= summary.filesWithFindings);
  });

  it('fills the Problems panel for files that are not open, with exact ranges and messages', async () => {
    const cases = [
      { file: 'unopened/service.py', ruleId: 'github-pat', variant: 'unopened' },
      { file: 'unopened/nested/deploy.yaml', ruleId: 'aws-access-key-id', variant: 'unopened' },
    ];
    for (const { file, ruleId, variant } of cases) {
      const uri = fileUri(file);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${file} is open`);
      const diagnostics = keyguardDiagnostics(uri);
      assert.deepStrictEqual(diagnostics.map((d) => codeOf(d).value), [ruleId], `rules reported in ${file}`);
      const value = planted(ruleId, variant);
      const expected = await rangeOnDisk(file, value);
      assert.ok(diagnostics[0].range.isEqual(expected), `range ${showRange(diagnostics[0].range)}, expected ${showRange(expected)}`);
      assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostics[0].message.includes(`${maskSecret(value)} is hardcoded.`), `message of ${file}`);
    }
    assert.deepStrictEqual(keyguardDiagnostics(fileUri('unopened/clean.ts')), []);
  });

  it('honours .gitignore, .keyguardignore and files.exclude, and skips binary and oversized files', () => {
    for (const file of ['ignored/leak.py', 'vendor/lib.js', 'build/out.js', 'unopened/blob.dat', 'unopened/large.py']) {
      assert.deepStrictEqual(keyguardDiagnostics(fileUri(file)).map((d) => codeOf(d).value), [], `${file} was scanned`);
    }
  });

  it('copes with malformed YAML/JSON and invalid UTF-8: still finds the key, logs no failure', async () => {
    const [diagnostic] = keyguardDiagnostics(fileUri('unopened/broken.yaml'));
    assert.ok(diagnostic, 'no finding in the malformed YAML');
    assert.strictEqual(codeOf(diagnostic).value, 'github-pat');
    assert.deepStrictEqual(keyguardDiagnostics(fileUri('unopened/broken.json')), []);
    assert.deepStrictEqual(keyguardDiagnostics(fileUri('unopened/latin1.properties')), []);
  });

  it('keeps a scanned file\'s problems after it is opened and closed', async () => {
    const uri = fileUri('unopened/service.py');
    await vscode.window.showTextDocument(uri);
    await sleep(500);
    assert.strictEqual(keyguardDiagnostics(uri).length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(1500);
    assert.strictEqual(keyguardDiagnostics(uri).length, 1);
  });

  it('applies a setting change to files that are not open', async () => {
    const uri = fileUri('unopened/service.py');
    const restore = await setWorkspaceSetting('severityOverrides', { 'github-pat': 'warning' });
    try {
      await waitFor('a warning in unopened/service.py', () =>
        keyguardDiagnostics(uri).length === 1 && keyguardDiagnostics(uri)[0].severity === vscode.DiagnosticSeverity.Warning);
    } finally {
      await restore();
    }
    await waitFor('the error back', () => keyguardDiagnostics(uri)[0]?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('writes counts to the Keyguard output channel and never a clear secret', async () => {
    const { logUri } = await vscode.commands.executeCommand<InspectionSnapshot>('keyguard.internal.inspect');
    const logFile = vscode.Uri.joinPath(vscode.Uri.parse(logUri), 'Keyguard.log');
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!/Workspace scan done/.test(text) && Date.now() < deadline) {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(logFile));
      } catch {
        text = '';
      }
      if (!/Workspace scan done/.test(text)) await sleep(200);
    }
    assert.match(text, /Workspace scan done in \d+ ms: \d+ files found, \d+ scanned/);
    assert.match(text, /Skipped unopened\/large\.py/);
    assert.doesNotMatch(text, /Scanning [^\n]* failed|Could not scan /, 'a scan failure was logged');
    assertNoClearSecret(text, allPlantedValues(), 'the Keyguard output channel');
  });

  it('Keyguard: Clear Findings empties the Problems panel', async () => {
    await vscode.commands.executeCommand('keyguard.clearFindings');
    assert.deepStrictEqual(keyguardDiagnostics(fileUri('unopened/service.py')), []);
    const remaining = vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'keyguard'));
    assert.deepStrictEqual(remaining.map(([uri]) => vscode.workspace.asRelativePath(uri)), []);
  });
});
