/**
 * Negative filters shared by the generic detector, the risky-config detector, provider rules and the
 * scanner: values that sit where a secret would but are not one (placeholders, references to a secret
 * kept elsewhere, hashes and identifiers). Every function is cheap and linear in the value's length.
 */

import * as path from 'path';

/** Whole values (lower-cased, separators removed) that only ever stand in for a real value. */
const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'changeit', 'changethis', 'changemenow', 'example', 'examples', 'sample', 'dummy', 'redacted',
  'removed', 'hidden', 'masked', 'secret', 'secrets', 'password', 'passwd', 'pass', 'pwd', 'passphrase', 'token',
  'apikey', 'key', 'keys', 'value', 'values', 'test', 'tests', 'testing', 'demo', 'default', 'none', 'null', 'nil',
  'undefined', 'empty', 'blank', 'string', 'str', 'text', 'char', 'number', 'int', 'integer', 'bool', 'boolean',
  'foo', 'bar', 'baz', 'qux', 'foobar', 'abc', 'abcd', 'abcdef', 'abc123', 'abcd1234', 'abcdefgh', '123abc',
  'qwerty', 'asdf', 'asdfgh', 'todo', 'tbd', 'fixme', 'na', 'placeholder', 'fake', 'mock', 'stub', 'xyz',
  'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'required', 'optional', 'unset', 'notset',
  'secretkey', 'accesskey', 'privatekey', 'authtoken', 'accesstoken', 'clientsecret', 'credentials', 'credential',
  'replaceme', 'insertkeyhere', 'keyhere', 'tokenhere', 'passwordhere', 'secrethere', 'yourkey', 'yourtoken',
  'yoursecret', 'yourpassword', 'mypassword', 'mysecret', 'mytoken', 'mykey', 'myapikey', 'supersecret',
  'topsecret', 'verysecret', 'secretpassword', 'secretvalue', 'tokenvalue', 'keyvalue', 'sometoken', 'somesecret',
  'somepassword', 'somekey', 'anything', 'whatever', 'unknown', 'invalid', 'missing', 'generated', 'random',
  'encrypted', 'hashed', 'secure', 'insecure', 'private', 'public', 'local', 'localhost', 'development', 'dev',
  'production', 'prod', 'staging', 'anonymous', 'anon', 'notasecret',
]);

/** Substrings that mark a value as a stand-in wherever they appear (checked lower-cased). */
const PLACEHOLDER_FRAGMENTS = [
  'example', 'placeholder', 'redacted', 'changeme', 'change_me', 'change-me', 'changeit', 'replace_me', 'replace-me',
  'replaceme', 'replace_with', 'replace-with', 'your_', 'your-', 'yourkey', 'your key', 'yourtoken', 'yoursecret',
  'yourapi', 'yourpass', '<your', 'dummy', 'xxxx', '****', '...', '\u2026', '\u2022\u2022', 'insert_', 'insert-',
  'fixme', 'todo:', 'notarealkey', 'not-a-real', 'not_a_real', 'notreal', 'fake_', 'fake-', '-here', '_here',
  'lorem', 'ipsum', 'autogenerate', 'abcdefgh', 'bcdefghi', 'qwertyui', 'asdfghjk', '12345678', '23456789',
  'removed', 'abc123', '123abc', 'xyz123', '123456',
];

/** Common default credentials of local databases and tools; quiet only where the file says test/dev/CI. */
const WEAK_DEFAULTS = new Set([
  'postgres', 'postgresql', 'root', 'admin', 'administrator', 'mysql', 'mariadb', 'guest', 'user', 'username',
  'sa', 'oracle', 'rabbitmq', 'redis', 'mongo', 'mongodb', 'elastic', 'kibana', 'minio', 'minioadmin', 'keycloak',
  'airflow', 'jenkins', 'docker', 'vagrant', 'ubuntu', 'pi', 'raspberry', 'letmein', 'welcome', 'test123',
  'admin123', 'password1', 'password123', 'pass123', '123456', '12345678', 'qwerty123', 'secret123',
]);

