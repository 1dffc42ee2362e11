import * as assert from 'assert';
import { providerRules } from '../../src/engine/rules/providers';
import { fakeValue } from '../support/fakeKeys';
import { randomFrom } from '../support/random';
import { mergedProviderMatches, providerMatches } from '../support/providerMatches';

/**
 * Docker Swarm join tokens and unlock keys (SwarmKit's documented layouts) and Amazon Bedrock API keys
 * (long-term `ABSK…` service-specific credentials, short-term `bedrock-api-key-…` presigned URLs):
 * found under their own rule id where they turn up, and not for look-alikes of the wrong length,
 * alphabet, range or structure.
 */
const detect = providerMatches;
const merged = mergedProviderMatches;
const ruleMeta = new Map(providerRules.map((rule) => [rule.id, rule]));

/** Masked form for assertion messages: never a clear secret in test output. */
function mask(value: string): string {
  return `${value.slice(0, 9)}… (${value.length} chars)`;
}

/** Asserts that `value` is reported exactly, under `ruleId`, in every sample line, and wins the merge. */
function assertFound(ruleId: string, value: string, samples: Array<[string, string]>): void {
  for (const [fileName, text] of samples) {
    const hit = merged(text, fileName).find((m) => m.ruleId === ruleId);
    assert.ok(hit, `${ruleId} not found in ${fileName} for ${mask(value)}`);
    assert.strictEqual(text.slice(hit.start, hit.end), value, `${ruleId} range in ${fileName}`);
  }
}

/** Asserts that none of `ruleIds` fires on any of the texts. */
function assertQuiet(ruleIds: string[], texts: Array<[string, string]>): void {
  const loud: string[] = [];
  for (const [fileName, text] of texts) {
    const ids = detect(text, fileName).map((m) => m.ruleId).filter((id) => ruleIds.includes(id));
    if (ids.length > 0) loud.push(`${fileName}: ${ids.join(', ')} on ${mask(text.trim())}`);
  }
  assert.deepStrictEqual(loud, []);
}

/** Seeded characters of an alphabet, for hand-built look-alikes. */
const chars = randomFrom;

const B36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const JOIN = 'SWM' + 'TKN-';
const UNLOCK = 'SWM' + 'KEY-1-';
const LONG = 'AB' + 'SK';
const SHORT = 'bedrock-api' + '-key-';

describe('Docker Swarm join tokens', () => {
  const id = 'docker-swarm-join-token';
  const token = fakeValue(id, 'swarm-join');

  it('finds a join token in a shell command, .env, YAML, JSON and code', () => {
    assertFound(id, token, [
      ['scripts/join-workers.sh', `docker swarm join --token ${token} 10.0.0.5:2377\n`],
      ['scripts/join.sh', `docker swarm join \\\n    --token ${token} \\\n    10.0.0.5:2377\n`],
      ['.env', `SWARM_WORKER_TOKEN=${token}\n`],
      ['group_vars/swarm.yml', `swarm_join_token_worker: "${token}"\n`],
      ['swarm-inspect.json', `[{"JoinTokens": {"Worker": "${token}", "Manager": "redacted"}}]\n`],
      ['provision/swarm.go', `const joinToken = "${token}"\n`],
    ]);
  });

  it('finds the FIPS (version 2) layout', () => {
    const parts = token.split('-');
    const fips = `${JOIN}2-1-${parts[2]}-${parts[3]}`;
    assertFound(id, fips, [['.env', `SWARM_MANAGER_TOKEN=${fips}\n`]]);
  });

  it('stays quiet on wrong lengths, upper case, out-of-range numbers, placeholders and cut-off tokens', () => {
    const [, , digest, secret] = token.split('-');
    assertQuiet([id], [
      ['.env', `T=${JOIN}1-${digest.slice(1)}-${secret}\n`],
      ['.env', `T=${JOIN}1-${digest}0-${secret}\n`],
      ['.env', `T=${JOIN}1-${digest}-${secret.slice(1)}\n`],
      ['.env', `T=${JOIN}1-${digest}-${secret}0\n`],
      ['.env', `T=${JOIN}1-${digest.toUpperCase()}-${secret.toUpperCase()}\n`],
      ['.env', `T=${JOIN}3-${digest}-${secret}\n`],
      // A digest above 2^256 or a secret above 2^128 cannot come out of SwarmKit.
      ['.env', `T=${JOIN}1-z${digest.slice(1)}-${secret}\n`],
      ['.env', `T=${JOIN}1-${digest}-z${secret.slice(1)}\n`],
      ['docs/swarm.md', `docker swarm join --token ${JOIN}1-${'x'.repeat(50)}-${'x'.repeat(25)} 10.0.0.5:2377\n`],
      ['docs/swarm.md', `docker swarm join --token ${JOIN}1-<digest>-<secret> <manager-ip>:2377\n`],
      ['docs/swarm.md', `docker swarm join --token ${token.slice(0, -6)}… 10.0.0.5:2377\n`],
      ['.env', `T=${JOIN}1-${chars(B36, 50, 'glued')}-${secret}x9\n`],
    ]);
  });
});

