import * as assert from 'assert';
import { splitLeadingClass, token } from '../../src/engine/rules/providers/helpers';
import { mulberry32 } from '../support/random';

/** The pattern `token` built before the leading class moved in front of the look-behind. */
function lookBehindFirst(body: string, edge: string): RegExp {
  const left = edge.replace(/=/g, '');
  return new RegExp(`(?<!(?<!\\\\|%[0-9A-Fa-f]|\\\\u[0-9A-Fa-f]{3})[${left}])${body}(?![${edge}])`, 'g');
}

function matches(regex: RegExp, text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) out.push([m.index, m[0]]);
  return out;
}

describe('token patterns with the leading class first', () => {
  it('splits only bodies that open with a class matched at least once', () => {
    assert.deepStrictEqual(splitLeadingClass('[a-f0-9]{32}\\.x'), { head: '[a-f0-9]', rest: '[a-f0-9]{31}\\.x' });
    assert.deepStrictEqual(splitLeadingClass('[MNO][A-Z]{3}'), { head: '[MNO]', rest: '[A-Z]{3}' });
    assert.deepStrictEqual(splitLeadingClass('[a-z]{5,9}'), { head: '[a-z]', rest: '[a-z]{4,8}' });
    assert.deepStrictEqual(splitLeadingClass('[a-z]+y'), { head: '[a-z]', rest: '[a-z]*y' });
    for (const body of ['ghp_[a-z]{36}', '[a-z]?x', '[a-z]*x', '[a-z]{0,3}', '[^a]{3}', '[a-z]{3}|x', '[a-z]{2,3}?x']) {
      assert.strictEqual(splitLeadingClass(body), undefined, body);
    }
  });

  it('finds exactly what the look-behind-first pattern finds, escapes and edges included', () => {
    const random = mulberry32(7);
    const alphabet = 'abcdef0123456789MNOxyz.-_=%\\u ';
    const bodies: Array<[string, string]> = [
      ['[a-f0-9]{8}\\.[A-Za-z0-9]{4}', 'A-Za-z0-9_.'],
      ['[MNO][A-Za-z0-9_\\-]{3,5}\\.[a-z0-9]{2}', 'A-Za-z0-9_\\-.'],
      ['[0-9a-f]{6,}', 'A-Za-z0-9_=-'],
      ['[a-z]+0', 'A-Za-z0-9'],
    ];
    let matched = 0;
    for (const [body, edge] of bodies) {
      const ours = token(body, edge);
      const reference = lookBehindFirst(body, edge);
      for (let round = 0; round < 600; round++) {
        let text = '';
        const length = 10 + Math.floor(random() * 60);
        for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
        // Half the texts carry a likely match: a run of the body's own characters.
        if (round % 2 === 0) text = text.replace(/^.{0,5}/, (prefix) => `${prefix}MNOab12cd34.Ab9z.xy `);
        const expected = matches(reference, text);
        matched += expected.length;
        assert.deepStrictEqual(matches(ours, text), expected, `${body} on ${JSON.stringify(text)}`);
      }
    }
    assert.ok(matched > 40, `only ${matched} matches compared`);
  });
});
