import { f1, precision, recall, type Counts, type Labeled, type Score } from './score';

const pct = (n: number) => n.toFixed(3);

function row(name: string, c: Counts, width: number): string {
  return `${name.padEnd(width)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}   ${pct(precision(c))}  ${pct(recall(c))}  ${pct(f1(c))}`;
}

function table(title: string, rows: Array<[string, Counts]>): string[] {
  const width = Math.max(28, ...rows.map(([name]) => name.length));
  return [
    title,
    `${''.padEnd(width)}    TP    FP    FN   prec   recall  F1`,
    ...rows.map(([name, c]) => row(name, c, width)),
  ];
}

const describe = (l: Labeled) => `  ${l.file}:${l.line}  ${l.ruleId}  ${l.masked ?? ''}`.trimEnd();

/**
 * The human report: overall, per kind, per rule id, the looser by-kind match, then every false positive
 * and false negative (masked values only), then which rules miss most.
 */
export function formatScore(label: string, s: Score, actualOnLine?: Map<string, string[]>): string {
  const lines: string[] = [];
  lines.push(...table(`== ${label}: strict match by (file, line, ruleId)`, [
    ['overall', s.overall],
    ...Object.entries(s.byKind).sort(([a], [b]) => a.localeCompare(b)).map(([k, c]): [string, Counts] => [`kind ${k}`, c]),
  ]));
  lines.push('');
  lines.push(...table(`== ${label}: loose match by (file, line, kind)`, [
    ['overall', s.looseOverall],
    ...Object.entries(s.looseByKind).sort(([a], [b]) => a.localeCompare(b)).map(([k, c]): [string, Counts] => [`kind ${k}`, c]),
  ]));
  lines.push('');
  lines.push(...table(`== ${label}: per rule id`, Object.entries(s.byRule).sort(([a], [b]) => a.localeCompare(b))));
  lines.push('');
  lines.push(`== ${label}: false positives (${s.falsePositives.length})`);
  lines.push(...s.falsePositives.map(describe));
  lines.push('');
  lines.push(`== ${label}: false negatives (${s.falseNegatives.length})`);
  for (const miss of s.falseNegatives) {
    const others = actualOnLine?.get(`${miss.file}:${miss.line}`);
    lines.push(`${describe(miss)}${others && others.length > 0 ? `   [reported there: ${others.join(', ')}]` : ''}`);
  }
  lines.push('');
  const worst = Object.entries(s.byRule)
    .filter(([, c]) => c.fp + c.fn > 0)
    .sort(([, a], [, b]) => b.fp + b.fn - (a.fp + a.fn))
    .slice(0, 15)
    .map(([id, c]) => `${id} (FN ${c.fn}, FP ${c.fp})`);
  lines.push(`== ${label}: rules with most errors: ${worst.length > 0 ? worst.join('; ') : 'none'}`);
  return lines.join('\n');
}

/** Short one-line summary. */
export function summaryLine(label: string, s: Score): string {
  return `${label}: precision ${pct(precision(s.overall))}  recall ${pct(recall(s.overall))}  F1 ${pct(f1(s.overall))}  ` +
    `(TP ${s.overall.tp}, FP ${s.overall.fp}, FN ${s.overall.fn}; loose F1 ${pct(f1(s.looseOverall))})`;
}
