import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ListedKey } from '../../src/engine/vault/types';
import { DAY, fp, freshValue, freshVault, hook, HOUR, run, slots } from './vaultHelpers';

interface Notice { level: string; message: string }

const CRASH_POINTS = ['obtain', 'stage', 'grace', 'promote', 'commit', 'cleanup'].flatMap((s) => [`journaled:${s}`, `done:${s}`]);

async function setRotation(settings: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('keyguard');
  for (const [key, value] of Object.entries(settings)) await config.update(`rotation.${key}`, value, vscode.ConfigurationTarget.Global);
}

async function resetRotation(): Promise<void> {
  await setRotation({ provider: undefined, command: undefined, commandArgs: undefined, commandInput: undefined, timeoutSeconds: undefined, 'http.url': undefined, 'http.keyPath': undefined, 'http.expiresAtPath': undefined, graceHours: undefined });
}

describe('vault rotation providers', () => {
  let server: http.Server;
  let port = 0;
  /** What the next request gets. */
  let reply: { status: number; body: string; dateOffsetMs: number } = { status: 200, body: '{}', dateOffsetMs: 0 };
  const requests: { authorization?: string; body: string; url?: string }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push({ authorization: req.headers.authorization, body, url: req.url });
        res.writeHead(reply.status, { 'Content-Type': 'application/json', Date: new Date(Date.now() + reply.dateOffsetMs).toUTCString() });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(async () => {
    await resetRotation();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    await freshVault();
    await resetRotation();
    requests.splice(0);
  });

  it('HTTP provider: POSTs the current key as Bearer, stores the new key and its expiry', async () => {
    const oldValue = freshValue();
    const newValue = freshValue();
    const expiresAt = new Date(Date.now() + 45 * DAY).toISOString();
    await setRotation({ provider: 'http', 'http.url': `http://127.0.0.1:${port}/rotate/\${name}`, 'http.keyPath': 'data.key', 'http.expiresAtPath': 'data.expires_at' });
    reply = { status: 200, body: JSON.stringify({ data: { key: newValue, expires_at: expiresAt } }), dateOffsetMs: 0 };
    await run('keyguard.addKey', { name: 'HTTP_KEY', value: oldValue, expiresAt: 'in 2 days' });
    const rotated = await run<ListedKey>('keyguard.rotateKey', { name: 'HTTP_KEY' });
    assert.strictEqual(requests.length, 1);
    assert.strictEqual(requests[0].url, '/rotate/HTTP_KEY');
    assert.ok(requests[0].authorization === `Bearer ${oldValue}`, 'the current key was not sent as Bearer');
    assert.deepStrictEqual(JSON.parse(requests[0].body), { name: 'HTTP_KEY' });
    assert.strictEqual(rotated.expiresAt, Date.parse(expiresAt));
    const s = await slots('HTTP_KEY');
    assert.strictEqual(s.active, fp(newValue));
    assert.strictEqual(s.grace[fp(oldValue)], fp(oldValue));
    const skew = (await hook<Notice[]>('notifications')).filter((n) => /clock/.test(n.message));
    assert.deepStrictEqual(skew, [], 'warned about clock skew for an in-sync server');
  });

  it('HTTP provider: a failure changes nothing and never echoes the body', async () => {
    const oldValue = freshValue();
    const leaked = freshValue();
    await setRotation({ provider: 'http', 'http.url': `http://127.0.0.1:${port}/rotate` });
    await run('keyguard.addKey', { name: 'HTTP_FAIL', value: oldValue });
    reply = { status: 500, body: JSON.stringify({ error: 'boom', key: leaked }), dateOffsetMs: 0 };
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'HTTP_FAIL' })), (error: Error) => {
      assert.match(error.message, /HTTP 500/);
      assert.ok(!error.message.includes(leaked) && !error.message.includes(oldValue));
      return true;
    });
    reply = { status: 200, body: JSON.stringify({ other: 'x' }), dateOffsetMs: 0 };
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'HTTP_FAIL' })), /no string at "key"/);
    await setRotation({ 'http.url': 'http://127.0.0.1:9/unreachable', timeoutSeconds: 2 });
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'HTTP_FAIL' })), /request failed|no answer/);
    const s = await slots('HTTP_FAIL');
    assert.strictEqual(s.active, fp(oldValue));
    assert.deepStrictEqual(s.meta.previous, []);
    assert.deepStrictEqual(await hook('journals'), []);
  });

  it('HTTP provider: warns when the server clock is more than 5 s off', async () => {
    await setRotation({ provider: 'http', 'http.url': `http://127.0.0.1:${port}/rotate` });
    await run('keyguard.addKey', { name: 'HTTP_SKEW', value: freshValue() });
    reply = { status: 200, body: JSON.stringify({ key: freshValue() }), dateOffsetMs: 2 * HOUR };
    await run('keyguard.rotateKey', { name: 'HTTP_SKEW' });
    const skew = (await hook<Notice[]>('notifications')).filter((n) => /clock/.test(n.message));
    assert.strictEqual(skew.length, 1);
    // The Date header has whole seconds, so two hours may read as 7199 s.
    assert.match(skew[0].message, /(7199|7200) s ahead/);
  });

  it('command provider: a node script gets the current key on stdin and prints the new one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cmd-'));
    const script = path.join(dir, 'rotate.js');
    // Prints a key derived from the current one, so the test can tell stdin arrived.
    fs.writeFileSync(script, `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const h=require('crypto').createHash('sha256').update(s.trim()+process.env.KEYGUARD_KEY_NAME).digest('hex');process.stdout.write('cmd_'+h.slice(0,40)+'\\n');});`);
    const oldValue = freshValue();
    const expected = `cmd_${fp(oldValue + 'CMD_KEY').slice(0, 40)}`;
    await setRotation({ provider: 'command', command: process.execPath, commandArgs: [script] });
    await run('keyguard.addKey', { name: 'CMD_KEY', value: oldValue });
    await run('keyguard.rotateKey', { name: 'CMD_KEY' });
    const s = await slots('CMD_KEY');
    assert.strictEqual(s.active, fp(expected));
    assert.strictEqual(s.grace[fp(oldValue)], fp(oldValue));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('command provider: env input, JSON output, non-zero exit and timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cmd-'));
    const jsonScript = path.join(dir, 'json.js');
    fs.writeFileSync(jsonScript, `const k=process.env.KEYGUARD_CURRENT_KEY;console.log(JSON.stringify({key:'env_'+k.length+'_'+'z'.repeat(30),expires_at:Math.floor(Date.now()/1000)+86400*10}));`);
    const failScript = path.join(dir, 'fail.js');
    fs.writeFileSync(failScript, `console.error('secret-ish diagnostics');process.exit(3);`);
    const slowScript = path.join(dir, 'slow.js');
    fs.writeFileSync(slowScript, `setTimeout(()=>console.log('late_'+'y'.repeat(30)),20000);`);
    const oldValue = freshValue();
    await run('keyguard.addKey', { name: 'CMD_ENV', value: oldValue });
    await setRotation({ provider: 'command', command: process.execPath, commandArgs: [jsonScript], commandInput: 'env' });
    const rotated = await run<ListedKey>('keyguard.rotateKey', { name: 'CMD_ENV' });
    assert.strictEqual((await slots('CMD_ENV')).active, fp(`env_${oldValue.length}_${'z'.repeat(30)}`));
    assert.ok(Math.abs((rotated.expiresAt as number) - (Date.now() + 10 * DAY)) < 120_000);
    await setRotation({ commandArgs: [failScript], commandInput: 'stdin' });
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'CMD_ENV' })), /exited with code 3/);
    await setRotation({ commandArgs: [slowScript], timeoutSeconds: 1 });
    const started = Date.now();
    await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name: 'CMD_ENV' })), /did not finish within 1 s/);
    assert.ok(Date.now() - started < 8000, 'the timeout was not enforced');
    assert.deepStrictEqual(await hook('journals'), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('provider settings are application-scoped (a workspace cannot set them)', () => {
    const inspect = vscode.workspace.getConfiguration('keyguard').inspect('rotation.command');
    assert.ok(inspect, 'rotation.command is not contributed');
    const pkg = vscode.extensions.getExtension('keyguard.keyguard')?.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> }[] } };
    const props = Object.assign({}, ...pkg.contributes.configuration.map((c) => c.properties)) as Record<string, { scope?: string }>;
    for (const key of ['provider', 'command', 'commandArgs', 'commandInput', 'http.url', 'http.keyPath', 'http.expiresAtPath', 'graceHours', 'timeoutSeconds']) {
      assert.ok(['application', 'machine'].includes(props[`keyguard.rotation.${key}`]?.scope ?? ''), `keyguard.rotation.${key} is not application/machine scoped`);
    }
  });
});

