import * as assert from 'assert';
import { detectProviders } from '../../src/engine/providers';
import { mergeOverlapping } from '../../src/engine/merge';
import { computeLineStarts } from '../../src/engine/lines';
import { languageOf } from '../../src/engine/language';
import { providerRules } from '../../src/engine/rules/providers';
import type { ProviderRule } from '../../src/engine/rules/types';
import type { RawMatch } from '../../src/engine/types';
import { fakeRuleIds, fakeSample, fakeValue, rawFakeSample, rulesWithoutGenerator } from '../support/fakeKeys';

/** Masked form for assertion messages: never a clear secret in test output. */
function mask(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} chars)`;
}

function detect(text: string, fileName = 'src/app.ts'): RawMatch[] {
  return detectProviders({
    text,
    fileName,
    language: languageOf(fileName),
    lowerText: text.toLowerCase(),
    lineStarts: computeLineStarts(text),
  });
}

const ruleMeta = new Map(providerRules.map((rule) => [rule.id, rule]));
const metaOf = (id: string): ProviderRule | undefined => ruleMeta.get(id);

/** Rule ids found in the text, for compact assertions. */
function idsIn(text: string, fileName?: string): string[] {
  return detect(text, fileName).map((m) => m.ruleId);
}

/** The fixed prefix of a rule's fake values: the longest prefix shared by several draws. */
function commonPrefix(ruleId: string): string {
  const values = ['p1', 'p2', 'p3', 'p4', 'p5'].map((seed) => fakeSample(ruleId, seed).secret);
  let length = 0;
  while (values.every((v) => v[length] !== undefined && v[length] === values[0][length])) length++;
  return values[0].slice(0, length);
}

/** Single-line rules whose whole pasted value is the secret (prefixed tokens and context values). */
const simpleRules = fakeRuleIds().filter((id) => {
  const sample = fakeSample(id, 'shape');
  return sample.secret === sample.value && !sample.value.includes('\n') && !sample.value.includes('://');
});

describe('provider rule catalog', () => {
  it('has at least 170 rules with unique kebab-case ids', () => {
    assert.ok(providerRules.length >= 170, `only ${providerRules.length} rules`);
    const ids = providerRules.map((rule) => rule.id);
    assert.deepStrictEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every rule complete metadata', () => {
    for (const rule of providerRules) {
      assert.strictEqual(rule.kind, 'secret', rule.id);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), rule.id);
      assert.ok(rule.specificity === 'provider' || rule.specificity === 'structural', rule.id);
      assert.ok(rule.title.length > 5 && rule.provider.length > 1, rule.id);
      assert.ok(rule.format.length > 5, `${rule.id} format`);
      assert.ok(rule.remediation.length > 20 && !rule.remediation.includes('\n'), `${rule.id} remediation`);
      if (rule.reference) assert.match(rule.reference, /^https:\/\//, rule.id);
      assert.ok(rule.keywords.length > 0, `${rule.id} keywords`);
      for (const keyword of rule.keywords) assert.strictEqual(keyword, keyword.toLowerCase(), `${rule.id} keyword`);
      assert.ok(rule.pattern.flags.includes('g'), `${rule.id} pattern must be global`);
    }
  });

  it('marks test-mode keys as warnings and live keys as errors', () => {
    for (const id of ['stripe-test-secret-key', 'stripe-test-restricted-key', 'paystack-test-secret-key', 'razorpay-test-key-id', 'flutterwave-test-secret-key']) {
      assert.strictEqual(metaOf(id)?.severity, 'warning', id);
    }
    for (const id of ['stripe-secret-key', 'github-pat', 'aws-access-key-id', 'private-key', 'anthropic-api-key']) {
      assert.strictEqual(metaOf(id)?.severity, 'error', id);
    }
  });

  it('covers the families named in the issue', () => {
    const required = [
      'github-pat', 'github-oauth-token', 'github-user-to-server-token', 'github-server-to-server-token', 'github-refresh-token',
      'github-fine-grained-pat', 'gitlab-pat', 'aws-access-key-id', 'aws-secret-access-key', 'gcp-service-account', 'gcp-api-key',
      'azure-storage-account-key', 'azure-ad-client-secret', 'stripe-secret-key', 'stripe-restricted-key', 'slack-bot-token',
      'slack-webhook-url', 'openai-project-key', 'openai-service-account-key', 'openai-admin-key', 'openai-api-key',
      'anthropic-api-key', 'anthropic-admin-key', 'huggingface-token', 'zhipu-api-key', 'mistral-api-key', 'cohere-api-key',
      'groq-api-key', 'deepseek-api-key', 'xai-api-key', 'replicate-api-token', 'perplexity-api-key', 'twilio-auth-token',
      'sendgrid-api-key', 'mailgun-api-key', 'mailchimp-api-key', 'npm-access-token', 'pypi-upload-token', 'nuget-api-key',
      'rubygems-api-key', 'crates-io-api-token', 'dockerhub-pat', 'docker-config-auth', 'shopify-access-token',
      'digitalocean-pat', 'databricks-token', 'heroku-api-key', 'datadog-api-key', 'new-relic-user-api-key', 'sentry-auth-token',
      'discord-bot-token', 'discord-webhook-url', 'telegram-bot-token', 'atlassian-api-token', 'bitbucket-app-password',
      'linear-api-key', 'notion-integration-token', 'figma-pat', 'vercel-token', 'netlify-pat', 'cloudflare-api-token',
      'supabase-pat', 'postman-api-key', 'doppler-personal-token', 'vault-service-token', 'terraform-cloud-token',
      'sonarqube-token', 'jwt', 'private-key', 'openssh-private-key', 'pgp-private-key', 'age-secret-key', 'url-credentials',
      'postgres-connection-string', 'mysql-connection-string', 'mongodb-connection-string', 'redis-connection-string',
      'amqp-connection-string', 'mssql-connection-string', 'adonet-connection-string', 'bearer-token',
    ];
    assert.deepStrictEqual(required.filter((id) => !metaOf(id)), []);
  });
});

describe('fake key generator', () => {
  it('covers exactly the provider rule ids', () => {
    assert.deepStrictEqual(rulesWithoutGenerator(), []);
    assert.deepStrictEqual([...fakeRuleIds()].sort(), providerRules.map((rule) => rule.id).sort());
  });

  it('is deterministic per (rule, seed) and varies with the seed', () => {
    for (const id of ['github-pat', 'private-key', 'postgres-connection-string', 'twilio-auth-token']) {
      assert.strictEqual(fakeValue(id, 's1'), fakeValue(id, 's1'));
      assert.notStrictEqual(fakeValue(id, 's1'), fakeValue(id, 's2'));
    }
  });

  it('makes values the detector accepts on the first draw nearly always (no hidden retries)', function () {
    this.timeout(60_000);
    const poor: string[] = [];
    for (const id of fakeRuleIds()) {
      let accepted = 0;
      const draws = 20;
      for (let i = 0; i < draws; i++) {
        const sample = rawFakeSample(id, `raw-${i}`);
        if (detect(sample.text, sample.fileName).some((m) => m.ruleId === id && m.start === sample.start && m.end === sample.end)) accepted++;
      }
      if (accepted < 17) poor.push(`${id}: ${accepted}/${draws}`);
    }
    assert.deepStrictEqual(poor, []);
  });
});

describe('provider detectors: true positives', () => {
  for (const id of fakeRuleIds()) {
    it(`finds ${id} at the exact offsets, and it wins the overlap merge`, function () {
      this.timeout(10_000);
      for (const seed of ['tp-1', 'tp-2', 'tp-3']) {
        const sample = fakeSample(id, seed);
        const matches = detect(sample.text, sample.fileName);
        const hit = matches.find((m) => m.ruleId === id);
        assert.ok(hit, `${id} not found in sample of ${mask(sample.secret)}`);
        assert.strictEqual(hit.start, sample.start, `${id} start`);
        assert.strictEqual(hit.end, sample.end, `${id} end`);
        assert.strictEqual(sample.text.slice(hit.start, hit.end), sample.secret);
        const merged = mergeOverlapping(matches, metaOf);
        const winner = merged.find((m) => m.start <= sample.start && m.end >= sample.end);
        assert.strictEqual(winner?.ruleId, id, `${id} lost the merge to ${winner?.ruleId}`);
      }
    });
  }

  it('finds a token in a realistic line of several languages', () => {
    const token = fakeValue('github-pat', 'lines');
    const lines = [
      `export GITHUB_TOKEN=${token}`,
      `token: "${token}"`,
      `{"token": "${token}"}`,
      `client = Github("${token}")`,
      `<add key="GitHubToken" value="${token}" />`,
      `git clone https://${token}@github.com/acme/app.git`,
    ];
    for (const line of lines) {
      const hit = detect(line).find((m) => m.ruleId === 'github-pat');
      assert.ok(hit, `not found in a line of ${line.length} chars`);
      assert.strictEqual(line.slice(hit.start, hit.end), token);
    }
  });

  it('finds several secrets on one line separately', () => {
    const a = fakeValue('aws-access-key-id', 'multi');
    const b = fakeValue('slack-bot-token', 'multi');
    const text = `keys = ["${a}", "${b}"]`;
    const hits = detect(text).filter((m) => m.ruleId === 'aws-access-key-id' || m.ruleId === 'slack-bot-token');
    assert.deepStrictEqual(hits.map((m) => text.slice(m.start, m.end)), [a, b]);
  });
});

