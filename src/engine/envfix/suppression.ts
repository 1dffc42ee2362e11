import { lineCommentOf, type LanguageId } from '../language';
import { eolOf, type TextEdit } from './types';

/** Where an ignore comment goes for a language, and its text. */
export interface SuppressionComment {
  /** `trailing`: at the end of the finding's line; `line-before`: on its own line above it. */
  placement: 'trailing' | 'line-before';
  /** The comment, marker included: `# keyguard:ignore aws-secret-access-key until 2027-01-31`. */
  text: string;
}

/**
 * Languages where a trailing comment would change the value or is not a comment at all:
 * `.properties`/INI read `key=v # x` as the value `v # x`, Dockerfile comments must start the line,
 * and some `.env` readers keep ` # x` in the value.
 */
const LINE_BEFORE = new Set<LanguageId>(['properties', 'ini', 'dockerfile', 'dotenv']);

/**
 * The inline suppression for a rule in a language's comment syntax, or undefined for files without
 * comments (JSON: use a fingerprint entry in `.keyguard/allowlist.json` instead).
 * `until` is a `YYYY-MM-DD` date after which the finding comes back.
 */
export function suppressionComment(language: LanguageId, ruleId: string, until?: string): SuppressionComment | undefined {
  const marker = lineCommentOf(language);
  if (!marker) return undefined;
  const text = `${marker} keyguard:ignore ${ruleId}${until ? ` until ${until}` : ''}`;
  return { placement: LINE_BEFORE.has(language) ? 'line-before' : 'trailing', text };
}

/**
 * The edit that suppresses the finding at `range`. A finding spanning lines (a PEM block in a string)
 * gets the comment on the line before, since the end of its first line is inside the string.
 */
export function planSuppression(
  text: string, language: LanguageId, range: { start: number; end: number }, ruleId: string, until?: string,
): TextEdit | undefined {
  const comment = suppressionComment(language, ruleId, until);
  if (!comment) return undefined;
  const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
  let lineEnd = text.indexOf('\n', range.start);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const multiLine = text.slice(range.start, range.end).includes('\n');
  if (comment.placement === 'trailing' && !multiLine) {
    const trailingSpace = /[ \t]*$/.exec(text.slice(lineStart, lineEnd))![0].length;
    return { start: lineEnd - trailingSpace, end: lineEnd, newText: ` ${comment.text}` };
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineEnd))![0];
  return { start: lineStart, end: lineStart, newText: `${indent}${comment.text}${eolOf(text)}` };
}
