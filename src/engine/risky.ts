import * as path from 'path';
import type { DetectContext } from './detect';
import type { KeyValueEntry } from './formats/types';
import { boundedLineStart, boundedLineStarts, collectSecretCandidates, commandTokens, curlCommandOffsets, type CommandToken, isConfigLanguage, keywordHits, wordsOf } from './generic';
import { lineCommentOf, type LanguageId } from './language';
import { occursIn, registerLiterals } from './literalIndex';
import { isSortedByStart } from './merge';
import { isLockFile, isNonProductionPath } from './placeholders';
import type { RuleMeta } from './rules/types';
import type { RawMatch } from './types';

/**
 * Risky configuration: plaintext passwords in config files, debug mode in production config, and TLS
 * certificate verification turned off. Each finding's range is the smallest token a fix replaces
 * (`False` in `verify=False`, `-k` in `curl -k`), and `detail` names the form so the quick-fix helper
 * knows how to rewrite it.
 */

const COMMON = {
  kind: 'risky-config' as const,
  severity: 'warning' as const,
  specificity: 'structural' as const,
};

/** Rules reported by the risky-config detector. */
export const riskyRules: RuleMeta[] = [
  {
    ...COMMON,
    id: 'plaintext-password',
    title: 'Plaintext password in configuration',
    provider: 'Config',
    format: 'A literal, non-placeholder value under a password-like key in YAML, JSON, .properties, .ini, .toml, .env, XML, Dockerfile or Terraform',
    remediation: 'Reference an environment variable or secret store (`${DB_PASSWORD}`) instead of writing the password into the file.',
  },
  {
    ...COMMON,
    id: 'debug-in-production',
    title: 'Debug mode enabled in production configuration',
    provider: 'Config',
    format: '`debug: true`, `DEBUG = True`, `APP_DEBUG=true`, `FLASK_DEBUG=1` in a file, section or environment meant for production',
    remediation: 'Turn debug off in production, or drive it from an environment variable that defaults to off.',
  },
  {
    ...COMMON,
    id: 'tls-verify-disabled',
    title: 'TLS certificate verification disabled',
    provider: 'TLS',
    format: '`verify=False`, `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `InsecureSkipVerify: true`, trust-all managers, `curl -k`, `wget --no-check-certificate`, `insecure-skip-tls-verify`, `http.sslVerify false`…',
    remediation: 'Keep certificate verification on; for a self-signed or private CA, point the client at that CA bundle instead.',
  },
];

/** Detects risky configuration in one text. */
export function detectRisky(ctx: DetectContext): RawMatch[] {
  if (isLockFile(ctx.fileName)) return [];
  const matches: RawMatch[] = [];
  if (isConfigLanguage(ctx.language)) {
    for (const candidate of collectSecretCandidates(ctx)) {
      if (candidate.nameClass !== 'password') continue;
      matches.push({ ruleId: 'plaintext-password', start: candidate.start, end: candidate.end, keyName: candidate.keyName, keyPath: candidate.keyPath });
    }
  }
  if (ctx.language !== 'markdown') {
    detectDebug(ctx, matches);
    detectRailsLocalRequests(ctx, matches);
    detectFlaskRunDebug(ctx, matches);
    detectVerboseErrors(ctx, matches);
    detectTlsOff(ctx, matches);
  }
  return onePerLine(ctx.text, firstOfEachRuleAndStart(matches));
}

/**
 * The matches in text order, keeping the first found of each (rule, start) pair. The sort is stable, so
 * among matches that start together the first found comes first: duplicates are found by comparing each
 * match with the others of its start only, with no key built per match. Reorders and compacts `matches`
 * in place (dense files hold 100,000 matches: no copies).
 */
function firstOfEachRuleAndStart(matches: RawMatch[]): RawMatch[] {
  if (!isSortedByStart(matches)) matches.sort((a, b) => a.start - b.start);
  let kept = 0;
  let groupStart = 0;
  for (const match of matches) {
    if (kept > groupStart && matches[groupStart].start !== match.start) groupStart = kept;
    let duplicate = false;
    for (let k = groupStart; k < kept && !duplicate; k++) duplicate = matches[k].ruleId === match.ruleId;
    if (!duplicate) matches[kept++] = match;
  }
  matches.length = kept;
  return matches;
}

/**
 * Keeps the first match of each rule on a line: `['verify_peer' => false, 'verify_peer_name' => false]` is one
 * risky setting written twice, and one diagnostic per line is what a reader (and a line-based report) expects.
 * Compacts `sorted` in place.
 */
function onePerLine(text: string, sorted: RawMatch[]): RawMatch[] {
  // Per rule, the newline ending the line of its last kept match (Infinity: none), found once per kept
  // match rather than once per match (a one-line file with thousands of matches stays linear).
  const lineEndByRule = new Map<string, number>();
  let kept = 0;
  for (const match of sorted) {
    const lineEnd = lineEndByRule.get(match.ruleId);
    if (lineEnd !== undefined && lineEnd >= match.start) continue;
    const newline = text.indexOf('\n', match.start);
    lineEndByRule.set(match.ruleId, newline < 0 ? Infinity : newline);
    sorted[kept++] = match;
  }
  sorted.length = kept;
  return sorted;
}

