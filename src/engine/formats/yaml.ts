import * as yaml from 'js-yaml';
import type { KeyValueEntry, Structure } from './types';

/**
 * Above this size the js-yaml syntax check is skipped: it costs several times the position scanner, and the
 * editor rescans on every keystroke. The scanner alone is tolerant and linear.
 */
const VALIDATE_LIMIT = 100_000;

interface Frame {
  indent: number;
  key: string;
  seq: boolean;
  seqCount: number;
}

interface PendingBlock {
  key: string;
  keyPath: string;
  keyStart: number;
  ownerIndent: number;
  folded: boolean;
  tag?: string;
  contentIndent: number;
  start: number;
  end: number;
  lines: string[];
}

/**
 * Parses YAML into key/value entries with exact value offsets. Positions come from an indentation-aware
 * scanner (js-yaml's public API exposes no node positions); js-yaml itself validates the syntax so that a
 * broken file is reported as malformed. Handles multi-document streams, block scalars (`|`, `>`), quoted
 * and plain scalars, anchors and tags, sequences (also indentless) and flow collections.
 */
export function parseYaml(text: string): Structure {
  const scanner = new YamlScanner(text);
  let entries: KeyValueEntry[] = [];
  let note: string | undefined;
  let malformed = false;
  try {
    entries = scanner.run();
  } catch (error) {
    malformed = true;
    note = `YAML scan stopped: ${error instanceof Error ? error.message : String(error)}`;
    entries = scanner.entries;
  }
  if (!malformed && text.length <= VALIDATE_LIMIT) {
    const problem = yamlSyntaxProblem(text);
    if (problem) {
      malformed = true;
      note = problem;
    }
  }
  return { format: 'yaml', entries, malformed, note };
}

/** js-yaml's verdict on the text, ignoring custom tags (CloudFormation `!Ref`, Ansible `!vault`) it cannot know. */
function yamlSyntaxProblem(text: string): string | undefined {
  try {
    yaml.loadAll(text, () => undefined, { json: true });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unknown tag/i.test(message)) return undefined;
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? ` at line ${mark.line + 1}` : '';
    const reason = (error as { reason?: string }).reason ?? message.split('\n')[0];
    return `YAML parse error${line}: ${reason}`;
  }
}

function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9;
}

class YamlScanner {
  readonly entries: KeyValueEntry[] = [];
  private frames: Frame[] = [];
  private rootSeqCount = 0;
  private block: PendingBlock | undefined;
  /** Offset up to which lines were consumed by a multi-line flow collection or quoted scalar. */
  private skipUntil = -1;

  constructor(private readonly text: string) {}

