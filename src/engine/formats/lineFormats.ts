import type { KeyValueEntry, Structure } from './types';
import { unescapeDouble } from './yaml';
import { findClosingQuote } from './quotes';

/** Calls `visit(lineStart, lineEnd, nextLineStart)` for each line, without allocating line strings. */
function forEachLine(text: string, visit: (start: number, end: number, next: number) => number | void): void {
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const resume = visit(pos, end, eol + 1);
    pos = typeof resume === 'number' && resume > eol ? resume : eol + 1;
  }
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 12)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** End of an unquoted value: before a ` #` (or ` ;`) inline comment and trailing blanks. */
function unquotedEnd(text: string, start: number, end: number, commentChars: string): number {
  for (let j = start; j < end; j++) {
    if (commentChars.includes(text[j]) && j > start && (text[j - 1] === ' ' || text[j - 1] === '\t')) {
      end = j;
      break;
    }
  }
  return trimEnd(text, start, end);
}

/**
 * Parses `.env` files: `KEY=value`, `export KEY=value`, single/double/backtick quotes (double quotes may span
 * lines, as dotenv allows for PEM blocks), `#` comments and inline comments after unquoted values.
 */
export function parseDotenv(text: string): Structure {
  const entries: KeyValueEntry[] = [];
  let bad = 0;
  let firstBad = 0;
  let lineNo = 0;
  forEachLine(text, (start, end) => {
    lineNo++;
    let i = skipBlanks(text, start, end);
    if (i >= end || text[i] === '#') return;
    if (text.startsWith('export ', i)) i = skipBlanks(text, i + 7, end);
    const keyStart = i;
    while (i < end && /[A-Za-z0-9_.\-]/.test(text[i])) i++;
    const key = text.slice(keyStart, i);
    i = skipBlanks(text, i, end);
    if (!key || text[i] !== '=') {
      if (!bad) firstBad = lineNo;
      bad++;
      return;
    }
    i = skipBlanks(text, i + 1, end);
    const quote = text[i];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = findClosingQuote(text, i, { escapes: quote === '"', multiLine: true, maxSpan: 20_001 });
      if (close >= 0) {
        const raw = text.slice(i + 1, close);
        entries.push({ key, keyPath: key, value: quote === '"' ? unescapeDouble(raw) : raw, valueStart: i + 1, valueEnd: close, quoted: true, keyStart });
        return close + 1 > end ? text.indexOf('\n', close) + 1 || text.length : undefined;
      }
    }
    const valueEnd = unquotedEnd(text, i, end, '#');
    entries.push({ key, keyPath: key, value: text.slice(i, valueEnd), valueStart: i, valueEnd, quoted: false, keyStart });
    return undefined;
  });
  return bad
    ? { format: 'dotenv', entries, malformed: false, note: `.env: ${bad} line(s) are not KEY=value (first at line ${firstBad})` }
    : { format: 'dotenv', entries, malformed: false };
}

/**
 * Parses Java `.properties`: `key=value`, `key: value`, `key value`, `#`/`!` comments, backslash escapes in
 * keys, and continuation lines (a value ending in an odd number of backslashes goes on).
 */
