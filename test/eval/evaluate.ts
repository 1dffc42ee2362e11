import { scanText } from '../../src/engine/scanner';
import { ruleById } from '../../src/engine/rules/catalog';
import { maskSecret } from '../../src/engine/mask';
import type { FindingKind } from '../../src/engine/types';
import type { RenderedFile } from './render';
import { score, type Labeled, type Score } from './score';

const RISKY_IDS = new Set(['plaintext-password', 'debug-in-production', 'tls-verify-disabled']);

/** Kind of a rule id, from the catalog (falling back to the three risky-config ids when it is unknown). */
export function kindOfRule(ruleId: string): FindingKind {
  return ruleById(ruleId)?.kind ?? (RISKY_IDS.has(ruleId) ? 'risky-config' : 'secret');
}

/**
 * Masked form of what sits on an expected line, for false-negative reports: the generated value when the
 * template made one, otherwise the longest token after the first `=` or `:`. Never the clear value.
 */
export function maskedLineValue(file: RenderedFile, line: number): string {
  const generated = file.valuesByLine.get(line);
  if (generated && generated.length > 0) return maskSecret(generated[0]);
  const lineText = file.text.split('\n')[line - 1] ?? '';
  const separator = lineText.search(/[=:]/);
  const tail = separator >= 0 ? lineText.slice(separator + 1) : lineText;
  const tokens = tail.split(/[\s"'`,;()<>]+/).filter(Boolean);
  const longest = tokens.reduce((best, t) => (t.length > best.length ? t : best), '');
  return longest ? maskSecret(longest) : '(empty line)';
}

/** Expectations of all rendered files, as scoring labels. */
export function expectedLabels(files: RenderedFile[]): Labeled[] {
  return files.flatMap((file) =>
    file.expected.map((e) => ({
      file: file.relPath,
      line: e.line,
      ruleId: e.ruleId,
      kind: kindOfRule(e.ruleId),
      masked: maskedLineValue(file, e.line),
    })),
  );
}

/** Scans every rendered file in-process with `scanText` and labels the findings. */
export function scanLabels(files: RenderedFile[]): { labels: Labeled[]; errors: string[] } {
  const labels: Labeled[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      const result = scanText(file.text, file.relPath);
      for (const f of result.findings) {
        labels.push({ file: file.relPath, line: f.range.startPos.line, ruleId: f.ruleId, kind: f.kind, masked: f.masked });
      }
    } catch (error) {
      // The engine must never throw; record it as a defect of that file instead of aborting the report.
      errors.push(`${file.relPath}: scanText threw ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`);
    }
  }
  return { labels, errors };
}

/** Runs the in-process evaluation over a rendered corpus. */
export function evaluateInProcess(files: RenderedFile[]): { score: Score; errors: string[] } {
  const { labels, errors } = scanLabels(files);
  return { score: score(expectedLabels(files), labels), errors };
}