  run(): KeyValueEntry[] {
    const text = this.text;
    const n = text.length;
    let pos = 0;
    while (pos <= n) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      let lineEnd = eol;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (eol >= this.skipUntil) this.line(pos, lineEnd);
      if (eol >= n) break;
      pos = eol + 1;
    }
    this.finishBlock();
    return this.entries;
  }

  private line(pos: number, lineEnd: number): void {
    const text = this.text;
    let i = pos;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    if (this.block) {
      if (i >= lineEnd) return;
      if (i - pos > this.block.ownerIndent) {
        this.extendBlock(pos, i, lineEnd);
        return;
      }
      this.finishBlock();
    }
    if (i < this.skipUntil) return;
    if (i >= lineEnd) return;
    const ch = text[i];
    if (ch === '#') return;
    if (i === pos && (text.startsWith('---', i) || text.startsWith('...', i)) &&
      (i + 3 >= lineEnd || isBlank(text.charCodeAt(i + 3)))) {
      this.frames = [];
      this.rootSeqCount = 0;
      return;
    }
    if (i === pos && ch === '%') return;
    this.node(pos, i, lineEnd);
  }

  private node(lineStart: number, start: number, lineEnd: number): void {
    const text = this.text;
    let i = start;
    let indent = i - lineStart;
    let fromDash = false;
    while (text[i] === '-' && (i + 1 >= lineEnd || isBlank(text.charCodeAt(i + 1)))) {
      this.popForSequenceItem(indent);
      const parent = this.frames[this.frames.length - 1];
      const index = parent ? parent.seqCount++ : this.rootSeqCount++;
      this.frames.push({ indent, key: `[${index}]`, seq: true, seqCount: 0 });
      i++;
      while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
      fromDash = true;
      if (i >= lineEnd || text[i] === '#') return;
      indent = i - lineStart;
    }
    const key = this.readKey(i, lineEnd);
    if (!key) {
      if (fromDash) this.sequenceScalar(i, lineEnd, indent);
      return;
    }
    this.popIndentedAtLeast(indent);
    const keyPath = this.pathWith(key.name);
    this.value(key.valueStart, lineEnd, key.name, keyPath, indent, i);
  }

  /** A scalar directly in a sequence: named after the sequence's own key (`environment`, `args`). */
  private sequenceScalar(i: number, lineEnd: number, indent: number): void {
    const seqFrame = this.frames[this.frames.length - 1];
    const owner = this.frames[this.frames.length - 2];
    const name = owner && !owner.seq ? owner.key : seqFrame?.key ?? '';
    this.value(i, lineEnd, name, this.pathWith(undefined), indent - 2, i, true);
  }

  private readKey(i: number, lineEnd: number): { name: string; valueStart: number } | undefined {
    const text = this.text;
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = findQuoteEnd(text, i, lineEnd);
      if (close < 0) return undefined;
      let j = close + 1;
      while (j < lineEnd && isBlank(text.charCodeAt(j))) j++;
      if (text[j] !== ':' || (j + 1 < lineEnd && !isBlank(text.charCodeAt(j + 1)))) return undefined;
      const raw = text.slice(i + 1, close);
      return { name: ch === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'"), valueStart: j + 1 };
    }
    if (ch === '[' || ch === '{' || ch === '&' || ch === '*' || ch === '!' || ch === '|' || ch === '>' ||
      ch === '?' || ch === '@' || ch === '`') {
      return undefined;
    }
    for (let j = i; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (c === 58 /* : */ && (j + 1 >= lineEnd || isBlank(text.charCodeAt(j + 1)))) {
        const name = text.slice(i, j).trimEnd();
        return name ? { name, valueStart: j + 1 } : undefined;
      }
      if (c === 35 /* # */ && j > i && isBlank(text.charCodeAt(j - 1))) return undefined;
    }
    return undefined;
  }

  private value(
    start: number, lineEnd: number, key: string, keyPath: string, indent: number, keyStart: number, inSequence = false,
  ): void {
    const text = this.text;
    let i = start;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    let tag: string | undefined;
    for (let guard = 0; guard < 3 && i < lineEnd; guard++) {
      const ch = text[i];
      if (ch === '&') {
        while (i < lineEnd && !isBlank(text.charCodeAt(i))) i++;
      } else if (ch === '!') {
        const tagStart = i;
        while (i < lineEnd && !isBlank(text.charCodeAt(i))) i++;
        const found = text.slice(tagStart, i);
        if (!found.startsWith('!!')) tag = found;
      } else {
        break;
      }
      while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    }
    if (i >= lineEnd || text[i] === '#') {
      if (!inSequence) this.frames.push({ indent, key, seq: false, seqCount: 0 });
      else if (tag) this.push({ key, keyPath, value: '', valueStart: i, valueEnd: i, quoted: false, tag, keyStart });
      return;
    }
    const ch = text[i];
    if (ch === '*') return;
    if (ch === '|' || ch === '>') {
      this.block = {
        key, keyPath, keyStart, ownerIndent: indent, folded: ch === '>', tag, contentIndent: -1, start: -1, end: -1, lines: [],
      };
      return;
    }
    if (ch === '"' || ch === "'") {
      const close = findQuoteEnd(text, i, text.length);
      if (close < 0) {
        this.push({ key, keyPath, value: text.slice(i + 1, lineEnd), valueStart: i + 1, valueEnd: lineEnd, quoted: true, tag, keyStart });
        return;
      }
      const raw = text.slice(i + 1, close);
      const value = ch === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'");
      this.push({ key, keyPath, value: value.replace(/\s*\n\s*/g, ' '), valueStart: i + 1, valueEnd: close, quoted: true, tag, keyStart });
      if (close > lineEnd) this.skipUntil = close + 1;
      return;
    }
    if (ch === '{' || ch === '[') {
      const end = parseFlow(text, i, keyPath, key, (entry) => this.push(entry));
      if (end > lineEnd) this.skipUntil = end;
      return;
    }
    let end = lineEnd;
    for (let j = i; j < lineEnd; j++) {
      if (text.charCodeAt(j) === 35 && isBlank(text.charCodeAt(j - 1))) {
        end = j;
        break;
      }
    }
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
    // Built directly in its final shape (without `tag` when there is none): the usual entry, one per line.
    if (tag === undefined) this.entries.push({ key, keyPath, value: text.slice(i, end), valueStart: i, valueEnd: end, quoted: false, keyStart });
    else this.entries.push({ key, keyPath, value: text.slice(i, end), valueStart: i, valueEnd: end, quoted: false, tag, keyStart });
  }

  private extendBlock(lineStart: number, contentStart: number, lineEnd: number): void {
    const block = this.block!;
    if (block.contentIndent < 0) {
      block.contentIndent = contentStart - lineStart;
      block.start = contentStart;
    }
    let end = lineEnd;
    while (end > contentStart && isBlank(this.text.charCodeAt(end - 1))) end--;
    block.end = end;
    block.lines.push(this.text.slice(Math.min(lineStart + block.contentIndent, contentStart), end));
  }

  private finishBlock(): void {
    const block = this.block;
    this.block = undefined;
    if (!block) return;
    if (block.start < 0) {
      this.push({ key: block.key, keyPath: block.keyPath, value: '', valueStart: block.end, valueEnd: block.end, quoted: false, tag: block.tag, keyStart: block.keyStart });
      return;
    }
    const value = block.lines.join(block.folded ? ' ' : '\n');
    this.push({
      key: block.key, keyPath: block.keyPath, value, valueStart: block.start, valueEnd: block.end, quoted: false,
      tag: block.tag, keyStart: block.keyStart,
    });
  }

  private push(entry: KeyValueEntry): void {
    if (entry.tag === undefined) {
      // Copy rather than `delete`: deleting a property drops the object into slow dictionary mode.
      const { tag: _unused, ...rest } = entry;
      this.entries.push(rest);
    } else {
      this.entries.push(entry);
    }
  }

  // The two ways frames are closed, as plain loops: a predicate closure per line would be allocated for
  // every line of the file.

  /** Closes the frames a sequence item at `indent` ends: deeper ones, and a sequence at the same indent. */
  private popForSequenceItem(indent: number): void {
    const frames = this.frames;
    for (let top = frames[frames.length - 1]; top && (top.indent > indent || (top.indent === indent && top.seq)); top = frames[frames.length - 1]) frames.pop();
  }

  /** Closes the frames a key at `indent` ends: those at that indent or deeper. */
  private popIndentedAtLeast(indent: number): void {
    const frames = this.frames;
    while (frames.length && frames[frames.length - 1].indent >= indent) frames.pop();
  }

  private pathWith(key: string | undefined): string {
    let path = '';
    for (const frame of this.frames) path = joinPath(path, frame.key);
    return key === undefined ? path : joinPath(path, key);
  }
}

