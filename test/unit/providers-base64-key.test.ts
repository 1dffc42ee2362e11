import * as assert from 'assert';
import { fakeSample, fakeValue } from '../support/fakeKeys';
import { mulberry32, seedFromText } from '../support/random';
import { mergedProviderMatches, providerMatches } from '../support/providerMatches';

/**
 * base64-private-key: a whole PEM private key written as one base64 value (a k8s Secret's `tls.key`,
 * an environment variable, a CI variable), reported over the whole value; base64 of certificates,
 * public keys, placeholders and cut-off values stays quiet.
 */
const ID = 'base64-private-key';

const detect = providerMatches;
const merged = mergedProviderMatches;

function mask(value: string): string {
  return `${value.slice(0, 6)}… (${value.length} chars)`;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const BEGIN = '-----BEGIN ';
const END = '-----END ';
const KEY = 'PRIVATE' + ' KEY';

/** A PEM block with `chars` seeded base64 characters of body after `lead`, in 64-column lines. */
function pemBlock(label: string, lead: string, chars: number, seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const rng = mulberry32(seedFromText(seed));
  let body = lead;
  while (body.length < chars) body += alphabet[Math.floor(rng() * alphabet.length)];
  const lines = body.match(/.{1,64}/g) ?? [];
  return `${BEGIN}${label}-----\n${lines.join('\n')}\n${END}${label}-----\n`;
}

const rsaKey = (seed: string): string => fakeValue('private-key', seed);
const certificate = (seed: string): string => pemBlock('CERTIFICATE', 'MIIDdzCCAl+gAwIBAgIUQx', 1200, seed);

describe('base64-encoded PEM private keys', () => {
  it('finds base64 of RSA, PKCS#8, EC, DSA, OpenSSH and encrypted PKCS#8 keys over the whole value', () => {
    const keys = [
      rsaKey('b64-rsa'),
      pemBlock(KEY, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620, 'b64-pkcs8'),
      pemBlock(`EC ${KEY}`, 'MHcCAQEEI', 220, 'b64-ec'),
      pemBlock(`DSA ${KEY}`, 'MIIBuwIBAAKBgQ', 880, 'b64-dsa'),
      pemBlock(`OPENSSH ${KEY}`, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACD', 400, 'b64-openssh'),
      pemBlock(`ENCRYPTED ${KEY}`, 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI', 1700, 'b64-enc'),
    ];
    for (const key of keys) {
      const value = b64(key);
      const text = `TLS_KEY_B64=${value}\n`;
      const hits = merged(text, '.env').filter((m) => m.ruleId === ID);
      assert.strictEqual(hits.length, 1, `${key.split('\n')[0]} as ${mask(value)}`);
      assert.strictEqual(text.slice(hits[0].start, hits[0].end), value);
    }
  });

  it('finds it in a k8s TLS Secret, JSON, a CI variable and code, winning the overlap merge', () => {
    const value = fakeValue(ID, 'places');
    const samples: Array<[string, string]> = [
      ['k8s/tls.yaml', `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${b64(certificate('crt'))}\n  tls.key: ${value}\n`],
      ['secret.json', `{"kind": "Secret", "data": {"tls.key": "${value}"}}\n`],
      ['.gitlab-ci.yml', `variables:\n  SIGNING_KEY_B64: "${value}"\n`],
      ['src/sign.ts', `const key = Buffer.from('${value}', 'base64').toString();\n`],
      ['docker-compose.yml', `services:\n  api:\n    environment:\n      - JWT_PRIVATE_KEY=${value}\n`],
    ];
    for (const [fileName, text] of samples) {
      const hits = merged(text, fileName).filter((m) => m.ruleId === ID);
      assert.strictEqual(hits.length, 1, `${fileName}`);
      assert.strictEqual(text.slice(hits[0].start, hits[0].end), value, fileName);
    }
  });

  it('finds the key of a certificate-then-key bundle (an HAProxy-style .pem) encoded as one value', () => {
    const value = b64(certificate('bundle-crt') + rsaKey('bundle-key'));
    const hits = merged(`HAPROXY_PEM=${value}\n`, '.env').filter((m) => m.ruleId === ID);
    assert.strictEqual(hits.length, 1);
  });

  it('stays quiet on base64 of certificates, public keys and other PEM blocks', () => {
    const quiet = [
      certificate('alone'),
      certificate('chain-1') + certificate('chain-2'),
      pemBlock('PUBLIC KEY', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', 400, 'pub'),
      pemBlock('RSA PUBLIC KEY', 'MIIBCgKCAQEA', 360, 'rsa-pub'),
      pemBlock('CERTIFICATE REQUEST', 'MIICijCCAXICAQAwRTELMAkGA1UEBhMC', 900, 'csr'),
      pemBlock('PGP PUBLIC KEY BLOCK', 'mQINBGX', 1200, 'pgp-pub'),
      pemBlock('X509 CRL', 'MIIBpzCBkAIBATANBgkqhkiG9w0BAQsFADA', 600, 'crl'),
    ];
    const texts = quiet.map((pem) => `data:\n  ca.crt: ${b64(pem)}\n`);
    const loud = texts.filter((text) => detect(text, 'k8s/secret.yaml').some((m) => m.ruleId === ID));
    assert.deepStrictEqual(loud.map((text) => mask(text)), []);
  });

  it('stays quiet on cut-off values, a header alone, placeholder bodies and a key inside other encoded text', () => {
    const value = fakeValue(ID, 'negatives');
    const quiet = [
      value.slice(0, -40),
      value.slice(0, 200),
      b64(`${BEGIN}RSA ${KEY}-----\n`),
      b64(`${BEGIN}RSA ${KEY}-----\n...\n${END}RSA ${KEY}-----\n`),
      b64(`${BEGIN}${KEY}-----\n<paste your private key here, base64 encoded, on one or more lines>\n${END}${KEY}-----\n`),
      b64(`${BEGIN}OPENSSH ${KEY}-----\n${'x'.repeat(70)}\n${'x'.repeat(70)}\n${END}OPENSSH ${KEY}-----\n`),
      // Base64 of JSON that holds a PEM: the encoded text does not open with a BEGIN line.
      b64(JSON.stringify({ key: rsaKey('json') })),
    ];
    const loud = quiet.filter((candidate) => detect(`KEY_B64=${candidate}\n`, '.env').some((m) => m.ruleId === ID));
    assert.deepStrictEqual(loud.map(mask), []);
  });

  it('is not glued to surrounding base64 or identifiers', () => {
    const value = fakeValue(ID, 'glued');
    for (const text of [`KEY=Zq9${value}\n`, `KEY=${value}Zq9\n`, `KEY=${value}_x\n`]) {
      assert.ok(!detect(text, '.env').some((m) => m.ruleId === ID), mask(text));
    }
  });

  it('leaves kubeconfig client-key-data to kubeconfig-client-key: one finding, not two', () => {
    const sample = fakeSample('kubeconfig-client-key', 'b64-kubeconfig');
    const hits = detect(sample.text, sample.fileName);
    assert.deepStrictEqual(hits.map((m) => m.ruleId), ['kubeconfig-client-key']);
  });
});
