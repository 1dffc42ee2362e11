import * as assert from 'assert';
import { detectProviders } from '../../src/engine/providers';
import { computeLineStarts } from '../../src/engine/lines';
import { languageOf } from '../../src/engine/language';
import type { RawMatch } from '../../src/engine/types';
import { fakeValue } from '../support/fakeKeys';

/**
 * Prefix formats documented by Sourcegraph, Typeform, MaxMind, 1Password, Adobe, SettleMint, 42,
 * Contributed Systems, OpenShift, Defined Networking and ClickHouse: found under their own rule id in
 * the places they turn up, and not confused with hex digests, UUIDs or look-alike strings.
 */
function detect(text: string, fileName = 'src/app.ts'): RawMatch[] {
  return detectProviders({ text, fileName, language: languageOf(fileName), lowerText: text.toLowerCase(), lineStarts: computeLineStarts(text) });
}

function ids(text: string, fileName?: string): string[] {
  return detect(text, fileName).map((m) => m.ruleId);
}

const HEX = '0123456789abcdef';
function hex(n: number, seed: number): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += HEX[(x >>> 16) % 16];
  }
  return out;
}

describe('provider formats: Sourcegraph, Typeform, MaxMind, 1Password, Adobe, SettleMint, 42, Sidekiq, OpenShift, Defined Networking, ClickHouse', () => {
  const ruleIds = [
    'sourcegraph-access-token', 'typeform-pat', 'maxmind-license-key', 'onepassword-secret-key', 'adobe-client-secret',
    'settlemint-token', 'intra42-client-secret', 'openshift-user-token', 'defined-networking-api-key', 'clickhouse-cloud-api-secret',
  ];

  for (const id of ruleIds) {
    it(`finds ${id} bare in a call, in JSON and in a comment`, () => {
      const value = fakeValue(id, 'formats');
      for (const line of [`client.setToken("${value}")`, `{"token": "${value}"}`, `// old key: ${value}`]) {
        const hit = detect(line).find((m) => m.ruleId === id);
        assert.ok(hit, `${id} not found in a line of ${line.length} chars`);
        assert.strictEqual(line.slice(hit.start, hit.end), value);
      }
    });
  }

  it('finds the Sourcegraph local-instance and older 40-hex layouts', () => {
    const sgp = 'sg' + 'p_';
    assert.ok(ids(`SRC_ACCESS_TOKEN=${sgp}local_${hex(40, 1)}`, '.env').includes('sourcegraph-access-token'));
    assert.ok(ids(`SRC_ACCESS_TOKEN=${sgp}${hex(40, 2)}`, '.env').includes('sourcegraph-access-token'));
  });

  it('finds Sidekiq Enterprise gem credentials in Bundler config', () => {
    const value = `${hex(8, 3)}:${hex(8, 4)}`;
    assert.ok(ids(`BUNDLE_ENTERPRISE__CONTRIBSYS__COM: "${value}"`, '.bundle/config').includes('sidekiq-enterprise-credentials'));
    assert.ok(ids(`export BUNDLE_GEMS__CONTRIBSYS__COM=${value}`, 'deploy.sh').includes('sidekiq-enterprise-credentials'));
    assert.ok(!ids(`range = "${value}"`, 'app.toml').includes('sidekiq-enterprise-credentials'));
  });

  it('stays quiet on look-alikes: hex digests, UUIDs, non-hex Sourcegraph bodies, short values', () => {
    const quiet = [
      `hash = "4b1d${hex(38, 5)}"`,
      `digest: sha256~${'a'.repeat(43)}`,
      `digest = "sha256:${hex(64, 6)}"`,
      `id = "${hex(4, 7)}a3-${hex(8, 8)}"`,
      `token = "${'sg' + 'p_'}local_${hex(10, 9)}G${hex(29, 10)}"`,
      `name = "${'sm' + '_pat_'}short"`,
      `key = "${'p8' + 'e-'}${'x'.repeat(32)}"`,
    ];
    const ours = new Set(['sourcegraph-access-token', 'onepassword-secret-key', 'openshift-user-token', 'clickhouse-cloud-api-secret', 'settlemint-token', 'adobe-client-secret']);
    for (const text of quiet) {
      const loud = ids(text).filter((id) => ours.has(id));
      assert.deepStrictEqual(loud, [], `flagged: ${text.slice(0, 12)}…`);
    }
  });
});
