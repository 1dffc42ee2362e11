import type { DetectContext } from './detect';
import { shannonEntropy } from './entropy';
import { lineStartOf, startOfLineBelow } from './lines';
import { providerRules } from './rules/providers';
import { type LiteralTable, mergeAscending, registerLiterals, sharedPass, type SharedHits } from './literalIndex';
import { groupOneIsWholeMatch, leadingLiterals } from './regexLiterals';
import { isLineScoped } from './rules/providers/helpers';
import type { ProviderRule } from './rules/types';
import type { RawMatch } from './types';

/**
 * Provider and structural detection. Cost is kept linear and small on large files:
 * 1. one pass over the text (./literalIndex, shared with the other detectors) finds every occurrence of
 *    all ~420 keywords at once, ASCII case-insensitively, and a rule runs only when one of its keywords occurs;
 * 2. a rule whose matches all start with known literals (`ghp_`, `(?:AKIA|ASIA)`) is tried only where
 *    the same pass found one of them, with a sticky copy of its pattern; other rules run over the text;
 * 3. line-scoped (context) rules run only on the lines at and just below their keywords.
 */

/** Lines below a keyword that a line-scoped rule still looks at (nested YAML/JSON keys). */
const LINES_BELOW = 3;

interface Compiled {
  rule: ProviderRule;
  /**
   * The rule's fields read for every match, copied here: rule objects come in many shapes (optional fields),
   * so reading them in the per-match path is a megamorphic lookup; every Compiled has the same shape.
   */
  id: string;
  /** The capture group holding the secret; 0 also when the rule's group 1 always spans the whole match. */
  secretGroup: number;
  /** The entropy floor, or -1 when the rule has none. */
  minEntropy: number;
  validate: ProviderRule['validate'];
  /** The rule's pattern, global, with `d` (match indices) when the secret is a capture group narrower than the match. */
  pattern: RegExp;
  lineScoped: boolean;
  /**
   * Lower-cased literals every match starts with (from the pattern's source), when known; `sticky`
   * is the pattern with `y`, tried at their occurrences only.
   */
  anchors?: string[];
  sticky?: RegExp;
  /**
   * For `url-credentials`: every match starts where the run of scheme characters ending at a `://`
   * begins (its lookbehind forbids starting inside the run), so the sticky pattern is tried there only.
   */
  schemeAnchored?: boolean;
  /** Ids of the rule's keywords and anchors in the last literal table used (looked up once per table). */
  ids?: { table: LiteralTable; keywords: number[]; anchors: number[] };
}

/** Rules whose matches start at the run of scheme characters just before a `://` (see `schemeAnchored`). */
const SCHEME_ANCHORED_RULES = new Set(['url-credentials']);
/** Longest scheme those rules accept (`[A-Za-z][A-Za-z0-9+.\-]{1,30}`). */
const MAX_SCHEME_LENGTH = 31;

let compiledRules: Compiled[] | undefined;

function compiled(): Compiled[] {
  if (!compiledRules) {
    compiledRules = providerRules.map((rule) => {
      let flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
      const groupIsMatch = rule.secretGroup === 1 && groupOneIsWholeMatch(rule.pattern.source);
      if ((rule.secretGroup ?? 0) > 0 && !groupIsMatch && !flags.includes('d')) flags += 'd';
      const entry: Compiled = {
        rule, id: rule.id, secretGroup: groupIsMatch ? 0 : rule.secretGroup ?? 0, minEntropy: rule.minEntropy ?? -1, validate: rule.validate,
        pattern: new RegExp(rule.pattern.source, flags), lineScoped: isLineScoped(rule),
        anchors: undefined, sticky: undefined, schemeAnchored: undefined, ids: undefined,
      };
      const anchors = entry.lineScoped ? undefined : leadingLiterals(rule.pattern.source);
      // Non-ASCII literals could change length or meaning when lower-cased: those rules scan the whole text.
      if (anchors && anchors.every((anchor) => /^[\x20-\x7e]+$/.test(anchor))) {
        entry.anchors = anchors;
        entry.sticky = new RegExp(rule.pattern.source, `${flags}y`);
      } else if (SCHEME_ANCHORED_RULES.has(rule.id) && !entry.lineScoped) {
        entry.schemeAnchored = true;
        entry.sticky = new RegExp(rule.pattern.source, `${flags}y`);
      }
      return entry;
    });
    registerLiterals(literalsOf(compiledRules));
  }
  return compiledRules;
}

