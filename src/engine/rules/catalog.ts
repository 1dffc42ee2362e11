import type { RuleMeta } from './types';
import { providerRules } from './providers';
import { genericRules } from '../generic';
import { riskyRules } from '../risky';

/** Reported when a value stored in the vault is found hardcoded and no other rule recognised it. */
export const storedKeyRule: RuleMeta = {
  id: 'stored-key',
  title: 'Key stored in the Keyguard vault',
  provider: 'Keyguard',
  kind: 'secret',
  severity: 'error',
  specificity: 'provider',
  format: 'Any value whose fingerprint matches a key kept in the Keyguard vault',
  remediation: 'Replace the literal with the environment variable the vault injects.',
};

let cache: { list: RuleMeta[]; byId: Map<string, RuleMeta> } | undefined;

function load(): { list: RuleMeta[]; byId: Map<string, RuleMeta> } {
  if (!cache) {
    const list: RuleMeta[] = [...providerRules, ...genericRules, ...riskyRules, storedKeyRule];
    cache = { list, byId: new Map(list.map((rule) => [rule.id, rule])) };
  }
  return cache;
}

/** Every rule Keyguard knows, in a stable order (providers, generic, risky config). */
export function allRules(): RuleMeta[] {
  return load().list;
}

/** Looks a rule up by id. */
export function ruleById(id: string): RuleMeta | undefined {
  return load().byId.get(id);
}
