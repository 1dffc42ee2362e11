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
 * How far back (from a match's start) a kept match that ended earlier still keeps the search going:
 * the first kept match, newest first, that ended further back than this stops the search for one to merge with.
 */
const LOOK_BACK = 4096;

/**
 * One finding per secret: among overlapping matches the most specific rule wins; on a tie, the longer
 * span (a whole PEM block beats a line inside it), then the earlier one. Matches of different kinds
 * (a secret and a risky setting) only merge when they cover the very same range.
 *
 * Each match is compared with the kept matches it overlaps, newest first, and merges into the first one
 * it may merge with; the search stops at the newest kept match that ended more than LOOK_BACK characters
 * before it. Only kept matches still open at the match's start are visited (with the stopping point
 * tracked alongside), so a file where every line is a finding costs a few steps per match rather than
 * one step per kept match within LOOK_BACK characters.
 */
export function mergeOverlapping(matches: RawMatch[], metaOf: (id: string) => RuleMeta | undefined): RawMatch[] {
  const sorted = isSortedForMerge(matches) ? matches : [...matches].sort(byStartThenLongest);
  // Nothing overlaps (the usual case, and a dense file's): every match is kept as it is.
  if (noneOverlap(sorted)) return sorted === matches ? matches.slice() : sorted;
  const metaCache = new Map<string, RuleMeta | undefined>();
  const cachedMeta = (id: string): RuleMeta | undefined => {
    if (metaCache.has(id)) return metaCache.get(id);
    const meta = metaOf(id);
    metaCache.set(id, meta);
    return meta;
  };
  const kept: RawMatch[] = [];
  /** Indexes (ascending) of kept matches that end after the current match's start: the only ones it can overlap. */
  const open: number[] = [];
  /** Kept matches that have ended but not yet by LOOK_BACK characters, by end (a min-heap). */
  const ended = new EndHeap();
  /** The highest index of a kept match that ended LOOK_BACK or more characters back: the search stops there. */
  let stopAt = -1;
  for (const match of sorted) {
    const start = match.start;
    let stillOpen = 0;
    for (let k = 0; k < open.length; k++) {
      const index = open[k];
      if (kept[index].end > start) open[stillOpen++] = index;
      else ended.push(kept[index].end, index);
    }
    open.length = stillOpen;
    while (ended.size > 0 && ended.minEnd() <= start - LOOK_BACK) stopAt = Math.max(stopAt, ended.pop());
    const meta = cachedMeta(match.ruleId);
    let absorbed = false;
    for (let k = open.length - 1; k >= 0 && open[k] > stopAt; k--) {
      const i = open[k];
      const other = kept[i];
      const otherMeta = cachedMeta(other.ruleId);
      const sameKind = (otherMeta?.kind ?? 'secret') === (meta?.kind ?? 'secret');
      const sameRange = other.start === start && other.end === match.end;
      if (!sameKind && !sameRange) continue;
      const winner = pickWinner(other, otherMeta, match, meta);
      // The merged match may end earlier than the one it replaced; it still overlaps `start`, so it stays open.
      kept[i] = { ...winner, keyName: winner.keyName ?? other.keyName ?? match.keyName, keyPath: winner.keyPath ?? other.keyPath ?? match.keyPath };
      absorbed = true;
      break;
    }
    if (absorbed) continue;
    const index = kept.push(match) - 1;
    if (match.end > start) open.push(index);
    else ended.push(match.end, index);
  }
  return isSortedByStart(kept) ? kept : kept.sort((a, b) => a.start - b.start);
}

function byStartThenLongest(a: RawMatch, b: RawMatch): number {
  return a.start - b.start || b.end - a.end;
}

/** Whether the matches are already in merge order (detectors mostly return them so): sorting is then skipped. */
function isSortedForMerge(matches: RawMatch[]): boolean {
  for (let i = 1; i < matches.length; i++) if (byStartThenLongest(matches[i - 1], matches[i]) > 0) return false;
  return true;
}

/** Whether no match (in merge order) starts before an earlier one ends. */
function noneOverlap(sorted: RawMatch[]): boolean {
  let reach = -Infinity;
  for (const match of sorted) {
    if (match.start < reach) return false;
    if (match.end > reach) reach = match.end;
  }
  return true;
}

/** Whether matches ascend by start (detectors mostly emit them so: the sort is skipped). */
export function isSortedByStart(matches: readonly RawMatch[]): boolean {
  for (let i = 1; i < matches.length; i++) if (matches[i - 1].start > matches[i].start) return false;
  return true;
}

/** A binary min-heap of (end, index) pairs, ordered by end. */
class EndHeap {
  private ends: number[] = [];
  private indexes: number[] = [];

  get size(): number {
    return this.ends.length;
  }

  minEnd(): number {
    return this.ends[0];
  }

  push(end: number, index: number): void {
    const { ends, indexes } = this;
    let at = ends.length;
    ends.push(end);
    indexes.push(index);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (ends[parent] <= end) break;
      ends[at] = ends[parent];
      indexes[at] = indexes[parent];
      at = parent;
    }
    ends[at] = end;
    indexes[at] = index;
  }

  /** Removes the pair with the smallest end and returns its index. */
  pop(): number {
    const { ends, indexes } = this;
    const top = indexes[0];
    const lastEnd = ends.pop() as number;
    const lastIndex = indexes.pop() as number;
    const n = ends.length;
    if (n === 0) return top;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && ends[child + 1] < ends[child]) child++;
      if (ends[child] >= lastEnd) break;
      ends[at] = ends[child];
      indexes[at] = indexes[child];
      at = child;
    }
    ends[at] = lastEnd;
    indexes[at] = lastIndex;
    return top;
  }
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
