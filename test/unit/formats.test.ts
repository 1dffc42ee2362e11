import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseStructure, type KeyValueEntry, type Structure } from '../../src/engine/formats';
import { languageOf } from '../../src/engine/language';

function parse(text: string, fileName: string): Structure {
  const structure = parseStructure(text, fileName, languageOf(fileName));
  assert.ok(structure, `${fileName} should be parsed as config`);
  return structure;
}

function entry(structure: Structure, keyPath: string): KeyValueEntry {
  const found = structure.entries.find((e) => e.keyPath === keyPath);
  assert.ok(found, `no entry ${keyPath}; have ${structure.entries.map((e) => e.keyPath).join(', ')}`);
  return found;
}

/** The entry's offsets point at exactly `raw` in the text, and its value is `value` (defaults to raw). */
function expectValue(text: string, structure: Structure, keyPath: string, raw: string, value = raw): KeyValueEntry {
  const found = entry(structure, keyPath);
  assert.strictEqual(text.slice(found.valueStart, found.valueEnd), raw, `${keyPath} offsets`);
  assert.strictEqual(found.value, value, `${keyPath} value`);
  return found;
}

describe('formats: YAML', () => {
  const text = [
    'version: "3.9"',
    'services:',
    '  db:',
    '    image: postgres:16   # pinned',
    '    environment:',
    '      POSTGRES_PASSWORD: "pg-pass"',
    '  web:',
    '    environment:',
    '      - API_TOKEN=tok-123',
    '      - "QUOTED=q v"',
    "    command: ['run', \"--port\", 80]",
    'single: \'it\'\'s\'',
    'escaped: "a\\tb\\u0041"',
    'literal: |',
    '  line one',
    '    indented',
    '  line three',
    'folded: >-',
    '  folded one',
    '  folded two',
    'after: plain value',
    'anchored: &a anchor-value',
    'tagged: !Ref DbPassword',
    'std: !!str 123',
    'flow: {a: 1, "b": [x, \'y z\'], c: {d: e}}',
    '---',
    'spec:',
    '  containers:',
    '  - name: app',
    '    env:',
    '    - name: DB_PASSWORD',
    '      value: "from-k8s"',
    '    - name: OTHER',
    '      valueFrom: {secretKeyRef: {name: s, key: k}}',
    '"quoted key": v1',
    'url: http://example.com:8080/path#frag',
    'empty:',
    'last: end',
  ].join('\n');
  const structure = parse(text, 'compose.yaml');

  it('is well formed', () => {
    assert.strictEqual(structure.format, 'yaml');
    assert.strictEqual(structure.malformed, false, structure.note);
  });
  it('reads plain, quoted and commented scalars with exact offsets', () => {
    expectValue(text, structure, 'version', '3.9');
    assert.strictEqual(entry(structure, 'version').quoted, true);
    expectValue(text, structure, 'services.db.image', 'postgres:16');
    expectValue(text, structure, 'services.db.environment.POSTGRES_PASSWORD', 'pg-pass');
    expectValue(text, structure, 'single', "it''s", "it's");
    expectValue(text, structure, 'escaped', 'a\\tb\\u0041', 'a\tbA');
    expectValue(text, structure, 'after', 'plain value');
    expectValue(text, structure, 'url', 'http://example.com:8080/path#frag');
    expectValue(text, structure, 'quoted key', 'v1');
    expectValue(text, structure, 'last', 'end');
  });
  it('names docker-compose list items after their variable', () => {
    const token = expectValue(text, structure, 'services.web.environment.API_TOKEN', 'tok-123');
    assert.strictEqual(token.key, 'API_TOKEN');
    expectValue(text, structure, 'services.web.environment.QUOTED', 'q v');
  });
  it('reads block scalars spanning lines', () => {
    const literal = expectValue(text, structure, 'literal', 'line one\n    indented\n  line three', 'line one\n  indented\nline three');
    assert.ok(literal.valueEnd > literal.valueStart);
    expectValue(text, structure, 'folded', 'folded one\n  folded two', 'folded one folded two');
  });
  it('keeps anchors out of values and custom tags as tags', () => {
    expectValue(text, structure, 'anchored', 'anchor-value');
    const tagged = expectValue(text, structure, 'tagged', 'DbPassword');
    assert.strictEqual(tagged.tag, '!Ref');
    assert.strictEqual(entry(structure, 'std').tag, undefined);
  });
  it('reads flow collections', () => {
    expectValue(text, structure, 'flow.a', '1');
    expectValue(text, structure, 'flow.b[0]', 'x');
    expectValue(text, structure, 'flow.b[1]', 'y z');
    expectValue(text, structure, 'flow.c.d', 'e');
    expectValue(text, structure, 'services.web.command[1]', '--port');
  });
  it('reads the second document and renames Kubernetes env values after their name', () => {
    const value = expectValue(text, structure, 'spec.containers[0].env[0].value', 'from-k8s');
    assert.strictEqual(value.key, 'DB_PASSWORD');
    expectValue(text, structure, 'spec.containers[0].env[1].valueFrom.secretKeyRef.key', 'k');
  });
  it('reads indentless sequences and sequences of mappings', () => {
    const yaml = 'items:\n- a\n- b: 1\n  c: 2\nnext: x\n';
    const s = parse(yaml, 'x.yml');
    expectValue(yaml, s, 'items[0]', 'a');
    expectValue(yaml, s, 'items[1].b', '1');
    expectValue(yaml, s, 'items[1].c', '2');
    expectValue(yaml, s, 'next', 'x');
  });
  it('handles CRLF line endings', () => {
    const yaml = 'a:\r\n  b: value\r\n  c: "q"\r\n';
    const s = parse(yaml, 'x.yaml');
    expectValue(yaml, s, 'a.b', 'value');
    expectValue(yaml, s, 'a.c', 'q');
  });
  it('flags malformed YAML with a line number, keeping best-effort entries', () => {
    const broken = 'a: 1\nb: [unclosed\nc: "x\n  d: 2\n';
    const s = parse(broken, 'broken.yaml');
    assert.strictEqual(s.malformed, true);
    assert.match(s.note ?? '', /YAML parse error at line \d+/);
    expectValue(broken, s, 'a', '1');
  });
  it('does not call CloudFormation tags malformed', () => {
    assert.strictEqual(parse('Value: !Sub "${AWS::Region}"\nOther: !GetAtt A.B\n', 'cfn.yaml').malformed, false);
  });
});

