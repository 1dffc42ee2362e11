import type { DetectContext } from './detect';
import { providerRules } from './rules/providers';
import { fastEntropy, isLineScoped } from './rules/providers/helpers';
import type { ProviderRule } from './rules/types';
import type { RawMatch } from './types';

/**
 * Provider and structural detection. Cost is kept linear and small on large files:
 * 1. one pass builds a bitmap of the character trigrams present in the lower-cased text; a keyword
 *    is searched for only when all its trigrams are present, so most of the ~360 keywords cost
 *    nothing, and a rule runs only when one of its keywords really occurs;
 * 2. rules with literal prefixes then run over the text (irregexp finds literals quickly);
 * 3. line-scoped (context) rules run only on the lines at and just below their keywords.
 */

/** Lines below a keyword that a line-scoped rule still looks at (nested YAML/JSON keys). */
const LINES_BELOW = 3;
const TABLE_BITS = 18;

interface Compiled {
  rule: ProviderRule;
  /** The rule's pattern, global, with `d` (match indices) when the secret is a capture group. */
  pattern: RegExp;
  lineScoped: boolean;
}

let compiledRules: Compiled[] | undefined;

function compiled(): Compiled[] {
  if (!compiledRules) {
    compiledRules = providerRules.map((rule) => {
      let flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
      if ((rule.secretGroup ?? 0) > 0 && !flags.includes('d')) flags += 'd';
      return { rule, pattern: new RegExp(rule.pattern.source, flags), lineScoped: isLineScoped(rule) };
    });
  }
  return compiledRules;
}

/** 18-bit trigram key from the low 6 bits of each character (collisions only add false positives). */
function trigramHash(a: number, b: number, c: number): number {
  return ((a & 0x3f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f);
}

/** Which character bigrams and trigrams occur in the text (hashed; false positives only). */
interface GramIndex {
  bigrams: Uint8Array;
  trigrams: Uint8Array;
}

function indexGrams(lower: string): GramIndex {
  const bigrams = new Uint8Array(1 << 16);
  const trigrams = new Uint8Array(1 << TABLE_BITS);
  let a = 0;
  let b = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i) & 0xff;
    bigrams[(b << 8) | c] = 1;
    if (i >= 2) trigrams[trigramHash(a, b, c)] = 1;
    a = b;
    b = c;
  }
  return { bigrams, trigrams };
}

/** True when every gram of the keyword occurs in the text (so the keyword may occur). */
function mayContain(index: GramIndex, keyword: string): boolean {
  if (keyword.length < 3) {
    return keyword.length < 2 || index.bigrams[((keyword.charCodeAt(0) & 0xff) << 8) | (keyword.charCodeAt(1) & 0xff)] === 1;
  }
  for (let i = 2; i < keyword.length; i++) {
    const h = trigramHash(keyword.charCodeAt(i - 2) & 0xff, keyword.charCodeAt(i - 1) & 0xff, keyword.charCodeAt(i) & 0xff);
    if (index.trigrams[h] !== 1) return false;
  }
  return true;
}

/**
 * Runs every provider and structural rule whose keyword occurs in the text and returns the raw
 * matches (the secret's exact offsets). Entropy, placeholder and rule-specific checks happen here;
 * merging overlaps and suppressions are the scanner's job.
 */
export function detectProviders(ctx: DetectContext): RawMatch[] {
  const matches: RawMatch[] = [];
  const seen = keywordFilter(ctx);
  for (const entry of compiled()) runEntry(ctx, entry, seen, matches);
  return matches;
}

/**
 * Runs a single rule exactly as {@link detectProviders} does (keyword prefilter, line scoping,
 * entropy floor, validator). For benchmarks that time rules one by one.
 */
export function detectWithRule(ctx: DetectContext, rule: ProviderRule): RawMatch[] {
  const entry = compiled().find((candidate) => candidate.rule === rule || candidate.rule.id === rule.id);
  const matches: RawMatch[] = [];
  if (entry) runEntry(ctx, entry, keywordFilter(ctx), matches);
  return matches;
}

/**
 * A memoised "does this keyword occur in the text?" test: the gram bitmap rules most keywords out
 * without a search, and `includes` confirms the rest.
 */
function keywordFilter(ctx: DetectContext): (keyword: string) => boolean {
  const grams = indexGrams(ctx.lowerText);
  const known = new Map<string, boolean>();
  return (keyword) => {
    let result = known.get(keyword);
    if (result === undefined) {
      result = mayContain(grams, keyword) && ctx.lowerText.includes(keyword);
      known.set(keyword, result);
    }
    return result;
  };
}

function runEntry(ctx: DetectContext, entry: Compiled, seen: (keyword: string) => boolean, out: RawMatch[]): void {
  const keywords = entry.rule.keywords.filter(seen);
  if (keywords.length === 0) return;
  if (entry.lineScoped) {
    for (const [from, to] of keywordWindows(ctx, keywords)) runRule(ctx, entry, from, to, out);
  } else {
    runRule(ctx, entry, 0, ctx.text.length, out);
  }
}

/** Merged [start, end) windows covering each keyword's line and the few lines below it. */
function keywordWindows(ctx: DetectContext, keywords: string[]): Array<[number, number]> {
  const { lowerText, lineStarts, text } = ctx;
  const windows: Array<[number, number]> = [];
  for (const keyword of keywords) {
    let at = lowerText.indexOf(keyword);
    while (at >= 0) {
      const line = lineIndexOf(lineStarts, at);
      const start = lineStarts[line];
      const below = line + LINES_BELOW + 1;
      const end = below < lineStarts.length ? lineStarts[below] : text.length;
      windows.push([start, end]);
      // Later occurrences inside this window add nothing: jump past it (linear on long lines).
      at = lowerText.indexOf(keyword, Math.max(end, at + keyword.length));
    }
  }
  windows.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return merged;
}

/** Index of the line containing `offset` (binary search over line starts). */
function lineIndexOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function runRule(ctx: DetectContext, entry: Compiled, from: number, to: number, out: RawMatch[]): void {
  const { rule, pattern } = entry;
  const whole = from === 0 && to === ctx.text.length;
  const subject = whole ? ctx.text : ctx.text.slice(from, to);
  const group = rule.secretGroup ?? 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(subject); m; m = pattern.exec(subject)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const value = m[group];
    if (value === undefined || value.length === 0) continue;
    const start = from + m.index + offsetOfGroup(m, group);
    const end = start + value.length;
    if (rule.minEntropy !== undefined && fastEntropy(value) < rule.minEntropy) continue;
    if (rule.validate && !rule.validate(value, { text: ctx.text, start, end, fileName: ctx.fileName })) continue;
    out.push({ ruleId: rule.id, start, end });
  }
}

/** Offset of a capture group inside its match, from the `d` flag's indices (text search as a fallback). */
function offsetOfGroup(match: RegExpExecArray, group: number): number {
  if (group === 0) return 0;
  const span = match.indices?.[group];
  if (span) return span[0] - match.index;
  return match[0].lastIndexOf(match[group]);
}
