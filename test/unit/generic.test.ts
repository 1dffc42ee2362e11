import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DetectContext } from '../../src/engine/detect';
import { parseStructure } from '../../src/engine/formats';
import { classifySecretName, detectGeneric, genericRules, judgeSecretValue } from '../../src/engine/generic';
import { languageOf } from '../../src/engine/language';
import { computeLineStarts } from '../../src/engine/lines';
import { isPlaceholder, isReference, looksLikeHashOrId } from '../../src/engine/placeholders';
import { detectRisky } from '../../src/engine/risky';
import type { RawMatch } from '../../src/engine/types';
import { mulberry32 } from '../support/random';

// ---------------------------------------------------------------------------------------------------------
// Seeded test values: high-entropy, in no provider's prefixed format, made when the tests run.

function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function prng(seed: string): () => number {
  return mulberry32(seedOf(seed));
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!*+-=?^_~';

function pick(random: () => number, alphabet: string): string {
  return alphabet[Math.floor(random() * alphabet.length)];
}

/** A random api-key-like value: letters and digits, starting with `Q`/`Z`/`W` so it matches no provider prefix. */
function fakeSecret(seed: string, length = 28): string {
  const random = prng(`secret:${seed}`);
  for (;;) {
    let value = pick(random, 'QZW') + pick(random, LOWER) + pick(random, DIGITS);
    while (value.length < length) value += pick(random, LOWER + UPPER + DIGITS);
    if (!isPlaceholder(value)) return value;
  }
}

/** A random password: every character class, no quotes, `$`, `#`, `;`, `&` or `<` (so it needs no escaping anywhere). */
function fakePassword(seed: string, length = 12): string {
  const random = prng(`password:${seed}`);
  for (;;) {
    let value = pick(random, UPPER) + pick(random, LOWER) + pick(random, DIGITS) + pick(random, SYMBOLS);
    while (value.length < length) value += pick(random, LOWER + UPPER + DIGITS + SYMBOLS);
    if (!isPlaceholder(value)) return value;
  }
}

/** Masked form for assertion messages: never the clear value. */
function mask(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} chars)`;
}

function contextFor(text: string, fileName: string): DetectContext {
  const language = languageOf(fileName);
  return {
    text, fileName, language, lowerText: text.toLowerCase(), structure: parseStructure(text, fileName, language),
    lineStarts: computeLineStarts(text),
  };
}

function detectAll(text: string, fileName: string): RawMatch[] {
  const ctx = contextFor(text, fileName);
  return [...detectGeneric(ctx), ...detectRisky(ctx)];
}

function describe_(matches: RawMatch[], text: string): string {
  return matches.map((m) => `${m.ruleId}@${m.start}-${m.end} ${mask(text.slice(m.start, m.end))}`).join(', ') || 'nothing';
}

// ---------------------------------------------------------------------------------------------------------
// Positive cases: `@@` is replaced by a generated value; the finding must cover exactly that value.

interface Positive {
  file: string;
  template: string;
  /** `s` = generated api-key-like secret, `p` = generated password. */
  value: 's' | 'p';
  rule: 'generic-secret' | 'generic-password' | 'plaintext-password';
  keyName?: string;
  keyPath?: string;
}

const S = 's' as const;
const P = 'p' as const;
const SECRET = 'generic-secret' as const;
const PASSWORD = 'generic-password' as const;
const PLAINTEXT = 'plaintext-password' as const;

const POSITIVES: Positive[] = [
  // Python
  { file: 'app.py', template: 'api_key = "@@"\n', value: S, rule: SECRET, keyName: 'api_key', keyPath: 'api_key' },
  { file: 'app.py', template: "API_KEY = '@@'\n", value: S, rule: SECRET, keyName: 'API_KEY' },
  { file: 'app.py', template: 'stripe_key = "@@"\n', value: S, rule: SECRET, keyName: 'stripe_key' },
  { file: 'app.py', template: 'self.client_secret = "@@"\n', value: S, rule: SECRET, keyName: 'client_secret' },
  { file: 'app.py', template: 'password = "@@"\n', value: P, rule: PASSWORD, keyName: 'password' },
  { file: 'app.py', template: 'db_password: str = "@@"\n', value: P, rule: PASSWORD, keyName: 'db_password' },
  { file: 'app.py', template: 'client = OpenAI(api_key="@@")\n', value: S, rule: SECRET, keyName: 'api_key', keyPath: 'OpenAI.api_key' },
  { file: 'app.py', template: 'conn = psycopg2.connect(host="db", password="@@")\n', value: P, rule: PASSWORD, keyName: 'password' },
  { file: 'app.py', template: 'CONFIG = {"auth_token": "@@", "timeout": 3}\n', value: S, rule: SECRET, keyName: 'auth_token', keyPath: 'CONFIG.auth_token' },
  { file: 'app.py', template: 'headers = {"X-Api-Key": "@@"}\n', value: S, rule: SECRET, keyName: 'X-Api-Key' },
  // A header written as one string: the value is the rest of the string
  { file: 'deploy.sh', template: 'curl -s -H "X-API-Key: @@" https://api.internal/v1/orders\n', value: S, rule: SECRET, keyName: 'X-API-Key' },
  { file: 'client.js', template: "fetch(url, { headers: ['X-Auth-Token: @@'] });\n", value: S, rule: SECRET, keyName: 'X-Auth-Token' },
  { file: 'app.py', template: 'SECRET_KEY = r"@@"\n', value: S, rule: SECRET },
  { file: 'app.py', template: 'def login(user, pwd="@@"):\n    pass\n', value: P, rule: PASSWORD, keyName: 'pwd' },
  { file: 'app.py', template: 'os.environ["API_TOKEN"] = "@@"\n', value: S, rule: SECRET, keyName: 'API_TOKEN' },
  { file: 'app.py', template: 'if password == "@@":\n    ok()\n', value: P, rule: PASSWORD },
  { file: 'app.py', template: '# old key: access_key = "@@"\n', value: S, rule: SECRET },
  // JavaScript / TypeScript
  { file: 'server.js', template: 'const apiKey = "@@";\n', value: S, rule: SECRET, keyName: 'apiKey', keyPath: 'apiKey' },
  { file: 'server.js', template: 'const openai = { apiKey: "@@" };\n', value: S, rule: SECRET, keyName: 'apiKey', keyPath: 'openai.apiKey' },
  { file: 'server.js', template: "const client = new OpenAI({ apiKey: '@@' });\n", value: S, rule: SECRET, keyPath: 'OpenAI.apiKey' },
  { file: 'server.js', template: 'module.exports = {\n  db: {\n    password: "@@",\n  },\n};\n', value: P, rule: PASSWORD, keyPath: 'db.password' },
  { file: 'server.js', template: 'let token = `@@`;\n', value: S, rule: SECRET },
  { file: 'server.js', template: "process.env.SESSION_SECRET = '@@';\n", value: S, rule: SECRET, keyName: 'SESSION_SECRET' },
  { file: 'server.js', template: "headers['x-api-key'] = '@@';\n", value: S, rule: SECRET, keyName: 'x-api-key' },
  { file: 'server.js', template: 'const config = { "clientSecret": "@@" };\n', value: S, rule: SECRET, keyName: 'clientSecret' },
  { file: 'client.ts', template: 'const authToken: string = "@@";\n', value: S, rule: SECRET, keyName: 'authToken' },
  { file: 'client.ts', template: 'export const DB_PASS = "@@";\n', value: P, rule: PASSWORD, keyName: 'DB_PASS' },
  { file: 'client.ts', template: 'builder.password("@@").build();\n', value: P, rule: PASSWORD },
  { file: 'client.ts', template: 'auth.setAccessToken("@@");\n', value: S, rule: SECRET, keyName: 'AccessToken' },
  // Go
  { file: 'main.go', template: 'apiKey := "@@"\n', value: S, rule: SECRET, keyName: 'apiKey' },
  { file: 'main.go', template: 'var dbPassword string = "@@"\n', value: P, rule: PASSWORD, keyName: 'dbPassword' },
  { file: 'main.go', template: 'const clientSecret = `@@`\n', value: S, rule: SECRET },
  { file: 'main.go', template: 'cfg := Config{\n\tAPIKey: "@@",\n}\n', value: S, rule: SECRET, keyName: 'APIKey', keyPath: 'Config.APIKey' },
  // Java / Kotlin
  { file: 'App.java', template: 'private static final String API_KEY = "@@";\n', value: S, rule: SECRET, keyName: 'API_KEY' },
  { file: 'App.java', template: 'String password = "@@";\n', value: P, rule: PASSWORD },
  { file: 'App.java', template: 'dataSource.setPassword("@@");\n', value: P, rule: PASSWORD, keyName: 'Password' },
  { file: 'App.java', template: 'props.put("mail.smtp.password", "@@");\n', value: P, rule: PASSWORD },
  { file: 'App.kt', template: 'val apiSecret: String = "@@"\n', value: S, rule: SECRET },
  // C#
  { file: 'Program.cs', template: 'var apiKey = "@@";\n', value: S, rule: SECRET },
  { file: 'Program.cs', template: 'const string ClientSecret = @"@@";\n', value: S, rule: SECRET, keyName: 'ClientSecret' },
  { file: 'Program.cs', template: 'var opts = new Options { Password = "@@" };\n', value: P, rule: PASSWORD },
  { file: 'Program.cs', template: 'var settings = new Dictionary<string, string> { { "ApiToken", "@@" } };\n', value: S, rule: SECRET },
  // Ruby
  { file: 'app.rb', template: 'API_SECRET = "@@"\n', value: S, rule: SECRET },
  { file: 'app.rb', template: 'client = Client.new(access_token: "@@")\n', value: S, rule: SECRET, keyName: 'access_token' },
  { file: 'app.rb', template: "config = { :password => '@@' }\n", value: P, rule: PASSWORD },
  { file: 'app.rb', template: "@api_key = '@@'\n", value: S, rule: SECRET, keyName: 'api_key' },
  // PHP
  { file: 'index.php', template: "<?php\n$apiKey = '@@';\n", value: S, rule: SECRET, keyName: 'apiKey' },
  { file: 'index.php', template: "<?php\ndefine('DB_PASSWORD', '@@');\n", value: P, rule: PASSWORD, keyName: 'DB_PASSWORD' },
  { file: 'index.php', template: "<?php\nreturn ['secret' => '@@'];\n", value: S, rule: SECRET },
  { file: 'index.php', template: "<?php\n$this->password = \"@@\";\n", value: P, rule: PASSWORD },
  // Rust
  { file: 'main.rs', template: 'const API_TOKEN: &str = "@@";\n', value: S, rule: SECRET },
  { file: 'main.rs', template: 'let password = String::from("@@");\n', value: P, rule: PASSWORD },
  // C / Swift / Scala / SQL / PowerShell
  { file: 'config.h', template: '#define API_KEY "@@"\n', value: S, rule: SECRET, keyName: 'API_KEY' },
  { file: 'Keys.swift', template: 'let apiKey: String = "@@"\n', value: S, rule: SECRET },
  { file: 'init.sql', template: "CREATE USER app WITH PASSWORD '@@';\n", value: P, rule: PASSWORD },
  { file: 'setup.ps1', template: '$apiToken = "@@"\n', value: S, rule: SECRET },
  { file: 'grants.sql', template: "CREATE USER 'app'@'%' IDENTIFIED BY '@@';\n", value: P, rule: PASSWORD },
  { file: 'app.rb', template: 'ENV["API_TOKEN"] ||= "@@"\n', value: S, rule: SECRET },
  { file: 'app.ts', template: 'config.apiKey ??= "@@";\n', value: S, rule: SECRET },
  { file: 'setup.ps1', template: '$pw = ConvertTo-SecureString "@@" -AsPlainText -Force\n', value: P, rule: PASSWORD },
  // Shell
  { file: 'deploy.sh', template: 'export API_TOKEN=@@\n', value: S, rule: SECRET, keyName: 'API_TOKEN' },
  { file: 'deploy.sh', template: 'DB_PASSWORD="@@"\n', value: P, rule: PASSWORD },
  { file: 'deploy.sh', template: 'mysql -u root --password=@@ shop < dump.sql\n', value: P, rule: PASSWORD },
  { file: 'deploy.sh', template: 'tool login --token @@\n', value: S, rule: SECRET },
  { file: 'deploy.sh', template: 'docker run -e SECRET_KEY=@@ app\n', value: S, rule: SECRET },
  { file: 'deploy.sh', template: 'curl -s -u "admin:@@" https://nexus.example.com/status\n', value: P, rule: PASSWORD },
  { file: 'deploy.sh', template: 'curl --user deploy:@@ https://ci.example.com\n', value: P, rule: PASSWORD },
  // Terraform, Dockerfile (config: passwords are plaintext-password)
  { file: 'main.tf', template: 'resource "x" "y" {\n  api_token = "@@"\n}\n', value: S, rule: SECRET },
  { file: 'main.tf', template: 'resource "aws_db_instance" "db" {\n  password = "@@"\n}\n', value: P, rule: PLAINTEXT },
  { file: 'Dockerfile', template: 'FROM node:20\nENV API_TOKEN=@@\n', value: S, rule: SECRET },
  { file: 'Dockerfile', template: 'FROM node:20\nENV DB_PASSWORD @@\n', value: P, rule: PLAINTEXT },
  { file: 'Dockerfile', template: 'FROM node:20\nARG NPM_TOKEN=@@\n', value: S, rule: SECRET },
  // YAML
  { file: 'config.yaml', template: 'api:\n  key: @@\n', value: S, rule: SECRET, keyName: 'key', keyPath: 'api.key' },
  { file: 'config.yaml', template: 'openai:\n  api_key: "@@"\n', value: S, rule: SECRET, keyPath: 'openai.api_key' },
  { file: 'config.yaml', template: 'db:\n  password: @@ # prod db\n', value: P, rule: PLAINTEXT, keyPath: 'db.password' },
  { file: 'config.yaml', template: "auth:\n  client_secret: '@@'\n", value: S, rule: SECRET },
  { file: 'config.yaml', template: 'tokens: [@@]\n', value: S, rule: SECRET },
  { file: 'config.yaml', template: 'list:\n  - name: svc\n    token: @@\n', value: S, rule: SECRET, keyPath: 'list[0].token' },
  { file: 'config.yaml', template: 'a: 1\n---\nsmtp:\n  pass: @@\n', value: P, rule: PLAINTEXT, keyPath: 'smtp.pass' },
  { file: 'docker-compose.yml', template: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: @@\n', value: P, rule: PLAINTEXT, keyName: 'POSTGRES_PASSWORD', keyPath: 'services.db.environment.POSTGRES_PASSWORD' },
  { file: 'docker-compose.yml', template: 'services:\n  web:\n    environment:\n      - API_SECRET=@@\n', value: S, rule: SECRET, keyName: 'API_SECRET', keyPath: 'services.web.environment.API_SECRET' },
  { file: 'docker-compose.yml', template: 'services:\n  web:\n    environment:\n      - "MYSQL_ROOT_PASSWORD=@@"\n', value: P, rule: PLAINTEXT, keyName: 'MYSQL_ROOT_PASSWORD' },
  { file: 'deployment.yaml', template: 'spec:\n  containers:\n    - name: app\n      env:\n        - name: DB_PASSWORD\n          value: "@@"\n', value: P, rule: PLAINTEXT, keyName: 'DB_PASSWORD' },
  { file: 'secret.yaml', template: 'apiVersion: v1\nkind: Secret\nstringData:\n  api-token: @@\n', value: S, rule: SECRET },
  { file: '.github/workflows/ci.yml', template: 'jobs:\n  b:\n    steps:\n      - run: |\n          ./deploy --token=@@\n', value: S, rule: SECRET },
  // JSON
  { file: 'settings.json', template: '{\n  "openai": { "apiKey": "@@" }\n}\n', value: S, rule: SECRET, keyName: 'apiKey', keyPath: 'openai.apiKey' },
  { file: 'settings.json', template: '{ "db": { "password": "@@" } }', value: P, rule: PLAINTEXT, keyPath: 'db.password' },
  { file: 'settings.json', template: '{ "env": [ { "name": "AUTH_TOKEN", "value": "@@" } ] }', value: S, rule: SECRET, keyName: 'AUTH_TOKEN' },
  { file: 'tsconfig.json', template: '{\n  // comment\n  "secret": "@@",\n}\n', value: S, rule: SECRET },
  // .env
  { file: '.env', template: 'STRIPE_KEY=@@\n', value: S, rule: SECRET, keyName: 'STRIPE_KEY' },
  { file: '.env', template: '# comment\nexport GITHUB_TOKEN="@@"\n', value: S, rule: SECRET },
  { file: '.env', template: "DB_PASSWORD='@@'\n", value: P, rule: PLAINTEXT, keyName: 'DB_PASSWORD' },
  { file: '.env.local', template: 'SMTP_PASS=@@ # mail\n', value: P, rule: PLAINTEXT },
  // .properties
  { file: 'application.properties', template: 'spring.datasource.password=@@\n', value: P, rule: PLAINTEXT, keyName: 'spring.datasource.password' },
  { file: 'application.properties', template: 'jwt.secret : @@\n', value: S, rule: SECRET },
  { file: 'application.properties', template: 'app.api-key @@\n', value: S, rule: SECRET },
  // TOML
  { file: 'config.toml', template: '[database]\npassword = "@@"\n', value: P, rule: PLAINTEXT, keyPath: 'database.password' },
  { file: 'pyproject.toml', template: "[tool.x]\napi_key = '@@'\n", value: S, rule: SECRET, keyPath: 'tool.x.api_key' },
  { file: 'config.toml', template: 'creds = { user = "a", token = "@@" }\n', value: S, rule: SECRET, keyPath: 'creds.token' },
  // INI / .npmrc / .pypirc
  { file: 'setup.cfg', template: '[auth]\nsecret = @@\n', value: S, rule: SECRET, keyPath: 'auth.secret' },
  { file: 'settings.ini', template: '[db]\npassword = "@@"\n', value: P, rule: PLAINTEXT },
  { file: '.npmrc', template: '//registry.npmjs.org/:_authToken=@@\n', value: S, rule: SECRET },
  { file: '.pypirc', template: '[pypi]\nusername = me\npassword = @@\n', value: P, rule: PLAINTEXT },
  // XML
  { file: 'web.config', template: '<configuration><appSettings>\n  <add key="ApiKey" value="@@" />\n</appSettings></configuration>\n', value: S, rule: SECRET, keyName: 'ApiKey' },
  { file: 'web.config', template: '<configuration><appSettings>\n  <add key="SmtpPassword" value="@@" />\n</appSettings></configuration>\n', value: P, rule: PLAINTEXT, keyName: 'SmtpPassword' },
  { file: 'settings.xml', template: '<settings><servers><server>\n  <password>@@</password>\n</server></servers></settings>\n', value: P, rule: PLAINTEXT },
  { file: 'pom.xml', template: '<project><properties>\n  <sonar.token>@@</sonar.token>\n</properties></project>\n', value: S, rule: SECRET },
  { file: 'beans.xml', template: '<beans><bean>\n  <property name="clientSecret" value="@@"/>\n</bean></beans>\n', value: S, rule: SECRET, keyName: 'clientSecret' },
  { file: 'main.go', template: 'os.Setenv("API_KEY", "@@")\n', value: S, rule: SECRET },
  { file: 'ApiClient.kt', template: 'private const val ALGOLIA_SEARCH_KEY = "@@"\n', value: S, rule: SECRET, keyName: 'ALGOLIA_SEARCH_KEY' },
  { file: 'client.py', template: 'r = requests.get(url, auth=("deploy", "@@"))\n', value: P, rule: PASSWORD },
  { file: 'variables.tf', template: 'variable "db_password" {\n  type    = string\n  default = "@@"\n}\n', value: P, rule: PLAINTEXT, keyName: 'db_password' },
  { file: 'variables.tf', template: 'variable "datadog_api_key" {\n  default = "@@"\n}\n', value: S, rule: SECRET },
  { file: 'Web.config', template: '<configuration><system.web>\n<machineKey validationKey="@@" validation="HMACSHA256" />\n</system.web></configuration>', value: S, rule: SECRET },
  { file: '.netrc', template: 'machine api.example.com login me password @@\n', value: P, rule: PASSWORD },
  // Markdown / plain text
  { file: 'README.md', template: 'Set it:\n\n    API_TOKEN=@@\n', value: S, rule: SECRET },
];

describe('generic detector: positives', () => {
  POSITIVES.forEach((c, index) => {
    it(`#${index} ${c.file}: ${c.template.split('\n').find((l) => l.includes('@@'))!.trim().slice(0, 60)}`, () => {
      const value = c.value === 's' ? fakeSecret(`pos${index}`) : fakePassword(`pos${index}`);
      const text = c.template.replace('@@', value);
      const start = text.indexOf(value);
      const matches = detectAll(text, c.file);
      assert.strictEqual(matches.length, 1, `expected one ${c.rule} on ${mask(value)}, got ${describe_(matches, text)}`);
      const [match] = matches;
      assert.strictEqual(match.ruleId, c.rule);
      assert.deepStrictEqual([match.start, match.end], [start, start + value.length], `range of ${mask(value)}`);
      if (c.keyName) assert.strictEqual(match.keyName, c.keyName);
      if (c.keyPath) assert.strictEqual(match.keyPath, c.keyPath);
      assert.ok(match.keyName, 'keyName is always filled');
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Negative cases: nothing from the generic detector and no plaintext-password.

