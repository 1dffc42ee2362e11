import type { DetectContext } from './detect';
import { shannonEntropy } from './entropy';
import type { KeyValueEntry } from './formats/types';
import type { LanguageId } from './language';
import { alternationHits, anchoredPattern, forEachAscending, type AnchoredPattern, isWordAlternation, literalPositions, matchesOf, occursIn, registerLiterals } from './literalIndex';
import {
  isLocalePath, isLockFile, isNonProductionPath, isPlaceholder, isPublicMaterial, isReference, isWeakDefault, looksLikeHashOrId,
} from './placeholders';
import type { RuleMeta } from './rules/types';
import type { RawMatch } from './types';

/**
 * The generic detector: a secret-like name (`api_key`, `clientSecret`, `DB_PASSWORD`, `x-api-key`…) given a
 * literal value, in source code (`=`, `:`, `:=`, `=>`, `<-`, keyword arguments, object literals, setters,
 * `--token=…` flags, `#define`) and in structured config (entries from `ctx.structure`). The value is judged
 * by shape and entropy, after the shared negative filters (placeholders, references, hashes, public keys).
 * One pass over the text finds candidate names with a single keyword regex; everything else is cheap checks.
 */

/** Rules reported by the generic detector. */
export const genericRules: RuleMeta[] = [
  {
    id: 'generic-secret',
    title: 'Hardcoded secret',
    provider: 'Generic',
    kind: 'secret',
    severity: 'warning',
    specificity: 'generic',
    format: 'A secret-like name (api_key, token, secret, client_secret, private_key, credentials, auth…) assigned a high-entropy literal',
    remediation: 'Move the value into an environment variable or a secret store and read it at run time; rotate it if it was ever committed.',
  },
  {
    id: 'generic-password',
    title: 'Hardcoded password',
    provider: 'Generic',
    kind: 'secret',
    severity: 'warning',
    specificity: 'generic',
    format: 'A password-like name (password, passwd, pwd, pass) assigned a literal in source code',
    remediation: 'Read the password from an environment variable or a secret store instead of the source; change it if it was ever committed.',
  },
];

/** What a name says its value is. `key` is a weaker hint (`stripe_key`, `license_key`) than `secret`. */
export type SecretNameClass = 'password' | 'secret' | 'key';

/** Words that, as the last word of a name, say the value describes a secret rather than being one. */
const DESCRIPTIVE_LAST_WORDS = new Set([
  'type', 'types', 'url', 'urls', 'uri', 'endpoint', 'path', 'paths', 'file', 'files', 'filename', 'filepath', 'dir',
  'directory', 'folder', 'name', 'names', 'id', 'ids', 'length', 'len', 'size', 'count', 'expiry', 'expires',
  'expiration', 'expire', 'expired', 'exp', 'ttl', 'timeout', 'max', 'min', 'limit', 'field', 'fields', 'label',
  'placeholder', 'hint', 'prompt', 'message', 'msg', 'error', 'errors', 'regex', 'regexp', 'pattern', 'format',
  'policy', 'header', 'headers', 'prefix', 'suffix', 'param', 'params', 'parameter', 'column', 'col', 'input',
  'validator', 'validation', 'strength', 'hash', 'hashed', 'digest', 'checksum', 'sha', 'sha1', 'sha256', 'md5',
  'salt', 'enabled', 'disabled', 'required', 'reset', 'mode', 'method', 'provider', 'manager', 'service', 'store',
  'helper', 'generator', 'cache', 'ref', 'reference', 'env', 'var', 'variable', 'arn', 'domain', 'host', 'hostname',
  'port', 'user', 'username', 'login', 'email', 'scope', 'scopes', 'realm', 'issuer', 'audience', 'region',
  'version', 'flow', 'callback', 'redirect', 'level', 'strategy', 'backend', 'plugin', 'class', 'handler',
  'middleware', 'location', 'source', 'index', 'idx', 'position', 'pos', 'offset', 'kind', 'state', 'status',
  'storage', 'request', 'response', 'schema', 'model', 'builder', 'factory', 'settings', 'option', 'options',
  'flag', 'rotation', 'interval', 'lifetime', 'duration', 'age', 'date', 'time', 'timestamp', 'at', 'created',
  'updated', 'changed', 'valid', 'invalid', 'verified', 'matches', 'match', 'check', 'text', 'title',
  'description', 'desc', 'help', 'tooltip', 'link', 'button', 'btn', 'icon', 'view', 'page', 'screen', 'form',
  'modal', 'dialog', 'component', 'widget', 'visible', 'visibility', 'toggle', 'rules', 'rule', 'requirements',
  'complexity', 'history', 'attempts', 'retries', 'lock', 'locked', 'lockout', 'bucket', 'table', 'collection',
  'queue', 'topic', 'channel', 'event', 'events', 'listener', 'function', 'fn', 'func', 'hook', 'route', 'count',
  'len', 'bytes', 'bits', 'algorithm', 'algo', 'alg', 'cipher', 'encoding', 'charset', 'policy', 'command', 'cmd',
  'script', 'program', 'process', 'exe', 'binary', 'bin', 'length', 'ms', 'seconds', 'secs', 'sec', 'minutes',
  'mins', 'hours', 'days', 'number', 'num', 'list', 'map', 'dict', 'set', 'array', 'key_id', 'keyid', 'kid',
  'usage', 'purpose', 'owner', 'mask', 'masked', 'spec', 'template', 'example', 'sample', 'test', 'mock', 'stub',
  'dummy', 'fake', 'lookup', 'names', 'pair', 'id_', 'identifier', 'principal', 'account', 'arn', 'alias',
  'store', 'vault', 'keyring', 'keychain', 'chain', 'bundle', 'pem', 'crt', 'cert', 'certificate', 'der', 'p12',
  'pfx', 'jks', 'keystore', 'truststore', 'entry', 'entries', 'secretref', 'keyref', 'selector', 'config',
  'configuration', 'conf', 'cfg', 'str', 'string', 'hex', 'b64', 'base64', 'len', 'sent', 'received',
  'confirmed', 'confirmation', 'repeat', 'again', 'verify', 'old', 'previous', 'prev', 'current', 'policy',
  'generation', 'issued', 'refresh', 'revoked', 'revocation', 'introspection', 'exchange', 'uses', 'used',
  'dialog', 'program', 'agent', 'cmd', 'color', 'colour', 'background', 'foreground', 'bg', 'fg', 'style', 'width',
  'height', 'border', 'font', 'margin', 'padding', 'opacity', 'shadow', 'icon',
]);

/** Words that, as the first word of a plain (undotted) name, make it an action, flag or label. */
const DESCRIPTIVE_FIRST_WORDS = new Set([
  'is', 'has', 'use', 'uses', 'show', 'hide', 'enable', 'disable', 'require', 'requires', 'allow', 'should',
  'can', 'get', 'fetch', 'load', 'read', 'generate', 'gen', 'create', 'validate', 'check', 'verify', 'hash',
  'encode', 'decode', 'encrypt', 'decrypt', 'parse', 'compare', 'update', 'reset', 'forgot', 'forget', 'print',
  'log', 'display', 'render', 'handle', 'on', 'invalid', 'wrong', 'bad', 'missing', 'empty', 'no', 'num', 'max',
  'min', 'need', 'needs', 'must', 'do', 'does', 'did', 'was', 'will', 'to', 'from', 'input', 'prompt', 'ask',
  'request', 'send', 'save', 'remove', 'delete', 'revoke', 'rotate', 'find', 'lookup', 'count', 'total', 'last', 'first', 'next', 'prev', 'label', 'placeholder', 'toggle', 'format',
  'mask', 'sanitize', 'redact', 'strip', 'clear', 'test', 'mock', 'fake', 'stub', 'dummy', 'example', 'sample',
  'expect', 'expected', 'assert',
]);

/** `<word>_key` names that are not credentials. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'primary', 'foreign', 'sort', 'partition', 'cache', 'idempotency', 'public', 'pub', 'object', 's3', 'row', 'hash',
  'range', 'composite', 'unique', 'lookup', 'map', 'dict', 'translation', 'i18n', 'locale', 'message', 'react',
  'list', 'item', 'group', 'attribute', 'attr', 'field', 'column', 'table', 'index', 'hot', 'shortcut', 'keyboard',
  'local', 'redis', 'env', 'config', 'settings', 'registry', 'meta', 'metadata', 'label', 'name', 'dedup',
  'dedupe', 'routing', 'shard', 'ssh', 'gpg', 'pgp', 'kms', 'key', 'tls', 'ssl', 'cert', 'storage', 'state',
  'cursor', 'query', 'filter', 'order', 'next', 'prev', 'parent', 'child', 'node', 'tree', 'entry',
  'bucket', 'file', 'path', 'dir', 'json', 'yaml', 'xml', 'csv', 'data', 'value', 'id', 'type', 'event', 'route',
  'store', 'context', 'theme', 'color', 'style', 'css', 'i', 'j', 'k', 'x', 'y', 'the', 'a', 'my', 'this', 'new',
  'old', 'sub', 'super', 'nested', 'inner', 'outer', 'lock', 'mutex', 'semaphore', 'job', 'task', 'queue',
]);

/** Words that make a name a credential wherever they appear. */
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'creds', 'cred', 'apikey', 'apikeys',
  'auth', 'authkey', 'authtoken', 'authorization', 'accesstoken', 'refreshtoken', 'privatekey', 'secretkey',
  'accesskey', 'clientsecret', 'sessionkey', 'signingkey', 'encryptionkey', 'masterkey', 'appkey', 'appsecret',
  'consumersecret', 'webhooksecret', 'jwtsecret', 'bearer', 'apitoken', 'authsecret',
]);

/** Qualifiers that make `<word>_key` as strong a hint as `secret`. */
const STRONG_KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'app', 'application', 'master', 'encryption', 'encrypt',
  'signing', 'sign', 'hmac', 'auth', 'consumer', 'subscription', 'admin', 'root', 'service', 'server', 'shared',
  'session', 'jwt', 'crypto', 'cipher', 'aes', 'license', 'licence', 'developer', 'dev', 'integration',
  'validation', 'decryption', 'machine', 'storage', 'account', 'webhook', 'hmac', 'deploy',
]);

const BENIGN_PASS_WORDS = new Set([
  'bypass', 'compass', 'getpass', 'surpass', 'trespass', 'overpass', 'underpass', 'firstpass', 'multipass',
  'encompass', 'impass', 'onepass', 'secondpass', 'twopass', 'singlepass', 'renderpass', 'subpass', 'highpass',
  'lowpass', 'bandpass', 'allpass', 'skippass',
]);

/** Splits `DB_PASSWORD`, `apiKey`, `APIKey`, `x-api-key`, `spring.datasource.password` into lower-case words. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isPasswordWord(word: string): boolean {
  if (word === 'pass' || word === 'pw' || word === 'pwd' || word === 'passcode' || word === 'pword' || word === 'passwort') return true;
  if (word.includes('password') || word.includes('passwd') || word.includes('passphrase')) return true;
  if (BENIGN_PASS_WORDS.has(word)) return false;
  return word.length <= 12 && (word.endsWith('pass') || word.endsWith('pwd'));
}

function isSecretWord(word: string): boolean {
  if (SECRET_WORDS.has(word)) return true;
  if (word.includes('secret')) return true;
  if (word.endsWith('token') && word.length <= 16) return true;
  return /apikey|credential|privatekey|accesskey|secretkey|signingkey|encryptionkey|masterkey/.test(word);
}

const cache = new Map<string, SecretNameClass | null>();

/**
 * Says whether a name (any case style) names a credential, and how strongly:
 * `password` for password-like names, `secret` for api keys/tokens/secrets/credentials/auth,
 * `key` for other `<word>_key` names, undefined otherwise (`token_type`, `public_key`, `isPasswordValid`).
 * `parent` is the enclosing key, used when the name alone says too little (`api: { key: … }`).
 */
