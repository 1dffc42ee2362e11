import * as assert from 'assert';
import { detectProviders } from '../../src/engine/providers';
import { mergeOverlapping } from '../../src/engine/merge';
import { computeLineStarts } from '../../src/engine/lines';
import { languageOf } from '../../src/engine/language';
import { providerRules } from '../../src/engine/rules/providers';
import { fakeValue } from '../support/fakeKeys';
import { seededRandom, randomValue } from '../eval/render';

const ruleMeta = new Map(providerRules.map((rule) => [rule.id, rule]));

/** Rule ids of the merged provider findings in `text`, as `line:ruleId` (1-based lines). */
function findings(text: string, fileName = 'src/app.ts'): string[] {
  const lineStarts = computeLineStarts(text);
  const raw = detectProviders({ text, fileName, language: languageOf(fileName), lowerText: text.toLowerCase(), lineStarts });
  return mergeOverlapping(raw, (id) => ruleMeta.get(id)).map((m) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.start) line++;
    return `${line + 1}:${m.ruleId}`;
  });
}

const fake = (ruleId: string, seed = 'ctx') => fakeValue(ruleId, `providers-context:${seed}`);

describe('provider context rules: where the provider may be named', () => {
  it('credits a flat list of names to each line, not to the sibling above', () => {
    // A .env/YAML listing several providers: the line above names another provider, not this value's.
    const text = `upstash_redis_rest_token: ${fake('upstash-token')}\nhetzner_api_token: ${fake('hetzner-api-token')}\n`;
    assert.deepStrictEqual(findings(text, 'keys.yaml'), ['1:upstash-token', '2:hetzner-api-token']);
  });

  it('still credits an enclosing key, block or INI section that names the provider', () => {
    const yaml = `twilio:\n  sid: app\n  auth_token: ${fake('twilio-auth-token')}\n`;
    assert.deepStrictEqual(findings(yaml, 'config.yaml'), ['3:twilio-auth-token']);
    const ini = `[twilio]\nauth_token = ${fake('twilio-auth-token', 'ini')}\n`;
    assert.deepStrictEqual(findings(ini, 'settings.ini'), ['2:twilio-auth-token']);
  });

  it('does not credit a sibling comment at the same depth', () => {
    const text = `# twilio\nauth_token = ${fake('twilio-auth-token', 'sib')}\n`;
    assert.deepStrictEqual(findings(text, 'settings.ini'), []);
  });

  it('reads a Terraform variable default from its block name', () => {
    const text = `variable "dd_api_key" {\n  default = "${fake('datadog-api-key')}"\n}\n`;
    assert.deepStrictEqual(findings(text, 'main.tf'), ['2:datadog-api-key']);
    const other = `variable "build_id" {\n  default = "${fake('datadog-api-key', 'id')}"\n}\n`;
    assert.deepStrictEqual(findings(other, 'main.tf'), []);
  });

  it('accepts the provider host the value is sent to on the same line', () => {
    const text = `curl -H "DD-API-KEY: ${fake('datadog-api-key', 'curl')}" https://api.datadoghq.com/api/v1/validate\n`;
    assert.deepStrictEqual(findings(text, 'check.sh'), ['1:datadog-api-key']);
    const elsewhere = `curl -H "X-Key: ${fake('datadog-api-key', 'curl2')}" https://api.example.com/v1\n`;
    assert.deepStrictEqual(findings(elsewhere, 'check.sh'), []);
  });

  it('finds camelCase identifiers whose snake_case keyword would not match', () => {
    assert.deepStrictEqual(findings(`scwSecretKey <- "${fake('scaleway-secret-key')}"\n`, 'keys.r'), ['1:scaleway-secret-key']);
    const yandex = `<ycSecretAccessKey>${fake('yandex-cloud-static-key-secret')}</ycSecretAccessKey>\n`;
    assert.deepStrictEqual(findings(yandex, 'keys.xml'), ['1:yandex-cloud-static-key-secret']);
  });
});

