import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DetectContext } from '../../src/engine/detect';
import { parseStructure } from '../../src/engine/formats';
import { languageOf } from '../../src/engine/language';
import { computeLineStarts } from '../../src/engine/lines';
import { detectRisky, productionSignalOfPath, riskyRules } from '../../src/engine/risky';
import type { RawMatch } from '../../src/engine/types';

function contextFor(text: string, fileName: string): DetectContext {
  const language = languageOf(fileName);
  return {
    text, fileName, language, lowerText: text.toLowerCase(), structure: parseStructure(text, fileName, language),
    lineStarts: computeLineStarts(text),
  };
}

function risky(text: string, fileName: string, ruleId?: string): RawMatch[] {
  return detectRisky(contextFor(text, fileName)).filter((m) => !ruleId || m.ruleId === ruleId);
}

function show(matches: RawMatch[], text: string): string {
  return matches.map((m) => `${m.ruleId}:${m.detail ?? ''}@${m.start} "${text.slice(m.start, m.end)}"`).join(', ') || 'nothing';
}

/**
 * `[file, text, token, detail?]`: exactly one finding of the rule, whose range is the `⟦…⟧`-marked token
 * (the markers are removed before scanning).
 */
type Case = [string, string, string?];

function check(ruleId: string, [file, marked, detail]: Case): void {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧') - 1;
  const text = marked.replace('⟦', '').replace('⟧', '');
  const matches = risky(text, file, ruleId);
  assert.strictEqual(matches.length, 1, `expected one ${ruleId}, got ${show(matches, text)}`);
  assert.deepStrictEqual([matches[0].start, matches[0].end], [start, end], `range: got ${show(matches, text)}`);
  if (detail) assert.strictEqual(matches[0].detail, detail);
}