describe('formats: JSON / JSONC', () => {
  const text = '{\n  // comment\n  "openai": { "apiKey": "k-1", "n": [1, true, null, "s"] },\n  "esc": "a\\"b",\n}\n';
  const structure = parse(text, 'settings.json');
  it('reads nested keys with offsets inside the quotes', () => {
    assert.strictEqual(structure.malformed, false, structure.note);
    expectValue(text, structure, 'openai.apiKey', 'k-1');
    expectValue(text, structure, 'esc', 'a\\"b', 'a"b');
    assert.strictEqual(entry(structure, 'esc').quoted, true);
  });
  it('keeps non-string scalars as their source text', () => {
    expectValue(text, structure, 'openai.n[0]', '1');
    expectValue(text, structure, 'openai.n[1]', 'true');
    expectValue(text, structure, 'openai.n[2]', 'null');
    assert.strictEqual(entry(structure, 'openai.n[1]').quoted, false);
  });
  it('renames {"name": X, "value": Y} pairs', () => {
    const json = '{"env": [{"name": "API_TOKEN", "value": "v"}], "appSettings": [{"key": "SmtpPassword", "value": "w"}]}';
    const s = parse(json, 'task.json');
    assert.strictEqual(entry(s, 'env[0].value').key, 'API_TOKEN');
    assert.strictEqual(entry(s, 'appSettings[0].value').key, 'SmtpPassword');
  });
  it('flags malformed JSON and keeps what it recovered', () => {
    const broken = '{"a": "x", "b": \n';
    const s = parse(broken, 'broken.json');
    assert.strictEqual(s.malformed, true);
    assert.match(s.note ?? '', /JSON parse error at line \d+/);
    expectValue(broken, s, 'a', 'x');
  });
  it('survives deep nesting', function () {
    this.timeout(60_000);
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    assert.doesNotThrow(() => parseStructure(deep, 'deep.json', 'json'));
  });
});

