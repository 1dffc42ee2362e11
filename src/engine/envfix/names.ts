import type { FindingLike } from './types';

/** Names that say "a secret" but not whose: they get the owner (object, provider) as a prefix. */
const GENERIC_NAMES = new Set([
  'KEY', 'API_KEY', 'APIKEY', 'TOKEN', 'API_TOKEN', 'ACCESS_TOKEN', 'AUTH_TOKEN', 'SECRET', 'SECRET_KEY', 'CLIENT_SECRET',
  'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'AUTH', 'CREDENTIAL', 'CREDENTIALS', 'ACCESS_KEY', 'PRIVATE_KEY', 'BEARER',
  'AUTHORIZATION', 'VALUE', 'SECRET_ACCESS_KEY', 'WEBHOOK_URL', 'URL', 'DSN', 'CONNECTION_STRING',
]);

/** Owners too vague to prefix with (`config.apiKey` stays `API_KEY`). */
const VAGUE_OWNERS = new Set([
  'CONFIG', 'CONF', 'SETTINGS', 'OPTIONS', 'OPTS', 'PARAMS', 'ENV', 'ENVIRONMENT', 'DEFAULT', 'DEFAULTS', 'PRODUCTION',
  'DEVELOPMENT', 'STAGING', 'PROD', 'DEV', 'TEST', 'SECRETS', 'CREDENTIALS', 'KEYS', 'DATA', 'SPEC', 'METADATA',
  'SERVICES', 'APP', 'SELF', 'THIS', 'HEADERS', 'ARGS', 'KWARGS', 'PROPS', 'VALUES', 'GLOBAL', 'CLIENT', 'NEW',
  'REQUEST', 'REQUESTS', 'SESSION', 'AUTH', 'STRING', 'DATA', 'SPRING', 'DATASOURCE',
]);

/** True for names a shell, `.env` file and every supported language accept: `[A-Z_][A-Z0-9_]*`. */
export function isValidEnvName(name: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(name);
}

/**
 * Turns any identifier into UPPER_SNAKE_CASE: `stripeKey` → `STRIPE_KEY`, `db.password` → `DB_PASSWORD`,
 * `x-api-key` → `X_API_KEY`. Returns '' when nothing usable is left.
 */
export function toEnvName(identifier: string): string {
  const snake = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_')
    .toUpperCase();
  if (!snake) return '';
  return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

/**
 * Picks the environment-variable name for a finding, from the most to the least specific clue:
 * the key it was assigned to (`stripe_key` → `STRIPE_KEY`), prefixed by its owner when the key alone is
 * generic (`apiKey` inside an `openai` object → `OPENAI_API_KEY`, found through `keyPath` or, for source
 * code, the object/call the literal sits in), then the provider (`OpenAI` → `OPENAI_API_KEY`), then the rule id.
 * The result always satisfies {@link isValidEnvName}.
 */
export function deriveEnvName(finding: FindingLike, text?: string): string {
  const keyName = finding.keyName ?? (text && finding.range ? assignedNameBefore(text, finding.range.start) : undefined);
  const key = keyName ? toEnvName(keyName) : '';
  const providerName = providerPrefix(finding.provider);
  if (key && !GENERIC_NAMES.has(key)) return key;
  if (key) {
    const found = ownerOf(finding, text);
    // `new OpenAI({ apiKey })` names the provider: spell it the provider's way.
    const owner = found && providerName && found.replace(/_/g, '') === providerName.replace(/_/g, '') ? providerName : found;
    if (owner && !key.startsWith(`${owner}_`)) return `${owner}_${key}`;
    if (providerName && !key.startsWith(`${providerName}_`)) return `${providerName}_${key}`;
    return key;
  }
  if (providerName) return `${providerName}_${ruleSuffix(finding.ruleId)}`;
  return toEnvName(finding.ruleId) || 'SECRET';
}

/** `OpenAI` → `OPENAI`, `Google Cloud` → `GOOGLE_CLOUD`; vague families (Generic, TLS…) give ''. */
function providerPrefix(provider: string): string {
  // Brand names keep their casing words together: `OpenAI` → `OPENAI`, not `OPEN_AI`.
  const name = provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^([0-9])/, '_$1');
  return ['', 'GENERIC', 'UNKNOWN', 'TLS', 'CONFIG', 'PEM', 'JWT', 'URL', 'DATABASE'].includes(name) ? '' : name;
}

/** The kind of credential a rule id names, for `<PROVIDER>_<KIND>`; API keys are the common case. */
function ruleSuffix(ruleId: string): string {
  if (/token|pat\b|-pat-/.test(ruleId)) return 'TOKEN';
  if (/webhook/.test(ruleId)) return 'WEBHOOK_URL';
  if (/secret/.test(ruleId)) return 'SECRET';
  if (/password/.test(ruleId)) return 'PASSWORD';
  if (/connection|-url|dsn/.test(ruleId)) return 'URL';
  return 'API_KEY';
}

/** The owner of a generic key: the parent in `keyPath`, or the object/call that encloses the literal in code. */
function ownerOf(finding: FindingLike, text?: string): string | undefined {
  if (finding.keyPath) {
    const parts = finding.keyPath.split('.').filter((part) => !/^\[\d+\]$/.test(part));
    for (let i = parts.length - 2; i >= 0; i--) {
      const owner = toEnvName(parts[i]);
      if (owner && !VAGUE_OWNERS.has(owner)) return owner;
    }
  }
  if (text && finding.range) return enclosingOwner(text, finding.range.start);
  return undefined;
}

/** `stripe_key = "` / `apiKey: '` / `$token = "` just before the literal → its name. */
function assignedNameBefore(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const match = /([A-Za-z_$][\w$.-]*)["']?\s*(?::=|=>|=|:)\s*(?:\[|\(|new\s+\w+\()?\s*[@rbfRBF]?["'`]?$/.exec(before);
  if (!match) return undefined;
  const name = match[1].replace(/^\$/, '').split('.').pop() ?? '';
  return name || undefined;
}

/**
 * The name of the object literal or call whose braces/parentheses enclose `offset`:
 * `openai = { apiKey: "…" }`, `new OpenAI({ apiKey: "…" })`, `OpenAI(api_key="…")`, `openai:\n  apiKey: …`.
 * Looks back a bounded distance only.
 */
function enclosingOwner(text: string, offset: number): string | undefined {
  let depth = 0;
  const floor = Math.max(0, offset - 2000);
  for (let i = offset - 1; i >= floor; i--) {
    const ch = text[i];
    if (ch === '}' || ch === ')') depth++;
    else if (ch === '{' || ch === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const before = text.slice(Math.max(0, i - 200), i);
      const match = /([A-Za-z_$][\w$]*)\s*(?:\(\s*|[:=]\s*|\s*)$/.exec(before.replace(/\(\s*$/, ''));
      if (match) {
        const owner = toEnvName(match[1]);
        if (owner && !VAGUE_OWNERS.has(owner) && !['NEW', 'RETURN', 'CONST', 'LET', 'VAR'].includes(owner)) return owner;
      }
      return undefined;
    }
  }
  return undefined;
}
