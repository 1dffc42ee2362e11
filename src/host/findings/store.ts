import * as vscode from 'vscode';
import type { Finding } from '../../engine/types';
import { DIAGNOSTIC_SOURCE, diagnosticRuleId } from '../diagnostics';

/** Where a file's findings came from: a scan of the open document, or of the file on disk. */
export type FindingsOrigin = 'document' | 'disk';

/** The findings of one file and the diagnostics made from them (same order, same length). */
export interface FileFindings {
  readonly uri: vscode.Uri;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly vscode.Diagnostic[];
  readonly origin: FindingsOrigin;
}

/**
 * Single owner of Keyguard's DiagnosticCollection and of the Finding behind each diagnostic, so the Problems
 * panel, the Findings view, hovers and quick fixes always agree.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly files = new Map<string, FileFindings>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();

  /** Fires after any file's findings change (coalesce in listeners if needed). */
  readonly onDidChange = this.changeEmitter.event;

  /** Replaces a file's findings; an empty list removes the file. */
  set(uri: vscode.Uri, findings: readonly Finding[], diagnostics: readonly vscode.Diagnostic[], origin: FindingsOrigin): void {
    const key = uri.toString();
    if (findings.length === 0) {
      if (!this.files.has(key) && this.collection.get(uri) === undefined) return;
      this.files.delete(key);
      this.collection.delete(uri);
    } else {
      this.files.set(key, { uri, findings, diagnostics, origin });
      this.collection.set(uri, [...diagnostics]);
    }
    this.changeEmitter.fire();
  }

  /** Forgets one file. */
  delete(uri: vscode.Uri): void {
    this.set(uri, [], [], 'document');
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
    this.collection.clear();
    this.changeEmitter.fire();
  }

  /** The findings of one file (empty when none). */
  get(uri: vscode.Uri): FileFindings | undefined {
    return this.files.get(uri.toString());
  }

  /** Every file with findings, sorted by path for stable display. */
  all(): FileFindings[] {
    return [...this.files.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  /** The Finding behind a Keyguard diagnostic, matched by range and rule id. */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    const entry = this.files.get(uri.toString());
    if (!entry) return undefined;
    const ruleId = diagnosticRuleId(diagnostic);
    const index = entry.diagnostics.findIndex(
      (candidate) => candidate.range.isEqual(diagnostic.range) && diagnosticRuleId(candidate) === ruleId,
    );
    return index >= 0 ? entry.findings[index] : undefined;
  }

  dispose(): void {
    this.collection.dispose();
    this.changeEmitter.dispose();
  }
}
