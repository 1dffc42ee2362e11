import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ListedKey } from '../../src/engine/vault/types';
import { fileUri, keyguardDiagnostics, waitFor } from './helpers';
import { DAY, eventually, fp, freshValue, freshVault, hook, HOUR, listKeys, masked, run, slots } from './vaultHelpers';

interface TreeRow { label: string; description: string; contextValue: string; icon: string; tooltip: string; children: TreeRow[] }

describe('vault commands (argument objects, no prompts)', () => {
  beforeEach(freshVault);

  it('adds a key: listed masked with tier and countdown, value only in SecretStorage', async () => {
    const value = freshValue();
    const added = await run<ListedKey>('keyguard.addKey', { name: 'VAULT_ADD_KEY', value, expiresAt: 'in 30 days', tier: 'admin', rotateEveryDays: 90 });
    assert.strictEqual(added.name, 'VAULT_ADD_KEY');
    assert.strictEqual(added.tier, 'admin');
    assert.strictEqual(added.status, 'active');
    assert.strictEqual(added.masked, `${value.slice(0, 4)}…${value.slice(-4)} (${value.length} chars)`);
    assert.ok(added.countdown === '29d 23h' || added.countdown === '30d 0h', `countdown ${added.countdown}`);
    const listed = await listKeys();
    assert.strictEqual(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(value), `listKeys returned the value of ${masked(value)}`);
    assert.ok(!JSON.stringify(listed).includes(fp(value)), 'listKeys returned the fingerprint');
    const s = await slots('VAULT_ADD_KEY');
    assert.strictEqual(s.active, fp(value), 'SecretStorage does not hold the value');
  });

  it('keeps workspace-scoped keys in workspace storage and rotates them the same way', async () => {
    const oldValue = freshValue();
    const newValue = freshValue();
    const added = await run<ListedKey>('keyguard.addKey', { name: 'VAULT_WS_KEY', value: oldValue, scope: 'workspace' });
    assert.strictEqual(added.scope, 'workspace');
    const storage = await hook<{ globalState: Record<string, unknown>; workspaceState: Record<string, unknown> }>('storage');
    assert.ok(JSON.stringify(storage.workspaceState['keyguard.vault.keys'] ?? {}).includes('VAULT_WS_KEY'), 'not in workspaceState');
    assert.ok(!JSON.stringify(storage.globalState['keyguard.vault.keys'] ?? {}).includes('VAULT_WS_KEY'), 'also in globalState');
    await run('keyguard.rotateKey', { name: 'VAULT_WS_KEY', newValue });
    const s = await slots('VAULT_WS_KEY');
    assert.strictEqual(s.active, fp(newValue));
    assert.strictEqual(s.grace[fp(oldValue)], fp(oldValue));
    // Re-adding it globally moves it: one key of that name, global now.
    await run('keyguard.addKey', { name: 'VAULT_WS_KEY', value: newValue, scope: 'global' });
    const listed = (await listKeys()).filter((k) => k.name === 'VAULT_WS_KEY');
    assert.deepStrictEqual(listed.map((k) => k.scope), ['global']);
  });

  it('refuses bad arguments without echoing the value', async () => {
    const value = freshValue();
    for (const args of [{ name: 'bad name', value }, { name: 'OK_NAME', value: '' }, { name: 'OK_NAME', value, expiresAt: 'someday' }, { name: 'OK_NAME', value, tier: 'root' }]) {
      await assert.rejects(Promise.resolve(run('keyguard.addKey', args)), (error: Error) => {
        assert.ok(!error.message.includes(value), 'the error message contains the value');
        return true;
      });
    }
    assert.deepStrictEqual(await listKeys(), []);
  });

  it("reads the expiry from a JWT's exp when none is given", async () => {
    const exp = Math.floor(Date.now() / 1000) + 5 * 86400;
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'vault-test', exp })}.${freshValue('sig').replace(/_/g, '')}`;
    const added = await run<ListedKey>('keyguard.addKey', { name: 'VAULT_JWT', value: token });
    assert.strictEqual(added.expiresAt, exp * 1000);
  });

  it('sets and clears the expiry', async () => {
    await run('keyguard.addKey', { name: 'VAULT_EXPIRY', value: freshValue() });
    const set = await run<ListedKey>('keyguard.setExpiry', { name: 'VAULT_EXPIRY', expiresAt: '2030-01-31' });
    assert.strictEqual(set.expiresAt, Date.UTC(2030, 0, 31));
    const relative = await run<ListedKey>('keyguard.setExpiry', { name: 'VAULT_EXPIRY', expiresAt: '3d' });
    assert.ok(Math.abs((relative.expiresAt as number) - (Date.now() + 3 * DAY)) < 60_000);
    assert.strictEqual(relative.countdown?.startsWith('2d 23h') || relative.countdown?.startsWith('3d 0h'), true, relative.countdown);
    const cleared = await run<ListedKey>('keyguard.setExpiry', { name: 'VAULT_EXPIRY', expiresAt: null });
    assert.strictEqual(cleared.expiresAt, undefined);
    await assert.rejects(Promise.resolve(run('keyguard.setExpiry', { name: 'NO_SUCH_KEY', expiresAt: '3d' })), /No stored key named NO_SUCH_KEY/);
  });

  it('renews for the same lifetime again', async () => {
    await run('keyguard.addKey', { name: 'VAULT_RENEW', value: freshValue(), expiresAt: 'in 10 days' });
    await hook('clockOffset', { ms: 9 * DAY });
    const renewed = await run<ListedKey>('keyguard.renewKey', { name: 'VAULT_RENEW' });
    assert.ok(Math.abs((renewed.expiresAt as number) - (Date.now() + 19 * DAY)) < 60_000, `renewed until ${renewed.expiresAt}`);
  });

  it('rotates with a given value: new active, old kept in grace, both known to the scanner', async () => {
    const oldValue = freshValue();
    const newValue = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_ROTATE', value: oldValue, expiresAt: 'in 5 days' });
    const rotated = await run<ListedKey>('keyguard.rotateKey', { name: 'VAULT_ROTATE', newValue });
    assert.strictEqual(rotated.masked.slice(0, 4), newValue.slice(0, 4));
    assert.strictEqual(rotated.grace.length, 1);
    assert.ok(Math.abs(rotated.grace[0].graceUntil - (Date.now() + 24 * HOUR)) < 60_000, 'grace is not 24 h');
    const s = await slots('VAULT_ROTATE');
    assert.strictEqual(s.active, fp(newValue));
    assert.strictEqual(s.grace[fp(oldValue)], fp(oldValue), 'old value not kept in grace');
    assert.strictEqual(s.staging, undefined);
    assert.deepStrictEqual(await hook('journals'), []);
  });

  it('revokes: value and grace values deleted at once, metadata marked revoked', async () => {
    const oldValue = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_REVOKE', value: oldValue });
    await run('keyguard.rotateKey', { name: 'VAULT_REVOKE', newValue: freshValue() });
    const revoked = await run<ListedKey>('keyguard.revokeKey', { name: 'VAULT_REVOKE' });
    assert.strictEqual(revoked.status, 'revoked');
    assert.deepStrictEqual(revoked.grace, []);
    const s = await slots('VAULT_REVOKE', [fp(oldValue)]);
    assert.strictEqual(s.active, undefined);
    assert.strictEqual(s.grace[fp(oldValue)], undefined, 'revoke did not end the grace period');
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'VAULT_REVOKE', newValue: freshValue() })), /revoked/);
  });

  it('ends only the grace period of an old value', async () => {
    const oldValue = freshValue();
    const newValue = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_GRACE', value: oldValue });
    await run('keyguard.rotateKey', { name: 'VAULT_GRACE', newValue });
    const after = await run<ListedKey>('keyguard.revokeKey', { name: 'VAULT_GRACE', fingerprint: fp(oldValue) });
    assert.strictEqual(after.status, 'active');
    assert.deepStrictEqual(after.grace, []);
    const s = await slots('VAULT_GRACE', [fp(oldValue)]);
    assert.strictEqual(s.active, fp(newValue));
    assert.strictEqual(s.grace[fp(oldValue)], undefined);
  });

  it('purges grace values when the grace period ends', async () => {
    const oldValue = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_PURGE', value: oldValue });
    await run('keyguard.rotateKey', { name: 'VAULT_PURGE', newValue: freshValue() });
    assert.strictEqual(await hook('purge'), 0, 'purged before the grace period ended');
    await hook('clockOffset', { ms: 25 * HOUR });
    assert.strictEqual(await hook('purge'), 1);
    const s = await slots('VAULT_PURGE', [fp(oldValue)]);
    assert.strictEqual(s.grace[fp(oldValue)], undefined);
    assert.deepStrictEqual(s.meta.previous, []);
  });

  it('shows keys in the API Keys tree with icon, masked value, tier, countdown and grace rows', async () => {
    const value = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_TREE_A', value, expiresAt: Date.now() + 3 * DAY + 4 * HOUR + 30 * 60_000, tier: 'read-only' });
    await run('keyguard.addKey', { name: 'VAULT_TREE_B', value: freshValue(), expiresAt: Date.now() - 2 * HOUR - 60_000, inject: false });
    await run('keyguard.rotateKey', { name: 'VAULT_TREE_A', newValue: freshValue() });
    const rows = await hook<TreeRow[]>('tree');
    assert.deepStrictEqual(rows.map((r) => r.label), ['VAULT_TREE_A', 'VAULT_TREE_B']);
    const [a, b] = rows;
    assert.match(a.description, /^expires in 3d 4h · read-only · kgv_…[A-Za-z0-9]{4} \(40 chars\)$/);
    assert.strictEqual(a.icon, 'warning');
    assert.strictEqual(a.contextValue, 'keyguardKey.active.injected');
    assert.strictEqual(a.children.length, 1);
    assert.strictEqual(a.children[0].label, 'previous value');
    assert.match(a.children[0].description, /^grace, 23h 59m left · kgv_…[A-Za-z0-9]{4} \(40 chars\)$/);
    assert.strictEqual(a.children[0].contextValue, 'keyguardGrace');
    assert.match(b.description, /^expired 2h ago · developer · /);
    assert.strictEqual(b.icon, 'error');
    assert.strictEqual(b.contextValue, 'keyguardKey.active');
    assert.ok(!JSON.stringify(rows).includes(value), 'the tree shows a value');
    await run('keyguard.revokeKey', { name: 'VAULT_TREE_B' });
    const afterRevoke = await hook<TreeRow[]>('tree');
    assert.strictEqual(afterRevoke[1].icon, 'circle-slash');
    assert.strictEqual(afterRevoke[1].contextValue, 'keyguardKey.revoked');
  });

  it('copies the env reference for a language, never the value', async () => {
    await run('keyguard.addKey', { name: 'VAULT_REF', value: freshValue() });
    assert.strictEqual(await run('keyguard.copyEnvReference', { name: 'VAULT_REF', languageId: 'python' }), 'os.environ["VAULT_REF"]');
    assert.strictEqual(await run('keyguard.copyEnvReference', { name: 'VAULT_REF', languageId: 'typescript' }), 'process.env.VAULT_REF');
  });

  it('reveals only after confirmation, then clears the clipboard', async () => {
    const value = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_REVEAL', value });
    await hook('recordUi', { confirm: false });
    await vscode.env.clipboard.writeText('before');
    assert.deepStrictEqual(await run('keyguard.revealKey', { name: 'VAULT_REVEAL' }), { copied: false });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'before');
    await hook('recordUi', { confirm: true });
    await hook('clipboardClearMs', { ms: 500 });
    const result = await run<{ copied: boolean; masked: string }>('keyguard.revealKey', { name: 'VAULT_REVEAL' });
    assert.strictEqual(result.copied, true);
    assert.ok(!JSON.stringify(result).includes(value));
    assert.strictEqual(fp(await vscode.env.clipboard.readText()), fp(value), 'the clipboard does not hold the value');
    await eventually('the clipboard to be cleared', async () => (await vscode.env.clipboard.readText()) === '');
    await hook('clipboardClearMs', { ms: 30_000 });
  });

  it('imports from .env, removing the entries from the file', async () => {
    const a = freshValue();
    const b = freshValue();
    const envFile = fileUri('vault-import.env');
    fs.writeFileSync(envFile.fsPath, `# service keys\nVAULT_IMPORT_A=${a}\nKEEP_ME=plain\nexport VAULT_IMPORT_B="${b}"\n`);
    const result = await run<{ imported: string[]; removedFromFile: boolean }>('keyguard.importEnv', { path: 'vault-import.env', names: ['VAULT_IMPORT_A', 'VAULT_IMPORT_B'], remove: true });
    assert.deepStrictEqual(result.imported, ['VAULT_IMPORT_A', 'VAULT_IMPORT_B']);
    assert.strictEqual(fs.readFileSync(envFile.fsPath, 'utf8'), '# service keys\nKEEP_ME=plain\n');
    assert.strictEqual((await slots('VAULT_IMPORT_A')).active, fp(a));
    assert.strictEqual((await slots('VAULT_IMPORT_B')).active, fp(b));
    fs.rmSync(envFile.fsPath);
  });

  it('keeps an imported .env entry it manages up to date after rotation', async () => {
    const oldValue = freshValue();
    const newValue = freshValue();
    const envFile = fileUri('vault-managed.env');
    fs.writeFileSync(envFile.fsPath, `VAULT_MANAGED=${oldValue}\nOTHER=1\n`);
    await run('keyguard.importEnv', { path: 'vault-managed.env', remove: false, names: ['VAULT_MANAGED'] });
    await run('keyguard.rotateKey', { name: 'VAULT_MANAGED', newValue });
    const text = fs.readFileSync(envFile.fsPath, 'utf8');
    assert.ok(text.includes(`VAULT_MANAGED=${newValue}\n`) && text.endsWith('OTHER=1\n'), 'the managed entry was not rewritten');
    assert.ok(!text.includes(oldValue), 'the old value is still in the file');
    fs.rmSync(envFile.fsPath);
  });

  it('exports only explicitly, refusing a target git does not ignore', async () => {
    const value = freshValue();
    await run('keyguard.addKey', { name: 'VAULT_EXPORT', value });
    const repo = fs.mkdtempSync(path.join(process.env.KEYGUARD_TEST_WORKSPACE ? path.dirname(process.env.KEYGUARD_TEST_WORKSPACE) : '/tmp', 'vault-export-'));
    const init = require('child_process').spawnSync('git', ['init', '-q'], { cwd: repo });
    assert.strictEqual(init.status, 0, 'git init failed');
    const target = path.join(repo, '.env.local');
    await assert.rejects(Promise.resolve(run('keyguard.exportEnv', { path: target, names: ['VAULT_EXPORT'] })), /not ignored by git/);
    assert.ok(!fs.existsSync(target), 'wrote a file git does not ignore');
    fs.writeFileSync(path.join(repo, '.gitignore'), '.env*\n');
    const result = await run<{ written: string[]; gitIgnored: boolean }>('keyguard.exportEnv', { path: target, names: ['VAULT_EXPORT'] });
    assert.deepStrictEqual(result, { file: vscode.Uri.file(target).toString(), written: ['VAULT_EXPORT'], gitIgnored: true });
    assert.strictEqual(fs.readFileSync(target, 'utf8'), `VAULT_EXPORT=${value}\n`);
    const forced = await run<{ gitIgnored: boolean }>('keyguard.exportEnv', { path: path.join(repo, 'exported.txt'), names: ['VAULT_EXPORT'], allowNotIgnored: true });
    assert.strictEqual(forced.gitIgnored, false);
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('reports a stored key hardcoded in a file as "your stored key NAME", admin as an error', async () => {
    const value = freshValue('kgleak');
    await run('keyguard.addKey', { name: 'VAULT_LEAKED', value, tier: 'admin' });
    const file = fileUri('src/vault-leak.ts');
    fs.mkdirSync(path.dirname(file.fsPath), { recursive: true });
    fs.writeFileSync(file.fsPath, `export const client = connect("${value}");\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor('the stored-key diagnostic', () => {
      const found = keyguardDiagnostics(file).filter((d) => d.message.includes('VAULT_LEAKED'));
      return found.length ? found : undefined;
    }, 15_000);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message, /your stored key VAULT_LEAKED/i);
    assert.ok(!diagnostics[0].message.includes(value), 'the diagnostic shows the value');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(file.fsPath);
  });
});
