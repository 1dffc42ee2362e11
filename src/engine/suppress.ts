/**
 * Suppressions: inline comment markers and the fingerprint allowlist (`.keyguard/allowlist.json`).
 * Pure: no file system, no clock of its own (the caller passes `now`).
 */
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { lineIndexAt } from './lines';
import type { AllowlistEntry } from './types';

/** Version written to and accepted in `.keyguard/allowlist.json`. */
export const ALLOWLIST_VERSION = 1;

/** Where the allowlist lives, relative to the scan or workspace root. */
export const ALLOWLIST_RELATIVE_PATH = '.keyguard/allowlist.json';

/**
 * `keyguard:ignore`, then optional rule ids (comma separated, no spaces around commas is not required),
 * then optional `until YYYY-MM-DD`. Anything after that (a reason, `-- why`) is free text.
 * The negative lookahead keeps `keyguard:ignore-next-line` from reading as the same-line marker.
 */
const KEYGUARD_SAME_LINE = /keyguard:ignore(?![\w-])([^\r\n]*)/g;
const KEYGUARD_NEXT_LINE = /keyguard:ignore-next-line(?![\w-])([^\r\n]*)/g;

/** Peer markers that apply to the line they are on. */
const PEER_SAME_LINE = [
  /gitleaks:allow\b/,
  /pragma:\s*(?:allowlist|whitelist)\s+secret\b/,
  /secretlint-disable-line\b/,
];
/** Peer markers that apply to the following line. */
const PEER_NEXT_LINE = [/pragma:\s*(?:allowlist|whitelist)\s+nextline\s+secret\b/, /secretlint-disable-next-line\b/];

const BLOCK_DISABLE = /secretlint-disable(?![\w-])/g;
const BLOCK_ENABLE = /secretlint-enable(?![\w-])/g;

const RULE_ID_LIST = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
const UNTIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A parsed `keyguard:ignore` directive. */
export interface IgnoreDirective {
  /** Rule ids it is limited to; empty = every rule. */
  ruleIds: string[];
  /** Epoch ms after which the directive stops suppressing (end of the `until` day, UTC). */
  expiresAt?: number;
  /** True when `until` was given but is not a valid date: such a directive never suppresses. */
  invalidUntil?: boolean;
}

/**
 * Parses what follows `keyguard:ignore` on a line: `[rule-id[,rule-id…]] [until YYYY-MM-DD] [free text]`.
 * A reason is best written after `--` (`keyguard:ignore -- test fixture`), since a bare first word is
 * read as a rule id.
 */
export function parseIgnoreDirective(rest: string): IgnoreDirective {
  // Comment closers (`*/`, `-->`) and a trailing quote are not part of the directive.
  const words = rest.replace(/\*\/|-->/g, ' ').trim().split(/\s+/).filter(Boolean);
  const directive: IgnoreDirective = { ruleIds: [] };
  let index = 0;
  if (index < words.length && words[index] !== 'until' && RULE_ID_LIST.test(words[index])) {
    directive.ruleIds = words[index].split(',');
    index++;
  }
  if (words[index] === 'until') {
    const expiresAt = endOfUtcDay(words[index + 1] ?? '');
    if (expiresAt === undefined) directive.invalidUntil = true;
    else directive.expiresAt = expiresAt;
  }
  return directive;
}