/** Joins a path and a key: `a` + `b` -> `a.b`, `a` + `[0]` -> `a[0]`. */
export function joinPath(path: string, key: string): string {
  if (!path) return key;
  return key.startsWith('[') ? path + key : `${path}.${key}`;
}

/** Offset of the closing quote of a quoted scalar starting at `open`, or -1. Double quotes honour `\` escapes. */
function findQuoteEnd(text: string, open: number, limit: number): number {
  const quote = text.charCodeAt(open);
  // Without any later quote there is nothing to find: answer at once so unclosed quotes stay linear.
  if (text.lastIndexOf(text[open], limit - 1) <= open) return -1;
  for (let j = open + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (quote === 34 && c === 92) {
      j++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) {
        j++;
        continue;
      }
      return j;
    }
    // A single-line search stops at the line end; multi-line quoted scalars are searched by the caller's limit.
    if (c === 10 && limit !== text.length) return -1;
  }
  return -1;
}

/** Resolves the common escapes of YAML/JSON double-quoted strings. */
export function unescapeDouble(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_all, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    switch (code) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': return '\0';
      default: return code;
    }
  });
}

interface FlowContainer {
  seq: boolean;
  path: string;
  key: string;
  index: number;
  pendingKey?: string;
  pendingKeyStart?: number;
}

