import * as assert from 'assert';
import {
  applyEdits, formatDotenvValue, parseDotenv, planDotenvEdit, planEnvExampleEdit, planGitignoreEdit,
} from '../../src/engine/envfix';

const VALUE = 'sk_fake_0123456789abcdef';

/** Applies a plan to the text it was made for and checks that edits and newText agree. */
function after(existing: string | undefined, name: string, value: string) {
  const plan = planDotenvEdit(existing, name, value);
  if (existing !== undefined) assert.strictEqual(applyEdits(existing, plan.edits), plan.newText, 'edits and newText disagree');
  return plan;
}

describe('envfix: .env edits', () => {
  it('creates the file content when .env does not exist', () => {
    const plan = after(undefined, 'API_KEY', VALUE);
    assert.deepStrictEqual({ name: plan.name, reused: plan.reused, newText: plan.newText }, { name: 'API_KEY', reused: false, newText: `API_KEY=${VALUE}\n` });
    assert.deepStrictEqual(plan.edits, []);
  });

  it('appends to an empty file', () => {
    assert.strictEqual(after('', 'API_KEY', VALUE).newText, `API_KEY=${VALUE}\n`);
  });

  it('adds the missing final newline before appending', () => {
    assert.strictEqual(after('A=1', 'API_KEY', VALUE).newText, `A=1\nAPI_KEY=${VALUE}\n`);
  });

  it('keeps CRLF line endings', () => {
    assert.strictEqual(after('A=1\r\nB=2\r\n', 'API_KEY', VALUE).newText, `A=1\r\nB=2\r\nAPI_KEY=${VALUE}\r\n`);
    assert.strictEqual(after('A=1\r\nB=2', 'API_KEY', VALUE).newText, `A=1\r\nB=2\r\nAPI_KEY=${VALUE}\r\n`);
  });

  it('reuses NAME when it already holds the same value (no duplicate line)', () => {
    const plan = after(`# keys\nAPI_KEY=${VALUE}\n`, 'API_KEY', VALUE);
    assert.deepStrictEqual({ name: plan.name, reused: plan.reused, edits: plan.edits }, { name: 'API_KEY', reused: true, edits: [] });
  });

  it('picks NAME_2 when NAME holds a different value, NAME_3 after that', () => {
    assert.strictEqual(after('API_KEY=other\n', 'API_KEY', VALUE).name, 'API_KEY_2');
    const plan = after('API_KEY=other\nAPI_KEY_2=another\n', 'API_KEY', VALUE);
    assert.strictEqual(plan.name, 'API_KEY_3');
    assert.strictEqual(plan.newText, `API_KEY=other\nAPI_KEY_2=another\nAPI_KEY_3=${VALUE}\n`);
  });

  it('reuses NAME_2 when that one holds the value', () => {
    const plan = after(`API_KEY=other\nAPI_KEY_2=${VALUE}\n`, 'API_KEY', VALUE);
    assert.deepStrictEqual([plan.name, plan.reused], ['API_KEY_2', true]);
  });

  it('understands export lines', () => {
    assert.deepStrictEqual([after(`export API_KEY=${VALUE}\n`, 'API_KEY', VALUE).reused], [true]);
    assert.strictEqual(after('export API_KEY=other\n', 'API_KEY', VALUE).name, 'API_KEY_2');
  });

  it('ignores comments, including commented-out assignments, and keeps them', () => {
    const existing = `# API_KEY=${VALUE}\n  # another comment\nOTHER=1 # trailing\n`;
    const plan = after(existing, 'API_KEY', VALUE);
    assert.deepStrictEqual([plan.name, plan.reused], ['API_KEY', false]);
    assert.ok(plan.newText.startsWith(existing), 'existing lines are kept as they were');
  });

  it('reads quoted values: double, single, escaped, with # inside, multi-line', () => {
    const text = [
      'A="with space"', "B='single $NOT'", 'C="x # not a comment"', 'D=plain # comment', 'E="line1\\nline2"',
      'F="-----BEGIN KEY-----', 'abc', '-----END KEY-----"', 'G=after',
    ].join('\n');
    assert.deepStrictEqual(parseDotenv(text).map((e) => [e.name, e.value]), [
      ['A', 'with space'], ['B', 'single $NOT'], ['C', 'x # not a comment'], ['D', 'plain'], ['E', 'line1\nline2'],
      ['F', '-----BEGIN KEY-----\nabc\n-----END KEY-----'], ['G', 'after'],
    ]);
  });

  it('reuses a quoted existing value equal to the new one', () => {
    assert.strictEqual(after('API_KEY="a b c"\n', 'API_KEY', 'a b c').reused, true);
  });

  it('quotes values only when needed, and they read back unchanged', () => {
    const values = ['plain-Value_1.2:3/4@5+6=7', 'has space', 'has#hash', 'dollar$HOME', 'say "hi"', "it's", '-----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----\n', ''];
    const formatted = values.map(formatDotenvValue);
    assert.deepStrictEqual(formatted, [
      'plain-Value_1.2:3/4@5+6=7', "'has space'", "'has#hash'", "'dollar$HOME'", `'say "hi"'`, `"it's"`,
      '"-----BEGIN PRIVATE KEY-----\\nMIIabc\\n-----END PRIVATE KEY-----\\n"', "''",
    ]);
    for (const value of values) {
      const [entry] = parseDotenv(`K=${formatDotenvValue(value)}\n`);
      assert.strictEqual(entry.value, value, `round trip of ${JSON.stringify(value.slice(0, 12))}…`);
    }
  });
});

describe('envfix: .gitignore and .env.example', () => {
  it('creates .gitignore with .env when missing', () => {
    assert.deepStrictEqual(planGitignoreEdit(undefined), { edits: [], newText: '.env\n', changed: true });
  });

  it('appends .env (adding the missing newline, keeping CRLF)', () => {
    assert.strictEqual(planGitignoreEdit('node_modules/').newText, 'node_modules/\n.env\n');
    assert.strictEqual(planGitignoreEdit('dist/\r\n').newText, 'dist/\r\n.env\r\n');
  });

  it('leaves it alone when a pattern already ignores .env', () => {
    for (const existing of ['.env\n', '*.env\n', '.env*\n', '/.env\n', '**/.env\n', '.*\n']) {
      assert.strictEqual(planGitignoreEdit(existing).changed, false, existing.trim());
    }
  });

  it('adds .env when a negation re-includes it or a pattern only looks similar', () => {
    assert.strictEqual(planGitignoreEdit('.env*\n!.env\n').changed, true);
    assert.strictEqual(planGitignoreEdit('.env.local\n').changed, true);
    assert.strictEqual(planGitignoreEdit('# .env\n').changed, true);
  });

  it('trusts the host when git already ignores .env elsewhere', () => {
    assert.strictEqual(planGitignoreEdit('dist/\n', true).changed, false);
  });

  it('.env.example: adds NAME= only when the file exists and lacks it', () => {
    assert.deepStrictEqual(planEnvExampleEdit(undefined, ['API_KEY']), []);
    assert.strictEqual(applyEdits('A=\n', planEnvExampleEdit('A=\n', ['API_KEY'])), 'A=\nAPI_KEY=\n');
    assert.strictEqual(applyEdits('A=', planEnvExampleEdit('A=', ['API_KEY'])), 'A=\nAPI_KEY=\n');
    assert.deepStrictEqual(planEnvExampleEdit('API_KEY=your-key-here\n', ['API_KEY']), []);
    assert.strictEqual(applyEdits('A=\r\n', planEnvExampleEdit('A=\r\n', ['B', 'B'])), 'A=\r\nB=\r\n');
  });
});
