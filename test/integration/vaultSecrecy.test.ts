import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateKeyguard, fileUri } from './helpers';
import { freshValue, freshVault, hook, masked, run, valuesUsed } from './vaultHelpers';

/** Every file below a folder, as text (small files only). */
function textsUnder(dir: string): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...textsUnder(full));
    else if (entry.isFile() && fs.statSync(full).size < 5_000_000) found.push({ file: full, text: fs.readFileSync(full, 'utf8') });
  }
  return found;
}

describe('vault secrecy', () => {
  before(activateKeyguard);

  it('never puts a value in extension storage, settings, logs or the output channel', async () => {
    await freshVault();
    // Exercise every path that handles values once more.
    const a = freshValue();
    const b = freshValue();
    await run('keyguard.addKey', { name: 'SECRECY_A', value: a, expiresAt: 'in 2 days', tier: 'admin' });
    await run('keyguard.rotateKey', { name: 'SECRECY_A', newValue: b });
    const c = freshValue();
    fs.writeFileSync(fileUri('secrecy.env').fsPath, `SECRECY_C=${c}\n`);
    await run('keyguard.importEnv', { path: 'secrecy.env', remove: true });
    await hook('crashAt', { point: 'done:grace' });
    await run('keyguard.rotateKey', { name: 'SECRECY_C', newValue: freshValue() }).then(undefined, () => undefined);
    await hook('recover');
    await run('keyguard.revokeKey', { name: 'SECRECY_C' });
    fs.rmSync(fileUri('secrecy.env').fsPath);
    assert.ok(valuesUsed.length >= 4);

    const storage = JSON.stringify(await hook('storage'));
    assert.ok(storage.includes('keyguard.vault.keys'), 'the metadata is not where expected');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('keyguard'));
    const userData = process.env.KEYGUARD_TEST_USER_DATA_DIR;
    const userSettings = userData ? textsUnder(path.join(userData, 'User')).filter((f) => f.file.endsWith('.json')) : [];
    const inspection = await vscode.commands.executeCommand<{ logUri: string }>('keyguard.internal.inspect');
    assert.ok(inspection?.logUri, 'no log folder reported');
    const logs = textsUnder(vscode.Uri.parse(inspection.logUri).fsPath);
    assert.ok(logs.some((l) => /Keyguard/.test(l.file) && /Rotated key SECRECY_A/.test(l.text)), 'the output channel log was not found or misses the rotation');
    for (const value of valuesUsed) {
      assert.ok(!storage.includes(value), `extension storage holds ${masked(value)}`);
      assert.ok(!settings.includes(value), `settings hold ${masked(value)}`);
      for (const file of [...userSettings, ...logs]) assert.ok(!file.text.includes(value), `${path.basename(file.file)} holds ${masked(value)}`);
    }
  });
});
