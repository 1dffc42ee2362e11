import * as assert from 'assert';
import { fingerprintOf } from '../../src/engine/fingerprint';
import { computeLineStarts } from '../../src/engine/lines';
import {
  addAllowlistEntry,
  isAllowlisted,
  isSuppressedInline,
  parseAllowlist,
  parseIgnoreDirective,
} from '../../src/engine/suppress';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const TARGET = 'TARGET_VALUE';

/** Whether the first TARGET_VALUE in `text` is suppressed for `ruleId` at `now`. */
function suppressed(text: string, ruleId = 'github-pat', now = NOW): boolean {
  const start = text.indexOf(TARGET);
  assert.ok(start >= 0, 'fixture must contain the target');
  return isSuppressedInline(text, computeLineStarts(text), start, start + TARGET.length, ruleId, now);
}

describe('inline suppressions', () => {
  it('reports a value without any marker', () => {
    assert.strictEqual(suppressed(`a = 1\ntoken = "${TARGET}"\nb = 2\n`), false);
  });

  describe('keyguard:ignore', () => {
    it('suppresses on the same line', () => {
      assert.strictEqual(suppressed(`token = "${TARGET}"  # keyguard:ignore\n`), true);
    });
    it('suppresses from the line before', () => {
      assert.strictEqual(suppressed(`// keyguard:ignore\nconst token = "${TARGET}";\n`), true);
    });
    it('from the line before, only when that line is a comment of its own', () => {
      assert.strictEqual(suppressed(`  # keyguard:ignore github-pat\n  token: ${TARGET}\n`), true);
      assert.strictEqual(suppressed(`{{/* keyguard:ignore */}}\ntoken: ${TARGET}\n`), true);
      assert.strictEqual(suppressed(`a = "x" # keyguard:ignore\nb = "${TARGET}"\n`), false, 'a trailing marker belongs to its own line');
    });
    it('does not reach two lines down', () => {
      assert.strictEqual(suppressed(`// keyguard:ignore\n\nconst token = "${TARGET}";\n`), false);
    });
    it('does not suppress the line before the marker', () => {
      assert.strictEqual(suppressed(`const token = "${TARGET}";\n// keyguard:ignore\n`), false);
    });
    it('suppresses only the named rule', () => {
      const text = `token = "${TARGET}"  # keyguard:ignore aws-secret-access-key\n`;
      assert.strictEqual(suppressed(text, 'aws-secret-access-key'), true);
      assert.strictEqual(suppressed(text, 'github-pat'), false);
    });
    it('accepts a comma-separated list of rule ids', () => {
      const text = `token = "${TARGET}"  # keyguard:ignore jwt,github-pat\n`;
      assert.strictEqual(suppressed(text, 'github-pat'), true);
      assert.strictEqual(suppressed(text, 'jwt'), true);
      assert.strictEqual(suppressed(text, 'slack-bot-token'), false);
    });
    it('honours until dates through the end of that day (UTC)', () => {
      const text = `token = "${TARGET}"  # keyguard:ignore aws-secret-access-key until 2027-01-31\n`;
      assert.strictEqual(suppressed(text, 'aws-secret-access-key', Date.UTC(2027, 0, 31, 23, 59)), true);
      assert.strictEqual(suppressed(text, 'aws-secret-access-key', Date.UTC(2027, 1, 1, 0, 0)), false);
    });
    it('stops suppressing once the until date has passed', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore until 2020-01-01\n`), false);
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore until 2099-12-31\n`), true);
    });
    it('never suppresses with an impossible until date', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore until 2099-02-30\n`), false);
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore until soon\n`), false);
    });
    it('allows a reason after --', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore -- documented test key\n`), true);
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore github-pat until 2099-01-01 -- fixture\n`), true);
    });
    it('works inside block and HTML comments', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}"; /* keyguard:ignore */\n`), true);
      assert.strictEqual(suppressed(`<key>${TARGET}</key> <!-- keyguard:ignore github-pat -->\n`), true);
    });
    it('parses directives', () => {
      assert.deepStrictEqual(parseIgnoreDirective(''), { ruleIds: [] });
      assert.deepStrictEqual(parseIgnoreDirective(' a-b until 2027-01-31'), { ruleIds: ['a-b'], expiresAt: Date.UTC(2027, 1, 1) });
      assert.deepStrictEqual(parseIgnoreDirective(' until 2027-01-31'), { ruleIds: [], expiresAt: Date.UTC(2027, 1, 1) });
    });
  });

  describe('keyguard:ignore-next-line', () => {
    it('suppresses the next line only', () => {
      assert.strictEqual(suppressed(`# keyguard:ignore-next-line\nx = "${TARGET}"\n`), true);
      assert.strictEqual(suppressed(`x = "${TARGET}" # keyguard:ignore-next-line\n`), false);
    });
    it('takes a rule id', () => {
      const text = `# keyguard:ignore-next-line stripe-secret-key\nx = "${TARGET}"\n`;
      assert.strictEqual(suppressed(text, 'stripe-secret-key'), true);
      assert.strictEqual(suppressed(text, 'github-pat'), false);
    });
  });

  describe("peers' markers", () => {
    it('gitleaks:allow on the same line', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}" # gitleaks:allow\n`), true);
      assert.strictEqual(suppressed(`# gitleaks:allow\nx = "${TARGET}"\n`), false);
    });
    it('pragma: allowlist secret on the same line', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}"  # pragma: allowlist secret\n`), true);
      assert.strictEqual(suppressed(`# pragma: allowlist secret\nx = "${TARGET}"\n`), false);
    });
    it('pragma: allowlist nextline secret on the line before', () => {
      assert.strictEqual(suppressed(`# pragma: allowlist nextline secret\nx = "${TARGET}"\n`), true);
    });
    it('secretlint-disable-line and -next-line', () => {
      assert.strictEqual(suppressed(`x = "${TARGET}" // secretlint-disable-line\n`), true);
      assert.strictEqual(suppressed(`// secretlint-disable-next-line\nx = "${TARGET}"\n`), true);
      assert.strictEqual(suppressed(`// secretlint-disable-line\nx = "${TARGET}"\n`), false);
    });
    it('secretlint-disable / secretlint-enable blocks', () => {
      assert.strictEqual(suppressed(`// secretlint-disable\na = 1\nx = "${TARGET}"\n// secretlint-enable\n`), true);
      assert.strictEqual(suppressed(`// secretlint-disable\n// secretlint-enable\nx = "${TARGET}"\n`), false);
      assert.strictEqual(suppressed(`// secretlint-disable\n\n\nx = "${TARGET}"\n`), true, 'an unclosed block runs to the end');
    });
    it('a block in one text does not leak into another', () => {
      assert.strictEqual(suppressed(`// secretlint-disable\nx = "${TARGET}"\n`), true);
      assert.strictEqual(suppressed(`// nothing here\nx = "${TARGET}"\n`), false);
    });
  });

  it('judges a multi-line finding by its first line', () => {
    const text = `# keyguard:ignore\nkey = """${TARGET}\nmore\nlines"""\n`;
    const start = text.indexOf(TARGET);
    const end = text.indexOf('"""', start);
    assert.strictEqual(isSuppressedInline(text, computeLineStarts(text), start, end, 'private-key', NOW), true);
    const unmarked = `key = """${TARGET}\nmore # keyguard:ignore\nlines"""\n`;
    const start2 = unmarked.indexOf(TARGET);
    assert.strictEqual(
      isSuppressedInline(unmarked, computeLineStarts(unmarked), start2, unmarked.indexOf('"""', start2), 'private-key', NOW),
      false,
    );
  });

  it('handles CRLF line endings and the first line', () => {
    assert.strictEqual(suppressed(`// keyguard:ignore\r\nx = "${TARGET}"\r\n`), true);
    assert.strictEqual(suppressed(`x = "${TARGET}"\r\ny = 1 // keyguard:ignore\r\n`), false);
  });
});

