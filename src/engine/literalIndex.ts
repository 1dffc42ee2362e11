import { leadingLiterals } from './regexLiterals';

/**
 * Finds where literal words (rule keywords, the literals patterns start with) occur in a text, for
 * all of them in one pass over the text instead of one search per word or per regex. Matching is
 * ASCII case-insensitive and works on the text as given: no lower-cased copy is made (on two-byte
 * strings that copy cost as much as the pass), and offsets are the text's own.
 * Detectors register their words once; the first request for a text runs the pass for every
 * registered word and later requests for the same text reuse it.
 */

/** Folded character codes: A-Z to a-z, other ASCII as is, everything else to 127, which no word holds. */
const FOLD = (() => {
  const fold = new Uint8Array(65536).fill(127);
  for (let code = 0; code < 128; code++) fold[code] = code >= 65 && code <= 90 ? code + 32 : code;
  return fold;
})();

/**
 * Bits per character in the head key: three characters make a 15-bit key, and the head table (64 KB)
 * stays in the processor's cache between files.
 */
const CODE_BITS = 5;
const CODE_COUNT = 1 << CODE_BITS;
const HEAD_MASK = (1 << (3 * CODE_BITS)) - 1;

/** Words bucketed by their first three characters. */
export interface LiteralTable {
  words: string[];
  idOf: Map<string, number>;
  /**
   * Per character of the text, a 5-bit code: 1 to 31 for the characters the words use (either case),
   * 0 for all others. Three codes make the head key exactly, so a head match is a true match of the
   * first three characters unless the rarer characters that share code 31 are involved.
   */
  codes: Uint8Array;
  /** Head key (`a << 10 | b << 5 | c`, rolled along the text) -> 1 + index into `buckets` (0: no word starts so). */
  heads: Uint16Array;
  buckets: number[][];
  /**
   * Per bucket (same 1-based index as `heads`), a bit per `code & 31` of the words' fourth characters
   * (all bits when a word has fewer than four): most positions whose head matches are ruled out by it.
   */
  fourth: Int32Array;
  /**
   * Per word id, how many of its first characters a head match already proves (those whose code is
   * theirs alone, up to three): verification compares from there.
   */
  proven: Uint8Array;
}

/** A word the pass can find: printable ASCII, lower-case. */
function isFoldedAscii(word: string): boolean {
  return /^[\x20-\x7e]+$/.test(word) && word === word.toLowerCase();
}

/**
 * The character codes for `words`: each distinct character, in both cases, gets its own code while codes
 * last, the most frequent in the words first (letters, mostly); the rest share the last code.
 */
function characterCodes(words: readonly string[]): Uint8Array {
  const counts = new Map<number, number>();
  for (const word of words) for (let k = 0; k < word.length; k++) counts.set(word.charCodeAt(k), (counts.get(word.charCodeAt(k)) ?? 0) + 1);
  const codes = new Uint8Array(65536);
  const byFrequency = [...counts.keys()].sort((x, y) => counts.get(y)! - counts.get(x)! || x - y);
  byFrequency.forEach((char, index) => {
    const code = Math.min(index + 1, CODE_COUNT - 1);
    codes[char] = code;
    if (char >= 97 && char <= 122) codes[char - 32] = code;
  });
  return codes;
}

/**
 * A table for `words` (lower-case printable ASCII; duplicates ignored). A word shorter than three
 * characters (`sk`) goes in the bucket of every character it may be followed by (code 0 also stands for
 * the end of the text), so one lookup per position serves every word.
 */