describe('vault rotation interrupted at every step', () => {
  beforeEach(freshVault);

  for (const point of CRASH_POINTS) {
    const staged = CRASH_POINTS.indexOf(point) >= CRASH_POINTS.indexOf('done:stage');
    it(`dies at ${point}, recovers at activation with 0 keys lost (${staged ? 'finished' : 'rolled back'})`, async () => {
      const name = `CRASH_${point.replace(/[^a-z]/gi, '_').toUpperCase()}`;
      const oldValue = freshValue();
      const newValue = freshValue();
      await run('keyguard.addKey', { name, value: oldValue, expiresAt: 'in 3 days' });
      await hook('crashAt', { point });
      await assert.rejects(Promise.resolve(run('keyguard.rotateKey', { name, newValue })), /simulated crash/);
      const journals = await hook<{ name: string; step: string }[]>('journals');
      assert.strictEqual(journals.length, 1, 'no journal survived the crash');
      assert.strictEqual(journals[0].step, point.split(':')[1]);
      const recovered = await hook<{ name: string; outcome: string }[]>('recover');
      assert.deepStrictEqual(recovered, [{ name, step: point.split(':')[1], outcome: staged ? 'resume' : 'rollback' }]);
      assert.deepStrictEqual(await hook('journals'), []);
      const s = await slots(name, [fp(oldValue)]);
      assert.strictEqual(s.staging, undefined, 'staging slot left behind');
      assert.strictEqual(s.meta.fingerprint, s.active, 'metadata does not describe the active value');
      if (staged) {
        assert.strictEqual(s.active, fp(newValue), 'new key lost');
        assert.strictEqual(s.grace[fp(oldValue)], fp(oldValue), 'old key lost');
        assert.deepStrictEqual(s.meta.previous.map((v) => v.fingerprint), [fp(oldValue)]);
      } else {
        assert.strictEqual(s.active, fp(oldValue), 'old key lost');
        assert.deepStrictEqual(s.meta.previous, []);
      }
      // The key still rotates normally afterwards.
      const again = freshValue();
      await run('keyguard.rotateKey', { name, newValue: again });
      assert.strictEqual((await slots(name)).active, fp(again));
    });
  }
});