describe('Docker Swarm unlock keys', () => {
  const id = 'docker-swarm-unlock-key';
  const key = fakeValue(id, 'swarm-unlock');

  it('finds an unlock key in command output, .env, YAML, JSON and code', () => {
    assertFound(id, key, [
      ['notes/swarm-init.txt', `To unlock a swarm manager after it restarts, run the \`docker swarm unlock\`\ncommand and provide the following key:\n\n    ${key}\n`],
      ['.env', `SWARM_UNLOCK_KEY=${key}\n`],
      ['ansible/vault.yml', `swarm_unlock_key: '${key}'\n`],
      ['secrets.json', `{"swarm": {"unlockKey": "${key}"}}\n`],
      ['tools/unlock.py', `subprocess.run(["docker", "swarm", "unlock"], input="${key}\\n", text=True)\n`],
    ]);
  });

  it('stays quiet on wrong lengths, non-canonical endings, placeholders and cut-off keys', () => {
    const body = key.slice(UNLOCK.length);
    // The 43rd character of a 32-byte key has its two low bits clear; `B` (index 1) cannot end one.
    const offBits = body.slice(0, -1) + 'B';
    assertQuiet([id], [
      ['.env', `K=${UNLOCK}${body.slice(1)}\n`],
      ['.env', `K=${UNLOCK}${body}A\n`],
      ['.env', `K=${UNLOCK}${body}=\n`],
      ['.env', `K=${UNLOCK}${offBits}\n`],
      ['.env', `K=${UNLOCK.replace('1', '2')}${body}\n`],
      ['docs/swarm.md', `docker swarm unlock-key prints ${UNLOCK}${'X'.repeat(43)}\n`],
      ['docs/swarm.md', `provide the key: ${UNLOCK}<unlock-key>\n`],
      ['docs/swarm.md', `provide the key: ${key.slice(0, -5)}\n`],
    ]);
  });
});

