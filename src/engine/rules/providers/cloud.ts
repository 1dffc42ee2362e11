import type { ProviderRule } from '../types';
import { BASE64_EDGE, contextRule, lineScoped, linePrefix, providerSecret, namedNearby, rule, token, UUID, WORD_DASH } from './helpers';

/** Cloud and hosting platforms. */

const env = 'then load it from an environment variable or the platform\'s secret store.';
const revoke = (where: string): string => `Revoke it in ${where}, ${env}`;

/** AWS publishes these in its docs; they are never live and appear in countless READMEs. */
const AWS_EXAMPLE_IDS = /EXAMPLE$/;

export const cloudRules: ProviderRule[] = [
  rule({
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    provider: 'AWS',
    format: '`AKIA`, `ABIA` or `ACCA` + 16 base32 characters (A-Z, 2-7)',
    remediation: revoke('the AWS IAM console (deactivate, then delete the access key)'),
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
    pattern: token('(?:AKIA|ABIA|ACCA)[A-Z2-7]{16}'),
    keywords: ['akia', 'abia', 'acca'],
    minEntropy: 3,
    validate: (v) => !AWS_EXAMPLE_IDS.test(v),
  }),
  rule({
    id: 'aws-temporary-access-key-id',
    title: 'AWS temporary (STS) access key ID',
    provider: 'AWS',
    format: '`ASIA` + 16 base32 characters (A-Z, 2-7)',
    remediation: 'Revoke the session (revoke active sessions on the role) and never commit STS credentials; use a credentials provider.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
    pattern: token('ASIA[A-Z2-7]{16}'),
    keywords: ['asia'],
    minEntropy: 3,
    validate: (v) => !AWS_EXAMPLE_IDS.test(v),
  }),
  contextRule({
    id: 'aws-session-token',
    title: 'AWS session token',
    provider: 'AWS',
    format: 'A long base64 value next to `aws_session_token` / `X-Amz-Security-Token`',
    remediation: 'Revoke the role session and never commit STS credentials; use a credentials provider.',
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
    keywords: ['session_token', 'sessiontoken', 'security-token', 'security_token'],
    minEntropy: 4.5,
  }, {
    value: '[A-Za-z0-9+/]{100,1500}={0,2}',
    edge: BASE64_EDGE,
    near: /aws_?session_?token|x-amz-security-token|aws.{0,20}security_?token|sessiontoken/,
  }),
  rule({
    id: 'aws-mws-auth-token',
    title: 'Amazon MWS auth token',
    provider: 'AWS',
    format: '`amzn.mws.` + a UUID',
    remediation: revoke('Amazon Seller Central > User permissions'),
    reference: 'https://developer-docs.amazon.com/sp-api/docs/migrating-mws-apps',
    pattern: token(`amzn\\.mws\\.${UUID}`, WORD_DASH),
    keywords: ['amzn.mws.'],
    minEntropy: 3,
  }),
  rule({
    id: 'aws-bedrock-long-term-api-key',
    title: 'Amazon Bedrock long-term API key',
    provider: 'AWS',
    format: '`ABSK` + base64 of `<IAM user>-at-<12-digit account id>:<secret>` (an IAM service-specific credential for Bedrock)',
    remediation: revoke('the IAM console > Users > Security credentials > API keys for Amazon Bedrock (delete the key; prefer short-term keys)'),
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html',
    pattern: token('ABSK[A-Za-z0-9+/]{60,400}={0,2}', BASE64_EDGE),
    keywords: ['absk'],
    validate: (v) => isBedrockServiceCredential(v.slice(4)),
  }),
  rule({
    id: 'aws-bedrock-short-term-api-key',
    title: 'Amazon Bedrock short-term API key',
    provider: 'AWS',
    severity: 'warning',
    format: '`bedrock-api-key-` + base64 of a SigV4-presigned `bedrock.amazonaws.com/?Action=CallWithBearerToken…&Version=1` URL (valid up to 12 hours)',
    remediation: 'Remove it and generate short-term keys at runtime (aws-bedrock-token-generator); it expires within 12 hours, but revoke the signing session or credentials if it leaked.',
    reference: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html',
    pattern: token('bedrock-api-key-[A-Za-z0-9+/]{100,12000}={0,2}', BASE64_EDGE),
    keywords: ['bedrock-api-key-'],
    validate: (v) => isBedrockPresignedUrl(v.slice('bedrock-api-key-'.length)),
  }),
  rule({
    id: 'gcp-api-key',
    title: 'Google Cloud / Firebase / Gemini API key',
    provider: 'Google Cloud',
    format: '`AIza` + 35 base64url characters',
    remediation: revoke('Google Cloud console > APIs & Services > Credentials (or restrict it to your app)'),
    reference: 'https://cloud.google.com/docs/authentication/api-keys',
    pattern: token('AIza[0-9A-Za-z_\\-]{35}', WORD_DASH),
    keywords: ['aiza'],
    minEntropy: 3.5,
  }),
  rule({
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google Cloud',
    format: '`GOCSPX-` + 28 base64url characters',
    remediation: revoke('Google Cloud console > APIs & Services > Credentials (reset the client secret)'),
    reference: 'https://developers.google.com/identity/protocols/oauth2',
    pattern: token('GOCSPX-[A-Za-z0-9_\\-]{28}', WORD_DASH),
    keywords: ['gocspx-'],
    minEntropy: 3.5,
  }),
  rule({
    id: 'google-oauth-access-token',
    title: 'Google OAuth access token',
    provider: 'Google Cloud',
    severity: 'warning',
    format: '`ya29.` + base64url characters (short-lived)',
    remediation: 'Remove it; access tokens expire within an hour, but revoke it at https://oauth2.googleapis.com/revoke if it leaked.',
    reference: 'https://developers.google.com/identity/protocols/oauth2',
    pattern: token('ya29\\.[0-9A-Za-z_\\-]{30,1024}', WORD_DASH + '.'),
    keywords: ['ya29.'],
    minEntropy: 4,
  }),
  rule({
    id: 'google-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    provider: 'Google Cloud',
    format: '`1//0` + base64url characters',
    remediation: 'Revoke it at https://myaccount.google.com/permissions (or via the revoke endpoint), then store it in a secret manager.',
    reference: 'https://developers.google.com/identity/protocols/oauth2',
    pattern: token('1//0[0-9A-Za-z_\\-]{40,512}', WORD_DASH + '/'),
    keywords: ['1//0'],
    minEntropy: 4,
  }),
  rule({
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging legacy server key',
    provider: 'Google Cloud',
    format: '`AAAA` + 7 characters + `:APA91b` + about 134 base64url characters',
    remediation: revoke('Firebase console > Project settings > Cloud Messaging (migrate to the HTTP v1 API)'),
    reference: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
    pattern: token('AAAA[A-Za-z0-9_\\-]{7}:APA91b[A-Za-z0-9_\\-]{130,140}', WORD_DASH),
    keywords: ['apa91b'],
    minEntropy: 4,
  }),
  rule({
    id: 'azure-storage-connection-string',
    title: 'Azure storage connection string with account key',
    provider: 'Azure',
    format: '`DefaultEndpointsProtocol=https;AccountName=…;AccountKey=<88 base64>`',
    remediation: revoke('the Azure portal > Storage account > Access keys (rotate the key; prefer managed identity)'),
    reference: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string',
    pattern: /DefaultEndpointsProtocol=https?;AccountName=[A-Za-z0-9]{3,24};AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
    secretGroup: 1,
    keywords: ['defaultendpointsprotocol='],
    minEntropy: 4.5,
  }),
  lineScoped(rule({
    id: 'azure-storage-account-key',
    title: 'Azure storage account key',
    provider: 'Azure',
    format: '88 base64 characters ending in `==` after `AccountKey=` or next to a storage key name',
    remediation: revoke('the Azure portal > Storage account > Access keys (rotate the key)'),
    reference: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
    pattern: token('([A-Za-z0-9+/]{86}==)', 'A-Za-z0-9+/='),
    secretGroup: 1,
    keywords: ['accountkey', 'account_key', 'azure', 'storage'],
    minEntropy: 4.5,
    // A full connection string is reported by azure-storage-connection-string instead.
    validate: (_v, c) =>
      !/DefaultEndpointsProtocol=https?;AccountName=[A-Za-z0-9]{3,24};AccountKey=$/i.test(c.text.slice(Math.max(0, c.start - 120), c.start)) &&
      namedNearby(c, /accountkey=|azure|storage|account_?key/),
  })),
  rule({
    id: 'azure-shared-access-key',
    title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    provider: 'Azure',
    format: '`SharedAccessKey=` + 44 base64 characters',
    remediation: revoke('the Azure portal > Shared access policies (regenerate the key)'),
    reference: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
    pattern: /(?<![A-Za-z])SharedAccessKey=([A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])/gi,
    secretGroup: 1,
    keywords: ['sharedaccesskey='],
    minEntropy: 4,
  }),
  rule({
    id: 'azure-sas-token',
    title: 'Azure shared access signature (SAS) token',
    provider: 'Azure',
    format: 'The `sig=` signature of a URL that also has `sv=` (service version)',
    remediation: 'Revoke it (rotate the signing key or remove the stored access policy), then generate SAS tokens at runtime.',
    reference: 'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
    pattern: /[?&;]sig=([A-Za-z0-9%+/]{40,100})(?![A-Za-z0-9%+/])/g,
    secretGroup: 1,
    keywords: ['sig='],
    minEntropy: 3.5,
    validate: (_v, c) => /[?&;]sv=\d{4}-\d\d-\d\d/.test(linePrefix(c.text, c.start, 600)),
  }),
  lineScoped(rule({
    id: 'azure-ad-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    provider: 'Azure',
    format: '3 characters + a digit + `Q~` + 31-34 characters',
    remediation: revoke('Entra ID > App registrations > Certificates & secrets'),
    reference: 'https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal',
    pattern: token('[A-Za-z0-9_~.\\-]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34}', 'A-Za-z0-9_~.\\-'),
    keywords: ['q~'],
    minEntropy: 3.8,
  })),
  contextRule({
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    provider: 'Azure',
    format: '52 base32 characters (a-z, 2-7) next to an Azure DevOps name',
    remediation: revoke('Azure DevOps > User settings > Personal access tokens'),
    reference: 'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    keywords: ['azure', 'devops', 'vsts', 'azdo', 'ado_'],
    minEntropy: 3.8,
  }, {
    value: '[a-z2-7]{52}',
    near: /azure|devops|vsts|azdo|(?:^|[^a-z])ado[_-]/,
    check: (v) => /[2-7]/.test(v),
  }),
  contextRule({
    id: 'azure-ai-services-key',
    title: 'Azure OpenAI / Azure AI services key',
    provider: 'Azure',
    format: '32 hex (or 84 base62) characters next to an Azure OpenAI / Cognitive Services name',
    remediation: revoke('the Azure portal > your AI resource > Keys and Endpoint (regenerate)'),
    reference: 'https://learn.microsoft.com/azure/ai-services/authentication',
    keywords: ['azure', 'aoai', 'ocp-apim-subscription-key', 'cognitive'],
    minEntropy: 3.2,
  }, {
    value: '[a-fA-F0-9]{32}|[A-Za-z0-9]{84}',
    near: /azure[\w .-]{0,20}(?:openai|cognitive|speech|translator|vision|ai)|aoai|ocp-apim-subscription-key|cognitive.?services/,
  }),
  ...['dop', 'doo', 'dor'].map((prefix) => {
    const kind = { dop: 'personal access token', doo: 'OAuth token', dor: 'OAuth refresh token' }[prefix];
    return rule({
      id: `digitalocean-${{ dop: 'pat', doo: 'oauth-token', dor: 'refresh-token' }[prefix]}`,
      title: `DigitalOcean ${kind}`,
      provider: 'DigitalOcean',
      format: `\`${prefix}_v1_\` + 64 hex characters`,
      remediation: revoke('the DigitalOcean control panel > API > Tokens'),
      reference: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
      pattern: token(`${prefix}_v1_[a-f0-9]{64}`),
      keywords: [`${prefix}_v1_`],
      minEntropy: 3.2,
    });
  }),
  contextRule({
    id: 'heroku-api-key',
    title: 'Heroku API key',
    provider: 'Heroku',
    format: 'A UUID next to a Heroku name',
    remediation: revoke('Heroku Account settings > API key (regenerate) or `heroku authorizations:revoke`'),
    reference: 'https://devcenter.heroku.com/articles/authentication',
    keywords: ['heroku'],
    minEntropy: 3,
  }, { value: UUID, edge: WORD_DASH, near: providerSecret('heroku') }),
  rule({
    id: 'heroku-api-token',
    title: 'Heroku API token (HRKU- format)',
    provider: 'Heroku',
    format: '`HRKU-` + base64url characters',
    remediation: revoke('Heroku Account settings > Applications > Authorizations'),
    reference: 'https://devcenter.heroku.com/articles/authentication',
    pattern: token('HRKU-[A-Za-z0-9_\\-]{40,80}', WORD_DASH),
    keywords: ['hrku-'],
    minEntropy: 4,
  }),
  contextRule({
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    provider: 'Cloudflare',
    format: '40 base64url characters next to a Cloudflare name',
    remediation: revoke('Cloudflare dashboard > My Profile > API Tokens (roll the token)'),
    reference: 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
    keywords: ['cloudflare', 'cf_api', 'cf_token', 'cf-api'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9_\\-]{40}', edge: WORD_DASH, near: /cloudflare|cf_api|cf_token|cf-api|cf_dns/, check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) }),
  contextRule({
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    provider: 'Cloudflare',
    format: '37 hex characters next to a Cloudflare name or `X-Auth-Key`',
    remediation: revoke('Cloudflare dashboard > My Profile > API Tokens > Global API Key (change it), and prefer scoped tokens'),
    reference: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
    keywords: ['cloudflare', 'cf_api', 'x-auth-key', 'cf-api'],
    minEntropy: 3.2,
  }, { value: '[a-f0-9]{37}', near: /cloudflare|cf_api|cf-api|x-auth-key/ }),
  rule({
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    provider: 'Cloudflare',
    format: '`v1.0-` + 24 hex + `-` + 146 hex characters',
    remediation: revoke('Cloudflare dashboard > My Profile > API Tokens > Origin CA Key'),
    reference: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
    pattern: token('v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}', WORD_DASH),
    keywords: ['v1.0-'],
    minEntropy: 3.5,
  }),
  contextRule({
    id: 'vercel-token',
    title: 'Vercel access token',
    provider: 'Vercel',
    format: '24 base62 characters next to a Vercel name',
    remediation: revoke('Vercel Account settings > Tokens'),
    reference: 'https://vercel.com/docs/rest-api#creating-an-access-token',
    keywords: ['vercel'],
    minEntropy: 3.8,
  }, { value: '[A-Za-z0-9]{24}', near: /vercel/, check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) }),
  rule({
    id: 'vercel-prefixed-token',
    title: 'Vercel token (prefixed format)',
    provider: 'Vercel',
    format: '`vcp_`, `vci_`, `vca_`, `vcr_` or `vck_` + base62 characters',
    remediation: revoke('Vercel Account settings > Tokens'),
    reference: 'https://vercel.com/docs/rest-api#creating-an-access-token',
    pattern: token('vc[pciark]_[A-Za-z0-9]{24,80}'),
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    minEntropy: 4,
    validate: (v) => mixedAll(v.slice(4)),
  }),
  rule({
    id: 'netlify-pat',
    title: 'Netlify personal access token',
    provider: 'Netlify',
    format: '`nfp_` + 36 base62 characters',
    remediation: revoke('Netlify User settings > Applications > Personal access tokens'),
    reference: 'https://docs.netlify.com/api/get-started/#authentication',
    pattern: token('nfp_[A-Za-z0-9]{36}'),
    keywords: ['nfp_'],
    minEntropy: 4,
  }),
  contextRule({
    id: 'netlify-access-token',
    title: 'Netlify access token (legacy format)',
    provider: 'Netlify',
    format: '43 base64url characters next to a Netlify name',
    remediation: revoke('Netlify User settings > Applications > Personal access tokens'),
    reference: 'https://docs.netlify.com/api/get-started/#authentication',
    keywords: ['netlify'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9_\\-]{43}', edge: WORD_DASH, near: /netlify/, check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) }),
  rule({
    id: 'supabase-pat',
    title: 'Supabase personal access token',
    provider: 'Supabase',
    format: '`sbp_` + 40 hex characters',
    remediation: revoke('Supabase dashboard > Account > Access tokens'),
    reference: 'https://supabase.com/docs/reference/api/introduction',
    pattern: token('sbp_[a-f0-9]{40}'),
    keywords: ['sbp_'],
    minEntropy: 3.2,
  }),
  rule({
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    provider: 'Supabase',
    format: '`sb_secret_` + base64url characters',
    remediation: revoke('Supabase dashboard > Project settings > API keys'),
    reference: 'https://supabase.com/docs/guides/api/api-keys',
    pattern: token('sb_secret_[A-Za-z0-9_\\-]{20,64}', WORD_DASH),
    keywords: ['sb_secret_'],
    minEntropy: 3.8,
  }),
  rule({
    id: 'fly-io-token',
    title: 'Fly.io access token',
    provider: 'Fly.io',
    format: '`fm1r_`, `fm1a_` or `fm2_` macaroon + base64 characters (often after `FlyV1 `)',
    remediation: revoke('the Fly.io dashboard > Tokens or `fly tokens revoke`'),
    reference: 'https://fly.io/docs/security/tokens/',
    pattern: token('fm(?:1[ar]|2)_[A-Za-z0-9+/_\\-]{60,1500}={0,2}', BASE64_EDGE),
    keywords: ['fm1r_', 'fm1a_', 'fm2_'],
    minEntropy: 4.5,
  }),
  rule({
    id: 'fly-io-oauth-token',
    title: 'Fly.io OAuth token',
    provider: 'Fly.io',
    format: '`fo1_` + 43 base64url characters',
    remediation: revoke('the Fly.io dashboard > Tokens or `fly tokens revoke`'),
    reference: 'https://fly.io/docs/security/tokens/',
    pattern: token('fo1_[A-Za-z0-9_\\-]{43}', WORD_DASH),
    keywords: ['fo1_'],
    minEntropy: 4,
  }),
  ...(['tkn', 'pw', 'oauth'] as const).map((kind) =>
    rule({
      id: `planetscale-${{ tkn: 'api-token', pw: 'password', oauth: 'oauth-token' }[kind]}`,
      title: `PlanetScale ${{ tkn: 'service token', pw: 'database password', oauth: 'OAuth token' }[kind]}`,
      provider: 'PlanetScale',
      format: `\`pscale_${kind}_\` + 32-64 base64url characters`,
      remediation: revoke('the PlanetScale dashboard (delete the password or service token)'),
      reference: 'https://planetscale.com/docs/concepts/service-tokens',
      pattern: token(`pscale_${kind}_[A-Za-z0-9_\\-.]{32,64}`, WORD_DASH + '.'),
      keywords: [`pscale_${kind}_`],
      minEntropy: 4,
    }),
  ),
  rule({
    id: 'render-api-key',
    title: 'Render API key',
    provider: 'Render',
    format: '`rnd_` + 32 base62 characters',
    remediation: revoke('Render Account settings > API keys'),
    reference: 'https://render.com/docs/api#1-create-an-api-key',
    pattern: token('rnd_[A-Za-z0-9]{32}'),
    keywords: ['rnd_'],
    minEntropy: 4,
    validate: (v) => mixedAll(v.slice(4)),
  }),
  contextRule({
    id: 'railway-api-token',
    title: 'Railway API token',
    provider: 'Railway',
    format: 'A UUID next to a Railway name',
    remediation: revoke('Railway Account settings > Tokens'),
    reference: 'https://docs.railway.com/guides/public-api#creating-a-token',
    keywords: ['railway'],
    minEntropy: 3,
  }, { value: UUID, edge: WORD_DASH, near: providerSecret('railway') }),
  rule({
    id: 'neon-api-key',
    title: 'Neon API key',
    provider: 'Neon',
    format: '`napi_` + 64 lower-case base36 characters',
    remediation: revoke('Neon Console > Account settings > API keys'),
    reference: 'https://neon.com/docs/manage/api-keys',
    pattern: token('napi_[a-z0-9]{64}'),
    keywords: ['napi_'],
    minEntropy: 4,
  }),
  contextRule({
    id: 'upstash-token',
    title: 'Upstash Redis REST / QStash token',
    provider: 'Upstash',
    format: 'A base64 token next to an Upstash or QStash name',
    remediation: revoke('the Upstash console (reset the token)'),
    reference: 'https://upstash.com/docs/redis/features/restapi',
    keywords: ['upstash', 'qstash'],
    minEntropy: 4.2,
  }, { value: '[A-Za-z0-9_\\-]{40,120}={0,2}', edge: BASE64_EDGE, near: /upstash|qstash/, check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) }),
  contextRule({
    id: 'linode-api-token',
    title: 'Linode (Akamai) API token',
    provider: 'Linode',
    format: '64 hex characters next to a Linode name',
    remediation: revoke('Linode Cloud Manager > API Tokens'),
    reference: 'https://techdocs.akamai.com/linode-api/reference/get-started',
    keywords: ['linode'],
    minEntropy: 3.3,
  }, { value: '[a-f0-9]{64}', near: /linode/ }),
  contextRule({
    id: 'vultr-api-key',
    title: 'Vultr API key',
    provider: 'Vultr',
    format: '36 upper-case base36 characters next to a Vultr name',
    remediation: revoke('Vultr customer portal > Account > API'),
    reference: 'https://www.vultr.com/api/#section/Authentication',
    keywords: ['vultr'],
    minEntropy: 3.8,
  }, { value: '[A-Z0-9]{36}', near: /vultr/, check: (v) => /[0-9]/.test(v) && /[A-Z]/.test(v) }),
  rule({
    id: 'openshift-user-token',
    title: 'OpenShift OAuth access token',
    provider: 'Red Hat OpenShift',
    format: '`sha256~` + 43 base64url characters',
    remediation: revoke('OpenShift (`oc delete oauthaccesstoken <name>` or the web console > User > API tokens)'),
    reference: 'https://docs.openshift.com/container-platform/4.16/authentication/managing-oauth-access-tokens.html',
    pattern: token('sha256~[A-Za-z0-9_\\-]{43}', WORD_DASH),
    keywords: ['sha256~'],
    minEntropy: 4,
    validate: (v) => mixedAll(v.slice(7)),
  }),
  rule({
    id: 'docker-swarm-join-token',
    title: 'Docker Swarm join token',
    provider: 'Docker',
    format: '`SWMTKN-1-` (or FIPS `SWMTKN-2-1-`) + 50 base36 characters (root CA digest) + `-` + 25 base36 characters (secret), lower case',
    remediation: 'Rotate it with `docker swarm join-token --rotate worker` (or `manager`), then pass join tokens to new nodes through a secret store, not the repository.',
    reference: 'https://docs.docker.com/reference/cli/docker/swarm/join-token/',
    pattern: token('SWMTKN-(?:1|2-[01])-[a-z0-9]{50}-[a-z0-9]{25}', WORD_DASH),
    keywords: ['swmtkn-'],
    minEntropy: 3.5,
    validate: isSwarmJoinToken,
  }),
  rule({
    id: 'docker-swarm-unlock-key',
    title: 'Docker Swarm unlock key',
    provider: 'Docker',
    format: '`SWMKEY-1-` + 43 base64 characters (a 32-byte key, unpadded)',
    remediation: 'Rotate it with `docker swarm unlock-key --rotate` and keep the new key in a password manager or secret store, not the repository.',
    reference: 'https://docs.docker.com/engine/swarm/swarm_manager_locking/',
    pattern: token('SWMKEY-1-[A-Za-z0-9+/]{43}', BASE64_EDGE),
    keywords: ['swmkey-1-'],
    minEntropy: 4,
    validate: isSwarmUnlockKey,
  }),
  rule({
    id: 'defined-networking-api-key',
    title: 'Defined Networking API key',
    provider: 'Defined Networking',
    format: '`dnkey-` + 26 base32 characters + `-` + 52 base32 characters',
    remediation: revoke('the Defined Networking admin panel > API keys'),
    reference: 'https://docs.defined.net/guides/automating-host-creation/',
    pattern: token('dnkey-[A-Za-z0-9]{26}-[A-Za-z0-9]{52}', WORD_DASH),
    keywords: ['dnkey-'],
    minEntropy: 3.5,
  }),
  rule({
    id: 'clickhouse-cloud-api-secret',
    title: 'ClickHouse Cloud API key secret',
    provider: 'ClickHouse',
    format: '`4b1d` + 38 base62 characters',
    remediation: revoke('ClickHouse Cloud console > Organization > API keys'),
    reference: 'https://clickhouse.com/docs/cloud/manage/openapi',
    pattern: token('4b1d[A-Za-z0-9]{38}'),
    keywords: ['4b1d'],
    minEntropy: 4,
    validate: (v) => mixedAll(v.slice(4)),
  }),
  contextRule({
    id: 'hetzner-api-token',
    title: 'Hetzner Cloud API token',
    provider: 'Hetzner',
    format: '64 base62 characters next to a Hetzner/hcloud name',
    remediation: revoke('Hetzner Cloud Console > Security > API tokens'),
    reference: 'https://docs.hetzner.cloud/#authentication',
    keywords: ['hetzner', 'hcloud'],
    minEntropy: 4.5,
  }, { value: '[A-Za-z0-9]{64}', near: /hetzner|hcloud/ }),
  rule({
    id: 'scaleway-access-key',
    title: 'Scaleway access key ID',
    provider: 'Scaleway',
    severity: 'warning',
    format: '`SCW` + 17 upper-case base36 characters',
    remediation: revoke('the Scaleway console > IAM > API keys'),
    reference: 'https://www.scaleway.com/en/docs/iam/concepts/#api-key',
    pattern: token('SCW[A-Z0-9]{17}'),
    keywords: ['scw'],
    minEntropy: 3.2,
    validate: (v) => /[0-9]/.test(v.slice(3)) && /[A-Z]/.test(v.slice(3)),
  }),
  contextRule({
    id: 'scaleway-secret-key',
    title: 'Scaleway secret key',
    provider: 'Scaleway',
    format: 'A UUID next to a Scaleway secret name',
    remediation: revoke('the Scaleway console > IAM > API keys'),
    reference: 'https://www.scaleway.com/en/docs/iam/concepts/#api-key',
    keywords: ['scaleway', 'scw'],
    minEntropy: 3,
  }, { value: UUID, edge: WORD_DASH, near: providerSecret('scaleway|scw') }),
  rule({
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    provider: 'Alibaba Cloud',
    severity: 'warning',
    format: '`LTAI` + 12-20 base62 characters',
    remediation: revoke('the Alibaba Cloud RAM console > AccessKey management'),
    reference: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    pattern: token('LTAI[A-Za-z0-9]{12,20}'),
    keywords: ['ltai'],
    minEntropy: 3.3,
    validate: (v) => mixedAll(v.slice(4)),
  }),
  contextRule({
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    provider: 'Alibaba Cloud',
    format: '30 base62 characters next to an Alibaba/Aliyun secret name',
    remediation: revoke('the Alibaba Cloud RAM console > AccessKey management'),
    reference: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    keywords: ['alibaba', 'aliyun', 'alicloud', 'accesskeysecret', 'access_key_secret'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9]{30}', near: /alibaba|aliyun|alicloud|access_?key_?secret/, check: mixedAll }),
  rule({
    id: 'tencent-secret-id',
    title: 'Tencent Cloud SecretId',
    provider: 'Tencent Cloud',
    severity: 'warning',
    format: '`AKID` + 32 base62 characters',
    remediation: revoke('the Tencent Cloud CAM console > API keys'),
    reference: 'https://www.tencentcloud.com/document/product/598/32675',
    pattern: token('AKID[A-Za-z0-9]{32}'),
    keywords: ['akid'],
    minEntropy: 4,
    validate: (v) => mixedAll(v.slice(4)),
  }),
  contextRule({
    id: 'tencent-secret-key',
    title: 'Tencent Cloud SecretKey',
    provider: 'Tencent Cloud',
    format: '32 base62 characters next to a Tencent Cloud secret name',
    remediation: revoke('the Tencent Cloud CAM console > API keys'),
    reference: 'https://www.tencentcloud.com/document/product/598/32675',
    keywords: ['tencent', 'qcloud', 'tccli'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9]{32}', near: /tencent|qcloud|tccli/, check: mixedAll }),
  contextRule({
    id: 'huawei-cloud-secret-key',
    title: 'Huawei Cloud secret access key',
    provider: 'Huawei Cloud',
    format: '40 base62 characters next to a Huawei Cloud name',
    remediation: revoke('the Huawei Cloud console > My credentials > Access keys'),
    reference: 'https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html',
    keywords: ['huawei', 'hwcloud', 'huaweicloud'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9]{40}', near: /huawei|hwcloud/, check: mixedAll }),
  contextRule({
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key',
    provider: 'IBM Cloud',
    format: '44 base64url characters next to an IBM Cloud name',
    remediation: revoke('IBM Cloud > Manage > Access (IAM) > API keys'),
    reference: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
    keywords: ['ibm', 'bluemix'],
    minEntropy: 4,
  }, { value: '[A-Za-z0-9_\\-]{44}', edge: WORD_DASH, near: /ibm|bluemix/, check: mixedAll }),
  rule({
    id: 'yandex-cloud-api-key',
    title: 'Yandex Cloud API key',
    provider: 'Yandex Cloud',
    format: '`AQVN` + 35-38 base64url characters',
    remediation: revoke('the Yandex Cloud console > Service accounts > API keys'),
    reference: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
    pattern: token('AQVN[A-Za-z0-9_\\-]{35,38}', WORD_DASH),
    keywords: ['aqvn'],
    minEntropy: 4,
  }),
  rule({
    id: 'yandex-cloud-iam-token',
    title: 'Yandex Cloud IAM token',
    provider: 'Yandex Cloud',
    severity: 'warning',
    format: '`t1.` + base64url payload + `.` + 86 base64url characters',
    remediation: 'Remove it; IAM tokens expire within 12 hours. Obtain them at runtime from the metadata service or CLI.',
    reference: 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token',
    pattern: token('t1\\.[A-Za-z0-9_\\-]{20,400}={0,2}\\.[A-Za-z0-9_\\-]{86}={0,2}', WORD_DASH + '.='),
    keywords: ['t1.'],
    minEntropy: 4,
  }),
  contextRule({
    id: 'yandex-cloud-static-key-secret',
    title: 'Yandex Cloud static access key secret',
    provider: 'Yandex Cloud',
    format: '`YC` + 38 base64url characters next to a Yandex Cloud name',
    remediation: revoke('the Yandex Cloud console > Service accounts > Static access keys'),
    reference: 'https://yandex.cloud/en/docs/iam/concepts/authorization/access-key',
    keywords: ['yandex', 'ycloud', 'yc'],
    minEntropy: 4,
  }, { value: 'YC[A-Za-z0-9_\\-]{38}', edge: WORD_DASH, near: /yandex|yc_|ycloud|secret/ }),
];

/** Upper-case, lower-case and digits all present: random base62 has all three, words rarely do. */
function mixedAll(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value);
}

/**
 * Base64 (already matched by the rule's pattern) decoded one byte per character: both Bedrock layouts
 * are ASCII, so non-ASCII bytes simply fail the checks, and this is cheaper than a UTF-8 decode.
 */
function decodeAscii(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}

/**
 * The body of a long-term Bedrock API key (after `ABSK`): base64 of `<alias>:<secret>`, where the alias is the IAM
 * user name followed by `-at-` and the 12-digit account id (the `jane-at-123456789012` form IAM gives
 * service-specific credentials) and the secret is itself base64. AWS's documentation names the two parts
 * (IAM's ServiceCredentialAlias and ServiceCredentialSecret) but does not spell out this encoding: it is
 * the layout of the keys the console and CreateServiceSpecificCredential hand out.
 */
function isBedrockServiceCredential(body: string): boolean {
  const secret = /^[\w+=,.@-]{1,64}-at-\d{12}:([A-Za-z0-9+/]{40,120}={0,2})$/.exec(decodeAscii(body))?.[1];
  // A whole (padded) base64 secret: a value cut short decodes to a secret of the wrong length.
  return secret !== undefined && secret.length % 4 === 0;
}

/**
 * The body of a short-term Bedrock API key: base64 of the SigV4-presigned URL (scheme removed) that
 * AWS's token generators sign for `Action=CallWithBearerToken`, with its 64-hex signature. A cut-off
 * value (no signature) is not reported.
 */
function isBedrockPresignedUrl(body: string): boolean {
  const decoded = decodeAscii(body);
  return (
    /^bedrock[a-z0-9.-]{0,60}\.amazonaws\.com(?:\.cn)?\/\?/.test(decoded) &&
    decoded.includes('Action=CallWithBearerToken') &&
    /[?&]X-Amz-Signature=[0-9a-f]{64}(?:&|$)/.test(decoded)
  );
}

/**
 * 2^256 and 2^128: a join token's digest is the root CA's SHA-256 and its secret 16 random bytes, each
 * written in base36 and zero-padded to 50 and 25 characters (SwarmKit's `GenerateJoinToken`).
 */
const SWARM_DIGEST_LIMIT = 1n << 256n;
const SWARM_SECRET_LIMIT = 1n << 128n;

function base36(text: string): bigint {
  let n = 0n;
  for (const char of text) n = n * 36n + BigInt(parseInt(char, 36));
  return n;
}

/** The two base36 numbers of a join token fit their sizes (a SHA-256 digest, a 128-bit secret). */
function isSwarmJoinToken(value: string): boolean {
  const parts = value.split('-');
  const digest = parts[parts.length - 2];
  const secret = parts[parts.length - 1];
  return base36(digest) < SWARM_DIGEST_LIMIT && base36(secret) < SWARM_SECRET_LIMIT;
}

/**
 * An unlock key is 32 bytes in unpadded base64: 43 characters, whose last one carries 4 bits and two
 * zero bits, so it is one of the 16 characters whose base64 index is a multiple of 4.
 */
function isSwarmUnlockKey(value: string): boolean {
  return 'AEIMQUYcgkosw048'.includes(value[value.length - 1]);
}
