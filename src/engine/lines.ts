import type { LineColumn, TextRange } from './types';

/** Offsets at which each line starts; handles \n, \r\n and lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The usual case, done with the engine's fast `indexOf` (a few times quicker than a character loop).
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * 0-based index of the line containing `offset` (binary search), looked for among lines `from` to `to`
 * (all by default): the last of them whose start is at or before `offset`, or `from` when none is.
 */
export function lineIndexAt(lineStarts: readonly number[], offset: number, from = 0, to = lineStarts.length - 1): number {
  let low = Math.max(0, from);
  let high = to;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line and column of an offset. */
export function offsetToLineColumn(lineStarts: number[], offset: number): LineColumn {
  const index = lineIndexAt(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index] + 1 };
}

/** Builds a TextRange from half-open offsets. */
export function makeRange(lineStarts: number[], start: number, end: number): TextRange {
  return { start, end, startPos: offsetToLineColumn(lineStarts, start), endPos: offsetToLineColumn(lineStarts, end) };
}

/** Text of the line containing `offset`, without its line break. */
export function lineTextAt(text: string, lineStarts: number[], offset: number): string {
  const index = lineIndexAt(lineStarts, offset);
  const start = lineStarts[index];
  const next = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
  return text.slice(start, next).replace(/\r?\n$|\r$/, '');
}

/**
 * Start of the line containing `offset`, found by walking back to the previous line break (\n, or a
 * lone \r): the same answer as `lineStarts[lineIndexAt(lineStarts, offset)]` without the table.
 */
export function lineStartOf(text: string, offset: number): number {
  // The \n of a \r\n belongs to the line the \r ends.
  let at = text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    if (code === 10 || code === 13) break;
    at--;
  }
  return at;
}

/**
 * Start of the line `count` lines below the one containing `offset` (\n, \r\n and lone \r all end a
 * line), or the text's length when there are fewer lines. Walks the characters in between: callers
 * scan that span anyway.
 */
export function startOfLineBelow(text: string, offset: number, count: number): number {
  const n = text.length;
  let at = offset;
  for (let left = count; left > 0 && at < n; left--) {
    while (at < n) {
      const code = text.charCodeAt(at++);
      if (code === 10) break;
      if (code === 13) {
        if (text.charCodeAt(at) === 10) at++;
        break;
      }
    }
  }
  return at;
}
