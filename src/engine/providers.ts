import type { DetectContext } from './detect';
import { providerRules } from './rules/providers';
import { leadingLiterals } from './regexLiterals';
import { fastEntropy, isLineScoped } from './rules/providers/helpers';
import type { ProviderRule } from './rules/types';
import type { RawMatch } from './types';

/**
 * Provider and structural detection. Cost is kept linear and small on large files:
 * 1. one pass over the lower-cased text finds every occurrence of all ~360 keywords at once (a hash
 *    of each position's next three characters picks the few keywords that could start there), and a
 *    rule runs only when one of its keywords really occurs;
 * 2. a rule whose matches all start with known literals (`ghp_`, `(?:AKIA|ASIA)`) is tried only where
 *    the same pass found one of them, with a sticky copy of its pattern; other rules run over the text;
 * 3. line-scoped (context) rules run only on the lines at and just below their keywords.
 */

/** Lines below a keyword that a line-scoped rule still looks at (nested YAML/JSON keys). */
const LINES_BELOW = 3;
/** Size of the keyword head table (a hash of three characters; collisions only cost a `startsWith`). */
const HEAD_MASK = (1 << 16) - 1;

interface Compiled {
  rule: ProviderRule;
  /** The rule's pattern, global, with `d` (match indices) when the secret is a capture group. */
  pattern: RegExp;
  lineScoped: boolean;
  /**
   * Lower-cased literals every match starts with (from the pattern's source), when known; `sticky`
   * is the pattern with `y`, tried at their occurrences only.
   */
  anchors?: string[];
  sticky?: RegExp;
}

let compiledRules: Compiled[] | undefined;

function compiled(): Compiled[] {
  if (!compiledRules) {
    compiledRules = providerRules.map((rule) => {
      let flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
      if ((rule.secretGroup ?? 0) > 0 && !flags.includes('d')) flags += 'd';
      const entry: Compiled = { rule, pattern: new RegExp(rule.pattern.source, flags), lineScoped: isLineScoped(rule) };
      const anchors = entry.lineScoped ? undefined : leadingLiterals(rule.pattern.source);
      // Non-ASCII literals could change length or meaning when lower-cased: those rules scan the whole text.
      if (anchors && anchors.every((anchor) => /^[\x20-\x7e]+$/.test(anchor))) {
        entry.anchors = anchors;
        entry.sticky = new RegExp(rule.pattern.source, `${flags}y`);
      }
      return entry;
    });
  }
  return compiledRules;
}

/**
 * The distinct keywords of a rule set, bucketed by their first characters so that one pass over the
 * text finds every occurrence of every keyword (instead of one full-text search per keyword and rule).
 */
interface KeywordTable {
  keywords: string[];
  idOf: Map<string, number>;
  /** Hash of a keyword's first three characters -> 1 + index into `buckets` (0: no keyword starts so). */
  heads: Int32Array;
  buckets: number[][];
  /** Keywords shorter than three characters (`sk`), searched for with `indexOf`. */
  short: number[];
}

function headHash(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & HEAD_MASK;
}

function buildKeywordTable(entries: readonly Compiled[]): KeywordTable {
  const keywords = [...new Set(entries.flatMap((entry) => [...entry.rule.keywords, ...(entry.anchors ?? [])]))];
  const table: KeywordTable = {
    keywords,
    idOf: new Map(keywords.map((keyword, id) => [keyword, id])),
    heads: new Int32Array(HEAD_MASK + 1),
    buckets: [],
    short: [],
  };
  keywords.forEach((keyword, id) => {
    if (keyword.length < 3) {
      table.short.push(id);
      return;
    }
    const slot = headHash(keyword.charCodeAt(0), keyword.charCodeAt(1), keyword.charCodeAt(2));
    if (table.heads[slot] === 0) table.heads[slot] = table.buckets.push([]);
    table.buckets[table.heads[slot] - 1].push(id);
  });
  return table;
}

/** Where each keyword of a table occurs in a text, and the line windows around them (filled on demand). */
interface KeywordHits {
  table: KeywordTable;
  /** Ascending offsets in the lower-cased text, per keyword id (every occurrence, overlapping ones too). */
  positions: number[][];
  windows: Map<number, Array<[number, number]>>;
}

/** One pass over the lower-cased text: every occurrence of every keyword of the table. */
function findKeywords(lower: string, table: KeywordTable): KeywordHits {
  const { keywords, heads, buckets } = table;
  const positions: number[][] = keywords.map(() => []);
  const n = lower.length;
  let a = n > 0 ? lower.charCodeAt(0) : 0;
  let b = n > 1 ? lower.charCodeAt(1) : 0;
  // Hot loop (every character of every scanned file): the hash is inlined on purpose.
  for (let i = 0; i + 2 < n; i++) {
    const c = lower.charCodeAt(i + 2);
    const head = heads[(a * 961 + b * 31 + c) & HEAD_MASK];
    if (head !== 0) {
      for (const id of buckets[head - 1]) if (lower.startsWith(keywords[id], i)) positions[id].push(i);
    }
    a = b;
    b = c;
  }
  for (const id of table.short) {
    for (let at = lower.indexOf(keywords[id]); at >= 0 && at < n; at = lower.indexOf(keywords[id], at + 1)) positions[id].push(at);
  }
  return { table, positions, windows: new Map() };
}

/**
 * Runs every provider and structural rule whose keyword occurs in the text and returns the raw
 * matches (the secret's exact offsets). Entropy, placeholder and rule-specific checks happen here;
 * merging overlaps and suppressions are the scanner's job.
 */
