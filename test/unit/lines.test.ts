import * as assert from 'assert';
import { computeLineStarts, lineIndexAt, lineStartOf, startOfLineBelow } from '../../src/engine/lines';

describe('line helpers without the line-start table', () => {
  const texts = [
    'one\ntwo\nthree\nfour\nfive\nsix',
    'a\r\nb\r\nc\r\n\r\nd\r\ne',
    'lone\rcarriage\rreturns\n\nmixed\r\nend\n',
    '\n\n\nx',
    'single line',
  ];
  for (const text of texts) {
    it(`agrees with computeLineStarts on ${JSON.stringify(text.slice(0, 20))}`, () => {
      const starts = computeLineStarts(text);
      for (let offset = 0; offset < text.length; offset++) {
        const line = lineIndexAt(starts, offset);
        assert.strictEqual(lineStartOf(text, offset), starts[line], `start at ${offset}`);
        for (const below of [1, 2, 4]) {
          const expected = line + below < starts.length ? starts[line + below] : text.length;
          assert.strictEqual(startOfLineBelow(text, offset, below), expected, `${below} below ${offset}`);
        }
      }
    });
  }
});
