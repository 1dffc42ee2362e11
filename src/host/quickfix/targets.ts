import * as vscode from 'vscode';
import type { FindingLike } from '../../engine/envfix';
import { languageOf, type LanguageId } from '../../engine/language';
import type { Finding, FindingKind } from '../../engine/types';
import type { Services } from '../services';

/** A Keyguard finding in an open document, with its value read from the document (never logged). */
export interface FixTarget {
  diagnostic: vscode.Diagnostic;
  finding: FindingLike & { range: { start: number; end: number }; kind: FindingKind; detail?: string };
  value: string;
}

export const DIAGNOSTIC_SOURCE = 'keyguard';

/** The engine's language of a document (the scanner decides by file name, so do the fixes). */
export function languageOfDocument(document: vscode.TextDocument): LanguageId {
  return languageOf(document.fileName);
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code && typeof code === 'object') return String(code.value);
  return code === undefined ? 'unknown' : String(code);
}

/**
 * The finding behind a Keyguard diagnostic. Offsets come from the diagnostic's current range (VS Code moves
 * it along with edits); names and kind from the findings store when it has the finding.
 */
export function targetOf(services: Services, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): FixTarget {
  const found: Finding | undefined = services.findings?.findingFor(document.uri, diagnostic);
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const ruleId = found?.ruleId ?? ruleIdOf(diagnostic);
  return {
    diagnostic,
    value: document.getText(diagnostic.range),
    finding: {
      ruleId,
      provider: found?.provider ?? 'Generic',
      keyName: found?.keyName,
      keyPath: found?.keyPath,
      detail: found?.detail,
      kind: found?.kind ?? (diagnostic.severity === vscode.DiagnosticSeverity.Error ? 'secret' : 'risky-config'),
      range: { start, end },
    },
  };
}

/** Keyguard's diagnostics among the given ones. */
export function keyguardDiagnostics(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** Secrets and plaintext passwords move to env vars; other risky settings get their own fixes. */
export function isMovable(target: FixTarget): boolean {
  return target.finding.kind === 'secret' || /password|credential|secret/.test(target.finding.ruleId);
}
