import { eolOf, type TextEdit } from './types';

/**
 * Import insertion for the languages whose env read needs one: Python `import os`, Go `"os"`,
 * C# `using System;`. Each returns no edit when the import is already there.
 */

interface Line {
  start: number;
  /** Offset just after the line break (or the text end). */
  next: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    lines.push({ start, next, text: text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, '') });
    start = next;
  }
  return lines;
}

/** Adds `import os` after the module docstring, `from __future__` and the leading imports. */
export function pythonImportOs(text: string): TextEdit[] {
  if (/^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os[ \t]*(?:,|$|#)/m.test(text)) return [];
  const eol = eolOf(text);
  const lines = linesOf(text);
  let insertAt = 0;
  let sawStatement = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i].text;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (!sawStatement) insertAt = lines[i].next;
      i++;
      continue;
    }
    const docstring = /^[rRuU]?("""|''')/.exec(trimmed);
    if (docstring && !sawStatement) {
      const quote = docstring[1];
      let j = i;
      const rest = trimmed.slice(docstring[0].length);
      if (!rest.includes(quote)) {
        j++;
        while (j < lines.length && !lines[j].text.includes(quote)) j++;
      }
      i = Math.min(j, lines.length - 1) + 1;
      insertAt = lines[i - 1].next;
      sawStatement = true;
      continue;
    }
    if (/^(import\s|from\s+\S+\s+import\s)/.test(trimmed)) {
      let j = i;
      if (trimmed.includes('(') && !trimmed.includes(')')) {
        while (j < lines.length - 1 && !lines[j].text.includes(')')) j++;
      }
      while (j < lines.length - 1 && lines[j].text.endsWith('\\')) j++;
      i = j + 1;
      insertAt = lines[j].next;
      sawStatement = true;
      continue;
    }
    break;
  }
  const hadImports = /^(import\s|from\s+(?!__future__)\S+\s+import\s)/m.test(text.slice(0, insertAt));
  let newText = `import os${eol}`;
  if (insertAt > 0 && insertAt === text.length && !text.endsWith('\n')) newText = eol + newText;
  const following = lines.find((line) => line.start >= insertAt);
  if (!hadImports && following && following.text.trim() !== '') newText += eol;
  return [{ start: insertAt, end: insertAt, newText }];
}

/** Adds `"os"` to the Go import block (sorted into the first group), turns a single import into a block, or adds one. */
export function goImportOs(text: string): TextEdit[] {
  if (/^\s*(?:import\s+)?"os"\s*(?:\/\/.*)?$/m.test(text)) return [];
  const eol = eolOf(text);
  const block = /^import[ \t]*\([ \t]*\r?\n/m.exec(text);
  if (block) {
    const bodyStart = block.index + block[0].length;
    const lines = linesOf(text.slice(bodyStart)).map((line) => ({ ...line, start: line.start + bodyStart, next: line.next + bodyStart }));
    for (const line of lines) {
      const trimmed = line.text.trim();
      const path = /^(?:[\w.]+\s+)?"([^"]+)"/.exec(trimmed)?.[1];
      if (trimmed === ')' || trimmed === '' || (path !== undefined && path > 'os')) {
        return [{ start: line.start, end: line.start, newText: `\t"os"${eol}` }];
      }
    }
    return [];
  }
  const single = /^import[ \t]+((?:[\w.]+[ \t]+)?"([^"]+)")[ \t]*$/m.exec(text);
  if (single) {
    const specs = [single[1], '"os"'].sort((a, b) => unquoteSpec(a).localeCompare(unquoteSpec(b)));
    const lineEnd = single.index + single[0].length;
    return [{ start: single.index, end: lineEnd, newText: `import (${eol}\t${specs[0]}${eol}\t${specs[1]}${eol})` }];
  }
  const pkg = /^package[ \t]+\w+[ \t]*(?:\/\/.*)?$/m.exec(text);
  if (!pkg) return [{ start: 0, end: 0, newText: `import "os"${eol}${eol}` }];
  const end = pkg.index + pkg[0].length;
  return [{ start: end, end, newText: `${eol}${eol}import "os"` }];
}

function unquoteSpec(spec: string): string {
  return /"([^"]+)"/.exec(spec)?.[1] ?? spec;
}

/** Adds `using System;` before the first `using` (or at the top) unless `System` is already imported. */
export function csharpUsingSystem(text: string): TextEdit[] {
  if (/^\s*(?:global\s+)?using\s+System\s*;/m.test(text)) return [];
  const eol = eolOf(text);
  const firstUsing = /^[ \t]*(?:global\s+)?using\s+[\w.]+\s*;/m.exec(text);
  if (firstUsing) return [{ start: firstUsing.index, end: firstUsing.index, newText: `using System;${eol}` }];
  return [{ start: 0, end: 0, newText: `using System;${eol}${eol}` }];
}
