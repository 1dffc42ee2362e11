import * as path from 'path';
import type { DetectContext } from './detect';
import { shannonEntropy } from './entropy';
import { fingerprintOf } from './fingerprint';
import { parseStructure } from './formats';
import { detectGeneric } from './generic';
import { decodeJwt } from './jwt';
import { languageOf } from './language';
import { computeLineStarts, makeRange } from './lines';
import { maskSecret } from './mask';
import { mergeOverlapping } from './merge';
import { detectProviders } from './providers';
import { detectRisky } from './risky';
import { ruleById, storedKeyRule } from './rules/catalog';
import type { RuleMeta } from './rules/types';
import { isAllowlisted, isSuppressedInline } from './suppress';
import type { Finding, KnownKey, RawMatch, ScanOptions, ScanResult } from './types';

/** Default ceiling on text length; larger inputs are skipped with a reason rather than scanned slowly. */
export const DEFAULT_MAX_LENGTH = 5_000_000;

/**
 * Files whose contents are hashes and pinned versions by design: scanning them only produces noise
 * (integrity digests, checksums). Skipped by name, in the editor and the CLI alike.
 */
const LOCKFILE_NAMES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'go.sum', 'cargo.lock',
  'poetry.lock', 'pipfile.lock', 'gemfile.lock', 'composer.lock', 'packages.lock.json', 'pdm.lock', 'uv.lock',
  'flake.lock', 'mix.lock', 'pubspec.lock', 'podfile.lock', 'gradle.lockfile',
]);

/** A reason to skip the text entirely, or undefined to scan it. */
export function skipReason(text: string, fileName: string, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
  if (LOCKFILE_NAMES.has(path.basename(fileName).toLowerCase())) return 'lockfile (hashes and pinned versions only)';
  if (text.length > maxLength) {
    return `too large (${text.length.toLocaleString('en-US')} characters, limit ${maxLength.toLocaleString('en-US')})`;
  }
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes('\u0000')) return 'binary content';
  let replacement = 0;
  // indexOf rather than a character loop: on the usual one-byte string it answers at once.
  for (let at = sample.indexOf('\ufffd'); at >= 0; at = sample.indexOf('\ufffd', at + 1)) replacement++;
  if (sample.length > 0 && replacement / sample.length > 0.1) return 'not valid UTF-8 text';
  return undefined;
}

/**
 * Scans one text for secrets and risky configuration. Never throws: a detector that fails is
 * reported in `notes` and the others still run.
 */
