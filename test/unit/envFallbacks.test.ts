import * as assert from 'assert';
import { detectGeneric } from '../../src/engine/generic';
import { isPlaceholder } from '../../src/engine/placeholders';
import { buildContext } from '../../src/engine/scanner';
import type { RawMatch } from '../../src/engine/types';
import { describeMatches, maskValue } from '../support/matchReport';
import { mulberry32, seedFromText } from '../support/random';

/**
 * Literal fallbacks of environment reads: the value used when the variable is unset is as hardcoded as an
 * assignment. Values are generated when the tests run.
 */


const ALNUM = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random value of letters and digits starting with `Q` (no provider prefix), made from the seed. */
function fakeValue(seed: string, length: number): string {
  const random = mulberry32(seedFromText(`env-fallbacks:${seed}`));
  for (;;) {
    let value = 'Qx7';
    while (value.length < length) value += ALNUM[Math.floor(random() * ALNUM.length)];
    if (!isPlaceholder(value) && /[A-Z]/.test(value.slice(3)) && /\d/.test(value.slice(3))) return value;
  }
}


function detect(text: string, fileName: string): RawMatch[] {
  const ctx = buildContext(text, fileName, []);
  return detectGeneric(ctx);
}


/** `{{v}}` is the generated value; the one finding must cover exactly it, under `keyName`. */
const POSITIVES: Array<[file: string, template: string, keyName: string, length: number]> = [
  ['app.py', 'PASSWORD = os.environ.get("PASSWORD") or "{{v}}"\n', 'PASSWORD', 12],
  ['app.py', 'token = os.getenv("API_TOKEN") or \'{{v}}\'\n', 'token', 24],
  ['app.py', 'conn = connect(host="db", password=None, dsn=os.getenv("DB_PASSWORD", "{{v}}"))\n', 'DB_PASSWORD', 12],
  ['app.py', 'client = Client(os.environ.get("SERVICE_API_KEY", "{{v}}"))\n', 'SERVICE_API_KEY', 28],
  ['config.rb', 'token = ENV["API_TOKEN"] || "{{v}}"\n', 'token', 24],
  ['config.rb', 'db.connect(ENV.fetch("DB_PASSWORD", "{{v}}"))\n', 'DB_PASSWORD', 12],
  ['App.java', 'client(System.getenv().getOrDefault("SECRET_KEY", "{{v}}"));\n', 'SECRET_KEY', 28],
  ['main.php', 'connect(getenv("DB_PASSWORD", "{{v}}"));\n', 'DB_PASSWORD', 12],
];

const NEGATIVES: Array<[file: string, text: string]> = [
  ['app.py', 'home = os.getenv("HOME", "Qx7Lm2Pq9Hk3")\n'],
  ['app.py', 'connect(os.getenv("DB_PASSWORD", ""))\n'],
  ['app.py', 'connect(os.getenv("DB_PASSWORD", "changeme"))\n'],
  ['app.py', 'connect(os.getenv("DB_PASSWORD", default_password))\n'],
  ['app.py', 'connect(os.getenv("API_TOKEN", "<your token here>"))\n'],
  ['app.py', 'url = os.getenv("API_TOKEN_URL", "https://auth.example.com/token")\n'],
  ['app.py', 'key = os.getenv("API_KEY", "Qx7Lm2Pq9Hk3Zt5" + suffix)\n'],
  ['app.py', 'name = os.environ.get("USER") or "Qx7Lm2Pq9Hk3"\n'],
];

describe('generic detector: literal fallbacks of environment reads', () => {
  POSITIVES.forEach(([file, template, keyName, length], index) => {
    it(`#${index} ${file}: ${template.trim()}`, () => {
      const value = fakeValue(`pos${index}`, length);
      const text = template.replace('{{v}}', value);
      const start = text.indexOf(value);
      const matches = detect(text, file);
      assert.strictEqual(matches.length, 1, `expected one finding on ${maskValue(value)}, got ${describeMatches(matches, text)}`);
      assert.deepStrictEqual([matches[0].start, matches[0].end], [start, start + value.length], `range of ${maskValue(value)}`);
      assert.strictEqual(matches[0].keyName, keyName);
    });
  });

  NEGATIVES.forEach(([file, text], index) => {
    it(`negative #${index} ${file}: ${text.trim()}`, () => {
      const matches = detect(text, file);
      assert.deepStrictEqual(matches, [], `expected nothing, got ${describeMatches(matches, text)}`);
    });
  });
});