/**
 * True when the value is a stand-in rather than a credential: empty, `xxx…`, `<your-key>`, `YOUR_API_KEY`,
 * `changeme`, `example`, `dummy`, `redacted`, `***`, `...`, `TODO`, `replace-me`, `your-…-here`, `none`, `null`,
 * a run of one repeated character, or a value made only of secret-ish words (`mysecretpassword`).
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  const lower = trimmed.toLowerCase();
  const compact = lower.replace(/[\s_\-.]/g, '');
  if (PLACEHOLDER_WORDS.has(compact)) return true;
  for (const fragment of PLACEHOLDER_FRAGMENTS) if (lower.includes(fragment)) return true;
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if ((first === '<' && last === '>') || (first === '[' && last === ']') || (first === '%' && last === '%') ||
    (first === '@' && last === '@') || (first === '{' && last === '}') || (first === '(' && last === ')')) {
    return true;
  }
  if (/^__[A-Za-z0-9_]+__$/.test(trimmed)) return true;
  if (/^(.)\1*$/.test(compact) || /(.)\1{5,}/.test(compact)) return true;
  if (isRepeatedUnit(compact)) return true;
  // An upper-case identifier naming what belongs there: YOUR_API_KEY, API_KEY_HERE, DB_PASSWORD.
  if (/^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/.test(trimmed) && /KEY|TOKEN|SECRET|PASS|PWD|CRED|AUTH|HERE|YOUR/.test(trimmed)) {
    return true;
  }
  return isMadeOfSecretWords(compact);
}

const SECRET_WORD_PIECES = /passw0rd|p@ssw0rd|p@ssword|s3cr3t|password|fake|dummy|mock|passwd|passphrase|secret|token|apikey|api|key|credentials?|creds?|auth|pass|pwd|my|your|the|some|super|top|very|dev|test|local|default|new|old|prod|app|db|admin|user|sample|demo|value|here|string|s3cr3t|p@ssw0rd|passw0rd|\d{1,4}/g;

/**
 * `abcd1234abcd1234abcd1234`, `a1b2a1b2a1b2a1b2`: one short unit typed over and over (ignoring case and
 * separators). A random secret never repeats itself; a hand-made filler does.
 */
function isRepeatedUnit(compact: string): boolean {
  if (compact.length < 12) return false;
  const match = /^(.{2,16}?)\1{2,}/.exec(compact);
  return !!match && match[0].length >= compact.length * 0.8;
}

