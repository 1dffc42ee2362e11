import { detectProviders } from '../../src/engine/providers';
import { computeLineStarts } from '../../src/engine/lines';
import { languageOf } from '../../src/engine/language';
import { providerRules } from '../../src/engine/rules/providers';
import { mulberry32, seedFromText } from './random';

/**
 * Fake but realistic keys for every provider rule, made at test time from a seeded PRNG, so the
 * repository never holds a live-format token. Prefixes are assembled from pieces (`'gh' + 'p_'`)
 * so that this file itself does not match any rule.
 *
 * `fakeValue` returns the text you would paste into a file: for most rules that is the secret
 * itself; for URL/connection-string rules it is the whole URL (the finding is its password), for
 * private keys the whole block, and for a GCP service account the whole JSON key file.
 */

type Rng = () => number;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const B62 = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';
const B64U = B62 + '_-';
const B64 = B62 + '+/';
const B32_UPPER = UPPER + '234567';
const B32_LOWER = LOWER + '234567';
const LOWER36 = LOWER + DIGITS;
const UPPER36 = UPPER + DIGITS;
const LETTERS = UPPER + LOWER;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

type Gen = (r: Rng) => string;

/** `n` random characters of `alphabet`. */
const s = (alphabet: string, n: number): Gen => (r) => {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
};

/** Concatenation of literal pieces and generators. */
const cat = (...parts: Array<string | Gen>): Gen => (r) => parts.map((p) => (typeof p === 'string' ? p : p(r))).join('');

const uuid: Gen = cat(s(HEX, 8), '-', s(HEX, 4), '-4', s(HEX, 3), '-a', s(HEX, 3), '-', s(HEX, 12));
const digitsNoLead = (n: number): Gen => cat(s('123456789', 1), s(DIGITS, n - 1));
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string): string => b64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** `n` random bytes from the PRNG. */
const bytes = (r: Rng, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
/** `n` random bytes as an unsigned number written in base36, zero-padded to `width` (Docker Swarm join tokens). */
const base36Bytes = (n: number, width: number): Gen => (r) => BigInt(`0x${bytes(r, n).toString('hex')}`).toString(36).padStart(width, '0');
/** A password that looks like a generated one (always letters and digits). */
const password: Gen = cat(s(UPPER, 2), s(B62, 14), s(DIGITS, 2));

/** CRC32 (IEEE), used by GitHub and npm for the checksum suffix of their tokens. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62_DIGITS = DIGITS + UPPER + LOWER;

/** 30 random base62 characters + their CRC32 in 6 base62 digits (GitHub / npm token layout). */
const checksummed: Gen = (r) => {
  const random = s(B62, 30)(r);
  let n = crc32(random);
  let suffix = '';
  for (let i = 0; i < 6; i++) {
    suffix = BASE62_DIGITS[n % 62] + suffix;
    n = Math.floor(n / 62);
  }
  return random + suffix;
};

/** Base64 lines of a PEM-style body. */
function pemBody(r: Rng, lead: string, chars: number, width = 64): string {
  const body = lead + s(B64, chars - lead.length)(r);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += width) lines.push(body.slice(i, i + width));
  return lines.join('\n');
}

const KEY = ' KEY';
const PRIV = 'PRIVATE';
const BEGIN = '-----BEGIN ';
const END = '-----END ';

function pem(label: string, lead: string, chars: number): Gen {
  return (r) => `${BEGIN}${label}-----\n${pemBody(r, lead, chars)}\n${END}${label}-----`;
}

const rsaPem = pem(`RSA ${PRIV}${KEY}`, 'MIIEpAIBAAKCAQEA', 1588);
const pkcs8Pem = pem(`${PRIV}${KEY}`, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620);

/**
 * The SigV4-presigned URL (scheme removed, `&Version=1` appended) that a short-term Amazon Bedrock API
 * key encodes, signed with temporary credentials as AWS's token generators do.
 */
const bedrockPresignedUrl: Gen = (r) => {
  const credential = `${'AS'}${'IA'}${s(B32_UPPER, 16)(r)}%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request`;
  const session = encodeURIComponent(`IQoJb3JpZ2luX2Vj${s(B64, 600)(r)}`);
  return `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}` +
    `&X-Amz-Date=20260101T000000Z&X-Amz-Expires=43200&X-Amz-Security-Token=${session}&X-Amz-SignedHeaders=host` +
    `&X-Amz-Signature=${s(HEX, 64)(r)}&Version=1`;
};

const jwt: Gen = (r) => {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: `user-${s(DIGITS, 6)(r)}`, iss: 'https://auth.acme-corp.io', iat: 1767225600, exp: 1893456000 }));
  return `${header}.${payload}.${s(B64U, 43)(r)}`;
};

/** How a rule's sample line is laid out when it is not the default `const token = "…";`. */
interface Layout {
  /** Name the value is assigned to in a `.env` line (context rules need the provider's name). */
  name?: string;
  /** A whole sample file around the value; `%v` marks the value. */
  file?: string;
  fileName?: string;
  /** Given the pasted value, the exact secret inside it (defaults to the whole value). */
  secretOf?: (value: string) => string;
}

interface Spec {
  gen: Gen;
  layout?: Layout;
}

const ctx = (name: string, gen: Gen): Spec => ({ gen, layout: { name } });
const afterLast = (marker: string, until?: string) => (value: string): string => {
  const from = value.lastIndexOf(marker) + marker.length;
  const rest = value.slice(from);
  return until === undefined ? rest : rest.slice(0, rest.indexOf(until));
};
/** The password in `scheme://user:password@host`. */
const urlPassword = (value: string): string => {
  const auth = value.slice(value.indexOf('://') + 3, value.lastIndexOf('@'));
  return auth.slice(auth.indexOf(':') + 1);
};
const url = (value: Gen, fileName = '.env', name = 'DATABASE_URL'): Spec => ({
  gen: value,
  layout: { file: `${name}=%v\n`, fileName, secretOf: urlPassword },
});

