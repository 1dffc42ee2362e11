import type { LanguageId } from '../language';
import { pythonImportOs } from './imports';
import type { TextEdit } from './types';

/** One way to fix a risky setting; the first option returned is the preferred one. */
export interface RiskyFixOption {
  title: string;
  edits: TextEdit[];
}

/** What the planner needs of a risky-config finding. */
export interface RiskyFindingLike {
  ruleId: string;
  /** Form id set by the risky detector (`python-verify-false`, `curl-insecure`, …); used as a hint only. */
  detail?: string;
  range: { start: number; end: number };
}

/**
 * Plans the fixes of a risky-config finding. Debug left on in production → `false` (preferred) or driven
 * by an environment variable in the file's idiom; TLS verification off → back on in the form the code used.
 * Plaintext passwords are not handled here: they move to `.env` like secrets. Returns [] when no safe
 * automatic fix exists (a trust-all TrustManager must be rewritten by hand).
 */
export function planRiskyFix(finding: RiskyFindingLike, text: string, language: LanguageId): RiskyFixOption[] {
  if (/debug/.test(finding.ruleId)) return planDebugFix(finding, text, language);
  if (/tls|ssl|verify|insecure|cert/.test(finding.ruleId)) {
    const edit = planTlsFix(finding, text);
    return edit ? [{ title: edit.title, edits: edit.edits }] : [];
  }
  return [];
}

interface LineSpan {
  start: number;
  end: number;
  text: string;
}

/** The lines the finding touches (the whole first line to the end of the last). */
function linesAround(text: string, range: { start: number; end: number }): LineSpan {
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  let end = text.indexOf('\n', Math.max(range.end - 1, range.start));
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end) };
}

const FALSE_OF: Record<string, string> = {
  true: 'false', True: 'False', TRUE: 'FALSE', yes: 'no', Yes: 'No', YES: 'NO', on: 'off', On: 'Off', ON: 'OFF', '1': '0',
};

/** Verbose-error settings the debug rule reports whose fix is another value, not `false` (by detector form). */
const QUIET_VALUE_OF: Record<string, { value: string; title: string }> = {
  'spring-include-stacktrace': { value: 'never', title: 'Leave stack traces out of error responses (never)' },
  'aspnet-custom-errors-off': { value: 'RemoteOnly', title: 'Show detailed errors on the server only (RemoteOnly)' },
};

