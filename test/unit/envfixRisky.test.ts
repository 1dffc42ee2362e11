import * as assert from 'assert';
import { applyEdits, planRiskyFix, planSuppression, suppressionComment } from '../../src/engine/envfix';
import type { LanguageId } from '../../src/engine/language';

/** Applies option `index` of the risky fix for the finding on `marker` (the range covers the marker). */
function fix(ruleId: string, language: LanguageId, text: string, marker: string, index = 0, detail?: string): string | undefined {
  const start = text.indexOf(marker);
  assert.ok(start >= 0, `fixture lacks ${marker}`);
  const options = planRiskyFix({ ruleId, detail, range: { start, end: start + marker.length } }, text, language);
  return options[index] ? applyEdits(text, options[index].edits) : undefined;
}

describe('envfix: risky-config fixes', () => {
  const tls: Array<[string, LanguageId, string, string, string]> = [
    ['python verify=False last argument', 'python', 'r = requests.get(url, verify=False)\n', 'verify=False', 'r = requests.get(url)\n'],
    ['python verify=False first argument', 'python', 'r = requests.get(verify=False, url=u)\n', 'verify=False', 'r = requests.get(url=u)\n'],
    ['python verify=False in the middle', 'python', 'r = requests.get(url, verify=False, timeout=3)\n', 'verify=False', 'r = requests.get(url, timeout=3)\n'],
    ['python verify=False only argument', 'python', 's = Session(verify=False)\n', 'verify=False', 's = Session()\n'],
    ['python session.verify = False', 'python', 'session.verify = False\n', 'False', 'session.verify = True\n'],
    ['python unverified context', 'python', 'ctx = ssl._create_unverified_context()\n', '_create_unverified_context', 'ctx = ssl.create_default_context()\n'],
    ['node rejectUnauthorized', 'javascript', 'const agent = new https.Agent({ rejectUnauthorized: false });\n', 'false', 'const agent = new https.Agent({ rejectUnauthorized: true });\n'],
    ['node env in .env', 'dotenv', 'NODE_TLS_REJECT_UNAUTHORIZED=0\n', '0', 'NODE_TLS_REJECT_UNAUTHORIZED=1\n'],
    ['node env in code', 'javascript', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n", "'0'", "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\n"],
    ['go InsecureSkipVerify', 'go', '\tcfg := &tls.Config{InsecureSkipVerify: true}\n', 'true', '\tcfg := &tls.Config{InsecureSkipVerify: false}\n'],
    ['curl -k', 'shell', 'curl -k https://x\n', '-k', 'curl https://x\n'],
    ['curl --insecure', 'shell', 'curl --insecure -s https://x\n', '--insecure', 'curl -s https://x\n'],
    ['curl combined -sSkL', 'shell', 'curl -sSkL https://x\n', '-sSkL', 'curl -sSL https://x\n'],
    ['wget --no-check-certificate', 'shell', 'wget --no-check-certificate https://x\n', '--no-check-certificate', 'wget https://x\n'],
    ['kubeconfig', 'yaml', '- cluster:\n    insecure-skip-tls-verify: true\n', 'true', '- cluster:\n    insecure-skip-tls-verify: false\n'],
    ['git config file', 'ini', '[http]\n\tsslVerify = false\n', 'false', '[http]\n\tsslVerify = true\n'],
    ['git config command', 'shell', 'git config --global http.sslVerify false\n', 'false', 'git config --global http.sslVerify true\n'],
  ];
  for (const [title, language, input, marker, expected] of tls) {
    it(`TLS: ${title}`, () => assert.strictEqual(fix('tls-verify-disabled', language, input, marker), expected));
  }

  const flips: Array<[string, LanguageId, string, string, string, string]> = [
    ['npm strict-ssl', 'ini', 'strict-ssl=false\n', 'false', 'npm-strict-ssl', 'strict-ssl=true\n'],
    ['GIT_SSL_NO_VERIFY', 'dotenv', 'GIT_SSL_NO_VERIFY=1\n', '1', 'git-ssl-no-verify', 'GIT_SSL_NO_VERIFY=0\n'],
    ['generic skip-verify', 'yaml', 'tls:\n  skip_verify: true\n', 'true', 'config-insecure-skip-verify', 'tls:\n  skip_verify: false\n'],
    ['CERT_NONE', 'python', 'ctx.verify_mode = ssl.CERT_NONE\n', 'CERT_NONE', 'python-cert-none', 'ctx.verify_mode = ssl.CERT_REQUIRED\n'],
    ['PYTHONHTTPSVERIFY=0', 'dotenv', 'PYTHONHTTPSVERIFY=0\n', '0', 'python-https-verify-env', 'PYTHONHTTPSVERIFY=1\n'],
    ['kubectl flag', 'shell', 'kubectl get pods --insecure-skip-tls-verify\n', '--insecure-skip-tls-verify', 'kube-insecure-skip-flag', 'kubectl get pods\n'],
  ];
  for (const [title, language, input, marker, detail, expected] of flips) {
    it(`TLS (detector form ${detail}): ${title}`, () => assert.strictEqual(fix('tls-verify-disabled', language, input, marker, 0, detail), expected));
  }

  it('TLS: no automatic fix for a trust-all TrustManager', () => {
    assert.strictEqual(fix('tls-verify-disabled', 'java', 'public void checkServerTrusted(X509Certificate[] c, String a) {}\n', 'checkServerTrusted'), undefined);
  });

  const debug: Array<[string, LanguageId, string, string, string, string | undefined]> = [
    ['yaml', 'yaml', 'app:\n  debug: true\n', 'true', 'app:\n  debug: false\n', 'app:\n  debug: ${DEBUG:-false}\n'],
    ['compose quoted', 'yaml', '    environment:\n      DEBUG: "true"\n', 'true', '    environment:\n      DEBUG: "false"\n', '    environment:\n      DEBUG: ${DEBUG:-false}\n'],
    ['python settings', 'python', 'import os\nDEBUG = True\n', 'True', 'import os\nDEBUG = False\n', 'import os\nDEBUG = os.getenv("DEBUG") == "1"\n'],
    ['python settings without import', 'python', 'DEBUG = True\n', 'True', 'DEBUG = False\n', 'import os\n\nDEBUG = os.getenv("DEBUG") == "1"\n'],
    ['properties', 'properties', 'debug=true\n', 'true', 'debug=false\n', 'debug=${DEBUG:false}\n'],
    ['.env 1', 'dotenv', 'APP_DEBUG=1\n', '1', 'APP_DEBUG=0\n', undefined],
  ];
  for (const [title, language, input, marker, off, fromEnv] of debug) {
    it(`debug in production: ${title}`, () => {
      assert.strictEqual(fix('debug-in-production', language, input, marker, 0), off);
      assert.strictEqual(fix('debug-in-production', language, input, marker, 1), fromEnv);
    });
  }

  it('debug in production: verbose-error settings get their quiet value', () => {
    assert.strictEqual(fix('debug-in-production', 'properties', 'server.error.include-stacktrace=always\n', 'always', 0, 'spring-include-stacktrace'),
      'server.error.include-stacktrace=never\n');
    assert.strictEqual(fix('debug-in-production', 'xml', '<customErrors mode="Off" />\n', 'Off', 0, 'aspnet-custom-errors-off'),
      '<customErrors mode="RemoteOnly" />\n');
    assert.strictEqual(fix('debug-in-production', 'xml', '<compilation debug="true" />\n', 'true', 0, 'aspnet-compilation-debug'),
      '<compilation debug="false" />\n');
  });

  it('plaintext passwords are left to the env-var move', () => {
    assert.deepStrictEqual(planRiskyFix({ ruleId: 'plaintext-password', range: { start: 10, end: 14 } }, 'password: abcd\n', 'yaml'), []);
  });
});

describe('envfix: suppression comments', () => {
  it('uses the language comment syntax and the until date', () => {
    assert.deepStrictEqual(suppressionComment('python', 'github-pat', '2027-01-31'), { placement: 'trailing', text: '# keyguard:ignore github-pat until 2027-01-31' });
    assert.deepStrictEqual(suppressionComment('typescript', 'github-pat'), { placement: 'trailing', text: '// keyguard:ignore github-pat' });
    assert.deepStrictEqual(suppressionComment('properties', 'x'), { placement: 'line-before', text: '# keyguard:ignore x' });
    assert.strictEqual(suppressionComment('json', 'x'), undefined);
  });

  const table: Array<[string, LanguageId, string, string]> = [
    ['trailing, trailing spaces trimmed', 'python', 'k = "SECRET"   \nx = 1\n', 'k = "SECRET" # keyguard:ignore r\nx = 1\n'],
    ['trailing with CRLF', 'typescript', 'const k = "SECRET";\r\nx();\r\n', 'const k = "SECRET"; // keyguard:ignore r\r\nx();\r\n'],
    ['line before, indented, for .properties', 'properties', 'a=1\n  k=SECRET\n', 'a=1\n  # keyguard:ignore r\n  k=SECRET\n'],
    ['line before in a Dockerfile', 'dockerfile', 'ENV K=SECRET\n', '# keyguard:ignore r\nENV K=SECRET\n'],
    ['ini uses ;', 'ini', '[s]\nk = SECRET\n', '[s]\n; keyguard:ignore r\nk = SECRET\n'],
  ];
  for (const [title, language, input, expected] of table) {
    it(title, () => {
      const start = input.indexOf('SECRET');
      const edit = planSuppression(input, language, { start, end: start + 6 }, 'r');
      assert.ok(edit);
      assert.strictEqual(applyEdits(input, [edit]), expected);
    });
  }

  it('a multi-line value gets the comment on the line before', () => {
    const input = 'KEY = """SECRET\nMORE"""\n';
    const start = input.indexOf('SECRET');
    assert.strictEqual(applyEdits(input, [planSuppression(input, 'python', { start, end: input.indexOf('"""', start) }, 'r')!]), '# keyguard:ignore r\nKEY = """SECRET\nMORE"""\n');
  });
});
