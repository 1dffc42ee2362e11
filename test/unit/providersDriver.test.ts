import * as assert from 'assert';
import type { DetectContext } from '../../src/engine/detect';
import { computeLineStarts } from '../../src/engine/lines';
import { shannonEntropy } from '../../src/engine/entropy';
import { detectProviders, detectWithRules } from '../../src/engine/providers';
import { providerRules } from '../../src/engine/rules/providers';
import { isLineScoped } from '../../src/engine/rules/providers/helpers';
import type { ProviderRule } from '../../src/engine/rules/types';
import type { RawMatch } from '../../src/engine/types';
import { loadCorpus } from '../eval/corpus';
import { fakeValue } from '../support/fakeKeys';

/**
 * The provider driver's shortcuts (one keyword pass, anchored matching, line windows computed once per
 * keyword) must not change what it finds. This reference does each step the plain way: `includes` per
 * keyword, `indexOf` windows per rule, a global regex over the whole text or window.
 */
function reference(ctx: DetectContext, rule: ProviderRule): RawMatch[] {
  const keywords = rule.keywords.filter((keyword) => ctx.lowerText.includes(keyword));
  if (keywords.length === 0) return [];
  const out: RawMatch[] = [];
  const windows: Array<[number, number]> = [];
  if (isLineScoped(rule)) {
    for (const keyword of keywords) {
      for (let at = ctx.lowerText.indexOf(keyword); at >= 0;) {
        let line = 0;
        while (line + 1 < ctx.lineStarts.length && ctx.lineStarts[line + 1] <= at) line++;
        const end = line + 4 < ctx.lineStarts.length ? ctx.lineStarts[line + 4] : ctx.text.length;
        windows.push([ctx.lineStarts[line], end]);
        at = ctx.lowerText.indexOf(keyword, Math.max(end, at + keyword.length));
      }
    }
    windows.sort((a, b) => a[0] - b[0]);
  } else {
    windows.push([0, ctx.text.length]);
  }
  const merged: Array<[number, number]> = [];
  for (const [from, to] of windows) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const flags = `${rule.pattern.flags.replace(/[gd]/g, '')}gd`;
  const group = rule.secretGroup ?? 0;
  for (const [from, to] of merged) {
    const subject = ctx.text.slice(from, to);
    const regex = new RegExp(rule.pattern.source, flags);
    for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const value = m[group];
      if (!value) continue;
      const start = from + (m.indices?.[group]?.[0] ?? m.index);
      const end = start + value.length;
      if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) continue;
      if (rule.validate && !rule.validate(value, { text: ctx.text, start, end, fileName: ctx.fileName })) continue;
      out.push({ ruleId: rule.id, start, end });
    }
  }
  return out;
}

function context(text: string, fileName: string): DetectContext {
  return { text, fileName, language: 'plaintext', lowerText: text.toLowerCase(), lineStarts: computeLineStarts(text) };
}

/** Fake values back to back, each after its keyword, and in upper case: many candidates per rule. */
function crowdedText(): string {
  const parts: string[] = [];
  for (const rule of providerRules) {
    let value: string;
    try {
      value = fakeValue(rule.id, 'driver');
    } catch {
      continue;
    }
    parts.push(`${rule.keywords[0] ?? ''} = "${value}"`, `${value}${value}`, value.toUpperCase(), `  ${rule.keywords[0] ?? ''}:\n    token: ${value}`);
  }
  return parts.join('\n');
}

describe('provider driver', () => {
  const texts: Array<[string, string]> = [
    ...loadCorpus().map((file): [string, string] => [file.relPath, file.text]),
    ['crowded.txt', crowdedText()],
  ];
  const sortKey = (m: RawMatch) => `${m.ruleId}:${m.start}:${m.end}`;

  it('finds exactly what the plain reference finds, rule by rule, on the corpus and a crowded text', () => {
    let total = 0;
    for (const [fileName, text] of texts) {
      const ctx = context(text, fileName);
      const expected = providerRules.flatMap((rule) => reference(ctx, rule)).map(sortKey).sort();
      const actual = detectProviders(context(text, fileName)).map(sortKey).sort();
      assert.deepStrictEqual(actual, expected, `${fileName}: driver and reference disagree`);
      total += actual.length;
    }
    assert.ok(total > 200, `only ${total} matches compared`);
  });

  it('runs a subset of rules as detectProviders runs them', () => {
    const ctx = context(texts[texts.length - 1][1], 'crowded.txt');
    const subset = providerRules.filter((_rule, index) => index % 7 === 0);
    const ids = new Set(subset.map((rule) => rule.id));
    const expected = detectProviders(context(ctx.text, 'crowded.txt')).filter((m) => ids.has(m.ruleId)).map(sortKey).sort();
    assert.deepStrictEqual(detectWithRules(ctx, subset).map(sortKey).sort(), expected);
  });
});
