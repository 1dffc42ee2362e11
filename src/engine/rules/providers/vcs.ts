import type { ProviderRule } from '../types';
import { contextRule, rule, token, WORD_DASH } from './helpers';

/** Source hosting: GitHub, GitLab, Bitbucket and Atlassian. */

const GITHUB_DOCS = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats';
const GITLAB_DOCS = 'https://docs.gitlab.com/security/tokens/';
const githubFix = 'Revoke it in GitHub Settings > Developer settings (or the app settings), then load it from an environment variable.';
const gitlabFix = 'Revoke it in GitLab (User settings > Access tokens, or the project/group settings), then load it from a CI/CD variable or environment variable.';

/** GitHub's classic prefixed tokens: prefix + 36 base62 characters (the last 6 are a CRC32 checksum). */
function githubClassic(id: string, prefix: string, title: string, length = '36'): ProviderRule {
  return rule({
    id,
    title,
    provider: 'GitHub',
    format: `\`${prefix}\` + ${length} base62 characters (last 6 are a CRC32 checksum)`,
    remediation: githubFix,
    reference: GITHUB_DOCS,
    pattern: token(`${prefix}[A-Za-z0-9]{${length}}`),
    keywords: [prefix],
    minEntropy: 3.5,
  });
}

/** GitLab's prefixed tokens (`glpat-`, `gldt-`, ...). */
function gitlab(id: string, prefix: string, title: string, body: string, format: string, severity: 'error' | 'warning' = 'error'): ProviderRule {
  return rule({
    id,
    title,
    provider: 'GitLab',
    severity,
    format,
    remediation: gitlabFix,
    reference: GITLAB_DOCS,
    pattern: token(`${prefix}${body}`, WORD_DASH),
    keywords: [prefix.toLowerCase().replace(/\\/g, '')],
    minEntropy: 3.0,
  });
}

export const vcsRules: ProviderRule[] = [
  githubClassic('github-pat', 'ghp_', 'GitHub personal access token (classic)'),
  githubClassic('github-oauth-token', 'gho_', 'GitHub OAuth access token'),
  githubClassic('github-user-to-server-token', 'ghu_', 'GitHub App user-to-server token'),
  githubClassic('github-server-to-server-token', 'ghs_', 'GitHub App installation (server-to-server) token'),
  githubClassic('github-refresh-token', 'ghr_', 'GitHub App refresh token', '36,76'),
  rule({
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    format: '`github_pat_` + 22 base62 + `_` + 59 base62 characters',
    remediation: githubFix,
    reference: GITHUB_DOCS,
    pattern: token('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
    keywords: ['github_pat_'],
    minEntropy: 4,
  }),
  gitlab('gitlab-pat', 'glpat-', 'GitLab personal access token',
    '[A-Za-z0-9_\\-]{20,64}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{9})?', '`glpat-` + 20 characters (or a longer routable token)'),
  gitlab('gitlab-deploy-token', 'gldt-', 'GitLab deploy token', '[A-Za-z0-9_\\-]{20,64}', '`gldt-` + 20 characters'),
  gitlab('gitlab-runner-token', 'glrt-', 'GitLab runner authentication token', '[A-Za-z0-9_\\-]{20,64}', '`glrt-` + 20 or more characters'),
  gitlab('gitlab-runner-registration-token', 'GR1348941', 'GitLab runner registration token (deprecated)', '[A-Za-z0-9_\\-]{20}', '`GR1348941` + 20 characters'),
  gitlab('gitlab-pipeline-trigger-token', 'glptt-', 'GitLab pipeline trigger token', '[0-9a-f]{40}', '`glptt-` + 40 hex characters'),
  gitlab('gitlab-cicd-job-token', 'glcbt-', 'GitLab CI/CD job token', '[A-Za-z0-9_\\-]{20,64}', '`glcbt-` + 20 or more characters', 'warning'),
  gitlab('gitlab-incoming-mail-token', 'glimt-', 'GitLab incoming mail token', '[A-Za-z0-9_\\-]{25}', '`glimt-` + 25 characters'),
  gitlab('gitlab-oauth-app-secret', 'gloas-', 'GitLab OAuth application secret', '[0-9a-f]{64}', '`gloas-` + 64 hex characters'),
  gitlab('gitlab-scim-token', 'glsoat-', 'GitLab SCIM OAuth token', '[A-Za-z0-9_\\-]{20,64}', '`glsoat-` + 20 characters'),
  gitlab('gitlab-feed-token', 'glft-', 'GitLab feed token', '[A-Za-z0-9_\\-]{20,64}', '`glft-` + 20 characters', 'warning'),
  gitlab('gitlab-agent-token', 'glagent-', 'GitLab agent for Kubernetes token', '[A-Za-z0-9_\\-]{50,64}', '`glagent-` + 50 characters'),
  gitlab('gitlab-feature-flags-client-token', 'glffct-', 'GitLab feature flags client token', '[A-Za-z0-9_\\-]{20,64}', '`glffct-` + 20 characters', 'warning'),
  rule({
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    provider: 'Atlassian',
    format: '`ATATT` + about 180 base64url characters ending in an 8-hex checksum',
    remediation: 'Revoke it at id.atlassian.com > Security > API tokens, then load it from an environment variable.',
    reference: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    pattern: token('ATATT[A-Za-z0-9_\\-=]{150,250}', WORD_DASH + '='),
    keywords: ['atatt'],
    minEntropy: 4,
  }),
  rule({
    id: 'atlassian-access-token',
    title: 'Bitbucket repository/project/workspace access token',
    provider: 'Atlassian',
    format: '`ATCTT` + about 180 base64url characters',
    remediation: 'Revoke it in the Bitbucket repository, project or workspace settings > Access tokens, then load it from a secured variable.',
    reference: 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/',
    pattern: token('ATCTT[A-Za-z0-9_\\-=]{150,250}', WORD_DASH + '='),
    keywords: ['atctt'],
    minEntropy: 4,
  }),
  rule({
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Bitbucket',
    format: '`ATBB` + 32 base62 characters and an 8-hex checksum',
    remediation: 'Revoke it in Bitbucket Personal settings > App passwords, then load it from a secured variable.',
    reference: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
    pattern: token('ATBB[A-Za-z0-9]{32,64}'),
    keywords: ['atbb'],
    minEntropy: 3.8,
  }),
  contextRule({
    id: 'atlassian-legacy-api-token',
    title: 'Atlassian (Jira/Confluence) API token, legacy format',
    provider: 'Atlassian',
    format: '24 base62 characters next to a Jira/Confluence/Atlassian name',
    remediation: 'Revoke it at id.atlassian.com > Security > API tokens, then load it from an environment variable.',
    reference: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    keywords: ['jira', 'confluence', 'atlassian'],
    minEntropy: 3.5,
  }, {
    value: '[A-Za-z0-9]{24}',
    near: /jira|confluence|atlassian/,
    check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v),
  }),
  contextRule({
    id: 'bitbucket-client-secret',
    title: 'Bitbucket OAuth consumer secret',
    provider: 'Bitbucket',
    format: '32 base62 characters next to a Bitbucket secret name',
    remediation: 'Regenerate the OAuth consumer in the Bitbucket workspace settings, then load it from a secured variable.',
    reference: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
    keywords: ['bitbucket'],
    minEntropy: 3.8,
  }, {
    value: '[A-Za-z0-9]{32}',
    near: /bitbucket.{0,40}secret/,
  }),
];