describe('formats: .env', () => {
  const text = [
    '# comment',
    'PLAIN=value # trailing comment',
    'export EXPORTED=exp',
    'DOUBLE="a \\"b\\" c"',
    "SINGLE='lit # not comment'",
    'MULTI="-----BEGIN-----',
    'body',
    '-----END-----"',
    'SPACED = spaced value',
    'EMPTY=',
    'not a pair',
  ].join('\n');
  const structure = parse(text, '.env');
  it('reads all value forms with offsets', () => {
    expectValue(text, structure, 'PLAIN', 'value');
    expectValue(text, structure, 'EXPORTED', 'exp');
    expectValue(text, structure, 'DOUBLE', 'a \\"b\\" c', 'a "b" c');
    expectValue(text, structure, 'SINGLE', 'lit # not comment');
    expectValue(text, structure, 'SPACED', 'spaced value');
    expectValue(text, structure, 'EMPTY', '');
  });
  it('reads a quoted value spanning lines', () => {
    const multi = expectValue(text, structure, 'MULTI', '-----BEGIN-----\nbody\n-----END-----');
    assert.ok(text.slice(0, multi.valueStart).split('\n').length < text.slice(0, multi.valueEnd).split('\n').length);
  });
  it('notes lines that are not KEY=value without failing', () => {
    assert.strictEqual(structure.malformed, false);
    assert.match(structure.note ?? '', /1 line/);
  });
  it('recognises .env.production and friends', () => {
    assert.strictEqual(parse('A=1', 'config/.env.production').format, 'dotenv');
  });
});

describe('formats: .properties', () => {
  const text = [
    '# comment',
    '! bang comment',
    'spring.datasource.password=pw1',
    'colon.key : pw2',
    'space.key pw3',
    'escaped\\ key = v\\u0041',
    'multi = first \\',
    '    second \\',
    '    third',
    'trailing = v   ',
  ].join('\n');
  const structure = parse(text, 'application.properties');
  it('reads =, : and whitespace separators with offsets', () => {
    expectValue(text, structure, 'spring.datasource.password', 'pw1');
    expectValue(text, structure, 'colon.key', 'pw2');
    expectValue(text, structure, 'space.key', 'pw3');
    expectValue(text, structure, 'escaped key', 'v\\u0041', 'vA');
    expectValue(text, structure, 'trailing', 'v');
  });
  it('joins continuation lines into one value spanning them', () => {
    const multi = entry(structure, 'multi');
    assert.strictEqual(multi.value, 'first second third');
    assert.ok(text.slice(multi.valueStart, multi.valueEnd).startsWith('first'));
    assert.ok(text.slice(multi.valueStart, multi.valueEnd).endsWith('third'));
  });
});

describe('formats: INI / .npmrc / .gitconfig', () => {
  const text = [
    'top = level',
    '; comment',
    '[database]',
    'password = "quoted pw"',
    'user: admin',
    'host = db ; inline',
    '[http "https://git.example.com/"]',
    '\tsslVerify = false',
    '//registry.npmjs.org/:_authToken=npm-tok',
  ].join('\n');
  const structure = parse(text, 'app.ini');
  it('reads sections into key paths and the section field', () => {
    expectValue(text, structure, 'top', 'level');
    const pw = expectValue(text, structure, 'database.password', 'quoted pw');
    assert.strictEqual(pw.section, 'database');
    assert.strictEqual(pw.quoted, true);
    expectValue(text, structure, 'database.user', 'admin');
    expectValue(text, structure, 'database.host', 'db');
    expectValue(text, structure, 'http.https://git.example.com/.sslVerify', 'false');
  });
  it('keeps npmrc keys with colons whole', () => {
    const npm = structure.entries.find((e) => e.key === '//registry.npmjs.org/:_authToken');
    assert.ok(npm);
    assert.strictEqual(text.slice(npm.valueStart, npm.valueEnd), 'npm-tok');
  });
  it('parses .npmrc and .gitconfig by name', () => {
    assert.strictEqual(parse('a=b', '.npmrc').format, 'ini');
    assert.strictEqual(parse('[user]\nname = x', '.gitconfig').format, 'ini');
  });
});