/** `mysecretpassword`, `secret123`, `dev_api_key`: nothing but secret-ish words and a short number. */
function isMadeOfSecretWords(value: string): boolean {
  // `Passw0rd!`, `Secret123!`: the stock dummies end in punctuation that adds nothing.
  const compact = value.replace(/[!?.*#~]+$/, '');
  if (compact.length > 32 || !/^[a-z0-9@]+$/.test(compact)) return false;
  if (!/pass|secret|token|apikey|credential|s3cr3t|p@ssw0rd/.test(compact)) return false;
  return compact.replace(SECRET_WORD_PIECES, '').length <= 2;
}

/** True for well-known default credentials (`postgres`, `root`, `admin`, `guest`, `123456`). */
export function isWeakDefault(value: string): boolean {
  return WEAK_DEFAULTS.has(value.trim().toLowerCase());
}

/** Literal prefixes of values that point at a secret kept elsewhere. */
const REFERENCE_PREFIXES = [
  '${', '$(', '$env:', '#{', '%{', '%(', '{{', '{%', '<%', '@microsoft.keyvault', 'vault:', 'vault://', 'op://',
  'arn:aws:secretsmanager', 'arn:aws:ssm', 'ssm:', 'sm://', 'secretsmanager:', 'gcp:secretmanager', 'azurekeyvault:',
  'keyvault:', 'akv://', 'env:', 'env.', 'file:', '/run/secrets/', '/var/run/secrets/', '/etc/secrets/', 'enc(',
  '{cipher}', 'enc[', '!vault', '!ref', '!sub', '!getatt', '!importvalue', '!findinmap', '!join', '!select', '!secret',
  '!env', 'secretkeyref', 'valuefrom', 'lookup(', 'var.', 'local.', 'data.', 'module.', 'random_password.',
];

/** Code fragments that read a value from the environment or a secret store. */
const REFERENCE_CALLS = /\b(?:os\.getenv|os\.environ|process\.env|import\.meta\.env|system\.getenv|system\.getproperty|os\.getenv|env\[|env\.fetch|environment\.getenvironmentvariable|getenv\s*\(|std::env::var|env::var|env!\s*\(|dotenv|config\s*\(|settings\.|secrets\.|\$env:|get_secret|getsecret|secretmanager|keyvault|vault\.read|credentials\.get|keyring\.get|valuefrom|secretkeyref)/;

/**
 * True when the value (or the code text around it) refers to a secret kept elsewhere instead of holding
 * one: `${VAR}`, `${VAR:-default}`, `$VAR`, `${{ secrets.X }}`, `{{ .Values.x }}`, `%(name)s`, `os.getenv(...)`,
 * `process.env.X`, `ENV[...]`, `secretKeyRef`, `/run/secrets/...`, `vault:`/`op://`/`arn:aws:secretsmanager`,
 * CloudFormation/Ansible tags (`!Ref`, `!vault`), Jasypt `ENC(...)`.
 */
export function isReference(valueOrContext: string): boolean {
  const trimmed = valueOrContext.trim();
  if (trimmed.length === 0) return false;
  const lower = trimmed.toLowerCase();
  for (const prefix of REFERENCE_PREFIXES) if (lower.startsWith(prefix)) return true;
  // `$VAR`, `${VAR}`, and OpenSSL/Perl-style qualified names (`$section::name`).
  if (/^\$[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*$/.test(trimmed) || /^\$\{[^}]*\}$/.test(trimmed)) return true;
  if (lower.includes('${') || lower.includes('{{') || lower.includes('#{') || lower.includes('$(')) return true;
  if (/%\([a-z_]+\)s|%[a-z_]+%/.test(lower)) return true;
  return REFERENCE_CALLS.test(lower);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PASSWORD_HASH = /^(?:SCRAM-SHA-(?:1|256)\$\d+:|md5[0-9a-f]{32}$|\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$|\$scrypt\$|\$s0\$|\$7\$|\$[156]\$[^$]{1,16}\$|\$y\$|\$pbkdf2|pbkdf2_sha\d+\$|pbkdf2:sha\d+:|sha\d+\$|md5\$|bcrypt\$|argon2\$|\{(?:ssha|sha|smd5|md5|bcrypt|crypt|pbkdf2|noop)[^}]*\})/i;
const DIGEST_PREFIX = /^(?:sha(?:1|224|256|384|512)|md5|sha3-\d+|blake2b?|xxh\d+)[-:=]/i;
const HEX = /^[0-9a-f]+$/i;

/**
 * True for values that identify or digest something rather than grant access: UUIDs, password hashes
 * (bcrypt, argon2, scrypt, PBKDF2, crypt), SRI/OCI digests (`sha512-…`, `sha256:…`), and — unless
 * `hexIsHash` is false — bare hex of a digest's length (git SHA-1, SHA-256, SHA-512, MD5).
 * Callers that know the value sits under a secret name pass `hexIsHash: false`, because many API keys are hex.
 */
export function looksLikeHashOrId(value: string, options: { hexIsHash?: boolean } = {}): boolean {
  const trimmed = value.trim();
  if (UUID.test(trimmed) || PASSWORD_HASH.test(trimmed) || DIGEST_PREFIX.test(trimmed)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed.replace(/^[{(]|[})]$/g, ''))) return true;
  if (options.hexIsHash !== false && HEX.test(trimmed) && [32, 40, 56, 64, 96, 128].includes(trimmed.length)) return true;
  return false;
}

/**
 * True for public material that is safe to commit: public keys, certificates, SSH public keys,
 * data URIs and base64-encoded images.
 */
export function isPublicMaterial(value: string): boolean {
  const trimmed = value.trim();
  if (/^-----BEGIN (?:RSA |EC |DSA |SSH2 |OPENSSH |PGP )?(?:PUBLIC KEY|CERTIFICATE|X509 CRL|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK|TRUSTED CERTIFICATE)/.test(trimmed)) {
    return true;
  }
  if (/^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) AAAA/.test(trimmed)) {
    return true;
  }
  if (/^data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(trimmed)) return true;
  // PNG, JPEG, GIF, WebP, SVG and ICO files in base64, and DER public keys (SubjectPublicKeyInfo).
  return /^(?:iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|PHN2Zy|AAABAA|MIIBIjANBgkqhkiG9w0BAQEFAAOC|MFkwEwYHKoZIzj0CAQY|MCowBQYDK2Vw)/.test(trimmed);
}

const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'go.sum', 'cargo.lock',
  'poetry.lock', 'pipfile.lock', 'gemfile.lock', 'composer.lock', 'packages.lock.json', 'pdm.lock', 'uv.lock',
  'flake.lock', 'mix.lock', 'pubspec.lock', 'podfile.lock', 'gradle.lockfile', '.package-lock.json',
]);

/** True for dependency lockfiles: integrity hashes and pinned versions only, never scanned for generic secrets. */
export function isLockFile(fileName: string): boolean {
  return LOCKFILES.has(path.basename(fileName).toLowerCase());
}

/** Path segments that mark a file as test, development, CI or documentation material. */
const NON_PRODUCTION_SEGMENT = /(?:^|[\\/._-])(?:tests?|testing|spec|specs|__tests__|fixtures?|mocks?|dev|develop|development|local|example|examples|sample|samples|demo|ci|e2e|stub|dummy)(?:$|[\\/._-])/i;

/** True when the path says the file is for tests, development, local use, CI or examples. */
export function isNonProductionPath(fileName: string): boolean {
  return NON_PRODUCTION_SEGMENT.test(fileName.replace(/\\/g, '/'));
}

/** Data files in directories that hold translations (not `lang/`, which as often means programming languages). */
const LOCALE_DIR = /(?:^|\/)(?:locales?|i18n|l10n|translations?)\/(?:[^/]+\/)*[^/]+\.(?:json|ya?ml|properties|po|strings|xlf|xliff|resx|toml|ini|js|ts|mjs)$/i;
/** `en.json`, `de-DE.yml`, `messages_fr.properties`, `strings.es.json`, `Localizable.strings`. */
const LANGUAGE_CODE = '(?:en|de|fr|es|it|pt|nl|ru|ja|zh|ko|pl|sv|da|fi|nb|nn|cs|tr|ar|he|hu|ro|uk|el|bg|hr|sk|sl|et|lv|lt|th|vi|ms|hi|fa|ca|sr|eu|gl)(?:[-_][A-Za-z]{2,4})?';
const LOCALE_FILE = new RegExp(`(?:^|/)(?:${LANGUAGE_CODE}|(?:messages|strings|translations?|locale|lang|resources?)[._-]${LANGUAGE_CODE})\\.(?:json|ya?ml|properties|po|strings|xlf|xliff|resx|toml|ini)$|\\.(?:po|strings|xlf|xliff)$`);

/**
 * True for translation files (`locales/de.json`, `config/locales/fr.yml`, `messages_es.properties`): their
 * values are UI text, so `password: Passwort` there is a label. `messages.properties` alone counts only in a
 * locale directory.
 */
export function isLocalePath(fileName: string): boolean {
  const normalized = fileName.replace(/\\/g, '/');
  if (LOCALE_DIR.test(normalized)) return true;
  const base = path.posix.basename(normalized);
  if (/^(?:messages|strings|translations?)\.(?:properties|json|ya?ml)$/.test(base)) return false;
  return LOCALE_FILE.test(normalized);
}
