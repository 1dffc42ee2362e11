import * as vscode from 'vscode';
import type { ObtainedValue } from '../../engine/vault/journal';
import { clockSkewOf, describeSkew, expandProviderUrl, parseCommandOutput, parseProviderJson, type ClockSkew } from '../../engine/vault/providers';
import type { Clock } from '../../engine/vault/types';
import { childProcess } from '../nodeBuiltins';
import type { RotationProviderKind, VaultConfig } from './config';

/** Gets a new value for a key, given its current value. */
export type KeyProvider = (name: string, currentValue: string) => Promise<ObtainedValue>;

/** Raised for provider failures; its message never contains a key. */
export class ProviderError extends Error {}

/** Asks the user for the new value in a password box. */
export function manualProvider(): KeyProvider {
  return async (name) => {
    const value = await vscode.window.showInputBox({
      title: `Rotate ${name}`,
      prompt: `Paste the new value of ${name}. The old value keeps working during the grace period.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() ? undefined : 'The new value is empty.'),
    });
    if (value === undefined) throw new ProviderError('Rotation cancelled: no new value entered.');
    return { value: value.trim() };
  };
}

/**
 * Runs the configured program; it prints the new key (or a JSON object with `key` and `expires_at`) on
 * stdout. The current key reaches it on stdin or in `KEYGUARD_CURRENT_KEY`; `KEYGUARD_KEY_NAME` names the
 * key. No shell is involved; the program is killed at the timeout.
 */
export function commandProvider(config: VaultConfig['rotation'], cwd: string | undefined): KeyProvider {
  return (name, currentValue) =>
    new Promise<ObtainedValue>((resolve, reject) => {
      if (!config.command) {
        reject(new ProviderError('Set keyguard.rotation.command (user settings) to use the command provider.'));
        return;
      }
      const env: NodeJS.ProcessEnv = { ...process.env, KEYGUARD_KEY_NAME: name };
      if (config.commandInput === 'env') env.KEYGUARD_CURRENT_KEY = currentValue;
      const child = childProcess().spawn(config.command, config.commandArgs, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
      let stdout = '';
      let stderrLength = 0;
      let settled = false;
      const finish = (error: Error | undefined, value?: ObtainedValue) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value as ObtainedValue);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(new ProviderError(`The rotation command did not finish within ${config.timeoutSeconds} s and was stopped.`));
      }, config.timeoutSeconds * 1000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        if (stdout.length < 65_536) stdout += chunk;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderrLength += chunk.length;
      });
      child.on('error', (error) => finish(new ProviderError(`The rotation command could not start: ${error.message}`)));
      child.on('close', (code) => {
        if (code !== 0) {
          finish(new ProviderError(`The rotation command exited with code ${code}${stderrLength ? ` (${stderrLength} bytes on stderr, not shown: it may hold a key)` : ''}.`));
          return;
        }
        const parsed = parseCommandOutput(stdout, { keyPath: 'key', expiresAtPath: 'expires_at' });
        if (parsed.ok) finish(undefined, { value: parsed.value, expiresAt: parsed.expiresAt });
        else finish(new ProviderError(parsed.error));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(config.commandInput === 'stdin' ? `${currentValue}\n` : '');
    });
}

/**
 * POSTs `{"name": NAME}` to the configured URL with the current key as Bearer token and reads the new key
 * (and optional expiry) from the JSON answer at the configured paths. Reports the server clock's skew.
 */
export function httpProvider(config: VaultConfig['rotation'], clock: Clock, onSkew: (skew: ClockSkew, message: string) => void): KeyProvider {
  return async (name, currentValue) => {
    if (!config.httpUrl) throw new ProviderError('Set keyguard.rotation.http.url (user settings) to use the HTTP provider.');
    const url = expandProviderUrl(config.httpUrl, name);
    if (!/^https?:\/\//i.test(url)) throw new ProviderError('keyguard.rotation.http.url must be an http(s) URL.');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${currentValue}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name }),
        signal: AbortSignal.timeout(config.timeoutSeconds * 1000),
        redirect: 'error',
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${config.timeoutSeconds} s` : 'the request failed';
      throw new ProviderError(`The rotation server at ${new URL(url).host}: ${reason}.`);
    }
    const skew = clockSkewOf(response.headers.get('date'), clock());
    if (skew?.exceeds) onSkew(skew, describeSkew(skew));
    const body = await response.text();
    if (!response.ok) throw new ProviderError(`The rotation server answered HTTP ${response.status}.`);
    const parsed = parseProviderJson(body, { keyPath: config.httpKeyPath, expiresAtPath: config.httpExpiresAtPath || undefined });
    if (!parsed.ok) throw new ProviderError(parsed.error);
    return { value: parsed.value, expiresAt: parsed.expiresAt };
  };
}

/**
 * Picks the provider. The command and HTTP providers run a program or reach the network, so they are
 * refused in untrusted workspaces (their settings are application-scoped as well).
 */
export function providerFor(
  kind: RotationProviderKind,
  config: VaultConfig['rotation'],
  options: { clock: Clock; cwd: string | undefined; onSkew: (skew: ClockSkew, message: string) => void },
): KeyProvider {
  if (kind !== 'manual' && !vscode.workspace.isTrusted) {
    throw new ProviderError(`The ${kind} rotation provider is disabled in untrusted workspaces. Trust the workspace or rotate manually.`);
  }
  if (kind === 'command') return commandProvider(config, options.cwd);
  if (kind === 'http') return httpProvider(config, options.clock, options.onSkew);
  return manualProvider();
}
