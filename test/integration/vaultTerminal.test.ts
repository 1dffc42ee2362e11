import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, fp, freshValue, freshVault, hook, run } from './vaultHelpers';

interface Injected { type: number; valueLength: number; valueFingerprint: string }

/** Opens a terminal that writes the length of $NAME to a file, and returns that length. */
async function lengthSeenByTerminal(name: string): Promise<number> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-term-')), 'len.txt');
  const terminal = vscode.window.createTerminal({ name: `kg-${name}`, shellPath: '/bin/sh', shellArgs: ['-c', `printf %s "\${#${name}}" > "${out}.tmp" && mv "${out}.tmp" "${out}"`] });
  try {
    const text = await eventually(`the terminal to write ${out}`, async () => (fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined), 20_000);
    return Number(text);
  } finally {
    terminal.dispose();
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

describe('vault terminal injection', () => {
  beforeEach(freshVault);

  it('injects active keys into new terminals, follows rotation, honours the opt-out and revoke', async () => {
    const value = freshValue();
    await run('keyguard.addKey', { name: 'KG_INJECTED_KEY', value });
    const injected = await eventually('the key in the environment collection', () => Promise.resolve(hook<Injected | undefined>('injected', { name: 'KG_INJECTED_KEY' })));
    assert.strictEqual(injected.type, vscode.EnvironmentVariableMutatorType.Replace);
    assert.strictEqual(injected.valueFingerprint, fp(value));
    assert.strictEqual(await lengthSeenByTerminal('KG_INJECTED_KEY'), value.length);

    const rotated = `${freshValue()}xyz`;
    await run('keyguard.rotateKey', { name: 'KG_INJECTED_KEY', newValue: rotated });
    const after = await hook<Injected>('injected', { name: 'KG_INJECTED_KEY' });
    assert.strictEqual(after.valueFingerprint, fp(rotated), 'rotation did not update the terminal environment');
    assert.strictEqual(await lengthSeenByTerminal('KG_INJECTED_KEY'), rotated.length);

    await run('keyguard.toggleInjection', { name: 'KG_INJECTED_KEY' });
    assert.strictEqual(await hook('injected', { name: 'KG_INJECTED_KEY' }), undefined, 'opt-out did not remove the variable');
    await run('keyguard.toggleInjection', { name: 'KG_INJECTED_KEY', inject: true });
    assert.ok(await hook('injected', { name: 'KG_INJECTED_KEY' }));

    await run('keyguard.revokeKey', { name: 'KG_INJECTED_KEY' });
    assert.strictEqual(await hook('injected', { name: 'KG_INJECTED_KEY' }), undefined, 'revoke did not remove the variable');
    assert.strictEqual(await lengthSeenByTerminal('KG_INJECTED_KEY'), 0);
  });

  it('does not inject keys added with inject: false', async () => {
    await run('keyguard.addKey', { name: 'KG_NOT_INJECTED', value: freshValue(), inject: false });
    assert.strictEqual(await hook('injected', { name: 'KG_NOT_INJECTED' }), undefined);
  });
});