/** The words the keyword pass must find for these rules: their keywords and anchors. */
function literalsOf(entries: readonly Compiled[]): string[] {
  return entries.flatMap((entry) => [...entry.rule.keywords, ...(entry.anchors ?? [])]);
}

/** Where the keywords and anchors occur in one text, and the line windows around keywords (filled on demand). */
interface KeywordHits {
  /** A literal pass over the text that covers every word of the rules being run. */
  pass: SharedHits;
  windows: Map<string, Array<[number, number]>>;
}

/** Ascending offsets of every occurrence of `word` (one of the pass's words), overlapping ones too. */
function positionsOf(hits: KeywordHits, word: string): number[] {
  return hits.pass.positions[hits.pass.table.idOf.get(word) as number];
}

/** The entry's keyword and anchor ids in `table`. */
function idsIn(entry: Compiled, table: LiteralTable): { keywords: number[]; anchors: number[] } {
  if (entry.ids?.table !== table) {
    const idOf = (word: string) => table.idOf.get(word) as number;
    entry.ids = { table, keywords: entry.rule.keywords.map(idOf), anchors: (entry.anchors ?? []).map(idOf) };
  }
  return entry.ids;
}

/**
 * Runs every provider and structural rule whose keyword occurs in the text and returns the raw
 * matches (the secret's exact offsets). Entropy, placeholder and rule-specific checks happen here;
 * merging overlaps and suppressions are the scanner's job.
 */
export function detectProviders(ctx: DetectContext): RawMatch[] {
  const entries = compiled();
  const pass = sharedPass(ctx);
  const hits: KeywordHits = { pass, windows: new Map() };
  const matches: RawMatch[] = [];
  for (const entry of entriesWithKeywordsIn(entries, pass)) runEntry(ctx, entry, hits, matches);
  return matches;
}

/** For one literal table: per word id, the indices of the entries that have the word as a keyword. */
let entriesByKeyword: { table: LiteralTable; byWord: number[][] } | undefined;

/**
 * The entries (in table order) with at least one keyword in the text, found from the words the pass saw
 * rather than by asking each of the ~300 rules: a typical file holds a handful of the keywords.
 */
function entriesWithKeywordsIn(entries: readonly Compiled[], pass: SharedHits): Compiled[] {
  if (entriesByKeyword?.table !== pass.table) {
    const byWord: number[][] = pass.table.words.map(() => []);
    entries.forEach((entry, index) => {
      for (const id of idsIn(entry, pass.table).keywords) if (byWord[id][byWord[id].length - 1] !== index) byWord[id].push(index);
    });
    entriesByKeyword = { table: pass.table, byWord };
  }
  const { byWord } = entriesByKeyword;
  const active = new Uint8Array(entries.length);
  const { positions } = pass;
  for (let id = 0; id < positions.length; id++) {
    if (positions[id].length === 0) continue;
    for (const index of byWord[id]) active[index] = 1;
  }
  const chosen: Compiled[] = [];
  for (let index = 0; index < entries.length; index++) if (active[index] === 1) chosen.push(entries[index]);
  return chosen;
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
  // The shared pass holds every rule's words (registered by compiled()), as in a real scan: a rule run
  // alone pays no keyword pass of its own, which a scan pays once for all rules.
  return runEntries(ctx, entries, { pass: sharedPass(ctx), windows: new Map() });
}

/** {@link detectWithRules} for one rule. */
export function detectWithRule(ctx: DetectContext, rule: ProviderRule): RawMatch[] {
  return detectWithRules(ctx, [rule]);
}

function runEntries(ctx: DetectContext, entries: readonly Compiled[], hits: KeywordHits): RawMatch[] {
  const matches: RawMatch[] = [];
  for (const entry of entries) runEntry(ctx, entry, hits, matches);
  return matches;
}

function runEntry(ctx: DetectContext, entry: Compiled, hits: KeywordHits, out: RawMatch[]): void {
  const { positions } = hits.pass;
  const ids = idsIn(entry, hits.pass.table);
  if (!ids.keywords.some((id) => positions[id].length > 0)) return;
  if (entry.lineScoped) {
    const present = entry.rule.keywords.filter((_, index) => positions[ids.keywords[index]].length > 0);
    for (const [from, to] of keywordWindows(ctx, hits, present)) runRule(ctx, entry, from, to, out);
  } else if (entry.anchors && entry.sticky) {
    runAnchored(ctx, entry, entry.sticky, mergeAscending(ids.anchors.map((id) => positions[id])), out);
  } else if (entry.schemeAnchored && entry.sticky) {
    runAnchored(ctx, entry, entry.sticky, schemeStarts(ctx.text, positionsOf(hits, '://').filter((at) => userInfoFollows(ctx.text, at))), out);
  } else {
    runRule(ctx, entry, 0, ctx.text.length, out);
  }
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
    if (m[0].length > 0) acceptMatch(ctx, entry, m, 0, out);
  }
}