// ---------------------------------------------------------------------------------------------------------
// Debug in production

type EnvSignal = 'prod' | 'nonprod' | undefined;

const PROD_WORDS = new Set(['prod', 'production', 'live', 'release', 'prd']);
const NONPROD_WORDS = new Set([
  'dev', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'example', 'examples', 'sample', 'samples',
  'demo', 'ci', 'debug', 'staging', 'stage', 'qa', 'sandbox', 'spec', 'specs', 'fixture', 'fixtures', 'mock', 'e2e',
  'dist', 'template', 'tmpl', 'defaults',
]);

/** What a name (file, directory, section, class) says about its environment. */
function signalOfName(name: string): EnvSignal {
  const words = wordsOf(name);
  if (words.some((w) => NONPROD_WORDS.has(w))) return 'nonprod';
  if (words.some((w) => PROD_WORDS.has(w))) return 'prod';
  return undefined;
}

/** The nearest path segment that says prod or not-prod decides: `test/config/production.yml` is production config. */
export function productionSignalOfPath(fileName: string): EnvSignal {
  const segments = fileName.replace(/\\/g, '/').split('/').filter(Boolean).reverse().slice(0, 4);
  for (const segment of segments) {
    const signal = signalOfName(segment);
    if (signal) return signal;
  }
  return undefined;
}

/** Words the verbose-error checks look for, found by the shared keyword pass. */
registerLiterals(['display_errors', 'customerrors', 'consider_all_requests_local', 'include-stacktrace', '<compilation']);

const ENV_SAYS_PROD = /\b(?:app_env|env|environment|node_env|rails_env|rack_env|flask_env|django_env|aspnetcore_environment|dotnet_environment|spring_profiles_active|spring\.profiles\.active|stage|mix_env|app_environment|environment_name)['"]?\]?\s*[:=]\s*["']?(?:prod|production|live|release)\b|\bdjango_settings_module['"]?\]?\s*[:=,]\s*["']?[\w.]{0,100}\.(?:prod|production)\b/i;

const DEBUG_KEYS = new Set([
  'debug', 'appdebug', 'flaskdebug', 'djangodebug', 'debugmode', 'debugenabled', 'enabledebug', 'sitedebug',
  'wpdebug', 'railsdebug', 'serverdebug', 'templatedebug',
]);

const TRUTHY = /^(?:true|1|yes|on|y)$/i;

function isDebugKey(key: string): boolean {
  return DEBUG_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''));
}

function detectDebug(ctx: DetectContext, out: RawMatch[]): void {
  if (!anchorHits(ctx).has('debug')) return;
  const pathSignal = productionSignalOfPath(ctx.fileName);
  if (pathSignal === 'nonprod') return;
  let envVerdict: boolean | undefined;
  const envSaysProd = (): boolean => (envVerdict ??= ENV_SAYS_PROD.test(ctx.text));
  const structure = ctx.structure;
  const detail = `${ctx.language}-debug`;
  if (structure && !structure.malformed) {
    // Keys and sections repeat from entry to entry: each distinct one is judged once.
    const debugKeys = new Map<string, boolean>();
    const sectionSignals = new Map<string, EnvSignal>();
    for (const entry of structure.entries) {
      let debugKey = debugKeys.get(entry.key);
      if (debugKey === undefined) debugKeys.set(entry.key, (debugKey = isDebugKey(entry.key)));
      if (!debugKey || !TRUTHY.test(entry.value.trim())) continue;
      const sectionKey = entry.section === undefined ? entry.keyPath : `${entry.keyPath}\u0000${entry.section}`;
      let sectionSignal = sectionSignals.get(sectionKey);
      if (!sectionSignals.has(sectionKey)) sectionSignals.set(sectionKey, (sectionSignal = sectionSignalOf(entry)));
      if (sectionSignal === 'nonprod') continue;
      if (pathSignal === 'prod' || sectionSignal === 'prod' || envSaysProd()) {
        out.push({ ruleId: 'debug-in-production', start: entry.valueStart, end: entry.valueEnd, keyName: entry.key, keyPath: entry.keyPath, detail });
      }
    }
    return;
  }
  const settingsModule = ctx.language === 'python' && isSettingsModule(ctx.fileName);
  const regex = /(?<![\w-])((?:app|flask|django|wp|site|template)?[_.]?debug(?:[_.-]?mode)?)(['"]?\]?)\s*(?:=>|=|:)?\s*(["']?)(true|True|TRUE|1|yes|on)\3(?![\w.])/dgi;
  forEachMatchNear(ctx, ['debug'], regex, (m, offset) => {
    const indices = m.indices!;
    const valueStart = indices[4][0] + offset;
    const valueEnd = indices[4][1] + offset;
    const between = ctx.text.slice(indices[1][1] + offset + m[2].length, valueStart);
    if (!/[=:]/.test(between) && !/^\s*(?:ENV|ARG)\s+\S+\s+$/i.test(linePrefix(ctx, valueStart))) return;
    if (between.includes('==') || inComment(ctx, m.index + offset)) return;
    const scope = ctx.language === 'python' ? pythonClassSignal(ctx.text, m.index + offset) : undefined;
    if (scope === 'nonprod') return;
    if (!(pathSignal === 'prod' || scope === 'prod' || settingsModule || envSaysProd())) return;
    out.push({ ruleId: 'debug-in-production', start: valueStart, end: valueEnd, keyName: m[1], keyPath: m[1], detail });
  }, 'line');
}