describe('formats: TOML', () => {
  const text = [
    'title = "T"',
    '[database]',
    'password = "p\\"w"',
    "literal = 'C:\\path'",
    'ports = [ 8000,',
    '  8001 ]',
    'inline = { user = "u", pass = \'p\' }',
    'dotted.key = "dk"',
    '"quoted.key" = "qk"',
    '[[servers]]',
    'ip = "10.0.0.1"',
    '[[servers]]',
    'ip = "10.0.0.2"',
    'multi = """',
    'line1',
    'line2"""',
    'date = 1979-05-27 07:32:00',
    'flag = true # comment',
  ].join('\n');
  const structure = parse(text, 'config.toml');
  it('is well formed (validated by smol-toml)', () => {
    assert.strictEqual(structure.malformed, false, structure.note);
  });
  it('reads strings, arrays, inline tables and dotted keys with offsets', () => {
    expectValue(text, structure, 'title', 'T');
    const pw = expectValue(text, structure, 'database.password', 'p\\"w', 'p"w');
    assert.strictEqual(pw.section, 'database');
    expectValue(text, structure, 'database.literal', 'C:\\path');
    expectValue(text, structure, 'database.ports[0]', '8000');
    expectValue(text, structure, 'database.ports[1]', '8001');
    expectValue(text, structure, 'database.inline.user', 'u');
    expectValue(text, structure, 'database.inline.pass', 'p');
    expectValue(text, structure, 'database.dotted.key', 'dk');
    expectValue(text, structure, 'database.quoted.key', 'qk');
  });
  it('indexes arrays of tables and reads multi-line strings', () => {
    expectValue(text, structure, 'servers[0].ip', '10.0.0.1');
    expectValue(text, structure, 'servers[1].ip', '10.0.0.2');
    expectValue(text, structure, 'servers[1].multi', 'line1\nline2');
    expectValue(text, structure, 'servers[1].date', '1979-05-27 07:32:00');
    expectValue(text, structure, 'servers[1].flag', 'true');
  });
  it('flags malformed TOML', () => {
    const broken = 'a = "x"\n[table\nb = \n';
    const s = parse(broken, 'broken.toml');
    assert.strictEqual(s.malformed, true);
    assert.match(s.note ?? '', /TOML parse error/);
    expectValue(broken, s, 'a', 'x');
  });
});

