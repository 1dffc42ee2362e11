import * as assert from 'assert';
import { loadCorpus } from '../eval/corpus';
import { evaluateInProcess } from '../eval/evaluate';
import { renderEvalFile } from '../eval/render';
import { f1, precision, recall, type Counts } from '../eval/score';

const describeCounts = (c: Counts) =>
  `P ${precision(c).toFixed(3)} R ${recall(c).toFixed(3)} F1 ${f1(c).toFixed(3)} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn})`;

describe('eval corpus renderer', () => {
  it('turns {{expect:…}} markers into expectations on the rendered line and strips them', () => {
    const rendered = renderEvalFile('a: 1\npassword: {{rand:16:pw}}{{expect:plaintext-password}}\n', 'x.yaml');
    assert.deepStrictEqual(rendered.expected, [{ line: 2, ruleId: 'plaintext-password' }]);
    assert.ok(!rendered.text.includes('{{'), 'placeholders and markers are gone');
    assert.match(rendered.text, /^a: 1\npassword: \S{16}\n$/);
  });

  it('is deterministic per file and differs between files', () => {
    const template = 'secret = "{{rand:32}}"';
    assert.strictEqual(renderEvalFile(template, 'a.py').text, renderEvalFile(template, 'a.py').text);
    assert.notStrictEqual(renderEvalFile(template, 'a.py').text, renderEvalFile(template, 'b.py').text);
  });
});

describe('eval corpus (quality gate)', function () {
  this.timeout(60_000);
  const files = loadCorpus();

  it('has at least 80 files and labelled findings of both kinds', () => {
    assert.ok(files.length >= 80, `corpus has ${files.length} files`);
    const expected = files.flatMap((f) => f.expected);
    assert.ok(expected.some((e) => e.ruleId === 'tls-verify-disabled'));
    assert.ok(expected.some((e) => e.ruleId === 'generic-secret'));
    assert.ok(!files.some((f) => /\{\{(fake|rand|expect):/.test(f.text)), 'every placeholder is rendered');
  });

  it('reaches precision ≥ 0.97 and recall ≥ 0.97 overall (npm run eval lists every miss)', () => {
    const { score, errors } = evaluateInProcess(files);
    assert.deepStrictEqual(errors, [], 'scanText never throws');
    const summary = describeCounts(score.overall);
    assert.ok(precision(score.overall) >= 0.97, `precision too low: ${summary}`);
    assert.ok(recall(score.overall) >= 0.97, `recall too low: ${summary}`);
  });
});