const SPECS: Record<string, Spec> = {
  // Source hosting
  'github-pat': { gen: cat('gh', 'p_', checksummed) },
  'github-oauth-token': { gen: cat('gh', 'o_', checksummed) },
  'github-user-to-server-token': { gen: cat('gh', 'u_', checksummed) },
  'github-server-to-server-token': { gen: cat('gh', 's_', checksummed) },
  'github-refresh-token': { gen: cat('gh', 'r_', checksummed) },
  'github-fine-grained-pat': { gen: cat('github', '_pat_', s(B62, 22), '_', s(B62, 59)) },
  'gitlab-pat': { gen: cat('gl', 'pat-', s(B64U, 20)) },
  'gitlab-deploy-token': { gen: cat('gl', 'dt-', s(B64U, 20)) },
  'gitlab-runner-token': { gen: cat('gl', 'rt-', s(B64U, 20)) },
  'gitlab-runner-registration-token': { gen: cat('GR13', '48941', s(B64U, 20)) },
  'gitlab-pipeline-trigger-token': { gen: cat('gl', 'ptt-', s(HEX, 40)) },
  'gitlab-cicd-job-token': { gen: cat('gl', 'cbt-', s(B64U, 24)) },
  'gitlab-incoming-mail-token': { gen: cat('gl', 'imt-', s(B64U, 25)) },
  'gitlab-oauth-app-secret': { gen: cat('gl', 'oas-', s(HEX, 64)) },
  'gitlab-scim-token': { gen: cat('gl', 'soat-', s(B64U, 20)) },
  'gitlab-feed-token': { gen: cat('gl', 'ft-', s(B64U, 20)) },
  'gitlab-agent-token': { gen: cat('gl', 'agent-', s(B64U, 50)) },
  'gitlab-feature-flags-client-token': { gen: cat('gl', 'ffct-', s(B64U, 20)) },
  'atlassian-api-token': { gen: cat('ATA', 'TT3xFfGF0', s(B64U, 170), '=', s(HEX_UPPER, 8)) },
  'atlassian-access-token': { gen: cat('ATC', 'TT3xFfGN0', s(B64U, 170), '=', s(HEX_UPPER, 8)) },
  'bitbucket-app-password': { gen: cat('AT', 'BB', s(B62, 32), s(HEX_UPPER, 8)) },
  'atlassian-legacy-api-token': ctx('JIRA_API_TOKEN', s(B62, 24)),
  'bitbucket-client-secret': ctx('BITBUCKET_CLIENT_SECRET', s(B62, 32)),
  // Cloud
  'aws-access-key-id': { gen: cat('AK', 'IA', s(B32_UPPER, 16)) },
  'aws-temporary-access-key-id': { gen: cat('AS', 'IA', s(B32_UPPER, 16)) },
  'aws-session-token': ctx('AWS_SESSION_TOKEN', cat('IQoJb3JpZ2luX2Vj', s(B64, 300))),
  'aws-mws-auth-token': { gen: cat('amzn', '.mws.', uuid) },
  'aws-bedrock-long-term-api-key': {
    gen: (r) => `AB${'SK'}${b64(`BedrockAPIKey-${s(LOWER36, 4)(r)}-at-${digitsNoLead(12)(r)}:${bytes(r, 44).toString('base64')}`)}`,
    layout: { name: 'AWS_BEARER_TOKEN_BEDROCK' },
  },
  'aws-bedrock-short-term-api-key': { gen: (r) => `bedrock-api${'-key-'}${b64(bedrockPresignedUrl(r))}`, layout: { name: 'AWS_BEARER_TOKEN_BEDROCK' } },
  'gcp-api-key': { gen: cat('AI', 'za', s(B64U, 35)) },
  'gcp-oauth-client-secret': { gen: cat('GOC', 'SPX-', s(B64U, 28)) },
  'google-oauth-access-token': { gen: cat('ya', '29.', s(B64U, 150)) },
  'google-oauth-refresh-token': { gen: cat('1/', '/0', s(B64U, 100)) },
  'firebase-cloud-messaging-server-key': { gen: cat('AAAA', s(B64U, 7), ':APA', '91b', s(B64U, 134)) },
  'azure-storage-connection-string': {
    gen: cat('DefaultEndpointsProtocol=https;AccountName=', s(LOWER36, 12), ';Account', 'Key=', s(B64, 86), '==;EndpointSuffix=core.windows.net'),
    layout: { name: 'AZURE_STORAGE_CONNECTION_STRING', secretOf: afterLast('Key=', ';') },
  },
  'azure-storage-account-key': ctx('AZURE_STORAGE_KEY', cat(s(B64, 86), '==')),
  'azure-shared-access-key': {
    gen: cat('Endpoint=sb://', s(LOWER36, 10), '.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccess', 'Key=', s(B64, 43), '='),
    layout: { name: 'SERVICEBUS_CONNECTION', secretOf: afterLast('SharedAccessKey=') },
  },
  'azure-sas-token': {
    gen: (r) => `https://${s(LOWER36, 10)(r)}.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&s${'ig='}${encodeURIComponent(s(B64, 43)(r) + '=')}`,
    layout: { name: 'BACKUP_URL', secretOf: afterLast('sig=') },
  },
  'azure-ad-client-secret': { gen: cat(s(B62, 3), s(DIGITS, 1), 'Q', '~', s(B62 + '_~.-', 34)) },
  'azure-devops-pat': ctx('AZURE_DEVOPS_PAT', s(B32_LOWER, 52)),
  'azure-ai-services-key': ctx('AZURE_OPENAI_API_KEY', s(HEX, 32)),
  'digitalocean-pat': { gen: cat('do', 'p_v1_', s(HEX, 64)) },
  'digitalocean-oauth-token': { gen: cat('do', 'o_v1_', s(HEX, 64)) },
  'digitalocean-refresh-token': { gen: cat('do', 'r_v1_', s(HEX, 64)) },
  'heroku-api-key': ctx('HEROKU_API_KEY', uuid),
  'heroku-api-token': { gen: cat('HR', 'KU-', s(B64U, 60)) },
  'cloudflare-api-token': ctx('CLOUDFLARE_API_TOKEN', s(B64U, 40)),
  'cloudflare-global-api-key': ctx('CLOUDFLARE_API_KEY', s(HEX, 37)),
  'cloudflare-origin-ca-key': { gen: cat('v1', '.0-', s(HEX, 24), '-', s(HEX, 146)) },
  'vercel-token': ctx('VERCEL_TOKEN', s(B62, 24)),
  'vercel-prefixed-token': { gen: cat('vc', 'p_', s(B62, 40)) },
  'netlify-pat': { gen: cat('nf', 'p_', s(B62, 36)) },
  'netlify-access-token': ctx('NETLIFY_AUTH_TOKEN', s(B64U, 43)),
  'supabase-pat': { gen: cat('sb', 'p_', s(HEX, 40)) },
  'supabase-secret-key': { gen: cat('sb_', 'secret_', s(B64U, 31)) },
  'fly-io-token': { gen: cat('fm', '2_', s(B64, 300)) },
  'fly-io-oauth-token': { gen: cat('fo', '1_', s(B64U, 43)) },
  'planetscale-api-token': { gen: cat('pscale', '_tkn_', s(B64U, 43)) },
  'planetscale-password': { gen: cat('pscale', '_pw_', s(B64U, 43)) },
  'planetscale-oauth-token': { gen: cat('pscale', '_oauth_', s(B64U, 43)) },
  'render-api-key': { gen: cat('rn', 'd_', s(B62, 32)) },
  'openshift-user-token': { gen: cat('sha', '256~', s(B64U, 43)) },
  'docker-swarm-join-token': { gen: cat('SWM', 'TKN-1-', base36Bytes(32, 50), '-', base36Bytes(16, 25)) },
  'docker-swarm-unlock-key': { gen: (r) => `SWM${'KEY-1-'}${bytes(r, 32).toString('base64').replace(/=+$/, '')}` },
  'defined-networking-api-key': { gen: cat('dn', 'key-', s(UPPER36, 26), '-', s(UPPER36, 52)) },
  'clickhouse-cloud-api-secret': { gen: cat('4b', '1d', s(B62, 38)) },
  'railway-api-token': ctx('RAILWAY_TOKEN', uuid),
  'neon-api-key': { gen: cat('na', 'pi_', s(LOWER36, 64)) },
  'upstash-token': ctx('UPSTASH_REDIS_REST_TOKEN', s(B62, 60)),
  'linode-api-token': ctx('LINODE_TOKEN', s(HEX, 64)),
  'vultr-api-key': ctx('VULTR_API_KEY', s(UPPER36, 36)),
  'hetzner-api-token': ctx('HCLOUD_TOKEN', s(B62, 64)),
  'scaleway-access-key': { gen: cat('SC', 'W', s(UPPER36, 17)) },
  'scaleway-secret-key': ctx('SCW_SECRET_KEY', uuid),
  'alibaba-access-key-id': { gen: cat('LT', 'AI', s(B62, 20)) },
  'alibaba-access-key-secret': ctx('ALIBABA_CLOUD_ACCESS_KEY_SECRET', s(B62, 30)),
  'tencent-secret-id': { gen: cat('AK', 'ID', s(B62, 32)) },
  'tencent-secret-key': ctx('TENCENTCLOUD_SECRET_KEY', s(B62, 32)),
  'huawei-cloud-secret-key': ctx('HUAWEICLOUD_SDK_SK', s(B62, 40)),
  'ibm-cloud-api-key': ctx('IBMCLOUD_API_KEY', s(B64U, 44)),
  'yandex-cloud-api-key': { gen: cat('AQ', 'VN', s(B64U, 36)) },
  'yandex-cloud-iam-token': { gen: cat('t1', '.', s(B64U, 60), '.', s(B64U, 86)) },
  'yandex-cloud-static-key-secret': ctx('YC_SECRET_ACCESS_KEY', cat('YC', s(B64U, 38))),
  // AI
  'openai-project-key': { gen: cat('sk-', 'proj-', s(B64U, 74), 'T3Blbk', 'FJ', s(B64U, 74)) },
  'openai-service-account-key': { gen: cat('sk-', 'svcacct-', s(B64U, 74), 'T3Blbk', 'FJ', s(B64U, 74)) },
  'openai-admin-key': { gen: cat('sk-', 'admin-', s(B64U, 74), 'T3Blbk', 'FJ', s(B64U, 74)) },
  'openai-api-key': { gen: cat('sk', '-', s(B62, 20), 'T3Blbk', 'FJ', s(B62, 20)) },
  'anthropic-api-key': { gen: cat('sk-ant', '-api03-', s(B64U, 93), 'AA') },
  'anthropic-admin-key': { gen: cat('sk-ant', '-admin01-', s(B64U, 93), 'AA') },
  'huggingface-token': { gen: cat('h', 'f_', s(LETTERS, 34)) },
  'huggingface-org-token': { gen: cat('api', '_org_', s(LETTERS, 34)) },
  'zhipu-api-key': { gen: cat(s(HEX, 32), '.', s(B62, 16)), layout: { name: 'ZHIPUAI_API_KEY' } },
  'mistral-api-key': ctx('MISTRAL_API_KEY', s(B62, 32)),
  'cohere-api-key': ctx('COHERE_API_KEY', s(B62, 40)),
  'groq-api-key': { gen: cat('gs', 'k_', s(B62, 52)) },
  'deepseek-api-key': ctx('DEEPSEEK_API_KEY', cat('sk-', s(HEX, 32))),
  'xai-api-key': { gen: cat('xa', 'i-', s(B62, 80)) },
  'replicate-api-token': { gen: cat('r', '8_', s(B62, 37)) },
  'perplexity-api-key': { gen: cat('pp', 'lx-', s(B62, 48)) },
  'openrouter-api-key': { gen: cat('sk-or', '-v1-', s(HEX, 64)) },
  'pinecone-api-key': { gen: cat('pc', 'sk_', s(B62, 5), '_', s(B62, 63)) },
  'langsmith-api-key': { gen: cat('lsv2', '_pt_', s(HEX, 32), '_', s(HEX, 10)) },
  'wandb-api-key': ctx('WANDB_API_KEY', s(HEX, 40)),
  'elevenlabs-api-key': ctx('ELEVENLABS_API_KEY', cat('sk_', s(HEX, 48))),
  'deepgram-api-key': ctx('DEEPGRAM_API_KEY', s(HEX, 40)),
  'stability-api-key': ctx('STABILITY_API_KEY', cat('sk-', s(B62, 48))),
  'nvidia-api-key': { gen: cat('nva', 'pi-', s(B64U, 64)) },
  'tavily-api-key': { gen: cat('tv', 'ly-dev-', s(B62, 6), '-', s(B62, 42)) },
  'fireworks-api-key': { gen: cat('f', 'w_', s(BASE58, 24)) },
  'jina-api-key': { gen: cat('ji', 'na_', s(HEX, 32), s(B64U, 28)) },
  // Payments
  'stripe-secret-key': { gen: cat('sk', '_live_', s(B62, 99)) },
  'stripe-test-secret-key': { gen: cat('sk', '_test_', s(B62, 99)) },
  'stripe-restricted-key': { gen: cat('rk', '_live_', s(B62, 99)) },
  'stripe-test-restricted-key': { gen: cat('rk', '_test_', s(B62, 99)) },
  'stripe-webhook-secret': { gen: cat('wh', 'sec_', s(B62, 32)) },
  'paystack-secret-key': { gen: cat('sk', '_live_', s(HEX, 40)) },
  'paystack-test-secret-key': { gen: cat('sk', '_test_', s(HEX, 40)) },
  'clerk-secret-key': ctx('CLERK_SECRET_KEY', cat('sk', '_live_', s(B62, 42))),
  'square-access-token': { gen: cat('EA', 'AA', s(B64U, 60)) },
  'square-legacy-access-token': { gen: cat('sq0', 'atp-', s(B64U, 22)) },
  'square-oauth-secret': { gen: cat('sq0', 'csp-', s(B64U, 43)) },
  'paypal-braintree-access-token': { gen: cat('access_token$', 'production$', s(LOWER36, 16), '$', s(HEX, 32)) },
  'paypal-braintree-sandbox-token': { gen: cat('access_token$', 'sandbox$', s(LOWER36, 16), '$', s(HEX, 32)) },
  'braintree-private-key': ctx('BRAINTREE_PRIVATE_KEY', s(HEX, 32)),
  'adyen-api-key': ctx('ADYEN_API_KEY', cat('AQE', s(B64U, 150))),
  'razorpay-key-id': { gen: cat('rzp', '_live_', s(B62, 14)) },
  'razorpay-test-key-id': { gen: cat('rzp', '_test_', s(B62, 14)) },
  'razorpay-key-secret': ctx('RAZORPAY_KEY_SECRET', s(B62, 24)),
  'flutterwave-secret-key': { gen: cat('FLWSECK', '-', s(HEX, 32), '-X') },
  'flutterwave-test-secret-key': { gen: cat('FLWSECK', '_TEST-', s(HEX, 32), '-X') },
  'plaid-access-token': { gen: cat('access', '-production-', uuid) },
  'plaid-secret': ctx('PLAID_SECRET', s(HEX, 30)),
  'shippo-api-token': { gen: cat('shippo', '_live_', s(HEX, 40)) },
  'shippo-test-api-token': { gen: cat('shippo', '_test_', s(HEX, 40)) },
  'easypost-api-key': { gen: cat('EZ', 'AK', s(B62, 54)) },
  'easypost-test-api-key': { gen: cat('EZ', 'TK', s(B62, 54)) },
  'duffel-access-token': { gen: cat('duffel', '_live_', s(B64U, 43)) },
  'duffel-test-access-token': { gen: cat('duffel', '_test_', s(B64U, 43)) },
  'gocardless-access-token': ctx('GOCARDLESS_ACCESS_TOKEN', cat('live_', s(B64U, 40))),
  'mollie-api-key': ctx('MOLLIE_API_KEY', cat('live_', s(B62, 30))),
  // Messaging
  'slack-bot-token': { gen: cat('xo', 'xb-', digitsNoLead(12), '-', digitsNoLead(13), '-', s(B62, 24)) },
  'slack-user-token': { gen: cat('xo', 'xp-', digitsNoLead(12), '-', digitsNoLead(12), '-', digitsNoLead(13), '-', s(HEX, 32)) },
  'slack-app-token': { gen: cat('xa', 'pp-1-A', s(UPPER36, 10), '-', digitsNoLead(13), '-', s(HEX, 64)) },
  'slack-config-access-token': { gen: cat('xoxe', '.xoxp-1-', s(B62, 166)) },
  'slack-config-refresh-token': { gen: cat('xo', 'xe-1-', s(B62, 146)) },
  'slack-legacy-token': { gen: cat('xo', 'xs-', digitsNoLead(12), '-', s(B62, 48)) },
  'slack-webhook-url': { gen: cat('https://hooks.slack.com/', 'services/T', s(UPPER36, 10), '/B', s(UPPER36, 10), '/', s(B62, 24)) },
  'slack-workflow-webhook-url': { gen: cat('https://hooks.slack.com/', 'workflows/T', s(UPPER36, 10), '/A', s(UPPER36, 10), '/', digitsNoLead(18), '/', s(B62, 32)) },
  'discord-bot-token': { gen: (r) => `${b64(digitsNoLead(18)(r)).replace(/=+$/, '')}.${s(B64U, 6)(r)}.${s(B64U, 38)(r)}` },
  'discord-webhook-url': { gen: cat('https://discord.com/api/', 'webhooks/', digitsNoLead(19), '/', s(B64U, 68)) },
  'discord-client-secret': ctx('DISCORD_CLIENT_SECRET', s(B64U, 32)),
  'telegram-bot-token': { gen: cat(digitsNoLead(10), ':A', 'A', s(B64U, 33)) },
  'twilio-auth-token': ctx('TWILIO_AUTH_TOKEN', s(HEX, 32)),
  'twilio-api-key': { gen: cat('S', 'K', s(HEX, 32)) },
  'twilio-api-key-secret': ctx('TWILIO_API_SECRET', s(B62, 32)),
  'sendgrid-api-key': { gen: cat('S', 'G.', s(B64U, 22), '.', s(B64U, 43)) },
  'mailgun-api-key': ctx('MAILGUN_API_KEY', cat('key', '-', s(HEX, 32))),
  'mailchimp-api-key': { gen: (r) => `${s(HEX, 32)(r)}-us${1 + Math.floor(r() * 20)}` },
  'mandrill-api-key': ctx('MANDRILL_API_KEY', s(B64U, 22)),
  'brevo-api-key': { gen: cat('xkey', 'sib-', s(HEX, 64), '-', s(B62, 16)) },
  'brevo-smtp-key': { gen: cat('xsmtp', 'sib-', s(HEX, 64), '-', s(B62, 16)) },
  'resend-api-key': { gen: cat('r', 'e_', s(B62, 8), '_', s(B62, 24)) },
  'postmark-server-token': ctx('POSTMARK_SERVER_TOKEN', uuid),
  'sparkpost-api-key': ctx('SPARKPOST_API_KEY', s(HEX, 40)),
  'mailjet-api-secret': ctx('MAILJET_API_SECRET', s(HEX, 32)),
  'microsoft-teams-webhook-url': { gen: cat('https://acme.webhook.office.com/', 'webhookb2/', uuid, '@', uuid, '/IncomingWebhook/', s(HEX, 32), '/', uuid) },
  'twitter-bearer-token': { gen: cat('A'.repeat(21), s(B62, 30), '%2F', s(B62, 20), '%3D', s(B62, 40)) },
  'twitter-api-secret': ctx('TWITTER_API_SECRET', s(B62, 50)),
  'facebook-access-token': { gen: cat('EA', 'AB', s(B62, 180)) },
  'facebook-app-secret': ctx('FACEBOOK_APP_SECRET', s(HEX, 32)),
  'intercom-access-token': ctx('INTERCOM_ACCESS_TOKEN', cat('dG9r', 'O', s(B64, 55), '=')),
  'zendesk-api-token': ctx('ZENDESK_API_TOKEN', s(B62, 40)),
  // Packages
  'npm-access-token': { gen: cat('np', 'm_', checksummed) },
  'npmrc-auth-token': { gen: uuid, layout: { file: '//registry.npmjs.org/:_auth' + 'Token=%v\n', fileName: '.npmrc' } },
  'npmrc-basic-auth': { gen: (r) => b64(`deploy:${password(r)}`), layout: { file: 'registry=https://npm.acme-corp.io/\n_auth=%v\n', fileName: '.npmrc' } },
  'pypi-upload-token': { gen: cat('pypi', '-AgEIcHlwaS5vcmc', s(B64U, 150)) },
  'testpypi-upload-token': { gen: cat('pypi', '-AgENdGVzdC5weXBpLm9yZw', s(B64U, 150)) },
  'nuget-api-key': { gen: cat('oy', '2', s(LOWER36, 43)) },
  'rubygems-api-key': { gen: cat('ruby', 'gems_', s(HEX, 48)) },
  'crates-io-api-token': { gen: cat('ci', 'o', s(B62, 32)) },
  'dockerhub-pat': { gen: cat('dckr', '_pat_', s(B64U, 27)) },
  'dockerhub-org-access-token': { gen: cat('dckr', '_oat_', s(B64U, 32)) },
  'docker-config-auth': {
    gen: (r) => b64(`ci-bot:${password(r)}`),
    layout: { file: '{\n  "auths": {\n    "registry.acme-corp.io": {\n      "auth": "%v"\n    }\n  }\n}\n', fileName: '.docker/config.json' },
  },
  'clojars-deploy-token': { gen: cat('CLOJARS', '_', s(LOWER36, 60)) },
  'jfrog-api-key': { gen: cat('AK', 'Cp', s(B62, 69)) },
  'jfrog-reference-token': { gen: cat('cmVmdGtu', 'OjAxOj', s(B62, 64)) },
  'octopus-deploy-api-key': ctx('OCTOPUS_API_KEY', cat('API-', s(UPPER36, 26))),
  // SaaS
  'shopify-access-token': { gen: cat('shp', 'at_', s(HEX, 32)) },
  'shopify-shared-secret': { gen: cat('shp', 'ss_', s(HEX, 32)) },
  'shopify-custom-app-token': { gen: cat('shp', 'ca_', s(HEX, 32)) },
  'shopify-private-app-token': { gen: cat('shp', 'pa_', s(HEX, 32)) },
  'databricks-token': { gen: cat('da', 'pi', s(HEX, 32)) },
  'datadog-api-key': ctx('DD_API_KEY', s(HEX, 32)),
  'datadog-app-key': ctx('DD_APP_KEY', s(HEX, 40)),
  'new-relic-user-api-key': { gen: cat('NR', 'AK-', s(UPPER36, 27)) },
  'new-relic-admin-api-key': { gen: cat('NR', 'AA-', s(HEX, 27)) },
  'new-relic-insights-insert-key': { gen: cat('NR', 'II-', s(B64U, 32)) },
  'new-relic-insights-query-key': { gen: cat('NR', 'IQ-', s(B64U, 32)) },
  'new-relic-browser-key': { gen: cat('NR', 'JS-', s(HEX, 19)) },
  'new-relic-license-key': { gen: cat(s(HEX, 36), 'NR', 'AL') },
  'sentry-auth-token': {
    gen: (r) => `sntr${'ys_'}${b64(JSON.stringify({ iat: 1767225600.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: `acme-${s(LOWER36, 6)(r)}` })).replace(/=+$/, '')}_${s(B64, 43)(r)}`,
  },
  'sentry-user-token': { gen: cat('sntr', 'yu_', s(HEX, 64)) },
  'linear-api-key': { gen: cat('lin', '_api_', s(B62, 40)) },
  'notion-integration-token': { gen: cat('nt', 'n_', s(B62, 46)) },
  'notion-legacy-integration-token': { gen: cat('sec', 'ret_', s(B62, 43)) },
  'figma-pat': { gen: cat('fi', 'gd_', s(B64U, 40)) },
  'postman-api-key': { gen: cat('PM', 'AK-', s(HEX, 24), '-', s(HEX, 34)) },
  'doppler-personal-token': { gen: cat('dp', '.pt.', s(B62, 43)) },
  'doppler-service-token': { gen: cat('dp', '.st.', 'prd.', s(B62, 43)) },
  'doppler-cli-token': { gen: cat('dp', '.ct.', s(B62, 43)) },
  'doppler-service-account-token': { gen: cat('dp', '.sa.', s(B62, 43)) },
  'doppler-scim-token': { gen: cat('dp', '.scim.', s(B62, 43)) },
  'doppler-audit-token': { gen: cat('dp', '.audit.', s(B62, 43)) },
  'vault-service-token': { gen: cat('hv', 's.', s(B64U, 95)) },
  'vault-batch-token': { gen: cat('hv', 'b.', s(B64U, 150)) },
  'vault-recovery-token': { gen: cat('hv', 'r.', s(B64U, 95)) },
  'vault-legacy-token': ctx('VAULT_TOKEN', cat('s.', s(B62, 24))),
  'terraform-cloud-token': { gen: cat(s(B62, 14), '.atlas', 'v1.', s(B64U, 67)) },
  'sonarqube-token': { gen: cat('sq', 'u_', s(HEX, 40)) },
  'sonarqube-project-token': { gen: cat('sq', 'p_', s(HEX, 40)) },
  'sonarqube-global-token': { gen: cat('sq', 'a_', s(HEX, 40)) },
  'sonarcloud-token': ctx('SONAR_TOKEN', s(HEX, 40)),
  'grafana-cloud-token': { gen: cat('gl', 'c_', s(B64, 120)) },
  'grafana-service-account-token': { gen: cat('gl', 'sa_', s(B62, 32), '_', s(HEX, 8)) },
  'pulumi-access-token': { gen: cat('pu', 'l-', s(HEX, 40)) },
  'buildkite-api-token': { gen: cat('bk', 'ua_', s(HEX, 40)) },
  'circleci-personal-token': { gen: cat('CCI', 'PAT_', s(B62, 22), '_', s(HEX, 40)) },
  'circleci-project-token': { gen: cat('CCI', 'PRJ_', s(B62, 22), '_', s(HEX, 40)) },
  'circleci-legacy-token': ctx('CIRCLECI_TOKEN', s(HEX, 40)),
  'airtable-pat': { gen: cat('pa', 't', s(B62, 14), '.', s(HEX, 64)) },
  'airtable-legacy-api-key': ctx('AIRTABLE_API_KEY', cat('key', s(B62, 14))),
  'asana-pat': ctx('ASANA_ACCESS_TOKEN', cat('2/', digitsNoLead(16), '/', digitsNoLead(16), ':', s(HEX, 32))),
  'dropbox-access-token': { gen: cat('s', 'l.', s(B64U, 138)) },
  'mapbox-secret-token': { gen: (r) => `s${'k.'}${b64url(JSON.stringify({ u: `acme${s(LOWER36, 6)(r)}`, a: s(LOWER36, 25)(r) }))}.${s(B64U, 22)(r)}` },
  'algolia-admin-api-key': ctx('ALGOLIA_ADMIN_API_KEY', s(HEX, 32)),
  'okta-api-token': ctx('OKTA_API_TOKEN', cat('00', s(B64U, 40))),
  'auth0-client-secret': ctx('AUTH0_CLIENT_SECRET', s(B64U, 64)),
  'twitch-client-secret': ctx('TWITCH_CLIENT_SECRET', s(LOWER36, 30)),
  'launchdarkly-access-token': ctx('LAUNCHDARKLY_ACCESS_TOKEN', cat('api-', uuid)),
  'launchdarkly-sdk-key': ctx('LAUNCHDARKLY_SDK_KEY', cat('sdk-', uuid)),
  'contentful-pat': { gen: cat('CF', 'PAT-', s(B64U, 43)) },
  'contentful-delivery-token': ctx('CONTENTFUL_DELIVERY_TOKEN', s(B64U, 43)),
  'hubspot-private-app-token': { gen: cat('pat', '-na1-', uuid) },
  'hubspot-api-key': ctx('HUBSPOT_API_KEY', uuid),
  'segment-public-api-token': { gen: cat('sg', 'p_', s(B62, 64)) },
  'mixpanel-api-secret': ctx('MIXPANEL_API_SECRET', s(HEX, 32)),
  'amplitude-secret-key': ctx('AMPLITUDE_SECRET_KEY', s(HEX, 32)),
  'posthog-personal-api-key': { gen: cat('ph', 'x_', s(B62, 43)) },
  'snyk-api-token': ctx('SNYK_TOKEN', uuid),
  'fastly-api-token': ctx('FASTLY_API_TOKEN', s(B64U, 32)),
  'infracost-api-key': { gen: cat('ic', 'o-', s(B62, 32)) },
  'tailscale-key': { gen: cat('tskey', '-auth-k', s(B62, 10), 'CNTRL-', s(B62, 32)) },
  'ngrok-authtoken': ctx('NGROK_AUTHTOKEN', cat(s(B62, 27), '_', s(B62, 21))),
  'frameio-api-token': { gen: cat('fio', '-u-', s(B64U, 64)) },
  'dynatrace-api-token': { gen: cat('dt0', 'c01.', s(UPPER36, 24), '.', s(UPPER36, 64)) },
  'prefect-api-key': { gen: cat('pn', 'u_', s(B62, 36)) },
  'readme-api-key': { gen: cat('rd', 'me_', s(LOWER36, 70)) },
  'sourcegraph-access-token': { gen: cat('sg', 'p_', s(HEX, 16), '_', s(HEX, 40)) },
  'typeform-pat': { gen: cat('tf', 'p_', s(B62, 44), '_', s(B62, 14)) },
  'maxmind-license-key': { gen: cat(s(B62, 6), '_', s(B62, 29), '_m', 'mk') },
  'onepassword-secret-key': { gen: cat('A', '3-', s(UPPER36, 6), '-', s(UPPER36, 6), '-', s(UPPER36, 5), '-', s(UPPER36, 5), '-', s(UPPER36, 5), '-', s(UPPER36, 5)) },
  'adobe-client-secret': { gen: cat('p8', 'e-', s(B62, 32)) },
  'settlemint-token': { gen: cat('sm', '_pat_', s(B62, 16)) },
  'intra42-client-secret': { gen: cat('s-s4', 't2ud-', s(HEX, 64)) },
  'sidekiq-enterprise-credentials': ctx('BUNDLE_ENTERPRISE__CONTRIBSYS__COM', cat(s(HEX, 8), ':', s(HEX, 8))),
  'adafruit-io-key': { gen: cat('ai', 'o_', s(B62, 28)) },
  'harness-pat': { gen: cat('pa', 't.', s(B64U, 22), '.', s(HEX, 24), '.', s(B62, 20)) },
  'scalingo-api-token': { gen: cat('tk', '-us-', s(B64U, 48)) },
  'onepassword-service-account-token': { gen: cat('op', 's_', 'eyJ', s(B64, 300)) },
  'codecov-token': ctx('CODECOV_TOKEN', uuid),
  'pagerduty-api-key': ctx('PAGERDUTY_API_KEY', s(B62, 20)),
  'opsgenie-api-key': ctx('OPSGENIE_API_KEY', uuid),
  'rollbar-access-token': ctx('ROLLBAR_ACCESS_TOKEN', s(HEX, 32)),
  'bugsnag-api-key': ctx('BUGSNAG_API_KEY', s(HEX, 32)),
  'browserstack-access-key': ctx('BROWSERSTACK_ACCESS_KEY', s(B62, 20)),
  'saucelabs-access-key': ctx('SAUCE_ACCESS_KEY', uuid),
  'cypress-record-key': ctx('CYPRESS_RECORD_KEY', uuid),
  'trello-api-token': ctx('TRELLO_TOKEN', cat('AT', 'TA', s(HEX, 64), s(HEX_UPPER, 8))),
  'salesforce-access-token': { gen: cat('00', 'D', s(B62, 12), '!', s(B62 + '._', 96)) },
  // Structural
  'private-key': { gen: rsaPem, layout: { file: '%v\n', fileName: 'deploy/keys/id_rsa' } },
  'openssh-private-key': {
    gen: pem(`OPENSSH ${PRIV}${KEY}`, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACD', 400),
    layout: { file: '%v\n', fileName: 'deploy/keys/id_ed25519' },
  },
  'pgp-private-key': {
    gen: (r) => `${BEGIN}PGP ${PRIV} KEY BLOCK-----\n\n${pemBody(r, 'lQOYBGX', 1800)}\n=${s(B64, 4)(r)}\n${END}PGP ${PRIV} KEY BLOCK-----`,
    layout: { file: '%v\n', fileName: 'deploy/keys/release.asc' },
  },
  'putty-private-key': {
    gen: (r) => [
      'PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', 'Comment: deploy@build', 'Public-Lines: 2',
      `AAAAC3NzaC1lZDI1NTE5AAAAI${s(B64, 39)(r)}`, s(B64, 20)(r), 'Private-Lines: 1', `AAAAI${s(B64, 39)(r)}`,
      `Private-MAC: ${s(HEX, 64)(r)}`,
    ].join('\n'),
    layout: { file: '%v\n', fileName: 'deploy/keys/deploy.ppk' },
  },
  'age-secret-key': { gen: cat('AGE-SECRET', '-KEY-1', s(BECH32, 58)) },
  'gcp-service-account': {
    gen: (r) => {
      const key = `${BEGIN}${PRIV}${KEY}-----\n${pemBody(r, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620)}\n${END}${PRIV}${KEY}-----\n`;
      const project = `acme-${s(LOWER36, 6)(r)}`;
      return `${JSON.stringify({
        type: 'service_account', project_id: project, private_key_id: s(HEX, 40)(r), private_key: key,
        client_email: `deployer@${project}.iam.gserviceaccount.com`, client_id: digitsNoLead(21)(r),
        auth_uri: 'https://accounts.google.com/o/oauth2/auth', token_uri: 'https://oauth2.googleapis.com/token',
      }, null, 2)}\n`;
    },
    layout: {
      file: '%v', fileName: 'credentials/service-account.json',
      secretOf: (value) => afterLast('"private_key": "', '"')(value),
    },
  },
  'aws-secret-access-key': { gen: s(B64, 40), layout: { file: '[default]\naws_access_key_id = AKIA' + 'IOSFODNN7EXAMPLE\naws_secret_access_key = %v\n', fileName: '.aws/credentials' } },
  jwt: { gen: jwt },
  'url-credentials': url(cat('https://ci-bot:', password, '@artifacts.acme-corp.io/repository/releases/'), '.env', 'ARTIFACTS_URL'),
  'postgres-connection-string': url(cat('postgres', '://app_user:', password, '@db.prod.acme-corp.io:5432/orders')),
  'mysql-connection-string': url(cat('mysql', '://shop:', password, '@mysql.prod.acme-corp.io:3306/shop')),
  'mongodb-connection-string': url(cat('mongodb+srv', '://svc-api:', password, '@cluster0.ab1cd.mongodb.net/app?retryWrites=true')),
  'redis-connection-string': url(cat('rediss', '://default:', password, '@cache.prod.acme-corp.io:6380/0'), '.env', 'REDIS_URL'),
  'amqp-connection-string': url(cat('amqps', '://orders:', password, '@mq.prod.acme-corp.io:5671/%2f'), '.env', 'AMQP_URL'),
  'mssql-connection-string': url(cat('mssql', '://erp_app:', password, '@sql.prod.acme-corp.io:1433/erp')),
  'jdbc-connection-string': {
    gen: cat('jdbc:postgresql://db.prod.acme-corp.io:5432/orders?user=orders&pass', 'word=', password),
    layout: { file: 'spring.datasource.url=%v\n', fileName: 'src/main/resources/application-prod.properties', secretOf: afterLast('password=') },
  },
  'adonet-connection-string': {
    gen: cat('Server=tcp:sql.prod.acme-corp.io,1433;Initial Catalog=erp;User ID=erp_app;Pass', 'word=', password, ';Encrypt=True;'),
    layout: { file: '{\n  "ConnectionStrings": {\n    "Default": "%v"\n  }\n}\n', fileName: 'appsettings.Production.json', secretOf: afterLast('Password=', ';') },
  },
  'bearer-token': { gen: s(B62, 40), layout: { file: 'curl -H "Authorization: Bearer %v" https://api.acme-corp.io/v1/orders\n', fileName: 'scripts/sync.sh' } },
  'basic-auth-header': { gen: (r) => b64(`api:${password(r)}`), layout: { file: 'headers = {"Authorization": "Basic %v"}\n', fileName: 'client.py' } },
  'kubeconfig-client-key': {
    gen: (r) => b64(`${pkcs8Pem(r)}\n`),
    layout: { file: 'users:\n- name: admin\n  user:\n    client-key-data: %v\n', fileName: 'kubeconfig.yaml' },
  },
  'base64-private-key': {
    gen: (r) => b64(`${rsaPem(r)}\n`),
    layout: { file: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: %v\n', fileName: 'k8s/web-tls.yaml' },
  },
  'netrc-credentials': { gen: password, layout: { file: 'machine api.acme-corp.io login deploy password %v\n', fileName: '.netrc' } },
};

/** A complete sample file holding one fake value, and where the rule's finding must be. */
export interface FakeSample {
  text: string;
  fileName: string;
  /** The text passed to the file (what `fakeValue` returned). */
  value: string;
  /** The exact secret the rule must report, and its offsets in `text`. */
  secret: string;
  start: number;
  end: number;
}

function layOut(ruleId: string, value: string): FakeSample {
  const layout = SPECS[ruleId]?.layout ?? {};
  const file = layout.file ?? (layout.name ? `${layout.name}=%v\n` : 'const token = "%v";\n');
  const fileName = layout.fileName ?? (layout.file ? 'sample.txt' : layout.name ? '.env' : 'src/config.ts');
  const at = file.indexOf('%v');
  const text = file.slice(0, at) + value + file.slice(at + 2);
  const secret = layout.secretOf ? layout.secretOf(value) : value;
  const start = at + value.indexOf(secret);
  return { text, fileName, value, secret, start, end: start + secret.length };
}

/** True when the detector reports exactly this sample's secret under this rule. */
function detected(ruleId: string, sample: FakeSample): boolean {
  const matches = detectProviders({
    text: sample.text,
    fileName: sample.fileName,
    language: languageOf(sample.fileName),
    lowerText: sample.text.toLowerCase(),
    lineStarts: computeLineStarts(sample.text),
  });
  return matches.some((m) => m.ruleId === ruleId && m.start === sample.start && m.end === sample.end);
}

const cache = new Map<string, string>();

/**
 * A realistic fake value of the rule's shape, deterministic for (ruleId, seed). A random draw can
 * by chance look like a placeholder (a run of one character, too little entropy, no digit); such
 * draws are skipped, so the value is always one the rule accepts in its sample layout.
 */
export function fakeValue(ruleId: string, seed: string): string {
  const key = `${ruleId}\u0000${seed}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const spec = SPECS[ruleId];
  if (!spec) throw new Error(`fakeValue: no generator for rule ${ruleId}`);
  const rng = mulberry32(seedFromText(key));
  for (let attempt = 0; attempt < 16; attempt++) {
    const value = spec.gen(rng);
    if (detected(ruleId, layOut(ruleId, value))) {
      cache.set(key, value);
      return value;
    }
  }
  throw new Error(`fakeValue: the detector rejected 16 draws for rule ${ruleId}`);
}

/** The fake value for a rule laid out in a realistic file, with the offsets the finding must have. */
export function fakeSample(ruleId: string, seed: string): FakeSample {
  return layOut(ruleId, fakeValue(ruleId, seed));
}

/** Every rule id the generator covers (all provider rule ids). */
export function fakeRuleIds(): string[] {
  return Object.keys(SPECS);
}

/**
 * One draw without the acceptance loop, laid out like `fakeSample`: tests use it to check that
 * the detector accepts (nearly) every realistic draw, so the loop in `fakeValue` hides nothing.
 */
export function rawFakeSample(ruleId: string, seed: string): FakeSample {
  const spec = SPECS[ruleId];
  if (!spec) throw new Error(`rawFakeSample: no generator for rule ${ruleId}`);
  return layOut(ruleId, spec.gen(mulberry32(seedFromText(`${ruleId}\u0000${seed}`))));
}

/** Exposed for tests: the ids of provider rules that have no generator (should be empty). */
export function rulesWithoutGenerator(): string[] {
  return providerRules.map((rule) => rule.id).filter((id) => !SPECS[id]);
}
