import * as assert from 'assert';
import * as vscode from 'vscode';
import type { InspectionSnapshot } from '../../src/host/commands/detection';
import type { TreeRowSnapshot } from '../../src/host/findingsTree';
import { maskSecret } from '../../src/engine/mask';
import { activateKeyguard, assertNoClearSecret, fileUri, keyguardDiagnostics, planted, waitFor } from './helpers';

async function inspect(): Promise<InspectionSnapshot> {
  return vscode.commands.executeCommand<InspectionSnapshot>('keyguard.internal.inspect');
}

function flatten(rows: TreeRowSnapshot[]): TreeRowSnapshot[] {
  return rows.flatMap((row) => [row, ...flatten(row.children)]);
}

describe('Findings view', function () {
  this.timeout(120_000);

  before(async () => {
    await activateKeyguard();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('keyguard.clearFindings');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('is empty after Clear Findings (its welcome view offers Scan Workspace)', async () => {
    assert.deepStrictEqual((await inspect()).tree, []);
  });

  it('lists scanned files, grouped by file, with masked previews', async () => {
    await vscode.commands.executeCommand('keyguard.scanWorkspace');
    const { tree } = await inspect();
    const service = tree.find((row) => row.label === 'service.py');
    assert.ok(service, `no service.py row among ${tree.map((row) => row.label).join(', ')}`);
    assert.strictEqual(service.description, 'unopened');
    assert.strictEqual(service.tooltip, 'unopened/service.py: 1 finding');
    assert.strictEqual(service.children.length, 1);
    const [finding] = service.children;
    assert.strictEqual(finding.label, 'GitHub personal access token (classic)');
    assert.strictEqual(finding.description, `${maskSecret(planted('github-pat', 'unopened'))} · Ln 3`);
    assert.ok(tree.some((row) => row.label === 'deploy.yaml' && row.description === 'unopened/nested'));
    for (const ignored of ['leak.py', 'lib.js', 'out.js']) {
      assert.ok(!tree.some((row) => row.label === ignored), `${ignored} is listed although ignored`);
    }
  });

  it('reveals the value when a finding is clicked', async () => {
    const { tree } = await inspect();
    const row = tree.find((file) => file.label === 'deploy.yaml')?.children[0];
    assert.ok(row?.reveal, 'the finding row has no reveal command');
    const [startLine, startCharacter, endLine, endCharacter] = row.reveal.selection;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(row.reveal.uri), {
      selection: new vscode.Range(startLine, startCharacter, endLine, endCharacter),
    });
    const editor = await waitFor('the revealed editor', () => vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.uri.toString(), fileUri('unopened/nested/deploy.yaml').toString());
    assert.strictEqual(editor.document.getText(editor.selection), planted('aws-access-key-id', 'unopened'));
    const [diagnostic] = keyguardDiagnostics(editor.document.uri);
    assert.ok(diagnostic.range.isEqual(editor.selection), 'the selection is not the diagnostic range');
  });

  it('shows no clear secret in any row', async () => {
    const rows = flatten((await inspect()).tree);
    assert.ok(rows.length > 10, `only ${rows.length} rows`);
    const secrets = [
      planted('github-pat'), planted('stripe-secret-key'), planted('aws-access-key-id'), planted('slack-bot-token'),
      planted('openai-api-key'), planted('sendgrid-api-key'), planted('npm-access-token'),
      planted('github-pat', 'unopened'), planted('aws-access-key-id', 'unopened'),
    ];
    for (const row of rows) {
      assertNoClearSecret(`${row.label}\n${row.description}\n${row.tooltip}`, secrets, `the tree row "${row.label}"`);
    }
  });

  it('updates when findings change (Clear Findings empties it)', async () => {
    await vscode.commands.executeCommand('keyguard.clearFindings');
    assert.deepStrictEqual((await inspect()).tree, []);
  });
});
