/**
 * Reading and rewriting `.env` files for the vault's import, export and post-rotation updates.
 * Line-based and conservative: comments, blank lines and entries Keyguard does not touch stay byte-identical.
 */

/** One `NAME=value` entry of a `.env` file. */
export interface DotenvEntry {
  name: string;
  /** The value with surrounding quotes removed and `\n` escapes of double-quoted values decoded. */
  value: string;
  /** Offsets of the whole line, without its line break. */
  lineStart: number;
  lineEnd: number;
  /** Offset just after the line break (or the end of the text). */
  nextLineStart: number;
}

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Parses the entries of a `.env` text; lines that are not entries are skipped. Never throws. */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  let offset = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const lineEnd = end > offset && text[end - 1] === '\r' ? end - 1 : end;
    const match = ENTRY.exec(text.slice(offset, lineEnd));
    if (match) {
      entries.push({ name: match[1], value: unquote(match[2]), lineStart: offset, lineEnd, nextLineStart: newline === -1 ? text.length : newline + 1 });
    }
    if (newline === -1) break;
    offset = newline + 1;
  }
  return entries;
}

function unquote(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length >= 2 && trimmed[0] === '"' && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  if (trimmed.length >= 2 && trimmed[0] === "'" && trimmed.endsWith("'")) return trimmed.slice(1, -1);
  // Unquoted values end at an inline comment.
  return trimmed.replace(/\s+#.*$/, '');
}

/** Formats a value for a `.env` line, quoting only when the value needs it. */
export function formatDotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@+\-=,~%]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * Sets `name` to `value`: rewrites the first existing entry in place (keeping an `export ` prefix) or
 * appends a line. Returns the new text.
 */
export function setDotenvValue(text: string, name: string, value: string): string {
  const entry = parseDotenv(text).find((e) => e.name === name);
  const line = `${name}=${formatDotenvValue(value)}`;
  if (entry) {
    const prefix = /^\s*export\s+/.test(text.slice(entry.lineStart, entry.lineEnd)) ? 'export ' : '';
    return text.slice(0, entry.lineStart) + prefix + line + text.slice(entry.lineEnd);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return `${text}${separator}${line}${eol}`;
}

/** Removes every entry whose name is in `names` (whole lines, with their line break). */
export function removeDotenvEntries(text: string, names: readonly string[]): string {
  const doomed = parseDotenv(text).filter((e) => names.includes(e.name));
  let result = text;
  for (const entry of doomed.reverse()) result = result.slice(0, entry.lineStart) + result.slice(entry.nextLineStart);
  return result;
}

/**
 * How code reads the environment variable `name` in a language, for "Copy env reference":
 * `process.env.NAME`, `os.environ["NAME"]`, `os.Getenv("NAME")`, `$NAME`...
 */
export function envReference(name: string, languageId: string | undefined): string {
  switch (languageId) {
    case 'javascript': case 'typescript': case 'javascriptreact': case 'typescriptreact': case 'vue': case 'svelte':
      return `process.env.${name}`;
    case 'python': return `os.environ["${name}"]`;
    case 'go': return `os.Getenv("${name}")`;
    case 'rust': return `std::env::var("${name}")`;
    case 'java': case 'kotlin': return `System.getenv("${name}")`;
    case 'csharp': return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV["${name}"]`;
    case 'php': return `getenv('${name}')`;
    case 'shellscript': case 'dockerfile': case 'makefile': return `$${name}`;
    case 'powershell': return `$env:${name}`;
    case 'yaml': case 'dockercompose': case 'json': case 'jsonc': return `\${${name}}`;
    default: return `\${${name}}`;
  }
}
