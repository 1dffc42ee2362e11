import type { FindingKind } from '../../src/engine/types';

/** One reported (or expected) finding, reduced to what the scoring compares. */
export interface Labeled {
  file: string;
  line: number;
  ruleId: string;
  kind: FindingKind;
  /** Masked value for reports; never the clear value. */
  masked?: string;
}

/** Precision/recall counts for one bucket (a kind, a rule, or everything). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Result of comparing findings with expectations. */
export interface Score {
  /** Strict match on (file, line, ruleId). */
  overall: Counts;
  byKind: Record<string, Counts>;
  byRule: Record<string, Counts>;
  /** Looser match on (file, line, kind): right place, maybe another rule id. */
  looseOverall: Counts;
  looseByKind: Record<string, Counts>;
  falsePositives: Labeled[];
  falseNegatives: Labeled[];
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const bump = (table: Record<string, Counts>, key: string, field: keyof Counts) => {
  table[key] ??= { tp: 0, fp: 0, fn: 0 };
  table[key][field]++;
};

/**
 * Multiset matching of `actual` against `expected` under `keyOf`: two findings of the same rule on the
 * same line need two expectations. Returns the unmatched items of each side.
 */
function match(expected: Labeled[], actual: Labeled[], keyOf: (l: Labeled) => string) {
  const pending = new Map<string, Labeled[]>();
  for (const e of expected) {
    const list = pending.get(keyOf(e)) ?? [];
    list.push(e);
    pending.set(keyOf(e), list);
  }
  const matched: Labeled[] = [];
  const unmatchedActual: Labeled[] = [];
  for (const a of actual) {
    const list = pending.get(keyOf(a));
    if (list && list.length > 0) {
      list.shift();
      matched.push(a);
    } else unmatchedActual.push(a);
  }
  const unmatchedExpected = [...pending.values()].flat();
  return { matched, unmatchedActual, unmatchedExpected };
}

/** Scores findings against expectations, strictly by rule id and loosely by kind. */
export function score(expected: Labeled[], actual: Labeled[]): Score {
  const strict = match(expected, actual, (l) => `${l.file}\u0000${l.line}\u0000${l.ruleId}`);
  const loose = match(expected, actual, (l) => `${l.file}\u0000${l.line}\u0000${l.kind}`);
  const byKind: Record<string, Counts> = {};
  const byRule: Record<string, Counts> = {};
  const looseByKind: Record<string, Counts> = {};
  for (const m of strict.matched) {
    bump(byKind, m.kind, 'tp');
    bump(byRule, m.ruleId, 'tp');
  }
  for (const m of strict.unmatchedActual) {
    bump(byKind, m.kind, 'fp');
    bump(byRule, m.ruleId, 'fp');
  }
  for (const m of strict.unmatchedExpected) {
    bump(byKind, m.kind, 'fn');
    bump(byRule, m.ruleId, 'fn');
  }
  for (const m of loose.matched) bump(looseByKind, m.kind, 'tp');
  for (const m of loose.unmatchedActual) bump(looseByKind, m.kind, 'fp');
  for (const m of loose.unmatchedExpected) bump(looseByKind, m.kind, 'fn');
  const total = (table: Record<string, Counts>): Counts =>
    Object.values(table).reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const order = (a: Labeled, b: Labeled) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
  return {
    overall: total(byKind),
    byKind,
    byRule,
    looseOverall: total(looseByKind),
    looseByKind,
    falsePositives: strict.unmatchedActual.sort(order),
    falseNegatives: strict.unmatchedExpected.sort(order),
  };
}
