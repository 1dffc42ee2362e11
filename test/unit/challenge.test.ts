import * as assert from 'assert';
import { evaluateInProcess } from '../eval/evaluate';
import { loadChallenge, renderChallengeFile } from '../eval/challenge/load';
import { f1, precision, recall, type Counts } from '../eval/score';

const describeCounts = (c: Counts) =>
  `P ${precision(c).toFixed(3)} R ${recall(c).toFixed(3)} F1 ${f1(c).toFixed(3)} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn})`;

describe('challenge corpus renderer', () => {
  it('escapes a multi-line fake value for JSON and keeps the marker on its line', () => {
    const rendered = renderChallengeFile('{\n  "key": "{{fake:private-key|json}}"{{expect:private-key}}\n}\n', 'k.json');
    assert.deepStrictEqual(rendered.expected, [{ line: 2, ruleId: 'private-key' }]);
    assert.strictEqual(rendered.text.split('\n').length, 4, 'the PEM stays on one line');
    assert.match(rendered.text, /\\n/);
  });

  it('indents a block value for YAML and adds RFC 1421 headers for an encrypted PEM', () => {
    const indented = renderChallengeFile('a: |\n  {{fake:private-key|indent2}}\n', 'k.yaml').text;
    assert.ok(indented.split('\n').slice(1).filter(Boolean).every((line) => line.startsWith('  ')));
    const encrypted = renderChallengeFile('{{fake:private-key|encrypted}}\n', 'k.pem').text;
    assert.match(encrypted.split('\n')[1], /^Proc-Type: 4,ENCRYPTED$/);
  });

  it('renders CRLF files when asked, without moving expectations', () => {
    const rendered = renderChallengeFile('{{crlf}}a=1\nb={{rand:20}}{{expect:generic-secret}}\n', 'x.env');
    assert.ok(rendered.text.includes('\r\n') && !/[^\r]\n/.test(rendered.text));
    assert.deepStrictEqual(rendered.expected, [{ line: 2, ruleId: 'generic-secret' }]);
  });
});

describe('challenge corpus (quality gate)', function () {
  this.timeout(120_000);
  const { files, errors } = loadChallenge();

  it('renders every template and is large enough to mean something', () => {
    assert.deepStrictEqual(errors, []);
    assert.ok(files.length >= 60, `challenge corpus has ${files.length} files`);
    const expected = files.flatMap((f) => f.expected);
    assert.ok(expected.length >= 400, `${expected.length} labelled lines`);
    assert.ok(!files.some((f) => /\{\{(fake|rand|expect|crlf)/.test(f.text)), 'every placeholder is rendered');
  });

  it('reaches precision ≥ 0.95 and recall ≥ 0.95 (npm run eval:challenge lists every miss)', () => {
    const { score, errors: engineErrors } = evaluateInProcess(files);
    assert.deepStrictEqual(engineErrors, [], 'scanText never throws');
    const summary = `overall ${describeCounts(score.overall)}; ` +
      Object.entries(score.byKind).map(([kind, c]) => `${kind} ${describeCounts(c)}`).join('; ');
    assert.ok(precision(score.overall) >= 0.95, `precision too low: ${summary}`);
    assert.ok(recall(score.overall) >= 0.95, `recall too low: ${summary}`);
  });
});
