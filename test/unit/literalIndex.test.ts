import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  alternationHits,
  buildLiteralTable,
  findLiterals,
  isWordAlternation,
  literalPositions,
  matchesOf,
} from '../../src/engine/literalIndex';
import { groupOneIsWholeMatch, leadingLiterals } from '../../src/engine/regexLiterals';
import { fakeValue } from '../support/fakeKeys';
import { providerRules } from '../../src/engine/rules/providers';
import { loadCorpus } from '../eval/corpus';

/** Every match of a global loop, as [offset, text] pairs (what the optimised paths must reproduce). */
function plainMatches(regex: RegExp, text: string): Array<[number, string]> {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const out: Array<[number, string]> = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    if (m[0].length === 0) global.lastIndex++;
    out.push([m.index, m[0]]);
  }
  return out;
}

function source(text: string): { text: string; lowerText: string } {
  return { text, lowerText: text.toLowerCase() };
}

/** Every offset of `word` in `text`, overlapping ones included, by brute force. */
function bruteOffsets(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + word.length <= text.length; i++) if (text.startsWith(word, i)) out.push(i);
  return out;
}

const corpusTexts = loadCorpus().map((file) => file.text);
const engineSource = fs.readFileSync(path.join(__dirname, '../../../src/engine/generic.ts'), 'utf8');

describe('leadingLiterals', () => {
  const cases: Array<[RegExp, string[] | undefined]> = [
    [/(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}/, ['ghp_']],
    [/(?<![A-Za-z0-9_])(?:AKIA|ASIA)[A-Z2-7]{16}/, ['akia', 'asia']],
    [/[Bb]earer[ \t]{1,3}x/, ['bearer']],
    [/(sk_(?:live|test)_[A-Za-z0-9]{24})/, ['sk_live_', 'sk_test_']],
    [/\bIDENTIFIED\s+BY/i, ['identified']],
    [/(?:docker|podman)\s+login|x/, undefined],
    [/(mysql|(?:docker|podman)\s+login)/, ['mysql', 'docker', 'podman']],
    [/ab?c/, undefined],
    [/(?:https?:\/\/)?hooks\.slack\.com/, undefined],
    [/x(?:ab|c)?d/, undefined],
    [/[a-f0-9]{32}/, undefined],
    [/-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----/, ['-----begin ']],
    [/\d{3}-abc/, undefined],
    [/[?&;]sig=([A-Za-z0-9%+/]{40,100})/, ['?sig=', '&sig=', ';sig=']],
  ];
  for (const [regex, expected] of cases) {
    it(`reads ${expected ? JSON.stringify(expected) : 'nothing'} from /${regex.source}/`, () => {
      assert.deepStrictEqual(leadingLiterals(regex.source), expected);
    });
  }

  it('only ever returns true prefixes: each provider rule match starts with one of its literals', () => {
    const texts = corpusTexts.join('\n');
    let checked = 0;
    for (const rule of providerRules) {
      const literals = leadingLiterals(rule.pattern.source);
      if (!literals) continue;
      for (const [, value] of plainMatches(rule.pattern, texts)) {
        checked++;
        assert.ok(literals.some((literal) => value.toLowerCase().startsWith(literal)), `${rule.id}: a match does not start with ${literals.join('|')}`);
      }
    }
    assert.ok(checked > 50, `only ${checked} matches checked`);
  });
});

describe('literal index', () => {
  it('finds every occurrence of every word, overlapping ones and two-letter words included', () => {
    const words = ['sk', 'sksk', 'token', 'ken', 'api_key', 'q~', 'aaaa'];
    const text = 'sksksk token tokenken API_KEY q~q~ aaaaaa tok';
    const table = buildLiteralTable(words);
    const found = findLiterals(text.toLowerCase(), table);
    for (const word of words) {
      assert.deepStrictEqual(found[table.idOf.get(word) as number], bruteOffsets(text.toLowerCase(), word), word);
    }
  });

  it('agrees with a brute-force search on the eval corpus for every provider keyword', () => {
    const words = [...new Set(providerRules.flatMap((rule) => rule.keywords))];
    const table = buildLiteralTable(words);
    for (const text of corpusTexts.slice(0, 40)) {
      const lower = text.toLowerCase();
      const found = findLiterals(lower, table);
      for (const word of words) assert.deepStrictEqual(found[table.idOf.get(word) as number], bruteOffsets(lower, word), word);
    }
  });

  it('reads the text as given: ASCII case-insensitive, offsets unchanged by non-ASCII characters', () => {
    const words = ['token', 'sk', 'api_key', 'ghp_'];
    // Non-ASCII characters make this a two-byte string; U+0130 and U+212A change length or turn into
    // ASCII when lower-cased, and must neither shift offsets nor match `i`/`k`.
    const text = 'İ TOKEN \u212Aey Sk ToKeN api_KEY ĞHP_ ghp_ tok\u0130 sK';
    const table = buildLiteralTable(words);
    const found = findLiterals(text, table);
    const asciiFolded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (const word of words) {
      assert.deepStrictEqual(found[table.idOf.get(word) as number], bruteOffsets(asciiFolded, word), word);
    }
    assert.deepStrictEqual(found[table.idOf.get('sk') as number], [12, text.length - 2]);
  });

  it('finds words at the very end of the text and in texts shorter than three characters', () => {
    const table = buildLiteralTable(['sk', 'key', 'abcd']);
    assert.deepStrictEqual(findLiterals('SK', table)[table.idOf.get('sk') as number], [0]);
    assert.deepStrictEqual(findLiterals('x key', table)[table.idOf.get('key') as number], [2]);
    assert.deepStrictEqual(findLiterals('zabcd', table)[table.idOf.get('abcd') as number], [1]);
    assert.deepStrictEqual(findLiterals('', table)[table.idOf.get('sk') as number], []);
  });

  it('refuses words it could not find (upper-case or non-ASCII)', () => {
    assert.throws(() => buildLiteralTable(['Token']), /not lower-case printable ASCII/);
    assert.throws(() => buildLiteralTable(['clé']), /not lower-case printable ASCII/);
  });

  it('runs the shared pass once per context and registers unknown words on demand', () => {
    const ctx = source('a token and a Token');
    assert.deepStrictEqual(literalPositions(ctx, 'token'), [2, 14]);
    assert.deepStrictEqual(literalPositions(ctx, 'an unregistered phrase'), []);
    assert.deepStrictEqual(literalPositions(ctx, 'nd a'), [9]);
  });
});

