import type { ProviderRule, ValidateContext } from '../types';
import { contextRule, mixedClasses, namedNearby, rule, token, UUID, WORD_DASH } from './helpers';

/** Payment processors. Live keys move money: always errors; test-mode keys are warnings. */

const revoke = (where: string): string => `Roll it in ${where}, then load it from an environment variable or secret manager.`;
const STRIPE_DOCS = 'https://docs.stripe.com/keys';
const STRIPE_FIX = revoke('the Stripe Dashboard > Developers > API keys');

/**
 * Paystack and Clerk reuse Stripe's `sk_live_` / `sk_test_` prefixes. Paystack's body is 40
 * lower-case hex; Clerk's keys are recognised by a Clerk name nearby. Stripe gets the rest.
 */
function isStripe(value: string, context: ValidateContext): boolean {
  const body = value.slice(value.indexOf('_', 3) + 1);
  if (/^[a-f0-9]{40}$/.test(body)) return false;
  return !namedNearby(context, /clerk|paystack/) && mixedClasses(body, 2);
}

function stripe(id: string, prefix: string, title: string, severity: 'error' | 'warning'): ProviderRule {
  return rule({
    id,
    title,
    provider: 'Stripe',
    severity,
    format: `\`${prefix}\` + 24 to 247 base62 characters`,
    remediation: severity === 'error' ? STRIPE_FIX : 'Test-mode key: harmless for money, but roll it in the Stripe Dashboard and load it from an environment variable.',
    reference: STRIPE_DOCS,
    pattern: token(`${prefix}[A-Za-z0-9]{24,247}`),
    keywords: [prefix],
    minEntropy: 4,
    validate: isStripe,
  });
}

/** A live/test pair of rules for providers that mark the mode in the prefix. */
function liveAndTest(
  base: { id: string; title: string; provider: string; reference: string; remediation: string; minEntropy: number },
  livePrefix: string,
  testPrefix: string,
  body: string,
  format: string,
): ProviderRule[] {
  return [
    rule({ ...base, format: `\`${livePrefix}\` + ${format}`, pattern: token(`${livePrefix}${body}`, WORD_DASH), keywords: [livePrefix.toLowerCase()] }),
    rule({
      ...base,
      id: base.id.replace(/-(api|secret|access)/, '-test-$1'),
      title: `${base.title} (test mode)`,
      severity: 'warning',
      format: `\`${testPrefix}\` + ${format}`,
      pattern: token(`${testPrefix}${body}`, WORD_DASH),
      keywords: [testPrefix.toLowerCase()],
    }),
  ];
}

