/**
 * The engine's public data shapes. Nothing under src/engine imports `vscode`:
 * the same engine runs in mocha, in the CLI and in the extension host.
 */

/** What a finding is about: a credential, or a dangerous configuration setting. */
export type FindingKind = 'secret' | 'risky-config';

/** Ordered from most to least urgent. */
export type Severity = 'error' | 'warning' | 'info';

/** How specific a rule is; used to pick the winner when matches overlap. */
export type Specificity =
  /** A provider's documented, prefixed format (ghp_, AKIA, sk-ant-...). */
  | 'provider'
  /** A structural format (PEM block, connection string, URL credentials, JWT). */
  | 'structural'
  /** A secret-like name with a literal value (generic detector). */
  | 'generic';

/** A 1-based line/column position (columns count UTF-16 code units, like VS Code). */
export interface LineColumn {
  line: number;
  column: number;
}

/** Half-open range of UTF-16 offsets into the scanned text, plus 1-based line/columns. */
export interface TextRange {
  start: number;
  end: number;
  startPos: LineColumn;
  /** Position just after the last character of the value. */
  endPos: LineColumn;
}

/** Decoded facts from a JSON Web Token, never including the signature. */
export interface JwtInfo {
  /** Expiry as epoch milliseconds, when the token has `exp`. */
  expiresAt?: number;
  /** True when `exp` is in the past at scan time. */
  expired?: boolean;
  /** Whole days until expiry (negative when expired). */
  expiresInDays?: number;
  issuer?: string;
  subject?: string;
  algorithm?: string;
}

/** One secret or risky setting found in one file. */
export interface Finding {
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  /** Short human title: "GitHub personal access token". */
  title: string;
  /** Provider or family name: "GitHub", "AWS", "Generic". */
  provider: string;
  /** The exact value's range (not the whole line). */
  range: TextRange;
  /** Masked form, safe to print: `ghp_…x9Qa (40 chars)`. Never the clear value. */
  masked: string;
  /** Stable hash of ruleId-independent value (sha256 hex of the value). */
  fingerprint: string;
  /** Shannon entropy of the value in bits per character. */
  entropy: number;
  /** One-line fix advice. */
  remediation: string;
  /** The name the value was assigned to, when known (`stripe_key`, `apiKey`, `DB_PASSWORD`). */
  keyName?: string;
  /** Dotted path of enclosing keys in structured files (`openai.apiKey`, `services.db.environment.POSTGRES_PASSWORD`). */
  keyPath?: string;
  /** Decoded JWT claims, for `jwt` findings. */
  jwt?: JwtInfo;
  /** Extra detail for risky-config findings ("verify=False disables certificate checks"). */
  detail?: string;
}

/**
 * Internal: a raw match produced by one detector before merging and suppression.
 * Detectors return these; the scanner turns them into Findings.
 */
export interface RawMatch {
  ruleId: string;
  /** Offsets of the value in the scanned text (half-open). */
  start: number;
  end: number;
  keyName?: string;
  keyPath?: string;
  detail?: string;
}

/** Options accepted by `scanText`. All optional; defaults are the product's defaults. */
export interface ScanOptions {
  /** Rule ids to skip. */
  disabledRules?: string[];
  /** Per-rule severity overrides. */
  severityOverrides?: Record<string, Severity>;
  /** Clock for JWT expiry and `until` suppressions (epoch ms). Default: Date.now(). */
  now?: number;
  /** Fingerprint allowlist entries (from `.keyguard/allowlist.json`). */
  allowlist?: AllowlistEntry[];
  /** Path of the file relative to the workspace/scan root, used for allowlist matching. */
  relativePath?: string;
  /** Skip inline suppression comments (for auditing). Default false. */
  ignoreInlineSuppressions?: boolean;
  /** Fingerprints of keys stored in the vault: a match is reported as that stored key. */
  knownKeys?: KnownKey[];
  /** Texts longer than this many characters are skipped with a reason. Default 5,000,000. */
  maxLength?: number;
}

/** A fingerprint allowlist entry; holds a hash, never the clear value. */
export interface AllowlistEntry {
  ruleId?: string;
  /** sha256 hex fingerprint of the value (Finding.fingerprint). */
  fingerprint: string;
  /** Path relative to the root; omitted = any file. */
  path?: string;
  /** Why it is allowed. */
  reason?: string;
}

/** A key stored in the vault, known by fingerprint only. */
export interface KnownKey {
  name: string;
  fingerprint: string;
  /** Length of the value, so that only candidates of that length are hashed. */
  length?: number;
  tier?: 'read-only' | 'developer' | 'admin';
}

/** Result of scanning one text. */
export interface ScanResult {
  findings: Finding[];
  /** Set when the file was skipped (binary, too large); a human-readable reason. */
  skipped?: string;
  /** Non-fatal notes (malformed YAML fell back to line scanning, ...). */
  notes: string[];
}

/** Logger interface the engine accepts; the extension binds it to a LogOutputChannel. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