export function parseProperties(text: string): Structure {
  const entries: KeyValueEntry[] = [];
  forEachLine(text, (start, end) => {
    let i = skipBlanks(text, start, end);
    if (i >= end || text[i] === '#' || text[i] === '!') return undefined;
    const keyStart = i;
    let key = '';
    while (i < end) {
      const c = text[i];
      if (c === '\\' && i + 1 < end) {
        key += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
      key += c;
      i++;
    }
    i = skipBlanks(text, i, end);
    if (text[i] === '=' || text[i] === ':') i = skipBlanks(text, i + 1, end);
    const valueStart = i;
    let lineEnd = end;
    let value = '';
    let next = -1;
    // Follow continuation lines: an odd run of trailing backslashes joins the next line.
    for (let guard = 0; guard < 10_000; guard++) {
      let slashes = 0;
      while (lineEnd - 1 - slashes >= i && text[lineEnd - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) {
        value += text.slice(i, lineEnd);
        break;
      }
      value += text.slice(i, lineEnd - 1);
      let eol = text.indexOf('\n', lineEnd);
      if (eol < 0) break;
      const nextStart = eol + 1;
      eol = text.indexOf('\n', nextStart);
      if (eol < 0) eol = text.length;
      let nextEnd = eol;
      if (nextEnd > nextStart && text.charCodeAt(nextEnd - 1) === 13) nextEnd--;
      i = skipBlanks(text, nextStart, nextEnd);
      lineEnd = nextEnd;
      next = eol + 1;
    }
    const valueEnd = trimEnd(text, valueStart, lineEnd);
    entries.push({
      key, keyPath: key, value: unescapeProperties(value.trimEnd()), valueStart, valueEnd: Math.max(valueStart, valueEnd),
      quoted: false, keyStart,
    });
    return next > 0 ? next : undefined;
  });
  return { format: 'properties', entries, malformed: false };
}

function unescapeProperties(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    return code === 'n' ? '\n' : code === 't' ? '\t' : code === 'r' ? '\r' : code;
  });
}

/**
 * Parses INI-style files (`.ini`, `.cfg`, `.npmrc`, `.gitconfig`, `.pypirc`): `[section]` and
 * `[section "sub"]` headers, `key = value` / `key: value`, `;`/`#` comments, quoted values.
 * The key path is `section.key`.
 */
/**
 * A `name value` directive with no `=` or `:` (redis `requirepass …`, pgbouncer/nginx-style `.conf` lines): an
 * entry when the line is exactly an identifier, blanks and one token (an optional trailing `;` dropped).
 */
function directiveEntry(text: string, i: number, end: number, section: string | undefined): KeyValueEntry | undefined {
  const m = /^([A-Za-z_][\w.-]{0,80})[ \t]+([^\s;#"'=]{1,500});?[ \t]*$/.exec(text.slice(i, end));
  if (!m) return undefined;
  const key = m[1];
  const valueStart = i + m[0].indexOf(m[2], key.length);
  const entry: KeyValueEntry = {
    key, keyPath: section ? `${section}.${key}` : key, value: m[2], valueStart, valueEnd: valueStart + m[2].length, quoted: false, keyStart: i,
  };
  if (section) entry.section = section;
  return entry;
}

export function parseIni(text: string): Structure {
  const entries: KeyValueEntry[] = [];
  let section: string | undefined;
  forEachLine(text, (start, end) => {
    const i = skipBlanks(text, start, end);
    if (i >= end || text[i] === ';' || text[i] === '#') return;
    if (text[i] === '[') {
      const close = text.slice(i, end).indexOf(']') + i;
      if (close > i) {
        section = text.slice(i + 1, close).trim().replace(/\s+"([^"]*)"$/, '.$1');
      }
      return;
    }
    const line = text.slice(i, end);
    const eq = line.indexOf('=');
    const colon = line.indexOf(':');
    let separator = -1;
    if (eq >= 0 && !/:\s/.test(line.slice(0, eq))) separator = i + eq;
    else if (colon >= 0) separator = i + colon;
    else if (eq >= 0) separator = i + eq;
    if (separator < 0) {
      const directive = directiveEntry(text, i, end, section);
      if (directive) entries.push(directive);
      return;
    }
    const key = text.slice(i, separator).trim();
    if (!key) return;
    const v = skipBlanks(text, separator + 1, end);
    const quote = text[v];
    let valueStart = v;
    let valueEnd: number;
    let quoted = false;
    const lineEndTrimmed = trimEnd(text, v, end);
    if ((quote === '"' || quote === "'") && lineEndTrimmed - 1 > v && text[lineEndTrimmed - 1] === quote) {
      valueStart = v + 1;
      valueEnd = lineEndTrimmed - 1;
      quoted = true;
    } else {
      valueEnd = unquotedEnd(text, v, end, ';#');
    }
    const value = text.slice(valueStart, valueEnd);
    const entry: KeyValueEntry = { key, keyPath: section ? `${section}.${key}` : key, value, valueStart, valueEnd, quoted, keyStart: i };
    if (section) entry.section = section;
    entries.push(entry);
  });
  return { format: 'ini', entries, malformed: false };
}
