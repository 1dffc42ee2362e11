/**
 * Locates the source literal that holds a finding's value, so a rewrite can replace the literal with its
 * quotes (`"sk-…"` → `os.environ["X"]`) or, when the value is only part of a string (`"Bearer sk-…"`),
 * split that string around it.
 */

/** Where the value sits in the source. */
export type LiteralSpan =
  /** The value is the whole string literal; [start, end) covers its quotes and prefix (`r"…"`, `@"…"`, `r#"…"#`). */
  | { kind: 'quoted'; start: number; end: number; quote: string; prefix: string }
  /** The value is part of a longer string literal; [start, end) is that literal, quote and prefix included. */
  | { kind: 'embedded'; start: number; end: number; quote: string; prefix: string; contentStart: number; contentEnd: number }
  /** No quotes around it (YAML plain scalar, `.properties`, a shell word). */
  | { kind: 'bare'; start: number; end: number };

const QUOTES = ['"', "'", '`'];

/** Finds the literal around the value at [start, end). Never throws; falls back to `bare`. */
export function findLiteral(text: string, start: number, end: number): LiteralSpan {
  const triple = text.slice(start - 3, start);
  if ((triple === '"""' || triple === "'''") && text.startsWith(triple, end)) {
    const prefixStart = stringPrefixStart(text, start - 3);
    return { kind: 'quoted', start: prefixStart, end: end + 3, quote: triple, prefix: text.slice(prefixStart, start - 3) };
  }
  const before = text[start - 1];
  if (before === '"' && text[start - 2] === '#') {
    // Rust raw string r#"…"#: count the hashes and expect the same after the closing quote.
    let hashStart = start - 2;
    while (text[hashStart - 1] === '#') hashStart--;
    const hashes = text.slice(hashStart, start - 1);
    if (text[hashStart - 1] === 'r' && text.startsWith(`"${hashes}`, end)) {
      return { kind: 'quoted', start: hashStart - 1, end: end + 1 + hashes.length, quote: '"', prefix: `r${hashes}` };
    }
  }
  if (QUOTES.includes(before) && text[end] === before) {
    const prefixStart = stringPrefixStart(text, start - 1);
    return { kind: 'quoted', start: prefixStart, end: end + 1, quote: before, prefix: text.slice(prefixStart, start - 1) };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  for (let open = start - 1; open >= lineStart; open--) {
    const quote = text[open];
    if (!QUOTES.includes(quote) || text[open - 1] === '\\') continue;
    // The nearest quote before the value must be an opening one: an even number of the same quote before it.
    const sameBefore = countUnescaped(text, lineStart, open, quote);
    if (sameBefore % 2 !== 0) break;
    for (let close = end; close < lineEnd; close++) {
      if (text[close] === quote && text[close - 1] !== '\\') {
        const prefixStart = stringPrefixStart(text, open);
        return {
          kind: 'embedded', start: prefixStart, end: close + 1, quote, prefix: text.slice(prefixStart, open),
          contentStart: open + 1, contentEnd: close,
        };
      }
    }
    break;
  }
  return { kind: 'bare', start, end };
}

/** Start of a string prefix glued to the opening quote: Python `rb`/`f`, C# `@`/`$`, Rust `b`. */
function stringPrefixStart(text: string, quoteIndex: number): number {
  let i = quoteIndex;
  while (i > 0 && i > quoteIndex - 2 && /[rRbBuUfF@$]/.test(text[i - 1])) i--;
  // Only a prefix when it is not the tail of an identifier (`buf"` is not a prefix).
  if (i < quoteIndex && i > 0 && /[\w]/.test(text[i - 1])) return quoteIndex;
  return i;
}

function countUnescaped(text: string, from: number, to: number, quote: string): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text[i] === quote && text[i - 1] !== '\\') count++;
  return count;
}
