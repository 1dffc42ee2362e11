import type { DetectContext } from './detect';
import { shannonEntropy } from './entropy';
import { providerRules } from './rules/providers';
import type { ProviderRule } from './rules/types';
import type { RawMatch } from './types';

/** Rules grouped by keyword so that each distinct keyword is searched for once per scan. */
interface KeywordIndex {
  keywords: string[];
  rulesByKeyword: Map<string, ProviderRule[]>;
  /** Each rule's pattern compiled once, global, with `d` (match indices) when it uses a group. */
  compiled: Map<ProviderRule, RegExp>;
}

let index: KeywordIndex | undefined;

function keywordIndex(): KeywordIndex {
  if (!index) {
    const rulesByKeyword = new Map<string, ProviderRule[]>();
    for (const rule of providerRules) {
      for (const keyword of rule.keywords) {
        const list = rulesByKeyword.get(keyword) ?? [];
        list.push(rule);
        rulesByKeyword.set(keyword, list);
      }
    }
    const compiled = new Map<ProviderRule, RegExp>();
    for (const rule of providerRules) {
      let flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
      if ((rule.secretGroup ?? 0) > 0 && !flags.includes('d')) flags += 'd';
      compiled.set(rule, new RegExp(rule.pattern.source, flags));
    }
    index = { keywords: [...rulesByKeyword.keys()], rulesByKeyword, compiled };
  }
  return index;
}

/** Rules whose keyword prefilter passes for this text, in table order. */
function candidateRules(lowerText: string): ProviderRule[] {
  const { keywords, rulesByKeyword } = keywordIndex();
  const selected = new Set<ProviderRule>();
  for (const keyword of keywords) {
    if (lowerText.includes(keyword)) {
      for (const rule of rulesByKeyword.get(keyword) ?? []) selected.add(rule);
    }
  }
  return providerRules.filter((rule) => selected.has(rule));
}

/**
 * Runs every provider and structural rule whose keyword occurs in the text and returns the raw
 * matches (the secret's exact offsets). Entropy, placeholder and rule-specific checks happen here;
 * merging overlaps and suppressions are the scanner's job.
 */
export function detectProviders(ctx: DetectContext): RawMatch[] {
  const matches: RawMatch[] = [];
  const { compiled } = keywordIndex();
  for (const rule of candidateRules(ctx.lowerText)) {
    const pattern = compiled.get(rule) as RegExp;
    pattern.lastIndex = 0;
    const group = rule.secretGroup ?? 0;
    for (let m = pattern.exec(ctx.text); m; m = pattern.exec(ctx.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const value = m[group];
      if (value === undefined || value.length === 0) continue;
      const start = m.index + offsetOfGroup(m, group);
      const end = start + value.length;
      if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) continue;
      if (rule.validate && !rule.validate(value, { text: ctx.text, start, end, fileName: ctx.fileName })) continue;
      matches.push({ ruleId: rule.id, start, end });
    }
  }
  return matches;
}

/** Offset of a capture group inside its match, from the `d` flag's indices (text search as a fallback). */
function offsetOfGroup(match: RegExpExecArray, group: number): number {
  if (group === 0) return 0;
  const indices = (match as RegExpExecArray & { indices?: Array<[number, number] | undefined> }).indices;
  const span = indices?.[group];
  if (span) return span[0] - match.index;
  return match[0].lastIndexOf(match[group]);
}
