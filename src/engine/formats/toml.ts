import { parse as parseTomlSyntax } from 'smol-toml';
import type { KeyValueEntry, Structure } from './types';
import { joinPath, unescapeDouble } from './yaml';
import { findClosingQuote } from './quotes';

/** Above this size the smol-toml syntax check is skipped; the scanner alone is linear. */
const VALIDATE_LIMIT = 100_000;

/**
 * Parses TOML into entries with exact offsets. smol-toml validates the syntax but keeps no positions, so a
 * small scanner walks tables (`[a.b]`, `[[arr]]`), dotted and quoted keys, basic/literal/multi-line strings,
 * inline tables and (multi-line) arrays.
 */
export function parseToml(text: string): Structure {
  const scanner = new TomlScanner(text);
  let entries: KeyValueEntry[];
  try {
    entries = scanner.run();
  } catch {
    entries = scanner.entries;
  }
  if (text.length <= VALIDATE_LIMIT) {
    try {
      parseTomlSyntax(text);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const line = (error as { line?: number }).line;
      return { format: 'toml', entries, malformed: true, note: `TOML parse error${line ? ` at line ${line}` : ''}: ${message}` };
    }
  }
  return { format: 'toml', entries, malformed: false };
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class TomlScanner {
  readonly entries: KeyValueEntry[] = [];
  private table = '';
  private readonly arrayCounts = new Map<string, number>();
  private i = 0;

  constructor(private readonly text: string) {}

  run(): KeyValueEntry[] {
    const text = this.text;
    const n = text.length;
    while (this.i < n) {
      this.skipSpace(true);
      if (this.i >= n) break;
      const ch = text[this.i];
      if (ch === '#') {
        this.skipLine();
      } else if (ch === '[') {
        this.header();
      } else {
        const keyStart = this.i;
        const key = this.key();
        this.skipSpace(false);
        if (!key.length || text[this.i] !== '=') {
          this.skipLine();
          continue;
        }
        this.i++;
        this.skipSpace(false);
        const path = key.reduce((p, k) => joinPath(p, k), this.table);
        this.value(key[key.length - 1], path, keyStart);
        this.skipLine();
      }
    }
    return this.entries;
  }

  private header(): void {
    const text = this.text;
    const isArray = text[this.i + 1] === '[';
    this.i += isArray ? 2 : 1;
    this.skipSpace(false);
    const parts = this.key();
    const name = parts.join('.');
    if (isArray) {
      const count = this.arrayCounts.get(name) ?? 0;
      this.arrayCounts.set(name, count + 1);
      this.table = `${name}[${count}]`;
    } else {
      this.table = name;
    }
    this.skipLine();
  }

  /** A dotted key: `a`, `a.b`, `"quoted key".c`, `'literal'`. */
  private key(): string[] {
    const text = this.text;
    const parts: string[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      this.skipSpace(false);
      const ch = text[this.i];
      if (ch === '"' || ch === "'") {
        const close = findClosingQuote(this.text, this.i, { escapes: ch === '"', multiLine: false });
        if (close < 0) return parts;
        const raw = text.slice(this.i + 1, close);
        parts.push(ch === '"' ? unescapeDouble(raw) : raw);
        this.i = close + 1;
      } else {
        const start = this.i;
        while (this.i < text.length && BARE_KEY.test(text[this.i])) this.i++;
        if (this.i === start) return parts;
        parts.push(text.slice(start, this.i));
      }
      this.skipSpace(false);
      if (text[this.i] !== '.') return parts;
      this.i++;
    }
    return parts;
  }

  private value(key: string, path: string, keyStart?: number): void {
    const text = this.text;
    const ch = text[this.i];
    const section = this.table || undefined;
    const push = (value: string, start: number, end: number, quoted: boolean): void => {
      const entry: KeyValueEntry = { key, keyPath: path, value, valueStart: start, valueEnd: end, quoted };
      if (keyStart !== undefined) entry.keyStart = keyStart;
      if (section) entry.section = section;
      this.entries.push(entry);
    };
    if (text.startsWith('"""', this.i) || text.startsWith("'''", this.i)) {
      const quote = text.slice(this.i, this.i + 3);
      let start = this.i + 3;
      if (text[start] === '\n') start++;
      else if (text[start] === '\r' && text[start + 1] === '\n') start += 2;
      let close = text.indexOf(quote, start);
      if (close < 0) close = text.length;
      while (text[close + 3] === quote[0]) close++;
      const raw = text.slice(start, close);
      push(quote === '"""' ? unescapeDouble(raw.replace(/\\\r?\n\s*/g, '')) : raw, start, close, true);
      this.i = Math.min(text.length, close + 3);
    } else if (ch === '"' || ch === "'") {
      const close = findClosingQuote(this.text, this.i, { escapes: ch === '"', multiLine: false });
      const end = close < 0 ? this.lineEnd() : close;
      const raw = text.slice(this.i + 1, end);
      push(ch === '"' ? unescapeDouble(raw) : raw, this.i + 1, end, true);
      this.i = close < 0 ? end : close + 1;
    } else if (ch === '{') {
      this.i++;
      for (let guard = 0; guard < 10_000 && this.i < text.length; guard++) {
        this.skipSpace(true);
        if (text[this.i] === '}') {
          this.i++;
          return;
        }
        if (text[this.i] === ',') {
          this.i++;
          continue;
        }
        const innerKeyStart = this.i;
        const parts = this.key();
        this.skipSpace(false);
        if (!parts.length || text[this.i] !== '=') return;
        this.i++;
        this.skipSpace(false);
        this.value(parts[parts.length - 1], parts.reduce((p, k) => joinPath(p, k), path), innerKeyStart);
      }
    } else if (ch === '[') {
      this.i++;
      let index = 0;
      for (let guard = 0; guard < 100_000 && this.i < text.length; guard++) {
        this.skipSpace(true);
        const c = text[this.i];
        if (c === '#') {
          this.skipToLineEnd();
          continue;
        }
        if (c === ']') {
          this.i++;
          return;
        }
        if (c === ',') {
          this.i++;
          index++;
          continue;
        }
        const before = this.i;
        this.value(key, `${path}[${index}]`);
        if (this.i === before) this.i++;
      }
    } else {
      const start = this.i;
      while (this.i < text.length && !/[\s,\]}#]/.test(text[this.i])) this.i++;
      // Dates with a time part (`1979-05-27 07:32:00`) contain one space.
      if (text[this.i] === ' ' && /^\d{4}-\d\d-\d\d$/.test(text.slice(start, this.i)) && /\d/.test(text[this.i + 1] ?? '')) {
        this.i++;
        while (this.i < text.length && !/[\s,\]}#]/.test(text[this.i])) this.i++;
      }
      if (this.i > start) push(text.slice(start, this.i), start, this.i, false);
    }
  }

  private lineEnd(): number {
    const eol = this.text.indexOf('\n', this.i);
    const end = eol < 0 ? this.text.length : eol;
    return end > this.i && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  private skipSpace(newlines: boolean): void {
    const text = this.text;
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.i++;
      else if (newlines && c === '#') this.skipToLineEnd();
      else break;
    }
  }

  private skipToLineEnd(): void {
    const eol = this.text.indexOf('\n', this.i);
    this.i = eol < 0 ? this.text.length : eol;
  }

  /** Moves past the rest of the current line (a trailing comment or junk). */
  private skipLine(): void {
    const eol = this.text.indexOf('\n', this.i);
    this.i = eol < 0 ? this.text.length : eol + 1;
  }
}
