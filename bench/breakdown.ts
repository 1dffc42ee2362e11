import type { DetectContext } from '../src/engine/detect';
import { parseStructure } from '../src/engine/formats';
import { detectGeneric } from '../src/engine/generic';
import { languageOf } from '../src/engine/language';
import { computeLineStarts } from '../src/engine/lines';
import { detectProviders } from '../src/engine/providers';
import { detectRisky } from '../src/engine/risky';
import { providerRules } from '../src/engine/rules/providers';
import { scanText } from '../src/engine/scanner';
import { runRuleAlone } from './adversarial';
import { startSpan } from './stats';
import type { BenchFile } from './trees';

/** Where scan time goes: per stage, and the provider rules that cost most on real files. */
export interface Breakdown {
  stagesMs: Array<[string, number]>;
  rulesMs: Array<[string, number]>;
}

/**
 * Times each stage of a scan separately over `files` (parsing, context, the three detector families,
 * and the whole `scanText` for comparison), then each provider rule alone, to point at what to optimise.
 */
export function breakdown(files: BenchFile[]): Breakdown {
  const stages = new Map<string, number>();
  const add = (name: string, ms: number) => stages.set(name, (stages.get(name) ?? 0) + ms);
  const contexts: DetectContext[] = [];
  for (const file of files) {
    let started = startSpan();
    const language = languageOf(file.path);
    const lowerText = file.text.toLowerCase();
    const lineStarts = computeLineStarts(file.text);
    add('context (lower-case, line starts)', started.cpuMs());
    started = startSpan();
    let structure: DetectContext['structure'];
    try {
      structure = parseStructure(file.text, file.path, language);
    } catch {
      structure = undefined;
    }
    add('parseStructure', started.cpuMs());
    const ctx: DetectContext = { text: file.text, fileName: file.path, language, lowerText, lineStarts, structure };
    contexts.push(ctx);
    for (const [name, detector] of [['detectProviders', detectProviders], ['detectGeneric', detectGeneric], ['detectRisky', detectRisky]] as const) {
      started = startSpan();
      try {
        detector(ctx);
      } catch {
        // The scanner records detector failures as notes; timing is all that matters here.
      }
      add(name, started.cpuMs());
    }
    started = startSpan();
    scanText(file.text, file.path);
    add('scanText (whole, for comparison)', started.cpuMs());
  }
  const rules: Array<[string, number]> = providerRules.map((rule) => {
    const started = startSpan();
    for (const ctx of contexts) runRuleAlone(rule, ctx);
    return [rule.id, started.cpuMs()];
  });
  return { stagesMs: [...stages], rulesMs: rules.sort((a, b) => b[1] - a[1]) };
}
