import ignore from 'ignore';
import { eolOf, type TextEdit } from './types';

/** One `NAME=value` assignment read from a `.env` file. */
export interface DotenvEntry {
  name: string;
  value: string;
  /** Written as `export NAME=…`. */
  exported: boolean;
}

/** What adding one variable to `.env` takes. */
export interface DotenvPlan {
  /** The name actually used: the requested one, or `NAME_2`, `NAME_3`… when `NAME` holds a different value. */
  name: string;
  /** True when `.env` already had this name with this value: nothing is written. */
  reused: boolean;
  /** Edits to the existing text (empty when reused or when the file is new). */
  edits: TextEdit[];
  /** The whole file after the change (the content to create when the file did not exist). */
  newText: string;
}

/**
 * Reads the assignments of a `.env` file the way dotenv, python-dotenv and docker compose agree on:
 * `#` comments, optional `export `, single quotes literal, double quotes with `\n` escapes (and values that
 * span lines), unquoted values ending at ` #`. Later assignments win. Malformed lines are skipped.
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s?(.*)$/.exec(lines[i]);
    if (!match) continue;
    let raw = match[3].trimStart();
    let value: string;
    const quote = raw[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may continue on the following lines until its closing quote.
      let close = findClosingQuote(raw, quote);
      while (close < 0 && i + 1 < lines.length) {
        raw += `\n${lines[++i]}`;
        close = findClosingQuote(raw, quote);
      }
      const body = close < 0 ? raw.slice(1) : raw.slice(1, close);
      value = quote === '"' ? body.replace(/\\(["\\$nr])/g, (_all, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch)) : body;
    } else {
      value = raw.replace(/\s+#.*$/, '').trimEnd();
    }
    entries.push({ name: match[2], value, exported: Boolean(match[1]) });
  }
  return entries;
}

function findClosingQuote(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (raw[i] === quote) return i;
  }
  return -1;
}

/**
 * Writes a value so every common `.env` reader gets it back unchanged: bare when it is plain; double quotes
 * with `\n` for multi-line values (PEM keys); single quotes (literal, no `$` expansion, safe if the file is
 * `source`d by a shell) for anything else outside `[A-Za-z0-9_-.:/@+=,%~^]`; double quotes with escapes
 * when the value itself holds a single quote.
 */
export function formatDotenvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.:/@+=,%~^]+$/.test(value) && !/^['"]/.test(value)) return value;
  if (/[\r\n]/.test(value)) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  }
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}

/**
 * Plans adding `name=value` to a `.env` file (`existingText` undefined: the file does not exist yet).
 * Appends without touching existing lines, keeps the file's line endings, adds a missing final newline,
 * reuses `name` when it already holds this value and picks `NAME_2`, `NAME_3`… when it holds another.
 */
export function planDotenvEdit(existingText: string | undefined, name: string, value: string): DotenvPlan {
  return planDotenvEdits(existingText, [{ name, value }]).plans[0];
}

/**
 * Plans several variables at once (fix-all): one append edit for the whole block, each name deduplicated
 * against the file and against the others.
 */
export function planDotenvEdits(
  existingText: string | undefined,
  variables: ReadonlyArray<{ name: string; value: string }>,
): { plans: DotenvPlan[]; edits: TextEdit[]; newText: string } {
  const original = existingText ?? '';
  const eol = eolOf(existingText);
  const known = new Map<string, string>();
  for (const entry of parseDotenv(original)) known.set(entry.name, entry.value);
  let appended = '';
  const chosen: Array<{ name: string; reused: boolean }> = [];
  for (const variable of variables) {
    let candidate = variable.name;
    for (let n = 2; known.has(candidate) && known.get(candidate) !== variable.value; n++) candidate = `${variable.name}_${n}`;
    const reused = known.get(candidate) === variable.value;
    if (!reused) {
      known.set(candidate, variable.value);
      appended += `${candidate}=${formatDotenvValue(variable.value)}${eol}`;
    }
    chosen.push({ name: candidate, reused });
  }
  const lead = appended && original.length > 0 && !original.endsWith('\n') ? eol : '';
  const edits: TextEdit[] = appended && existingText !== undefined ? [{ start: original.length, end: original.length, newText: lead + appended }] : [];
  const newText = original + (appended ? lead + appended : '');
  return {
    plans: chosen.map((c) => ({ name: c.name, reused: c.reused, edits, newText })),
    edits,
    newText,
  };
}

/**
 * Plans adding `.env` to `.gitignore` unless it is already ignored: by git itself (`isIgnoredAlready`, e.g.
 * from a parent `.gitignore` or `git check-ignore`) or by the existing patterns (negations included).
 */
export function planGitignoreEdit(existingText: string | undefined, isIgnoredAlready = false, entry = '.env'): { edits: TextEdit[]; newText: string; changed: boolean } {
  const original = existingText ?? '';
  if (isIgnoredAlready || (existingText !== undefined && ignore().add(existingText).ignores(entry))) {
    return { edits: [], newText: original, changed: false };
  }
  const eol = eolOf(existingText);
  const lead = original.length > 0 && !original.endsWith('\n') ? eol : '';
  const insert = `${lead}${entry}${eol}`;
  return {
    edits: existingText === undefined ? [] : [{ start: original.length, end: original.length, newText: insert }],
    newText: original + insert,
    changed: true,
  };
}

/** Plans adding `NAME=` (no value) to an existing `.env.example`; nothing when the file is absent or has it. */
export function planEnvExampleEdit(existingText: string | undefined, names: readonly string[]): TextEdit[] {
  if (existingText === undefined) return [];
  const present = new Set(parseDotenv(existingText).map((entry) => entry.name));
  const missing = [...new Set(names)].filter((name) => !present.has(name));
  if (missing.length === 0) return [];
  const eol = eolOf(existingText);
  const lead = existingText.length > 0 && !existingText.endsWith('\n') ? eol : '';
  return [{ start: existingText.length, end: existingText.length, newText: lead + missing.map((name) => `${name}=${eol}`).join('') }];
}