describe('formats: XML', () => {
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE configuration>',
    '<configuration>',
    '  <appSettings>',
    '    <add key="ApiKey" value="k&amp;1" />',
    "    <add key='Plain' value='v2'/>",
    '  </appSettings>',
    '  <!-- <password>commented</password> -->',
    '  <db>',
    '    <password>  pw&lt;3  </password>',
    '    <token><![CDATA[cdata-tok]]></token>',
    '    <entry key="secret">entry-val</entry>',
    '    <nested><inner>x</inner></nested>',
    '  </db>',
    '</configuration>',
  ].join('\n');
  const structure = parse(text, 'web.config');
  it('reads attributes and names <add key=… value=…/> after the key', () => {
    assert.strictEqual(structure.malformed, false, structure.note);
    const api = expectValue(text, structure, 'configuration.appSettings.add.ApiKey', 'k&amp;1', 'k&1');
    assert.strictEqual(api.key, 'ApiKey');
    expectValue(text, structure, 'configuration.appSettings.add.Plain', 'v2');
  });
  it('reads text-only elements, trimmed, CDATA unwrapped, and skips comments', () => {
    expectValue(text, structure, 'configuration.db.password', 'pw&lt;3', 'pw<3');
    expectValue(text, structure, 'configuration.db.token', 'cdata-tok');
    expectValue(text, structure, 'configuration.db.entry.secret', 'entry-val');
    expectValue(text, structure, 'configuration.db.nested.inner', 'x');
    assert.ok(!structure.entries.some((e) => e.value === 'commented'));
    assert.ok(!structure.entries.some((e) => e.keyPath === 'configuration.db.nested'));
  });
  it('notes mismatched tags but keeps entries', () => {
    const broken = '<a><password>p1</password><b></a>';
    const s = parse(broken, 'broken.xml');
    assert.strictEqual(s.malformed, true);
    expectValue(broken, s, 'a.password', 'p1');
  });
});

describe('formats: general contract', () => {
  it('returns undefined for source code and other non-config languages', () => {
    for (const file of ['a.py', 'a.js', 'a.ts', 'a.go', 'A.java', 'a.cs', 'a.rb', 'a.php', 'a.rs', 'a.sh', 'main.tf', 'Dockerfile', 'README.md', 'index.html']) {
      assert.strictEqual(parseStructure('password = "x"', file, languageOf(file)), undefined, file);
    }
  });

  it('never throws on random or hostile input in any format', function () {
    this.timeout(120_000);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = ['a', ':', ' ', '\n', '-', '"', "'", '{', '}', '[', ']', '=', '#', '|', '>', '<', '/', '\\', '&', '!', '*', ',', '.', '\t', '\r', '"""', '<!--', '<![CDATA[', 'key', '\u0000', '\uFFFD'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 80; i++) text += pieces[Math.floor(random() * pieces.length)];
      for (const file of ['a.yaml', 'a.json', '.env', 'a.properties', 'a.ini', 'a.toml', 'a.xml']) {
        const s = parseStructure(text, file, languageOf(file));
        assert.ok(s);
        for (const e of s.entries) assert.ok(e.valueStart <= e.valueEnd && e.valueEnd <= text.length, `${file} offsets in range`);
      }
    }
  });

  it('stays linear on huge inputs (a quadratic parser would not finish)', function () {
    this.timeout(300_000);
    const lines = 50_000;
    const inputs: Array<[string, string]> = [
      ['huge.yaml', 'key: "unclosed\n'.repeat(lines)],
      ['huge.yaml', `root:\n${'  - item: value\n'.repeat(lines)}`],
      ['huge.json', `[${'"x",'.repeat(lines)}"x"]`],
      ['.env', 'A="unclosed\n'.repeat(lines)],
      ['huge.properties', 'a=b\\\n'.repeat(lines)],
      ['huge.ini', '[s]\na = b\n'.repeat(lines)],
      ['huge.toml', 'a = [\n'.repeat(lines)],
      ['huge.xml', '<a>'.repeat(lines)],
    ];
    for (const [file, text] of inputs) {
      const started = Date.now();
      const s = parseStructure(text, file, languageOf(file));
      assert.ok(s, file);
      assert.ok(Date.now() - started < 60_000, file);
    }
  });
});

describe('formats: fixture files', () => {
  const dir = path.resolve(__dirname, '../../../test/fixtures/unit/formats');
  const expectedFile = path.join(dir, 'expected.json');
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, { malformed: boolean; entries: Array<[string, string]> }>;
  for (const [relative, want] of Object.entries(expected)) {
    it(relative, () => {
      const text = fs.readFileSync(path.join(dir, relative), 'utf8');
      const structure = parse(text, relative);
      assert.strictEqual(structure.malformed, want.malformed, structure.note);
      for (const [keyPath, raw] of want.entries) expectValue(text, structure, keyPath, raw, entry(structure, keyPath).value);
    });
  }
});
