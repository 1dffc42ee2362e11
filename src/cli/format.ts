/**
 * Text and JSON reports. Both print findings by their masked form only: a Finding never holds the
 * clear value, and nothing here reads the scanned text.
 */
import type { Severity } from '../engine/types';
import { VERSION } from './meta';
import type { FileFinding, ScanReport } from './scan';

/** ANSI styling, or identity functions when color is off. */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

const identity = (text: string): string => text;

/** Builds the palette; `enabled` already accounts for --no-color, NO_COLOR and the TTY check. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: identity, dim: identity, severity: (_severity, text) => text };
  const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
  const colors: Record<Severity, (text: string) => string> = { error: wrap(31, 39), warning: wrap(33, 39), info: wrap(36, 39) };
  return { bold: wrap(1, 22), dim: wrap(2, 22), severity: (severity, text) => colors[severity](text) };
}

/** Whether to color stdout: on a TTY, unless --no-color, NO_COLOR or TERM=dumb say otherwise; FORCE_COLOR forces it. */
export function colorEnabled(noColorFlag: boolean, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTty && env.TERM !== 'dumb';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Counts per severity and distinct files with findings. */
export function summarize(report: ScanReport): {
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  filesWithFindings: number;
  filesScanned: number;
  skipped: number;
  durationMs: number;
} {
  const count = (severity: Severity) => report.findings.filter((finding) => finding.severity === severity).length;
  return {
    findings: report.findings.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    filesWithFindings: new Set(report.findings.map((finding) => finding.path)).size,
    filesScanned: report.filesScanned,
    skipped: report.skipped.length,
    durationMs: report.durationMs,
  };
}

/** One-line summary: `3 findings (2 errors, 1 warning) in 2 files · 120 files scanned, 4 skipped · 0.4 s`. */
export function summaryLine(report: ScanReport, colors: Palette): string {
  const s = summarize(report);
  const scanned = `${plural(s.filesScanned, 'file')} scanned${s.skipped ? `, ${s.skipped} skipped` : ''} in ${(s.durationMs / 1000).toFixed(1)} s`;
  if (s.findings === 0) return `${colors.bold('No secrets or risky config found')} · ${scanned}`;
  const parts = [
    s.errors ? colors.severity('error', plural(s.errors, 'error')) : '',
    s.warnings ? colors.severity('warning', plural(s.warnings, 'warning')) : '',
    s.infos ? colors.severity('info', `${s.infos} info`) : '',
  ].filter(Boolean);
  return `${colors.bold(plural(s.findings, 'finding'))} (${parts.join(', ')}) in ${plural(s.filesWithFindings, 'file')} · ${scanned}`;
}

function textLine(finding: FileFinding, colors: Palette): string {
  const where = `${finding.path}:${finding.range.startPos.line}:${finding.range.startPos.column}`;
  const severity = colors.severity(finding.severity, finding.severity.padEnd(7));
  return `${where}  ${severity}  ${colors.dim(finding.ruleId)}  ${finding.title}  ${finding.masked}`;
}

/** Options of the text report. */
export interface TextOptions {
  colors: Palette;
  /** Findings only: no summary, notes or skip list. */
  quiet: boolean;
  /** Also list skipped files and parser notes. */
  verbose: boolean;
}

/**
 * `path:line:col  severity  rule-id  title  masked`, grouped by file (a blank line between files),
 * then the summary line. Skipped files and notes are listed with --verbose.
 */
export function formatText(report: ScanReport, options: TextOptions): string {
  const { colors } = options;
  const lines: string[] = [];
  let previousPath: string | undefined;
  for (const finding of report.findings) {
    if (previousPath !== undefined && finding.path !== previousPath) lines.push('');
    previousPath = finding.path;
    lines.push(textLine(finding, colors));
  }
  if (options.quiet) return lines.length ? `${lines.join('\n')}\n` : '';
  if (options.verbose && (report.skipped.length || report.notes.length)) {
    if (lines.length) lines.push('');
    for (const skip of report.skipped) lines.push(colors.dim(`skipped ${skip.path}: ${skip.reason}`));
    for (const note of report.notes) lines.push(colors.dim(`note ${note.path}: ${note.note}`));
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(report, colors));
  if (!options.verbose && report.skipped.length) lines.push(colors.dim('(run with --verbose to list skipped files)'));
  return `${lines.join('\n')}\n`;
}

/** A finding as written in JSON: flat positions, relative path, masked value only. */
function jsonFinding(finding: FileFinding): Record<string, unknown> {
  const { range, path, ...rest } = finding;
  return {
    path,
    line: range.startPos.line,
    column: range.startPos.column,
    endLine: range.endPos.line,
    endColumn: range.endPos.column,
    startOffset: range.start,
    endOffset: range.end,
    ...rest,
  };
}

/** `{ tool, findings: [...], skipped: [...], notes: [...], summary: {...} }`, pretty-printed. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(
    {
      tool: { name: 'keyguard', version: VERSION },
      findings: report.findings.map(jsonFinding),
      skipped: report.skipped,
      notes: report.notes,
      warnings: report.warnings,
      summary: summarize(report),
    },
    null,
    2,
  )}\n`;
}