describe('Amazon Bedrock long-term API keys', () => {
  const id = 'aws-bedrock-long-term-api-key';
  const key = fakeValue(id, 'bedrock-long');

  it('finds a long-term key in .env, Python, JSON, YAML and an Authorization header', () => {
    assertFound(id, key, [
      ['.env', `AWS_BEARER_TOKEN_BEDROCK=${key}\n`],
      ['app/llm.py', `os.environ["AWS_BEARER_TOKEN_BEDROCK"] = "${key}"\n`],
      ['config/llm.json', `{"provider": "bedrock", "apiKey": "${key}"}\n`],
      ['values.yaml', `bedrock:\n  apiKey: ${key}\n`],
      ['scripts/converse.sh', `curl -H "Authorization: Bearer ${key}" https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse\n`],
    ]);
  });

  it('finds keys of IAM users with any name (not only the console\'s BedrockAPIKey-…)', () => {
    const secret = Buffer.from(chars(B64, 44, 'secret-bytes'), 'latin1').toString('base64');
    const value = LONG + Buffer.from(`bedrock-api-user-at-${'4'}${chars('0123456789', 11, 'acct')}:${secret}`).toString('base64');
    assertFound(id, value, [['.env', `BEDROCK_API_KEY=${value}\n`]]);
  });

  it('stays quiet on ABSK-prefixed base64 without the credential layout, and on cut-off keys', () => {
    const encode = (text: string): string => LONG + Buffer.from(text).toString('base64');
    const secret = Buffer.from(chars(B64, 44, 'other-secret'), 'latin1').toString('base64');
    assertQuiet([id], [
      // Random base64, text, a short account id, no secret, a secret that is not base64.
      ['.env', `K=${LONG}${chars(B64, 120, 'random')}\n`],
      ['.env', `K=${encode('The quick brown fox jumps over the lazy dog, twice over and over again.')}\n`],
      ['.env', `K=${encode(`BedrockAPIKey-ab12-at-12345:${secret}`)}\n`],
      ['.env', `K=${encode(`BedrockAPIKey-ab12-at-123456789012:`)}${chars(B64, 40, 'pad')}\n`],
      ['.env', `K=${encode(`BedrockAPIKey-ab12-at-123456789012:${chars(B64, 30, 'short')}!!!! secret`)}\n`],
      // Documentation stand-ins and cut-off keys.
      ['README.md', `export AWS_BEARER_TOKEN_BEDROCK=${key.slice(0, 22)}...\n`],
      ['README.md', `export AWS_BEARER_TOKEN_BEDROCK=${key.slice(0, -4)}\n`],
      ['README.md', `export AWS_BEARER_TOKEN_BEDROCK=${key.slice(0, -9)}\n`],
    ]);
  });
});

describe('Amazon Bedrock short-term API keys', () => {
  const id = 'aws-bedrock-short-term-api-key';
  const key = fakeValue(id, 'bedrock-short');

  it('finds a short-term key in .env, code, JSON and an Authorization header', () => {
    assertFound(id, key, [
      ['.env', `AWS_BEARER_TOKEN_BEDROCK=${key}\n`],
      ['src/bedrock.ts', `const client = new BedrockRuntimeClient({ token: { token: '${key}' } });\n`],
      ['launch.json', `{"env": {"AWS_BEARER_TOKEN_BEDROCK": "${key}"}}\n`],
      ['calls.http', `POST https://bedrock-runtime.us-west-2.amazonaws.com/model/x/converse\nAuthorization: Bearer ${key}\n`],
    ]);
  });

  it('is a warning: the key expires within 12 hours', () => {
    assert.strictEqual(ruleMeta.get(id)?.severity, 'warning');
    assert.strictEqual(ruleMeta.get('aws-bedrock-long-term-api-key')?.severity, 'error');
  });

  it('stays quiet on base64 that is not a signed Bedrock URL, and on cut-off keys', () => {
    const url = Buffer.from(key.slice(SHORT.length), 'base64').toString('utf8');
    const encode = (text: string): string => SHORT + Buffer.from(text).toString('base64');
    assertQuiet([id], [
      ['.env', `K=${SHORT}${chars(B64, 400, 'random')}\n`],
      ['.env', `K=${encode(url.replace('bedrock.amazonaws.com', 'example-proxy.internal'))}\n`],
      ['.env', `K=${encode(url.replace('Action=CallWithBearerToken', 'Action=ListUsers'))}\n`],
      ['.env', `K=${encode(url.replace(/X-Amz-Signature=[0-9a-f]{64}/, 'X-Amz-Signature=unsigned'))}\n`],
      ['.env', `K=${key.slice(0, -120)}\n`],
      ['.env', `K=${key.slice(0, SHORT.length + 80)}\n`],
      ['README.md', `export AWS_BEARER_TOKEN_BEDROCK=${SHORT}<base64-presigned-url>\n`],
    ]);
  });
});
