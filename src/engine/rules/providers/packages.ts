import type { ProviderRule } from '../types';
import { BASE64_EDGE, colonInBase64Ascii, contextRule, decodeBase64, looksLikePlaceholder, mixedClasses, rule, token, WORD_DASH } from './helpers';

/** Package registries and container registries: a leaked publish token is a supply-chain attack. */

const revoke = (where: string): string => `Revoke it in ${where}, then provide it through a CI secret or environment variable.`;

/** A base64 value that decodes to `user:password` with a non-empty password. */
function isBasicPair(value: string): boolean {
  const colon = colonInBase64Ascii(value);
  return colon !== undefined && colon > 0 && colon < decodedLength(value) - 1;
}

/** Bytes a base64 value decodes to (4 characters make 3 bytes; padding counts for none). */
function decodedLength(value: string): number {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 61) end--;
  return Math.floor((end * 6) / 8);
}

/** `_password` holds base64 of the password alone: printable once decoded and not a stand-in. */
function isBase64Password(value: string): boolean {
  const decoded = decodeBase64(value);
  return decoded !== undefined && /^[\x21-\x7e]{6,}$/.test(decoded) && !looksLikePlaceholder(decoded);
}

export const packageRules: ProviderRule[] = [
  rule({
    id: 'npm-access-token',
    title: 'npm access token',
    provider: 'npm',
    format: '`npm_` + 36 base62 characters (last 6 are a CRC32 checksum)',
    remediation: revoke('npmjs.com > Access Tokens'),
    reference: 'https://docs.npmjs.com/about-access-tokens',
    pattern: token('npm_[A-Za-z0-9]{36}'),
    keywords: ['npm_'],
    minEntropy: 4,
  }),
  rule({
    id: 'npmrc-auth-token',
    title: 'Registry auth token in .npmrc / .yarnrc.yml',
    provider: 'npm',
    format: '`_authToken=` (or `npmAuthToken:`) followed by a literal token',
    remediation: 'Revoke the token at the registry, then write `_authToken=${NPM_TOKEN}` and set NPM_TOKEN in the environment.',
    reference: 'https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration',
    pattern: /(?:_authToken|npmAuthToken)["']?\s{0,3}[=:]\s{0,3}["']?([A-Za-z0-9_\-.+/=]{20,400})(?![A-Za-z0-9_\-.+/=])/g,
    secretGroup: 1,
    keywords: ['_authtoken', 'npmauthtoken'],
    specificity: 'structural',
    minEntropy: 3.2,
  }),
  rule({
    id: 'npmrc-basic-auth',
    title: 'Registry basic auth (`_auth` / `_password`) in .npmrc',
    provider: 'npm',
    format: '`_auth=` + base64 of `user:password`, or `_password=` + base64 of the password (next to `username=`)',
    remediation: 'Change the password/token at the registry, then write `_auth=${NPM_AUTH}` and set it in the environment.',
    reference: 'https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration',
    pattern: /(?<![A-Za-z])(_auth|_password)\s{0,3}=\s{0,3}["']?([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g,
    secretGroup: 2,
    keywords: ['_auth', '_password'],
    specificity: 'structural',
    validate: (value, context) =>
      // What separates the name from the value is at most 8 characters (`\s{0,3}=\s{0,3}["']?`).
      /_auth\s*=\s*["']?$/.test(context.text.slice(Math.max(0, context.start - 14), context.start))
        ? isBasicPair(value)
        // `_password` is a common private field name elsewhere (`self._password = …`): only npmrc files count.
        : /npmrc$/i.test(context.fileName) && isBase64Password(value),
  }),
  rule({
    id: 'pypi-upload-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    format: '`pypi-AgEIcHlwaS5vcmc` (macaroon for pypi.org) + base64url characters',
    remediation: revoke('pypi.org > Account settings > API tokens'),
    reference: 'https://pypi.org/help/#apitoken',
    // A macaroon carries its identifier and a 32-byte HMAC signature: well over 85 characters after the head.
    pattern: token('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{85,1000}', WORD_DASH),
    keywords: ['pypi-ageichlwas5vcmc'],
    minEntropy: 4,
  }),
  rule({
    id: 'testpypi-upload-token',
    title: 'TestPyPI API token',
    provider: 'PyPI',
    severity: 'warning',
    format: '`pypi-AgENdGVzdC5weXBpLm9yZw` (macaroon for test.pypi.org) + base64url characters',
    remediation: revoke('test.pypi.org > Account settings > API tokens'),
    reference: 'https://test.pypi.org/help/#apitoken',
    // A macaroon carries its identifier and a 32-byte HMAC signature: well over 85 characters after the head.
    pattern: token('pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_\\-]{85,1000}', WORD_DASH),
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    minEntropy: 4,
  }),
  rule({
    id: 'nuget-api-key',
    title: 'NuGet API key',
    provider: 'NuGet',
    format: '`oy2` + 43 lower-case base36 characters',
    remediation: revoke('nuget.org > API Keys'),
    reference: 'https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys',
    pattern: token('oy2[a-z0-9]{43}'),
    keywords: ['oy2'],
    minEntropy: 4,
    validate: (v) => /[0-9]/.test(v.slice(3)) && /[a-z]/.test(v.slice(3)),
  }),
  rule({
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'RubyGems',
    format: '`rubygems_` + 48 hex characters',
    remediation: revoke('rubygems.org > Settings > API keys'),
    reference: 'https://guides.rubygems.org/api-key-scopes/',
    pattern: token('rubygems_[a-f0-9]{48}'),
    keywords: ['rubygems_'],
    minEntropy: 3.5,
  }),
  rule({
    id: 'crates-io-api-token',
    title: 'crates.io API token',
    provider: 'crates.io',
    format: '`cio` + 32 base62 characters',
    remediation: revoke('crates.io > Account settings > API Tokens'),
    reference: 'https://doc.rust-lang.org/cargo/reference/registry-authentication.html',
    pattern: token('cio[A-Za-z0-9]{32}'),
    keywords: ['cio'],
    minEntropy: 4,
    validate: (v) => mixedClasses(v.slice(3), 3),
  }),
  rule({
    id: 'dockerhub-pat',
    title: 'Docker Hub personal access token',
    provider: 'Docker',
    format: '`dckr_pat_` + 27 base64url characters',
    remediation: revoke('Docker Hub > Account settings > Personal access tokens'),
    reference: 'https://docs.docker.com/security/for-developers/access-tokens/',
    pattern: token('dckr_pat_[A-Za-z0-9_\\-]{27}', WORD_DASH),
    keywords: ['dckr_pat_'],
    minEntropy: 4,
  }),
  rule({
    id: 'dockerhub-org-access-token',
    title: 'Docker Hub organization access token',
    provider: 'Docker',
    format: '`dckr_oat_` + 32 base64url characters',
    remediation: revoke('Docker Hub > Organization settings > Access tokens'),
    reference: 'https://docs.docker.com/security/for-admins/access-tokens/',
    pattern: token('dckr_oat_[A-Za-z0-9_\\-]{32}', WORD_DASH),
    keywords: ['dckr_oat_'],
    minEntropy: 4,
  }),
  rule({
    id: 'docker-config-auth',
    title: 'Registry credentials in docker config.json',
    provider: 'Docker',
    specificity: 'structural',
    format: '`"auth": "<base64 of user:password>"` inside `"auths"`',
    remediation: 'Run `docker logout` and use a credential helper (`credsStore`) instead of storing auth in config.json.',
    reference: 'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
    pattern: /"auth"\s{0,5}:\s{0,5}"([A-Za-z0-9+/]{8,1000}={0,2})"/g,
    secretGroup: 1,
    keywords: ['"auths"'],
    validate: isBasicPair,
  }),
  rule({
    id: 'clojars-deploy-token',
    title: 'Clojars deploy token',
    provider: 'Clojars',
    format: '`CLOJARS_` + 60 lower-case base36 characters',
    remediation: revoke('clojars.org > Deploy Tokens'),
    reference: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
    pattern: token('CLOJARS_[a-z0-9]{60}'),
    keywords: ['clojars_'],
    minEntropy: 4,
  }),
  rule({
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    provider: 'JFrog',
    format: '`AKCp` + 69 base62 characters',
    remediation: revoke('the JFrog Platform > Edit Profile > API key (and migrate to access tokens)'),
    reference: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
    pattern: token('AKCp[A-Za-z0-9]{69}'),
    keywords: ['akcp'],
    minEntropy: 4.5,
  }),
  rule({
    id: 'jfrog-reference-token',
    title: 'JFrog reference / identity token',
    provider: 'JFrog',
    format: '`cmVmdGtuOjAxOj` (base64 of "reftkn:01:") + 50-80 base64 characters',
    remediation: revoke('the JFrog Platform > Edit Profile > Identity tokens'),
    reference: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    pattern: token('cmVmdGtuOjAxOj[A-Za-z0-9]{50,80}', BASE64_EDGE),
    keywords: ['cmvmdgtuojaxoj'],
    minEntropy: 4.3,
  }),
  contextRule({
    id: 'octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    provider: 'Octopus Deploy',
    format: '`API-` + 26 upper-case base36 characters next to an Octopus name',
    remediation: revoke('Octopus Deploy > Profile > My API Keys'),
    reference: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    keywords: ['octopus'],
    minEntropy: 3.5,
  }, { value: 'API-[A-Z0-9]{26}', edge: WORD_DASH, near: /octopus/, check: (v) => /[0-9]/.test(v.slice(4)) }),
];