export const paymentRules: ProviderRule[] = [
  stripe('stripe-secret-key', 'sk_live_', 'Stripe live secret key', 'error'),
  stripe('stripe-test-secret-key', 'sk_test_', 'Stripe test secret key', 'warning'),
  stripe('stripe-restricted-key', 'rk_live_', 'Stripe live restricted key', 'error'),
  stripe('stripe-test-restricted-key', 'rk_test_', 'Stripe test restricted key', 'warning'),
  rule({
    id: 'stripe-webhook-secret',
    title: 'Stripe (or Svix) webhook signing secret',
    provider: 'Stripe',
    format: '`whsec_` + 32 or more base62/base64 characters',
    remediation: 'Roll the endpoint secret in the Stripe Dashboard > Developers > Webhooks, then load it from an environment variable.',
    reference: 'https://docs.stripe.com/webhooks#verify-events',
    pattern: token('whsec_[A-Za-z0-9+/]{32,88}={0,2}', 'A-Za-z0-9_+/='),
    keywords: ['whsec_'],
    minEntropy: 4,
  }),
  ...(['live', 'test'] as const).map((mode) =>
    rule({
      id: mode === 'live' ? 'paystack-secret-key' : 'paystack-test-secret-key',
      title: `Paystack ${mode} secret key`,
      provider: 'Paystack',
      severity: mode === 'live' ? 'error' : 'warning',
      format: `\`sk_${mode}_\` + 40 hex characters`,
      remediation: revoke('the Paystack Dashboard > Settings > API Keys & Webhooks'),
      reference: 'https://paystack.com/docs/api/authentication/',
      pattern: token(`sk_${mode}_[a-f0-9]{40}`),
      keywords: [`sk_${mode}_`],
      minEntropy: 3.3,
    }),
  ),
  rule({
    id: 'clerk-secret-key',
    title: 'Clerk secret key',
    provider: 'Clerk',
    format: '`sk_live_` or `sk_test_` + base62 characters, next to a Clerk name',
    remediation: revoke('the Clerk Dashboard > API keys'),
    reference: 'https://clerk.com/docs/deployments/clerk-environment-variables',
    pattern: token('sk_(?:live|test)_[A-Za-z0-9]{24,64}'),
    keywords: ['clerk'],
    minEntropy: 4,
    validate: (_v, c) => namedNearby(c, /clerk/),
  }),
  rule({
    id: 'square-access-token',
    title: 'Square access token',
    provider: 'Square',
    format: '`EAAA` + 60 base64url characters',
    remediation: revoke('the Square Developer Dashboard > Credentials'),
    reference: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    pattern: token('EAAA[A-Za-z0-9_\\-]{60}', WORD_DASH),
    keywords: ['eaaa'],
    minEntropy: 4,
  }),
  rule({
    id: 'square-legacy-access-token',
    title: 'Square access token (legacy format)',
    provider: 'Square',
    format: '`sq0atp-` + 22 base64url characters',
    remediation: revoke('the Square Developer Dashboard > Credentials'),
    reference: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    pattern: token('sq0atp-[A-Za-z0-9_\\-]{22}', WORD_DASH),
    keywords: ['sq0atp-'],
    minEntropy: 3.8,
  }),
  rule({
    id: 'square-oauth-secret',
    title: 'Square OAuth application secret',
    provider: 'Square',
    format: '`sq0csp-` + 43 base64url characters',
    remediation: revoke('the Square Developer Dashboard > OAuth'),
    reference: 'https://developer.squareup.com/docs/oauth-api/overview',
    pattern: token('sq0csp-[A-Za-z0-9_\\-]{43}', WORD_DASH),
    keywords: ['sq0csp-'],
    minEntropy: 4,
  }),
  rule({
    id: 'paypal-braintree-access-token',
    title: 'PayPal / Braintree production access token',
    provider: 'PayPal',
    format: '`access_token$production$` + 16 base36 + `$` + 32 hex characters',
    remediation: revoke('the PayPal / Braintree control panel'),
    reference: 'https://developer.paypal.com/braintree/docs/guides/authorization/access-token',
    pattern: token('access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}'),
    keywords: ['access_token$production$'],
    minEntropy: 3.5,
  }),
  rule({
    id: 'paypal-braintree-sandbox-token',
    title: 'PayPal / Braintree sandbox access token',
    provider: 'PayPal',
    severity: 'warning',
    format: '`access_token$sandbox$` + 16 base36 + `$` + 32 hex characters',
    remediation: 'Sandbox token: rotate it in the Braintree sandbox and load it from an environment variable.',
    reference: 'https://developer.paypal.com/braintree/docs/guides/authorization/access-token',
    pattern: token('access_token\\$sandbox\\$[0-9a-z]{16}\\$[0-9a-f]{32}'),
    keywords: ['access_token$sandbox$'],
    minEntropy: 3.5,
  }),
  contextRule({
    id: 'braintree-private-key',
    title: 'Braintree private key',
    provider: 'PayPal',
    format: '32 hex characters next to a Braintree private key name',
    remediation: revoke('the Braintree control panel > API keys'),
    reference: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
    keywords: ['braintree'],
    minEntropy: 3.2,
  }, { value: '[a-f0-9]{32}', near: /braintree.{0,40}private|private.{0,20}braintree/ }),
  contextRule({
    id: 'adyen-api-key',
    title: 'Adyen API key',
    provider: 'Adyen',
    format: '`AQE` + 80-250 base64 characters next to an Adyen name',
    remediation: revoke('the Adyen Customer Area > Developers > API credentials'),
    reference: 'https://docs.adyen.com/development-resources/api-credentials/',
    keywords: ['adyen'],
    minEntropy: 4.5,
  }, { value: 'AQE[A-Za-z0-9+/=._\\-]{80,250}', edge: 'A-Za-z0-9+/=._\\-', near: /adyen/ }),
  ...liveAndTest(
    { id: 'razorpay-key-id', title: 'Razorpay key ID', provider: 'Razorpay', minEntropy: 3.5,
      reference: 'https://razorpay.com/docs/api/authentication/', remediation: revoke('the Razorpay Dashboard > Account & Settings > API keys') },
    'rzp_live_', 'rzp_test_', '[A-Za-z0-9]{14}', '14 base62 characters',
  ).map((r, i) => (i === 0 ? r : { ...r, id: 'razorpay-test-key-id' })),
  contextRule({
    id: 'razorpay-key-secret',
    title: 'Razorpay key secret',
    provider: 'Razorpay',
    format: '24 base62 characters next to a Razorpay name',
    remediation: revoke('the Razorpay Dashboard > Account & Settings > API keys'),
    reference: 'https://razorpay.com/docs/api/authentication/',
    keywords: ['razorpay'],
    minEntropy: 3.8,
  }, { value: '[A-Za-z0-9]{24}', near: /razorpay/, check: (v) => mixedClasses(v, 3) }),
  rule({
    id: 'flutterwave-secret-key',
    title: 'Flutterwave secret key',
    provider: 'Flutterwave',
    format: '`FLWSECK-` + 32 hex + `-X`',
    remediation: revoke('the Flutterwave Dashboard > Settings > API keys'),
    reference: 'https://developer.flutterwave.com/docs/authentication',
    pattern: token('FLWSECK-[a-fA-F0-9]{32}-X', WORD_DASH),
    keywords: ['flwseck-'],
    minEntropy: 3.3,
  }),
  rule({
    id: 'flutterwave-test-secret-key',
    title: 'Flutterwave test secret key',
    provider: 'Flutterwave',
    severity: 'warning',
    format: '`FLWSECK_TEST-` + 32 hex + `-X`',
    remediation: 'Test-mode key: roll it in the Flutterwave Dashboard and load it from an environment variable.',
    reference: 'https://developer.flutterwave.com/docs/authentication',
    pattern: token('FLWSECK_TEST-[a-fA-F0-9]{32}-X', WORD_DASH),
    keywords: ['flwseck_test-'],
    minEntropy: 3.3,
  }),
  rule({
    id: 'plaid-access-token',
    title: 'Plaid access token',
    provider: 'Plaid',
    format: '`access-production-` or `access-development-` + a UUID',
    remediation: 'Remove the Item with /item/remove or rotate with /item/access_token/invalidate, then store tokens server-side only.',
    reference: 'https://plaid.com/docs/api/tokens/',
    pattern: token(`access-(?:production|development)-${UUID}`, WORD_DASH),
    keywords: ['access-production-', 'access-development-'],
    minEntropy: 3,
  }),
  contextRule({
    id: 'plaid-secret',
    title: 'Plaid API secret',
    provider: 'Plaid',
    format: '30 hex characters next to a Plaid name',
    remediation: revoke('the Plaid Dashboard > Team settings > Keys'),
    reference: 'https://plaid.com/docs/api/#api-host',
    keywords: ['plaid'],
    minEntropy: 3.2,
  }, { value: '[a-f0-9]{30}', near: /plaid/ }),
  ...liveAndTest(
    { id: 'shippo-api-token', title: 'Shippo API token', provider: 'Shippo', minEntropy: 3.3,
      reference: 'https://docs.goshippo.com/docs/guides_general/authentication/', remediation: revoke('the Shippo Dashboard > Settings > API') },
    'shippo_live_', 'shippo_test_', '[a-f0-9]{40}', '40 hex characters',
  ),
  ...liveAndTest(
    { id: 'easypost-api-key', title: 'EasyPost API key', provider: 'EasyPost', minEntropy: 3.5,
      reference: 'https://docs.easypost.com/docs/authentication', remediation: revoke('the EasyPost Dashboard > API keys') },
    'EZAK', 'EZTK', '[a-zA-Z0-9]{54}', '54 base62 characters',
  ),
  ...liveAndTest(
    { id: 'duffel-access-token', title: 'Duffel access token', provider: 'Duffel', minEntropy: 4,
      reference: 'https://duffel.com/docs/api/overview/making-requests/authentication', remediation: revoke('the Duffel Dashboard > Developers > Access tokens') },
    'duffel_live_', 'duffel_test_', '[A-Za-z0-9_\\-]{43}', '43 base64url characters',
  ),
  contextRule({
    id: 'gocardless-access-token',
    title: 'GoCardless access token',
    provider: 'GoCardless',
    format: '`live_` + 40 base64url characters next to a GoCardless name',
    remediation: revoke('the GoCardless Dashboard > Developers > Access tokens'),
    reference: 'https://developer.gocardless.com/getting-started/api/making-your-first-request',
    keywords: ['gocardless'],
    minEntropy: 4,
  }, { value: 'live_[A-Za-z0-9_\\-]{40}', edge: WORD_DASH, near: /gocardless/ }),
  contextRule({
    id: 'mollie-api-key',
    title: 'Mollie live API key',
    provider: 'Mollie',
    format: '`live_` + 30 base62 characters next to a Mollie name',
    remediation: revoke('the Mollie Dashboard > Developers > API keys'),
    reference: 'https://docs.mollie.com/reference/authentication',
    keywords: ['mollie'],
    minEntropy: 4,
  }, { value: 'live_[A-Za-z0-9]{30}', near: /mollie/ }),
];