describe('provider detectors: near misses', () => {
  it('never reports a token glued inside a longer identifier as the token itself', function () {
    this.timeout(60_000);
    const loud: string[] = [];
    for (const id of simpleRules) {
      const sample = fakeSample(id, 'glued');
      const glued = sample.text.slice(0, sample.start) + `Zq9${sample.secret}Zq9` + sample.text.slice(sample.end);
      const start = sample.start + 3;
      if (detect(glued, sample.fileName).some((m) => m.ruleId === id && m.start === start && m.end === start + sample.secret.length)) loud.push(id);
    }
    assert.deepStrictEqual(loud, []);
  });

  it('ignores placeholder bodies (x, 0 and EXAMPLE fillers) after every fixed prefix', function () {
    this.timeout(60_000);
    const loud: string[] = [];
    for (const id of simpleRules) {
      const sample = fakeSample(id, 'placeholder');
      const prefix = commonPrefix(id);
      const body = sample.secret.slice(prefix.length);
      const fillers = [
        body.replace(/[A-Za-z0-9]/g, 'x'),
        body.replace(/[A-Za-z0-9]/g, 'X'),
        body.replace(/[A-Za-z0-9]/g, '0'),
        body.slice(0, -7) + 'EXAMPLE',
        'your_key_' + body.slice(9),
      ];
      for (const filler of fillers) {
        const text = sample.text.slice(0, sample.start) + prefix + filler + sample.text.slice(sample.end);
        if (detect(text, sample.fileName).some((m) => m.ruleId === id)) loud.push(`${id} with ${mask(prefix + filler)}`);
      }
    }
    assert.deepStrictEqual(loud, []);
  });

  it('ignores truncated fixed-length tokens', function () {
    this.timeout(60_000);
    const fixed = [
      'github-pat', 'github-oauth-token', 'github-fine-grained-pat', 'aws-access-key-id', 'gcp-api-key', 'slack-bot-token',
      'slack-user-token', 'openai-api-key', 'anthropic-api-key', 'huggingface-token', 'groq-api-key', 'xai-api-key',
      'replicate-api-token', 'npm-access-token', 'sendgrid-api-key', 'shopify-access-token', 'digitalocean-pat',
      'databricks-token', 'linear-api-key', 'postman-api-key', 'age-secret-key', 'telegram-bot-token', 'mailchimp-api-key',
      'twilio-auth-token', 'aws-secret-access-key', 'datadog-api-key', 'nuget-api-key', 'rubygems-api-key', 'dockerhub-pat',
      'new-relic-user-api-key', 'sonarqube-token', 'pulumi-access-token', 'buildkite-api-token', 'resend-api-key',
    ];
    for (const id of fixed) {
      const sample = fakeSample(id, 'short');
      for (const cut of [1, 5]) {
        const text = sample.text.slice(0, sample.end - cut) + sample.text.slice(sample.end);
        assert.ok(!detect(text, sample.fileName).some((m) => m.ruleId === id), `${id} truncated by ${cut} still found`);
      }
    }
  });

  it('ignores common non-secret values: UUIDs, git SHAs, digests, base64 images, integrity hashes', () => {
    const text = [
      'const requestId = "3f1c2a9e-7b4d-4e8a-9c1f-2d3e4f5a6b7c";',
      'commit: 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
      'image: nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
      '<script integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"></script>',
      'logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="',
      'md5 = "d41d8cd98f00b204e9800998ecf8427e"',
      '"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"',
      'HEROKU_APP_ID=3f1c2a9e-7b4d-4e8a-9c1f-2d3e4f5a6b7c',
      'ALGOLIA_SEARCH_KEY=0123abcd4567ef890123abcd4567ef89',
      'SENTRY_DSN=https://d41d8cd98f00b204e9800998ecf8427e@o12345.ingest.sentry.io/678',
      'const camel = "thisIsAVeryLongIdentifierNameWithoutAnySecretInsideIt";',
    ].join('\n');
    assert.deepStrictEqual(detect(text, 'src/constants.ts').map((m) => `${m.ruleId}@${m.start}`), []);
  });

  it('ignores AWS\'s documented example keys', () => {
    const id = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
    const secret = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`;
    assert.deepStrictEqual(idsIn(text, '.aws/credentials'), []);
  });

  it('ignores typical placeholders', () => {
    const lines = [
      `GITHUB_TOKEN=${'gh' + 'p_'}${'x'.repeat(36)}`,
      `stripe.api_key = "${'sk_' + 'live_'}${'X'.repeat(24)}"`,
      'OPENAI_API_KEY=<your-key>',
      'ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}',
      `TWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
      'aws_secret_access_key = YOUR_SECRET_ACCESS_KEY_GOES_HERE_123456',
      `SLACK_BOT_TOKEN=${'xo' + 'xb-'}000000000000-0000000000000-${'x'.repeat(24)}`,
    ].join('\n');
    assert.deepStrictEqual(idsIn(lines, '.env'), []);
  });

  it('tells Stripe, Paystack and Clerk keys apart', () => {
    const stripe = fakeValue('stripe-secret-key', 'pay');
    const paystack = fakeValue('paystack-secret-key', 'pay');
    const clerk = fakeValue('clerk-secret-key', 'pay');
    assert.deepStrictEqual(idsIn(`STRIPE_SECRET_KEY=${stripe}`, '.env'), ['stripe-secret-key']);
    assert.deepStrictEqual(idsIn(`PAYSTACK_SECRET_KEY=${paystack}`, '.env'), ['paystack-secret-key']);
    assert.deepStrictEqual(idsIn(`CLERK_SECRET_KEY=${clerk}`, '.env'), ['clerk-secret-key']);
  });

  it('requires the provider name near context-only values', () => {
    const hex32 = fakeValue('twilio-auth-token', 'ctx');
    assert.deepStrictEqual(idsIn(`CACHE_KEY=${hex32}`, '.env'), []);
    assert.deepStrictEqual(idsIn(`TWILIO_AUTH_TOKEN=${hex32}`, '.env'), ['twilio-auth-token']);
    assert.deepStrictEqual(idsIn(`twilio:\n  account: main\n  auth_token: ${hex32}\n`, 'config.yml'), ['twilio-auth-token']);
    const aws = fakeValue('aws-secret-access-key', 'ctx');
    assert.deepStrictEqual(idsIn(`signing_salt = "${aws}"`, 'settings.py'), []);
    assert.deepStrictEqual(idsIn(`AWS_SECRET_ACCESS_KEY: "${aws}"`, 'deploy.yml'), ['aws-secret-access-key']);
    const tf = `provider "aws" {\n  region     = var.region\n  access_key = var.access_key\n  secret_key = "${aws}"\n}\n`;
    assert.deepStrictEqual(idsIn(tf, 'main.tf'), ['aws-secret-access-key']);
    const far = `provider "aws" {\n  a = 1\n  b = 2\n  c = 3\n  d = 4\n  secret_key = "${aws}"\n}\n`;
    assert.deepStrictEqual(idsIn(far, 'main.tf'), []);
  });
});