describe('matchesOf', () => {
  const patterns = [
    /(?<![\w.-])(htpasswd|mysql|mysqldump|mariadb|sshpass|(?:docker|podman)\s+login)(?![\w.-])/g,
    /(?<![\w$])(?:NetworkCredential|HTTPBasicAuth|basicAuth|login)\s*\(\s*(["'])[^"'\n]{1,120}\1/g,
    /\bPlainAuth\(\s*(["'`])/g,
    /[Bb]earer[ \t]{1,3}([A-Za-z0-9_\-.~+/]{20,2048})/g,
    /\bIDENTIFIED\s+BY\s+'([^']+)'/gi,
    /sk(?:sk)?/g,
  ];
  const texts = [
    ...corpusTexts,
    'mysql mysqldump -pX docker  login podman\nlogin mysql.x sshpass-y MYSQL',
    'skskskskskskskSKsk bearer aaaaaaaaaaaaaaaaaaaaaaaa Bearer bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    "create user x identified by 'pw'; IDENTIFIED   BY 'other'",
    'İstanbul login("user", "pw") basicAuth("a","b")', // lower-casing changes this text's length: plain path
  ];
  for (const pattern of patterns) {
    it(`returns what a global exec loop returns for /${pattern.source.slice(0, 40)}…/${pattern.flags}`, () => {
      for (const text of texts) {
        const ours = matchesOf(source(text), pattern).map((m): [number, string] => [m.index, m[0]]);
        assert.deepStrictEqual(ours, plainMatches(pattern, text));
      }
    });
  }
});

describe('alternationHits', () => {
  const keywords = /pass|pw|secret|token|key|auth|cred|bearer|verif|ssl|insecure|skip|cert|trust|unauthorized|curl|debug|danger|check_hostname/g;

  function plainHits(regex: RegExp, lower: string): Map<string, number[]> {
    const hits = new Map<string, number[]>();
    for (const [at, word] of plainMatches(regex, lower)) {
      const list = hits.get(word);
      if (list) list.push(at);
      else hits.set(word, [at]);
    }
    return hits;
  }

  it('accepts plain word alternations only', () => {
    assert.ok(isWordAlternation(keywords));
    assert.ok(!isWordAlternation(/pass|pw\d/g));
    assert.ok(!isWordAlternation(/pass|pw/gi));
    assert.ok(!isWordAlternation(/pass|pass/g));
  });

  it('gives the leftmost-first, non-overlapping hits of the regex, by word, ascending', () => {
    const texts = [...corpusTexts, engineSource, 'passwordpwpass keytokenkey sslverify check_hostnamecheck_hostname', 'pwpwpwp'];
    for (const text of texts) {
      const lower = text.toLowerCase();
      const ours = alternationHits(source(text), keywords.source.split('|'));
      const byWord = (hits: Map<string, number[]>) => [...hits].sort(([a], [b]) => a.localeCompare(b));
      assert.deepStrictEqual(byWord(ours), byWord(plainHits(keywords, lower)));
    }
  });
});

describe('groupOneIsWholeMatch (secret group spans the match: no match indices needed)', () => {
  const cases: Array<[RegExp, boolean]> = [
    [/(?<![A-Za-z0-9_])([A-Za-z0-9]{24})(?![A-Za-z0-9_])/, true],
    [/(?<!(?<!\\|%[0-9A-Fa-f])[A-Za-z0-9_])([a-f0-9]{32})(?![A-Za-z0-9_])(?=["'\s])/, true],
    [/([A-Z]{4})/, true],
    [/key=([A-Za-z0-9]{20})/, false],
    [/([A-Za-z0-9]{20})=/, false],
    [/(?<=(x))([a-z]{8})/, false],
    [/([a-z]{8})+/, false],
    [/([a-z]{8})|([0-9]{8})/, false],
    [/(?:[a-z]{8})/, false],
    [/(?<name>[a-z]{8})/, false],
  ];
  for (const [regex, expected] of cases) {
    it(`${regex.source} -> ${expected}`, () => assert.strictEqual(groupOneIsWholeMatch(regex.source), expected));
  }

  it('holds on every provider rule it is claimed for, on that rule\'s generated sample', () => {
    let checked = 0;
    for (const rule of providerRules) {
      if (rule.secretGroup !== 1 || !groupOneIsWholeMatch(rule.pattern.source)) continue;
      let sample: string;
      try {
        sample = fakeValue(rule.id, 'group-one');
      } catch {
        continue;
      }
      const regex = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gd]/g, '')}gd`);
      for (let m = regex.exec(` ${sample} `); m; m = regex.exec(` ${sample} `)) {
        assert.deepStrictEqual(m.indices?.[1], [m.index, m.index + m[0].length], rule.id);
        checked++;
      }
    }
    assert.ok(checked > 30, `only ${checked} samples matched`);
  });
});
