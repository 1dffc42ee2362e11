import * as vscode from 'vscode';
import { computeLineStarts, lineIndexAt } from '../engine/lines';
import type { Finding, Severity } from '../engine/types';
import type { SeverityOverride } from './config';
import { ruleDocsUri } from './links';

/** Name under which every Keyguard diagnostic appears (`source`) and its collection is created. */
export const DIAGNOSTIC_SOURCE = 'keyguard';

/** Anything that maps a text offset to a position: a TextDocument, or `textPositions(text)` for unopened files. */
export interface OffsetPositions {
  positionAt(offset: number): vscode.Position;
}

/**
 * Offset-to-position mapping for text that is not open in an editor, with the same line-break rules as a
 * TextDocument (`\n`, `\r\n` and a lone `\r` each end a line).
 */
export function textPositions(text: string): OffsetPositions {
  const lineStarts = computeLineStarts(text);
  return {
    positionAt(offset: number): vscode.Position {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = lineIndexAt(lineStarts, clamped);
      return new vscode.Position(line, clamped - lineStarts[line]);
    },
  };
}

/** The editor range of a finding's value (never the whole line). */
export function findingRange(positions: OffsetPositions, finding: Finding): vscode.Range {
  return new vscode.Range(positions.positionAt(finding.range.start), positions.positionAt(finding.range.end));
}

/**
 * The diagnostic message: what it is, the masked value, and the fix in a few words. Built from the masked
 * form only, so the clear value can never reach the Problems panel.
 */
export function diagnosticMessage(finding: Finding): string {
  const advice = sentence(finding.remediation);
  if (finding.kind === 'risky-config') {
    // `detail` is a form id for the quick fixes; the user sees the setting as written (a password stays masked).
    const what = `${trimPeriod(finding.title)}: ${finding.masked}.`;
    return advice ? `${what} ${advice}` : what;
  }
  const what = `${finding.title} ${finding.masked} is hardcoded.`;
  return advice ? `${what} ${advice}` : what;
}

/**
 * Severity shown for a finding: the user's per-rule override, else the rule's own (Error for secrets,
 * Warning for risky config).
 */
export function diagnosticSeverity(finding: Finding, overrides: Record<string, SeverityOverride>): vscode.DiagnosticSeverity {
  return toVscodeSeverity(overrides[finding.ruleId] ?? finding.severity);
}

function toVscodeSeverity(severity: Severity | SeverityOverride): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** The one place a Finding becomes a Diagnostic. */
export function toDiagnostic(
  positions: OffsetPositions,
  finding: Finding,
  overrides: Record<string, SeverityOverride>,
): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    findingRange(positions, finding),
    diagnosticMessage(finding),
    diagnosticSeverity(finding, overrides),
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(finding.ruleId) };
  return diagnostic;
}

/** The rule id of a diagnostic's code, whichever shape the code has. */
export function diagnosticRuleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

function sentence(text: string): string {
  const trimmed = trimPeriod(text);
  return trimmed ? `${trimmed}.` : '';
}