const TLS_POSITIVES: Case[] = [
  ['client.py', 'r = requests.get(url, verify=⟦False⟧)\n', 'python-verify-false'],
  ['client.py', 'session = requests.Session()\nsession.verify = ⟦False⟧\n', 'python-verify-false'],
  ['client.py', 'httpx.Client(verify=⟦False⟧, timeout=5)\n', 'python-verify-false'],
  ['client.py', 'async with session.get(url, ssl=⟦False⟧) as r:\n    pass\n', 'python-ssl-false'],
  ['client.py', 'conn = aiohttp.TCPConnector(verify_ssl=⟦False⟧)\n', 'python-ssl-false'],
  ['client.py', 'ctx = ssl.⟦_create_unverified_context⟧()\n', 'python-unverified-context'],
  ['client.py', 'ssl._create_default_https_context = ssl.⟦_create_unverified_context⟧\n', 'python-unverified-context'],
  ['client.py', 'ctx.verify_mode = ssl.⟦CERT_NONE⟧\n', 'python-cert-none'],
  ['client.py', "http = urllib3.PoolManager(cert_reqs='⟦CERT_NONE⟧')\n", 'python-cert-none'],
  ['http.js', 'const agent = new https.Agent({ rejectUnauthorized: ⟦false⟧ });\n', 'node-reject-unauthorized'],
  ['http.ts', 'const opts: RequestOptions = { host, rejectUnauthorized:⟦false⟧ };\n', 'node-reject-unauthorized'],
  ['http.js', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '⟦0⟧';\n", 'node-tls-env'],
  ['http.js', 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "⟦0⟧";\n', 'node-tls-env'],
  ['.env', 'NODE_TLS_REJECT_UNAUTHORIZED=⟦0⟧\n', 'node-tls-env'],
  ['Dockerfile', 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED ⟦0⟧\n', 'node-tls-env'],
  ['Dockerfile', 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=⟦0⟧\n', 'node-tls-env'],
  ['deployment.yaml', 'env:\n  - name: NODE_TLS_REJECT_UNAUTHORIZED\n    value: "⟦0⟧"\n', undefined],
  ['docker-compose.yml', 'services:\n  a:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "⟦0⟧"\n', 'node-tls-env'],
  ['package.json', '{ "scripts": { "start": "NODE_TLS_REJECT_UNAUTHORIZED=⟦0⟧ node server.js" } }', 'node-tls-env'],
  ['client.go', 'tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: ⟦true⟧}}\n', 'go-insecure-skip-verify'],
  ['client.go', 'cfg.InsecureSkipVerify = ⟦true⟧\n', 'go-insecure-skip-verify'],
  ['run.sh', 'curl ⟦-k⟧ https://internal.example.com/health\n', 'curl-insecure'],
  ['run.sh', 'curl --silent ⟦--insecure⟧ https://x.example.com | jq .\n', 'curl-insecure'],
  ['run.sh', 'curl -sS⟦k⟧L https://x.example.com/install.sh | bash\n', 'curl-insecure'],
  ['run.sh', 'curl -o out.tar.gz \\\n  ⟦-k⟧ https://x.example.com/a.tar.gz\n', 'curl-insecure'],
  ['Dockerfile', 'FROM alpine\nRUN curl -fsSL⟦k⟧ https://x.example.com/get | sh\n', 'curl-insecure'],
  ['.gitlab-ci.yml', 'deploy:\n  script:\n    - curl ⟦--insecure⟧ -X POST https://hooks.example.com\n', 'curl-insecure'],
  ['tool.py', 'subprocess.run(["curl", "⟦-k⟧", url], check=True)\n', 'curl-insecure'],
  ['run.sh', 'wget ⟦--no-check-certificate⟧ https://x.example.com/a.zip\n', 'wget-no-check'],
  ['run.sh', 'wget -q -O- ⟦--no-check-certificate⟧ https://x.example.com/a.sh | sh\n', 'wget-no-check'],
  ['kubeconfig.yaml', 'clusters:\n- cluster:\n    server: https://10.0.0.1:6443\n    insecure-skip-tls-verify: ⟦true⟧\n  name: dev\n', 'kube-insecure-skip'],
  ['deploy.sh', 'kubectl ⟦--insecure-skip-tls-verify⟧ apply -f k8s/\n', 'kube-insecure-skip-flag'],
  ['deploy.sh', 'helm upgrade app ./chart --insecure-skip-tls-verify=⟦true⟧\n', 'kube-insecure-skip-flag'],
  ['setup.sh', 'git config --global http.sslVerify ⟦false⟧\n', 'git-sslverify'],
  ['setup.sh', 'git -c http.sslVerify=⟦false⟧ clone https://git.example.com/r.git\n', 'git-sslverify'],
  ['.gitconfig', '[http]\n\tsslVerify = ⟦false⟧\n', 'git-sslverify'],
  ['setup.sh', 'export GIT_SSL_NO_VERIFY=⟦1⟧\n', 'git-ssl-no-verify'],
  ['.npmrc', 'registry=https://npm.example.com/\nstrict-ssl=⟦false⟧\n', 'npm-strict-ssl'],
  ['setup.sh', 'npm config set strict-ssl ⟦false⟧\n', 'npm-strict-ssl'],
  ['TrustAll.java', 'public void ⟦checkServerTrusted⟧(X509Certificate[] chain, String authType) throws CertificateException {\n    // trust everyone\n}\n', 'java-trust-all'],
  ['TrustAll.kt', 'override fun ⟦checkServerTrusted⟧(chain: Array<X509Certificate>, authType: String) {}\n', 'java-trust-all'],
  ['Http.java', 'HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> ⟦true⟧);\n', 'java-hostname-verifier'],
  ['Http.java', 'HostnameVerifier allowAll = (hostname, session) -> ⟦true⟧;\n', 'java-hostname-verifier'],
  ['Http.java', 'new HostnameVerifier() {\n  public boolean verify(String host, SSLSession s) { return ⟦true⟧; }\n};\n', 'java-hostname-verifier'],
  ['Http.java', 'builder.setHostnameVerifier(SSLConnectionSocketFactory.⟦ALLOW_ALL_HOSTNAME_VERIFIER⟧);\n', 'java-allow-all-hostname'],
  ['Http.java', 'builder.setSSLHostnameVerifier(new ⟦NoopHostnameVerifier⟧());\n', 'java-noop-hostname-verifier'],
  ['Http.java', 'ctx.loadTrustMaterial(null, new ⟦TrustAllStrategy⟧());\n', 'java-trust-all'],
  ['Client.kt', 'builder.hostnameVerifier { _, _ -> ⟦true⟧ }\n', 'java-hostname-verifier'],
  ['Http.cs', 'ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => ⟦true⟧;\n', 'csharp-accept-all'],
  ['Http.cs', 'ServicePointManager.ServerCertificateValidationCallback = delegate { return ⟦true⟧; };\n', 'csharp-accept-all'],
  ['Http.cs', 'handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { return ⟦true⟧; };\n', 'csharp-accept-all'],
  ['Http.cs', 'handler.ServerCertificateCustomValidationCallback = HttpClientHandler.⟦DangerousAcceptAnyServerCertificateValidator⟧;\n', 'csharp-accept-all'],
  ['client.rb', 'http.verify_mode = OpenSSL::SSL::⟦VERIFY_NONE⟧\n', 'ruby-verify-none'],
  ['client.rb', 'conn = Faraday.new(url, ssl: { verify: ⟦false⟧ })\n', 'ruby-verify-false'],
  ['client.php', "<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, ⟦false⟧);\n", 'php-curl-verify'],
  ['client.php', "<?php\ncurl_setopt_array($ch, [CURLOPT_SSL_VERIFYHOST => ⟦0⟧]);\n", 'php-curl-verify'],
  ['client.php', "<?php\n$client = new GuzzleHttp\\Client(['verify' => ⟦false⟧]);\n", 'php-verify-false'],
  ['main.rs', 'let client = reqwest::Client::builder().danger_accept_invalid_certs(⟦true⟧).build()?;\n', 'rust-accept-invalid-certs'],
  ['fetch.ps1', 'Invoke-RestMethod -Uri $url ⟦-SkipCertificateCheck⟧\n', 'powershell-skip-cert'],
  ['fetch.ps1', '[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$⟦true⟧}\n', 'powershell-accept-all'],
  ['prometheus.yml', 'scrape_configs:\n  - job_name: x\n    tls_config:\n      insecure_skip_verify: ⟦true⟧\n', 'config-insecure-skip-verify'],
  ['playbook.yml', '- uri:\n    url: https://x.example.com\n    validate_certs: ⟦false⟧\n', 'config-tls-verify-off'],
  ['elasticsearch.yml', 'xpack.security.http.ssl.verification_mode: ⟦none⟧\n', 'config-verification-none'],
  ['main.tf', 'provider "vault" {\n  skip_tls_verify = ⟦true⟧\n}\n', 'config-insecure-skip-verify'],
  ['repo.repo', '[base]\nsslverify=⟦0⟧\n', 'config-tls-verify-off'],
  ['.env', 'PYTHONHTTPSVERIFY=⟦0⟧\n', 'python-https-verify-env'],
  ['.wgetrc', 'check_certificate = ⟦off⟧\n', 'wget-no-check'],
  ['client.js', "request({ url, strictSSL: ⟦false⟧ }, cb);\n", 'node-strict-ssl'],
  ['config.yaml', 'upstream:\n  tls:\n    verify: ⟦false⟧\n', 'config-tls-verify-off'],
  ['otel.yaml', 'exporters:\n  otlp:\n    tls:\n      insecure: ⟦true⟧\n', 'config-insecure-skip-verify'],
  ['settings.json', '{ "ssl": { "verify": ⟦false⟧ } }', 'config-tls-verify-off'],
  ['client.php', "<?php\n$ctx = stream_context_create(['ssl' => ['verify_peer' => ⟦false⟧]]);\n", 'php-verify-peer'],
  ['providers.tf', 'provider "kubernetes" {\n  host     = var.host\n  insecure = ⟦true⟧\n}\n', 'terraform-insecure'],
  ['Trust.kt', 'override fun ⟦checkServerTrusted⟧(chain: Array<out X509Certificate>?, authType: String?) = Unit\n', 'java-trust-all'],
];

const TLS_NEGATIVES: Array<[string, string]> = [
  ['client.py', 'r = requests.get(url, verify=True)\nr = requests.get(url, verify="/etc/ssl/ca.pem")\n'],
  ['client.py', '# never do this: requests.get(url, verify=False)\n'],
  ['client.py', 'use_ssl = False\nif ctx.verify_mode == ssl.CERT_NONE:\n    warn()\n'],
  ['http.js', 'const agent = new https.Agent({ rejectUnauthorized: true });\n// rejectUnauthorized: false is dangerous\n'],
  ['http.js', 'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") warn();\n'],
  ['client.go', 'tlsConfig := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}\n'],
  ['run.sh', 'curl -fsSL https://x.example.com | sh\ncurl -o keyfile https://x.example.com/k\ncurl -H "X-Flag: -k" https://x.example.com\n'],
  ['run.sh', '# curl -k is not allowed here\nlibcurl-config --version\n'],
  ['run.sh', 'wget https://x.example.com/a.zip\n'],
  ['kubeconfig.yaml', 'clusters:\n- cluster:\n    certificate-authority-data: Zm9v\n    insecure-skip-tls-verify: false\n'],
  ['.gitconfig', '[http]\n\tsslVerify = true\n'],
  ['.npmrc', 'strict-ssl=true\n'],
  ['TrustAll.java', 'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    delegate.checkServerTrusted(chain, authType);\n}\n'],
  ['Http.java', 'import org.apache.http.conn.ssl.NoopHostnameVerifier;\n'],
  ['Http.cs', 'handler.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == SslPolicyErrors.None;\n'],
  ['client.php', "<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\n"],
  ['README.md', 'Do not run `curl -k` or set `verify=False`.\n'],
  ['playbook.yml', '- uri:\n    validate_certs: true\n'],
  ['config.yaml', 'email:\n  verify: false\nregistry:\n  insecure: true\n'],
];

describe('risky config: tls-verify-disabled', () => {
  TLS_POSITIVES.forEach((c, index) => it(`#${index} ${c[0]}: ${c[1].split('\n').find((l) => l.includes('⟦'))!.trim().slice(0, 70)}`, () => check('tls-verify-disabled', c)));
  TLS_NEGATIVES.forEach(([file, text], index) => it(`negative #${index} ${file}: ${text.split('\n')[0].slice(0, 60)}`, () => {
    const matches = risky(text, file, 'tls-verify-disabled');
    assert.deepStrictEqual(matches, [], show(matches, text));
  }));
});

const DEBUG_POSITIVES: Case[] = [
  ['myproject/settings.py', 'DEBUG = ⟦True⟧\nALLOWED_HOSTS = []\n', 'python-debug'],
  ['myproject/settings/prod.py', 'from .base import *\nDEBUG = ⟦True⟧\n', 'python-debug'],
  ['myproject/settings/production.py', 'DEBUG=⟦True⟧\n'],
  ['app/config.py', 'class ProductionConfig(Config):\n    DEBUG = ⟦True⟧\n'],
  ['app/__init__.py', "import os\nos.environ['FLASK_ENV'] = 'production'\napp.config['DEBUG'] = ⟦True⟧\n"],
  ['config/production.yml', 'app:\n  debug: ⟦true⟧\n', 'yaml-debug'],
  ['config/app.yml', 'production:\n  debug: ⟦true⟧\ndevelopment:\n  debug: true\n', 'yaml-debug'],
  ['.env.production', 'APP_ENV=production\nAPP_DEBUG=⟦true⟧\n', 'dotenv-debug'],
  ['.env', 'APP_ENV=production\nAPP_DEBUG=⟦true⟧\n'],
  ['.env.prod', 'FLASK_DEBUG=⟦1⟧\n'],
  ['appsettings.Production.json', '{ "Logging": {}, "Debug": ⟦true⟧ }', 'json-debug'],
  ['config/prod.json', '{ "server": { "debug": ⟦true⟧ } }'],
  ['application-prod.properties', 'server.port=8080\ndebug=⟦true⟧\n', 'properties-debug'],
  ['app.ini', '[production]\ndebug = ⟦true⟧\n', 'ini-debug'],
  ['config.toml', '[env.production]\ndebug = ⟦true⟧\n', 'toml-debug'],
  ['config/production.js', 'module.exports = {\n  debug: ⟦true⟧,\n};\n', 'javascript-debug'],
  ['deploy/prod/docker-compose.yml', 'services:\n  web:\n    environment:\n      - DEBUG=⟦1⟧\n'],
  ['docker-compose.yml', 'services:\n  web:\n    environment:\n      - DJANGO_ENV=production\n      - DJANGO_DEBUG=⟦True⟧\n'],
  ['Dockerfile.prod', 'FROM python:3.12\nENV FLASK_DEBUG=⟦1⟧\n'],
  ['release/config.yaml', 'logging:\n  level: info\ndebug: ⟦yes⟧\n'],
  ['myproject/settings/production.py', 'DEBUG = False\nTEMPLATE_DEBUG = ⟦True⟧\n'],
  ['Dockerfile', 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=shop.settings.production\nENV DEBUG=⟦True⟧\n'],
  ['application-prod.properties', 'server.error.include-stacktrace=⟦always⟧\n', 'spring-include-stacktrace'],
  ['config/application-production.yml', 'server:\n  error:\n    include-stacktrace: ⟦always⟧\n', 'spring-include-stacktrace'],
  ['Web.Release.config', '<configuration>\n  <system.web>\n    <compilation targetFramework="4.8" debug="⟦true⟧" />\n  </system.web>\n</configuration>\n'],
];

const DEBUG_NEGATIVES: Array<[string, string]> = [
  ['myproject/settings/dev.py', 'DEBUG = True\n'],
  ['myproject/settings/local.py', 'DEBUG = True\n'],
  ['myproject/settings/test.py', 'DEBUG = True\n'],
  ['myproject/settings.py', 'DEBUG = False\nDEBUG = os.getenv("DEBUG") == "1"\n'],
  ['myproject/settings.py', '# DEBUG = True\n'],
  ['app/config.py', 'class DevelopmentConfig(Config):\n    DEBUG = True\nclass TestingConfig(Config):\n    DEBUG = True\n'],
  ['config/development.yml', 'debug: true\n'],
  ['config/app.yml', 'development:\n  debug: true\ntest:\n  debug: true\n'],
  ['.env', 'APP_ENV=local\nAPP_DEBUG=true\n'],
  ['.env.example', 'APP_ENV=production\nAPP_DEBUG=true\n'],
  ['.env.production', 'APP_DEBUG=false\n'],
  ['app.js', 'const debug = true;\n'],
  ['config.yaml', 'debug: true\n'],
  ['config/production.yml', 'debug: false\nlog_level: debug\n'],
  ['web.config', '<compilation debug="false" />\n'],
  ['Web.Debug.config', '<compilation debug="true" />\n'],
  ['application.properties', 'server.error.include-stacktrace=always\n'],
  ['application-prod.properties', 'server.error.include-stacktrace=never\n'],
  ['Dockerfile', 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=shop.settings.dev\nENV DEBUG=True\n'],
];

describe('risky config: debug-in-production', () => {
  DEBUG_POSITIVES.forEach((c, index) => it(`#${index} ${c[0]}: ${c[1].split('\n').find((l) => l.includes('⟦'))!.trim()}`, () => check('debug-in-production', c)));
  DEBUG_NEGATIVES.forEach(([file, text], index) => it(`negative #${index} ${file}: ${text.split('\n')[0]}`, () => {
    const matches = risky(text, file, 'debug-in-production');
    assert.deepStrictEqual(matches, [], show(matches, text));
  }));

  it('reads production from the nearest path segment that says anything', () => {
    assert.strictEqual(productionSignalOfPath('config/environments/production.rb'), 'prod');
    assert.strictEqual(productionSignalOfPath('test/fixtures/config/production.yml'), 'prod');
    assert.strictEqual(productionSignalOfPath('deploy/prod/app.yml'), 'prod');
    assert.strictEqual(productionSignalOfPath('settings/dev.py'), 'nonprod');
    assert.strictEqual(productionSignalOfPath('appsettings.Development.json'), 'nonprod');
    assert.strictEqual(productionSignalOfPath('src/app.py'), undefined);
  });
});

const PASSWORD_POSITIVES: Case[] = [
  ['config.yaml', 'db:\n  password: ⟦Pr0d-Db!pass42⟧\n'],
  ['config.yaml', 'db:\n  password: "⟦Pr0d-Db!pass42⟧"  # rotated yearly\n'],
  ['docker-compose.yml', 'services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: ⟦R00t!secret9⟧\n'],
  ['docker-compose.yml', 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=⟦Pg!secret77⟧\n'],
  ['k8s.yaml', 'env:\n  - name: REDIS_PASSWORD\n    value: ⟦Red1s!pw55⟧\n'],
  ['settings.json', '{ "smtp": { "password": "⟦Sm7p!pass⟧" } }'],
  ['application.properties', 'spring.datasource.password=⟦Spr1ng!pw⟧\n'],
  ['app.ini', '[db]\npasswd = ⟦In1!passwd⟧\n'],
  ['config.toml', '[db]\npassword = "⟦T0ml!pass⟧"\n'],
  ['.env', 'DB_PASSWORD=⟦Env!pass99⟧\n'],
  ['web.config', '<configuration><add key="DbPassword" value="⟦Xml!pass12⟧"/></configuration>'],
  ['settings.xml', '<server><password>⟦Mvn!pass34⟧</password></server>'],
  ['Dockerfile', 'FROM x\nENV ADMIN_PASSWORD=⟦D0ck!pass⟧\n'],
  ['main.tf', 'resource "x" "y" {\n  admin_password = "⟦Tf!pass5678⟧"\n}\n'],
];

describe('risky config: plaintext-password', () => {
  PASSWORD_POSITIVES.forEach((c, index) => it(`#${index} ${c[0]}`, () => {
    check('plaintext-password', c);
    const match = risky(c[1].replace(/[⟦⟧]/g, ''), c[0], 'plaintext-password')[0];
    assert.ok(match.keyName && match.keyPath, 'keyName and keyPath are filled for the quick fix');
  }));

  it('names docker-compose list values after their variable', () => {
    const text = 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Pg!secret77\n';
    const [match] = risky(text, 'docker-compose.yml', 'plaintext-password');
    assert.strictEqual(match.keyName, 'POSTGRES_PASSWORD');
    assert.strictEqual(match.keyPath, 'services.db.environment.POSTGRES_PASSWORD');
  });

  it('is not reported in source code (that is generic-password)', () => {
    assert.deepStrictEqual(risky('password = "Src!pass123"\n', 'app.py', 'plaintext-password'), []);
  });

  it('stays quiet on references, placeholders and test databases', () => {
    const quiet: Array<[string, string]> = [
      ['config.yaml', 'db:\n  password: ${DB_PASSWORD}\n'],
      ['config.yaml', 'db:\n  password: changeme\n'],
      ['config.yaml', 'db:\n  password: ""\n'],
      ['docker-compose.ci.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n'],
      ['.env.example', 'DB_PASSWORD=\n'],
      ['application.properties', 'spring.datasource.password=${DB_PASSWORD:}\n'],
      ['k8s.yaml', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n'],
    ];
    for (const [file, text] of quiet) assert.deepStrictEqual(risky(text, file, 'plaintext-password'), [], `${file}: ${show(risky(text, file), text)}`);
  });
});

describe('risky config: rules', () => {
  it('declares exactly the three risky rules as structural warnings', () => {
    assert.deepStrictEqual(riskyRules.map((r) => r.id), ['plaintext-password', 'debug-in-production', 'tls-verify-disabled']);
    for (const rule of riskyRules) {
      assert.strictEqual(rule.kind, 'risky-config');
      assert.strictEqual(rule.specificity, 'structural');
      assert.strictEqual(rule.severity, 'warning');
    }
  });

  it('never throws on malformed config', () => {
    for (const [file, text] of [['a.yaml', 'a: [\n  b: "\n'], ['a.json', '{"debug": tru'], ['a.toml', '[x\ny = '], ['a.xml', '<a><b>']]) {
      assert.doesNotThrow(() => detectRisky(contextFor(text, file)));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Fixture files with every risky line listed in expected.json (`{ file: [{ rule, line, text }] }`).

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/unit/risky');

describe('risky config: fixture files', () => {
  const expectedPath = path.join(FIXTURES, 'expected.json');
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as Record<string, Array<{ rule: string; line: number; text: string }>>;
  for (const [relative, wanted] of Object.entries(expected)) {
    it(relative, () => {
      const text = fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
      const lineStarts = computeLineStarts(text);
      const lineOf = (offset: number): number => {
        let line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
        return line + 1;
      };
      const got = detectRisky(contextFor(text, relative)).map((m) => ({ rule: m.ruleId, line: lineOf(m.start), text: text.slice(m.start, m.end) }));
      assert.deepStrictEqual(got, wanted);
    });
  }
});
