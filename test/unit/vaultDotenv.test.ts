import * as assert from 'assert';
import { envReference, formatDotenvValue, parseDotenv, removeDotenvEntries, setDotenvValue } from '../../src/engine/vault/dotenv';

const V1 = `value-one-${'ab'.repeat(8)}`;
const V2 = `value-two-${'cd'.repeat(8)}`;

describe('vault .env handling', () => {
  const text = `# comment\nexport A_KEY=${V1}\nB_KEY="${V2}"\n\nC_KEY='single quoted' \nD_KEY=plain # trailing comment\n`;

  it('parses entries with export, quotes and comments', () => {
    const entries = parseDotenv(text);
    assert.deepStrictEqual(entries.map((e) => e.name), ['A_KEY', 'B_KEY', 'C_KEY', 'D_KEY']);
    assert.deepStrictEqual(entries.map((e) => e.value === V1 || e.value === V2 ? '(value)' : e.value), ['(value)', '(value)', 'single quoted', 'plain']);
  });

  it('rewrites an entry in place and keeps everything else', () => {
    const next = setDotenvValue(text, 'B_KEY', V1);
    assert.strictEqual(next, text.replace(`B_KEY="${V2}"`, `B_KEY=${V1}`));
    const exported = setDotenvValue(text, 'A_KEY', V2);
    assert.ok(exported.includes(`export A_KEY=${V2}\n`));
  });

  it('appends a missing entry with the file line ending', () => {
    assert.strictEqual(setDotenvValue('X=1', 'NEW', 'v'), 'X=1\nNEW=v\n');
    assert.strictEqual(setDotenvValue('X=1\r\n', 'NEW', 'v'), 'X=1\r\nNEW=v\r\n');
    assert.strictEqual(setDotenvValue('', 'NEW', 'v'), 'NEW=v\n');
  });

  it('quotes only when needed and round-trips', () => {
    assert.strictEqual(formatDotenvValue('abc-123_./:'), 'abc-123_./:');
    for (const value of ['has space', 'quote"inside', 'multi\nline', 'hash # sign', 'back\\slash']) {
      const round = parseDotenv(setDotenvValue('', 'K', value))[0].value;
      assert.strictEqual(round, value);
    }
  });

  it('removes whole lines', () => {
    assert.strictEqual(removeDotenvEntries(text, ['A_KEY', 'D_KEY']), `# comment\nB_KEY="${V2}"\n\nC_KEY='single quoted' \n`);
    assert.strictEqual(removeDotenvEntries('A=1\r\nB=2', ['B']), 'A=1\r\n');
  });

  it('never throws on odd input', () => {
    for (const odd of ['\u0000\u0001', '=novalue', '===', 'A', '\n\n\n', 'A=\nB']) assert.doesNotThrow(() => parseDotenv(odd));
  });

  it('gives env references per language', () => {
    assert.strictEqual(envReference('K', 'typescript'), 'process.env.K');
    assert.strictEqual(envReference('K', 'python'), 'os.environ["K"]');
    assert.strictEqual(envReference('K', 'go'), 'os.Getenv("K")');
    assert.strictEqual(envReference('K', 'shellscript'), '$K');
    assert.strictEqual(envReference('K', undefined), '${K}');
  });
});