/**
 * Parses a YAML flow collection (`{a: 1, b: [x, y]}`) starting at `start`, possibly over several lines,
 * emitting an entry per scalar. Returns the offset just past the closing bracket (or where it gave up).
 */
function parseFlow(
  text: string, start: number, basePath: string, baseKey: string, emit: (entry: KeyValueEntry) => void,
): number {
  const stack: FlowContainer[] = [];
  const limit = Math.min(text.length, start + 200_000);
  let i = start;
  const emitScalar = (value: string, from: number, to: number, quoted: boolean): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.seq) {
      const path = `${top.path}[${top.index}]`;
      emit({ key: top.key, keyPath: path, value, valueStart: from, valueEnd: to, quoted });
    } else if (top.pendingKey !== undefined) {
      emit({ key: top.pendingKey, keyPath: joinPath(top.path, top.pendingKey), value, valueStart: from, valueEnd: to, quoted, keyStart: top.pendingKeyStart });
      top.pendingKey = undefined;
    }
  };
  const childPath = (): { path: string; key: string } => {
    const top = stack[stack.length - 1];
    if (!top) return { path: basePath, key: baseKey };
    if (top.seq) return { path: `${top.path}[${top.index}]`, key: top.key };
    const key = top.pendingKey ?? '';
    top.pendingKey = undefined;
    return { path: joinPath(top.path, key), key };
  };
  while (i < limit) {
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const { path, key } = childPath();
      stack.push({ seq: ch === '[', path, key, index: 0 });
      i++;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      i++;
      if (stack.length === 0) return i;
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.seq) top.index++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i < limit && text[i] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      const close = findQuoteEnd(text, i, limit);
      if (close < 0) return limit;
      const raw = text.slice(i + 1, close);
      const value = ch === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'");
      i = scalarOrKey(value, i + 1, close, true, close + 1);
    } else {
      let j = i;
      while (j < limit) {
        const c = text[j];
        if (c === ',' || c === ']' || c === '}' || c === '\n' || c === '\r') break;
        if (c === ':' && /[\s,\]}]/.test(text[j + 1] ?? ' ')) break;
        if (c === '#' && /\s/.test(text[j - 1] ?? '')) break;
        j++;
      }
      let end = j;
      while (end > i && /\s/.test(text[end - 1])) end--;
      i = end > i ? scalarOrKey(text.slice(i, end), i, end, false, j) : j + 1;
    }
  }
  return i;

  function scalarOrKey(value: string, from: number, to: number, quoted: boolean, next: number): number {
    let j = next;
    while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
    const top = stack[stack.length - 1];
    if (text[j] === ':' && top && !top.seq) {
      top.pendingKey = value;
      top.pendingKeyStart = quoted ? from - 1 : from;
      return j + 1;
    }
    emitScalar(value, from, to, quoted);
    return next;
  }
}
