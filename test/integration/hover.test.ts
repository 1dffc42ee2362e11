import * as assert from 'assert';
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/engine/mask';
import {
  activateKeyguard, assertNoClearSecret, codeOf, fileUri, openFile, planted, rangeOf, waitForDiagnostics,
} from './helpers';

const DAY_MS = 86_400_000;

/** Text of every hover at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** A syntactically valid JWT made now (random signature), expiring `expiresInMs` from now. */
function makeJwt(expiresInMs: number): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url(JSON.stringify({ sub: 'svc-billing', iat: now - 3600, exp: now + Math.round(expiresInMs / 1000) }));
  return `${header}.${payload}.${crypto.randomBytes(32).toString('base64url')}`;
}

describe('hover', function () {
  this.timeout(60_000);

  before(activateKeyguard);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('explains a finding with its masked value, why it matters, the fix and quick-fix links', async () => {
    const document = await openFile('src/app.py');
    const value = planted('github-pat');
    await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length === 1);
    const range = rangeOf(document, value);
    const text = await hoverText(document.uri, range.start.translate(0, 10));
    assert.ok(text.includes('GitHub personal access token'), 'the hover does not name the key type');
    assert.ok(text.includes(maskSecret(value)), 'the hover does not show the masked value');
    assert.match(text, /Why it matters/);
    assert.match(text, /\*\*Fix:\*\* Revoke it/);
    const offset = document.getText().indexOf(value);
    for (const command of ['keyguard.moveToEnv', 'keyguard.moveToSecretStorage', 'keyguard.ignoreFinding']) {
      const link = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^)\\s]+)\\)`).exec(text);
      assert.ok(link, `no link to ${command}`);
      const [args] = JSON.parse(decodeURIComponent(link[1])) as Array<{ uri: string; ruleId: string; start: number; end: number }>;
      assert.deepStrictEqual(args, { uri: document.uri.toString(), ruleId: 'github-pat', start: offset, end: offset + value.length });
    }
    assert.ok(text.includes('#rule-github-pat'), 'no link to the rule documentation');
    assertNoClearSecret(text, [value], 'the hover');
  });

  it('words a TLS finding for people: the setting as written, and the CA-bundle advice in the hover', async () => {
    const document = await openFile('src/fetch.py');
    const diagnostics = await waitForDiagnostics(document.uri, 'a TLS diagnostic', (found) =>
      found.some((d) => codeOf(d).value === 'tls-verify-disabled'));
    const diagnostic = diagnostics.find((d) => codeOf(d).value === 'tls-verify-disabled');
    assert.ok(diagnostic);
    assert.strictEqual(document.getText(diagnostic.range), 'False');
    assert.ok(diagnostic.message.startsWith('TLS certificate verification disabled: False.'), `message was "${diagnostic.message}"`);
    assert.doesNotMatch(diagnostic.message, /python-verify-false/);
    const text = await hoverText(document.uri, diagnostic.range.start);
    assert.match(text, /CA bundle/);
  });

  it('runs the linked fix on that finding: "Ignore this finding" removes its diagnostic', async () => {
    const uri = fileUri('src/hover_link.py');
    const value = planted('github-pat', 'hover-link');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`TOKEN = "${value}"\n`));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(uri, 'a diagnostic', (found) => found.length === 1);
      const text = await hoverText(uri, rangeOf(document, value).start.translate(0, 8));
      const link = /\(command:keyguard\.ignoreFinding\?([^)\s]+)\)/.exec(text);
      assert.ok(link, 'no Ignore link');
      const applied = await vscode.commands.executeCommand('keyguard.ignoreFinding', ...(JSON.parse(decodeURIComponent(link[1])) as unknown[]));
      assert.strictEqual(applied, true, 'the Ignore command did not apply a fix');
      await waitForDiagnostics(uri, 'no diagnostic once ignored', (found) => found.length === 0);
      assert.match(document.getText(), /keyguard:ignore/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('shows nothing from Keyguard away from a finding', async () => {
    const document = await openFile('src/app.py');
    await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length === 1);
    const text = await hoverText(document.uri, new vscode.Position(0, 2));
    assert.ok(!text.includes('Keyguard'), 'a Keyguard hover on the import line');
  });

  it('shows no clear secret in the hover of any planted key', async () => {
    const files = [
      ['src/client.ts', 'stripe-secret-key'], ['config/settings.yaml', 'aws-access-key-id'], ['.env', 'slack-bot-token'],
      ['config/app.json', 'openai-api-key'], ['config/application.properties', 'sendgrid-api-key'], ['Dockerfile', 'npm-access-token'],
    ];
    for (const [file, ruleId] of files) {
      const document = await openFile(file);
      const value = planted(ruleId);
      const [diagnostic] = await waitForDiagnostics(document.uri, 'a diagnostic', (found) => found.length > 0);
      assert.strictEqual(codeOf(diagnostic).value, ruleId);
      const text = await hoverText(document.uri, diagnostic.range.start.translate(0, 1));
      assert.ok(text.includes(maskSecret(value)), `the ${ruleId} hover does not show the masked value`);
      assertNoClearSecret(text, [value], `the ${ruleId} hover`);
    }
  });

  describe('on a JWT', () => {
    const file = 'src/tokens.ts';
    const expired = makeJwt(-3 * DAY_MS - 2 * 3600_000);
    const valid = makeJwt(12 * DAY_MS + 2 * 3600_000);

    before(async () => {
      const text = `export const oldToken = '${expired}';\nexport const newToken = '${valid}';\n`;
      await vscode.workspace.fs.writeFile(fileUri(file), Buffer.from(text));
    });
    after(() => vscode.workspace.fs.delete(fileUri(file)));

    it('shows its decoded expiry: "expired 3 days ago" and "expires in 12 days"', async () => {
      const document = await openFile(file);
      await waitForDiagnostics(document.uri, 'two JWT diagnostics', (found) => found.length === 2);
      const expiredText = await hoverText(document.uri, rangeOf(document, expired).start.translate(0, 20));
      const validText = await hoverText(document.uri, rangeOf(document, valid).start.translate(0, 20));
      assert.match(expiredText, /expired 3 days ago/);
      assert.match(validText, /expires in 12 days/);
      assertNoClearSecret(`${expiredText}\n${validText}`, [expired, valid], 'the JWT hovers');
    });
  });
});