/** Epoch ms of the first instant after the given `YYYY-MM-DD` day (UTC), or undefined when not a real date. */
function endOfUtcDay(date: string): number | undefined {
  const match = UNTIL_DATE.exec(date.replace(/[,;.'")\]]+$/, ''));
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Date.UTC(year, month - 1, day + 1);
}

/** True when a directive applies to `ruleId` at time `now`. */
function directiveApplies(directive: IgnoreDirective, ruleId: string, now: number): boolean {
  if (directive.invalidUntil) return false;
  if (directive.expiresAt !== undefined && now >= directive.expiresAt) return false;
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

/** Only comment punctuation and blanks before the marker: the line is a comment, not code. */
const COMMENT_ONLY_PREFIX = /^[^\w'"`]*$/;

/** One `keyguard:ignore…` marker on a line; `standalone` when only comment punctuation precedes it. */
interface KeyguardMarker {
  directive: IgnoreDirective;
  standalone: boolean;
}

/** The markers found on one line, read once per line rather than once per finding on it. */
interface LineMarkers {
  sameLine: KeyguardMarker[];
  nextLine: KeyguardMarker[];
  peerSameLine: boolean;
  peerNextLine: boolean;
}

function keyguardMarkers(pattern: RegExp, line: string): KeyguardMarker[] {
  const markers: KeyguardMarker[] = [];
  if (!line.includes('keyguard:ignore')) return markers;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    markers.push({ directive: parseIgnoreDirective(match[1]), standalone: COMMENT_ONLY_PREFIX.test(line.slice(0, match.index)) });
  }
  return markers;
}

/**
 * True when any of the markers applies. With `standalone`, only a marker that stands on a comment line
 * of its own counts: a trailing marker after code belongs to that code's line and must not also silence
 * the next one.
 */
function markerApplies(markers: KeyguardMarker[], ruleId: string, now: number, standalone = false): boolean {
  return markers.some((marker) => (!standalone || marker.standalone) && directiveApplies(marker.directive, ruleId, now));
}

/**
 * The last text's markers by line index: a minified file or a one-line adversarial input can hold
 * thousands of findings on one long line, and reading that line once per finding would be quadratic.
 */
let markerCache: { text: string; lineStarts: number[]; lines: Map<number, LineMarkers>; none?: boolean } | undefined;

/** Lines read one by one before the whole text is checked for markers at all (worth it only with many findings). */
const LINES_BEFORE_TEXT_CHECK = 64;

/**
 * Literals (lower-case) every marker above contains: a text holding none of them, in any case, has no
 * markers on any line. The scanner checks them once per text and then skips the per-finding lookups.
 */
export const SUPPRESSION_MARKER_LITERALS: readonly string[] = ['keyguard:ignore', 'gitleaks:allow', 'pragma:', 'secretlint-disable'];

const NO_MARKERS: LineMarkers = { sameLine: [], nextLine: [], peerSameLine: false, peerNextLine: false };

function markersOf(text: string, lineStarts: number[], index: number): LineMarkers {
  if (markerCache?.text !== text || markerCache.lineStarts !== lineStarts) {
    markerCache = { text, lineStarts, lines: new Map() };
  }
  if (markerCache.none === undefined && markerCache.lines.size >= LINES_BEFORE_TEXT_CHECK) {
    markerCache.none = !SUPPRESSION_MARKER_LITERALS.some((literal) => text.includes(literal));
  }
  if (markerCache.none) return NO_MARKERS;
  let markers = markerCache.lines.get(index);
  if (!markers) {
    const line = lineText(text, lineStarts, index);
    markers = {
      sameLine: keyguardMarkers(KEYGUARD_SAME_LINE, line),
      nextLine: keyguardMarkers(KEYGUARD_NEXT_LINE, line),
      peerSameLine: PEER_SAME_LINE.some((marker) => marker.test(line)),
      peerNextLine: PEER_NEXT_LINE.some((marker) => marker.test(line)),
    };
    markerCache.lines.set(index, markers);
  }
  return markers;
}

function lineText(text: string, lineStarts: number[], index: number): string {
  if (index < 0 || index >= lineStarts.length) return '';
  const end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
  return text.slice(lineStarts[index], end);
}

/** Half-open offset ranges covered by `secretlint-disable` … `secretlint-enable` blocks. */
function disabledBlocks(text: string): Array<[number, number]> {
  if (!text.includes('secretlint-disable')) return [];
  const events: Array<{ offset: number; disable: boolean }> = [];
  BLOCK_DISABLE.lastIndex = 0;
  for (let m = BLOCK_DISABLE.exec(text); m; m = BLOCK_DISABLE.exec(text)) events.push({ offset: m.index, disable: true });
  BLOCK_ENABLE.lastIndex = 0;
  for (let m = BLOCK_ENABLE.exec(text); m; m = BLOCK_ENABLE.exec(text)) events.push({ offset: m.index, disable: false });
  events.sort((a, b) => a.offset - b.offset);
  const blocks: Array<[number, number]> = [];
  let openedAt: number | undefined;
  for (const event of events) {
    if (event.disable && openedAt === undefined) openedAt = event.offset;
    else if (!event.disable && openedAt !== undefined) {
      blocks.push([openedAt, event.offset]);
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined) blocks.push([openedAt, text.length]);
  return blocks;
}

/** The last text's block ranges: the scanner asks once per finding of the same text. */
let blockCache: { text: string; blocks: Array<[number, number]> } | undefined;

function blocksOf(text: string): Array<[number, number]> {
  if (blockCache?.text !== text) blockCache = { text, blocks: disabledBlocks(text) };
  return blockCache.blocks;
}

/**
 * True when an inline marker suppresses the finding at `[start, end)`.
 *
 * Recognised: `keyguard:ignore [rule-id[,…]] [until YYYY-MM-DD]` on the finding's line, or on a comment
 * line of its own just before it; `keyguard:ignore-next-line` (same arguments) on the line before; `gitleaks:allow`,
 * `pragma: allowlist secret` and `secretlint-disable-line` on the same line;
 * `pragma: allowlist nextline secret` and `secretlint-disable-next-line` on the line before; and
 * `secretlint-disable` … `secretlint-enable` blocks. For a multi-line finding, its first line counts.
 * An expired `until` or a rule id that does not match leaves the finding reported.
 *
 * @param now epoch ms, compared with `until` dates.
 */
export function isSuppressedInline(
  text: string,
  lineStarts: number[],
  start: number,
  end: number,
  ruleId: string,
  now: number,
): boolean {
  void end; // Multi-line findings are judged by their first line, like single-line ones.
  const index = lineIndexAt(lineStarts, start);
  const sameLine = markersOf(text, lineStarts, index);
  const previousLine = markersOf(text, lineStarts, index - 1);

  if (markerApplies(sameLine.sameLine, ruleId, now)) return true;
  if (markerApplies(previousLine.sameLine, ruleId, now, true)) return true;
  if (markerApplies(previousLine.nextLine, ruleId, now)) return true;
  if (sameLine.peerSameLine) return true;
  if (previousLine.peerNextLine) return true;

  for (const [from, to] of blocksOf(text)) {
    if (start > from && start < to) return true;
  }
  return false;
}

/** Normalises a relative path for comparison: forward slashes, no leading `./`. */
function normalisePath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

/**
 * True when an allowlist entry covers the finding: same fingerprint (case-insensitive), and the
 * entry's rule id and path, when given, match too.
 */
export function isAllowlisted(
  entries: readonly AllowlistEntry[],
  finding: { ruleId: string; fingerprint: string },
  relativePath: string | undefined,
): boolean {
  if (entries.length === 0) return false;
  const fingerprint = finding.fingerprint.toLowerCase();
  const path = relativePath === undefined ? undefined : normalisePath(relativePath);
  return entries.some(
    (entry) =>
      entry.fingerprint.toLowerCase() === fingerprint &&
      (entry.ruleId === undefined || entry.ruleId === finding.ruleId) &&
      (entry.path === undefined || (path !== undefined && normalisePath(entry.path) === path)),
  );
}

const FINGERPRINT = /^[0-9a-f]{16,128}$/i;

/** Turns one raw JSON entry into an AllowlistEntry, or explains why it cannot be used. */
function toEntry(raw: unknown): AllowlistEntry | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'an entry is not an object';
  const record = raw as Record<string, unknown>;
  // A fingerprint must be a hash: anything else might be a clear value pasted by mistake.
  if (typeof record.fingerprint !== 'string' || !FINGERPRINT.test(record.fingerprint)) {
    return 'an entry has no hex "fingerprint"';
  }
  const entry: AllowlistEntry = { fingerprint: record.fingerprint.toLowerCase() };
  for (const field of ['ruleId', 'path', 'reason'] as const) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return `an entry's "${field}" is not a string`;
    entry[field] = field === 'path' ? normalisePath(value) : value;
  }
  return entry;
}

/**
 * Parses `.keyguard/allowlist.json` (`{ "version": 1, "entries": [...] }`; comments tolerated).
 * Never throws: unusable input yields the usable entries plus an `error` describing the problem.
 */
export function parseAllowlist(json: string): { entries: AllowlistEntry[]; error?: string } {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(json, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || data === undefined) {
    return { entries: [], error: 'allowlist is not valid JSON' };
  }
  let rawEntries: unknown;
  if (Array.isArray(data)) rawEntries = data;
  else if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    if (record.version !== undefined && record.version !== ALLOWLIST_VERSION) {
      return { entries: [], error: `unsupported allowlist version ${JSON.stringify(record.version)}` };
    }
    rawEntries = record.entries ?? [];
  }
  if (!Array.isArray(rawEntries)) return { entries: [], error: 'allowlist "entries" is not an array' };

  const entries: AllowlistEntry[] = [];
  const problems: string[] = [];
  for (const raw of rawEntries) {
    const result = toEntry(raw);
    if (typeof result === 'string') problems.push(result);
    else entries.push(result);
  }
  if (problems.length === 0) return { entries };
  return { entries, error: `${problems.length} allowlist entr${problems.length === 1 ? 'y' : 'ies'} ignored: ${problems[0]}` };
}

function sameEntry(a: AllowlistEntry, b: AllowlistEntry): boolean {
  return (
    a.fingerprint.toLowerCase() === b.fingerprint.toLowerCase() &&
    (a.ruleId ?? '') === (b.ruleId ?? '') &&
    normalisePath(a.path ?? '') === normalisePath(b.path ?? '')
  );
}

/**
 * Returns the allowlist file text with `entry` added (2-space JSON, trailing newline, entries in
 * insertion order). Adding an entry already present returns the same content. Other top-level fields
 * and unknown entry fields are kept.
 *
 * @param existing current file text, or undefined when the file does not exist yet.
 * @throws Error when `existing` is not valid JSON or not an allowlist: overwriting it would lose the
 *   user's entries, so the caller should show the message instead.
 */
export function addAllowlistEntry(existing: string | undefined, entry: AllowlistEntry): string {
  const checked = toEntry(entry);
  if (typeof checked === 'string') throw new Error(`Cannot add to the allowlist: ${checked}`);

  let document: Record<string, unknown> = { version: ALLOWLIST_VERSION, entries: [] };
  if (existing !== undefined && existing.trim() !== '') {
    const errors: ParseError[] = [];
    const data: unknown = parseJsonc(existing, errors, { allowTrailingComma: true });
    if (errors.length > 0 || typeof data !== 'object' || data === null) {
      throw new Error(`${ALLOWLIST_RELATIVE_PATH} is not valid JSON; fix it before adding entries`);
    }
    if (Array.isArray(data)) document = { version: ALLOWLIST_VERSION, entries: data };
    else document = { version: ALLOWLIST_VERSION, ...(data as Record<string, unknown>) };
    if (document.entries === undefined) document.entries = [];
    if (!Array.isArray(document.entries)) {
      throw new Error(`${ALLOWLIST_RELATIVE_PATH}: "entries" is not an array; fix it before adding entries`);
    }
  }
  const entries = document.entries as unknown[];
  const alreadyThere = entries.some((raw) => {
    const parsed = toEntry(raw);
    return typeof parsed !== 'string' && sameEntry(parsed, checked);
  });
  if (!alreadyThere) {
    const ordered: Record<string, string> = {};
    if (checked.ruleId !== undefined) ordered.ruleId = checked.ruleId;
    ordered.fingerprint = checked.fingerprint;
    if (checked.path !== undefined) ordered.path = checked.path;
    if (checked.reason !== undefined) ordered.reason = checked.reason;
    entries.push(ordered);
  }
  const { version, entries: allEntries, ...rest } = document;
  return `${JSON.stringify({ version, entries: allEntries, ...rest }, null, 2)}\n`;
}
