import { fakeValue } from './fakeKeys';

/**
 * Fills `{{fake:<rule-id>}}` and `{{fake:<rule-id>:<variant>}}` placeholders with fake but
 * realistic keys made now, so the repository never holds live-format tokens.
 * The same (rule, variant, seed) always yields the same value, so expectations stay stable.
 */
export function renderTemplate(template: string, seed = 'keyguard'): string {
  return template.replace(/\{\{fake:([a-z0-9-]+)(?::([A-Za-z0-9_-]+))?\}\}/g, (_all, ruleId: string, variant?: string) =>
    fakeValue(ruleId, `${seed}:${variant ?? '0'}`),
  );
}
