/** Plain edit shapes shared by the env-var rewriting planners. No `vscode` here. */

/** Replace the half-open UTF-16 range [start, end) of a text with `newText` (start === end inserts). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The minimal finding shape the planners need; a full `Finding` fits. */
export interface FindingLike {
  ruleId: string;
  provider: string;
  keyName?: string;
  keyPath?: string;
  /** Offsets of the value (without quotes) in the text. */
  range?: { start: number; end: number };
}

/** Applies non-overlapping edits to a text (any order given); used by tests and by planners that chain edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Later edits first so earlier offsets stay valid; inserts at one position keep their given order.
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** The line ending a text already uses: CRLF when its first line break is CRLF, LF otherwise. */
export function eolOf(text: string | undefined): '\n' | '\r\n' {
  if (!text) return '\n';
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}