describe('structural detectors', () => {
  const pem = (): string => fakeValue('private-key', 'pem');

  it('reports a PEM private key as one finding spanning the block', () => {
    const key = pem();
    const text = `# deploy key\n${key}\n`;
    const hits = detect(text, 'id_rsa').filter((m) => m.ruleId === 'private-key');
    assert.strictEqual(hits.length, 1);
    assert.strictEqual(text.slice(hits[0].start, hits[0].end), key);
  });

  it('reports a PEM with \\n escapes in JSON and a YAML block scalar as one value each', () => {
    const key = pem();
    const escaped = key.replace(/\n/g, '\\n');
    const json = `{"signing_key": "${escaped}"}`;
    const jsonHits = detect(json, 'config.json').filter((m) => m.ruleId === 'private-key');
    assert.strictEqual(jsonHits.length, 1);
    assert.strictEqual(json.slice(jsonHits[0].start, jsonHits[0].end), escaped);
    const yaml = `tls:\n  key: |\n${key.split('\n').map((line) => `    ${line}`).join('\n')}\n`;
    const yamlHits = detect(yaml, 'values.yaml').filter((m) => m.ruleId === 'private-key');
    assert.strictEqual(yamlHits.length, 1);
    assert.ok(yaml.slice(yamlHits[0].start, yamlHits[0].end).endsWith('PRIVATE KEY-----'));
  });

  it('ignores public keys, certificates and placeholder key blocks', () => {
    const begin = '-----BEGIN ';
    const text = [
      `${begin}PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----`,
      `${begin}CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----`,
      `${begin}RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----`,
      `${begin}PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----`,
      `${begin}OPENSSH PRIVATE KEY-----\n${'x'.repeat(70)}\n${'x'.repeat(70)}\n-----END OPENSSH PRIVATE KEY-----`,
    ].join('\n');
    assert.deepStrictEqual(idsIn(text, 'README.md'), []);
  });

  it('reports a GCP service-account key once, spanning its private_key only', () => {
    const sample = fakeSample('gcp-service-account', 'sa');
    const hits = detect(sample.text, sample.fileName);
    assert.deepStrictEqual(hits.map((m) => m.ruleId), ['gcp-service-account']);
    assert.ok(sample.text.slice(hits[0].start, hits[0].end).startsWith('-----BEGIN PRIVATE KEY-----'));
  });

  it('stays quiet on placeholder passwords in URLs and connection strings', () => {
    const text = [
      'DATABASE_URL=postgres://user:password@db.acme-corp.io:5432/app',
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.acme-corp.io/app',
      'REDIS_URL=redis://:changeme@cache:6379',
      'AMQP_URL=amqp://guest:***@mq.acme-corp.io',
      'MONGO_URL=mongodb://admin:<password>@mongo.acme-corp.io',
      'url = f"mysql://{user}:{password}@{host}/db"',
      'ConnectionString=Server=db;Database=app;User Id=sa;Password={0};',
      'SMTP_URL=smtp://mailer:$SMTP_PASSWORD@smtp.acme-corp.io',
    ].join('\n');
    assert.deepStrictEqual(idsIn(text, '.env'), []);
  });

  it('skips throwaway local databases only in test/CI config', () => {
    const local = 'DATABASE_URL: postgres://postgres:postgres@localhost:5432/app_test\n';
    assert.deepStrictEqual(idsIn(local, 'test/config.yml'), []);
    assert.deepStrictEqual(idsIn(local, '.github/workflows/ci.yml'), []);
    assert.deepStrictEqual(idsIn(local, 'docker-compose.test.yml'), []);
    assert.deepStrictEqual(idsIn(local, 'config/production.yml'), []);
    assert.deepStrictEqual(idsIn('"test": "DATABASE_URL=postgres://app:Xk29fLq7Vb@localhost:5432/app mocha"', 'package.json'), []);
    assert.deepStrictEqual(idsIn("databaseUrl: 'mysql://root:Xk29fLq7Vb@127.0.0.1:3306/shop_test',", 'src/config.ts'), []);
    const real = fakeValue('postgres-connection-string', 'local').replace(/@[^:/]+/, '@localhost');
    assert.deepStrictEqual(idsIn(`DATABASE_URL=${real}\n`, 'config/production.env'), ['postgres-connection-string']);
  });

  it('reports the password of a connection string, not the whole URL', () => {
    const sample = fakeSample('mongodb-connection-string', 'pw');
    const hit = detect(sample.text, sample.fileName).find((m) => m.ruleId === 'mongodb-connection-string');
    assert.ok(hit);
    assert.strictEqual(sample.text.slice(hit.start, hit.end), sample.secret);
    assert.ok(!sample.secret.includes('@') && !sample.secret.includes(':'));
  });

  it('does not flag Bearer headers built from variables', () => {
    const text = [
      'headers = {"Authorization": f"Bearer {token}"}',
      'headers.Authorization = "Bearer " + accessToken;',
      'curl -H "Authorization: Bearer $TOKEN" https://api.acme-corp.io',
      'curl -H "Authorization: Bearer ${TOKEN}" https://api.acme-corp.io',
      'Authorization: Bearer <token>',
      'The server returns a Bearer tokenWithoutDigitsInsideAnyWhere in the header.',
    ].join('\n');
    assert.deepStrictEqual(idsIn(text, 'notes.sh'), []);
  });

  it('reports JWTs but not anon keys or JWT-shaped noise', () => {
    const token = fakeValue('jwt', 'j');
    assert.deepStrictEqual(idsIn(`const t = "${token}";`), ['jwt']);
    const anon = [
      Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
      Buffer.from('{"iss":"supabase","role":"anon","exp":1893456000}').toString('base64url'),
      'c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU',
    ].join('.');
    assert.deepStrictEqual(idsIn(`SUPABASE_ANON_KEY=${anon}`, '.env'), []);
    const noise = `eyJ${'a'.repeat(20)}.eyJ${'b'.repeat(20)}.${'c'.repeat(20)}`;
    assert.deepStrictEqual(idsIn(`x = "${noise}"`), []);
  });

  it('decodes docker config.json auth and ignores non-credential base64', () => {
    const notPair = Buffer.from('just-a-username-without-colon').toString('base64');
    assert.deepStrictEqual(idsIn(`{"auths": {"r.io": {"auth": "${notPair}"}}}`, 'config.json'), []);
  });
});

describe('provider detectors: linear time on adversarial input', () => {
  it('returns promptly on 200 KB runs of each rule\'s own alphabet', function () {
    this.timeout(120_000);
    const slow: string[] = [];
    for (const id of fakeRuleIds()) {
      const sample = fakeSample(id, 'redos');
      const prefix = commonPrefix(id);
      const body = sample.secret.slice(prefix.length).replace(/\n/g, '') || 'A';
      let run = '';
      while (run.length < 200_000) run += body;
      const text = sample.text.slice(0, sample.start) + prefix + run + sample.text.slice(sample.end);
      const started = Date.now();
      detect(text, sample.fileName);
      const elapsed = Date.now() - started;
      if (elapsed > 2_000) slow.push(`${id}: ${elapsed} ms`);
    }
    assert.deepStrictEqual(slow, []);
  });
});
