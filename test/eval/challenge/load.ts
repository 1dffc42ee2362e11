import * as fs from 'fs';
import * as path from 'path';
import { listFiles } from '../corpus';
import { renderEvalFile, type RenderedFile } from '../render';
import { fakeValue } from '../../support/fakeKeys';

/**
 * The challenge corpus: a second labelled set, written to probe the KINDS of cases public scanner test
 * suites exercise (many syntaxes, quoting, URLs, headers, escapes, CRLF, multi-line keys, look-alikes),
 * kept apart from test/eval/corpus so that one set cannot be tuned to the other unnoticed.
 *
 * Templates use the test/eval format plus two additions that only this loader knows:
 * - `{{fake:<rule-id>[:<variant>]|<filter>}}` transforms the fake value before it is placed:
 *   `json` (newlines as `\n` escapes, for a PEM inside a JSON string), `b64` (base64 of the value, as in a
 *   k8s Secret `data:`), `encrypted` (Proc-Type/DEK-Info headers added to a PEM private key), `jsonslash`
 *   (`/` written as `\/`, as PHP's json_encode does), `ec` / `dsa` / `pkcs8enc` (the PEM label of an RSA key
 *   changed to `EC`, `DSA` or `ENCRYPTED`), `ssh2` (the key in RFC 4716 armour), `indentN` (every line after the first indented by N spaces, for YAML `|` blocks);
 * - `{{crlf}}` anywhere in a template makes the rendered file use CRLF line endings.
 */
const FILTERED = /\{\{fake:([a-z0-9-]+)(?::([A-Za-z0-9_-]+))?\|(json|jsonslash|b64|encrypted|ec|dsa|pkcs8enc|ssh2|indent\d+)\}\}/g;

/** Default location of the challenge templates, from out/test/eval/challenge or from the sources. */
export function defaultChallengeDir(): string {
  const candidates = [path.resolve(__dirname, '../../../../test/eval/challenge/files'), path.resolve(__dirname, 'files')];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`challenge corpus not found (looked in ${candidates.join(', ')})`);
  return found;
}

function applyFilter(value: string, filter: string): string {
  if (filter === 'json') return value.replace(/\r?\n/g, '\\n');
  if (filter === 'jsonslash') return value.replace(/\//g, '\\/');
  if (filter === 'ec' || filter === 'dsa') return value.replace(/RSA PRIVATE/g, `${filter.toUpperCase()} PRIVATE`);
  if (filter === 'pkcs8enc') return value.replace(/RSA PRIVATE/g, 'ENCRYPTED PRIVATE');
  if (filter === 'ssh2') {
    // RFC 4716 armour (ssh.com / PuTTYgen export): four dashes, spaces, and a Comment header.
    return value
      .replace(/-----BEGIN RSA PRIVATE KEY-----/, '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20260101"')
      .replace(/-----END RSA PRIVATE KEY-----/, '---- END SSH2 ENCRYPTED PRIVATE KEY ----');
  }
  if (filter === 'b64') return Buffer.from(value, 'utf8').toString('base64');
  // A legacy OpenSSL-encrypted PEM: same armour, plus the RFC 1421 headers that say how it is encrypted.
  if (filter === 'encrypted') return value.replace('\n', '\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,9F1C2B7A44D0E3B15A6C8D2E0F1A3B4C\n\n');
  const spaces = ' '.repeat(Number(filter.slice('indent'.length)));
  return value.replace(/\n(?=.)/g, `\n${spaces}`);
}

/** Renders one challenge template (filters, then the shared eval renderer, then optional CRLF). */
export function renderChallengeFile(template: string, relPath: string): RenderedFile {
  const seed = `keyguard-challenge:${relPath}`;
  const crlf = template.includes('{{crlf}}');
  const filtered = template
    .replace(/\{\{crlf\}\}/g, '')
    .replace(FILTERED, (_all, ruleId: string, variant: string | undefined, filter: string) =>
      applyFilter(fakeValue(ruleId, `${seed}:${variant ?? '0'}`), filter),
    );
  const rendered = renderEvalFile(filtered, relPath, seed);
  return crlf ? { ...rendered, text: rendered.text.replace(/\r?\n/g, '\r\n') } : rendered;
}

/** Renders every challenge template; a template that fails to render is an error, not a silent skip. */
export function loadChallenge(dir = defaultChallengeDir()): { files: RenderedFile[]; errors: string[] } {
  const files: RenderedFile[] = [];
  const errors: string[] = [];
  for (const relPath of listFiles(dir)) {
    try {
      files.push(renderChallengeFile(fs.readFileSync(path.join(dir, relPath), 'utf8'), relPath));
    } catch (error) {
      errors.push(`${relPath}: ${(error as Error).message}`);
    }
  }
  return { files, errors };
}