/** A scheme character (`[A-Za-z0-9+.\-]`). */
function isSchemeChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46;
}

/**
 * Ascending offsets where a scheme-anchored match could start: for each `://`, the start of the run of
 * scheme characters ending there, when that run is 2 to {@link MAX_SCHEME_LENGTH} long and starts with
 * a letter. Runs before distinct `://` are disjoint, so the walk back is linear overall.
 */
function schemeStarts(text: string, separators: readonly number[]): number[] {
  const starts: number[] = [];
  for (const at of separators) {
    let start = at;
    while (start > 0 && at - start <= MAX_SCHEME_LENGTH && isSchemeChar(text.charCodeAt(start - 1))) start--;
    const length = at - start;
    if (length < 2 || length > MAX_SCHEME_LENGTH) continue;
    const first = text.charCodeAt(start) | 32;
    if (first >= 97 && first <= 122) starts.push(start);
  }
  return starts;
}

/** Longest `user:password` the scheme-anchored rules accept (128 + 1 + 256). */
const MAX_USER_INFO = 385;

/**
 * Whether an `@` follows the `://` at `separator` before anything that ends a URL's user info (whitespace,
 * `/`, quotes, `<`, `>`): a necessary condition for `scheme://user:password@`, checked before the regex
 * because most URLs in code (`https://example.com/…`) have no user info at all.
 */
function userInfoFollows(text: string, separator: number): boolean {
  const end = Math.min(text.length, separator + 3 + MAX_USER_INFO + 1);
  for (let at = separator + 3; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 64) return true;
    // Whitespace, ", ', /, <, >, `: none may appear before the `@`.
    if (code === 32 || (code >= 9 && code <= 13) || code === 34 || code === 39 || code === 47 || code === 60 || code === 62 || code === 96) return false;
  }
  return false;
}

/** Merged [start, end) windows covering each keyword's line and the few lines below it. */
function keywordWindows(ctx: DetectContext, hits: KeywordHits, keywords: string[]): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const keyword of keywords) windows.push(...windowsOf(ctx, hits, keyword));
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
function windowsOf(ctx: DetectContext, hits: KeywordHits, keyword: string): Array<[number, number]> {
  const cached = hits.windows.get(keyword);
  if (cached) return cached;
  const { text } = ctx;
  const length = keyword.length;
  const windows: Array<[number, number]> = [];
  let next = 0;
  for (const at of positionsOf(hits, keyword)) {
    // Later occurrences inside the last window add nothing (linear on long lines).
    if (at < next) continue;
    // Found by walking from the keyword rather than from the line-start table, which most files never need.
    const end = startOfLineBelow(text, at, LINES_BELOW + 1);
    windows.push([lineStartOf(text, at), end]);
    next = Math.max(end, at + length);
  }
  hits.windows.set(keyword, windows);
  return windows;
}

function runRule(ctx: DetectContext, entry: Compiled, from: number, to: number, out: RawMatch[]): void {
  const { pattern } = entry;
  const whole = from === 0 && to === ctx.text.length;
  const subject = whole ? ctx.text : ctx.text.slice(from, to);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(subject); m; m = pattern.exec(subject)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    acceptMatch(ctx, entry, m, from, out);
  }
}

/** Applies the entropy floor and the validator to one match (`from`: offset of the searched slice). */
function acceptMatch(ctx: DetectContext, entry: Compiled, m: RegExpExecArray, from: number, out: RawMatch[]): void {
  const group = entry.secretGroup;
  const value = m[group];
  if (value === undefined || value.length === 0) return;
  const start = from + m.index + offsetOfGroup(m, group);
  const end = start + value.length;
  if (entry.minEntropy >= 0 && shannonEntropy(value) < entry.minEntropy) return;
  if (entry.validate && !entry.validate(value, { text: ctx.text, start, end, fileName: ctx.fileName })) return;
  out.push({ ruleId: entry.id, start, end });
}

/** Offset of a capture group inside its match, from the `d` flag's indices (text search as a fallback). */
function offsetOfGroup(match: RegExpExecArray, group: number): number {
  if (group === 0) return 0;
  const span = match.indices?.[group];
  if (span) return span[0] - match.index;
  return match[0].lastIndexOf(match[group]);
}
