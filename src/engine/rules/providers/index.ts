import type { ProviderRule } from '../types';
import { aiRules } from './ai';
import { cloudRules } from './cloud';
import { messagingRules } from './messaging';
import { packageRules } from './packages';
import { paymentRules } from './payments';
import { saasRules } from './saas';
import { structuralRules } from './structural';
import { vcsRules } from './vcs';

/**
 * Every provider and structural rule, grouped by family. Ids are unique kebab-case; a unit test
 * enforces it. Order matters only for readability of the generated README rule list.
 */
export const providerRules: ProviderRule[] = [
  ...vcsRules,
  ...cloudRules,
  ...aiRules,
  ...paymentRules,
  ...messagingRules,
  ...packageRules,
  ...saasRules,
  ...structuralRules,
];
