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

/** 0-based index of the line containing `offset` (binary search). */
export function lineIndexAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
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