describe('fingerprint allowlist', () => {
  const fingerprint = fingerprintOf('not-a-real-secret-value');
  const other = fingerprintOf('another-value');

  it('matches by fingerprint, and by rule id and path when given', () => {
    const entries = [{ ruleId: 'github-pat', fingerprint, path: 'config/app.json' }];
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'github-pat', fingerprint }, 'config/app.json'), true);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'github-pat', fingerprint }, './config/app.json'), true);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'github-pat', fingerprint }, 'config\\app.json'), true);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'jwt', fingerprint }, 'config/app.json'), false);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'github-pat', fingerprint }, 'other.json'), false);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'github-pat', fingerprint: other }, 'config/app.json'), false);
  });

  it('treats a missing rule id or path as "any"', () => {
    const entries = [{ fingerprint: fingerprint.toUpperCase() }];
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'jwt', fingerprint }, 'a/b.yaml'), true);
    assert.strictEqual(isAllowlisted(entries, { ruleId: 'jwt', fingerprint }, undefined), true);
    assert.strictEqual(isAllowlisted([], { ruleId: 'jwt', fingerprint }, 'a'), false);
  });

  it('parses the documented format', () => {
    const parsed = parseAllowlist(
      JSON.stringify({ version: 1, entries: [{ ruleId: 'jwt', fingerprint, path: './x/y.json', reason: 'test token' }] }),
    );
    assert.strictEqual(parsed.error, undefined);
    assert.deepStrictEqual(parsed.entries, [{ ruleId: 'jwt', fingerprint, path: 'x/y.json', reason: 'test token' }]);
  });

  it('tolerates comments and trailing commas', () => {
    const parsed = parseAllowlist(`{\n  // why\n  "version": 1,\n  "entries": [{ "fingerprint": "${fingerprint}" },],\n}`);
    assert.strictEqual(parsed.error, undefined);
    assert.strictEqual(parsed.entries.length, 1);
  });

  it('never throws on bad input and says what is wrong', () => {
    for (const bad of ['', '{', 'null', '42', '"x"', '{"entries": 3}', '{"version": 2, "entries": []}']) {
      const parsed = parseAllowlist(bad);
      assert.deepStrictEqual(parsed.entries, [], bad);
      assert.ok(parsed.error, `expected an error for ${bad}`);
    }
  });

  it('drops entries whose fingerprint is not a hash (a pasted clear value)', () => {
    const parsed = parseAllowlist(JSON.stringify({ version: 1, entries: [{ fingerprint: 'hunter2-is-my-password' }, { fingerprint }] }));
    assert.strictEqual(parsed.entries.length, 1);
    assert.match(parsed.error ?? '', /1 allowlist entry ignored/);
  });

  it('adds entries with stable formatting and no duplicates', () => {
    const first = addAllowlistEntry(undefined, { ruleId: 'jwt', fingerprint, path: 'a.json', reason: 'fixture' });
    assert.strictEqual(
      first,
      `{\n  "version": 1,\n  "entries": [\n    {\n      "ruleId": "jwt",\n      "fingerprint": "${fingerprint}",\n      "path": "a.json",\n      "reason": "fixture"\n    }\n  ]\n}\n`,
    );
    assert.strictEqual(addAllowlistEntry(first, { ruleId: 'jwt', fingerprint, path: 'a.json', reason: 'again' }), first);
    const second = addAllowlistEntry(first, { ruleId: 'jwt', fingerprint: other, path: 'a.json' });
    assert.deepStrictEqual(
      parseAllowlist(second).entries.map((entry) => entry.fingerprint),
      [fingerprint, other],
    );
    assert.strictEqual(addAllowlistEntry(second, { ruleId: 'jwt', fingerprint: other, path: 'a.json' }), second);
  });

  it('keeps unknown fields and refuses to overwrite a broken file', () => {
    const withExtra = addAllowlistEntry('{"version":1,"owner":"sec-team","entries":[]}', { fingerprint });
    assert.strictEqual(JSON.parse(withExtra).owner, 'sec-team');
    assert.throws(() => addAllowlistEntry('{ not json', { fingerprint }), /not valid JSON/);
    assert.throws(() => addAllowlistEntry(undefined, { fingerprint: 'plain text value' }), /fingerprint/);
  });
});