export function classifySecretName(name: string, parent?: string): SecretNameClass | undefined {
  const cacheKey = parent ? `${parent}\u0000${name}` : name;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyUncached(name, parent);
  if (cache.size > 20_000) cache.clear();
  cache.set(cacheKey, result ?? null);
  return result;
}

function classifyUncached(name: string, parent?: string): SecretNameClass | undefined {
  let words = wordsOf(name);
  while (words.length > 1 && /^v?\d+$/.test(words[words.length - 1])) words.pop();
  if (words.length === 0) return undefined;
  // `Unexpected_token_A_constructor_method_…_1068`: a sentence used as a message id, not a credential's name.
  if (words.length > 7 && !/[./:]/.test(name)) return undefined;
  if (words.length === 1 && words[0] === 'key' && parent) {
    const parentWords = wordsOf(parent);
    const last = parentWords[parentWords.length - 1];
    if (!last) return undefined;
    words = [last, 'key'];
  }
  if (words.includes('public') || words.includes('pub') || words.includes('publishable')) return undefined;
  const last = words[words.length - 1];
  if (DESCRIPTIVE_LAST_WORDS.has(last)) return undefined;
  if (!/[./:]/.test(name) && DESCRIPTIVE_FIRST_WORDS.has(words[0]) && words.length > 1) return undefined;
  if (words.some(isPasswordWord)) return 'password';
  if (words.some(isSecretWord) || isSecretWord(words.join(''))) return 'secret';
  if ((last === 'key' || last === 'keys') && words.length >= 2) {
    const qualifier = words[words.length - 2];
    if (NON_SECRET_KEY_QUALIFIERS.has(qualifier)) return undefined;
    return STRONG_KEY_QUALIFIERS.has(qualifier) ? 'secret' : 'key';
  }
  if (last.endsWith('key') && last.length > 3 && last.length <= 16) {
    const qualifier = last.slice(0, -3);
    if (STRONG_KEY_QUALIFIERS.has(qualifier)) return 'secret';
  }
  return undefined;
}

/** Languages whose files are configuration: a password there is the risky-config rule `plaintext-password`. */
const CONFIG_LANGUAGES = new Set<LanguageId>(['yaml', 'json', 'dotenv', 'properties', 'ini', 'toml', 'xml', 'terraform', 'dockerfile']);

/** Languages where a bare word after `NAME=` can be a literal value (shell words, env lines, docs). */
const LOOSE_LANGUAGES = new Set<LanguageId>([
  'shell', 'dockerfile', 'plaintext', 'markdown', 'yaml', 'json', 'dotenv', 'properties', 'ini', 'toml', 'xml',
]);

/** Languages with `name: Type = value` annotations. */
const ANNOTATED_LANGUAGES = new Set<LanguageId>(['python', 'typescript', 'kotlin', 'swift', 'scala', 'rust']);

/** True when a password in this language's files is configuration (risky config) rather than source code. */
export function isConfigLanguage(language: LanguageId): boolean {
  return CONFIG_LANGUAGES.has(language);
}

/** A secret-like name with a literal value that passed the value checks. */
export interface SecretCandidate {
  nameClass: SecretNameClass;
  /** Offsets of the value (half-open). */
  start: number;
  end: number;
  keyName: string;
  keyPath: string;
}

/** A `name <op> value` site found in text, before judging the value. */
export interface Assignment {
  /** The name as written, without sigils (`self.api_key`, `DB_PASSWORD`, `--token`). */
  name: string;
  nameStart: number;
  /** Innermost name (`api_key`). */
  keyName: string;
  /**
   * The dotted path including enclosing objects when already known; otherwise {@link assignmentKeyPath}
   * finds it, only for the few sites whose value is judged a secret: the owner search walks back up to
   * 2,000 characters, and a dense file has thousands of sites.
   */
  keyPath: string | undefined;
  /** Where the name's token starts, sigils included (the owner search starts there). */
  siteStart: number;
  value: string;
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
}

const candidateCache = new WeakMap<DetectContext, SecretCandidate[]>();

/**
 * Every secret-like name with a literal value in the text, judged and deduplicated; computed once per
 * DetectContext and shared by the generic and risky-config detectors.
 */
export function collectSecretCandidates(ctx: DetectContext): SecretCandidate[] {
  const cached = candidateCache.get(ctx);
  if (cached) return cached;
  const found = isLockFile(ctx.fileName) ? [] : computeCandidates(ctx);
  candidateCache.set(ctx, found);
  return found;
}

