/** Options for {@link findClosingQuote}. */
export interface ClosingQuoteOptions {
  /** Backslash escapes the next character (double-quoted strings). */
  escapes: boolean;
  /** Whether the string may run past a line break; when not, a `\n` means it is unclosed. */
  multiLine: boolean;
  /** Give up after this many characters, so a stray quote cannot make a scan quadratic. */
  maxSpan?: number;
}

/** Offset of the quote that closes the one at `open` (same character), or -1 when it is unclosed. */
export function findClosingQuote(text: string, open: number, options: ClosingQuoteOptions): number {
  const quote = text[open];
  const limit = options.maxSpan === undefined ? text.length : Math.min(text.length, open + 1 + options.maxSpan);
  for (let j = open + 1; j < limit; j++) {
    const c = text[j];
    if (options.escapes && c === '\\') {
      j++;
      continue;
    }
    if (c === quote) return j;
    if (c === '\n' && !options.multiLine) return -1;
  }
  return -1;
}