export function buildLiteralTable(words: Iterable<string>): LiteralTable {
  const unique = [...new Set(words)];
  const bad = unique.find((word) => word.length === 0 || !isFoldedAscii(word));
  if (bad !== undefined) throw new Error(`literal ${JSON.stringify(bad)} is not lower-case printable ASCII`);
  const codes = characterCodes(unique);
  const table: LiteralTable = {
    words: unique, idOf: new Map(unique.map((word, id) => [word, id])), codes, heads: new Uint16Array(HEAD_MASK + 1), buckets: [], fourth: new Int32Array(0),
    proven: new Uint8Array(unique.length),
  };
  const place = (key: number, id: number): void => {
    if (table.heads[key] === 0) {
      if (table.buckets.length >= 65535) throw new Error('too many literal buckets');
      table.heads[key] = table.buckets.push([]);
    }
    const bucket = table.buckets[table.heads[key] - 1];
    if (!bucket.includes(id)) bucket.push(id);
  };
  unique.forEach((word, id) => {
    let proven = 0;
    while (proven < Math.min(3, word.length) && codes[word.charCodeAt(proven)] < CODE_COUNT - 1) proven++;
    table.proven[id] = proven;
    const a = codes[word.charCodeAt(0)] << (2 * CODE_BITS);
    if (word.length === 1) {
      for (let x = 0; x < CODE_COUNT * CODE_COUNT; x++) place(a | x, id);
    } else if (word.length === 2) {
      const b = codes[word.charCodeAt(1)] << CODE_BITS;
      for (let x = 0; x < CODE_COUNT; x++) place(a | b | x, id);
    } else {
      place(a | (codes[word.charCodeAt(1)] << CODE_BITS) | codes[word.charCodeAt(2)], id);
    }
  });
  table.fourth = new Int32Array(table.buckets.length + 1);
  table.buckets.forEach((bucket, index) => {
    for (const id of bucket) {
      const word = unique[id];
      table.fourth[index + 1] |= word.length < 4 ? -1 : 1 << (codes[word.charCodeAt(3)] & 31);
    }
  });
  return table;
}

/** Shared, frozen "no occurrence" list: most words do not occur in a given text. */
const NONE: number[] = Object.freeze([]) as unknown as number[];

/**
 * Every occurrence (overlapping ones too) of every word of the table in `text`, ASCII case-insensitively,
 * ascending, by word id. Words that do not occur share one frozen empty list.
 */
export function findLiterals(text: string, table: LiteralTable): number[][] {
  const { heads, fourth, codes } = table;
  const positions: number[][] = new Array<number[]>(table.words.length).fill(NONE);
  const n = text.length;
  if (n === 0) return positions;
  const last = n - 3;
  let key = (codes[text.charCodeAt(0)] << CODE_BITS) | (n > 1 ? codes[text.charCodeAt(1)] : 0);
  // Hot loop (every character of every scanned file): the key rolls and is inlined on purpose, each
  // character is read once (the fourth character's code becomes the next position's third: half the
  // charCodeAt calls, twice as fast), and the last three positions, whose look-ahead runs past the end,
  // are left to the loop below.
  let i = 0;
  if (last > 0) {
    let third = codes[text.charCodeAt(2)];
    for (; i < last; i++) {
      const fourthCode = codes[text.charCodeAt(i + 3)];
      key = ((key << CODE_BITS) | third) & HEAD_MASK;
      const head = heads[key];
      if (head !== 0 && ((fourth[head] >>> fourthCode) & 1) === 1) verifyBucket(text, table, head, i, positions);
      third = fourthCode;
    }
  }
  for (; i < n; i++) {
    key = ((key << CODE_BITS) | (i + 2 < n ? codes[text.charCodeAt(i + 2)] : 0)) & HEAD_MASK;
    const head = heads[key];
    if (head !== 0) verifyBucket(text, table, head, i, positions);
  }
  return positions;
}