describe('provider formats: documented variants', () => {
  it('reports a legacy Slack bot token with a single numeric id, not a placeholder', () => {
    const tail = randomValue(24, 'b62', seededRandom('legacy-slack'));
    const legacy = `${'xox'}b-4821379056-${tail}`;
    assert.deepStrictEqual(findings(`SLACK_BOT_TOKEN = "${legacy}"\n`, 'bot.py'), ['1:slack-bot-token']);
    assert.deepStrictEqual(findings(`SLACK_BOT_TOKEN = "${'xox'}b-4821379056-${'x'.repeat(24)}"\n`, 'bot.py'), []);
  });

  it('treats the anonymous-FTP .netrc entry as no credential', () => {
    assert.deepStrictEqual(findings('machine ftp.example.org login anonymous password anonymous\n', '.netrc'), []);
    const text = `machine api.acme-corp.io login deploy password ${fake('netrc-credentials')}\n`;
    assert.deepStrictEqual(findings(text, '.netrc'), ['1:netrc-credentials']);
  });
});

describe('private keys and registry auth: more armours and fields', () => {
  it('reports an RFC 4716 (SSH2) encrypted private key block once, and not a header without key material', () => {
    const pem = fake('private-key', 'ssh2');
    const ssh2 = pem
      .replace(/-----BEGIN RSA PRIVATE KEY-----/, '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"')
      .replace(/-----END RSA PRIVATE KEY-----/, '---- END SSH2 ENCRYPTED PRIVATE KEY ----');
    assert.deepStrictEqual(findings(`${ssh2}\n`, 'keys/legacy.key'), ['1:private-key']);
    const empty = '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n<paste your key here, it is long enough to pass a length check>\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n';
    assert.deepStrictEqual(findings(empty, 'keys/legacy.key'), []);
  });

  it('decodes npm `_password` (base64 of the password) in .npmrc only', () => {
    const password = randomValue(18, 'pw', seededRandom('npm-password'));
    const line = `//npm.acme-corp.io/:_password=${Buffer.from(password).toString('base64')}\n`;
    assert.deepStrictEqual(findings(line, '.npmrc'), ['1:npmrc-basic-auth']);
    assert.deepStrictEqual(findings(line, 'src/client.py'), []);
    assert.deepStrictEqual(findings(`_password=${Buffer.from('changeme').toString('base64')}\n`, '.npmrc'), []);
  });

  it('reads JSON-escaped slashes in webhook URLs and Oracle thin JDBC credentials', () => {
    const hook = fake('slack-webhook-url').replace(/\//g, '\\/');
    assert.deepStrictEqual(findings(`{"hook":"${hook}"}\n`, 'export.json'), ['1:slack-webhook-url']);
    const password = randomValue(16, 'b62', seededRandom('oracle'));
    assert.deepStrictEqual(findings(`url=jdbc:oracle:thin:app/${password}@db.acme-corp.io:1521:ORCL\n`, 'db.properties'), ['1:jdbc-connection-string']);
    assert.deepStrictEqual(findings('url=jdbc:oracle:thin:@db.acme-corp.io:1521:ORCL\n', 'db.properties'), []);
  });
});

describe('prefixed formats after escape sequences', () => {
  const value = () => fake('github-pat', 'escape');

  for (const [label, wrap] of [
    ['a JSON \\n escape', (v: string) => `{"script": "set -e\\n${v}\\nmake"}`],
    ['a JSON \\t escape', (v: string) => `{"row": "ci\\t${v}\\t2026"}`],
    ['a percent-encoded =', (v: string) => `https://app.acme-corp.io/cb?next=%2Fhome%3Fkey%3D${v}%26v%3D2`],
    ['a \\u003d escape', (v: string) => `{"u": "a\\u003d${v}"}`],
  ] as const) {
    it(`finds a token right after ${label}`, () => {
      assert.deepStrictEqual(findings(`${wrap(value())}\n`, 'data/export.json'), ['1:github-pat']);
    });
  }

  it('still refuses a prefix glued to other letters or digits', () => {
    assert.deepStrictEqual(findings(`const blob = "abc${value()}";\n`, 'src/blob.ts'), []);
    assert.deepStrictEqual(findings(`const blob = "x9${value()}";\n`, 'src/blob.ts'), []);
  });
});
