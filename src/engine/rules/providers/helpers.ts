import type { ProviderRule, ValidateContext } from '../types';

/**
 * Small builders shared by the provider rule tables. They keep every table declarative and make
 * sure each pattern is anchored on a non-token boundary and uses bounded quantifiers only, so that
 * every rule runs in linear time on adversarial input.
 */

/** Characters that continue a typical token; a match must not be glued to one on either side. */
export const WORD = 'A-Za-z0-9_';
/** Word characters plus `-`, for tokens whose alphabet includes the dash. */
export const WORD_DASH = 'A-Za-z0-9_\\-';
/** Base64 alphabet plus padding, for values that are base64 themselves. */
export const BASE64_EDGE = 'A-Za-z0-9+/=_\\-';

/** Rule fields a table must give; the rest get house defaults. */
export type RuleInput = Omit<ProviderRule, 'kind' | 'severity' | 'specificity'> &
  Partial<Pick<ProviderRule, 'kind' | 'severity' | 'specificity'>> & {
    /** Binary encodings (OpenSSH keys) legitimately hold runs of `A`; only check placeholder words. */
    allowRuns?: boolean;
  };

/**
 * Builds a provider rule with defaults (`kind: 'secret'`, `severity: 'error'`, `specificity: 'provider'`)
 * and a validator that always rejects obvious placeholders before any rule-specific check.
 */
export function rule(input: RuleInput): ProviderRule {
  const { allowRuns, validate: extra, ...rest } = input;
  return {
    kind: 'secret',
    severity: 'error',
    specificity: 'provider',
    ...rest,
    validate: (value, context) =>
      !looksLikePlaceholder(value, allowRuns) && (extra ? extra(value, context) : true),
  };
}

/**
 * What may end an escape sequence right before a token: the letter of a backslash escape (`\n`, `\t`
 * in a JSON or log string), the last hex digit of a percent-encoding (`%3D`, `%20` in a URL) or of a
 * `\u003d` escape. Such a character touches the token without being part of it.
 */
const ESCAPE_TAIL = '\\\\|%[0-9A-Fa-f]|\\\\u[0-9A-Fa-f]{3}';

/**
 * A global regex for `body` that may not touch a token character (`edge`) on either side
 * (`=` is only checked on the right), unless that character ends an escape sequence.
 * The whole match is the secret unless the caller uses a capture group.
 */
export function token(body: string, edge = WORD, flags = 'g'): RegExp {
  // `=` only ever pads the end of a value; before it, it is the assignment (`KEY=value`).
  const left = edge.replace(/=/g, '');
  const guard = `(?<!${ESCAPE_TAIL})[${left}]`;
  const split = splitLeadingClass(body);
  // The same pattern with the first character class in front of the look-behind: the regex engine can
  // then skip ahead to characters of that class instead of evaluating the look-behind at every offset
  // (twice as fast on large files for shape-only rules such as `[a-f0-9]{32}\.…`).
  if (split) return new RegExp(`${split.head}(?<!${guard}${split.head})${split.rest}(?![${edge}])`, flags);
  return new RegExp(`(?<!${guard})${body}(?![${edge}])`, flags);
}

/**
 * `[class]{n,m}rest` as `[class]` + `[class]{n-1,m-1}rest` (also `{n}`, `{n,}`, `+`, or no quantifier), when
 * the body opens with a character class that matches at least once; undefined otherwise.
 */
