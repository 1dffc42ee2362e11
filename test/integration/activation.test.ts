import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'keyguard.keyguard';

describe('activation', () => {
  it('is installed from the development path and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual(extension.packageJSON.name, 'keyguard');
  });

  it('runs inside the fixture workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const expected = process.env.KEYGUARD_TEST_WORKSPACE;
    if (expected) assert.strictEqual(folder.uri.fsPath, expected);
  });

  it('creates the Keyguard output channel', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    // Each output channel adds a "show" command to the Output view's channel list (what a user picks);
    // the workbench registers it shortly after the extension host creates the channel.
    const wanted = `workbench.action.output.show.${EXTENSION_ID}.Keyguard`;
    let found: string | undefined;
    for (let attempt = 0; attempt < 50 && !found; attempt++) {
      found = (await vscode.commands.getCommands(true)).find((id) => id.startsWith(wanted));
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(found, 'the Output view lists no Keyguard channel after 5 s');
  });
});