const NEGATIVES: Array<[string, string]> = [
  // References to secrets kept elsewhere
  ['app.py', 'api_key = os.getenv("API_KEY")\n'],
  // Messages shaped like a header string are not headers
  ['app.py', 'raise ValueError("Password: invalid format")\nprint("API key: " + key)\nlog.info("Token: %s", token)\n'],
  ['app.py', 'label = "Access token: "\nhint = "api_key: required"\nmsg = "Secret: {secret}"\n'],
  // A flag's word glued to a `<placeholder>`: a command template from docs, not a value
  ['setup.sh', 'docker swarm join --token SWMTKN-1-<ca-digest>-<secret> 10.0.0.1:2377\n'],
  ['README.md', 'Run `deploy --password Prod<your-password>` once.\n'],
  ['app.py', 'password = os.environ["DB_PASSWORD"]\n'],
  ['app.py', 'token = os.environ.get("TOKEN", "")\n'],
  ['app.py', 'secret = settings.SECRET_KEY\n'],
  ['app.py', 'token = f"{prefix}-{suffix}-value"\n'],
  ['app.py', 'api_key = get_secret("stripe/api-key")\n'],
  ['server.js', 'const apiKey = process.env.API_KEY;\n'],
  ['server.js', 'const token = process.env["TOKEN"] || "";\n'],
  ['server.js', 'const secret = `${process.env.SECRET}`;\n'],
  ['App.java', 'String password = System.getenv("DB_PASSWORD");\n'],
  ['App.java', '@Value("${api.key}") private String apiKey;\n'],
  ['main.go', 'apiKey := os.Getenv("API_KEY")\n'],
  ['app.rb', 'token = ENV["TOKEN"]\napi_key = ENV.fetch("API_KEY")\n'],
  ['Program.cs', 'var apiKey = Environment.GetEnvironmentVariable("API_KEY");\n'],
  ['index.php', "<?php\n$password = getenv('DB_PASSWORD');\n"],
  ['main.rs', 'let token = std::env::var("TOKEN").unwrap();\n'],
  ['deploy.sh', 'export API_TOKEN=$API_TOKEN_FROM_CI\nDB_PASSWORD="${DB_PASSWORD:-}"\nTOKEN=$(cat /run/secrets/token)\n'],
  ['config.yaml', 'db:\n  password: ${DB_PASSWORD}\n  api_key: ${API_KEY:-default}\n'],
  ['ci.yml', 'env:\n  TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n'],
  ['values.yaml', 'auth:\n  token: {{ .Values.auth.token }}\n  password: "{{ secret }}"\n'],
  ['deployment.yaml', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n'],
  ['config.yaml', 'password_file: /run/secrets/db_password\nsecret: vault:secret/data/app#token\ntoken: op://vault/item/token\n'],
  ['config.yaml', 'api_key: arn:aws:secretsmanager:us-east-1:123456789012:secret:app-key\n'],
  ['template.yaml', 'Resources:\n  Db:\n    Properties:\n      MasterUserPassword: !Ref DbPassword\n'],
  ['playbook.yml', 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6231646637\n'],
  ['.env', 'API_KEY=\nSECRET_TOKEN=${OTHER}\n'],
  ['application.properties', 'spring.datasource.password=${DB_PASSWORD}\n'],
  ['main.tf', 'resource "x" "y" {\n  password = var.db_password\n  api_key = data.vault_generic_secret.k.data["key"]\n}\n'],
  ['settings.json', '{ "password": "ENC(AbCdEf0123456789xyz==)", "token": "{cipher}ab12cd34ef56ab78cd90" }'],
  // Placeholders
  ['app.py', 'api_key = "xxxxxxxxxxxxxxxxxxxxxxxx"\n'],
  ['app.py', 'api_key = "<your-api-key>"\n'],
  ['app.py', 'api_key = "YOUR_API_KEY"\n'],
  ['app.py', 'password = "changeme"\n'],
  ['app.py', 'password = "password"\n'],
  ['app.py', 'secret = "example-secret-value-123"\n'],
  ['app.py', 'token = "dummy-token-for-tests-12"\n'],
  ['app.py', 'api_key = "REDACTED"\n'],
  ['app.py', 'password = "********"\n'],
  ['app.py', 'api_key = "sk-..."\n'],
  ['app.py', 'token = "TODO"\n'],
  ['app.py', 'secret = "replace-me"\n'],
  ['app.py', 'api_key = "your-api-key-here"\n'],
  ['app.py', 'password = None\ntoken = null\n'],
  ['app.py', 'api_key = ""\n'],
  ['config.yaml', 'password: ~\ntoken: null\nsecret: none\napi_key: ""\n'],
  ['.env', 'API_KEY=your_api_key_here\nSECRET=changeme\nPASSWORD=<password>\n'],
  ['app.py', 'password = "mysecretpassword"\n'],
  ['app.py', 'password = "pass123"\npwd = "secret1"\n'],
  ['app.py', 'token = "abcdefghijklmnopqrstuvwxyz"\nsecret = "1234567890abcdef"\npassword = "**REMOVED**"\n'],
  ['app.py', 'password = "{0}".format(pw)\nsecret = "<%= ENV[\'SECRET\'] %>"\n'],
  // AWS's documented example keys
  ['config', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'],
  ['app.py', 'secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n'],
  // Ids, hashes, digests
  ['app.py', 'api_key = "123e4567-e89b-12d3-a456-426614174000"\n'],
  ['app.py', 'password = "$2b$12$KIXQJ2oH8Ue0N1z6l0y1OeJ5eZlKf1gU4vZt4xq1hF6u4YyQ2m3aK"\n'],
  ['app.py', 'password_hash = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"\n'],
  ['app.py', 'secret = "pbkdf2_sha256$260000$abcdefgh$Zm9vYmFyYmF6cXV4"\n'],
  ['package.json', '{ "integrity": "sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=" }'],
  ['app.py', 'token_sha = "3f786850e387550fdab836ed7e6dc881de23001b"\n'],
  ['app.py', 'release_key = "3f786850e387550fdab836ed7e6dc881de23001b"\n'],
  ['app.py', 'token_digest = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"\n'],
  ['.gitconfig', '[user]\n\tsigningkey = 3AA5C34371567BD2\n'],
  // Public keys, certificates, images
  ['app.py', 'public_key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"\n'],
  ['config.yaml', 'ssh_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host\n'],
  ['config.yaml', 'cert: |\n  -----BEGIN CERTIFICATE-----\n  MIIBszCCAVmgAwIBAgIUZm9v\n  -----END CERTIFICATE-----\n'],
  ['config.yaml', 'token_public_key: "-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----"\n'],
  ['app.js', 'const tokenIcon = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";\n'],
  ['app.js', 'const secretImage = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";\n'],
  // Identifiers, words, paths, URLs, booleans, numbers
  ['app.py', 'password = userPassword\n'],
  ['app.py', 'password = "userPassword"\n'],
  ['config.yaml', 'token: tokenType\n'],
  ['app.py', 'token = "access_token"\n'],
  ['app.py', 'secret = "SECRET_NAME"\n'],
  ['app.py', 'password_field = "password_input"\n'],
  ['app.py', 'token_file = "/etc/app/token.txt"\nsecret_path = "./secrets/api.key"\napi_key = "C:\\\\keys\\\\api.key"\n'],
  ['app.py', 'token_url = "https://auth.example.com/oauth/token"\napi_key = "https://example.com/keys"\n'],
  ['config.yaml', 'auth: true\ntoken: 3600\nsecret: false\npassword: 12345678\n'],
  ['config.yaml', 'auth:\n  enabled: true\n  token_ttl: 3600\n  password_min_length: 12\n'],
  ['app.ts', 'interface User {\n  password: string;\n  apiKey?: string;\n}\n'],
  ['App.java', 'private String apiKey;\nString password;\n'],
  ['main.go', 'type Config struct {\n\tPassword string `json:"password"`\n\tAPIKey   string `yaml:"api_key"`\n}\n'],
  ['app.py', 'def check(password: str, token: Optional[str] = None) -> bool:\n    return True\n'],
  // UI strings, i18n keys, sentences
  ['app.js', 'const msg = "Enter your password";\nlabel.password = "Password";\nconst err = { token: "Invalid token" };\n'],
  ['app.py', 'raise ValueError("password must be at least 12 characters")\n'],
  ['en.json', '{ "auth": { "password": "Password", "token": "Your access token", "secret": "auth.secret.label" } }'],
  ['app.js', 'const passwordLabel = t("auth.password.label");\nconst password = t("login.password");\n'],
  ['messages.properties', 'login.password=Password\nlogin.token.invalid=The token is invalid\n'],
  // Values from function calls, type names
  ['app.py', 'password = getpass.getpass("Password: ")\ntoken = generate_token()\n'],
  ['app.js', 'const token = jwt.sign(payload, secret);\nconst apiKey = await loadKey();\n'],
  ['config.yaml', 'password: string\ntoken: str\n'],
  // Not secret names
  ['app.py', 'token_type = "Bearer"\nmax_tokens = 4096\nprimary_key = "id"\npublic_key = "Zx9Qm2Lp7Rt4Vw8Yk3Nb"\n'],
  ['app.js', 'const keyboard = "Qw3rTy7Ui9Op1As2DfGh";\nconst passport = require("passport");\nconst author = "Jane";\n'],
  ['config.yaml', 'secretName: payments-db\nsecret_ref: db-creds\naccess_key_id: AKIAEXAMPLEONLY\n'],
  // Throwaway local databases in test/dev config
  ['docker-compose.test.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n'],
  ['config/database.yml', 'development:\n  password: postgres\ntest:\n  password: root\n'],
  // Lockfiles are skipped entirely
  ['package-lock.json', '{ "packages": { "": { "secret": "Zx9Qm2Lp7Rt4Vw8Yk3Nb1Cd", "password": "Tr0ub4dor&3xyz" } } }'],
  ['yarn.lock', 'token "Zx9Qm2Lp7Rt4Vw8Yk3Nb1Cd"\n'],
  // Encrypted payloads
  ['sealed.yaml', 'spec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq6Wd7sBmyfPx3\n'],
  ['values.enc.yaml', 'db:\n  password: ENC[AES256_GCM,data:Tr4nJ8l0dVq2bW3x,iv:0aR7m1wXcKp4,type:str]\n'],
  ['init.sql', "CREATE USER etl WITH PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$YWJj:MTIz';\n"],
  // Reads with a placeholder or empty fallback (a real-looking fallback is a finding: see genericChallenge.test.ts).
  ['a.php', "<?php\n$key = config('app.key', 'Zq8mXw2LmN4pQr7sT1');\n$pw = env('DB_PASSWORD', 'secret');\n$db = env('DB_PASSWORD', '');\n"],
  ['provision.ps1', '$cred = New-Object System.Management.Automation.PSCredential ("BUILD\\svc-agent", $pw)\n'],
  ['web.config', '<configuration><machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" /></configuration>'],
  // Settings written as name=value, short hex ids
  ['web.config', '<configuration><add name="Strict-Transport-Security" value="max-age=31536000" /></configuration>'],
];

describe('generic detector: negatives', () => {
  NEGATIVES.forEach(([file, text], index) => {
    it(`#${index} ${file}: ${text.split('\n')[0].slice(0, 60)}`, () => {
      const matches = detectAll(text, file).filter((m) => m.ruleId !== 'tls-verify-disabled' && m.ruleId !== 'debug-in-production');
      assert.deepStrictEqual(matches, [], `expected nothing, got ${describe_(matches, text)}`);
    });
  });
});

describe('generic detector: rules and helpers', () => {
  it('declares exactly the two generic rules, as generic secrets', () => {
    assert.deepStrictEqual(genericRules.map((r) => r.id), ['generic-secret', 'generic-password']);
    for (const rule of genericRules) {
      assert.strictEqual(rule.kind, 'secret');
      assert.strictEqual(rule.specificity, 'generic');
      assert.ok(rule.remediation.length > 10);
    }
  });

  const NAMES: Array<[string, string | undefined]> = [
    ['api_key', 'secret'], ['apiKey', 'secret'], ['API-KEY', 'secret'], ['ApiKey', 'secret'], ['x-api-key', 'secret'],
    ['clientSecret', 'secret'], ['DB_PASSWORD', 'password'], ['passwd', 'password'], ['pwd', 'password'], ['dbpass', 'password'],
    ['SMTP_PASS', 'password'], ['auth_token', 'secret'], ['AUTH', 'secret'], ['credentials', 'secret'], ['private_key', 'secret'],
    ['aws_secret_access_key', 'secret'], ['accessKey', 'secret'], ['secret_key_base', 'secret'], ['refresh_token', 'secret'],
    ['stripe_key', 'key'], ['encryption_key', 'secret'], ['API_KEY_2', 'secret'],
    ['token_type', undefined], ['password_field', undefined], ['public_key', undefined], ['publishableKey', undefined],
    ['primary_key', undefined], ['isPasswordValid', undefined], ['max_tokens', undefined], ['secretName', undefined],
    ['secretKeyRef', undefined], ['keyboard', undefined], ['monkey', undefined], ['bypass', undefined], ['getpass', undefined],
    ['author', undefined], ['passport', undefined], ['tokenizer', undefined], ['password_hash', undefined], ['access_key_id', undefined],
    ['token_url', undefined], ['showPassword', undefined], ['cache_key', undefined], ['key', undefined],
  ];
  for (const [name, expected] of NAMES) {
    it(`classifies the name ${name} as ${expected ?? 'not a secret'}`, () => {
      assert.strictEqual(classifySecretName(name), expected);
    });
  }

  it('needs less from a password than from an api key', () => {
    assert.strictEqual(judgeSecretValue('Tr0ub4dor&3', 'password'), true);
    assert.strictEqual(judgeSecretValue('hunter22', 'password'), true);
    assert.strictEqual(judgeSecretValue('hunter22', 'secret'), false);
    assert.strictEqual(judgeSecretValue('hunter22', 'key'), false);
    assert.strictEqual(judgeSecretValue('password', 'password'), false);
    assert.strictEqual(judgeSecretValue('abc', 'password'), false);
    assert.strictEqual(judgeSecretValue(fakeSecret('judge'), 'secret'), true);
    assert.strictEqual(judgeSecretValue(fakeSecret('judge-key', 24), 'key'), true);
    assert.strictEqual(judgeSecretValue('Qabcdefg', 'key'), false);
  });

  it('treats well-known default passwords as local-only: quiet in test config, reported elsewhere', () => {
    assert.strictEqual(judgeSecretValue('postgres', 'password', { nonProduction: true }), false);
    assert.strictEqual(judgeSecretValue('postgres', 'password', { nonProduction: false }), true);
  });

  it('exports the shared negative filters', () => {
    assert.ok(isPlaceholder('<your-key>') && isPlaceholder('YOUR_API_KEY') && isPlaceholder('xxxxxxxx') && isPlaceholder('***'));
    assert.ok(!isPlaceholder(fakeSecret('ph')));
    assert.ok(isReference('${DB_PASSWORD}') && isReference('$TOKEN') && isReference('${{ secrets.X }}') && isReference('os.getenv("X")'));
    assert.ok(isReference('op://vault/item') && isReference('/run/secrets/db') && isReference('process.env.KEY'));
    assert.ok(!isReference(fakeSecret('ref')));
    assert.ok(looksLikeHashOrId('123e4567-e89b-12d3-a456-426614174000'));
    assert.ok(looksLikeHashOrId('3f786850e387550fdab836ed7e6dc881de23001b'));
    assert.ok(!looksLikeHashOrId('3f786850e387550fdab836ed7e6dc881de23001b', { hexIsHash: false }));
    assert.ok(looksLikeHashOrId('sha512-Zm9vYmFy'));
    assert.ok(!looksLikeHashOrId(fakeSecret('hash')));
  });

  it('finds one finding per value when a name appears with several syntaxes on one line', () => {
    const value = fakeSecret('multi');
    const text = `config = {"token": "${value}"}; token = config["token"]\n`;
    const matches = detectAll(text, 'app.py');
    assert.strictEqual(matches.length, 1, describe_(matches, text));
    assert.strictEqual(text.slice(matches[0].start, matches[0].end), value);
  });

  it('never throws on hostile or binary-looking input', function () {
    this.timeout(120_000);
    const random = prng('hostile');
    const pieces = ['password', '=', '"', "'", ':', '\n', ' ', '{', '}', '[', ']', 'token', '-', '--', '\\', '`', '${', 'x', '\u0000', '\uFFFD', '#', '<', '>'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) text += pieces[Math.floor(random() * pieces.length)];
      for (const file of ['a.py', 'a.yaml', 'a.json', '.env', 'a.xml', 'a.toml', 'a.properties', 'a.ini', 'a.sh', 'Dockerfile']) {
        assert.doesNotThrow(() => detectAll(text, file));
      }
    }
  });

  it('stays linear on a long run of keyword-like text', function () {
    this.timeout(300_000);
    const text = `${'password'.repeat(50_000)}\n${'api_key = '.repeat(20_000)}\n${'"'.repeat(50_000)}`;
    const started = Date.now();
    detectAll(text, 'big.py');
    detectAll(text, 'big.yaml');
    // Not a timing assertion: a quadratic scan would take minutes here, so finishing at all is the check.
    assert.ok(Date.now() - started < 60_000);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Fixture files: `{{gen:secret:label}}` / `{{gen:password:label}}` are filled at test time; every filled value
// must be found with the marker's rule (`{{gen:<kind>:<label>:<rule>}}`), and nothing else.

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/unit/generic');
const MARKER = /\{\{gen:(secret|password):([\w-]+):([a-z-]+)\}\}/g;

describe('generic detector: fixture files', () => {
  const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES, { recursive: true }) as string[] : [];
  it('has fixtures for every language family', () => {
    assert.ok(files.length >= 15, `only ${files.length} fixture files`);
  });
  for (const relative of files) {
    const full = path.join(FIXTURES, relative);
    if (!fs.statSync(full).isFile()) continue;
    it(relative, () => {
      const template = fs.readFileSync(full, 'utf8');
      const expected: Array<{ start: number; end: number; rule: string; label: string }> = [];
      let text = '';
      let last = 0;
      MARKER.lastIndex = 0;
      for (let m = MARKER.exec(template); m; m = MARKER.exec(template)) {
        text += template.slice(last, m.index);
        const value = m[1] === 'secret' ? fakeSecret(`${relative}:${m[2]}`) : fakePassword(`${relative}:${m[2]}`);
        expected.push({ start: text.length, end: text.length + value.length, rule: m[3], label: m[2] });
        text += value;
        last = m.index + m[0].length;
      }
      text += template.slice(last);
      const matches = detectAll(text, relative).filter((m) => m.ruleId !== 'tls-verify-disabled' && m.ruleId !== 'debug-in-production');
      for (const want of expected) {
        const hit = matches.find((m) => m.start === want.start && m.end === want.end);
        assert.ok(hit, `${want.label}: expected ${want.rule}, got ${describe_(matches, text)}`);
        assert.strictEqual(hit.ruleId, want.rule, `${want.label}`);
      }
      const extra = matches.filter((m) => !expected.some((want) => want.start === m.start && want.end === m.end));
      assert.deepStrictEqual(extra.map((m) => `${m.ruleId}@${m.start}`), [], `unexpected: ${describe_(extra, text)}`);
    });
  }
});