function planDebugFix(finding: RiskyFindingLike, text: string, language: LanguageId): RiskyFixOption[] {
  const quiet = QUIET_VALUE_OF[finding.detail ?? ''];
  if (quiet) return [{ title: quiet.title, edits: [{ ...finding.range, newText: quiet.value }] }];
  const line = linesAround(text, finding.range);
  const pattern = /\b(true|True|TRUE|yes|Yes|YES|on|On|ON)\b|(?<=[=:]\s*["']?)1\b/g;
  let token: { start: number; end: number; value: string } | undefined;
  for (const match of line.text.matchAll(pattern)) {
    const start = line.start + match.index!;
    const candidate = { start, end: start + match[0].length, value: match[0] };
    // Prefer the token inside the finding's range; else the last one on the line (the value after the key).
    if (candidate.start >= finding.range.start && candidate.end <= Math.max(finding.range.end, finding.range.start + 1)) {
      token = candidate;
      break;
    }
    token = candidate;
  }
  if (!token) return [];
  const options: RiskyFixOption[] = [
    { title: `Turn debug off (${FALSE_OF[token.value]})`, edits: [{ start: token.start, end: token.end, newText: FALSE_OF[token.value] }] },
  ];
  const quoteBefore = text[token.start - 1];
  const quoted = (quoteBefore === '"' || quoteBefore === "'") && text[token.end] === quoteBefore;
  const whole = quoted ? { start: token.start - 1, end: token.end + 1 } : { start: token.start, end: token.end };
  const envRead = debugFromEnv(language, text);
  if (envRead) {
    options.push({
      title: `Read debug from the DEBUG environment variable (${envRead.label})`,
      edits: [{ ...whole, newText: envRead.expression }, ...envRead.extra],
    });
  }
  return options;
}

function debugFromEnv(language: LanguageId, text: string): { expression: string; label: string; extra: TextEdit[] } | undefined {
  switch (language) {
    case 'yaml':
      return { expression: '${DEBUG:-false}', label: '${DEBUG:-false}', extra: [] };
    case 'properties':
      return { expression: '${DEBUG:false}', label: '${DEBUG:false}', extra: [] };
    case 'python':
      return { expression: 'os.getenv("DEBUG") == "1"', label: 'os.getenv("DEBUG") == "1"', extra: pythonImportOs(text) };
    case 'javascript':
    case 'typescript':
      return { expression: 'process.env.DEBUG === "1"', label: 'process.env.DEBUG === "1"', extra: [] };
    case 'shell':
      return { expression: '"${DEBUG:-false}"', label: '${DEBUG:-false}', extra: [] };
    default:
      return undefined;
  }
}

/** Each way code turns TLS verification off, and how to turn it back on. First match on the finding's lines wins. */
function planTlsFix(finding: RiskyFindingLike, text: string): { title: string; edits: TextEdit[] } | undefined {
  const line = linesAround(text, finding.range);
  const at = (index: number) => line.start + index;
  const s = line.text;
  let m: RegExpExecArray | null;

  // `session.verify = False` is an attribute: flip it. As a keyword argument, drop it with its comma.
  if ((m = /(\.verify\s*=\s*)False\b/.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (verify = True)', edits: [{ start, end: start + 5, newText: 'True' }] };
  }
  if ((m = /(\s*,\s*)?\bverify\s*=\s*False\b(\s*,\s*)?/.exec(s))) {
    const [all, commaBefore, commaAfter] = m;
    // Between two arguments one comma must stay: `f(a, verify=False, b)` → `f(a, b)`.
    const newText = commaBefore && commaAfter ? ', ' : '';
    return { title: 'Verify certificates (remove verify=False)', edits: [{ start: at(m.index), end: at(m.index) + all.length, newText }] };
  }
  if ((m = /\bssl\._create_unverified_context\(\)/.exec(s))) {
    return { title: 'Use ssl.create_default_context()', edits: [{ start: at(m.index), end: at(m.index) + m[0].length, newText: 'ssl.create_default_context()' }] };
  }
  if ((m = /(\brejectUnauthorized["']?\s*[:=]\s*)false\b/.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (rejectUnauthorized: true)', edits: [{ start, end: start + 5, newText: 'true' }] };
  }
  if ((m = /(\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*[:=]\s*["']?)0\b/.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (NODE_TLS_REJECT_UNAUTHORIZED=1)', edits: [{ start, end: start + 1, newText: '1' }] };
  }
  if ((m = /(\bInsecureSkipVerify\s*:\s*)true\b/.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (InsecureSkipVerify: false)', edits: [{ start, end: start + 4, newText: 'false' }] };
  }
  if ((m = /(\binsecure-skip-tls-verify["']?\s*:\s*["']?)true\b/.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (insecure-skip-tls-verify: false)', edits: [{ start, end: start + 4, newText: 'false' }] };
  }
  if ((m = /(\bsslVerify\s*(?:=\s*|\s+))false\b/i.exec(s))) {
    const start = at(m.index) + m[1].length;
    return { title: 'Verify certificates (sslVerify = true)', edits: [{ start, end: start + 5, newText: 'true' }] };
  }
  if ((m = /[ \t]+--no-check-certificate\b/.exec(s))) {
    return { title: 'Verify certificates (drop --no-check-certificate)', edits: [{ start: at(m.index), end: at(m.index) + m[0].length, newText: '' }] };
  }
  if (/\bcurl\b/.test(s) || /curl/.test(finding.detail ?? '')) {
    if ((m = /[ \t]+--insecure\b/.exec(s))) {
      return { title: 'Verify certificates (drop --insecure)', edits: [{ start: at(m.index), end: at(m.index) + m[0].length, newText: '' }] };
    }
    if ((m = /[ \t]+-k(?=\s|$)/.exec(s))) {
      return { title: 'Verify certificates (drop -k)', edits: [{ start: at(m.index), end: at(m.index) + m[0].length, newText: '' }] };
    }
    if ((m = /([ \t]-[a-zA-Z]*)k([a-zA-Z]*)(?=\s|$)/.exec(s))) {
      // Combined short flags: `-sSkL` → `-sSL`.
      const kIndex = at(m.index) + m[1].length;
      return { title: 'Verify certificates (drop -k)', edits: [{ start: kIndex, end: kIndex + 1, newText: '' }] };
    }
  }
  return flipSetting(finding, text);
}

const TURN_ON: Record<string, string> = { False: 'True', false: 'true', FALSE: 'TRUE', '0': '1', no: 'yes', off: 'on', No: 'Yes', Off: 'On', none: 'full' };
const TURN_OFF: Record<string, string> = { true: 'false', True: 'False', TRUE: 'FALSE', '1': '0', yes: 'no', on: 'off', Yes: 'No', On: 'Off' };

/**
 * Fallback for the other forms the risky detector reports (its `detail` ids): the finding's range is the
 * offending token, so flip it. Settings that say "skip"/"insecure"/"no verify" are turned off; settings that
 * say "verify" are turned on; `CERT_NONE` becomes `CERT_REQUIRED`; a bare `--insecure-skip-tls-verify` flag goes.
 */
function flipSetting(finding: RiskyFindingLike, text: string): { title: string; edits: TextEdit[] } | undefined {
  const token = text.slice(finding.range.start, finding.range.end);
  const detail = finding.detail ?? '';
  if (token === 'CERT_NONE') return { title: 'Verify certificates (CERT_REQUIRED)', edits: [{ ...finding.range, newText: 'CERT_REQUIRED' }] };
  if (token === '--insecure-skip-tls-verify') {
    let start = finding.range.start;
    while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
    return { title: 'Verify certificates (drop --insecure-skip-tls-verify)', edits: [{ start, end: finding.range.end, newText: '' }] };
  }
  const skipStyle = /skip|no-verify|insecure/.test(detail) || /skip|insecure|no[_-]?verify/i.test(lineBefore(text, finding.range.start));
  const table = skipStyle ? TURN_OFF : TURN_ON;
  const replacement = table[token];
  if (!replacement) return undefined;
  return { title: `Verify certificates (${replacement})`, edits: [{ ...finding.range, newText: replacement }] };
}

function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}
