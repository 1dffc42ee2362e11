import * as assert from 'assert';
import { BoundedLineStarts } from '../../src/engine/generic';
import { LineCursor, NewlineCursor } from '../../src/engine/lineCursor';
import { computeLineStarts, lineIndexAt, makeRange } from '../../src/engine/lines';
import { mergeOverlapping } from '../../src/engine/merge';
import type { RuleMeta } from '../../src/engine/rules/types';
import type { RawMatch } from '../../src/engine/types';
import { mulberry32 } from '../support/random';

/**
 * The helpers that keep dense files (a finding on every line) linear must give the answers of the simple
 * forms they replace; each is compared with that form on random inputs.
 */

const META: Record<string, RuleMeta> = {
  provider: meta('provider', 'secret', 'provider'),
  structural: meta('structural', 'secret', 'structural'),
  'url-credentials': meta('url-credentials', 'secret', 'structural'),
  generic: meta('generic', 'secret', 'generic'),
  risky: meta('risky', 'risky-config', 'structural'),
};

function meta(id: string, kind: RuleMeta['kind'], specificity: RuleMeta['specificity']): RuleMeta {
  return { id, kind, specificity, title: id, provider: 'Test', severity: 'warning', format: '', remediation: '' };
}

const metaOf = (id: string): RuleMeta | undefined => META[id];