/** Records each word of bucket `head` that occurs at `i` (compared folded, character by character). */
function verifyBucket(text: string, table: LiteralTable, head: number, i: number, positions: number[][]): void {
  const bucket = table.buckets[head - 1];
  const n = text.length;
  for (let j = 0; j < bucket.length; j++) {
    const id = bucket[j];
    const word = table.words[id];
    const length = word.length;
    if (i + length > n) continue;
    let k = table.proven[id];
    while (k < length && FOLD[text.charCodeAt(i + k)] === word.charCodeAt(k)) k++;
    if (k < length) continue;
    if (positions[id] === NONE) positions[id] = [i];
    else positions[id].push(i);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The shared pass

const registered = new Set<string>();
let sharedTable: LiteralTable | undefined;

/** Adds words (lower-case printable ASCII) to the shared pass. Best done at load time, before the first scan. */
export function registerLiterals(words: Iterable<string>): void {
  for (const word of words) {
    if (!registered.has(word)) {
      if (word.length === 0 || !isFoldedAscii(word)) throw new Error(`literal ${JSON.stringify(word)} is not lower-case printable ASCII`);
      registered.add(word);
      sharedTable = undefined;
    }
  }
}

/** What a pass found in one text, with the table it used (`positions` by the table's word ids). */
export interface SharedHits {
  table: LiteralTable;
  positions: number[][];
}

const hitsByText = new WeakMap<object, SharedHits>();

/**
 * The shared pass over `source.text`: run on the first request for a context object, and again only if
 * words were registered since. Callers checking many words look them up by id in `table`.
 */
export function sharedPass(source: { text: string }): SharedHits {
  let hits = source === lastSource ? lastHits : hitsByText.get(source);
  sharedTable ??= buildLiteralTable(registered);
  if (!hits || hits.table !== sharedTable) {
    hits = { table: sharedTable, positions: findLiterals(source.text, sharedTable) };
    hitsByText.set(source, hits);
  }
  lastSource = source;
  lastHits = hits;
  return hits;
}

/** The last context asked about (most requests in a row are for the same one). */
let lastSource: object | undefined;
let lastHits: SharedHits | undefined;

/**
 * Ascending offsets, in `source.text` (ASCII case-insensitively), of every occurrence of `word`
 * (registered on the fly if it was not, which reruns the pass once).
 */
export function literalPositions(source: { text: string }, word: string): number[] {
  let hits = sharedPass(source);
  let id = hits.table.idOf.get(word);
  if (id === undefined) {
    registerLiterals([word]);
    hits = sharedPass(source);
    id = hits.table.idOf.get(word) as number;
  }
  return hits.positions[id];
}

/** `source.text.toLowerCase().includes(word)` for ASCII words, answered from the shared pass (`word` lower-case, non-empty). */
export function occursIn(source: { text: string }, word: string): boolean {
  return literalPositions(source, word).length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Regular expressions tried only where their leading literals occur

/** A global pattern prepared by {@link anchoredPattern}. */
export interface AnchoredPattern {
  regex: RegExp;
  /** Lower-cased literals every match starts with, when they could be read from the source. */
  anchors?: string[];
  /** The pattern with `y`, tried at the anchors' occurrences. */
  sticky?: RegExp;
}

/** Prepares a global regex for {@link forEachMatch} and registers its leading literals for the shared pass. */
export function anchoredPattern(regex: RegExp): AnchoredPattern {
  const global = regex.flags.includes('g') ? regex : new RegExp(regex.source, `${regex.flags}g`);
  const anchors = leadingLiterals(regex.source);
  // Non-ASCII literals could change length or meaning when lower-cased: such patterns scan the whole text.
  if (!anchors || !anchors.every((anchor) => /^[\x20-\x7e]+$/.test(anchor))) return { regex: global };
  registerLiterals(anchors);
  return { regex: global, anchors, sticky: new RegExp(regex.source, `${global.flags}y`) };
}

/**
 * Calls `visit` with the same matches, in the same order, as `regex.exec` in a global loop over
 * `source.text` (an empty match advancing by one). With anchors, the sticky pattern is tried only at
 * their occurrences past the previous match: every match starts at one, so the first success is the
 * leftmost match a global search would return.
 */
export function forEachMatch(source: { text: string }, pattern: AnchoredPattern, visit: (m: RegExpExecArray) => void): void {
  const { text } = source;
  const { anchors, sticky } = pattern;
  if (!anchors || !sticky) {
    const regex = pattern.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      visit(m);
    }
    return;
  }
  let next = 0;
  for (const at of anchorOffsets(source, anchors)) {
    if (at < next) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    next = m[0].length === 0 ? at + 1 : at + m[0].length;
    visit(m);
  }
}

const prepared = new WeakMap<RegExp, AnchoredPattern>();

/**
 * The matches a global `regex.exec` loop over `source.text` returns, found with {@link forEachMatch}.
 * Pass a pattern prepared with {@link anchoredPattern} at module load; a bare RegExp is prepared on its
 * first use (once per RegExp object), and registering its literals then reruns that scan's keyword pass.
 */
export function matchesOf(source: { text: string }, regexOrPattern: RegExp | AnchoredPattern): RegExpExecArray[] {
  let pattern = regexOrPattern instanceof RegExp ? prepared.get(regexOrPattern) : regexOrPattern;
  if (!pattern) {
    const regex = regexOrPattern as RegExp;
    pattern = anchoredPattern(regex);
    prepared.set(regex, pattern);
  }
  const matches: RegExpExecArray[] = [];
  forEachMatch(source, pattern, (m) => matches.push(m));
  return matches;
}

/**
 * What the global alternation `words.join('|')` finds in the lower-cased text, by word: at each offset the
 * first listed word that occurs there, no two hits overlapping. Merged from the shared literal pass's
 * ascending lists of each word, so no list of every hit is built or sorted.
 */
export function alternationHits(ctx: { text: string }, words: readonly string[]): Map<string, number[]> {
  const lists: number[][] = [];
  const wordOfList: string[] = [];
  for (const word of words) {
    const positions = literalPositions(ctx, word);
    if (positions.length === 0) continue;
    lists.push(positions);
    wordOfList.push(word);
  }
  // Occurrences inside an earlier hit are dropped; they are rare, so each word's list of occurrences is
  // handed out as it is (dense files hold 100,000 of them) unless one of its own was dropped.
  const dropped: Array<Set<number> | undefined> = [];
  let consumed = 0;
  forEachAscending(lists, (at, list) => {
    if (at < consumed) {
      (dropped[list] ??= new Set()).add(at);
      return;
    }
    consumed = at + wordOfList[list].length;
  });
  const hits = new Map<string, number[]>();
  lists.forEach((positions, list) => {
    const skip = dropped[list];
    const kept = skip ? positions.filter((at) => !skip.has(at)) : positions;
    if (kept.length > 0) hits.set(wordOfList[list], kept);
  });
  return hits;
}

/**
 * Calls `visit` with every offset of the ascending lists, in ascending order, and the index of its list;
 * an offset in several lists comes once per list, lowest index first. A merge of the few lists, with no
 * combined list built and sorted.
 */
export function forEachAscending(lists: readonly number[][], visit: (offset: number, list: number) => void): void {
  if (lists.length === 1) {
    for (const offset of lists[0]) visit(offset, 0);
    return;
  }
  const next = new Array<number>(lists.length).fill(0);
  for (;;) {
    let best = -1;
    let bestOffset = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l];
      if (next[l] < list.length && list[next[l]] < bestOffset) {
        bestOffset = list[next[l]];
        best = l;
      }
    }
    if (best < 0) return;
    next[best]++;
    visit(bestOffset, best);
  }
}

/** True when `alternationHits` can stand for the regex: distinct plain words, at most 64 of them. */
export function isWordAlternation(regex: RegExp): boolean {
  const words = regex.source.split('|');
  return regex.flags.replace(/[gd]/g, '') === '' && words.length <= 64 && new Set(words).size === words.length &&
    words.every((word) => /^[a-z0-9_-]+$/.test(word));
}

/** Ascending, distinct offsets where one of the anchors occurs. */
export function anchorOffsets(source: { text: string }, anchors: readonly string[]): number[] {
  return mergeAscending(anchors.map((anchor) => literalPositions(source, anchor)));
}

/** Ascending, distinct union of ascending lists. */
export function mergeAscending(lists: readonly number[][]): number[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const all = nonEmpty.flat().sort((a, b) => a - b);
  return all.filter((at, index) => index === 0 || at !== all[index - 1]);
}
