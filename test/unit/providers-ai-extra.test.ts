import * as assert from 'assert';
import { fakeValue } from '../support/fakeKeys';
import { mergedProviderMatches, providerMatches } from '../support/providerMatches';
import { randomFrom } from '../support/random';

/**
 * NVIDIA (`nvapi-`), Tavily (`tvly-`), PostHog personal (`phx_`), Fireworks AI (`fw_`) and Jina AI (`jina_`)
 * keys: reported in the files they are pasted into, and quiet on placeholders, wrong lengths, values glued to
 * other word characters, and PostHog's public `phc_` project keys. Prefixes are split so that this file
 * holds no live-format token; every value is made at run time.
 */

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64U = B62 + '_-';
const HEX = '0123456789abcdef';

const NV = 'nva' + 'pi-';
const TV = 'tv' + 'ly-';
const PHX = 'ph' + 'x_';
const PHC = 'ph' + 'c_';
const FW = 'f' + 'w_';
const JINA = 'ji' + 'na_';

/** The file layouts a key turns up in; `%v` is the key. */
const LAYOUTS: Array<[fileName: string, template: string]> = [
  ['.env', 'API_KEY=%v\n'],
  ['config/settings.yaml', 'search:\n  provider: remote\n  api_key: "%v"\n'],
  ['config.json', '{\n  "client": {\n    "apiKey": "%v"\n  }\n}\n'],
  ['app/client.py', 'import os\n\nclient = Client(api_key="%v", timeout=30)\n'],
  ['src/client.ts', "export const client = new Client({ apiKey: '%v' });\n"],
  ['scripts/run.sh', 'curl -s https://api.example.net/v1/run -H "Authorization: Bearer %v"\n'],
];

const fill = (template: string, value: string): string => template.split('%v').join(value);

/** Short, masked form for messages: a failure never prints a whole key. */
const masked = (value: string): string => `${value.slice(0, 8)}… (${value.length} chars)`;

function expectReported(ruleId: string, value: string): void {
  for (const [fileName, template] of LAYOUTS) {
    const text = fill(template, value);
    const hit = mergedProviderMatches(text, fileName).find((m) => m.ruleId === ruleId);
    assert.ok(hit, `${ruleId} missed ${masked(value)} in ${fileName}`);
    assert.strictEqual(text.slice(hit.start, hit.end), value, `${ruleId} range in ${fileName}`);
  }
}

function expectSilent(ruleId: string, values: string[]): void {
  const fired: string[] = [];
  for (const value of values) {
    for (const [fileName, template] of LAYOUTS) {
      if (providerMatches(fill(template, value), fileName).some((m) => m.ruleId === ruleId)) {
        fired.push(`${fileName}: ${masked(value)}`);
      }
    }
  }
  assert.deepStrictEqual(fired, [], `${ruleId} fired on look-alikes`);
}

describe('NVIDIA API keys (nvapi-)', () => {
  const id = 'nvidia-api-key';
  const key = fakeValue(id, 'nvidia-extra');

  it('reports a key in .env, YAML, JSON, Python, TypeScript and shell', () => expectReported(id, key));

  it('stays quiet on placeholders, wrong lengths and glued values', () => {
    expectSilent(id, [
      NV + 'x'.repeat(64),
      NV + '<your-key>',
      NV + 'YOUR_API_KEY_HERE',
      NV + randomFrom(B64U, 63, 'nv-short'),
      NV + randomFrom(B64U, 70, 'nv-long'),
      'my' + NV + randomFrom(B62, 64, 'nv-glued-left'),
      NV + randomFrom(B62, 64, 'nv-glued-right') + 'Zq',
      NV + randomFrom('abcdefghijklmnopqrstuvwxyz', 64, 'nv-lower-only'),
    ]);
  });
});

