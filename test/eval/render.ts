import { renderTemplate } from '../support/template';
import { mulberry32 } from '../support/random';

/** One labelled finding the corpus expects: 1-based start line of the value and the rule that should report it. */
export interface Expectation {
  line: number;
  ruleId: string;
}

/** A corpus template rendered into the exact text that gets scanned, plus what it should produce. */
export interface RenderedFile {
  /** Path relative to the corpus root, with `/` separators (also the name given to the scanner). */
  relPath: string;
  text: string;
  expected: Expectation[];
  /** Generated values per 1-based line, kept only so reports can show their masked form. */
  valuesByLine: Map<number, string[]>;
}

const RAND = /\{\{rand:(\d+)(?::(b62|hex|b64|pw))?\}\}/g;
const FAKE = /\{\{fake:[a-z0-9-]+(?::[A-Za-z0-9_-]+)?\}\}/g;
const EXPECT = /\{\{expect:([a-z0-9-]+)(?::\+(\d+))?\}\}/g;

const ALPHABETS = {
  b62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  pw: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!+-_.',
} as const;

/** FNV-1a: turns a seed string into a 32-bit PRNG state. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and deterministic, which is all an evaluation corpus needs. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/**
 * An invented high-entropy value: seeded, so every run scans identical text. The first character is
 * always a lower-case letter so that no value can start with a provider prefix (AKIA, ghp_, sk-...).
 */
export function randomValue(length: number, alphabet: keyof typeof ALPHABETS, next: () => number): string {
  const chars = ALPHABETS[alphabet];
  let out = 'abcdefghijkmnpqrstuvwxyz'[Math.floor(next() * 24)];
  for (let i = 1; i < length; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

/**
 * Renders one corpus template:
 * - `{{rand:<n>[:b62|hex|b64|pw]}}` becomes a seeded invented value (generic secrets and passwords);
 * - `{{fake:<rule-id>[:<variant>]}}` becomes a fake provider key (test/support/template.ts);
 * - `{{expect:<rule-id>}}` markers are removed and become an expectation for the rendered line they sit on;
 *   `{{expect:<rule-id>:+N}}` expects it N lines further down (inside a generated multi-line value).
 * Markers are read after the other placeholders are filled, so multi-line fake values (PEM blocks) shift
 * later lines correctly; put a marker on the line where its value starts.
 */
export function renderEvalFile(template: string, relPath: string, seed = 'keyguard-eval'): RenderedFile {
  const next = seededRandom(`${seed}:${relPath}`);
  const sentinel = (value: string) => `\u0000${value}\u0001`;
  let text = template.replace(RAND, (_all, length: string, alphabet?: keyof typeof ALPHABETS) =>
    sentinel(randomValue(Number(length), alphabet ?? 'b62', next)),
  );
  text = text.replace(FAKE, (placeholder) => sentinel(renderTemplate(placeholder, `${seed}:${relPath}`)));

  const expected: Expectation[] = [];
  const valuesByLine = new Map<number, string[]>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    lines[index] = lines[index].replace(EXPECT, (_all, ruleId: string, offset?: string) => {
      expected.push({ line: index + 1 + Number(offset ?? 0), ruleId });
      return '';
    });
  }
  text = lines.join('\n');
  // Record each generated value under the line it starts on (a PEM block spans several), then drop the sentinels.
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const output: string[] = [];
  let lastEnd = 0;
  let line = 1;
  for (const match of text.matchAll(/\u0000([\s\S]*?)\u0001/g)) {
    const offset = match.index ?? 0;
    while (line < starts.length && starts[line] <= offset) line++;
    const list = valuesByLine.get(line) ?? [];
    list.push(match[1]);
    valuesByLine.set(line, list);
    output.push(text.slice(lastEnd, offset), match[1]);
    lastEnd = offset + match[0].length;
  }
  output.push(text.slice(lastEnd));
  return { relPath, text: output.join(''), expected, valuesByLine };
}
