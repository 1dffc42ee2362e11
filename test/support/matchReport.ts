import type { RawMatch } from '../../src/engine/types';

/** A value as test messages may show it: its first four characters and its length, never the whole. */
export function maskValue(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} chars)`;
}

/** Matches for an assertion message: rule, range and the masked value of each. */
export function describeMatches(matches: RawMatch[], text: string): string {
  return matches.map((m) => `${m.ruleId}@${m.start}-${m.end} ${maskValue(text.slice(m.start, m.end))}`).join(', ') || 'nothing';
}