describe('Tavily API keys (tvly-)', () => {
  const id = 'tavily-api-key';

  it('reports development, production and unlabelled keys in every layout', () => {
    expectReported(id, fakeValue(id, 'tavily-extra'));
    expectReported(id, TV + 'prod-' + randomFrom(B62, 5, 'tv-prod-a') + '-' + randomFrom(B62, 42, 'tv-prod-b'));
    expectReported(id, TV + 'dev-' + randomFrom(B62, 32, 'tv-dev-32'));
    expectReported(id, TV + randomFrom(B62, 32, 'tv-plain-32'));
  });

  it('stays quiet on placeholders, wrong lengths and glued values', () => {
    expectSilent(id, [
      TV + 'YOUR_API_KEY',
      TV + 'dev-' + 'x'.repeat(32),
      TV + '<your-key>',
      TV + randomFrom(B62, 31, 'tv-31'),
      TV + randomFrom(B62, 40, 'tv-40'),
      TV + 'dev-' + randomFrom(B62, 6, 'tv-s1') + '-' + randomFrom(B62, 30, 'tv-s2'),
      TV + 'test-' + randomFrom(B62, 32, 'tv-other-env'),
      'x' + TV + randomFrom(B62, 32, 'tv-glued'),
    ]);
  });
});

describe('PostHog personal API keys (phx_)', () => {
  const id = 'posthog-personal-api-key';
  const key = fakeValue(id, 'posthog-extra');

  it('reports a personal key in every layout, including a 42-character body', () => {
    expectReported(id, key);
    expectReported(id, PHX + randomFrom(B62, 42, 'phx-42'));
  });

  it('never reports project keys (phc_), which are public by design', () => {
    const project = PHC + randomFrom(B62, 43, 'phc-project');
    expectSilent(id, [project]);
    for (const [fileName, template] of LAYOUTS) {
      const ids = providerMatches(fill(template, project), fileName).map((m) => m.ruleId);
      assert.ok(!ids.some((ruleId) => ruleId.startsWith('posthog')), `${fileName}: ${ids.join(', ')}`);
    }
  });

  it('stays quiet on Phoenix event names, placeholders, wrong lengths and glued values', () => {
    expectSilent(id, [
      'phx_join',
      'phx_reply',
      PHX + 'your_personal_api_key_here',
      PHX + '<your-key>',
      PHX + randomFrom(B62, 39, 'phx-39'),
      PHX + randomFrom(B62, 44, 'phx-44'),
      'a' + PHX + randomFrom(B62, 43, 'phx-glued'),
    ]);
  });
});

describe('Fireworks AI API keys (fw_)', () => {
  const id = 'fireworks-api-key';
  const key = fakeValue(id, 'fireworks-extra');

  it('reports a key in every layout', () => expectReported(id, key));

  it('stays quiet on placeholders, identifiers, wrong lengths and glued values', () => {
    expectSilent(id, [
      FW + 'your_key_here',
      FW + 'your_api_key_here',
      FW + 'x'.repeat(24),
      FW + 'FirmwareUpdateController',
      FW + randomFrom(B62, 23, 'fw-23'),
      FW + randomFrom(B62, 25, 'fw-25'),
      'my' + FW + randomFrom(B62, 24, 'fw-glued'),
    ]);
  });
});

describe('Jina AI API keys (jina_)', () => {
  const id = 'jina-api-key';
  const key = fakeValue(id, 'jina-extra');

  it('reports a key in every layout', () => expectReported(id, key));

  it('stays quiet on placeholders, wrong shapes and glued values', () => {
    expectSilent(id, [
      JINA + 'x'.repeat(24),
      JINA + 'your_api_key_here',
      JINA + '<your-key>',
      JINA + randomFrom(HEX, 32, 'jina-hex-only'),
      JINA + randomFrom(HEX, 32, 'jina-h') + randomFrom(B64U, 20, 'jina-short-tail'),
      JINA + randomFrom(B62, 60, 'jina-no-hex-head'),
      'x' + JINA + randomFrom(HEX, 32, 'jina-g1') + randomFrom(B62, 28, 'jina-g2'),
    ]);
  });
});
