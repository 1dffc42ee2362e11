import * as assert from 'assert';
import { scanText } from '../../src/engine/scanner';
import type { Finding } from '../../src/engine/types';

/**
 * A second, table-driven set of generic-secret and risky-config cases, written from what peer suites
 * probe (keyword assignments across languages and config formats, reference and placeholder negatives,
 * every risky-config form) rather than from our own fixtures. Values are made at test time from a seeded
 * generator; each case names the file, the text (one string per line) and the finding expected on the
 * line of the value, or none for a negative.
 *
 * Tokens filled at run time: `@P@` a password, `@S@` an api-key-like secret, `@X@` a password with
 * `@ : !` inside, `@B@` base64 of `user:password`, `@H@` a bcrypt-shaped hash, `@K@` 128 hex digits.
 *
 * Decisions recorded here (the product's rule): obvious dummies (`test`, `secret`, `password123`) are
 * placeholders; commented-out `curl -k` is not reported (it runs nowhere); a password in a config file
 * is `plaintext-password`, in source code `generic-password`.
 */

// ---------------------------------------------------------------------------------------------------------
// Seeded values

function hashSeed(text: string): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
  return h;
}

function generator(seed: string): () => number {
  let state = hashSeed(seed) || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

function draw(random: () => number, alphabet: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Values for one case; each starts with a letter no provider prefix uses. */
function valuesFor(seed: string): Record<string, string> {
  const random = generator(seed);
  const mixed = LOWER + UPPER + DIGITS;
  const password = `W${draw(random, LOWER, 2)}${draw(random, DIGITS, 2)}${draw(random, '!*+-?^_~', 1)}${draw(random, mixed, 6)}`;
  const secret = `Q${draw(random, LOWER, 1)}${draw(random, DIGITS, 1)}${draw(random, mixed, 29)}`;
  const special = `Zp${draw(random, DIGITS, 1)}@${draw(random, mixed, 4)}:${draw(random, mixed, 4)}!`;
  const basic = Buffer.from(`deploy:${password}`).toString('base64');
  const hash = `$2b$12$${draw(random, mixed + './', 53)}`;
  const hex = `${draw(random, 'abcdef', 1)}${draw(random, '0123456789abcdef', 127)}`;
  return { P: password, S: secret, X: special, B: basic, H: hash, K: hex };
}

// ---------------------------------------------------------------------------------------------------------
// Cases

type Family = 'generic' | 'plaintext-password' | 'debug-in-production' | 'tls-verify-disabled' | 'any-secret';

interface ChallengeCase {
  name: string;
  file: string;
  lines: string[];
  /** Expected rule id on the value's line; `any-secret` accepts any secret-kind finding. Omitted = negative. */
  expect?: string;
  /** Families that must stay quiet (negatives); default: generic + plaintext-password. */
  quiet?: Family[];
  /** 1-based line expected; default: the first line holding a token. */
  line?: number;
}

const GP = 'generic-password';
const GS = 'generic-secret';
const PP = 'plaintext-password';
const DBG = 'debug-in-production';
const TLS = 'tls-verify-disabled';

const positives: ChallengeCase[] = [
  // Python
  { name: 'py password', file: 'app/db.py', lines: ['import psycopg2', 'password = "@P@"'], expect: GP },
  { name: 'py passwd', file: 'app/db.py', lines: ["passwd = '@P@'"], expect: GP },
  { name: 'py pwd', file: 'app/db.py', lines: ['pwd = "@P@"'], expect: GP },
  { name: 'py secret', file: 'app/keys.py', lines: ['secret = "@S@"'], expect: GS },
  { name: 'py api_key', file: 'app/keys.py', lines: ['api_key = "@S@"'], expect: GS },
  { name: 'py apikey', file: 'app/keys.py', lines: ['APIKEY = "@S@"'], expect: GS },
  { name: 'py access_key', file: 'app/keys.py', lines: ['access_key = "@S@"'], expect: GS },
  { name: 'py auth_token', file: 'app/keys.py', lines: ['auth_token = "@S@"'], expect: GS },
  { name: 'py client_secret', file: 'app/keys.py', lines: ['CLIENT_SECRET = "@S@"'], expect: GS },
  { name: 'py private_key', file: 'app/keys.py', lines: ['private_key = "@S@"'], expect: GS },
  { name: 'py db_pass', file: 'app/db.py', lines: ['db_pass = "@P@"'], expect: GP },
  { name: 'py token', file: 'app/keys.py', lines: ['token = "@S@"'], expect: GS },
  { name: 'py annotated', file: 'app/settings_base.py', lines: ['DB_PASSWORD: str = "@P@"'], expect: GP },
  { name: 'py default arg', file: 'app/db.py', lines: ['def connect(host, user, password="@P@"):', '    pass'], expect: GP },
  { name: 'py kwarg', file: 'app/client.py', lines: ['client = Client(', '    api_key="@S@",', ')'], expect: GS },
  { name: 'py comparison', file: 'app/auth.py', lines: ['def check(password):', '    if password == "@P@":', '        return True'], expect: GP },
  { name: 'py dict key', file: 'app/conf.py', lines: ['DATABASES = {', '    "default": {', '        "PASSWORD": "@P@",', '    }', '}'], expect: GP },
  { name: 'py special chars', file: 'app/db.py', lines: ['password = "@X@"'], expect: GP },
  { name: 'py escaped quote', file: 'app/db.py', lines: ['password = "@P@\\"q"'], expect: GP },
  { name: 'py value on next line', file: 'app/db.py', lines: ['password = (', '    "@P@"', ')'], expect: GP },
  { name: 'py self attr', file: 'app/client.py', lines: ['class C:', '    def __init__(self):', '        self.secret_key = "@S@"'], expect: GS },
  // JavaScript / TypeScript
  { name: 'js const', file: 'src/db.js', lines: ['const password = "@P@";'], expect: GP },
  { name: 'js object', file: 'src/client.js', lines: ['const client = new Api({', "  apiKey: '@S@',", '});'], expect: GS },
  { name: 'js export', file: 'src/keys.js', lines: ["export const AUTH_TOKEN = '@S@';"], expect: GS },
  { name: 'js template literal', file: 'src/keys.js', lines: ['this.clientSecret = `@S@`;'], expect: GS },
  { name: 'ts class field', file: 'src/api.ts', lines: ['export class Api {', '  private readonly apiKey: string = "@S@";', '}'], expect: GS },
  { name: 'ts comparison', file: 'src/auth.ts', lines: ['if (password === "@P@") {', '  grant();', '}'], expect: GP },
  { name: 'js header', file: 'src/http.js', lines: ["fetch(url, { headers: { 'X-Api-Key': '@S@' } });"], expect: GS },
  // Go
  { name: 'go short decl', file: 'cmd/main.go', lines: ['package main', 'func main() {', '\tpassword := "@P@"', '}'], expect: GP },
  { name: 'go const', file: 'cmd/keys.go', lines: ['package main', 'const apiKey = "@S@"'], expect: GS },
  { name: 'go typed var', file: 'cmd/keys.go', lines: ['package main', 'var token string = "@S@"'], expect: GS },
  { name: 'go struct literal', file: 'cmd/db.go', lines: ['cfg := Config{', '\tUser:     "app",', '\tPassword: "@P@",', '}'], expect: GP },
  // Java / Kotlin / Scala
  { name: 'java static final', file: 'src/main/java/Db.java', lines: ['class Db {', '  private static final String PASSWORD = "@P@";', '}'], expect: GP },
  { name: 'java local', file: 'src/main/java/Api.java', lines: ['String apiKey = "@S@";'], expect: GS },
  { name: 'java props.put', file: 'src/main/java/Db.java', lines: ['props.put("password", "@P@");'], expect: GP },
  { name: 'java setProperty', file: 'src/main/java/Db.java', lines: ['props.setProperty("api.key", "@S@");'], expect: GS },
  { name: 'java equals', file: 'src/main/java/Auth.java', lines: ['if (password.equals("@P@")) {', '  ok();', '}'], expect: GP },
  { name: 'java annotation attr', file: 'src/main/java/Ds.java', lines: ['@DataSourceDefinition(name = "java:app/db", user = "app", password = "@P@")'], expect: GP },
  { name: 'java multiline', file: 'src/main/java/Db.java', lines: ['String password =', '    "@P@";'], expect: GP },
  { name: 'kotlin val', file: 'app/src/Db.kt', lines: ['val password = "@P@"'], expect: GP },
  { name: 'kotlin typed', file: 'app/src/Api.kt', lines: ['val apiKey: String = "@S@"'], expect: GS },
  { name: 'kotlin const', file: 'app/src/Api.kt', lines: ['const val API_TOKEN = "@S@"'], expect: GS },
  { name: 'scala val', file: 'src/main/scala/Db.scala', lines: ['val password = "@P@"'], expect: GP },
  { name: 'scala typed', file: 'src/main/scala/Api.scala', lines: ['val apiKey: String = "@S@"'], expect: GS },
  // C# / C / C++ / Swift
  { name: 'cs var', file: 'src/Db.cs', lines: ['var password = "@P@";'], expect: GP },
  { name: 'cs const', file: 'src/Api.cs', lines: ['private const string ApiKey = "@S@";'], expect: GS },
  { name: 'cs property initializer', file: 'src/Api.cs', lines: ['public string ClientSecret { get; set; } = "@S@";'], expect: GS },
  { name: 'c define', file: 'src/config.h', lines: ['#define PASSWORD "@P@"'], expect: GP },
  { name: 'c char pointer', file: 'src/db.c', lines: ['char *password = "@P@";'], expect: GP },
  { name: 'cpp const char', file: 'src/api.cpp', lines: ['const char* api_key = "@S@";'], expect: GS },
  { name: 'cpp array', file: 'src/api.cpp', lines: ['static const char kSecret[] = "@S@";'], expect: GS },
  { name: 'swift let', file: 'Sources/Db.swift', lines: ['let password = "@P@"'], expect: GP },
  { name: 'swift typed', file: 'Sources/Api.swift', lines: ['static let apiKey: String = "@S@"'], expect: GS },
  // Ruby / PHP / Perl / Rust / PowerShell
  { name: 'ruby assign', file: 'lib/db.rb', lines: ["password = '@P@'"], expect: GP },
  { name: 'ruby hash rocket', file: 'lib/db.rb', lines: ["conn = connect(:password => '@P@')"], expect: GP },
  { name: 'ruby symbol key', file: 'lib/db.rb', lines: ["conn = connect(host: 'db', password: '@P@')"], expect: GP },
  { name: 'ruby setter', file: 'config/initializers/api.rb', lines: ['Api.configure do |config|', '  config.api_key = "@S@"', 'end'], expect: GS },
  { name: 'php variable', file: 'src/db.php', lines: ['<?php', "$password = '@P@';"], expect: GP },
  { name: 'php array', file: 'config/database.php', lines: ['<?php', 'return [', "    'password' => '@P@',", '];'], expect: GP },
  { name: 'php define', file: 'wp-config.php', lines: ['<?php', "define('DB_PASSWORD', '@P@');"], expect: GP },
  { name: 'php array index', file: 'src/api.php', lines: ['<?php', "$config['api_key'] = '@S@';"], expect: GS },
  { name: 'perl my', file: 'lib/Db.pm', lines: ["my $password = '@P@';"], expect: GP },
  { name: 'perl fat comma', file: 'lib/Api.pl', lines: ["my %cfg = (api_key => '@S@');"], expect: GS },
  { name: 'rust let', file: 'src/main.rs', lines: ['let password = "@P@";'], expect: GP },
  { name: 'rust const', file: 'src/main.rs', lines: ['const API_KEY: &str = "@S@";'], expect: GS },
  { name: 'rust String::from', file: 'src/main.rs', lines: ['let token = String::from("@S@");'], expect: GS },
  { name: 'ps variable', file: 'deploy.ps1', lines: ['$password = "@P@"'], expect: GP },
  { name: 'ps api key', file: 'deploy.ps1', lines: ["$apiKey = '@S@'"], expect: GS },
  { name: 'ps securestring', file: 'deploy.ps1', lines: ['$sec = ConvertTo-SecureString "@P@" -AsPlainText -Force'], expect: GP },
  // Shell
  { name: 'sh export', file: 'scripts/deploy.sh', lines: ['#!/bin/sh', 'export DB_PASSWORD=@P@'], expect: GP },
  { name: 'sh assign quoted', file: 'scripts/deploy.sh', lines: ['API_KEY="@S@"'], expect: GS },
  { name: 'sh flag', file: 'scripts/deploy.sh', lines: ['mytool login --password @P@ --user ci'], expect: GP },
  // Config formats
  { name: 'yaml password', file: 'config/app.yml', lines: ['database:', '  host: db.internal', '  password: @P@'], expect: PP },
  { name: 'yaml quoted', file: 'config/app.yml', lines: ['database:', '  password: "@P@"'], expect: PP },
  { name: 'yaml api key', file: 'config/app.yml', lines: ['stripe:', '  api_key: @S@'], expect: GS },
  { name: 'compose env list', file: 'docker-compose.yml', lines: ['services:', '  db:', '    image: postgres:16', '    environment:', '      - POSTGRES_PASSWORD=@P@'], expect: PP },
  { name: 'compose env map', file: 'docker-compose.yml', lines: ['services:', '  db:', '    environment:', '      MYSQL_ROOT_PASSWORD: @P@'], expect: PP },
  { name: 'ansible vars', file: 'group_vars/all.yml', lines: ['ansible_user: deploy', 'ansible_become_pass: @P@', 'mysql_root_password: "@P@"'], expect: PP },
  { name: 'k8s stringData', file: 'k8s/secret.yaml', lines: ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', 'stringData:', '  password: @P@'], expect: PP },
  { name: 'json password', file: 'config/app.json', lines: ['{', '  "db": {', '    "password": "@P@"', '  }', '}'], expect: PP },
  { name: 'json apiKey', file: 'config/app.json', lines: ['{', '  "apiKey": "@S@"', '}'], expect: GS },
  { name: 'docker config auths', file: '.docker/config.json', lines: ['{', '  "auths": {', '    "registry.internal.io": {', '      "auth": "@B@"', '    }', '  }', '}'], expect: 'any-secret' },
  { name: 'ini section', file: 'config/app.ini', lines: ['[database]', 'user = app', 'password = @P@'], expect: PP },
  { name: 'pypirc', file: '.pypirc', lines: ['[distutils]', 'index-servers = internal', '', '[internal]', 'repository = https://pypi.internal.io/', 'username = deploy', 'password = @P@'], expect: PP },
  { name: 'properties', file: 'src/main/resources/application.properties', lines: ['spring.datasource.username=app', 'spring.datasource.password=@P@'], expect: PP },
  { name: 'properties spaced', file: 'conf/app.properties', lines: ['db.password = @P@'], expect: PP },
  { name: 'properties api key', file: 'conf/app.properties', lines: ['api.key: @S@'], expect: GS },
  { name: 'toml password', file: 'config.toml', lines: ['[database]', 'password = "@P@"'], expect: PP },
  { name: 'toml token', file: 'config.toml', lines: ['[server]', 'api_token = "@S@"'], expect: GS },
  { name: 'xml element', file: 'conf/app.xml', lines: ['<config>', '  <password>@P@</password>', '</config>'], expect: PP },
  { name: 'xml appSettings', file: 'Web.config', lines: ['<configuration>', '  <appSettings>', '    <add key="ApiKey" value="@S@" />', '  </appSettings>', '</configuration>'], expect: GS },
  { name: 'xml property', file: 'conf/beans.xml', lines: ['<bean id="ds">', '  <property name="password" value="@P@"/>', '</bean>'], expect: PP },
  { name: 'xml attribute', file: 'conf/server.xml', lines: ['<Resource name="jdbc/db" username="app" password="@P@"/>'], expect: PP },
  { name: 'env file', file: '.env', lines: ['DB_HOST=db', 'DB_PASSWORD=@P@'], expect: PP },
  { name: 'env secret', file: '.env', lines: ['SECRET_KEY=@S@'], expect: GS },
  { name: 'dockerfile env', file: 'Dockerfile', lines: ['FROM alpine', 'ENV DB_PASSWORD=@P@'], expect: PP },
  { name: 'sql identified by', file: 'db/init.sql', lines: ["CREATE USER 'app'@'%' IDENTIFIED BY '@P@';"], expect: GP },
  { name: 'sql with password', file: 'db/init.sql', lines: ["CREATE USER app WITH PASSWORD '@P@';"], expect: GP },
  { name: 'sql alter role', file: 'db/init.sql', lines: ["ALTER ROLE app WITH LOGIN PASSWORD '@P@';"], expect: GP },
  { name: 'npmrc _auth', file: '.npmrc', lines: ['registry=https://npm.internal.io/', '_auth=@B@'], expect: 'any-secret' },
  { name: 'npmrc _authToken', file: '.npmrc', lines: ['//npm.internal.io/:_authToken=@S@'], expect: 'any-secret' },
  { name: 'netrc', file: '.netrc', lines: ['machine api.internal.io', '  login deploy', '  password @P@'], expect: 'any-secret' },
  { name: 'netrc one line', file: '.netrc', lines: ['machine api.internal.io login deploy password @P@'], expect: 'any-secret' },
  { name: 'git-credentials', file: '.git-credentials', lines: ['https://deploy:@S@@git.internal.io'], expect: 'any-secret' },
  { name: 'terraform attr', file: 'infra/main.tf', lines: ['resource "aws_db_instance" "db" {', '  username = "app"', '  password = "@P@"', '}'], expect: PP },
  { name: 'terraform default', file: 'infra/variables.tf', lines: ['variable "db_password" {', '  type    = string', '  default = "@P@"', '}'], expect: PP },
  // Harder shapes
  { name: 'reversed comparison', file: 'app/auth.py', lines: ['if "@P@" == password:', '    ok()'], expect: GP },
  { name: 'rails secret_key_base', file: 'config/secrets.yml', lines: ['production:', '  secret_key_base: @K@'], expect: GS },
  { name: 'django secret key', file: 'shop/settings.py', lines: ["SECRET_KEY = 'django-insecure-@S@'"], expect: GS },
  { name: 'url query key', file: 'app/fetch.py', lines: ['URL = "https://api.internal.io/v1/items?api_key=@S@&limit=5"'], expect: GS },
  { name: 'android strings', file: 'app/src/main/res/values/strings.xml', lines: ['<resources>', '  <string name="app_name">Shop</string>', '  <string name="backend_api_key">@S@</string>', '</resources>'], expect: GS },
  { name: 'java properties xml', file: 'conf/app.xml', lines: ['<properties>', '  <entry key="db.password">@P@</entry>', '</properties>'], expect: PP },
  { name: 'maven settings', file: '.m2/settings.xml', lines: ['<settings><servers><server>', '  <id>internal</id>', '  <username>deploy</username>', '  <password>@P@</password>', '</server></servers></settings>'], expect: PP },
  { name: 'toml inline table', file: 'config.toml', lines: ['db = { user = "app", password = "@P@" }'], expect: PP },
  { name: 'json array', file: 'config/creds.json', lines: ['{', '  "credentials": [', '    { "token": "@S@" }', '  ]', '}'], expect: GS },
  { name: 'tfvars', file: 'infra/prod.tfvars', lines: ['db_password = "@P@"'], expect: PP },
  { name: 'ini colon', file: 'setup.cfg', lines: ['[upload]', 'password: @P@'], expect: PP },
  { name: 'env quoted', file: '.env', lines: ['export DB_PASSWORD="@P@"'], expect: PP },
  { name: 'yaml api_token in list', file: 'config/hooks.yml', lines: ['hooks:', '  - name: notify', '    api_token: @S@'], expect: GS },
  { name: 'go map literal', file: 'cmd/cfg.go', lines: ['m := map[string]string{"password": "@P@"}'], expect: GP },
  { name: 'kotlin map', file: 'app/src/Db.kt', lines: ['val cfg = mapOf("password" to "@P@")'], expect: GP },
  { name: 'py dict call', file: 'app/db.py', lines: ['conn = connect(dict(user="app", passwd="@P@"))'], expect: GP },
  { name: 'js nested object', file: 'src/config.js', lines: ['module.exports = {', '  db: {', '    password: "@P@",', '  },', '};'], expect: GP },
  { name: 'py special in yaml', file: 'config/app.yml', lines: ['db:', '  password: "@X@"'], expect: PP },
  { name: 'groovy jenkins', file: 'Jenkinsfile', lines: ['def password = "@P@"'], expect: 'any-secret' },
  { name: 'mysql -p glued', file: 'scripts/backup.sh', lines: ['mysqldump -u backup -p@P@ shop > dump.sql'], expect: GP },
  { name: 'docker login -p', file: 'scripts/push.sh', lines: ['docker login -u deploy -p @P@ registry.internal.io'], expect: GP },
  { name: 'sshpass', file: 'scripts/ssh.sh', lines: ["sshpass -p '@P@' ssh deploy@host"], expect: GP },
  { name: 'bare key python', file: 'app/crypto.py', lines: ['key = "@S@"'], expect: 'generic-secret' },
  { name: 'bare key yaml', file: 'config/app.yml', lines: ['key: @S@'], expect: 'generic-secret' },
  { name: 'objc NSString', file: 'Classes/Auth.m', lines: ['NSString *password = @"@P@";'], expect: 'any-secret' },
  { name: 'lua local', file: 'scripts/settings.lua', lines: ['local password = "@P@"'], expect: 'any-secret' },
  { name: 'redis requirepass', file: 'deploy/redis.conf', lines: ['port 6379', 'requirepass @P@'], expect: PP },
  { name: 'conf directive', file: 'deploy/pgbouncer.conf', lines: ['listen_port 6432', 'auth_password @P@;'], expect: PP },
  { name: 'lang dir is not locale', file: 'langs/main.rs', lines: ['let password = String::from("Wq!@P@");'], expect: GP },
  { name: 'py environ set', file: 'app/boot.py', lines: ['os.environ["API_KEY"] = "@S@"'], expect: GS },
  { name: 'py environ setdefault', file: 'app/boot.py', lines: ['os.environ.setdefault("DB_PASSWORD", "@P@")'], expect: GP },
  { name: 'js env set', file: 'src/boot.js', lines: ['process.env.API_TOKEN = "@S@";'], expect: GS },
  { name: 'docker run -e', file: 'scripts/run.sh', lines: ['docker run -e DB_PASSWORD=@P@ -p 5432:5432 postgres:16'], expect: GP },
  { name: 'helm --set', file: 'scripts/deploy.sh', lines: ['helm upgrade shop ./chart --set db.password=@P@'], expect: GP },
  { name: 'kubectl from-literal', file: 'scripts/secret.sh', lines: ['kubectl create secret generic db --from-literal=password=@P@'], expect: GP },
  { name: 'java system property', file: 'src/Main.java', lines: ['System.setProperty("javax.net.ssl.keyStorePassword", "@P@");'], expect: GP },
  { name: 'cs NetworkCredential', file: 'src/Mail.cs', lines: ['var cred = new NetworkCredential("mailer", "@P@");'], expect: GP },
  { name: 'py smtp login', file: 'app/mail.py', lines: ['server.login("mailer@shop.io", "@P@")'], expect: GP },
  { name: 'py HTTPBasicAuth', file: 'app/client.py', lines: ['r = requests.get(url, auth=HTTPBasicAuth("deploy", "@P@"))'], expect: GP },
  { name: 'java PasswordAuthentication', file: 'src/Mail.java', lines: ['return new PasswordAuthentication("mailer", "@P@".toCharArray());'], expect: GP },
  { name: 'py libpq dsn', file: 'app/db.py', lines: ['conn = psycopg2.connect("host=db.internal dbname=shop user=app password=@P@")'], expect: 'any-secret' },
  { name: 'go []byte', file: 'auth/jwt.go', lines: ['var signingKey = []byte("@S@")'], expect: GS },
  { name: 'rust byte string', file: 'src/jwt.rs', lines: ['const SECRET_KEY: &[u8] = b"@S@";'], expect: GS },
  { name: 'node Buffer.from', file: 'src/jwt.js', lines: ['const secret = Buffer.from("@S@", "utf8");'], expect: GS },
  { name: 'cs GetBytes', file: 'src/Jwt.cs', lines: ['var secretKey = Encoding.UTF8.GetBytes("@S@");'], expect: GS },
  { name: 'k8s data base64', file: 'k8s/secret.yaml', lines: ['apiVersion: v1', 'kind: Secret', 'data:', '  password: @B@'], expect: 'any-secret' },
  { name: 'py getenv default', file: 'app/db.py', lines: ['pwd = os.getenv("PWD_DB", "@P@")'], expect: GP },
  { name: 'js env fallback', file: 'src/db.js', lines: ['const dbPassword = process.env.DB_PASSWORD || "@P@";'], expect: GP },
  { name: 'ruby ENV.fetch default', file: 'config/db.rb', lines: ["password = ENV.fetch('DB_PASSWORD', '@P@')"], expect: GP },
  { name: 'go PlainAuth', file: 'mail/send.go', lines: ['auth := smtp.PlainAuth("", "mailer@shop.io", "@P@", "smtp.shop.io")'], expect: GP },
  { name: 'htpasswd -b', file: 'scripts/users.sh', lines: ['htpasswd -b .htpasswd admin @P@'], expect: GP },
  { name: 'htpasswd -nb', file: 'scripts/users.sh', lines: ['htpasswd -nbB admin @P@ > auth'], expect: GP },
  { name: 'py triple quoted', file: 'app/keys.py', lines: ["secret = '''@S@'''"], expect: GS },
  { name: 'spring @Value default', file: 'src/main/java/Db.java', lines: ['@Value("${db.password:@P@}")', 'private String password;'], expect: GP },
  { name: 'yaml block scalar', file: 'config/app.yml', lines: ['db:', '  password: >-', '    @P@'], expect: PP },
  { name: 'env inline comment', file: '.env', lines: ['DB_PASSWORD=@P@ # rotated monthly'], expect: PP },
  { name: 'ini quoted', file: 'config/app.ini', lines: ['[db]', 'password = "@P@"'], expect: PP },
  { name: 'yaml crlf', file: 'config/app.yml', lines: ['db:\r', '  password: @P@\r'], expect: PP },
  { name: 'authorization basic header', file: 'scripts/call.sh', lines: ['curl -H "Authorization: Basic @B@" https://api.internal.io/v1'], expect: 'any-secret' },
  { name: 'authorization token header', file: 'app/client.py', lines: ['headers = {"Authorization": "Token @S@"}'], expect: 'any-secret' },
  { name: 'http file header', file: 'requests/api.http', lines: ['GET https://api.internal.io/v1/items', 'X-Auth-Token: @S@'], expect: 'any-secret' },
  { name: 'gradle signing groovy', file: 'app/build.gradle', lines: ['signingConfigs {', '  release {', '    storePassword "@P@"', '  }', '}'], expect: 'any-secret' },
  { name: 'pgpass', file: '.pgpass', lines: ['db.internal:5432:shop:app:@P@'], expect: 'any-secret' },
  { name: 'dart const', file: 'lib/config.dart', lines: ["const apiKey = '@S@';"], expect: 'any-secret' },
  { name: 'notebook source', file: 'notebooks/analysis.ipynb', lines: ['{"cells": [{"cell_type": "code", "source": ["import openai\\n", "api_key = \\"@S@\\"\\n"]}]}'], expect: 'any-secret' },
  { name: 's3cfg', file: '.s3cfg', lines: ['[default]', 'secret_key = @S@'], expect: 'any-secret' },
];

const negatives: ChallengeCase[] = [
  { name: 'call', file: 'app/db.py', lines: ['password = get_password()'] },
  { name: 'None', file: 'app/db.py', lines: ['password = None'] },
  { name: 'nil', file: 'lib/db.rb', lines: ['password = nil'] },
  { name: 'null', file: 'src/db.js', lines: ['let password = null;'] },
  { name: 'empty', file: 'app/db.py', lines: ['password = ""'] },
  { name: 'environ.get default', file: 'app/db.py', lines: ['password = os.environ.get("DB_PASS", "")'] },
  { name: 'getenv', file: 'app/db.py', lines: ['api_key = os.getenv("API_KEY")'] },
  { name: 'process.env', file: 'src/db.js', lines: ['const apiKey = process.env.API_KEY;'] },
  { name: 'System.getenv', file: 'src/Db.java', lines: ['String password = System.getenv("DB_PASSWORD");'] },
  { name: 'os.Getenv', file: 'main.go', lines: ['token := os.Getenv("TOKEN")'] },
  { name: 'ENV[]', file: 'lib/api.rb', lines: ["api_key = ENV['API_KEY']"] },
  { name: 'yaml ${}', file: 'config/app.yml', lines: ['db:', '  password: ${DB_PASS}'] },
  { name: 'yaml ${:-}', file: 'config/app.yml', lines: ['db:', '  password: ${DB_PASS:-}'] },
  { name: 'gha secrets', file: '.github/workflows/ci.yml', lines: ['env:', '  API_TOKEN: ${{ secrets.API_TOKEN }}'] },
  { name: 'jinja vault', file: 'roles/db/vars/main.yml', lines: ['db_password: "{{ vault_db_password }}"'] },
  { name: 'helm values', file: 'chart/templates/secret.yaml', lines: ['stringData:', '  password: {{ .Values.db.password | quote }}'] },
  { name: 'secretKeyRef', file: 'k8s/deploy.yaml', lines: ['env:', '  - name: DB_PASSWORD', '    valueFrom:', '      secretKeyRef:', '        name: db', '        key: password'] },
  { name: 'format placeholder', file: 'app/db.py', lines: ['password = "{password}"'] },
  { name: 'percent placeholder', file: 'app/db.py', lines: ['password = "%(password)s"'] },
  { name: 'ruby symbol', file: 'lib/user.rb', lines: ['params.require(:user).permit(:email, :password)'] },
  { name: 'bcrypt hash', file: 'app/fixtures.py', lines: ['password_hash = "@H@"'] },
  { name: 'bcrypt as password', file: 'config/users.yml', lines: ['admin:', '  password: "@H@"'] },
  { name: 'field name', file: 'app/forms.py', lines: ['PASSWORD_FIELD = "password"'] },
  { name: 'label', file: 'app/forms.py', lines: ['password_label = "Password"'] },
  { name: 'header name', file: 'app/api.py', lines: ['api_key_header = "X-API-Key"'] },
  { name: 'token type', file: 'app/api.py', lines: ['token_type = "Bearer"'] },
  { name: 'secret name', file: 'app/aws.py', lines: ['secret_name = "prod-db-credentials"'] },
  { name: 'key id', file: 'app/models.py', lines: ['key = "id"'] },
  { name: 'masked', file: 'app/db.py', lines: ['password = "********"'] },
  { name: 'redacted', file: 'app/db.py', lines: ['password = "<redacted>"'] },
  { name: 'dummy test', file: 'tests/test_login.py', lines: ['password = "test"'] },
  { name: 'dummy secret', file: 'tests/test_login.py', lines: ['password = "secret"'] },
  { name: 'dummy password123', file: 'tests/test_login.py', lines: ['password = "password123"'] },
  { name: 'i18n json', file: 'src/locales/de.json', lines: ['{', '  "password": "Passwort",', '  "token": "Zugangsschluessel"', '}'] },
  { name: 'i18n yaml', file: 'config/locales/fr.yml', lines: ['fr:', '  password: "Mot de passe"', '  forgot_password: "Mot de passe oublie ?"'] },
  { name: 'i18n properties', file: 'src/main/resources/messages_es.properties', lines: ['login.password=Contrasena', 'login.token=Ficha'] },
  { name: 'enum py', file: 'app/enums.py', lines: ['class Field(Enum):', '    PASSWORD = "password"', '    API_KEY = "api_key"'] },
  { name: 'enum ts', file: 'src/enums.ts', lines: ['export enum AuthMethod {', '  Password = "PASSWORD",', '  ApiToken = "API_TOKEN",', '}'] },
  { name: 'route', file: 'app/urls.py', lines: ['urlpatterns = [path("reset-password/", views.reset)]'] },
  { name: 'route const', file: 'src/routes.ts', lines: ['export const RESET_PASSWORD_ROUTE = "/reset-password";'] },
  { name: 'express route', file: 'src/routes.js', lines: ["router.post('/forgot-password', handler);"] },
  { name: 'css class', file: 'src/Login.jsx', lines: ['<input className="password-input" type="password" />'] },
  { name: 'html input', file: 'templates/login.html', lines: ['<input type="password" name="password" id="password" placeholder="Password">'] },
  { name: 'ts type', file: 'src/types.ts', lines: ['interface Creds {', '  password: string;', '  apiKey?: string;', '}'] },
  { name: 'go struct type', file: 'model.go', lines: ['type Config struct {', '\tPassword string `json:"password"`', '\tAPIKey   string `json:"api_key"`', '}'] },
  { name: 'java field decl', file: 'src/User.java', lines: ['private String password;', 'private char[] secretKey;'] },
  { name: 'py annotation only', file: 'app/models.py', lines: ['password: Optional[str] = None', 'api_key: str'] },
  { name: 'spring @Value', file: 'src/Db.java', lines: ['@Value("${db.password}")', 'private String password;'] },
  { name: 'from request', file: 'app/views.py', lines: ["password = request.form['password']"] },
  { name: 'from config attr', file: 'app/db.py', lines: ['password = settings.DB_PASSWORD'] },
  { name: 'shell var ref', file: 'deploy.sh', lines: ['PASSWORD="$DB_PASSWORD"'] },
  { name: 'uuid key', file: 'app/ids.py', lines: ['api_key_id = "0f8fad5b-d9cb-469f-a165-70867728950e"'] },
  { name: 'changeme', file: 'config/app.yml', lines: ['db:', '  password: changeme'] },
  { name: 'your key', file: 'README.md', lines: ['export API_KEY=<your-api-key>'] },
  { name: 'ui prompt', file: 'src/strings.ts', lines: ['const passwordPrompt = "Enter your password";'] },
  { name: 'test local db', file: 'docker-compose.test.yml', lines: ['services:', '  db:', '    environment:', '      POSTGRES_PASSWORD: postgres'] },
  { name: 'lockfile', file: 'package-lock.json', lines: ['{', '  "integrity": "sha512-@S@",', '  "token": "@S@"', '}'] },
  { name: 'type name value', file: 'src/auth.ts', lines: ['const tokenType: TokenKind = "access_token";'] },
  { name: 'password boolean', file: 'config/app.yml', lines: ['auth:', '  password: true', '  token: false'] },
  // Harder negatives
  { name: 'input prompt', file: 'app/cli.py', lines: ['password = getpass.getpass("Password: ")'] },
  { name: 'generated', file: 'app/keys.py', lines: ['secret = secrets.token_hex(32)', 'SECRET_KEY = get_random_secret_key()'] },
  { name: 'format specifier', file: 'app/db.py', lines: ['password = "%s"', 'token = "{}"'] },
  { name: 'sql params', file: 'db/query.sql', lines: ['SELECT id FROM users WHERE password = ? AND token = :token;'] },
  { name: 'yaml empty forms', file: 'config/app.yml', lines: ['db:', '  password: ""', '  token: ~', '  api_key:'] },
  { name: 'json schema', file: 'schema/user.json', lines: ['{', '  "password": { "type": "string", "minLength": 8 },', '  "apiKey": { "type": "string" }', '}'] },
  { name: 'openapi scheme', file: 'openapi.yaml', lines: ['components:', '  securitySchemes:', '    api_key:', '      type: apiKey', '      in: header', '      name: X-API-Key'] },
  { name: 'gha token', file: '.github/workflows/ci.yml', lines: ['env:', '  GITHUB_TOKEN: ${{ github.token }}'] },
  { name: 'password regex', file: 'app/validators.py', lines: ['PASSWORD_REGEX = "^(?=.*[A-Z])(?=.*\\\\d).{8,}$"'] },
  { name: 'tokenizer', file: 'app/nlp.py', lines: ['tokenizer = "bert-base-uncased"', 'max_tokens = 256'] },
  { name: 'primary key', file: 'app/models.py', lines: ['primary_key = "user_id"', 'cache_key = f"user:{uid}"'] },
  { name: 'author', file: 'package.json', lines: ['{', '  "author": "Jane Roe <jane@shop.io>",', '  "keywords": ["auth", "token"]', '}'] },
  { name: 'k8s secret volume', file: 'k8s/deploy.yaml', lines: ['volumes:', '  - name: creds', '    secret:', '      secretName: db-credentials'] },
  { name: 'aws example', file: 'docs/aws.md', lines: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'] },
  { name: 'git sha under key', file: 'ci/build.yml', lines: ['cache_key: 3f786850e387550fdab836ed7e6dc881de23001b'] },
  { name: 'sri', file: 'templates/base.html', lines: ['<script src="/x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"></script>'] },
  { name: 'env default laravel', file: 'config/database.php', lines: ['<?php', "'password' => env('DB_PASSWORD', ''),"] },
  { name: 'kotlin template', file: 'app/src/Db.kt', lines: ['val password = "${System.getenv("DB_PASSWORD")}"'] },
  { name: 'password constant name', file: 'src/Keys.java', lines: ['public static final String PASSWORD_KEY = "app.password";'] },
  { name: 'secret ref yaml', file: 'config/app.yml', lines: ['db:', '  password: vault:secret/data/db#password'] },
  { name: 'masked bullets', file: 'src/ui.ts', lines: ['const password = "\u2022\u2022\u2022\u2022\u2022\u2022";'] },
  { name: 'storybook', file: 'src/Login.stories.tsx', lines: ['args: { password: "" , token: undefined }'] },
  // Seen when Keyguard scans its own source (MISSES.md)
  { name: 'command id', file: 'src/host/commands/ids.ts', lines: ['export const COMMANDS = {', "  apiKeys: 'keyguard.apiKeys',", "  rotateToken: 'keyguard.vault.rotateToken',", '};'] },
  { name: 'regex source', file: 'src/rules.ts', lines: ['const URL_PASSWORD = "[^\\\\s@/\'\\"<>]{1,256}";', "const TOKEN_BODY = '[A-Za-z0-9_]{36,255}';"] },
  { name: 'command in doc comment', file: 'src/notes.ts', lines: ['/** `mysqldump -u app -p<password>` and `sshpass -p SECRET ssh host` read the password from argv. */'] },
  { name: 'bare key words', file: 'app/cache.py', lines: ['key = "user_profile_settings_v2"', 'KEY = "orders:2024:summary"'] },
  { name: 'bare key react', file: 'src/List.jsx', lines: ['items.map((item) => <li key="row-header-12">{item}</li>)'] },
  { name: 'nested non-secret key', file: 'config/app.yml', lines: ['cache:', '  key: @S@'] },
  { name: 'bare key hex vector', file: 'src/aes.py', lines: ['key = "000102030405060708090a0b0c0d0e0f"'] },
  { name: 'netrc anonymous', file: '.netrc', lines: ['machine ftp.internal.io login anonymous password anonymous'] },
  { name: 'conf directives', file: 'deploy/httpd.conf', lines: ['SSLPassPhraseDialog builtin', 'listen 8080', 'server_name shop.io;'] },
  { name: 'jenkins credentials()', file: 'Jenkinsfile', lines: ['pipeline {', '  environment {', "    API_TOKEN = credentials('api-token')", '  }', '}'] },
  { name: 'py variable', file: 'app/db.py', lines: ['password = db_password', 'api_key = API_KEY'] },
  { name: 'login ui text', file: 'app/views.py', lines: ['client.login("admin", "")', 'flash("login", "Logged in as admin")'] },
  { name: 'well-known dummies', file: 'app/seed.py', lines: ['password = "Passw0rd!"', 'admin_password = "P@ssw0rd"', 'db_password = "Secret123!"'] },
  { name: 'k8s data base64 placeholder', file: 'k8s/secret.yaml', lines: ['apiVersion: v1', 'kind: Secret', 'data:', '  password: Y2hhbmdlbWU=', '  api_key: eW91ci1hcGkta2V5LWhlcmU='] },
  { name: 'env default empty', file: 'app/db.py', lines: ['password = os.getenv("DB_PASSWORD", "")', 'token = os.environ.get("TOKEN", "changeme")'] },
  { name: 'htpasswd prompt', file: 'scripts/users.sh', lines: ['htpasswd -c .htpasswd admin'] },
  // Seen when scanning real package sources (node_modules)
  { name: 'dependency named *pass', file: 'package.json', lines: ['{', '  "dependencies": {', '    "minipass": "^7.1.2",', '    "passport-local": "latest"', '  }', '}'] },
  { name: 'hidden npm lockfile', file: 'node_modules/.package-lock.json', lines: ['{', '  "packages": { "node_modules/glob": { "dependencies": { "minipass": "^7.1.2" } } }', '}'] },
  { name: 'enum of flow names', file: 'src/FlowResult.ts', lines: ['export const FLOW_PASSWORD_REQUIRED_V2 = "FlowPasswordRequiredResultV2";', 'export const ACQUIRE_TOKEN_START = "msal:acquireTokenStart";', 'const PlatformAuthGetToken = "PlatformAuthDOMGetToken";'] },
  { name: 'google p12 default', file: 'src/gcp.js', lines: ['const GCP_SERVICE_ACCOUNT_P12_PASSWORD = "notasecret";'] },
  { name: 'css custom properties', file: 'static/theme.css', lines: [':root {', '  --test-pass-color: #00d7ff;', '  --test-pass-duration-color: #fff;', '}'] },
  { name: 'test assertion t.pass', file: 'test/queue.js', lines: ["t.pass('saturated')"] },
  { name: 'demo token value', file: 'docs/storage.md', lines: ["localStorage.setItem('token', 'jwt_abc123');"] },
  { name: 'minified key chain', file: 'dist/term.js', lines: ['switch(c){case 0:e.key===`Up`?o.key=t?r.C0.ESC+`OA`:r.C0.ESC+`[A`:e.key===`Left`&&(o.key=t?r.C0.ESC+`OD`:r.C0.ESC+`[D`);break}'] },
  { name: 'translated message ids', file: 'lib/ja/diagnosticMessages.generated.json', lines: ['{', '  "Unexpected_token_A_constructor_method_accessor_or_property_was_expected_1068": "予期しないトークンです。",', '  "token": "トークン"', '}'] },
  { name: 'spring @Value no default', file: 'src/main/java/Db2.java', lines: ['@Value("${db.password}")', 'private String dbPassword;', '@Value("${api.token:}")', 'private String token;'] },
  { name: 'compose default', file: 'docker-compose.yml', lines: ['services:', '  db:', '    environment:', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}'] },
  { name: 'py docstring password', file: 'app/auth.py', lines: ['def login(password):', '    """Check the password."""', '    return check(password)'] },
  { name: 'list of input types', file: 'src/inputs.js', lines: ['const TYPES = new Set([`email`, `number`, `password`, `search`, `tel`]);', 'const KINDS = ["password", "search", "text"];'] },
  // Seen when scanning real Python packages
  { name: 'format string', file: 'lib/request.py', lines: ["user_pass = '%s:%s' % (user, passwd)", 'auth_header = "{}:{}".format(user, pw)'] },
  { name: 'concatenated prefix', file: 'lib/index.py', lines: ["long_auth = 'username:' + 'password' * 10", 'creds = " --username=" + auth'] },
  { name: 'forward reference types', file: 'lib/backends/rsa.py', lines: ['def load(backend: "Backend", private_key: "_DSAPrivateKey", data: bytes):', '    key: typing.Union["_RSAPrivateKey", "_RSAPublicKey"]'] },
  { name: 'stub annotations', file: 'lib/ocsp.pyi', lines: ['def sign(', '    private_key: typing.Optional[PRIVATE_KEY_TYPES],', ') -> None: ...'] },
  { name: 'flag in prose', file: 'lib/vcs.py', lines: ['    """Pass the --username and --password options instead of the URL."""'] },
  { name: 'list of field names', file: 'lib/pkg.py', lines: ["defaults = dict.fromkeys(['username', 'password', 'repository'], '')"] },
  { name: 'bare key format path', file: 'lib/msvc.py', lines: ['key = r"{}\\{:0.1f}\\VC\\VC_OBJECTS_PLATFORM_INFO\\Win32\\Directories".format(base, version)'] },
  { name: 'openssl variable', file: 'ssl/openssl.cnf', lines: ['[insta]', 'secret = $insta::secret # pass:insta'] },
  { name: 'gradle from env', file: 'app/build.gradle', lines: ['signingConfigs {', '  release {', '    storePassword "${System.env.KS_PASS}"', '    keyPassword "$keyPass"', '    storeFile file("release.jks")', '  }', '}'] },
  { name: 'authorization from variable', file: 'app/client.py', lines: ['headers = {"Authorization": f"Bearer {token}"}', 'auth_header = "Bearer " + token'] },
  { name: 'pgpass wildcard', file: '.pgpass', lines: ['# host:port:db:user:password', 'localhost:5432:*:postgres:*'] },
  { name: 'translated token message', file: 'lib/es/diagnosticMessages.generated.json', lines: ['{', '  "Unexpected_token_1012": "Token inesperado.",', '  "Invalid_token": "Token non valido"', '}'] },
];

const riskyPositives: ChallengeCase[] = [
  { name: 'debug prod yaml', file: 'config/production.yml', lines: ['app:', '  name: shop', '  debug: true'], expect: DBG, line: 3 },
  { name: 'debug prod section', file: 'config/app.yml', lines: ['development:', '  debug: false', 'production:', '  debug: true'], expect: DBG, line: 4 },
  { name: 'django settings', file: 'shop/settings.py', lines: ['ALLOWED_HOSTS = ["shop.io"]', 'DEBUG = True'], expect: DBG, line: 2 },
  { name: 'django prod module', file: 'shop/settings/production.py', lines: ['from .base import *', 'DEBUG = True'], expect: DBG, line: 2 },
  { name: 'flask prod class', file: 'app/config.py', lines: ['class ProductionConfig(Config):', '    DEBUG = True'], expect: DBG, line: 2 },
  { name: 'env production', file: '.env.production', lines: ['APP_ENV=production', 'APP_DEBUG=true'], expect: DBG, line: 2 },
  { name: 'properties prod', file: 'src/main/resources/application-prod.properties', lines: ['server.port=8080', 'debug=true'], expect: DBG, line: 2 },
  { name: 'ini prod', file: 'deploy/prod.ini', lines: ['[app]', 'debug = true'], expect: DBG, line: 2 },
  { name: 'json prod', file: 'config/production.json', lines: ['{', '  "debug": true', '}'], expect: DBG, line: 2 },
  { name: 'toml prod', file: 'config/production.toml', lines: ['[server]', 'debug = true'], expect: DBG, line: 2 },
  { name: 'env says prod', file: 'config/app.yml', lines: ['environment: production', 'debug: true'], expect: DBG, line: 2 },
  { name: 'requests verify', file: 'app/client.py', lines: ['r = requests.get(url, verify=False)'], expect: TLS, line: 1 },
  { name: 'requests session verify', file: 'app/client.py', lines: ['session = requests.Session()', 'session.verify = False'], expect: TLS, line: 2 },
  { name: 'unverified context', file: 'app/client.py', lines: ['import ssl', 'ctx = ssl._create_unverified_context()'], expect: TLS, line: 2 },
  { name: 'node agent', file: 'src/http.js', lines: ['const agent = new https.Agent({', '  rejectUnauthorized: false,', '});'], expect: TLS, line: 2 },
  { name: 'node env in code', file: 'src/index.js', lines: ["process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';"], expect: TLS, line: 1 },
  { name: 'node env file', file: '.env', lines: ['NODE_TLS_REJECT_UNAUTHORIZED=0'], expect: TLS, line: 1 },
  { name: 'node env compose', file: 'docker-compose.yml', lines: ['services:', '  api:', '    environment:', '      NODE_TLS_REJECT_UNAUTHORIZED: "0"'], expect: TLS, line: 4 },
  { name: 'go insecure', file: 'client.go', lines: ['tr := &http.Transport{', '\tTLSClientConfig: &tls.Config{InsecureSkipVerify: true},', '}'], expect: TLS, line: 2 },
  { name: 'java trust all', file: 'src/Trust.java', lines: ['TrustManager tm = new X509TrustManager() {', '  public void checkClientTrusted(X509Certificate[] c, String a) {}', '  public void checkServerTrusted(X509Certificate[] c, String a) {}', '  public X509Certificate[] getAcceptedIssuers() { return null; }', '};'], expect: TLS, line: 3 },
  { name: 'java hostname lambda', file: 'src/Http.java', lines: ['conn.setHostnameVerifier((hostname, session) -> true);'], expect: TLS, line: 1 },
  { name: 'csharp callback', file: 'src/Http.cs', lines: ['handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;'], expect: TLS, line: 1 },
  { name: 'curl -k', file: 'scripts/fetch.sh', lines: ['#!/bin/sh', 'curl -k https://internal.io/health'], expect: TLS, line: 2 },
  { name: 'curl --insecure', file: 'Dockerfile', lines: ['FROM alpine', 'RUN curl --insecure -o /tmp/x https://internal.io/x'], expect: TLS, line: 2 },
  { name: 'curl cluster', file: '.gitlab-ci.yml', lines: ['deploy:', '  script:', '    - curl -sSk https://internal.io/deploy'], expect: TLS, line: 3 },
  { name: 'wget', file: 'scripts/get.sh', lines: ['wget --no-check-certificate https://internal.io/pkg.tgz'], expect: TLS, line: 1 },
  { name: 'kubeconfig', file: 'kubeconfig.yaml', lines: ['clusters:', '- cluster:', '    server: https://10.0.0.1:6443', '    insecure-skip-tls-verify: true', '  name: prod'], expect: TLS, line: 4 },
  { name: 'git config cmd', file: 'scripts/setup.sh', lines: ['git config --global http.sslVerify false'], expect: TLS, line: 1 },
  { name: 'gitconfig', file: '.gitconfig', lines: ['[http]', '\tsslVerify = false'], expect: TLS, line: 2 },
  { name: 'compose prod debug', file: 'docker-compose.prod.yml', lines: ['services:', '  web:', '    environment:', '      - DEBUG=true'], expect: DBG, line: 4 },
  { name: 'helm prod values', file: 'chart/values-production.yaml', lines: ['image: shop', 'debug: true'], expect: DBG, line: 2 },
  { name: 'httpx verify', file: 'app/client.py', lines: ['client = httpx.Client(verify = False)'], expect: TLS, line: 1 },
  { name: 'aiohttp ssl', file: 'app/client.py', lines: ['async with session.get(url, ssl=False) as r:'], expect: TLS, line: 1 },
  { name: 'cert_reqs none', file: 'app/client.py', lines: ["http = urllib3.PoolManager(cert_reqs='CERT_NONE')"], expect: TLS, line: 1 },
  { name: 'verify_mode none', file: 'app/client.py', lines: ['ctx.check_hostname = False', 'ctx.verify_mode = ssl.CERT_NONE'], expect: TLS, line: 2 },
  { name: 'strictSSL', file: 'src/req.js', lines: ['request({ url, strictSSL: false });'], expect: TLS, line: 1 },
  { name: 'npmrc strict-ssl', file: '.npmrc', lines: ['strict-ssl=false'], expect: TLS, line: 1 },
  { name: 'npm config env', file: '.gitlab-ci.yml', lines: ['variables:', '  npm_config_strict_ssl: "false"'], expect: TLS, line: 2 },
  { name: 'kotlin hostname verifier', file: 'app/src/Http.kt', lines: ['builder.hostnameVerifier { _, _ -> true }'], expect: TLS, line: 1 },
  { name: 'csharp servicepoint', file: 'src/Http.cs', lines: ['ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true;'], expect: TLS, line: 1 },
  { name: 'ruby verify none', file: 'lib/http.rb', lines: ['http.verify_mode = OpenSSL::SSL::VERIFY_NONE'], expect: TLS, line: 1 },
  { name: 'gha run block curl', file: '.github/workflows/deploy.yml', lines: ['jobs:', '  deploy:', '    steps:', '      - run: |', '          echo start', '          curl -k https://internal.io/hook'], expect: TLS, line: 6 },
  { name: 'git -c', file: 'scripts/clone.sh', lines: ['git -c http.sslVerify=false clone https://git.internal.io/x.git'], expect: TLS, line: 1 },
  { name: 'git ssl env', file: 'scripts/clone.sh', lines: ['export GIT_SSL_NO_VERIFY=1'], expect: TLS, line: 1 },
  { name: 'ansible validate_certs', file: 'roles/web/tasks/main.yml', lines: ['- get_url:', '    url: https://internal.io/x', '    dest: /tmp/x', '    validate_certs: no'], expect: TLS, line: 4 },
  { name: 'terraform skip tls', file: 'infra/vault.tf', lines: ['provider "vault" {', '  skip_tls_verify = true', '}'], expect: TLS, line: 2 },
  { name: 'helm flag', file: 'scripts/deploy.sh', lines: ['kubectl --insecure-skip-tls-verify get pods'], expect: TLS, line: 1 },
  { name: 'python env', file: 'Dockerfile', lines: ['FROM python:3.12', 'ENV PYTHONHTTPSVERIFY=0'], expect: TLS, line: 2 },
  { name: 'rails local requests', file: 'config/environments/production.rb', lines: ['Rails.application.configure do', '  config.consider_all_requests_local = true', 'end'], expect: DBG, line: 2 },
  { name: 'flask run debug', file: 'app.py', lines: ['if __name__ == "__main__":', '    app.run(host="0.0.0.0", debug=True)'], expect: DBG, line: 2 },
  { name: 'yarn strict ssl', file: '.yarnrc.yml', lines: ['enableStrictSsl: false'], expect: TLS, line: 1 },
  { name: 'mongo url allow invalid', file: '.env', lines: ['MONGO_URL=mongodb+srv://cluster0.db.internal/?tlsAllowInvalidCertificates=true'], expect: TLS, line: 1 },
  { name: 'php stream context', file: 'src/http.php', lines: ['<?php', "$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);"], expect: TLS, line: 2 },
  { name: 'php.ini-production display_errors', file: 'docker/php.ini-production', lines: ['[PHP]', 'error_reporting = E_ALL', 'display_errors = On'], expect: DBG, line: 3 },
  { name: 'Web.Release customErrors', file: 'Web.Release.config', lines: ['<configuration>', '  <system.web>', '    <customErrors mode="Off" />', '  </system.web>', '</configuration>'], expect: DBG, line: 3 },
];

const riskyNegatives: ChallengeCase[] = [
  { name: 'verify True', file: 'app/client.py', lines: ['r = requests.get(url, verify=True)'], quiet: ['tls-verify-disabled'] },
  { name: 'verify bundle', file: 'app/client.py', lines: ['r = requests.get(url, verify=ca_bundle_path)'], quiet: ['tls-verify-disabled'] },
  { name: 'rejectUnauthorized true', file: 'src/http.js', lines: ['new https.Agent({ rejectUnauthorized: true });'], quiet: ['tls-verify-disabled'] },
  { name: 'InsecureSkipVerify false', file: 'client.go', lines: ['cfg := &tls.Config{InsecureSkipVerify: false}'], quiet: ['tls-verify-disabled'] },
  { name: 'debug dev yaml', file: 'config/development.yml', lines: ['app:', '  debug: true'], quiet: ['debug-in-production'] },
  { name: 'debug test env', file: '.env.test', lines: ['APP_DEBUG=true'], quiet: ['debug-in-production'] },
  { name: 'debug from env', file: 'shop/settings.py', lines: ['DEBUG = env.bool("DEBUG", default=False)'], quiet: ['debug-in-production'] },
  { name: 'debug dev section', file: 'config/app.yml', lines: ['development:', '  debug: true'], quiet: ['debug-in-production'] },
  { name: 'debug plain file', file: 'src/logger.js', lines: ['const debug = true;'], quiet: ['debug-in-production'] },
  { name: 'curl -k in comment', file: 'scripts/fetch.sh', lines: ['# curl -k https://internal.io/health  (never do this)'], quiet: ['tls-verify-disabled'] },
  { name: 'curl with -K config', file: 'scripts/fetch.sh', lines: ['curl -K curl.cfg https://internal.io/'], quiet: ['tls-verify-disabled'] },
  { name: 'wget with check', file: 'scripts/get.sh', lines: ['wget https://internal.io/pkg.tgz'], quiet: ['tls-verify-disabled'] },
  { name: 'sslVerify true', file: '.gitconfig', lines: ['[http]', '\tsslVerify = true'], quiet: ['tls-verify-disabled'] },
  { name: 'kube skip false', file: 'kubeconfig.yaml', lines: ['clusters:', '- cluster:', '    insecure-skip-tls-verify: false'], quiet: ['tls-verify-disabled'] },
  { name: 'verify comment', file: 'app/client.py', lines: ['# never pass verify=False here', 'r = requests.get(url)'], quiet: ['tls-verify-disabled'] },
  { name: 'reject from env', file: 'src/http.js', lines: ["new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });"], quiet: ['tls-verify-disabled'] },
  { name: 'debug false prod', file: 'config/production.yml', lines: ['debug: false', 'log_level: debug'], quiet: ['debug-in-production'] },
  { name: 'debug commented prod', file: 'config/production.yml', lines: ['# debug: true', 'debug: false'], quiet: ['debug-in-production'] },
  { name: 'debug from getenv', file: 'shop/settings.py', lines: ['DEBUG = os.getenv("DEBUG") == "1"'], quiet: ['debug-in-production'] },
  { name: 'argparse insecure', file: 'app/cli.py', lines: ['parser.add_argument("--insecure", action="store_true")'], quiet: ['tls-verify-disabled'] },
  { name: 'libcurl', file: 'src/net.c', lines: ['curl_easy_setopt(h, CURLOPT_URL, url);'], quiet: ['tls-verify-disabled'] },
  { name: 'rails local dev', file: 'config/environments/development.rb', lines: ['Rails.application.configure do', '  config.consider_all_requests_local = true', 'end'], quiet: ['debug-in-production'] },
  { name: 'flask run debug in dev file', file: 'scripts/dev_server.py', lines: ['app.run(debug=True)'], quiet: ['debug-in-production'] },
  { name: 'mongo url verified', file: '.env', lines: ['MONGO_URL=mongodb+srv://cluster0.db.internal/?tls=true'], quiet: ['tls-verify-disabled'] },
  { name: 'def default verify', file: 'lib/wheel.py', lines: ['    def __init__(self, filename=None, sign=False, verify=False):'], quiet: ['tls-verify-disabled'] },
  { name: 'conditional cert none', file: 'lib/http.py', lines: ['context.verify_mode = ssl.CERT_NONE if disable_validation else ssl.CERT_REQUIRED'], quiet: ['tls-verify-disabled'] },
  { name: 'php.ini-development display_errors', file: 'docker/php.ini-development', lines: ['display_errors = On'], quiet: ['debug-in-production'] },
  { name: 'Web.Release customErrors on', file: 'Web.Release.config', lines: ['<customErrors mode="RemoteOnly" />'], quiet: ['debug-in-production'] },
  { name: 'rails log level debug', file: 'config/environments/production.rb', lines: ['config.log_level = :debug'], quiet: ['debug-in-production'] },
];

// ---------------------------------------------------------------------------------------------------------
// Running a case

const GENERIC_IDS = new Set([GS, GP]);

function familyOf(finding: Finding): Family | undefined {
  if (GENERIC_IDS.has(finding.ruleId)) return 'generic';
  if (finding.ruleId === PP || finding.ruleId === DBG || finding.ruleId === TLS) return finding.ruleId as Family;
  return undefined;
}

interface Rendered {
  text: string;
  line: number;
}

function render(testCase: ChallengeCase): Rendered {
  const values = valuesFor(`${testCase.file}|${testCase.name}`);
  let line = testCase.line ?? 0;
  const lines = testCase.lines.map((raw, index) => {
    if (!line && /@[PSXBHK]@/.test(raw)) line = index + 1;
    return raw.replace(/@([PSXBHK])@/g, (_, token: string) => values[token]);
  });
  return { text: `${lines.join('\n')}\n`, line };
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId}@${f.range.startPos.line} ${f.masked}`).join(', ') || 'none';
}

/** Tally per family, printed after the run so a change's effect on precision and recall shows. */
const tally = new Map<string, { tp: number; fp: number; fn: number }>();

function count(family: string, field: 'tp' | 'fp' | 'fn'): void {
  const entry = tally.get(family) ?? { tp: 0, fp: 0, fn: 0 };
  entry[field]++;
  tally.set(family, entry);
}

function expectFound(testCase: ChallengeCase): void {
  const { text, line } = render(testCase);
  const findings = scanText(text, testCase.file).findings;
  const family = testCase.expect === 'any-secret' ? 'any-secret' : testCase.expect!;
  const hit = findings.find((f) => f.range.startPos.line === line &&
    (testCase.expect === 'any-secret' ? f.kind === 'secret' || f.ruleId === PP : f.ruleId === testCase.expect));
  count(family, hit ? 'tp' : 'fn');
  assert.ok(hit, `expected ${testCase.expect} on line ${line} of ${testCase.file}; got ${describeFindings(findings)}`);
  // Reports are scored by (rule, file, line): a second finding of the rule on that line would be a false positive.
  const sameLine = findings.filter((f) => f.ruleId === hit.ruleId && f.range.startPos.line === line);
  assert.strictEqual(sameLine.length, 1, `one ${hit.ruleId} on line ${line}; got ${describeFindings(sameLine)}`);
}

function expectQuiet(testCase: ChallengeCase): void {
  const { text } = render(testCase);
  const quiet = new Set<Family>(testCase.quiet ?? ['generic', 'plaintext-password']);
  const findings = scanText(text, testCase.file).findings.filter((f) => {
    const family = familyOf(f);
    return family !== undefined && quiet.has(family);
  });
  for (const finding of findings) count(finding.ruleId, 'fp');
  assert.deepStrictEqual(describeFindings(findings), 'none', `false positive in ${testCase.file}`);
}

describe('generic challenge: keyword assignments across languages and formats', () => {
  for (const testCase of positives) it(`finds ${testCase.name} (${testCase.file})`, () => expectFound(testCase));
});

describe('generic challenge: references, placeholders and non-secrets stay quiet', () => {
  for (const testCase of negatives) it(`ignores ${testCase.name} (${testCase.file})`, () => expectQuiet(testCase));
});

describe('risky challenge: every form of issue 2 section 3', () => {
  for (const testCase of riskyPositives) it(`finds ${testCase.name} (${testCase.file})`, () => expectFound(testCase));
  for (const testCase of riskyNegatives) it(`ignores ${testCase.name} (${testCase.file})`, () => expectQuiet(testCase));
});

describe('challenge values', () => {
  it('are reproducible and differ between cases', () => {
    assert.strictEqual(render(positives[0]).text, render(positives[0]).text);
    assert.notStrictEqual(valuesFor('a').S, valuesFor('b').S);
  });

  after(() => {
    if (!process.env.KEYGUARD_CHALLENGE_TALLY) return;
    for (const [family, { tp, fp, fn }] of [...tally].sort()) {
      const precision = tp + fp ? tp / (tp + fp) : 1;
      const recall = tp + fn ? tp / (tp + fn) : 1;
      console.log(`${family.padEnd(22)} tp=${tp} fp=${fp} fn=${fn} P=${precision.toFixed(2)} R=${recall.toFixed(2)}`);
    }
  });
});