export function scanText(text: string, fileName: string, options: ScanOptions = {}): ScanResult {
  const notes: string[] = [];
  const skipped = skipReason(text, fileName, options.maxLength);
  if (skipped) return { findings: [], skipped, notes };

  const context = buildContext(text, fileName, notes);
  const raw: RawMatch[] = [];
  for (const [name, detector] of DETECTORS) {
    try {
      raw.push(...detector(context));
    } catch (error) {
      notes.push(`${name} detector failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const disabled = new Set(options.disabledRules ?? []);
  const merged = mergeOverlapping(
    raw.filter((match) => !disabled.has(match.ruleId)),
    ruleById,
  );
  const now = options.now ?? Date.now();
  const findings: Finding[] = [];
  const covered: Array<[number, number]> = [];
  for (const match of merged) {
    const finding = toFinding(context, match, now, options);
    covered.push([match.start, match.end]);
    if (finding && !isSuppressed(context, finding, now, options)) findings.push(finding);
  }
  if (options.knownKeys?.length && !disabled.has(storedKeyRule.id)) {
    for (const finding of findStoredKeys(context, options.knownKeys, covered, now, options)) {
      if (!isSuppressed(context, finding, now, options)) findings.push(finding);
    }
    findings.sort((a, b) => a.range.start - b.range.start);
  }
  return { findings, notes };
}

type Detector = (context: DetectContext) => RawMatch[];

const DETECTORS: Array<[string, Detector]> = [
  ['provider', detectProviders],
  ['generic', detectGeneric],
  ['risky-config', detectRisky],
];

function buildContext(text: string, fileName: string, notes: string[]): DetectContext {
  const language = languageOf(fileName);
  let structure: DetectContext['structure'];
  try {
    structure = parseStructure(text, fileName, language);
    if (structure?.malformed && structure.note) notes.push(structure.note);
  } catch (error) {
    notes.push(`could not parse ${language}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Built on first use: most files need neither (the keyword pass reads the text as given; line starts
  // serve findings and suppression checks), and on two-byte strings the lower-cased copy is costly.
  let lowerText: string | undefined;
  let lineStarts: number[] | undefined;
  return {
    text, fileName, language, structure,
    get lowerText() {
      return (lowerText ??= text.toLowerCase());
    },
    get lineStarts() {
      return (lineStarts ??= computeLineStarts(text));
    },
  };
}

function toFinding(context: DetectContext, match: RawMatch, now: number, options: ScanOptions): Finding | undefined {
  const rule = ruleById(match.ruleId);
  if (!rule || match.end <= match.start) return undefined;
  const value = context.text.slice(match.start, match.end);
  const finding = buildFinding(context, rule, match, value, options);
  if (looksLikeJwt(value)) {
    const jwt = decodeJwt(value, now);
    if (jwt) finding.jwt = jwt;
  }
  const stored = options.knownKeys?.find((key) => key.fingerprint === finding.fingerprint);
  if (stored) describeStoredKey(finding, stored);
  return finding;
}

function buildFinding(context: DetectContext, rule: RuleMeta, match: RawMatch, value: string, options: ScanOptions): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    kind: rule.kind,
    severity: options.severityOverrides?.[rule.id] ?? rule.severity,
    title: rule.title,
    provider: rule.provider,
    range: makeRange(context.lineStarts, match.start, match.end),
    masked: showsValueInClear(rule) ? value.slice(0, 60) : maskSecret(value),
    ...factsOf(context, value),
    remediation: rule.remediation,
  };
  if (match.keyName) finding.keyName = match.keyName;
  if (match.keyPath) finding.keyPath = match.keyPath;
  if (match.detail) finding.detail = match.detail;
  return finding;
}

/** Per scan (context), the fingerprint and entropy of each distinct value found. */
const valueFacts = new WeakMap<DetectContext, Map<string, { fingerprint: string; entropy: number }>>();

/** Fingerprint and rounded entropy of `value`, computed once per scan: repeated values (`-k`, `true`) are common. */
function factsOf(context: DetectContext, value: string): { fingerprint: string; entropy: number } {
  let facts = valueFacts.get(context);
  if (!facts) {
    facts = new Map();
    valueFacts.set(context, facts);
  }
  let known = facts.get(value);
  if (!known) {
    known = { fingerprint: fingerprintOf(value), entropy: Math.round(shannonEntropy(value) * 100) / 100 };
    facts.set(value, known);
  }
  return known;
}

/** A stored key found in a file is named after the vault entry; admin keys are always errors. */
function describeStoredKey(finding: Finding, stored: KnownKey): void {
  finding.title = `Your stored key ${stored.name}`;
  finding.keyName = finding.keyName ?? stored.name;
  finding.remediation = `Use the environment variable ${stored.name} that Keyguard injects instead of the literal.`;
  if (stored.tier === 'admin') finding.severity = 'error';
}

/**
 * Risky settings such as `verify=False` or `debug: true` hold no secret, so their text is shown as is;
 * a plaintext password is still a secret and stays masked.
 */
function showsValueInClear(rule: RuleMeta): boolean {
  return rule.kind === 'risky-config' && rule.id !== 'plaintext-password';
}

function looksLikeJwt(value: string): boolean {
  return value.startsWith('eyJ') && value.split('.').length === 3;
}

function isSuppressed(context: DetectContext, finding: Finding, now: number, options: ScanOptions): boolean {
  if (!options.ignoreInlineSuppressions &&
    isSuppressedInline(context.text, context.lineStarts, finding.range.start, finding.range.end, finding.ruleId, now)) {
    return true;
  }
  return !!options.allowlist?.length && isAllowlisted(options.allowlist, finding, options.relativePath);
}

/** Characters that end a bare token when looking for stored values. */
const TOKEN = /[^\s"'`,;()[\]{}<>]+/g;

/**
 * Stored keys are known by fingerprint only, so candidate tokens of a stored key's length are
 * hashed and compared. Tokens already covered by another finding are skipped.
 */
function findStoredKeys(
  context: DetectContext,
  knownKeys: KnownKey[],
  covered: Array<[number, number]>,
  now: number,
  options: ScanOptions,
): Finding[] {
  const byFingerprint = new Map(knownKeys.map((key) => [key.fingerprint, key]));
  const lengths = new Set(knownKeys.map((key) => key.length).filter((length): length is number => !!length));
  const findings: Finding[] = [];
  if (lengths.size === 0) return findings;
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(context.text); token; token = TOKEN.exec(context.text)) {
    const value = candidateValue(token[0], lengths);
    if (!value) continue;
    const start = token.index + token[0].indexOf(value);
    const end = start + value.length;
    if (covered.some(([from, to]) => start < to && end > from)) continue;
    const stored = byFingerprint.get(fingerprintOf(value));
    if (!stored) continue;
    const finding = buildFinding(context, storedKeyRule, { ruleId: storedKeyRule.id, start, end }, value, options);
    describeStoredKey(finding, stored);
    if (looksLikeJwt(value)) finding.jwt = decodeJwt(value, now);
    findings.push(finding);
  }
  return findings;
}

/** The token itself, or its value after `NAME=` / `key:`, when it has a stored key's length. */
function candidateValue(token: string, lengths: Set<number>): string | undefined {
  if (lengths.has(token.length)) return token;
  const separator = token.search(/[=:]/);
  if (separator >= 0) {
    const rest = token.slice(separator + 1);
    if (lengths.has(rest.length)) return rest;
  }
  return undefined;
}