export function splitLeadingClass(body: string): { head: string; rest: string } | undefined {
  if (!body.startsWith('[') || body.startsWith('[^') || hasTopLevelAlternation(body)) return undefined;
  let end = 1;
  while (end < body.length && body[end] !== ']') end += body[end] === '\\' ? 2 : 1;
  if (end >= body.length) return undefined;
  const head = body.slice(0, end + 1);
  const after = body.slice(end + 1);
  const counted = /^\{(\d+)(?:(,)(\d*))?\}(?![?+])/.exec(after);
  if (counted) {
    const min = Number(counted[1]);
    if (min < 1) return undefined;
    const max = counted[3] ? Number(counted[3]) - 1 : undefined;
    const quantifier = counted[2] ? `{${min - 1},${max ?? ''}}` : `{${min - 1}}`;
    return { head, rest: `${head}${quantifier}${after.slice(counted[0].length)}` };
  }
  if (after.startsWith('+') && !/^\+[?+]/.test(after)) return { head, rest: `${head}*${after.slice(1)}` };
  if (/^[*?{]/.test(after)) return undefined;
  return { head, rest: after };
}

/** Whether `source` has a `|` outside any group or class (which would bind differently once split). */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** Options of a context rule: a value shape that only counts when the provider is named near it. */
export interface ContextSpec {
  /** Regex source of the value (no anchors, bounded quantifiers). */
  value: string;
  /** Characters that may not touch the value on either side. */
  edge?: string;
  /** Tested against the lower-cased text just before the value on its line (the key name and call). */
  near: RegExp;
  /**
   * Tested against the three lines above when the value's own key is secret-like (nested YAML,
   * HCL blocks such as `provider "aws" {`); defaults to `near`. Usually just the provider's name.
   */
  nearAbove?: RegExp;
  /** Extra shape check on the value. */
  check?: (value: string) => boolean;
}

/**
 * Builds a rule whose value shape alone is too common (32 hex, 40 base64, a UUID): it matches only
 * when the provider's name appears before the value on the same line (`TWILIO_AUTH_TOKEN=...`,
 * `twilio.Client(sid, "...")`) or, in nested YAML/JSON, when the current key is secret-like and the
 * provider is named on one of the three lines above (`twilio:\n  auth_token: ...`).
 */
export function contextRule(meta: Omit<RuleInput, 'pattern' | 'validate'>, spec: ContextSpec): ProviderRule {
  return lineScoped(rule({
    ...meta,
    pattern: token(`(${spec.value})`, spec.edge ?? WORD),
    secretGroup: 1,
    validate: (value, context) => (spec.check ? spec.check(value) : true) && namedNearby(context, spec.near, spec.nearAbove),
  }));
}

const lineScopedRules = new WeakSet<ProviderRule>();

/**
 * Marks a rule whose value can only count on a line that contains one of its keywords or up to
 * three lines below one (the {@link namedNearby} window). The detector then runs its pattern on
 * those lines only: context rules have shape-only patterns (32 hex, 40 base64) that would be
 * costly to run over a whole file.
 */
export function lineScoped(providerRule: ProviderRule): ProviderRule {
  lineScopedRules.add(providerRule);
  return providerRule;
}

/** Whether the detector may restrict the rule to the lines around its keywords. */
export function isLineScoped(providerRule: ProviderRule): boolean {
  return lineScopedRules.has(providerRule);
}

/**
 * `near` pattern for values whose shape (a UUID, plain hex) is also used for public ids: the
 * provider's name must be followed by a secret-like word (`HEROKU_API_KEY`, `snyk_token`), so
 * `HEROKU_APP_ID=<uuid>` stays quiet.
 */
export function providerSecret(names: string): RegExp {
  return new RegExp(`(?:${names})[\\w .\\-"':]{0,30}(?:key|token|secret|pass|auth|pwd|credential)`);
}

/** Secret-like key names, for the nested-structure case of {@link namedNearby}. */
const SECRETISH_KEY =
  /^\s*(?:-\s*)?["']?[\w.\- ]{0,40}(?:key|token|secret|pass|pwd|auth|credential|sid|signing)[\w.\- ]{0,30}["']?\s*(?::|=|=>|:=)\s*["'`]?$/;

/** `default = "` inside a Terraform `variable "…" {` block. */
const HCL_DEFAULT = /^\s*default\s*=\s*"$/;

/**
 * The text between the start of the line and `start`, but at most `max` characters: bounded so
 * that validators stay linear on minified files with megabyte-long lines.
 */
export function linePrefix(text: string, start: number, max = 200): string {
  // Look for the newline inside the window only: `text.lastIndexOf('\n', start)` would walk back over a
  // whole megabyte-long line for every candidate on it.
  const window = text.slice(Math.max(0, start - max), start);
  return window.slice(window.lastIndexOf('\n') + 1);
}

/** The text from `end` to the end of its line, at most `max` characters. */
export function lineSuffix(text: string, end: number, max = 200): string {
  const slice = text.slice(end, end + max);
  const newline = slice.indexOf('\n');
  return newline < 0 ? slice : slice.slice(0, newline);
}

/** True when `near` matches the text before the value on its line, or the nested-structure case. */
export function namedNearby(context: ValidateContext, near: RegExp, nearAbove = near): boolean {
  const { text, start } = context;
  const prefix = linePrefix(text, start).toLowerCase();
  if (near.test(prefix)) return true;
  // The host the value is sent to on the same line (`curl -H "DD-API-KEY: …" https://api.datadoghq.com/…`).
  const host = /https?:\/\/([^\s/'"`?#]{1,120})/.exec(lineSuffix(text, context.end));
  if (host && near.test(host[1].toLowerCase())) return true;
  // A Terraform variable's `default = "…"` takes its meaning from the block: `variable "dd_api_key" {`.
  if (!SECRETISH_KEY.test(prefix) && !HCL_DEFAULT.test(prefix)) return false;
  // SECRETISH_KEY only matches short prefixes, so the line starts within the bounded window.
  const lineStart = start - prefix.length;
  const above = text.slice(Math.max(0, lineStart - 400), lineStart).split('\n').slice(-4);
  // Only enclosing lines count: a less-indented key or block opener (`twilio:`, `provider "aws" {`)
  // or an INI section header. A sibling line at the same depth names another entry of a flat list
  // (`UPSTASH_TOKEN=…` right above `HETZNER_TOKEN=…`), not this value's provider.
  let depth = indentOf(prefix);
  for (let i = above.length - 1; i >= 0; i--) {
    const line = above[i];
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    const section = /^\s*\[[^\]]{1,80}\]\s*$/.test(line);
    if (indent < depth || section) {
      if (nearAbove.test(line.toLowerCase())) return true;
      depth = Math.min(depth, indent);
    }
  }
  return false;
}

/** Width of a line's leading whitespace (a YAML list dash counts as indentation). */
function indentOf(line: string): number {
  const match = /^[ \t]*(?:-[ \t]+)?/.exec(line);
  return match ? match[0].length : 0;
}

/** Words that mark a value as documentation or a stand-in rather than a credential. */
const PLACEHOLDER_WORDS =
  /example|dummy|sample|placeholder|redacted|changeme|change_me|your[_-]?(?:api|key|token|secret|own|pass)|insert[_-]?your|replace[_-]?me|xxxxxx|test1234|abcdefgh|12345678|<[a-z_ -]{2,40}>|\$\{|\{\{|\*\*\*/i;

/**
 * True for values that are obviously not live credentials: documentation words, masks, template
 * references, runs of one character or sequential digits/letters.
 */
export function looksLikePlaceholder(value: string, allowRuns = false): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  return !allowRuns && hasRun(value, 8);
}

/** True when some character repeats `length` times in a row (`xxxxxxxx`, `00000000`). */
export function hasRun(value: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}


/** True when the value mixes at least two of upper-case letters, lower-case letters and digits. */
export function mixedClasses(value: string, needed = 2): boolean {
  let classes = 0;
  if (/[A-Z]/.test(value)) classes++;
  if (/[a-z]/.test(value)) classes++;
  if (/[0-9]/.test(value)) classes++;
  return classes >= needed;
}

/** Value of each base64 / base64url character (`+` and `-` are 62, `/` and `_` 63); -1 for others. */
const BASE64_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  values[43] = values[45] = 62;
  values[47] = values[95] = 63;
  return values;
})();

/**
 * Where the decoded bytes of a base64 value hold a `:` between printable ASCII (the `user:password` of HTTP
 * basic auth): the colon's byte offset, -1 when there is none, or undefined when the value is not base64 or
 * decodes to anything but printable ASCII. Decoded in place without building the string: it runs on every
 * candidate value of the rules that check it, which dense files hold by the thousand.
 */
export function colonInBase64Ascii(value: string): number | undefined {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 61) end--;
  if (value.length - end > 2) return undefined;
  let bits = 0;
  let count = 0;
  let bytes = 0;
  let colon = -1;
  for (let i = 0; i < end; i++) {
    const code = value.charCodeAt(i);
    const digit = code < 128 ? BASE64_VALUES[code] : -1;
    if (digit < 0) return undefined;
    bits = ((bits << 6) | digit) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      const byte = (bits >> count) & 0xff;
      if (byte < 0x20 || byte > 0x7e) return undefined;
      if (byte === 58 && colon < 0) colon = bytes;
      bytes++;
    }
  }
  return bytes === 0 ? undefined : colon;
}

/** Standard base64 (or base64url) decode that returns undefined instead of throwing. */
export function decodeBase64(value: string): string | undefined {
  try {
    const normal = value.replace(/-/g, '+').replace(/_/g, '/');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal)) return undefined;
    return Buffer.from(normal, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** The documented regex shape of a lower-case UUID (any version). */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
