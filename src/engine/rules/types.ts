import type { FindingKind, Severity, Specificity } from '../types';

/** Metadata every rule has, whatever detects it (provider regex, generic detector, risky-config check). */
export interface RuleMeta {
  /** Stable kebab-case id, used in suppressions, settings, SARIF and README anchors: `github-pat`. */
  id: string;
  /** Short human title: "GitHub personal access token (classic)". */
  title: string;
  /** Provider or family: "GitHub", "Generic", "TLS". */
  provider: string;
  kind: FindingKind;
  severity: Severity;
  specificity: Specificity;
  /** The documented shape in words, for the README rule list: "`ghp_` + 36 base62 characters". */
  format: string;
  /** One-line fix advice shown in messages and hovers. */
  remediation: string;
  /** Optional public documentation URL of the provider's key format. */
  reference?: string;
}

/** Context passed to a provider rule's validator. */
export interface ValidateContext {
  /** Whole text being scanned. */
  text: string;
  /** Offsets of the candidate value. */
  start: number;
  end: number;
  fileName: string;
}

/** A provider detector: a documented token format matched by a regular expression. */
export interface ProviderRule extends RuleMeta {
  /**
   * Global (`g`) regular expression. The secret value is capture group `secretGroup`
   * (default 0, the whole match). Must run in linear-ish time on adversarial input:
   * bounded quantifiers, no nested unbounded repetition.
   */
  pattern: RegExp;
  secretGroup?: number;
  /**
   * Lower-case literal substrings; the rule only runs when the lower-cased text contains
   * at least one. Cheap prefilter that keeps 150+ rules fast.
   */
  keywords: string[];
  /** Minimum Shannon entropy (bits/char) of the value; filters placeholders like `ghp_xxxx…`. */
  minEntropy?: number;
  /** Extra check on the value (checksum, structure, context). Return false to drop the match. */
  validate?: (value: string, context: ValidateContext) => boolean;
}
