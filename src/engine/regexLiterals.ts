/**
 * Reads the literal text every match of a regular expression must begin with, from its source.
 * The provider detector uses it to try a rule's pattern only where one of these literals occurs
 * instead of at every position of the text. The reading is conservative: whatever it does not
 * understand ends the literal (or yields `undefined`), so the literals are always a true prefix.
 */

/** More alternatives than this (from classes like `[Bb]` or groups like `(?:a|b)`) are not worth it. */
const MAX_ALTERNATIVES = 16;
/** Classes with more members than this end the literal. */
const MAX_CLASS_MEMBERS = 4;
const SPECIAL = '\\^$.|?*+()[]{}';

/**
 * The strings that every match of the pattern `source` starts with (any one of them), lower-cased,
 * or `undefined` when no such prefix of at least `minLength` characters can be read. Zero-width
 * assertions at the start (`(?<![A-Za-z0-9_])`, `(?!…)`, `\b`, `^`) are skipped: they only narrow
 * where a match may start.
 */
export function leadingLiterals(source: string, minLength = 2): string[] | undefined {
  if (hasTopLevelBar(source, 0, source.length)) return undefined;
  let i = 0;
  for (;;) {
    if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
    else if (source[i] === '^') i += 1;
    else if (/^\(\?<?[!=]/.test(source.slice(i, i + 4))) {
      const close = closingParen(source, i);
      if (close < 0) return undefined;
      i = close + 1;
    } else break;
  }
  const { alternatives } = readSequence(source, i, source.length);
  if (alternatives.some((alternative) => alternative.length < minLength)) return undefined;
  return [...new Set(alternatives.map((alternative) => alternative.toLowerCase()))];
}

interface Sequence {
  alternatives: string[];
  /** True when the whole range [from, to) was read as literals. */
  complete: boolean;
}

/** Literal alternatives of the longest readable prefix of source[from, to). */
function readSequence(source: string, from: number, to: number): Sequence {
  let alternatives = [''];
  let i = from;
  while (i < to) {
    const atom = readAtom(source, i, to);
    if (!atom || isQuantifier(source[atom.end])) return { alternatives, complete: false };
    const combined = atom.options.length === 1 ? alternatives.map((a) => a + atom.options[0]) : cross(alternatives, atom.options);
    if (combined.length > MAX_ALTERNATIVES) return { alternatives, complete: false };
    alternatives = combined;
    i = atom.end;
    if (!atom.complete) return { alternatives, complete: false };
  }
  return { alternatives, complete: true };
}

interface Atom {
  options: string[];
  end: number;
  /** False when only a prefix of a group could be read: nothing after the group may be appended. */
  complete: boolean;
}

/** One literal character, small class or group at `i`, or undefined when it is not literal. */
function readAtom(source: string, i: number, to: number): Atom | undefined {
  const c = source[i];
  if (c === '\\') {
    const next = source[i + 1];
    if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
    return { options: [next], end: i + 2, complete: true };
  }
  if (c === '[') return readClass(source, i);
  if (c === '(') return readGroup(source, i, to);
  if (SPECIAL.includes(c)) return undefined;
  return { options: [c], end: i + 1, complete: true };
}

/** `[Bb]`, `[pciark]`: a few plain characters, no ranges or negation. */
function readClass(source: string, i: number): Atom | undefined {
  const members: string[] = [];
  let j = i + 1;
  if (source[j] === '^') return undefined;
  while (j < source.length && source[j] !== ']') {
    if (source[j] === '\\') {
      const next = source[j + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      members.push(next);
      j += 2;
    } else {
      if (source[j] === '-' || source[j] === '[') return undefined;
      members.push(source[j]);
      j++;
    }
  }
  if (j >= source.length || members.length === 0 || members.length > MAX_CLASS_MEMBERS) return undefined;
  return { options: members, end: j + 1, complete: true };
}

/** `(?:a|b)`, `(x…)`: the literals a group's matches start with (whole branches when they are literal). */
function readGroup(source: string, i: number, to: number): Atom | undefined {
  const close = closingParen(source, i);
  if (close < 0 || close >= to) return undefined;
  let start: number;
  if (source.startsWith('(?:', i)) start = i + 3;
  else if (source[i + 1] === '?') return undefined; // lookarounds and named groups
  else start = i + 1;
  if (!hasTopLevelBar(source, start, close)) {
    const inner = readSequence(source, start, close);
    return { options: inner.alternatives, end: close + 1, complete: inner.complete };
  }
  // Each branch gives the literals its matches start with; a branch read only in part ends the literal here.
  const options: string[] = [];
  let complete = true;
  for (const [from, end] of topLevelBranches(source, start, close)) {
    const branch = readSequence(source, from, end);
    complete &&= branch.complete;
    options.push(...branch.alternatives);
  }
  return { options, end: close + 1, complete };
}

function isQuantifier(c: string | undefined): boolean {
  return c === '?' || c === '*' || c === '+' || c === '{';
}

function cross(prefixes: string[], suffixes: string[]): string[] {
  return prefixes.flatMap((prefix) => suffixes.map((suffix) => prefix + suffix));
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` ending the class opened at `open` (escapes and a leading `]` handled). */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** [from, to) ranges of the `|`-separated branches at depth 0 of source[from, to). */
function topLevelBranches(source: string, from: number, to: number): Array<[number, number]> {
  const branches: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push([start, i]);
      start = i + 1;
    }
  }
  branches.push([start, to]);
  return branches;
}

function hasTopLevelBar(source: string, from: number, to: number): boolean {
  return topLevelBranches(source, from, to).length > 1;
}

/** Whether source[from, to) opens a capturing group (`(` not followed by `?`), outside escapes and classes. */
function hasCapturingGroup(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(' && source[i + 1] !== '?') return true;
  }
  return false;
}

/** The end (exclusive) of the zero-width assertions `(?<!…)`, `(?<=…)`, `(?!…)`, `(?=…)` in a row from `i`, or -1. */
function skipAssertions(source: string, i: number): number {
  while (/^\(\?<?[!=]/.test(source.slice(i, i + 4))) {
    const close = closingParen(source, i);
    if (close < 0 || hasCapturingGroup(source, i, close)) return -1;
    i = close + 1;
  }
  return i;
}

/**
 * Whether capture group 1 of the pattern `source` always spans the whole match: the source is zero-width
 * assertions, then group 1 (not quantified), then zero-width assertions, and nothing else. Such a rule needs
 * no match indices (the `d` flag, which makes every match cost about twice as much) to place its secret.
 */
export function groupOneIsWholeMatch(source: string): boolean {
  if (hasTopLevelBar(source, 0, source.length)) return false;
  const open = skipAssertions(source, 0);
  if (open < 0 || source[open] !== '(' || source[open + 1] === '?') return false;
  const close = closingParen(source, open);
  if (close < 0 || isQuantifier(source[close + 1])) return false;
  return skipAssertions(source, close + 1) === source.length;
}