export function detectProviders(ctx: DetectContext): RawMatch[] {
  return runEntries(ctx, compiled(), fullTable());
}

/**
 * Runs the given rules exactly as {@link detectProviders} runs them (keyword prefilter, line scoping,
 * entropy floor, validator), and only them. For benchmarks that time rules one by one or in groups.
 */
export function detectWithRules(ctx: DetectContext, rules: readonly ProviderRule[]): RawMatch[] {
  const all = compiled();
  const entries = rules
    .map((rule) => all.find((candidate) => candidate.rule === rule) ?? all.find((candidate) => candidate.rule.id === rule.id))
    .filter((entry): entry is Compiled => entry !== undefined);
  return runEntries(ctx, entries, buildKeywordTable(entries));
}

/** {@link detectWithRules} for one rule. */
export function detectWithRule(ctx: DetectContext, rule: ProviderRule): RawMatch[] {
  return detectWithRules(ctx, [rule]);
}

let fullKeywordTable: KeywordTable | undefined;

function fullTable(): KeywordTable {
  fullKeywordTable ??= buildKeywordTable(compiled());
  return fullKeywordTable;
}

function runEntries(ctx: DetectContext, entries: readonly Compiled[], table: KeywordTable): RawMatch[] {
  const matches: RawMatch[] = [];
  const hits = findKeywords(ctx.lowerText, table);
  for (const entry of entries) runEntry(ctx, entry, hits, matches);
  return matches;
}

function runEntry(ctx: DetectContext, entry: Compiled, hits: KeywordHits, out: RawMatch[]): void {
  const ids: number[] = [];
  for (const keyword of entry.rule.keywords) {
    const id = hits.table.idOf.get(keyword);
    if (id !== undefined && hits.positions[id].length > 0) ids.push(id);
  }
  if (ids.length === 0) return;
  if (entry.lineScoped) {
    for (const [from, to] of keywordWindows(ctx, hits, ids)) runRule(ctx, entry, from, to, out);
  } else if (entry.anchors && entry.sticky && ctx.lowerText.length === ctx.text.length) {
    runAnchored(ctx, entry, entry.sticky, anchorPositions(hits, entry.anchors), out);
  } else {
    runRule(ctx, entry, 0, ctx.text.length, out);
  }
}

/** Ascending, distinct offsets where one of the anchors occurs (in the lower-cased text). */
function anchorPositions(hits: KeywordHits, anchors: string[]): number[] {
  const lists = anchors.map((anchor) => hits.positions[hits.table.idOf.get(anchor) as number]).filter((list) => list.length > 0);
  if (lists.length <= 1) return lists[0] ?? [];
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((at, index) => index === 0 || at !== all[index - 1]);
}

/**
 * Same matches as {@link runRule} over the whole text: every match starts at an anchor occurrence
 * (a superset, since the anchors were found case-insensitively), and trying the sticky pattern at
 * each occurrence past the previous match gives the leftmost match a global search would find.
 */
function runAnchored(ctx: DetectContext, entry: Compiled, sticky: RegExp, positions: number[], out: RawMatch[]): void {
  const { text } = ctx;
  let next = 0;
  for (const at of positions) {
    if (at < next) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    next = m[0].length === 0 ? at + 1 : at + m[0].length;
    if (m[0].length > 0) acceptMatch(ctx, entry.rule, m, 0, out);
  }
}

/** Merged [start, end) windows covering each keyword's line and the few lines below it. */
function keywordWindows(ctx: DetectContext, hits: KeywordHits, ids: number[]): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const id of ids) windows.push(...windowsOf(ctx, hits, id));
  windows.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  return merged;
}

/** One keyword's windows, computed once per text (several rules share a keyword such as `token`). */
function windowsOf(ctx: DetectContext, hits: KeywordHits, id: number): Array<[number, number]> {
  const cached = hits.windows.get(id);
  if (cached) return cached;
  const { lineStarts, text } = ctx;
  const length = hits.table.keywords[id].length;
  const windows: Array<[number, number]> = [];
  let next = 0;
  for (const at of hits.positions[id]) {
    // Later occurrences inside the last window add nothing (linear on long lines).
    if (at < next) continue;
    const line = lineIndexOf(lineStarts, at);
    const below = line + LINES_BELOW + 1;
    const end = below < lineStarts.length ? lineStarts[below] : text.length;
    windows.push([lineStarts[line], end]);
    next = Math.max(end, at + length);
  }
  hits.windows.set(id, windows);
  return windows;
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
  pattern.lastIndex = 0;
  for (let m = pattern.exec(subject); m; m = pattern.exec(subject)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    acceptMatch(ctx, rule, m, from, out);
  }
}

/** Applies the entropy floor and the validator to one match (`from`: offset of the searched slice). */
function acceptMatch(ctx: DetectContext, rule: ProviderRule, m: RegExpExecArray, from: number, out: RawMatch[]): void {
  const group = rule.secretGroup ?? 0;
  const value = m[group];
  if (value === undefined || value.length === 0) return;
  const start = from + m.index + offsetOfGroup(m, group);
  const end = start + value.length;
  if (rule.minEntropy !== undefined && fastEntropy(value) < rule.minEntropy) return;
  if (rule.validate && !rule.validate(value, { text: ctx.text, start, end, fileName: ctx.fileName })) return;
  out.push({ ruleId: rule.id, start, end });
}

/** Offset of a capture group inside its match, from the `d` flag's indices (text search as a fallback). */
function offsetOfGroup(match: RegExpExecArray, group: number): number {
  if (group === 0) return 0;
  const span = match.indices?.[group];
  if (span) return span[0] - match.index;
  return match[0].lastIndexOf(match[group]);
}
