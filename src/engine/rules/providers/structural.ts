import * as path from 'path';
import type { ProviderRule, ValidateContext } from '../types';
import { contextRule, decodeBase64, linePrefix, lineScoped, lineSuffix, looksLikePlaceholder, mixedClasses, rule, token } from './helpers';
import { shannonEntropy } from '../../entropy';

/**
 * Structural detectors: formats defined by their syntax rather than a vendor prefix (PEM blocks,
 * credentials inside URLs and connection strings, JWTs, Authorization headers, service-account JSON).
 */

const envFix = 'Rotate the credential, then load it from an environment variable or secret manager.';
const keyFix = 'Treat the key as compromised: generate a new key pair, revoke the old public key, and keep private keys out of source control (use a secret manager or mounted file).';

/**
 * The body of a PEM-style block between its BEGIN and END lines: any run that does not contain
 * the `-----` marker. Each character is consumed by exactly one branch, so it cannot backtrack
 * explosively, and a block without END fails at the next marker instead of scanning on.
 */
const BLOCK_BODY = '(?:[^-]|-(?!----))';

/** True when a PEM body holds real base64 key material rather than `...` or `<your key here>`. */
function hasKeyMaterial(block: string): boolean {
  const lines = block.replace(/\\[nrt]/g, '\n').split(/\r?\n/);
  const material = lines
    .slice(1, -1)
    .filter((line) => !/^\s*[A-Za-z-]+:\s/.test(line))
    .map((line) => line.replace(/[\s"'`,;+]+$/g, '').replace(/^[\s"'`,;+]+/g, ''))
    .join('');
  const base64 = material.match(/[A-Za-z0-9+/=]{16,}/g)?.join('') ?? '';
  if (base64.length < 64 || base64.length < material.length * 0.6) return false;
  if (looksLikePlaceholder(base64, true)) return false;
  return shannonEntropy(base64) >= 4.5;
}

/** A GCP service-account JSON keeps its PEM under `"private_key"`; that rule reports it instead. */
function insideServiceAccountJson(context: ValidateContext): boolean {
  const before = context.text.slice(Math.max(0, context.start - 40), context.start);
  return /"private_key"\s*:\s*"$/.test(before) && /"type"\s*:\s*"service_account"/.test(context.text);
}

/**
 * The RFC 4716 (SECSH) armour that ssh.com and PuTTYgen exports use for private keys: four dashes and
 * spaces (`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`), so the body stops at the next `----`.
 */
const SSH2_PRIVATE_KEY = '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----(?:[^-]|-(?!---)){64,20000}?---- END SSH2 ENCRYPTED PRIVATE KEY ----';

function pemRule(id: string, title: string, label: string, keywords: string[], format: string, allowRuns = false, alsoArmour?: string): ProviderRule {
  const pem = `-----BEGIN (${label})-----${BLOCK_BODY}{64,20000}?-----END \\1-----`;
  return rule({
    id,
    title,
    provider: 'Private key',
    specificity: 'structural',
    format,
    remediation: keyFix,
    reference: 'https://www.rfc-editor.org/rfc/rfc7468',
    pattern: new RegExp(alsoArmour ? `(?:${pem}|${alsoArmour})` : pem, 'g'),
    keywords,
    allowRuns,
    validate: (value, context) => hasKeyMaterial(value) && !insideServiceAccountJson(context),
  });
}

/** `-----BEGIN ` base64-encoded from the first character of the encoded text. */
const BASE64_PEM_START = 'LS0tLS1CRUdJTi';

/** The PEM labels of private keys reported once base64-encoded as a whole. */
const ENCODED_KEY_LABEL = '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY';

/** What the encoded text may open with: a private key, or a certificate followed by its key (a PEM bundle). */
const ENCODED_PEM_HEAD = new RegExp(`^-----BEGIN (?:(${ENCODED_KEY_LABEL})|CERTIFICATE)-----`);

/** A private key's BEGIN line further down a decoded bundle. */
const ENCODED_KEY_BEGIN = new RegExp(`\\n-----BEGIN (${ENCODED_KEY_LABEL})-----`);

/** Base64 (already matched by the rule's pattern) decoded one byte per character: PEM text is ASCII. */
function decodeAscii(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}

/**
 * A base64 value that decodes to a PEM private key: the label is read from the first 60 characters
 * (45 bytes) before anything else is decoded, so base64 of a public key or of other text costs little;
 * a certificate is only reported when a private key follows it in the same encoded bundle. The key
 * must be whole (its END line, and no other marker inside) and hold real key material.
 * `client-key-data:` in a kubeconfig is left to kubeconfig-client-key.
 */
function decodesToPrivateKey(value: string, context: ValidateContext): boolean {
  if (/client-key-data:[ \t]*["']?$/.test(linePrefix(context.text, context.start, 80))) return false;
  const head = ENCODED_PEM_HEAD.exec(decodeAscii(value.slice(0, 60)));
  if (!head) return false;
  const decoded = decodeAscii(value);
  let start = 0;
  let label = head[1];
  if (label === undefined) {
    const begin = ENCODED_KEY_BEGIN.exec(decoded);
    if (!begin) return false;
    start = begin.index + 1;
    label = begin[1];
  }
  const bodyStart = start + `-----BEGIN ${label}-----`.length;
  const endLine = `-----END ${label}-----`;
  const end = decoded.indexOf('-----', bodyStart);
  if (end < 0 || !decoded.startsWith(endLine, end)) return false;
  return hasKeyMaterial(decoded.slice(start, end + endLine.length));
}

/** Passwords that only stand in for a real one. */
const PLACEHOLDER_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'change_me', 'example', 'test', 'xxx', 'xxxx', 'xxxxx',
  'xxxxxx', 'dbpassword', 'db_password', 'mypassword', 'my_password', 'yourpassword', 'your_password', 'your-password',
  'password123', 'pa55word', 'p@ssword', 'p@ssw0rd', 'user:pass', 'token', 'apikey', 'api_key', 'foo', 'bar', 'baz',
  'hunter2', 'redacted', 'hidden', 'masked', 'placeholder', 'dummy', 'sample', 'none', 'null', 'undefined', 'empty',
  'secretpassword', 'somepassword', 'strongpassword', 'pw', 'x-oauth-basic', 'xyz', 'abc', 'abcd', 'qwerty', 'letmein',
  'pass123', 'pass1234', 'foobar', 'admin', 'admin123', 'root', 'guest', 'user', 'username', 'secret123',
  // The anonymous-FTP convention (RFC 1635): `login anonymous password anonymous` in .netrc files.
  'anonymous',
]);

/** True when a password is a template reference, mask or documentation stand-in. */
export function isPlaceholderPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower)) return true;
  if (/^\$|\$\{|\$\(|%\(|%s|%v|\{|\}|^\[.*\]$|^\(.*\)$|^\*+$|^\.+$|^_+[A-Z_]+_+$|^#\{|^@.*@$|^<|>$/.test(password)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(password)) return true;
  return password.length < 4 || /^\d{1,8}$/.test(password) || looksLikePlaceholder(password);
}

/** Hosts that only exist on a developer's machine or inside a CI job's service containers. */
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|postgres|postgresql|db|database|mysql|mariadb|mongo|mongodb|redis|rabbitmq|mssql|sqlserver)$/i;

/** Heuristic: the file is test code or CI configuration, where throwaway local databases are normal. */
export function isTestOrCiPath(fileName: string): boolean {
  const normal = fileName.replace(/\\/g, '/');
  const base = path.posix.basename(normal).toLowerCase();
  const dirs = path.posix.dirname(normal).toLowerCase().split('/').slice(-2);
  if (dirs.some((dir) => /^(?:tests?|spec|specs|__tests__|e2e|ci|testing|\.circleci|workflows|\.buildkite)$/.test(dir))) return true;
  return /(?:^|[._-])(?:test|tests|spec|ci|e2e)(?:[._-]|$)|^\.gitlab-ci\.ya?ml$|^\.travis\.ya?ml$|^(?:jest|vitest|karma|cypress|playwright)\.config|^conftest\.py$|^pytest\.ini$|^tox\.ini$|^phpunit\.xml|^bitbucket-pipelines\.ya?ml$|^azure-pipelines\.ya?ml$|^jenkinsfile$|^\.env\.(?:test|testing|ci)$/.test(base);
}

/** The host that follows the credentials (`user:pass@HOST`), for the local-test exemption. */
function hostAfter(context: ValidateContext): string {
  const after = context.text.slice(context.end + 1, context.end + 260);
  return (/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)/.exec(after)?.[1] ?? '');
}

/**
 * A throwaway local database: the host only exists on a dev machine or in CI, and the file is
 * test/CI config, or the database or the line says test (`…@localhost:5432/app_test`,
 * `"test": "DATABASE_URL=… mocha"`), or the password is just the user name (`postgres:postgres`).
 */
function isThrowawayLocalDb(password: string, context: ValidateContext): boolean {
  if (!LOCAL_HOST.test(hostAfter(context))) return false;
  if (isTestOrCiPath(context.fileName)) return true;
  const tail = lineSuffix(context.text, context.end, 200);
  if (/^@[^\s'"`/]*\/[^\s'"`?]*test/i.test(tail)) return true;
  if (/test/i.test(linePrefix(context.text, context.start, 200).replace(/[a-z][a-z0-9+.-]*:\/\/[^\s]*$/i, ''))) return true;
  const user = /\/\/([^\s:@/]*):$/.exec(linePrefix(context.text, context.start, 300))?.[1];
  return user !== undefined && user.toLowerCase() === password.toLowerCase();
}

/** Password validator shared by URL and connection-string rules. */
function urlPasswordIsReal(value: string, context: ValidateContext): boolean {
  return !isPlaceholderPassword(value) && !isThrowawayLocalDb(value, context);
}

const URL_USER = "[^\\s:@/'\"`<>]{0,128}";
const URL_PASSWORD = "[^\\s@/'\"`<>]{1,256}";
const URL_HOST = '(?:[A-Za-z0-9._\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])';

/** Database URL schemes, each reported by its own connection-string rule. */
const DB_SCHEMES: Array<{ id: string; title: string; schemes: string[]; reference: string }> = [
  { id: 'postgres-connection-string', title: 'PostgreSQL connection string with password', schemes: ['postgres', 'postgresql', 'postgis'], reference: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS' },
  { id: 'mysql-connection-string', title: 'MySQL / MariaDB connection string with password', schemes: ['mysql', 'mysql2', 'mysqlx', 'mariadb'], reference: 'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html' },
  { id: 'mongodb-connection-string', title: 'MongoDB connection string with password', schemes: ['mongodb', 'mongodb\\+srv'], reference: 'https://www.mongodb.com/docs/manual/reference/connection-string/' },
  { id: 'redis-connection-string', title: 'Redis connection string with password', schemes: ['redis', 'rediss'], reference: 'https://www.iana.org/assignments/uri-schemes/prov/redis' },
  { id: 'amqp-connection-string', title: 'AMQP (RabbitMQ) connection string with password', schemes: ['amqp', 'amqps'], reference: 'https://www.rabbitmq.com/docs/uri-spec' },
  { id: 'mssql-connection-string', title: 'SQL Server connection URL with password', schemes: ['mssql', 'sqlserver'], reference: 'https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url' },
];

function connectionRule(db: (typeof DB_SCHEMES)[number]): ProviderRule {
  const schemes = db.schemes.join('|');
  return rule({
    id: db.id,
    title: db.title,
    provider: 'Database',
    specificity: 'structural',
    format: `\`${db.schemes[0].replace(/\\/g, '')}://user:password@host/...\` with a literal password`,
    remediation: 'Change the database password, then read the URL (or just the password) from an environment variable.',
    reference: db.reference,
    pattern: new RegExp(`(?<![A-Za-z0-9+.\\-])(?:${schemes})://${URL_USER}:(${URL_PASSWORD})@(?=${URL_HOST})`, 'gi'),
    secretGroup: 1,
    keywords: db.schemes.map((s) => `${s.replace(/\\/g, '')}://`),
    validate: urlPasswordIsReal,
  });
}

/** ADO.NET / ODBC connection strings are `key=value;` pairs; require one of their typical keys nearby. */
function inAdoConnectionString(context: ValidateContext): boolean {
  const line = linePrefix(context.text, context.start, 400) + lineSuffix(context.text, context.end, 400);
  return /(?:^|[;"'\s])(?:server|data source|host|addr|address|initial catalog|database|user id|uid|user)\s*=/i.test(line) && /;/.test(line);
}

/** True when the text parses as a JSON object. */
function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return !!parsed && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

export const structuralRules: ProviderRule[] = [
  pemRule('private-key', 'Private key (PEM)', '(?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY', ['private key-----', 'private key ----'],
    'A `-----BEGIN [RSA|EC|DSA|ENCRYPTED ]PRIVATE KEY-----` … `-----END …-----` block (also with `\\n` escapes in JSON/YAML), or an RFC 4716 `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----` block',
    false, SSH2_PRIVATE_KEY),
  pemRule('openssh-private-key', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', ['begin openssh private key'],
    'A `-----BEGIN OPENSSH PRIVATE KEY-----` … `-----END OPENSSH PRIVATE KEY-----` block', true),
  pemRule('pgp-private-key', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', ['begin pgp private key block'],
    'A `-----BEGIN PGP PRIVATE KEY BLOCK-----` … `-----END PGP PRIVATE KEY BLOCK-----` armored block', true),
  rule({
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'Private key',
    specificity: 'structural',
    format: 'A `PuTTY-User-Key-File-2/3:` file through its `Private-MAC:` line',
    remediation: keyFix,
    reference: 'https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html',
    pattern: /PuTTY-User-Key-File-[23]: [^\r\n]{3,60}(?:\r?\n[^\r\n]{0,200}){2,80}?\r?\nPrivate-MAC: [0-9a-f]{40,64}/g,
    keywords: ['putty-user-key-file-'],
    allowRuns: true,
    validate: (value) => /Private-Lines: \d/.test(value),
  }),
  rule({
    id: 'age-secret-key',
    title: 'age secret key',
    provider: 'age',
    format: '`AGE-SECRET-KEY-1` + 58 Bech32 characters',
    remediation: keyFix,
    reference: 'https://age-encryption.org/v1',
    pattern: token('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', 'A-Za-z0-9_\\-'),
    keywords: ['age-secret-key-1'],
    minEntropy: 3.8,
  }),
  rule({
    id: 'gcp-service-account',
    title: 'Google Cloud service account private key',
    provider: 'Google Cloud',
    specificity: 'structural',
    format: 'The `private_key` PEM inside a `"type": "service_account"` JSON key file',
    remediation: 'Delete the key in Google Cloud console > IAM > Service accounts > Keys, then use workload identity or a secret manager instead of key files.',
    reference: 'https://cloud.google.com/iam/docs/keys-create-delete',
    pattern: new RegExp(`"private_key"\\s{0,5}:\\s{0,5}"(-----BEGIN PRIVATE KEY-----(?:[^-"]|-(?!----)){64,12000}?-----END PRIVATE KEY-----(?:\\\\n)?)"`, 'g'),
    secretGroup: 1,
    keywords: ['service_account'],
    validate: (value, context) => /"type"\s*:\s*"service_account"/.test(context.text) && hasKeyMaterial(value),
  }),
  contextRule({
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    specificity: 'structural',
    format: '40 base64 characters next to an `aws_secret_access_key` / `SecretAccessKey` name',
    remediation: 'Deactivate and delete the access key in the AWS IAM console, then use a role, SSO or the credentials file outside the repo.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    keywords: ['aws', 'secret_access_key', 'secretaccesskey', 'secret-access-key'],
    minEntropy: 4,
  }, {
    value: '[A-Za-z0-9/+]{40}',
    edge: 'A-Za-z0-9/+=',
    near: /aws.{0,30}(?:secret|sk)|secret.?access.?key|secretaccesskey/,
    nearAbove: /aws/,
    check: (v) => mixedClasses(v, 3),
  }),
  rule({
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    severity: 'warning',
    specificity: 'structural',
    format: 'Three base64url segments `eyJ…` . `eyJ…` . signature, with a JSON header that names `alg`',
    remediation: 'Remove the token; if it is long-lived or a service key, revoke or rotate its signing key and fetch tokens at runtime.',
    reference: 'https://www.rfc-editor.org/rfc/rfc7519',
    pattern: token('eyJ[A-Za-z0-9_\\-]{10,1000}\\.eyJ[A-Za-z0-9_\\-]{10,6000}\\.[A-Za-z0-9_\\-]{16,1000}', 'A-Za-z0-9_\\-.'),
    keywords: ['eyj'],
    validate: (value) => {
      const [header, payload] = value.split('.');
      const headerJson = decodeBase64(header);
      const payloadJson = decodeBase64(payload);
      if (!headerJson || !payloadJson || !/"alg"\s*:/.test(headerJson)) return false;
      // A header is a whole JSON object; one cut short (a segment that lost its closing `"}`) is not a token.
      if (!isJsonObject(headerJson)) return false;
      // Supabase-style anon keys are public by design: shipping them to browsers is intended.
      return !/"role"\s*:\s*"anon"/.test(payloadJson);
    },
  }),
  rule({
    id: 'url-credentials',
    title: 'Credentials in a URL',
    provider: 'URL',
    specificity: 'structural',
    format: '`scheme://user:password@host` with a literal password',
    remediation: envFix,
    reference: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
    // Database schemes are left to their own connection-string rules.
    pattern: new RegExp(`(?<![A-Za-z0-9+.\\-])(?!(?:${DB_SCHEMES.flatMap((db) => db.schemes).join('|')})://)([A-Za-z][A-Za-z0-9+.\\-]{1,30})://${URL_USER}:(${URL_PASSWORD})@(?=${URL_HOST})`, 'gi'),
    secretGroup: 2,
    keywords: ['://'],
    validate: urlPasswordIsReal,
  }),
  ...DB_SCHEMES.map(connectionRule),
  rule({
    id: 'jdbc-connection-string',
    title: 'JDBC URL with password',
    provider: 'Database',
    specificity: 'structural',
    format: '`jdbc:<driver>:…` with a `password=` parameter, or Oracle thin `jdbc:oracle:thin:user/password@host`',
    remediation: 'Change the database password, then pass it as a separate property read from the environment.',
    reference: 'https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html',
    // Oracle's thin driver takes the credentials before the host (`user/password@`), so its password ends at `@`;
    // the lookbehind tells that branch apart from a `password=` parameter.
    pattern: /jdbc:(?:[a-z0-9]{2,20}:[^\s'"<>`]{0,300}?[?&;:]password=|oracle:thin:[^\s/@'"<>`:]{1,64}\/)((?<=\/)[^\s@'"<>`]{1,128}(?=@)|(?<=[=])[^\s&;'"<>`]{1,128})/gi,
    secretGroup: 1,
    keywords: ['jdbc:'],
    validate: (value) => !isPlaceholderPassword(value),
  }),
  rule({
    id: 'adonet-connection-string',
    title: 'ADO.NET / ODBC connection string with password',
    provider: 'Database',
    specificity: 'structural',
    format: '`Server=…;User Id=…;Password=…;` with a literal password',
    remediation: 'Change the database password, then use integrated/managed identity auth or read the password from configuration secrets.',
    reference: 'https://learn.microsoft.com/dotnet/framework/data/adonet/connection-string-syntax',
    pattern: /(?<![A-Za-z0-9_])(?:Password|Pwd)\s{0,3}=\s{0,3}([^;'"\r\n\s][^;'"\r\n]{0,127})/gi,
    secretGroup: 1,
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    validate: (value, context) => !isPlaceholderPassword(value.trim()) && inAdoConnectionString(context),
  }),
  rule({
    id: 'bearer-token',
    title: 'Hardcoded Bearer token in an Authorization header',
    provider: 'HTTP',
    specificity: 'structural',
    format: '`Authorization: Bearer <literal token>`',
    remediation: 'Revoke the token with its issuer, then build the header from an environment variable at runtime.',
    reference: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1',
    pattern: /(?<![A-Za-z])[Bb]earer[ \t]{1,3}([A-Za-z0-9_\-.~+/]{20,2048}={0,2})(?![A-Za-z0-9_\-.~+/=])/g,
    secretGroup: 1,
    keywords: ['bearer'],
    minEntropy: 3.5,
    validate: (value, context) => {
      if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
      const prefix = linePrefix(context.text, context.start);
      return /authoriz/i.test(prefix) || /["'`]\s*bearer\s+$/i.test(prefix);
    },
  }),
  rule({
    id: 'basic-auth-header',
    title: 'Hardcoded Basic credentials in an Authorization header',
    provider: 'HTTP',
    specificity: 'structural',
    format: '`Authorization: Basic <base64 of user:password>`',
    remediation: envFix,
    reference: 'https://www.rfc-editor.org/rfc/rfc7617',
    pattern: /Authorization["']?\s{0,3}[:=,]\s{0,3}["']?\s{0,3}Basic[ \t]{1,3}([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/gi,
    secretGroup: 1,
    keywords: ['basic'],
    validate: (value) => {
      const decoded = decodeBase64(value);
      if (!decoded || !/^[\x20-\x7e]+$/.test(decoded)) return false;
      const colon = decoded.indexOf(':');
      return colon > 0 && !isPlaceholderPassword(decoded.slice(colon + 1));
    },
  }),
  rule({
    id: 'kubeconfig-client-key',
    title: 'Kubernetes client private key in kubeconfig',
    provider: 'Kubernetes',
    specificity: 'structural',
    format: '`client-key-data:` + base64 of a PEM private key',
    remediation: 'Rotate the client certificate (or switch to an exec/OIDC credential plugin) and keep kubeconfig files out of the repository.',
    reference: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
    pattern: /client-key-data:[ \t]{0,5}["']?([A-Za-z0-9+/]{100,20000}={0,2})(?![A-Za-z0-9+/=])/g,
    secretGroup: 1,
    keywords: ['client-key-data'],
    allowRuns: true,
    validate: (value) => {
      const decoded = decodeBase64(value) ?? '';
      return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(decoded) && /-----END [A-Z ]*PRIVATE KEY-----/.test(decoded) && hasKeyMaterial(decoded.trim());
    },
  }),
  rule({
    id: 'base64-private-key',
    title: 'Base64-encoded PEM private key',
    provider: 'Private key',
    specificity: 'structural',
    format: 'Base64 of a whole `-----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED ]PRIVATE KEY-----` block (it starts `LS0tLS1CRUdJTi`), as in a k8s Secret `tls.key` or an environment variable; also a certificate-then-key bundle',
    remediation: keyFix,
    reference: 'https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets',
    pattern: token(`${BASE64_PEM_START}[A-Za-z0-9+/]{100,40000}={0,2}`, 'A-Za-z0-9+/=_\\-'),
    keywords: [BASE64_PEM_START.toLowerCase()],
    allowRuns: true,
    validate: decodesToPrivateKey,
  }),
  rule({
    id: 'netrc-credentials',
    title: 'Password in a .netrc entry',
    provider: 'netrc',
    specificity: 'structural',
    format: '`machine <host> login <user> password <literal>`',
    remediation: 'Change the password/token, then keep ~/.netrc out of the repository (mode 600 in your home directory).',
    reference: 'https://everything.curl.dev/usingcurl/netrc.html',
    pattern: /(?<![A-Za-z])machine[ \t]{1,10}[^\s]{1,253}[ \t\r\n]{1,20}login[ \t]{1,10}[^\s]{1,128}[ \t\r\n]{1,20}password[ \t]{1,10}([^\s]{1,256})/g,
    secretGroup: 1,
    keywords: ['machine'],
    validate: (value) => !isPlaceholderPassword(value),
  }),
];