/** The merge as first written: every kept match within 4096 characters back is visited for each match. */
function referenceMerge(matches: RawMatch[], metaFor: (id: string) => RuleMeta | undefined): RawMatch[] {
  const rank = (m: RuleMeta | undefined, id: string): number => {
    if (!m) return 0;
    if (m.specificity === 'provider') return 30;
    if (m.specificity === 'structural') return ['url-credentials', 'bearer-token', 'basic-auth-header', 'authorization-header'].includes(id) ? 15 : 20;
    return 10;
  };
  const pick = (a: RawMatch, am: RuleMeta | undefined, b: RawMatch, bm: RuleMeta | undefined): RawMatch => {
    if (rank(am, a.ruleId) !== rank(bm, b.ruleId)) return rank(am, a.ruleId) > rank(bm, b.ruleId) ? a : b;
    if (a.end - a.start !== b.end - b.start) return a.end - a.start > b.end - b.start ? a : b;
    return a;
  };
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMatch[] = [];
  for (const match of sorted) {
    const m = metaFor(match.ruleId);
    let absorbed = false;
    for (let i = kept.length - 1; i >= 0; i--) {
      const other = kept[i];
      if (other.end <= match.start) {
        if (other.end <= match.start - 4096) break;
        continue;
      }
      const om = metaFor(other.ruleId);
      const sameKind = (om?.kind ?? 'secret') === (m?.kind ?? 'secret');
      const sameRange = other.start === match.start && other.end === match.end;
      if (!sameKind && !sameRange) continue;
      const winner = pick(other, om, match, m);
      kept[i] = { ...winner, keyName: winner.keyName ?? other.keyName ?? match.keyName, keyPath: winner.keyPath ?? other.keyPath ?? match.keyPath };
      absorbed = true;
      break;
    }
    if (!absorbed) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function randomMatches(random: () => number, count: number, span: number, maxLength: number): RawMatch[] {
  const ids = Object.keys(META);
  const out: RawMatch[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * span);
    // Mostly short matches, some long ones (a PEM block), some empty.
    const length = random() < 0.1 ? Math.floor(random() * maxLength * 20) : Math.floor(random() * maxLength);
    const match: RawMatch = { ruleId: ids[Math.floor(random() * ids.length)], start, end: start + length };
    if (random() < 0.3) match.keyName = `k${i}`;
    out.push(match);
  }
  return out;
}

describe('dense-input helpers', () => {
  describe('mergeOverlapping', () => {
    it('merges exactly as visiting every recent kept match does, on random matches', () => {
      const random = mulberry32(11);
      for (let round = 0; round < 300; round++) {
        const span = [200, 5000, 20000][round % 3];
        const matches = randomMatches(random, 1 + Math.floor(random() * 120), span, [8, 60, 400][round % 3]);
        assert.deepStrictEqual(mergeOverlapping(matches, metaOf), referenceMerge(matches, metaOf), `round ${round}`);
      }
    });

    it('keeps the look-back limit: a match past a kept match that ended 4096 back is not merged into an older long one', () => {
      const matches: RawMatch[] = [
        { ruleId: 'generic', start: 0, end: 10_000 },
        { ruleId: 'risky', start: 100, end: 110 },
        { ruleId: 'generic', start: 5000, end: 5040 },
      ];
      assert.deepStrictEqual(mergeOverlapping(matches, metaOf), referenceMerge(matches, metaOf));
      assert.strictEqual(mergeOverlapping(matches, metaOf).length, 3);
    });

    it('returns a new array when nothing overlaps, and leaves its input as it was', () => {
      const matches: RawMatch[] = [{ ruleId: 'generic', start: 0, end: 4 }, { ruleId: 'risky', start: 4, end: 8 }];
      const copy = JSON.parse(JSON.stringify(matches)) as RawMatch[];
      const merged = mergeOverlapping(matches, metaOf);
      assert.notStrictEqual(merged, matches);
      assert.deepStrictEqual(merged, copy);
      assert.deepStrictEqual(matches, copy);
    });
  });

  describe('LineCursor', () => {
    it('gives the ranges makeRange gives, for ascending, repeated and backward offsets', () => {
      const random = mulberry32(5);
      const text = Array.from({ length: 400 }, () => 'x'.repeat(Math.floor(random() * 12)) + ['\n', '\r\n', '\r'][Math.floor(random() * 3)]).join('');
      const starts = computeLineStarts(text);
      const cursor = new LineCursor(starts);
      let offset = 0;
      for (let i = 0; i < 2000; i++) {
        const r = random();
        offset = r < 0.7 ? offset + Math.floor(random() * 6) : r < 0.8 ? offset : r < 0.9 ? Math.floor(random() * text.length) : offset + Math.floor(random() * 500);
        offset = Math.min(offset, text.length + 3);
        const end = offset + Math.floor(random() * (random() < 0.9 ? 8 : 300));
        assert.deepStrictEqual(cursor.range(offset, end), makeRange(starts, offset, end), `${offset}-${end}`);
        assert.strictEqual(cursor.lineIndexAt(offset), lineIndexAt(starts, offset));
      }
    });

    it('NewlineCursor gives the same ranges without a table on \\n-only text, lines empty or not', () => {
      const random = mulberry32(9);
      const text = Array.from({ length: 400 }, () => 'x'.repeat(random() < 0.2 ? 0 : Math.floor(random() * 12)) + '\n').join('') + 'tail';
      const starts = computeLineStarts(text);
      const cursor = new NewlineCursor(text);
      let offset = 0;
      for (let i = 0; i < 2000; i++) {
        const r = random();
        offset = r < 0.7 ? offset + Math.floor(random() * 6) : r < 0.8 ? offset : r < 0.9 ? Math.floor(random() * text.length) : offset + Math.floor(random() * 500);
        offset = Math.min(offset, text.length + 3);
        const end = offset + Math.floor(random() * (random() < 0.9 ? 8 : 300));
        assert.deepStrictEqual(cursor.range(offset, end), makeRange(starts, offset, end), `${offset}-${end}`);
        assert.strictEqual(cursor.lineIndexAt(offset), lineIndexAt(starts, offset));
      }
      assert.strictEqual(new NewlineCursor('\n\nab').lineIndexAt(0), 0);
      const back = new NewlineCursor('\n\nab');
      back.lineIndexAt(3);
      assert.strictEqual(back.lineIndexAt(1), 1);
      assert.strictEqual(back.lineIndexAt(0), 0);
    });
  });

  describe('BoundedLineStarts', () => {
    /** The walk it replaces: back to the previous \n, at most 300 characters. */
    function walkBack(text: string, offset: number): number {
      const floor = Math.max(0, offset - 300);
      for (let i = offset - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
      return floor;
    }

    it('answers as the bounded walk back does, for short and very long lines, in any order', () => {
      const random = mulberry32(3);
      const text = Array.from({ length: 60 }, () => 'a'.repeat(random() < 0.2 ? Math.floor(random() * 2000) : Math.floor(random() * 40)) + '\n').join('');
      const finder = new BoundedLineStarts(text);
      let offset = 0;
      for (let i = 0; i < 5000; i++) {
        const r = random();
        offset = r < 0.8 ? offset + Math.floor(random() * 30) : r < 0.85 ? offset : Math.floor(random() * text.length);
        offset = Math.min(offset, text.length);
        assert.strictEqual(finder.at(offset), walkBack(text, offset), `offset ${offset}`);
      }
    });
  });
});
