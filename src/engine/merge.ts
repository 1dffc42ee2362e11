import type { RawMatch } from './types';
import type { RuleMeta } from './rules/types';

/**
 * Structural rules that are catch-alls for more specific structural rules on the same value
 * (a connection string is also a URL with credentials; a JWT is often in a Bearer header).
 */
const CATCH_ALL_STRUCTURAL = new Set(['url-credentials', 'bearer-token', 'basic-auth-header', 'authorization-header']);

/** Higher wins when two matches cover the same value. */
function rank(meta: RuleMeta | undefined, ruleId: string): number {
  if (!meta) return 0;
  switch (meta.specificity) {
    case 'provider':
      return 30;
    case 'structural':
      return CATCH_ALL_STRUCTURAL.has(ruleId) ? 15 : 20;
    default:
      return 10;
  }
}

/**
 * One finding per secret: among overlapping matches the most specific rule wins; on a tie, the longer
 * span (a whole PEM block beats a line inside it), then the earlier one. Matches of different kinds
 * (a secret and a risky setting) only merge when they cover the very same range.
 */
export function mergeOverlapping(matches: RawMatch[], metaOf: (id: string) => RuleMeta | undefined): RawMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMatch[] = [];
  for (const match of sorted) {
    const meta = metaOf(match.ruleId);
    let absorbed = false;
    for (let i = kept.length - 1; i >= 0; i--) {
      const other = kept[i];
      if (other.end <= match.start) {
        if (other.end <= match.start - 4096) break;
        continue;
      }
      const otherMeta = metaOf(other.ruleId);
      const sameKind = (otherMeta?.kind ?? 'secret') === (meta?.kind ?? 'secret');
      const sameRange = other.start === match.start && other.end === match.end;
      if (!sameKind && !sameRange) continue;
      const winner = pickWinner(other, otherMeta, match, meta);
      kept[i] = { ...winner, keyName: winner.keyName ?? other.keyName ?? match.keyName, keyPath: winner.keyPath ?? other.keyPath ?? match.keyPath };
      absorbed = true;
      break;
    }
    if (!absorbed) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function pickWinner(a: RawMatch, aMeta: RuleMeta | undefined, b: RawMatch, bMeta: RuleMeta | undefined): RawMatch {
  const rankA = rank(aMeta, a.ruleId);
  const rankB = rank(bMeta, b.ruleId);
  if (rankA !== rankB) return rankA > rankB ? a : b;
  const lengthA = a.end - a.start;
  const lengthB = b.end - b.start;
  if (lengthA !== lengthB) return lengthA > lengthB ? a : b;
  return a;
}
