import { mergeOverlapping } from '../../src/engine/merge';
import { detectProviders } from '../../src/engine/providers';
import { providerRules } from '../../src/engine/rules/providers';
import { buildContext } from '../../src/engine/scanner';
import type { RawMatch } from '../../src/engine/types';

/** Every provider and structural match in a text, before the overlap merge. */
export function providerMatches(text: string, fileName: string): RawMatch[] {
  return detectProviders(buildContext(text, fileName, []));
}

const ruleMeta = new Map(providerRules.map((rule) => [rule.id, rule]));

/** The provider matches that survive the overlap merge, as the scanner reports them. */
export function mergedProviderMatches(text: string, fileName: string): RawMatch[] {
  return mergeOverlapping(providerMatches(text, fileName), (id) => ruleMeta.get(id));
}