/**
 * Rails `config.consider_all_requests_local = true` in `config/environments/production.rb`: full error pages
 * with stack traces for every visitor, Rails' form of debug mode.
 */
function detectRailsLocalRequests(ctx: DetectContext, out: RawMatch[]): void {
  if (ctx.language !== 'ruby' || !occursIn(ctx, 'consider_all_requests_local')) return;
  if (productionSignalOfPath(ctx.fileName) !== 'prod') return;
  const regex = /\bconsider_all_requests_local\s*=\s*(true)\b/dg;
  for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
    const [start, end] = m.indices![1];
    if (inComment(ctx, start)) continue;
    out.push({ ruleId: 'debug-in-production', start, end, keyName: 'consider_all_requests_local', keyPath: 'config.consider_all_requests_local', detail: 'rails-local-requests' });
  }
}

/**
 * Flask `app.run(debug=True)` outside test and development files: the Werkzeug debugger runs arbitrary code for
 * anyone who reaches an error page.
 */
function detectFlaskRunDebug(ctx: DetectContext, out: RawMatch[]): void {
  if (ctx.language !== 'python' || !anchorHits(ctx).has('debug')) return;
  if (productionSignalOfPath(ctx.fileName) === 'nonprod' || isNonProductionPath(ctx.fileName)) return;
  const regex = /\.run\([^()\n]{0,200}?\bdebug\s*=\s*(True)\b/dg;
  forEachMatchNear(ctx, ['debug'], regex, (m, offset) => {
    const start = m.indices![1][0] + offset;
    if (inComment(ctx, start)) return;
    out.push({ ruleId: 'debug-in-production', start, end: start + 4, keyName: 'debug', keyPath: 'run.debug', detail: 'python-debug' });
  }, 'line');
}

/**
 * Error pages that show internals, in files named for production: PHP `display_errors = On`
 * (`php.ini-production`) and ASP.NET `<customErrors mode="Off"/>` (`Web.Release.config`).
 */
function detectVerboseErrors(ctx: DetectContext, out: RawMatch[]): void {
  const php = occursIn(ctx, 'display_errors');
  const aspnet = occursIn(ctx, 'customerrors');
  const aspnetDebug = occursIn(ctx, '<compilation');
  const spring = occursIn(ctx, 'include-stacktrace');
  if ((!php && !aspnet && !aspnetDebug && !spring) || productionSignalOfPath(ctx.fileName) !== 'prod') return;
  const forms: Array<[boolean, RegExp, string, string]> = [
    [php, /^[ \t]*display_errors[ \t]*=[ \t]*["']?(On|1|true|yes|stdout|stderr)\b/dgim, 'display_errors', 'php-display-errors'],
    [aspnet, /<customErrors\b[^>]{0,200}?\bmode\s*=\s*["'](Off)["']/dgi, 'customErrors.mode', 'aspnet-custom-errors-off'],
    // ASP.NET `<compilation debug="true">` in a release/production config: debug builds, long timeouts, detailed errors.
    [aspnetDebug, /<compilation\b[^>]{0,200}?\bdebug\s*=\s*["'](true)["']/dgi, 'compilation.debug', 'aspnet-compilation-debug'],
    // Spring Boot `server.error.include-stacktrace=always`: every error response carries the stack trace.
    [spring, /^[ \t]*(?:server\.error\.)?include-stacktrace[ \t]*[=:][ \t]*["']?(always)\b/dgim, 'server.error.include-stacktrace', 'spring-include-stacktrace'],
  ];
  for (const [present, regex, keyName, detail] of forms) {
    if (!present) continue;
    for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
      const [start, end] = m.indices![1];
      if (inComment(ctx, start)) continue;
      out.push({ ruleId: 'debug-in-production', start, end, keyName, keyPath: keyName, detail });
    }
  }
}

function sectionSignalOf(entry: KeyValueEntry): EnvSignal {
  const segments = entry.keyPath.split(/[.[\]]/).filter(Boolean);
  segments.pop();
  if (entry.section) segments.push(...entry.section.split('.'));
  let found: EnvSignal;
  for (const segment of segments) {
    const lower = segment.toLowerCase();
    if (PROD_WORDS.has(lower)) found = found ?? 'prod';
    else if (NONPROD_WORDS.has(lower)) return 'nonprod';
  }
  return found;
}

/** Django/Flask settings modules: `settings.py`, `settings/*.py`, `config.py`, `production.py`… */
function isSettingsModule(fileName: string): boolean {
  const normalized = fileName.replace(/\\/g, '/').toLowerCase();
  const base = path.posix.basename(normalized);
  return base === 'settings.py' || base === 'config.py' || base === 'conf.py' || base === 'configuration.py' ||
    /\/settings\/[^/]+\.py$/.test(normalized) || /\/config\/[^/]+\.py$/.test(normalized) ||
    signalOfName(base.replace(/\.py$/, '')) === 'prod';
}

/** In Python, an indented `DEBUG = True` belongs to a config class whose name may say its environment. */
function pythonClassSignal(text: string, offset: number): EnvSignal {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0].length;
  if (indent === 0) return undefined;
  let cursor = lineStart - 1;
  for (let guard = 0; guard < 400 && cursor > 0; guard++) {
    const start = text.lastIndexOf('\n', cursor - 1) + 1;
    const line = text.slice(start, cursor);
    cursor = start - 1;
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() === '' || lineIndent >= indent) continue;
    const cls = /^\s*class\s+(\w+)/.exec(line);
    return cls ? signalOfName(cls[1]) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// TLS verification off

interface TlsPattern {
  /** Form id handed to the quick-fix helper. A function lets one pattern name several forms. */
  detail: string | ((ctx: DetectContext, match: RegExpExecArray) => string);
  /** Anchors (from ANCHOR) of which one occurs in every match; the pattern runs only near them. */
  keywords: Anchor[];
  /** Needs the `d` flag; the range is the first capture group that matched. */
  regex: RegExp;
  languages?: LanguageId[];
  /**
   * How far a match may run past its keyword: by default to the end of the line after the keyword's (a
   * value wrapped onto the next line), `'body'` for Java/C# method and lambda bodies over several lines.
   */
  reach?: 'body';
}

const CODE_LANGUAGES: LanguageId[] = ['python', 'ruby', 'php'];

const TLS_PATTERNS: TlsPattern[] = [
  {
    detail: (ctx) => `${ctx.language}-verify-false`,
    keywords: ['verif'],
    regex: /(?<![\w-])['"]?verify['"]?\s*(?:=>|=|:)\s*(False|false|FALSE)\b/dg,
    languages: CODE_LANGUAGES,
  },
  {
    detail: 'python-ssl-false',
    keywords: ['ssl', 'verif'],
    regex: /(?<![\w.])(?:ssl|verify_ssl|ssl_verify|verify_certs|cert_verify)\s*=\s*(False)\b/dg,
    languages: ['python'],
  },
  {
    detail: 'python-check-hostname',
    keywords: ['check_hostname'],
    regex: /\bcheck_hostname\s*=\s*(False)\b/dg,
    languages: ['python'],
  },
  {
    detail: 'python-unverified-context',
    keywords: ['verif'],
    regex: /\b(_create_unverified_context)\b(?!\s*=[^=])/dg,
    languages: ['python'],
  },
  {
    detail: 'python-cert-none',
    keywords: ['cert'],
    regex: /\b(?:verify_mode|cert_reqs)\s*=\s*['"]?(?:ssl\.)?(CERT_NONE)\b/dg,
  },
  {
    detail: 'python-https-verify-env',
    keywords: ['verif'],
    regex: /\bPYTHONHTTPSVERIFY['"]?\s*[:=]?\s*['"]?(0)\b/dg,
  },
  {
    detail: 'node-reject-unauthorized',
    keywords: ['unauthorized'],
    regex: /\brejectUnauthorized['"]?\s*[:=]\s*(false)\b/dg,
  },
  {
    detail: 'node-tls-env',
    keywords: ['unauthorized'],
    regex: /\bNODE_TLS_REJECT_UNAUTHORIZED['"]?\]?\s*(?:=|:|\s)\s*['"]?(0)(?![\d.])/dg,
  },
  {
    detail: 'go-insecure-skip-verify',
    keywords: ['insecure'],
    regex: /\bInsecureSkipVerify\s*[:=]\s*(true)\b/dg,
    languages: ['go'],
  },
  {
    detail: 'kube-insecure-skip',
    keywords: ['insecure'],
    regex: /(?<!-)\binsecure-skip-tls-verify['"]?\s*[:=]\s*['"]?(true)\b/dg,
  },
  {
    detail: 'kube-insecure-skip-flag',
    keywords: ['insecure'],
    regex: /(?:--insecure-skip-tls-verify=(true)\b|(--insecure-skip-tls-verify)(?![=\w-]))/dg,
  },
  {
    detail: 'config-insecure-skip-verify',
    keywords: ['insecure', 'skip', 'verif'],
    regex: /(?<![\w-])['"]?(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|skip[_-]?(?:tls|ssl|cert)[_-]?verif(?:y|ication)|tls[_-]?skip[_-]?verify|ssl[_-]?no[_-]?verify|insecure[_-]?ssl|allow[_-]?insecure|skip[_-]?verify)['"]?\s*[:=]\s*['"]?(true|1|yes|on)\b/dgi,
  },
  {
    detail: 'wget-no-check',
    keywords: ['cert'],
    regex: /^\s*check_certificate\s*=\s*(off|no|0|false)\b/dgim,
  },
  {
    detail: (ctx, m) => (/sslverify/i.test(m[0]) && (/gitconfig/i.test(ctx.fileName) || ctx.lowerText.includes('[http')) ? 'git-sslverify' : 'config-tls-verify-off'),
    keywords: ['verif', 'cert', 'ssl'],
    regex: /(?<![\w.-])['"]?(?:ssl[_-]?verify|verify[_-]?ssl|sslverify|tls[_-]?verify|verify[_-]?tls|verify[_-]?certs?|validate[_-]?certs|ssl[_-]?validate|check[_-]?certificate|ssl[_-]?check[_-]?cert|tls[_-]?verification|ssl[_-]?verification)['"]?\s*[:=]\s*['"]?(false|0|no|off)\b/dgi,
  },
  {
    detail: 'config-verification-none',
    keywords: ['verif'],
    regex: /\bverification_mode['"]?\s*[:=]\s*['"]?(none)\b/dg,
  },
  {
    detail: 'git-sslverify',
    keywords: ['ssl'],
    regex: /\bhttp\.sslVerify\s*(?:=\s*|\s+)["']?(false|0|no|off)\b/dgi,
  },
  {
    detail: 'git-ssl-no-verify',
    keywords: ['ssl'],
    regex: /\bGIT_SSL_NO_VERIFY['"]?\s*[:=]\s*['"]?(1|true|yes)\b/dg,
  },
  {
    detail: (ctx) => (ctx.language === 'javascript' || ctx.language === 'typescript' ? 'node-strict-ssl' : 'npm-strict-ssl'),
    keywords: ['ssl'],
    regex: /\b(?:npm_config_|enable)?strict[-_]?ssl['"]?\s*(?:[:=]\s*|\s+)['"]?(false)\b/dgi,
  },
  {
    detail: 'url-tls-allow-invalid',
    keywords: ['cert', 'insecure', 'allowinvalid'],
    regex: /[?&;](?:tls|ssl)(?:AllowInvalid(?:Certificates|Hostnames)|Insecure)=(true)\b|[?&;]ssl_cert_reqs=(?:ssl\.)?(CERT_NONE|none)\b/dgi,
  },
  {
    detail: 'php-verify-peer',
    keywords: ['verif'],
    regex: /['"]verify_peer(?:_name)?['"]\s*=>\s*(false|FALSE|0)\b/dg,
  },
  {
    detail: 'terraform-insecure',
    keywords: ['insecure'],
    regex: /^\s*insecure\s*=\s*(true)\b/dgm,
    languages: ['terraform'],
  },
  {
    detail: 'java-trust-all',
    keywords: ['trust'],
    regex: /\b(checkServerTrusted)\s*\([^()]{0,300}\)\s*(?::\s*Unit\s*)?(?:throws\s+[\w.,\s]{1,200})?(?:\{\s*(?:(?:\/\/[^\n]*|\/\*[^*]{0,300}\*\/)\s*)*\}|=\s*Unit\b)/dg,
    reach: 'body',
  },
  {
    detail: 'java-allow-all-hostname',
    keywords: ['verif'],
    regex: /\b(ALLOW_ALL_HOSTNAME_VERIFIER)\b/dg,
  },
  {
    detail: 'java-noop-hostname-verifier',
    keywords: ['verif'],
    regex: /(?:\bnew\s+(NoopHostnameVerifier)\b|\b(NoopHostnameVerifier)\.INSTANCE\b)/dg,
  },
  {
    detail: 'java-trust-all',
    keywords: ['trust'],
    regex: /(?:\bnew\s+(TrustAllStrategy)\b|\b(TrustAllStrategy|InsecureTrustManagerFactory)\.INSTANCE\b)/dg,
  },
  {
    detail: 'java-hostname-verifier',
    keywords: ['verif'],
    regex: /(?:\bverify\s*\(\s*(?:final\s+)?String\s+\w+\s*,\s*(?:final\s+)?SSLSession\s+\w+\s*\)\s*\{\s*return\s+(true)\s*;|\b(?:setHostnameVerifier|setDefaultHostnameVerifier|hostnameVerifier|HostnameVerifier)\s*(?:[({]|\s\w+\s*=)\s*\(?\s*\w+\s*,\s*\w+\s*\)?\s*->\s*(true)\b)/dg,
    reach: 'body',
  },
  {
    detail: 'csharp-accept-all',
    keywords: ['cert'],
    regex: /\b(?:ServerCertificateValidationCallback|ServerCertificateCustomValidationCallback|RemoteCertificateValidationCallback)\s*\+?=\s*(?:delegate\s*(?:\([^()]{0,300}\))?\s*\{\s*return\s+(true)\b|\(?[\w\s,?<>]{0,200}\)?\s*=>\s*(?:\{\s*return\s+)?(true)\b)/dg,
    reach: 'body',
  },
  {
    // PowerShell: `[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}`.
    detail: 'powershell-accept-all',
    keywords: ['cert'],
    regex: /\bServerCertificateValidationCallback\s*=\s*\{\s*\$(true)\s*\}/dgi,
  },
  {
    detail: 'csharp-accept-all',
    keywords: ['danger'],
    regex: /\b(DangerousAcceptAnyServerCertificateValidator)\b/dg,
  },
  {
    detail: 'ruby-verify-none',
    keywords: ['verif'],
    regex: /\b(?:OpenSSL::SSL::)?(VERIFY_NONE)\b/dg,
    languages: ['ruby', 'yaml', 'plaintext'],
  },
  {
    detail: 'php-curl-verify',
    keywords: ['ssl'],
    regex: /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)['"]?\s*(?:,|=>)\s*(false|FALSE|False|0)\b/dg,
  },
  {
    detail: 'rust-accept-invalid-certs',
    keywords: ['danger'],
    regex: /\bdanger_accept_invalid_(?:certs|hostnames)\s*\(\s*(true)\s*\)/dg,
  },
  {
    detail: 'powershell-skip-cert',
    keywords: ['skip'],
    regex: /(?<![\w-])(-SkipCertificateCheck)\b(?!\s*:\s*\$false)/dgi,
  },
  {
    detail: 'wget-no-check',
    keywords: ['cert'],
    regex: /\bwget\b[^\n|;&]{0,500}?(--no-check-certificate)\b/dg,
  },
];

/** `tls: { verify: false }`, `ssl: { insecure: true }`: a bare flag whose parent key says it is about TLS. */
function tlsSectionFlags(ctx: DetectContext, out: RawMatch[]): void {
  for (const entry of ctx.structure?.entries ?? []) {
    const key = entry.key.toLowerCase();
    if (key !== 'verify' && key !== 'insecure') continue;
    const parent = entry.keyPath.slice(0, Math.max(0, entry.keyPath.length - entry.key.length - 1)).toLowerCase();
    if (!/(?:^|[._-])(?:tls|ssl|https?)(?:[._-]?(?:config|options|settings))?$/.test(parent)) continue;
    const value = entry.value.trim();
    const off = key === 'verify' ? /^(?:false|0|no|off)$/i.test(value) : /^(?:true|1|yes|on)$/i.test(value);
    if (off) {
      out.push({
        ruleId: 'tls-verify-disabled', start: entry.valueStart, end: entry.valueEnd, keyName: entry.key,
        detail: key === 'verify' ? 'config-tls-verify-off' : 'config-insecure-skip-verify',
      });
    }
  }
}

/** Environment variables that turn verification off, and the values that do it. */
const TLS_ENV_VARIABLES = new Map<string, { off: RegExp; detail: string }>([
  ['NODE_TLS_REJECT_UNAUTHORIZED', { off: /^0$/, detail: 'node-tls-env' }],
  ['PYTHONHTTPSVERIFY', { off: /^0$/, detail: 'python-https-verify-env' }],
  ['GIT_SSL_NO_VERIFY', { off: /^(?:1|true|yes)$/i, detail: 'git-ssl-no-verify' }],
]);

function detectTlsOff(ctx: DetectContext, out: RawMatch[]): void {
  // Kubernetes `- name: NODE_TLS_REJECT_UNAUTHORIZED` + `value: "0"` spans two lines: read it from the structure.
  const hits = keywordHits(ctx);
  if (hits.has('verif') || hits.has('insecure')) tlsSectionFlags(ctx, out);
  const mentionsVariable = hits.has('unauthorized') || hits.has('verif');
  for (const entry of mentionsVariable ? ctx.structure?.entries ?? [] : []) {
    const variable = TLS_ENV_VARIABLES.get(entry.key);
    if (variable && variable.off.test(entry.value.trim())) {
      out.push({ ruleId: 'tls-verify-disabled', start: entry.valueStart, end: entry.valueEnd, keyName: entry.key, detail: variable.detail });
    }
  }
  for (const pattern of TLS_PATTERNS) {
    if (pattern.languages && !pattern.languages.includes(ctx.language)) continue;
    forEachMatchNear(ctx, pattern.keywords, pattern.regex, (m, offset) => {
      const group = firstGroup(m, offset);
      if (!group || inComment(ctx, group[0]) || isConditionalOrSignature(ctx, group[0], group[1])) return;
      const detail = typeof pattern.detail === 'string' ? pattern.detail : pattern.detail(ctx, m);
      out.push({ ruleId: 'tls-verify-disabled', start: group[0], end: group[1], detail });
    }, pattern.reach ?? 'nextLine');
  }
  detectCurlInsecure(ctx, out);
}

/** How far past a keyword a pattern may reach (multi-line Java/C# bodies). */
const WINDOW_AFTER = 1500;

/**
 * Where a window around a keyword ends: its line's end, the next line's end, or WINDOW_AFTER characters
 * on (a body). Most patterns are one `key = value` and need no more than a line break's slack; scanning
 * 1,500 characters after every `ssl` or `cert` was most of the risky detector's time on a large file.
 */
type Reach = 'line' | 'nextLine' | 'body';

/**
 * Runs `regex` only on windows around occurrences of its keywords (from the keyword's line start), never on
 * the whole text: patterns that open with a look-behind or optional groups cannot use the engine's fast
 * literal scan, and a 10,000-line file must stay within a few milliseconds. Windows are merged, so the
 * work stays linear however often a keyword occurs. Merged windows are disjoint, so no match is visited twice.
 */
function forEachMatchNear(
  ctx: DetectContext, anchors: Anchor[], regex: RegExp, visit: (m: RegExpExecArray, offset: number) => void, reach: Reach,
): void {
  const { text } = ctx;
  const windows = matchWindows(ctx, anchors, reach);
  for (let w = 0; w < windows.length; w += 2) {
    const windowStart = windows[w];
    const slice = text.slice(windowStart, windows[w + 1]);
    regex.lastIndex = 0;
    for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
      if (m[0].length === 0) regex.lastIndex++;
      visit(m, windowStart);
    }
  }
}

/** Shared, frozen "no windows" answer. */
const NO_WINDOWS: number[] = Object.freeze([]) as unknown as number[];

/** Per scan, the windows of each anchor set (most TLS patterns share `verif`), as flat [start, end, …] pairs. */
const windowCache = new WeakMap<DetectContext, Map<string, number[]>>();

/**
 * The merged windows around the anchors' occurrences: from each occurrence's line start to where `reach`
 * ends, computed once per scan for each anchor and each anchor set. A set's windows are the union of its
 * anchors' windows, coalesced the same way (touching windows merge), so a dense file's 100,000 hits are
 * walked once per anchor, not once per pattern.
 */
function matchWindows(ctx: DetectContext, anchors: Anchor[], reach: Reach): number[] {
  // Most files hold none of a pattern's anchors: answered before any cache key is built.
  const hits = anchorHits(ctx);
  if (!anchors.some((anchor) => (hits.get(anchor)?.length ?? 0) > 0)) return NO_WINDOWS;
  let cache = windowCache.get(ctx);
  if (!cache) {
    cache = new Map();
    windowCache.set(ctx, cache);
  }
  const key = `${anchors.join('|')}\n${reach}`;
  let windows = cache.get(key);
  if (!windows) {
    const lists: number[][] = [];
    for (const anchor of anchors) {
      const own = anchors.length === 1 ? undefined : cache.get(`${anchor}\n${reach}`);
      const list = own ?? windowsOfHits(ctx, hits.get(anchor) ?? [], reach);
      if (anchors.length > 1) cache.set(`${anchor}\n${reach}`, list);
      if (list.length > 0) lists.push(list);
    }
    windows = lists.length === 1 ? lists[0] : unionOfWindows(lists);
    cache.set(key, windows);
  }
  return windows;
}

/** Windows ([start, end, …] pairs) around ascending keyword hits, touching or overlapping ones merged. */
function windowsOfHits(ctx: DetectContext, hits: readonly number[], reach: Reach): number[] {
  const { text } = ctx;
  const lineStarts = boundedLineStarts(ctx);
  const windows: number[] = [];
  let windowStart = -1;
  let windowEnd = -1;
  // The line ends found for an earlier hit (-1: none, Infinity: not searched yet): hits ascend, so they
  // are also those of every later hit on the same line, and a long line is searched once, not once per hit.
  let lineEnd = Infinity;
  let nextLineEnd = Infinity;
  for (const hit of hits) {
    const start = lineStarts.at(hit);
    let end = Math.min(text.length, hit + WINDOW_AFTER);
    if (reach !== 'body') {
      if (lineEnd === Infinity || (lineEnd >= 0 && hit > lineEnd)) {
        lineEnd = text.indexOf('\n', hit);
        nextLineEnd = reach === 'nextLine' && lineEnd >= 0 ? text.indexOf('\n', lineEnd + 1) : lineEnd;
      }
      const stop = reach === 'line' ? lineEnd : nextLineEnd;
      end = Math.min(stop < 0 ? text.length : stop, end);
    }
    if (windowStart >= 0 && start <= windowEnd) {
      windowEnd = Math.max(windowEnd, end);
      continue;
    }
    if (windowStart >= 0) windows.push(windowStart, windowEnd);
    windowStart = start;
    windowEnd = end;
  }
  if (windowStart >= 0) windows.push(windowStart, windowEnd);
  return windows;
}

/** The union of several window lists, each ascending and coalesced, coalesced the same way. */
function unionOfWindows(lists: readonly number[][]): number[] {
  const next = new Array<number>(lists.length).fill(0);
  const windows: number[] = [];
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      if (next[l] < lists[l].length && (best < 0 || lists[l][next[l]] < lists[best][next[best]])) best = l;
    }
    if (best < 0) return windows;
    const start = lists[best][next[best]];
    const end = lists[best][next[best] + 1];
    next[best] += 2;
    const last = windows.length - 1;
    if (last > 0 && start <= windows[last]) windows[last] = Math.max(windows[last], end);
    else windows.push(start, end);
  }
}

/** Substrings of which every risky-config pattern contains at least one (found by generic's keyword pass). */
type Anchor = 'verif' | 'ssl' | 'insecure' | 'skip' | 'cert' | 'trust' | 'unauthorized' | 'curl' | 'debug' | 'danger' | 'check_hostname' | 'allowinvalid';

function anchorHits(ctx: DetectContext): Map<string, number[]> {
  return keywordHits(ctx);
}

function firstGroup(m: RegExpExecArray, offset: number): [number, number] | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  for (let g = 1; g < indices.length; g++) {
    const range = indices[g];
    if (range) return [range[0] + offset, range[1] + offset];
  }
  return undefined;
}

/** curl short options that take an argument: a `k` after one of these in a cluster is that argument. */
const CURL_ARG_OPTIONS = new Set('aAbcCdDeEFhHKmoPQrTuUwxXyYzt'.split(''));

/**
 * `curl … -k` / `--insecure` / a cluster such as `-sSk`, in shell lines, Dockerfile RUN, CI YAML and argv
 * lists (`["curl", "-k", url]`). The range is `-k`, `--insecure`, or the `k` inside a cluster.
 */
function detectCurlInsecure(ctx: DetectContext, out: RawMatch[]): void {
  // Only a line's first match of the rule is reported (see onePerLine): once a command on a line has one,
  // commands after it on that line cannot add a finding and are not read.
  let lineTaken = -1;
  let lineTakenEnd = -1;
  for (const at of curlCommandOffsets(ctx)) {
    if (at > lineTaken && at < lineTakenEnd) continue;
    const before = out.length;
    visitCurlCommand(ctx, at, out);
    if (out.length > before) {
      lineTaken = out[out.length - 1].start;
      const newline = ctx.text.indexOf('\n', lineTaken);
      lineTakenEnd = newline < 0 ? Infinity : newline;
    }
  }
}

/** The `-k` (or `--insecure`, or the `k` of a cluster) of the curl command at `at`, if any, added to `out`. */
function visitCurlCommand(ctx: DetectContext, at: number, out: RawMatch[]): void {
  if (inComment(ctx, at)) return;
  for (const token of commandTokens(ctx.text, at + 4, turnsVerificationOff)) {
    if (token.text === '-k' || token.text === '--insecure') {
      out.push({ ruleId: 'tls-verify-disabled', start: token.start, end: token.end, detail: 'curl-insecure' });
      return;
    }
    if (/^-[A-Za-z]+$/.test(token.text)) {
      const hit = insecureInCluster(token.text);
      if (hit > 0) {
        out.push({ ruleId: 'tls-verify-disabled', start: token.start + hit, end: token.start + hit + 1, detail: 'curl-insecure' });
        return;
      }
    }
  }
}

/** The token the loop above stops at: tokens after it need not be read. */
function turnsVerificationOff(token: CommandToken): boolean {
  return token.text === '-k' || token.text === '--insecure' || (/^-[A-Za-z]+$/.test(token.text) && insecureInCluster(token.text) > 0);
}

/** Index of `k` in a short-option cluster (`-sSk`), unless an option taking an argument comes first. */
function insecureInCluster(cluster: string): number {
  for (let k = 1; k < cluster.length; k++) {
    if (cluster[k] === 'k') return k;
    if (CURL_ARG_OPTIONS.has(cluster[k])) return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

function linePrefix(ctx: DetectContext, offset: number): string {
  return ctx.text.slice(boundedLineStart(ctx, offset), offset);
}

/** True when the offset sits in a line comment (or a `*`-led block comment line) of the file's language. */
function inComment(ctx: DetectContext, offset: number): boolean {
  const prefix = linePrefix(ctx, offset);
  const trimmed = prefix.trimStart();
  const marker = lineCommentOf(ctx.language);
  if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return ctx.language !== 'yaml' && ctx.language !== 'markdown';
  if (trimmed.startsWith('<!--')) return true;
  if (!marker) return false;
  if (trimmed.startsWith(marker)) return true;
  if (marker === '#' || marker === ';') {
    // Without the marker anywhere in the prefix there is nothing to find (the usual case: spares the quote stripping).
    if (!prefix.includes(marker)) return false;
    return (marker === '#' ? HASH_COMMENT : SEMICOLON_COMMENT).test(stripQuoted(prefix));
  }
  if (!prefix.includes('//')) return false;
  return /(?:^|[^:])\/\//.test(stripQuoted(prefix));
}

const HASH_COMMENT = /(?:^|\s)#/;
const SEMICOLON_COMMENT = /(?:^|\s);/;

/**
 * Python forms that do not themselves turn verification off: a parameter default in a `def` line
 * (`def __init__(self, verify=False)`), and a conditional value (`ssl.CERT_NONE if insecure else ssl.CERT_REQUIRED`).
 */
function isConditionalOrSignature(ctx: DetectContext, start: number, end: number): boolean {
  if (ctx.language !== 'python') return false;
  if (/^\s*(?:async\s+)?def\s/.test(linePrefix(ctx, start))) return true;
  return /^\s+if\s/.test(ctx.text.slice(end, end + 8));
}

/** Blanks out quoted runs on one line, so comment markers inside strings do not count. */
function stripQuoted(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
}