function computeCandidates(ctx: DetectContext): SecretCandidate[] {
  const nonProduction = isNonProductionPath(ctx.fileName);
  const prose = isLocalePath(ctx.fileName);
  const manifest = ctx.language === 'json' && /(?:^|[\\/])(?:package|composer|bower)\.json$/i.test(ctx.fileName);
  const kubeSecret = ctx.language === 'yaml' && occursIn(ctx, 'kind: secret') && /^kind:[ \t]*Secret\b/m.test(ctx.text);
  const out: SecretCandidate[] = [];
  const taken = new Set<number>();
  const structure = ctx.structure;
  if (structure) {
    for (const entry of structure.entries) {
      if (manifest && DEPENDENCY_SECTION.test(entry.keyPath)) continue;
      const candidate = judgeEntry(entry, nonProduction, prose, kubeSecret);
      if (candidate && !taken.has(candidate.start)) {
        taken.add(candidate.start);
        out.push(candidate);
      }
    }
  }
  // In a well-formed structured file, only assignments embedded in a value count (`command: --token=…`).
  // Built on the first keyword hit, if any: a dense config file may have 100,000 entries and no hit.
  let within: ValueRanges | undefined;
  const accept = structure && !structure.malformed ? (offset: number): boolean => (within ??= new ValueRanges(structure.entries)).contains(offset) : undefined;
  findAssignments(ctx, (assignment) => {
    if (taken.has(assignment.valueStart)) return;
    const { bare, nameClass } = nameFactsOf(assignment.name);
    if (!nameClass) return;
    const scheme = nameClass === 'secret' ? authScheme(assignment.value) : null;
    const value = scheme ? assignment.value.slice(scheme[0].length) : assignment.value;
    const start = assignment.valueStart + (scheme ? scheme[0].length : 0);
    if (!judgeSecretValue(value, nameClass, { nonProduction, prose, quoted: assignment.quoted })) return;
    if (bare && !isStronglyRandom(value)) return;
    taken.add(assignment.valueStart);
    out.push({ nameClass, start, end: assignment.valueEnd, keyName: assignment.keyName, keyPath: assignmentKeyPath(ctx, assignment) });
  }, !!structure, accept);
  const extra = curlCredentials(ctx, nonProduction);
  extra.push(...commandPasswords(ctx, nonProduction));
  extra.push(...credentialCalls(ctx, nonProduction));
  if (/(?:^|[\\/])(?:\.pgpass|pgpass\.conf)$/.test(ctx.fileName)) extra.push(...pgpassPasswords(ctx, nonProduction));
  if (ctx.language === 'terraform') extra.push(...terraformDefaults(ctx, nonProduction));
  if (ctx.language === 'sql') extra.push(...sqlIdentifiedBy(ctx, nonProduction));
  extra.push(...basicAuthTuples(ctx, nonProduction));
  extra.push(...envReadDefaults(ctx, nonProduction));
  extra.push(...secureStringLiterals(ctx, nonProduction));
  for (const candidate of extra) {
    if (!taken.has(candidate.start)) {
      taken.add(candidate.start);
      out.push(candidate);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A Kubernetes Secret's `data:` values are base64 of the real value: `Y2hhbmdlbWU=` is `changeme`. Judges the
 * decoded text when it decodes to printable text; anything else (binary key material) stands as it is.
 */
function judgeDecoded(value: string, nameClass: SecretNameClass, nonProduction: boolean): boolean {
  const v = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return true;
  const decoded = Buffer.from(v, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return true;
  return judgeSecretValue(decoded, nameClass === 'key' ? 'secret' : nameClass, { nonProduction });
}

/** Sections of a package manifest whose keys are package names (`minipass`, `passport-jwt`) and values versions. */
const DEPENDENCY_SECTION = /^(?:(?:dev|peer|optional|bundled?)?[dD]ependencies|require(?:-dev)?|overrides|resolutions|engines|pnpm\.overrides)\./;

/** An HTTP auth scheme word before the credential (`Token …`, `Basic …`); the credential is what follows. */
const AUTH_SCHEME = /^(?:Basic|Bearer|Token|Digest|ApiKey|Api-Key|Key|Bot|SSWS|GenieKey|token|bearer|basic)[ \t]+(?=\S+$)/;

/** The scheme word of `Token <credential>`, when what follows reads as a credential (not `Token imprevisto.`). */
function authScheme(value: string): RegExpExecArray | null {
  const m = AUTH_SCHEME.exec(value);
  if (!m) return null;
  const rest = value.slice(m[0].length);
  return rest.length >= 12 && /\d/.test(rest) && /^[A-Za-z0-9+/=_.~:-]+$/.test(rest) && !/[.:]$/.test(rest) ? m : null;
}

/** Key paths under which values are ciphertext by design (SealedSecret `encryptedData`, SOPS metadata). */
const ENCRYPTED_PATH = /(?:^|\.)(?:encrypteddata|encrypted|sops|ciphertext)(?:[.[]|$)/i;

function judgeEntry(entry: KeyValueEntry, nonProduction: boolean, prose: boolean, kubeSecret: boolean): SecretCandidate | undefined {
  const bare = isBareKey(entry.key, entry.keyPath);
  const nameClass = classifyWithParent(entry.key, entry.keyPath) ?? (bare ? 'key' : undefined);
  if (!nameClass || entry.tag || ENCRYPTED_PATH.test(entry.keyPath)) return undefined;
  if (bare && !isStronglyRandom(entry.value)) return undefined;
  // `Authorization: Token …`: the credential follows the scheme word (only when offsets map one to one).
  const raw = entryText(entry);
  const scheme = nameClass === 'secret' && raw !== undefined ? authScheme(raw.trim()) : null;
  const value = scheme ? raw!.trim().slice(scheme[0].length) : entry.value;
  // A `development:` or `test:` section is as much test material as a test file.
  const local = nonProduction || isNonProductionPath(entry.keyPath) || (!!entry.section && isNonProductionPath(entry.section));
  if (!judgeSecretValue(value, nameClass, { nonProduction: local, prose, quoted: entry.quoted })) return undefined;
  if (kubeSecret && /^data\.[^.]+$/.test(entry.keyPath) && !judgeDecoded(entry.value, nameClass, local)) return undefined;
  let start = entry.valueStart + (scheme ? scheme[0].length : 0);
  let end = entry.valueEnd;
  if (raw !== undefined) {
    const trimmedStart = raw.length - raw.trimStart().length;
    start += trimmedStart;
    end -= raw.length - raw.trimEnd().length;
  }
  return { nameClass, start, end, keyName: entry.key, keyPath: entry.keyPath };
}

/** The entry's value when it equals its source text (no escapes), for trimming offsets. */
function entryText(entry: KeyValueEntry): string | undefined {
  return entry.valueEnd - entry.valueStart === entry.value.length ? entry.value : undefined;
}

/**
 * The value ranges of a structured file's entries, ordered by start (entries that start together keep
 * their order), in two flat arrays: dense files have 100,000 entries, and a pair array per entry only
 * filled memory.
 */
class ValueRanges {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(entries: readonly KeyValueEntry[]) {
    const n = entries.length;
    // Offsets fit: a JavaScript string holds fewer than 2^31 characters.
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    let order: number[] | undefined;
    for (let i = 1; i < n && !order; i++) {
      if (entries[i].valueStart < entries[i - 1].valueStart) {
        // A stable sort of the indexes: parsers mostly emit entries in order, so this is rare.
        order = Array.from({ length: n }, (_unused, index) => index).sort((a, b) => entries[a].valueStart - entries[b].valueStart);
      }
    }
    for (let i = 0; i < n; i++) {
      const entry = entries[order ? order[i] : i];
      this.starts[i] = entry.valueStart;
      this.ends[i] = entry.valueEnd;
    }
  }

  /** Index of the last range found by {@link contains}: offsets are asked in ascending order, so the search resumes there. */
  private last = -1;

  /** Whether some range holds `offset`. */
  contains(offset: number): boolean {
    const { starts, ends } = this;
    // `best`: the last range starting at or before `offset` (-1: none), stepped to from the previous answer
    // when it is near, else binary searched.
    let best = this.last;
    if (best >= 0 && starts[best] > offset) best = -1;
    let steps = 0;
    while (best + 1 < starts.length && starts[best + 1] <= offset && steps < 8) {
      best++;
      steps++;
    }
    if (best + 1 < starts.length && starts[best + 1] <= offset) {
      let lo = best + 1;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= offset) {
          best = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
    }
    this.last = best;
    // Ranges may nest or repeat (renamed entries); look back a little for one that contains the offset.
    for (let i = best; i >= 0 && i > best - 8; i--) if (starts[i] <= offset && offset < ends[i]) return true;
    return false;
  }
}

/** Classifies a name, consulting the enclosing key only for a bare `key` (`api: { key: … }`), the one case it matters. */
function classifyWithParent(name: string, path: string): SecretNameClass | undefined {
  return name.length === 3 && name.toLowerCase() === 'key' ? classifySecretName(name, parentSegment(path)) : classifySecretName(name);
}

/**
 * A top-level `key` with nothing around it to say what kind (`key = "…"`, `KEY: …`). Alone the name says
 * little (cache keys, sort keys, i18n keys), so its value must look generated: see isStronglyRandom.
 */
function isBareKey(name: string, path: string): boolean {
  return name.length === 3 && name.toLowerCase() === 'key' && parentSegment(path) === undefined;
}

/** Mixed case and digits at an entropy only generated material reaches: what a bare `key` needs to count. */
function isStronglyRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < 20 || v.length > 200 || !/^[A-Za-z0-9+/=_.~-]+$/.test(v) || !/[A-Z]/.test(v) || !/[a-z]/.test(v) || !/\d/.test(v)) return false;
  return shannonEntropy(v) >= (v.length >= 32 ? 4.2 : 3.8);
}

/** `a.b.c` -> `c`; `a[0]` -> `a`. */
function lastSegment(name: string): string {
  const cleaned = name.endsWith(']') ? name.replace(/\[\d+\]$/, '') : name;
  const dot = cleaned.lastIndexOf('.');
  return dot < 0 ? cleaned : cleaned.slice(dot + 1);
}

/** The segment before the last one, if any: `openai.api.key` -> `api`. */
function parentSegment(name: string): string | undefined {
  // Most names have neither a dot nor an index: answered without the regex or a copy.
  if (!name.includes('.')) return undefined;
  const cleaned = name.includes('[') ? name.replace(/\[\d+\]/g, '') : name;
  const dot = cleaned.lastIndexOf('.');
  if (dot < 0) return undefined;
  const before = cleaned.slice(0, dot);
  const previous = before.lastIndexOf('.');
  return previous < 0 ? before : before.slice(previous + 1);
}

/**
 * Detects hardcoded secrets and (in source code) passwords. In config files a password is reported by
 * the risky-config detector as `plaintext-password` instead, so each value gets one finding.
 */
export function detectGeneric(ctx: DetectContext): RawMatch[] {
  const inConfig = isConfigLanguage(ctx.language);
  const matches: RawMatch[] = [];
  for (const candidate of collectSecretCandidates(ctx)) {
    if (candidate.nameClass === 'password' && inConfig) continue;
    matches.push({
      ruleId: candidate.nameClass === 'password' ? 'generic-password' : 'generic-secret',
      start: candidate.start,
      end: candidate.end,
      keyName: candidate.keyName,
      keyPath: candidate.keyPath,
    });
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------------------
// Command lines

/** One argument of a command line, quotes removed. */
export interface CommandToken {
  start: number;
  end: number;
  text: string;
}

/**
 * The arguments of the command starting after `from` (a `curl`, `wget`… word): shell words, quoted strings
 * and argv-list items (`["curl", "-k", url]`), up to the end of the command (`|`, `;`, `&`, a newline
 * without a trailing backslash). Bounded, so a runaway line costs at most a few thousand characters.
 * With `stopAfter`, reading ends after the first token it accepts: callers that only look for the first
 * such token (`-k`) then pay for the tokens up to it, not for the whole command.
 */
export function commandTokens(text: string, from: number, stopAfter?: (token: CommandToken) => boolean): CommandToken[] {
  const tokens: CommandToken[] = [];
  const limit = Math.min(text.length, from + 4000);
  let i = from;
  while (i < limit && tokens.length < 200) {
    const c = text[i];
    if (c === '\n') {
      if (!/(?:\\|`)\s*$/.test(text.slice(Math.max(from, i - 3), i).replace(/\r$/, ''))) break;
      i++;
      continue;
    }
    if (c === '|' || c === ';' || c === '&' || c === ')' || c === ']') break;
    if (c === ' ' || c === '\t' || c === ',' || c === '[' || c === '\\' || c === '\r') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close > limit) break;
      tokens.push({ start: i + 1, end: close, text: text.slice(i + 1, close) });
      if (stopAfter?.(tokens[tokens.length - 1])) break;
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < limit && !endsCommandWord(text, end)) end++;
    tokens.push({ start: i, end, text: text.slice(i, end) });
    if (stopAfter?.(tokens[tokens.length - 1])) break;
    i = end;
  }
  return tokens;
}

/** ASCII characters that end an unquoted command word; `/[\s,\]|;&)"']/` decides for the rest. */
const WORD_ENDS = new Uint8Array(128);
for (const c of ' \t\n\v\f\r,]|;&)"\'') WORD_ENDS[c.charCodeAt(0)] = 1;

function endsCommandWord(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? WORD_ENDS[code] === 1 : /[\s,\]|;&)"']/.test(text[at]);
}

/** Offsets of `curl` used as a command word (not `libcurl`, `curl_easy`, `pycurl.Curl`). */
export function curlCommandOffsets(ctx: DetectContext): number[] {
  let offsets = curlOffsetsCache.get(ctx);
  if (offsets) return offsets;
  const hits = keywordHits(ctx).get('curl') ?? [];
  const text = ctx.text;
  offsets = hits.filter((at) => !isWordOrDotCode(text.charCodeAt(at - 1)) && !isWordOrDotCode(text.charCodeAt(at + 4)));
  curlOffsetsCache.set(ctx, offsets);
  return offsets;
}

/** Per scan: both detectors read the `curl` commands. */
const curlOffsetsCache = new WeakMap<DetectContext, number[]>();

/** `[\w.-]` for a character code (NaN, past either end of the text, is none of them). */
function isWordOrDotCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/** `curl -u user:password …` / `--user=user:password`: the password part, as a password candidate. */
function curlCredentials(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  const text = ctx.text;
  // Every `-u…` / `--user…` token contains `-u`: commands whose reach (4000 characters, as in
  // commandTokens) holds none are skipped without reading their tokens. Offsets ascend, so one
  // forward search serves all of them.
  let dashU = text.indexOf('-u');
  for (const at of curlCommandOffsets(ctx)) {
    if (dashU >= 0 && dashU < at + 4) dashU = text.indexOf('-u', at + 4);
    if (dashU < 0) break;
    if (dashU + 2 > Math.min(text.length, at + 4 + 4000)) continue;
    const tokens = commandTokens(ctx.text, at + 4);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      let credential: CommandToken | undefined;
      if ((token.text === '-u' || token.text === '--user') && tokens[t + 1]) {
        credential = tokens[t + 1];
      } else {
        const glued = /^(?:-u|--user=)(?=\S)/.exec(token.text);
        if (glued) credential = { start: token.start + glued[0].length, end: token.end, text: token.text.slice(glued[0].length) };
      }
      if (!credential) continue;
      const colon = credential.text.indexOf(':');
      if (colon <= 0) break;
      const password = credential.text.slice(colon + 1);
      if (judgeSecretValue(password, 'password', { nonProduction })) {
        const start = credential.start + colon + 1;
        found.push({ nameClass: 'password', start, end: start + password.length, keyName: 'password', keyPath: 'curl.user' });
      }
      break;
    }
  }
  return found;
}

/** Commands whose `-p` option carries a password: glued for the MySQL clients (`-pSECRET`), either way for the others. */
const PASSWORD_COMMANDS = /(?<![\w.-])(htpasswd|mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump|sshpass|(?:docker|podman|buildah|skopeo|nerdctl)\s+login)(?![\w.-])/g;

/**
 * `mysqldump -u app -p<password>`, `sshpass -p <password> ssh …`, `docker login -u ci -p <password>`: the `-p` value as a
 * password candidate. A bare `-p` on a MySQL client prompts for the password, so only the glued form counts there.
 */
function commandPasswords(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  // `occursIn` reads the shared literal pass: a missing word costs a lookup, not a search of the whole text.
  if (!occursIn(ctx, 'mysql') && !occursIn(ctx, 'mariadb') && !occursIn(ctx, 'sshpass') && !occursIn(ctx, ' login') && !occursIn(ctx, 'htpasswd')) return [];
  const found: SecretCandidate[] = [];
  for (const m of matchesOf(ctx, PASSWORD_COMMANDS_PATTERN)) {
    const mysql = /^m/.test(m[1]);
    const tokens = commandTokens(ctx.text, m.index + m[0].length);
    if (m[1] === 'htpasswd') {
      const credential = htpasswdPassword(tokens);
      if (credential && judgeSecretValue(credential.text, 'password', { nonProduction })) {
        found.push({ nameClass: 'password', start: credential.start, end: credential.end, keyName: 'password', keyPath: 'htpasswd.password' });
      }
      continue;
    }
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      let credential: CommandToken | undefined;
      if (token.text === '-p' && !mysql) credential = tokens[t + 1];
      else if (/^-p[^\s-]/.test(token.text) && token.start > 0 && ctx.text[token.start - 1] !== '"' && ctx.text[token.start - 1] !== "'") {
        credential = { start: token.start + 2, end: token.end, text: token.text.slice(2) };
      }
      if (!credential) continue;
      // A command quoted in prose or a template (`…-p<password>`): the closing backtick is not part of the value.
      while (credential.end > credential.start && ctx.text[credential.end - 1] === '`') {
        credential = { start: credential.start, end: credential.end - 1, text: credential.text.slice(0, -1) };
      }
      if (judgeSecretValue(credential.text, 'password', { nonProduction })) {
        found.push({ nameClass: 'password', start: credential.start, end: credential.end, keyName: 'password', keyPath: `${m[1].split(/\s/)[0]}.password` });
      }
      break;
    }
  }
  return found;
}

/** Calls whose second argument is a password after a user name: credential objects and `login`. */
const CREDENTIAL_CALL = /(?<![\w$])(?:NetworkCredential|CRAMMD5Auth|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|UsernamePasswordCredentials|PasswordAuthentication|UsernamePasswordAuthenticationToken|PasswordCredential|setBasicAuth|withBasicAuth|basicAuth|basic_auth|login)\s*\(\s*(["'])[^"'\n]{1,120}\1\s*,\s*(["'])([^"'\n]{1,200})\2/g;
/** Go `smtp.PlainAuth(identity, user, password, host)`: the third argument. */
const PLAIN_AUTH_CALL = /\bPlainAuth\(\s*(["'`])[^"'`\n]{0,120}\1\s*,\s*(["'`])[^"'`\n]{1,120}\2\s*,\s*(["'`])([^"'`\n]{1,200})\3/g;

/**
 * The command and call patterns, prepared when this module loads: preparing registers their leading
 * literals with the shared keyword pass, and a word registered during a scan would make that scan run the
 * pass over the whole text a second time.
 */
const PASSWORD_COMMANDS_PATTERN = anchoredPattern(PASSWORD_COMMANDS);
const CREDENTIAL_CALL_PATTERNS: Array<[AnchoredPattern, number]> = [[anchoredPattern(CREDENTIAL_CALL), 3], [anchoredPattern(PLAIN_AUTH_CALL), 4]];

/**
 * `new NetworkCredential("user", "…")`, `HTTPBasicAuth('user', '…')`, `smtp.login("user", "…")`,
 * `new PasswordAuthentication("user", "…".toCharArray())`, `smtp.PlainAuth("", "user", "…", host)`: the
 * password argument, as a password candidate.
 */
function credentialCalls(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  if (!occursIn(ctx, 'login') && !occursIn(ctx, 'auth') && !occursIn(ctx, 'credential')) return [];
  const found: SecretCandidate[] = [];
  for (const [pattern, group] of CREDENTIAL_CALL_PATTERNS) {
    for (const m of matchesOf(ctx, pattern)) {
      const password = m[group];
      if (!judgeSecretValue(password, 'password', { nonProduction })) continue;
      const start = m.index + m[0].length - 1 - password.length;
      found.push({ nameClass: 'password', start, end: start + password.length, keyName: 'password', keyPath: 'password' });
    }
  }
  return found;
}

/**
 * An environment read whose variable is named as a secret, with a literal fallback: `getenv("DB_PASSWORD", "…")`,
 * `os.environ.get('API_TOKEN', '…')`, `ENV.fetch("SECRET_KEY", "…")`, `System.getenv().getOrDefault("X_TOKEN", "…")`.
 * Where no secret-named variable receives it (`connect(getenv("DB_PASSWORD", "…"))`), the variable's name says
 * what the fallback is.
 */
const ENV_READ_DEFAULT_CALL = anchoredPattern(/(?<![\w$])(?:getenv|environ\.get|ENV\.fetch|getOrDefault)\(\s*(["'])([\w.-]{1,100})\1\s*,\s*/g);

function envReadDefaults(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  if (!occursIn(ctx, 'getenv(') && !occursIn(ctx, 'environ.get(') && !occursIn(ctx, 'env.fetch(') && !occursIn(ctx, 'getordefault(')) return [];
  const found: SecretCandidate[] = [];
  for (const m of matchesOf(ctx, ENV_READ_DEFAULT_CALL)) {
    const name = m[2];
    const nameClass = classifySecretName(name);
    if (!nameClass) continue;
    const literal = readLiteral(ctx.text, m.index + m[0].length, ctx.language);
    if (!literal || !literal.quoted) continue;
    // `getenv("API_KEY", "") + suffix`: a piece of a longer value, as for assignments.
    if (CONCATENATED.test(ctx.text.slice(literal.end + 1, literal.end + 12))) continue;
    const value = ctx.text.slice(literal.start, literal.end);
    if (!judgeSecretValue(value, nameClass, { nonProduction, quoted: true })) continue;
    found.push({ nameClass, start: literal.start, end: literal.end, keyName: name, keyPath: name });
  }
  return found;
}

/** `htpasswd -b[c…] FILE USER PASSWORD` / `htpasswd -nb USER PASSWORD`: batch mode takes the password as an argument. */
function htpasswdPassword(tokens: CommandToken[]): CommandToken | undefined {
  let batch = false;
  let noFile = false;
  const operands: CommandToken[] = [];
  for (const token of tokens) {
    if (/^-[a-zA-Z]+$/.test(token.text)) {
      batch ||= token.text.includes('b');
      noFile ||= token.text.includes('n');
    } else {
      operands.push(token);
    }
  }
  return batch ? operands[noFile ? 1 : 2] : undefined;
}

/** PostgreSQL `.pgpass`: `host:port:database:user:password` per line (`\\:` escapes a colon); the fifth field. */
function pgpassPasswords(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  const { text, lineStarts } = ctx;
  for (let l = 0; l < lineStarts.length; l++) {
    const lineStart = lineStarts[l];
    let lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    if (text[lineStart] === '#') continue;
    let colons = 0;
    let k = lineStart;
    for (; k < lineEnd && colons < 4; k++) {
      if (text[k] === '\\') k++;
      else if (text[k] === ':') colons++;
    }
    if (colons < 4 || k >= lineEnd) continue;
    const password = text.slice(k, lineEnd);
    if (judgeSecretValue(password, 'password', { nonProduction })) {
      found.push({ nameClass: 'password', start: k, end: lineEnd, keyName: 'password', keyPath: 'pgpass.password' });
    }
  }
  return found;
}

/** SQL `CREATE USER … IDENTIFIED BY 'secret'` (MySQL, Oracle): the quoted string is a password. */
function sqlIdentifiedBy(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  const regex = /\bIDENTIFIED\s+(?:WITH\s+\w+\s+)?BY\s+(['"])([^'"\n]{1,200})\1/gi;
  for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
    if (!judgeSecretValue(m[2], 'password', { nonProduction })) continue;
    const start = m.index + m[0].length - 1 - m[2].length;
    found.push({ nameClass: 'password', start, end: start + m[2].length, keyName: 'password', keyPath: 'password' });
  }
  return found;
}

/** Terraform `variable "db_password" { default = "…" }`: the variable's name says what the default is. */
function terraformDefaults(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  const regex = /\bvariable\s+"([^"\n]{1,100})"\s*\{[^{}]{0,2000}?\bdefault\s*=\s*"([^"\n]{0,500})"/g;
  for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
    const nameClass = classifySecretName(m[1]);
    if (!nameClass || !judgeSecretValue(m[2], nameClass, { nonProduction })) continue;
    const start = m.index + m[0].length - 1 - m[2].length;
    found.push({ nameClass, start, end: start + m[2].length, keyName: m[1], keyPath: `variable.${m[1]}.default` });
  }
  return found;
}

/** `auth=("user", "secret")` (requests, httpx), `auth: ['user', 'secret']`: the second string is a password. */
function basicAuthTuples(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const at of keywordHits(ctx).get('auth') ?? []) {
    const window = ctx.text.slice(at, at + 300);
    const m = /^auth['"]?\s*(?:=|:|=>)\s*(?:HTTPBasicAuth|BasicAuth|aiohttp\.BasicAuth)?[([]\s*(["'])[^"'\n]{0,100}\1\s*,\s*(["'])([^"'\n]{1,200})\2\s*[)\]]/.exec(window);
    if (!m || /[\w.]/.test(ctx.text[at - 1] ?? '')) continue;
    if (!judgeSecretValue(m[3], 'password', { nonProduction })) continue;
    const start = at + m[0].lastIndexOf(m[3]);
    found.push({ nameClass: 'password', start, end: start + m[3].length, keyName: 'auth', keyPath: 'auth' });
  }
  return found;
}

/** PowerShell `ConvertTo-SecureString "…" -AsPlainText`, prepared with its leading literal for the shared pass. */
const SECURE_STRING_LITERAL = anchoredPattern(/ConvertTo-SecureString\s+(?:-String\s+)?(["'])([^"'\n]{1,200})\1(?=[^\n]*-AsPlainText)/gi);

/**
 * PowerShell `ConvertTo-SecureString "…" -AsPlainText`: a password written into the script, or into any file
 * that carries the command (a CI step's `run:` block, a README's snippet, a `.bat` calling `pwsh -c`).
 */
function secureStringLiterals(ctx: DetectContext, nonProduction: boolean): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const m of matchesOf(ctx, SECURE_STRING_LITERAL)) {
    const start = m.index + m[0].length - 1 - m[2].length;
    if (judgeSecretValue(m[2], 'password', { nonProduction })) {
      found.push({ nameClass: 'password', start, end: start + m[2].length, keyName: 'password', keyPath: 'password' });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Value judgement

/** Options for judging a value. */
export interface JudgeOptions {
  /** The file is test/dev/CI/example material: well-known default passwords are expected there. */
  nonProduction?: boolean;
  /** The file holds translated UI text (a locale file): a bare word there is a label, not a password. */
  prose?: boolean;
  quoted?: boolean;
}

/**
 * Decides whether a literal under a secret-like name is a real credential. Rejects placeholders,
 * references, hashes and ids, public material, numbers and booleans, URLs and paths, identifiers and
 * UI strings; then asks for a shape and entropy that fit the name (passwords need less than api keys).
 */
export function judgeSecretValue(value: string, nameClass: SecretNameClass, options: JudgeOptions = {}): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > 1000) return false;
  // Too short for the name's class (the length floors of the switch below), answered before the many
  // filters in between, which can only say no as well. A short weak default is the one short password judged.
  if (v.length < MIN_LENGTH[nameClass] && !(nameClass === 'password' && isWeakDefault(v))) return false;
  if (/\s/.test(v)) return false;
  if (isPlaceholder(v) || isReference(v) || isPublicMaterial(v) || v.startsWith('-----BEGIN')) return false;
  if (looksLikeHashOrId(v, { hexIsHash: false })) return false;
  // Under a loosely named `<word>_key`, 40 hex digits is far more often a commit SHA than a credential.
  if (nameClass === 'key' && v.length === 40 && /^[0-9a-f]+$/i.test(v)) return false;
  if (isConstantLike(v) || isUrlOrPath(v) || isIdentifierLike(v) || isEmailOrHost(v) || isRegexSource(v)) return false;
  if (isCompoundIdentifier(v) || isTypeExpression(v)) return false;
  // Format strings and templates (`%s:%s`, `{}\\{:0.1f}`, `{0}`) and command-line fragments (`--username=`).
  // A specifier must end where a word ends, so URL-encoded bytes in a password (`%2f`, `%3D`) do not count.
  if (/%[-+#0 ]?\d{0,2}(?:\.\d+)?[sdrf](?![0-9A-Za-z])|\{\d*(?::[^}]*)?\}/.test(v) || /^--?[a-z][\w-]*=?$/i.test(v)) return false;
  // Text in another script (`予期しないトークンです。`): a translated message, never generated key material.
  if (/[\u0080-\uffff][^\u0000-\u007f]*[\u0080-\uffff]/.test(v)) return false;
  // `credentials('api-token')`, `vault.read(path)`: a call read as a bare word, in files without string syntax.
  if (/^[A-Za-z_$][\w.$:]*\(.*\)[;,]?$/.test(v)) return false;
  // `DOMAIN\user`: an account name.
  if (/^[A-Za-z0-9.-]+\\[\w.$-]+$/.test(v)) return false;
  // `max-age=31536000`, `charset=utf-8`: a setting written as name=value, not a credential.
  if (/^[a-z][a-z-]*=[^=]/.test(v)) return false;
  const classes = charClasses(v);
  // In a locale file the value under `password` is the label translated; only a value with a digit could be a secret.
  if (options.prose && !/\d/.test(v)) return false;
  switch (nameClass) {
    case 'password':
      if (isWeakDefault(v)) return !options.nonProduction;
      if (v.length < 4) return false;
      if (/^[A-Za-z]+$/.test(v) && v.length < 6) return false;
      return true;
    case 'secret': {
      if (v.length < 8) return false;
      // A single word (`Bearer`, `Zugangsschluessel`) is a label or a translation; generated keys mix in digits or case.
      if (v.length <= 24 && /^[A-Z]?[a-z]+$/.test(v)) return false;
      // Short hex is a key id or fingerprint (GPG key ids are 8 or 16 hex digits), not key material.
      if (v.length < 20 && /^[0-9a-fA-F]+$/.test(v)) return false;
      const entropy = shannonEntropy(v);
      if (classes < 2 && !(v.length >= 16 && entropy >= 3.5)) return false;
      if (v.length < 12) return classes >= 3 || entropy >= 2.9;
      return entropy >= (v.length >= 16 ? 3.0 : 2.5);
    }
    case 'key':
      return v.length >= 16 && classes >= 2 && /\d/.test(v) && shannonEntropy(v) >= 3.3;
  }
}

/** The shortest value each class can accept (see the switch in judgeSecretValue). */
const MIN_LENGTH: Record<SecretNameClass, number> = { password: 4, secret: 8, key: 16 };

function charClasses(v: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Numbers, booleans, null-likes, versions, durations and sizes. */
function isConstantLike(v: string): boolean {
  if (/^[-+]?(?:\d[\d_,]*(?:\.\d+)?(?:e[-+]?\d+)?|0x[0-9a-f]+)$/i.test(v)) return true;
  if (/^(?:true|false|yes|no|on|off|null|nil|none|undefined|~|nan|inf)$/i.test(v)) return true;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/i.test(v)) return true;
  // Version ranges (`^7.1.2`, `~1.2`, `>=2.0.0`, `1.x`) and CSS colours (`#00d7ff`).
  if (/^(?:[~^]|[<>]=?)v?\d+(?:\.(?:\d+|x|\*)){0,3}(?:[-+][\w.]+)?$/i.test(v) || /^\d+\.(?:x|\*)(?:\.(?:x|\*))?$/i.test(v)) return true;
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v)) return true;
  return /^\d+(?:ms|s|m|h|d|w|kb|mb|gb|k|b)$/i.test(v);
}

const FILE_EXTENSION = /\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|txt|ya?ml|env|cfg|conf|ini|pub|gpg|asc|enc|properties|toml|xml|sh|py|js|ts|rb|go|html?|csv|log|db|sqlite|lock)$/i;

/** URLs (credentials in URLs are a structural rule's job), file paths, MIME types. */
function isUrlOrPath(v: string): boolean {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v)) return true;
  if (/^(?:\.\.?[\\/]|~[\\/]|[A-Za-z]:[\\/]|\\\\)/.test(v)) return true;
  if (/^[\w.-]+\.[a-z]{2,6}\/\S*$/i.test(v) && /^[a-z0-9.-]+\//.test(v)) return true;
  if (/^[a-z]+\/[a-z0-9.+-]+$/.test(v)) return true;
  if (v.includes('/') && /^\/?(?:[\w.@~+-]+\/)*[\w.@~+-]+\/?$/.test(v)) {
    if (FILE_EXTENSION.test(v)) return true;
    // A path's segments read like words; base64 (which also has `/`) mixes case and digits at random.
    const segments = v.split('/').filter(Boolean);
    if (v.startsWith('/') && segments.every((s) => /^[a-z0-9._@~+-]+$/.test(s) || s.length <= 12)) return true;
  }
  return !v.includes('/') && FILE_EXTENSION.test(v) && /^[\w.-]+$/.test(v) && !/\d{4,}/.test(v);
}

/**
 * A regular expression's source (`[^\\s@/]{1,256}`, `^(?=.*\\d).{8,}$`): two or more regex constructs —
 * a character class, a `{m,n}` quantifier, an escape class, a group modifier, `^…$` anchors, `.*`/`.+`.
 * A generated password may hold one of these by chance, hardly two.
 */
function isRegexSource(v: string): boolean {
  let signals = 0;
  if (/\[\^?[^\]]+\][*+?{]?/.test(v)) signals++;
  if (/\{\d+(?:,\d*)?\}/.test(v)) signals++;
  if (/\\[dswbDSWB]/.test(v)) signals++;
  if (/\(\?[:=!<]/.test(v)) signals++;
  if (v.startsWith('^') && v.endsWith('$')) signals++;
  if (/\.[*+]\??/.test(v)) signals++;
  return signals >= 2;
}

/**
 * A name built of two or more pronounceable words, in any case style, with at most a version or a short
 * number: `FlowPasswordRequiredResultV2`, `PlatformAuthDOMGetToken`, `msal:acquireTokenStart`. Random
 * letters split into humps fail the vowel test almost at once; generated keys also carry digits.
 */
function isCompoundIdentifier(v: string): boolean {
  if (v.length < 6 || v.length > 120 || !/^[A-Za-z][A-Za-z0-9]*(?:[_.:/-]+[A-Za-z0-9]+)*$/.test(v)) return false;
  const words = wordsOf(v);
  if (words.length < 2) return false;
  let letters = 0;
  for (const word of words) {
    if (/^v?\d{1,3}$/.test(word)) continue;
    if (!/^[a-z]+\d{0,3}$/.test(word)) return false;
    const alpha = word.replace(/\d+$/, '');
    if (alpha.length < 2 || !/[aeiouy]/.test(alpha) || /[^aeiouy]{5}/.test(alpha)) return false;
    letters += alpha.length;
  }
  return letters >= 6;
}

/** A type written as a value: `typing.Optional[KEY_TYPES]`, `Map<String, Key>`, a quoted forward reference `_RSAPrivateKey`. */
function isTypeExpression(v: string): boolean {
  return /^[A-Za-z_][\w.]*\[[\w.,\s[\]"']*\],?$/.test(v) || /^[A-Za-z_][\w.]*<[\w.,\s<>?]*>,?$/.test(v) ||
    /^_+[A-Z][a-z]*(?:[A-Z]+[a-z]*)+$/.test(v);
}

/** camelCase, PascalCase, snake_case, kebab-case, dotted and SCREAMING names: identifiers and i18n keys. */
function isIdentifierLike(v: string): boolean {
  // `keyguard.apiKeys`, `app.auth.clientSecret`: a command id, setting name or property path.
  if (/^[a-z][a-z]*(?:[A-Z][a-z]+)*(?:\.[a-z][a-z]*(?:[A-Z][a-z]+)*)+$/.test(v)) return true;
  return /^[a-z]+(?:[A-Z][a-z]+)+\d{0,2}$/.test(v) ||
    /^[A-Z][a-z]+(?:[A-Z][a-z]+)+\d{0,2}$/.test(v) ||
    /^[a-z]{2,}\d{0,2}(?:[_.:-][a-z]{2,}\d{0,2})+$/.test(v) ||
    /^[A-Z]{2,}\d{0,2}(?:[_.:-][A-Z]{2,}\d{0,2})+$/.test(v) ||
    /^[A-Za-z][a-z]+(?:\.[A-Za-z][a-z]+)+$/.test(v) ||
    /^(?:[a-z]+\.){2,}[A-Z]\w+$/.test(v) ||
    /^[a-z]+(?:[A-Z][a-z]+)*(?:\(\))$/.test(v) ||
    /^[A-Za-z]+(?:[,|][A-Za-z]+)+$/.test(v);
}

function isEmailOrHost(v: string): boolean {
  return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(v) || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/.test(v);
}

// ---------------------------------------------------------------------------------------------------------
// Assignment scanner

/**
 * One pass over the lower-cased text finds every keyword either detector needs: the secret-name keywords
 * of this module and the anchors of the risky-config patterns. A single alternation is about twice as fast
 * as two passes, and everything after it is cheap character tests near the hits.
 */
const KEYWORDS = /pass|pw|secret|token|key|auth|cred|bearer|verif|ssl|insecure|skip|cert|trust|unauthorized|curl|debug|danger|check_hostname|allowinvalid/g;
const KEYWORDS_ARE_WORDS = isWordAlternation(KEYWORDS);
const KEYWORD_LIST = KEYWORDS.source.split('|');
/** Words the command and login checks test for with `occursIn`. */
registerLiterals(['mysql', 'mariadb', 'sshpass', ' login', 'htpasswd', 'login', 'auth', 'credential', 'kind: secret']);
if (KEYWORDS_ARE_WORDS) registerLiterals(KEYWORD_LIST);

/** Keywords that start a secret-name candidate. */
const NAME_KEYWORDS = ['pass', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'bearer'];

const keywordCache = new WeakMap<DetectContext, Map<string, number[]>>();

/** Offsets of each keyword in the text (see KEYWORDS), computed once per DetectContext. */
export function keywordHits(ctx: DetectContext): Map<string, number[]> {
  const cached = keywordCache.get(ctx);
  if (cached) return cached;
  // Same hits as the regex loop below, from the literal pass the provider detector already ran.
  const hits = KEYWORDS_ARE_WORDS ? alternationHits(ctx, KEYWORD_LIST) : new Map<string, number[]>();
  if (!KEYWORDS_ARE_WORDS) {
    const regex = new RegExp(KEYWORDS.source, 'g');
    const lower = ctx.lowerText;
    for (let m = regex.exec(lower); m; m = regex.exec(lower)) {
      const list = hits.get(m[0]);
      if (list) list.push(m.index);
      else hits.set(m[0], [m.index]);
    }
  }
  keywordCache.set(ctx, hits);
  return hits;
}

function isIdentCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 ||
    c === 45 || c === 64;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** A blank or a line break. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const QUOTES = new Set(['"', "'", '`']);

/** Prefixes that make an unquoted `NAME=value` a command-start assignment (shell, Dockerfile, Makefile). */
const LINE_START_PREFIX = /^(?:\s*(?:-\s+)?(?:export|ENV|ARG|set|SET|setx|local|declare(?:\s+-\w+)?|readonly|typeset|\$env:)?\s*)$/;

/** One word and a blank opening a line: the first word of a two-word label (`API Secret:`, `Secret Key:`). */
const LABEL_PREFIX = /^[ \t]*[A-Za-z]{2,20}[ \t]$/;

/**
 * Finds `name <op> value` sites whose name contains a secret keyword, in any common syntax, and hands each
 * to `visit` in text order. Values are quoted literals; bare words count only where a language allows them
 * (shell `NAME=value`, env and Dockerfile lines, `--flag value`, `#define`). Runs in one pass: the keyword
 * hits come in ascending order and each hit skips to the end of its identifier. Sites are not collected:
 * in a dense file most are judged and dropped at once, and a list of them all would only fill memory.
 */
export function findAssignments(ctx: DetectContext, visit: (site: Assignment) => void, structured = false, accept?: (offset: number) => boolean): void {
  const { text } = ctx;
  const n = text.length;
  const language = ctx.language;
  const loose = LOOSE_LANGUAGES.has(language) || (structured && !!ctx.structure?.malformed);
  const byKeyword = keywordHits(ctx);
  const lists: number[][] = [];
  for (const keyword of NAME_KEYWORDS) {
    const list = byKeyword.get(keyword);
    if (list?.length) lists.push(list);
  }
  const lineStarts = boundedLineStarts(ctx);
  let consumed = -1;
  forEachAscending(lists, (hit) => {
    if (hit < consumed) return;
    let s = hit;
    while (s > 0 && isIdentCode(text.charCodeAt(s - 1)) && hit - s < 100) s--;
    let e = hit + 1;
    while (e < n && isIdentCode(text.charCodeAt(e)) && e - hit < 100) e++;
    consumed = e;
    if (accept && !accept(s)) return;
    const site = readAssignment(ctx, lineStarts, s, e, loose);
    if (site) visit(site);
  });
}

/** What a name as written says, once its receiver (`self.`, `this.`) is removed. */
interface NameFacts {
  /** The name without its receiver. */
  name: string;
  /** Its innermost segment (`api_key` in `config.api_key`). */
  leaf: string;
  /** A bare top-level `key`: counts only with a strongly random value. */
  bare: boolean;
  /** The credential class, a bare `key` counting as `key`; undefined when the name names no credential. */
  nameClass: SecretNameClass | undefined;
}

const nameFacts = new Map<string, NameFacts>();

/** {@link NameFacts} of a name as written, remembered: a scan asks about the same few names at every keyword hit. */
function nameFactsOf(rawName: string): NameFacts {
  let facts = nameFacts.get(rawName);
  if (!facts) {
    const name = hasReceiverPrefix(rawName) ? rawName.replace(RECEIVER_PREFIX, '') : rawName;
    const leaf = lastSegment(name);
    const bare = isBareKey(leaf, name);
    facts = { name, leaf, bare, nameClass: (leaf ? classifyWithParent(leaf, name) : undefined) ?? (bare ? 'key' : undefined) };
    if (nameFacts.size > 20_000) nameFacts.clear();
    nameFacts.set(rawName, facts);
  }
  return facts;
}

/** `self.`, `this.`, `cls.`, `@`, `$this.` before a name: the receiver, not part of the name. */
const RECEIVER_PREFIX = /^(?:self|this|cls|@|\$this)\./;

/** Whether RECEIVER_PREFIX can match (a first-character test that spares most names the regex). */
function hasReceiverPrefix(name: string): boolean {
  const first = name[0];
  return (first === 's' || first === 't' || first === 'c' || first === '@' || first === '$') && name.includes('.');
}

function readAssignment(ctx: DetectContext, lineStarts: BoundedLineStarts, s: number, e: number, loose: boolean): Assignment | undefined {
  const { text, language } = ctx;
  const n = text.length;
  // Trim sigils and trailing punctuation from the identifier.
  while (e > s && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
  let nameStart = s;
  let flag = false;
  if (text.startsWith('--', nameStart)) {
    flag = true;
    nameStart += 2;
  } else if (text[nameStart] === '-' && /[a-z]/i.test(text[nameStart + 1] ?? '') && language !== 'yaml') {
    nameStart += 1;
    flag = true;
  }
  while (nameStart < e && (text[nameStart] === '$' || text[nameStart] === '@' || text[nameStart] === '.' || text[nameStart] === '-')) nameStart++;
  if (nameStart >= e) return undefined;
  // `password.equals("…")` (Java, Kotlin, C#): a comparison with a literal, read as `password == "…"`.
  const comparison = text[e] === '(' ? COMPARISON_METHOD.exec(text.slice(nameStart, e)) : null;
  const rawName = comparison ? text.slice(nameStart, e - comparison[0].length) : text.slice(nameStart, e);
  const { name, leaf, nameClass } = nameFactsOf(rawName);
  if (!nameClass) return undefined;

  let j = e;
  const before = text[s - 1];
  const quotedKey = QUOTES.has(before) && text[e] === before;
  // `{\"password\":\"…\"}`: JSON written inside a string (a JSON value, a log line, a test fixture).
  const escapedKey = !quotedKey && before === '"' && text[s - 2] === '\\' && text[e] === '\\' && text[e + 1] === '"';
  if (quotedKey) j = e + 1;
  else if (escapedKey) j = e + 2;
  if (text[j] === ']') j++;
  else if (text[j] === '[' && (language === 'c' || language === 'cpp')) j = skipArrayDeclarator(text, j);
  if ((text[j] === '?' || text[j] === '!') && text[j + 1] === ':') j++;
  if (language === 'csharp') j = skipAutoProperty(text, j);
  const afterName = j;
  while (j < n && isBlankCode(text.charCodeAt(j))) j++;
  const spaced = j > afterName;

  if (text[j] === ':' && text[j + 1] !== ':' && text[j + 1] !== '=' && ANNOTATED_LANGUAGES.has(language)) {
    j = skipAnnotation(text, j);
  } else if (language === 'go' && /[A-Za-z*[]/.test(text[j] ?? '') && spaced) {
    const typeEnd = skipWord(text, j, /[\w.*[\]]/);
    let k = typeEnd;
    while (k < n && isBlankCode(text.charCodeAt(k))) k++;
    if (text[k] === '=' && text[k + 1] !== '=') j = k;
  }

  let op = readOperator(text, j, quotedKey);
  // Kotlin `mapOf("password" to "…")`: the infix `to` pairs a key with its value.
  if (!op && quotedKey && language === 'kotlin' && /^to\s/.test(text.slice(j, j + 3))) op = 'to';
  let v: number;
  let opKind: string;
  const lineStart = lineStarts.at(s);
  const linePrefix = text.slice(lineStart, quotedKey ? s - 1 : s);
  const reversed = quotedKey ? undefined : reversedComparison(text, lineStart, s);
  if (reversed) {
    // A comparison names no enclosing object worth the backward scan keyPathOf makes, so the name is the path.
    return { name, nameStart, keyName: lastSegment(name), keyPath: name, siteStart: s, value: text.slice(reversed.start, reversed.end), valueStart: reversed.start, valueEnd: reversed.end, quoted: true };
  }
  if (op) {
    if (op === '(' && !comparison && (spaced || !acceptsCallValue(name, text, s))) return undefined;
    if (op === ',' && !acceptsPairValue(linePrefix)) return undefined;
    v = j + op.length;
    opKind = op;
  } else if (spaced && (flag || /^\s*(?:ENV|ARG)\s+$/.test(linePrefix) || /^\s*#\s*define\s+$/.test(linePrefix) ||
    (language === 'sql' && QUOTES.has(text[j])) || (isNetrc(ctx.fileName) && /^pass(?:word|wd)?$/i.test(name)) ||
    (loose && QUOTES.has(text[j]) && /^\s*$/.test(linePrefix) && quotedToLineEnd(text, j)))) {
    v = j;
    opKind = ' ';
  } else {
    return undefined;
  }
  const tightAssignment = opKind === '=' && !spaced && !isBlankCode(text.charCodeAt(v));
  // `name:value` / `name=value` with nothing around the operator: the shape of a credentials line in notes.
  const tightPair = (opKind === ':' || opKind === '=') && !spaced && v < n && !isSpaceCode(text.charCodeAt(v));
  while (v < n && isBlankCode(text.charCodeAt(v))) v++;
  if (!loose && (opKind === '=' || opKind === ':=')) v = skipToContinuedValue(text, v);
  if (escapedKey) {
    if (opKind !== ':') return undefined;
    const inner = escapedString(text, v);
    if (!inner) return undefined;
    return { name, nameStart, keyName: lastSegment(name), keyPath: undefined, siteStart: s, value: text.slice(inner.start, inner.end), valueStart: inner.start, valueEnd: inner.end, quoted: true };
  }
  const literal = readLiteral(text, v, language) ?? (opKind === '(' || opKind === ',' ? undefined : environmentDefault(text, v, language));
  let value: { start: number; end: number; quoted: boolean } | undefined = literal;
  // Spring `@Value("${db.password:…}")` in source code: the text after the colon is the literal default.
  if (!value && opKind === ':' && !loose && text[s - 1] === '{' && text[s - 2] === '$' && text[v] !== '-') {
    const close = text.indexOf('}', v);
    if (close > v && close - v <= 200 && !/[\s{$"']/.test(text.slice(v, close))) value = { start: v, end: close, quoted: true };
  }
  let labelled = false;
  if (!value) {
    const atLineStart = loose && LINE_START_PREFIX.test(linePrefix);
    // `user:admin password:…`, `id=admin,pwd=…`: the pair after another pair on a line of plain text or notes.
    const pairListed = loose && tightPair && followsPairToken(linePrefix);
    // `API Secret: …`, `Secret Key:…`, `Initial Password:…`: a two-word label that opens a line of notes.
    labelled = loose && opKind === ':' && !spaced && LABEL_PREFIX.test(linePrefix);
    // `https://host/path?api_key=…&x=1` inside a string: the parameter's value runs to the next `&` or quote.
    const queryParameter = opKind === '=' && !spaced && !name.includes('.') &&
      (text[nameStart - 1] === '?' || (text[nameStart - 1] === '&' && text[nameStart - 2] !== '&')) && /["'`][^"'`]*$/.test(linePrefix);
    // `-H "X-API-Key: 7c4a…"`, `'X-Auth-Token: …'`: an HTTP header written as one string, its value the rest of
    // the string. Password-named headers are left out: `"Password: invalid"` is a message, not a header.
    const headerInString = opKind === ':' && !quotedKey && QUOTES.has(before) && text[e] === ':' && nameClass !== 'password';
    const bareAllowed = flag || queryParameter || headerInString || (isNetrc(ctx.fileName) && opKind === ' ') ||
      (loose && atLineStart && (opKind !== ' ' || /^\s*(?:ENV|ARG)\s+$/.test(linePrefix))) ||
      (loose && tightAssignment && /(?:^|[\s;&|(]|--[\w-]+=)$/.test(linePrefix)) ||
      (tightAssignment && isEmbeddedPair(linePrefix)) || pairListed || labelled ||
      (language === 'dockerfile' && /^\s*(?:ENV|ARG)\s/.test(linePrefix) && tightAssignment);
    if (!bareAllowed || opKind === '(' || opKind === ',') return undefined;
    value = headerInString
      ? headerValue(text, v, before)
      : readBareWord(text, v, !pairListed && (opKind === ':' || (loose && atLineStart && !tightAssignment && language !== 'shell')));
    if (!value) return undefined;
    // `password:… username:admin`: a tight pair read to the line end stops where the next pair begins.
    if (loose && tightPair && !pairListed) value.end = endBeforeNextPair(text, value.start, value.end);
  }
  // `("password", "…")` is a pair only when it closes after the value; `["email", "password", "search", …]` is a list.
  if (opKind === ',' && value.quoted && !/^\s*[)\]}]/.test(text.slice(value.end + 1, value.end + 40))) return undefined;
  if (opKind === ',' && /["'`]\s*,\s*$/.test(linePrefix)) return undefined;
  // `'username:' + secret`, `'%s:%s' % (…)`, `"{}:{}".format(…)`: the literal is a piece of the value, not the value.
  if (value.quoted && isConcatenated(text, value.end + 1, linePrefix)) return undefined;
  // `--password options` in prose: a flag's bare value must look like a credential, not a lower-case word.
  if (flag && !value.quoted && /^[a-z]+$/.test(text.slice(value.start, value.end))) return undefined;
  // `Secret Key:…`: a bare `key` is named by the word before it, as `secret_key` would be.
  const labelName = labelled && isBareKey(leaf, name) ? `${linePrefix.trim()} ${name}` : name;
  let keyName = labelName === name ? leaf : lastSegment(labelName);
  if (opKind === '(') keyName = keyName.replace(/^(?:set|with)(?=[A-Z_])_?/, '') || keyName;
  return {
    name: labelName,
    nameStart,
    keyName,
    keyPath: undefined,
    siteStart: s,
    value: text.slice(value.start, value.end),
    valueStart: value.start,
    valueEnd: value.end,
    quoted: value.quoted,
  };
}

/**
 * The content of an escaped string `\"…\"` starting at `v` (JSON inside a string): up to the next `\"` on the
 * same line. A content holding another backslash (a nested escape) is not read.
 */
function escapedString(text: string, v: number): { start: number; end: number } | undefined {
  if (text[v] !== '\\' || text[v + 1] !== '"') return undefined;
  const start = v + 2;
  const limit = Math.min(text.length, start + 1000);
  for (let k = start; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return undefined;
    if (c === 92) return text[k + 1] === '"' && k > start ? { start, end: k } : undefined;
  }
  return undefined;
}

/** What after a closing quote makes the literal a piece of a longer value: `+ x`, `% (…)`, `.format(…)`, `* 3`. */
const CONCATENATED = /^\s*(?:\+(?!\+)|%\s|\.format\(|\*\s*\d)/;

/**
 * Whether the text after a literal's closing quote (at `after`) continues it into a longer value. In a
 * unified diff, the `+` that starts the next added line is that line's marker, not a `+` operator: when the
 * literal's own line starts with `+` too, a `+` at the start of the next line does not count.
 */
function isConcatenated(text: string, after: number, linePrefix: string): boolean {
  const tail = text.slice(after, after + 12);
  const m = CONCATENATED.exec(tail);
  if (!m) return false;
  if (linePrefix[0] !== '+' || m[0][m[0].length - 1] !== '+') return true;
  const plus = m[0].length - 1;
  return !(plus > 0 && tail[plus - 1] === '\n');
}

/** Characters that separate the pairs of a credentials line (`user:admin, password:…`, `id:admin/pw:…`). */
function isPairSeparatorCode(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 47;
}

/** Characters that end a pair token read backwards: separators, brackets and quotes. */
function isPairBoundaryCode(c: number): boolean {
  return isPairSeparatorCode(c) || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 34 ||
    c === 39 || c === 96 || c === 59 || c === 60 || c === 62;
}

/** `user:admin`, `id=42`, `mailto:x`: one name, a tight `:` or `=`, and a value without another operator. */
const PAIR_TOKEN = /^[A-Za-z_][\w.@-]{0,60}[:=][^\s:=]{1,120}$/;
/** `admin@db.internal`, `deploy@10.0.0.5`: the login an `ssh`/`scp` line names before its password. */
const LOGIN_TOKEN = /^[A-Za-z0-9_][\w.+-]{0,63}@[A-Za-z0-9][\w.-]{0,200}$/;

/**
 * Whether a line prefix ends with a `name:value` (or `name=value`) token, or a `user@host` login, and
 * separators: what comes before the password on a credentials line (`user:admin password:…`,
 * `ssh deploy@10.0.0.5 pwd:…`). Read backwards with index arithmetic, at most
 * one token: a regex anchored at the end would be tried from every offset of the prefix.
 */
function followsPairToken(prefix: string): boolean {
  let k = prefix.length;
  while (k > 0 && isPairSeparatorCode(prefix.charCodeAt(k - 1))) k--;
  if (k === prefix.length || k === 0) return false;
  const end = k;
  while (k > 0 && !isPairBoundaryCode(prefix.charCodeAt(k - 1))) {
    if (end - k > 200) return false;
    k--;
  }
  const token = prefix.slice(k, end);
  return PAIR_TOKEN.test(token) || LOGIN_TOKEN.test(token);
}

/** The start of a `name:` / `name=` pair (its first character at `lastIndex`). */
const PAIR_HEAD = /[A-Za-z_][\w.@-]{0,60}[:=][^\s:=]/y;

/** A bare value's end, moved back to the blank before a following `name:value` pair on the same line. */
function endBeforeNextPair(text: string, start: number, end: number): number {
  for (let k = start; k < end; k++) {
    if (!isBlankCode(text.charCodeAt(k))) continue;
    let c = k;
    while (c < end && isBlankCode(text.charCodeAt(c))) c++;
    PAIR_HEAD.lastIndex = c;
    return PAIR_HEAD.test(text) && PAIR_HEAD.lastIndex <= end ? k : end;
  }
  return end;
}

/** A Yoda comparison (a quoted literal, `==`, then the name): the literal's offsets, when the line prefix ends so. */
function reversedComparison(text: string, lineStart: number, nameOffset: number): { start: number; end: number } | undefined {
  // Read backwards from the name over the text itself with plain index arithmetic: a regex anchored at the end
  // would rescan the prefix from every quote, and this runs once per keyword hit.
  let k = nameOffset;
  while (k > lineStart && isBlankCode(text.charCodeAt(k - 1))) k--;
  if (k - 2 < lineStart || text.charCodeAt(k - 1) !== 61 || (text.charCodeAt(k - 2) !== 61 && text.charCodeAt(k - 2) !== 33)) return undefined;
  k -= 2;
  if (k - 1 >= lineStart && (text.charCodeAt(k - 1) === 61 || text.charCodeAt(k - 1) === 33)) k--;
  while (k > lineStart && isBlankCode(text.charCodeAt(k - 1))) k--;
  if (k - 1 < lineStart) return undefined;
  const quote = text.charCodeAt(k - 1);
  if (quote !== 34 && quote !== 39) return undefined;
  const open = k - 2 >= lineStart ? text.lastIndexOf(quote === 34 ? '"' : "'", k - 2) : -1;
  if (open < lineStart || k - 1 - open > 201 || k - 1 - open < 2) return undefined;
  return { start: open + 1, end: k - 1 };
}

/**
 * `"host=db user=app password=…"`: a `key=value` list inside a string (libpq DSN, ODBC-ish settings). The
 * prefix must be inside a string that already holds another `key=value` pair.
 */
function isEmbeddedPair(linePrefix: string): boolean {
  if (!/[\s;]$/.test(linePrefix)) return false;
  const quote = Math.max(linePrefix.lastIndexOf('"'), linePrefix.lastIndexOf("'"));
  if (quote < 0) return false;
  return /^[^"'=\s]*(?:\s*\w+=[^\s"';]+[\s;]+)+$/.test(linePrefix.slice(quote + 1));
}

/** Reads of an environment variable that take a fallback: `os.getenv("X", "…")`, `ENV.fetch("X", "…")`. */
const ENV_READ_WITH_DEFAULT = /^(?:os\.getenv|os\.environ\.get|environ\.get|getenv|env|ENV\.fetch|env\.get|Env\.get|config|System\.getProperty|System\.getenv\(\)\.getOrDefault)\(\s*(["'])[\w.-]{1,100}\1\s*,\s*/;
/**
 * JavaScript `process.env.X || "…"` / `?? "…"`, Python `os.environ.get("X") or "…"` / `os.getenv("X") or "…"`,
 * Ruby `ENV["X"] || "…"`: a literal used when the variable is unset.
 */
const ENV_OR_DEFAULT = /^(?:process\.env(?:\.\w{1,100}|\[(["'])[\w.-]{1,100}\1\])\s*(?:\|\||\?\?)|(?:os\.getenv|os\.environ\.get|environ\.get|getenv)\(\s*(["'])[\w.-]{1,100}\2\s*\)\s+or|ENV\[(["'])[\w.-]{1,100}\3\]\s*\|\|)\s*/;

/**
 * The literal fallback of an environment read (`password = os.getenv("DB_PASS", "…")`): a real value there
 * is as hardcoded as a plain assignment. Empty and placeholder fallbacks are rejected later by the value judge.
 */
function environmentDefault(text: string, v: number, language: LanguageId): { start: number; end: number; quoted: boolean } | undefined {
  const c = text[v];
  if (c !== 'o' && c !== 'e' && c !== 'g' && c !== 'E' && c !== 'c' && c !== 'S' && c !== 'p') return undefined;
  const head = text.slice(v, v + 200);
  const m = ENV_READ_WITH_DEFAULT.exec(head) ?? ENV_OR_DEFAULT.exec(head);
  return m ? readLiteral(text, v + m[0].length, language) : undefined;
}

/** `storePassword "…"` (Gradle/Groovy), `auth_password "…";`: a quoted literal that is the rest of its line. */
function quotedToLineEnd(text: string, j: number): boolean {
  const quote = text[j];
  const close = text.indexOf(quote, j + 1);
  if (close < 0 || close - j > 1000) return false;
  const eol = text.indexOf('\n', j);
  if (eol >= 0 && eol < close) return false;
  return /^[ \t]*;?[ \t]*(?:\r?\n|$)/.test(text.slice(close + 1, close + 40));
}

/** Method names that compare their receiver with their argument. */
const COMPARISON_METHOD = /\.(?:equals(?:IgnoreCase)?|Equals|contentEquals)$/;

/** `kSecret[]` / `password[64]` in a C declaration: the offset past the brackets. */
function skipArrayDeclarator(text: string, j: number): number {
  const m = /^\[\s*\d*\s*\]/.exec(text.slice(j, j + 12));
  return m ? j + m[0].length : j;
}

/** C# `ClientSecret { get; set; } = "…"`: the offset of the initializer's `=`, else `j` unchanged. */
function skipAutoProperty(text: string, j: number): number {
  const m = /^\s*\{\s*(?:(?:public|private|protected|internal)\s+)?get;\s*(?:(?:public|private|protected|internal)\s+)?(?:set;|init;)?\s*\}\s*(?==[^=>])/.exec(text.slice(j, j + 80));
  return m ? j + m[0].length : j;
}

/**
 * A value continued on the next line: `password = (` / `password = \` / `String password =` followed by
 * the literal alone on the next line. Peers report that value's line, so the finding starts there.
 * Returns `v` unchanged unless the rest of the line is empty (or just an opening parenthesis or backslash).
 */
function skipToContinuedValue(text: string, v: number): number {
  let k = v;
  if (text[k] === '(' || text[k] === '\\') k++;
  while (k < text.length && isBlankCode(text.charCodeAt(k))) k++;
  if (text[k] === '\r') k++;
  if (text[k] !== '\n') return v;
  k++;
  while (k < text.length && isBlankCode(text.charCodeAt(k))) k++;
  return QUOTES.has(text[k]) ? k : v;
}

/** `.netrc` and `_netrc`: `machine`, `login` and `password` entries, whitespace-separated. */
function isNetrc(fileName: string): boolean {
  // Asked once per keyword hit with the same file name: the last answer is kept.
  if (fileName !== lastNetrcQuery) {
    lastNetrcQuery = fileName;
    lastNetrcAnswer = /(?:^|[\\/])[._]netrc$/.test(fileName);
  }
  return lastNetrcAnswer;
}

let lastNetrcQuery: string | undefined;
let lastNetrcAnswer = false;

function skipWord(text: string, i: number, chars: RegExp): number {
  while (i < text.length && chars.test(text[i])) i++;
  return i;
}

/** `name: Type = value` -> offset of `=`; otherwise the `:` offset unchanged. */
function skipAnnotation(text: string, colon: number): number {
  const limit = Math.min(text.length, colon + 80);
  for (let k = colon + 1; k < limit; k++) {
    const c = text[k];
    if (c === '=') return text[k + 1] === '=' || text[k + 1] === '>' ? colon : k;
    if (c === '\n' || c === ';' || c === '{' || c === '}' || QUOTES.has(c)) return colon;
  }
  return colon;
}

function readOperator(text: string, j: number, quotedKey: boolean): string | undefined {
  const c0 = text[j];
  const c1 = text[j + 1];
  if (c0 === ':') {
    if (c1 === '=') return ':=';
    if (c1 === ':') return undefined;
    return ':';
  }
  if (c0 === '=') {
    if (c1 === '>') return '=>';
    if (c1 === '~') return undefined;
    if (c1 === '=') return text[j + 2] === '=' ? '===' : '==';
    return '=';
  }
  if (c0 === '<' && c1 === '-') return '<-';
  if ((c0 === '|' && c1 === '|' && text[j + 2] === '=') || (c0 === '?' && c1 === '?' && text[j + 2] === '=')) return `${c0}${c1}=`;
  if (c0 === '?' && c1 === '=') return '?=';
  if (c0 === '+' && c1 === '=') return undefined;
  if (c0 === '(') return '(';
  if (c0 === ',' && quotedKey) return ',';
  return undefined;
}

/** `setPassword("…")`, `.apiKey("…")`, `withToken("…")`: a setter or builder taking the literal. */
function acceptsCallValue(name: string, text: string, s: number): boolean {
  const leaf = lastSegment(name);
  const words = wordsOf(leaf);
  if (words[0] === 'set' || words[0] === 'with') return true;
  // `t.pass('…')`, `passport.auth('…')`: verbs, not setters of a credential.
  if (words.length === 1 && (words[0] === 'pass' || words[0] === 'auth' || words[0] === 'pw')) return false;
  // `PSCredential(…)`, `NetworkCredential(…)`: a constructor whose first argument is a user name.
  if (/^[A-Z]/.test(leaf)) return false;
  return name.includes('.') || text[s - 1] === '.' || text[s - 1] === '>';
}

/** `("password", "…")`, `define('DB_PASSWORD', '…')`, `put("apiKey", "…")`, `{ "ApiKey", "…" }` — not `getenv("X", "default")`. */
function acceptsPairValue(linePrefix: string): boolean {
  const call = /([A-Za-z_$][\w$.:>-]*)?\s*[([{]\s*$/.exec(linePrefix);
  if (!call) return /,\s*$/.test(linePrefix) && /[{[]/.test(linePrefix);
  const fn = (call[1] ?? '').toLowerCase();
  if (!fn) return true;
  if (fn.endsWith('setdefault')) return true;
  // Readers take a name and a default (`getenv("X", "fallback")`, `config('k', 'v')`); writers take the value.
  if (/get|fetch|lookup|read|load|require|param|arg|option|prompt|input|translate|gettext|^_$|^t$|default/.test(fn)) return false;
  if (/put|set|define|add|append|header|with|insert|store|save|login|auth|connect|credential|new/.test(fn)) return true;
  return /[{[]$/.test(call[0].trim());
}

/** Calls and sigils that wrap a string literal without changing it. */
const LITERAL_WRAPPER = /^(?:String::from|new\s+String|SecretString::new|Secret::new|SecretStr|str|String|Some|&|@|\[\]byte|Buffer\.from|Encoding\.(?:UTF8|ASCII|Unicode|Default)\.GetBytes)\(?/;
/** The characters LITERAL_WRAPPER's forms start with (a cheap test before the regex, run once per keyword hit). */
const WRAPPER_FIRST_CHARS = 'SnsE&@[B';

/** A quoted literal starting at `v` (with language string prefixes), same line only. */
function readLiteral(text: string, v: number, language: LanguageId): { start: number; end: number; quoted: boolean } | undefined {
  let i = v;
  let raw = false;
  let interpolated = false;
  if (language === 'python') {
    const prefix = /^[rRbBuUfF]{1,2}(?=["'])/.exec(text.slice(i, i + 3));
    if (prefix) {
      raw = /r/i.test(prefix[0]);
      interpolated = /f/i.test(prefix[0]);
      i += prefix[0].length;
    }
  } else if (language === 'csharp' && (text[i] === '@' || text[i] === '$') && text[i + 1] === '"') {
    raw = text[i] === '@';
    interpolated = text[i] === '$';
    i++;
  } else if (language === 'rust' && text[i] === 'r' && (text[i + 1] === '"' || text[i + 1] === '#')) {
    raw = true;
    i++;
    while (text[i] === '#') i++;
  } else if (language === 'rust' && text[i] === 'b' && text[i + 1] === '"') {
    i++;
  } else {
    const wrapper = WRAPPER_FIRST_CHARS.includes(text[i]) ? LITERAL_WRAPPER.exec(text.slice(i, i + 40)) : null;
    // `@` is Objective-C's NSString literal (`@"…"`); `[]byte("…")`, `Buffer.from("…")`, `GetBytes("…")` hold key bytes.
    if (wrapper && QUOTES.has(text[i + wrapper[0].length])) i += wrapper[0].length;
  }
  if (language === 'json' && text[i] === '\\' && text[i + 1] === '"') return escapedQuoted(text, i);
  const quote = text[i];
  if (!QUOTES.has(quote)) return undefined;
  if (text[i + 1] === quote && text[i + 2] === quote) return tripleQuotedOneLine(text, i, quote);
  if (language === 'go' && quote === '`') raw = true;
  const limit = Math.min(text.length, i + 2000);
  for (let k = i + 1; k < limit; k++) {
    const c = text[k];
    if (c === '\\' && !raw) {
      k++;
      continue;
    }
    if (c === '\n') return undefined;
    if (c === quote) {
      const value = text.slice(i + 1, k);
      if ((interpolated || quote === '`') && /\$\{|\{[^}]*\}/.test(value)) return undefined;
      if (language === 'ruby' || language === 'php' || language === 'shell' || language === 'powershell') {
        if (quote === '"' && /#\{|\$[A-Za-z_{(]/.test(value)) return undefined;
      }
      return { start: i + 1, end: k, quoted: true };
    }
  }
  return undefined;
}

/** A triple-quoted string holding one line (Python, Kotlin, Scala, Groovy, Swift): that line. Multi-line blocks are left to structural rules. */
function tripleQuotedOneLine(text: string, i: number, quote: string): { start: number; end: number; quoted: boolean } | undefined {
  const fence = quote.repeat(3);
  const close = text.indexOf(fence, i + 3);
  if (close < 0 || close - i > 1003) return undefined;
  const start = i + 3;
  if (close === start || text.slice(start, close).includes('\n')) return undefined;
  return { start, end: close, quoted: true };
}

/** `\"…\"` inside a JSON string (notebook cells, embedded scripts): the text between the escaped quotes. */
function escapedQuoted(text: string, i: number): { start: number; end: number; quoted: boolean } | undefined {
  const limit = Math.min(text.length, i + 1002);
  for (let k = i + 2; k < limit; k++) {
    const c = text[k];
    if (c === '\n' || c === '"') return undefined;
    if (c === '\\') {
      if (text[k + 1] === '"') return k > i + 2 ? { start: i + 2, end: k, quoted: true } : undefined;
      k++;
    }
  }
  return undefined;
}

/** An unquoted word value; `toLineEnd` reads to the end of the line (YAML-ish, env, properties). */
function readBareWord(text: string, v: number, toLineEnd: boolean): { start: number; end: number; quoted: boolean } | undefined {
  let k = v;
  const limit = Math.min(text.length, v + 1000);
  if (toLineEnd) {
    while (k < limit && text[k] !== '\n' && text[k] !== '\r') {
      if (text[k] === '#' && k > v && isBlankCode(text.charCodeAt(k - 1))) break;
      k++;
    }
    while (k > v && isBlankCode(text.charCodeAt(k - 1))) k--;
  } else {
    while (k < limit && !/[\s;|&)('"<>`]/.test(text[k])) k++;
  }
  if (text[k] === '(') return undefined;
  // `SWMTKN-1-<ca-digest>-<secret>`: a word glued to a `<placeholder>` is the template's fixed part, not a value.
  if (text[k] === '<' && /^<[\w .:-]{1,40}>/.test(text.slice(k, k + 43))) return undefined;
  while (k > v && /[.,]/.test(text[k - 1])) k--;
  if (k <= v) return undefined;
  const first = text[v];
  if (first === '$' || first === '`' || first === '%' || first === '{' || first === '[' || first === '<' || first === '!' ||
    first === '*' || first === '&' || first === '|' || first === '>') {
    return undefined;
  }
  return { start: v, end: k, quoted: false };
}

/** The value of a header written as one string (`"X-API-Key: …"`): one word that the string's `quote` closes. */
function headerValue(text: string, v: number, quote: string): { start: number; end: number; quoted: boolean } | undefined {
  const word = readBareWord(text, v, false);
  return word && text[word.end] === quote ? word : undefined;
}

/** How far back a line prefix is read; bounding it keeps giant one-line files (minified code) linear. */
const MAX_PREFIX = 300;

/**
 * Start of an offset's line, or a point at most MAX_PREFIX characters back on a very long line, for one
 * text. Detectors ask in ascending order, so each answer walks back only to the previous offset asked
 * about (no line break in between means the previous answer still holds): a one-line file with a keyword
 * every few characters costs one pass, not MAX_PREFIX characters per keyword.
 */
export class BoundedLineStarts {
  private lastOffset = -1;
  /** No line break lies in [noBreakFrom, lastOffset); and noBreakFrom is a line start or at most the last floor. */
  private noBreakFrom = 0;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    const text = this.text;
    const floor = Math.max(0, offset - MAX_PREFIX);
    const ascending = this.lastOffset >= 0 && offset >= this.lastOffset;
    const stop = ascending ? Math.max(floor, this.lastOffset) : floor;
    let start = -1;
    for (let i = offset - 1; i >= stop; i--) {
      if (text.charCodeAt(i) === 10) {
        start = i + 1;
        break;
      }
    }
    if (start >= 0) this.noBreakFrom = start;
    else if (!ascending || this.lastOffset <= floor) this.noBreakFrom = floor;
    // Otherwise no break lies in [noBreakFrom, offset) and noBreakFrom stays what it was.
    this.lastOffset = offset;
    return start >= 0 ? start : Math.max(this.noBreakFrom, floor);
  }
}

const lineStartsByContext = new WeakMap<DetectContext, BoundedLineStarts>();

/** The shared {@link BoundedLineStarts} of a scan's text. */
export function boundedLineStarts(ctx: DetectContext): BoundedLineStarts {
  let finder = lineStartsByContext.get(ctx);
  if (!finder) {
    finder = new BoundedLineStarts(ctx.text);
    lineStartsByContext.set(ctx, finder);
  }
  return finder;
}

/** Start of the offset's line, or a point at most MAX_PREFIX characters back on a very long line. */
export function boundedLineStart(ctx: DetectContext, offset: number): number {
  return boundedLineStarts(ctx).at(offset);
}

const CODE_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'return', 'function', 'def', 'catch', 'with', 'elif', 'else', 'fn', 'func', 'and', 'or', 'not', 'in', 'print', 'println', 'assert']);

/**
 * The dotted key path of an assignment, prefixed with the enclosing object or call when there is one:
 * `apiKey` inside `const openai = {…}` -> `openai.apiKey`; `OpenAI(api_key=…)` -> `OpenAI.api_key`.
 */
/** An assignment's dotted key path (`openai.api_key`): its name under the object it is written in. */
function assignmentKeyPath(ctx: DetectContext, site: Assignment): string {
  return site.keyPath ?? keyPathOf(ctx.text, site.siteStart, site.name, ctx.language);
}

function keyPathOf(text: string, s: number, name: string, language: LanguageId): string {
  const path = name.replace(/^(?:self|this|cls)\./, '');
  if (CONFIG_LANGUAGES.has(language) || language === 'shell' || language === 'plaintext' || language === 'markdown') return path;
  const owner = enclosingOwner(text, s);
  return owner ? `${owner}.${path}` : path;
}

function enclosingOwner(text: string, at: number): string | undefined {
  let depth = 0;
  const min = Math.max(0, at - 2000);
  for (let i = at - 1; i >= min; i--) {
    const c = text[i];
    if (c === '}' || c === ')' || c === ']') depth++;
    else if (c === '{' || c === '(' || c === '[') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c === '[') return undefined;
      return ownerNameBefore(text, i);
    } else if (c === ';' && depth === 0) {
      return undefined;
    }
  }
  return undefined;
}

function ownerNameBefore(text: string, bracket: number): string | undefined {
  let i = bracket - 1;
  const skipBlank = (): void => {
    while (i >= 0 && /\s/.test(text[i])) i--;
  };
  skipBlank();
  if (text[i] === '(') {
    i--;
    skipBlank();
  }
  if (text[i] === '=' || text[i] === ':') {
    i--;
    if (text[i] === ':' || text[i] === '=') i--;
    skipBlank();
  }
  if (QUOTES.has(text[i])) {
    const close = i;
    const open = text.lastIndexOf(text[i], close - 1);
    if (open < 0 || close - open > 80) return undefined;
    return text.slice(open + 1, close) || undefined;
  }
  const end = i + 1;
  while (i >= 0 && /[\w$]/.test(text[i]) && end - i < 80) i--;
  const word = text.slice(i + 1, end);
  if (!word || /^\d/.test(word) || CODE_KEYWORDS.has(word)) return undefined;
  return word;
}

