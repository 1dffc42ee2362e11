import { lineIndexAt } from './lines';
import type { LineColumn, TextRange } from './types';

/** How many lines the cursor steps forward one by one before it falls back to a binary search. */
const STEPS_BEFORE_SEARCH = 8;

/**
 * Line lookups for offsets that mostly ascend (findings in text order): the same answers as
 * `lineIndexAt` / `makeRange` from ./lines, found by stepping forward from the previous answer instead
 * of a binary search over every line each time. A file where every line is a finding then costs a step
 * or two per finding.
 */
export class LineCursor {
  private index = 0;

  constructor(private readonly lineStarts: readonly number[]) {}

  /** 0-based index of the line containing `offset`: the last line whose start is at or before it. */
  lineIndexAt(offset: number): number {
    const starts = this.lineStarts;
    const last = starts.length - 1;
    let index = this.index;
    if (starts[index] > offset) {
      index = lineIndexAt(starts, offset, 0, index - 1);
    } else {
      let steps = 0;
      while (index < last && starts[index + 1] <= offset && steps < STEPS_BEFORE_SEARCH) {
        index++;
        steps++;
      }
      if (index < last && starts[index + 1] <= offset) index = lineIndexAt(starts, offset, index + 1, last);
    }
    this.index = index;
    return index;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): LineColumn {
    const index = this.lineIndexAt(offset);
    return { line: index + 1, column: offset - this.lineStarts[index] + 1 };
  }

  /** A TextRange from half-open offsets; `start` first, so the cursor is left at the start's line. */
  range(start: number, end: number): TextRange {
    const startPos = this.position(start);
    const startIndex = this.index;
    const endPos = this.position(end);
    // Leave the cursor at the start: the next finding may begin before this one ends.
    this.index = startIndex;
    return { start, end, startPos, endPos };
  }
}

/**
 * The same answers as {@link LineCursor} for a text whose only line break is \n, without the line-start
 * table: it walks from line to line with `indexOf`. A large file with a few findings then costs no
 * 10,000-entry table (a quarter of a megabyte of garbage per keystroke on the rescan bench).
 */
export class NewlineCursor {
  private index = 0;
  private start = 0;
  /** Offset of the \n that ends the current line, or -1 on the last line. */
  private lineEnd: number;

  constructor(private readonly text: string) {
    this.lineEnd = text.indexOf('\n');
  }

  lineIndexAt(offset: number): number {
    const { text } = this;
    while (this.start > offset) {
      this.lineEnd = this.start - 1;
      this.start = this.start >= 2 ? text.lastIndexOf('\n', this.start - 2) + 1 : 0;
      this.index--;
    }
    while (this.lineEnd >= 0 && this.lineEnd < offset) {
      this.start = this.lineEnd + 1;
      this.lineEnd = text.indexOf('\n', this.start);
      this.index++;
    }
    return this.index;
  }

  position(offset: number): LineColumn {
    const index = this.lineIndexAt(offset);
    return { line: index + 1, column: offset - this.start + 1 };
  }

  range(start: number, end: number): TextRange {
    const startPos = this.position(start);
    const { index, start: lineStart, lineEnd } = this;
    const endPos = this.position(end);
    // Back to the start's line: the next finding may begin before this one ends.
    this.index = index;
    this.start = lineStart;
    this.lineEnd = lineEnd;
    return { start, end, startPos, endPos };
  }
}

/** A cursor for `text`: the walking one unless the text has \r line breaks, which need the table. */
export function lineCursorFor(text: string, lineStarts: () => readonly number[]): LineCursor | NewlineCursor {
  return text.includes('\r') ? new LineCursor(lineStarts()) : new NewlineCursor(text);
}
