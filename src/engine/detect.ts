import type { LanguageId } from './language';
import type { Structure } from './formats/types';

/**
 * Everything a detector needs about one text. Built once per scan by the scanner so that
 * detectors never parse the same file twice.
 */
export interface DetectContext {
  text: string;
  /** File name or path as given (used for language, prod/test heuristics). */
  fileName: string;
  language: LanguageId;
  /** Lower-cased text (built on first read: prefer `occursIn` from ./literalIndex for keyword checks). */
  lowerText: string;
  /** Parsed key/value entries for config formats; undefined for source code or when not parseable. */
  structure?: Structure;
  /** Offsets where each line starts (lineStarts[0] === 0); built on first read. */
  lineStarts: number[];
}
