import * as path from 'path';
import type { DetectContext } from './detect';
import { shannonEntropy } from './entropy';
import { fingerprintOf } from './fingerprint';
import { parseStructure } from './formats';
import { detectGeneric } from './generic';
import { decodeJwt } from './jwt';
import { languageOf } from './language';
import { lineCursorFor, type LineCursor, type NewlineCursor } from './lineCursor';
import { computeLineStarts } from './lines';
import { occursIn, registerLiterals } from './literalIndex';
import { maskSecret } from './mask';
import { mergeOverlapping } from './merge';
import { detectProviders } from './providers';
import { detectRisky } from './risky';
import { ruleById, storedKeyRule } from './rules/catalog';
import type { RuleMeta } from './rules/types';
import { isAllowlisted, isSuppressedInline, SUPPRESSION_MARKER_LITERALS } from './suppress';
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
  const found: RawMatch[][] = [];
  for (const [name, detector] of DETECTORS) {
    try {
      found.push(detector(context));
    } catch (error) {
      notes.push(`${name} detector failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // One concatenation sized up front: a dense file's detector returns 100,000 matches.
  const raw = ([] as RawMatch[]).concat(...found);
  const disabled = new Set(options.disabledRules ?? []);
  const merged = mergeOverlapping(disabled.size > 0 ? raw.filter((match) => !disabled.has(match.ruleId)) : raw, ruleById);
  const now = options.now ?? Date.now();
  const build = new FindingBuilder(context, options, now);
  const findings: Finding[] = [];
  const lookForStoredKeys = !!options.knownKeys?.length && !disabled.has(storedKeyRule.id);
  const covered: Array<[number, number]> = [];
  for (const match of merged) {
    const finding = build.fromMatch(match);
    if (lookForStoredKeys) covered.push([match.start, match.end]);
    if (finding && !build.isSuppressed(finding)) findings.push(finding);
  }
  if (lookForStoredKeys) {
    for (const finding of findStoredKeys(build, options.knownKeys!, covered)) {
      if (!build.isSuppressed(finding)) findings.push(finding);
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

/** The context every detector reads: language, parsed structure (parse problems go to `notes`), lazy helpers. */
export function buildContext(text: string, fileName: string, notes: string[]): DetectContext {
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

/** Per distinct value of a scan: its fingerprint, rounded entropy and (once needed) how it is shown. */
interface ValueFacts {
  fingerprint: string;
  entropy: number;
  /** The first 60 characters, for risky settings shown in clear. */
  clear?: string;
  masked?: string;
}

/** Literals every inline suppression marker contains (see ./suppress): a text with none of them has no markers. */
registerLiterals(SUPPRESSION_MARKER_LITERALS);

/**
 * Turns one scan's merged matches into findings. Matches arrive in text order, so line numbers come from
 * a cursor that steps forward, and the per-value facts (fingerprint, entropy) are computed once per
 * distinct value: dense files repeat the same value (`-k`, `true`) on every line.
 */
class FindingBuilder {
  /** Made on the first finding: the line-start table it needs is built on first use, and most files have no finding. */
  private cursor: LineCursor | NewlineCursor | undefined;
  private readonly facts = new Map<string, ValueFacts>();
  /** False when the text holds no suppression marker at all (or markers are ignored): nothing to look up per finding. */
  private readonly checkMarkers: boolean;

  constructor(readonly context: DetectContext, private readonly options: ScanOptions, readonly now: number) {
    this.checkMarkers = !options.ignoreInlineSuppressions && SUPPRESSION_MARKER_LITERALS.some((literal) => occursIn(context, literal));
  }

  fromMatch(match: RawMatch): Finding | undefined {
    const rule = ruleById(match.ruleId);
    if (!rule || match.end <= match.start) return undefined;
    const value = this.context.text.slice(match.start, match.end);
    const finding = this.build(rule, match, value);
    if (looksLikeJwt(value)) {
      const jwt = decodeJwt(value, this.now);
      if (jwt) finding.jwt = jwt;
    }
    const stored = this.options.knownKeys?.find((key) => key.fingerprint === finding.fingerprint);
    if (stored) describeStoredKey(finding, stored);
    return finding;
  }

  build(rule: RuleMeta, match: RawMatch, value: string): Finding {
    const facts = this.factsOf(value);
    // Shown and masked forms are shared by the findings of one value (a dense file has thousands).
    const masked = showsValueInClear(rule) ? (facts.clear ??= value.slice(0, 60)) : (facts.masked ??= maskSecret(value));
    // Fields in the order findings have always been serialised in (JSON and SARIF output).
    const finding: Finding = {
      ruleId: rule.id,
      kind: rule.kind,
      severity: this.options.severityOverrides?.[rule.id] ?? rule.severity,
      title: rule.title,
      provider: rule.provider,
      range: (this.cursor ??= lineCursorFor(this.context.text, () => this.context.lineStarts)).range(match.start, match.end),
      masked,
      fingerprint: facts.fingerprint,
      entropy: facts.entropy,
      remediation: rule.remediation,
    };
    if (match.keyName) finding.keyName = match.keyName;
    if (match.keyPath) finding.keyPath = match.keyPath;
    if (match.detail) finding.detail = match.detail;
    return finding;
  }

  isSuppressed(finding: Finding): boolean {
    const { context, options } = this;
    if (this.checkMarkers &&
      isSuppressedInline(context.text, context.lineStarts, finding.range.start, finding.range.end, finding.ruleId, this.now)) {
      return true;
    }
    return !!options.allowlist?.length && isAllowlisted(options.allowlist, finding, options.relativePath);
  }

  /** What a finding shows of `value`, computed once per scan. */
  private factsOf(value: string): ValueFacts {
    let known = this.facts.get(value);
    if (!known) {
      known = { fingerprint: fingerprintOf(value), entropy: Math.round(shannonEntropy(value) * 100) / 100 };
      this.facts.set(value, known);
    }
    return known;
  }
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

/** Characters that end a bare token when looking for stored values. */
const TOKEN = /[^\s"'`,;()[\]{}<>]+/g;

/**
 * Stored keys are known by fingerprint only, so candidate tokens of a stored key's length are
 * hashed and compared. Tokens already covered by another finding are skipped.
 */
function findStoredKeys(build: FindingBuilder, knownKeys: KnownKey[], covered: Array<[number, number]>): Finding[] {
  const { context } = build;
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
    const finding = build.build(storedKeyRule, { ruleId: storedKeyRule.id, start, end }, value);
    describeStoredKey(finding, stored);
    if (looksLikeJwt(value)) finding.jwt = decodeJwt(value, build.now);
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
