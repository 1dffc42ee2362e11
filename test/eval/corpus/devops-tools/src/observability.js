'use strict';

const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 0.1,
  environment: process.env.NODE_ENV,
});

// Used by the release script to upload source maps.
const SENTRY_AUTH_TOKEN = '{{fake:sentry-auth-token}}';{{expect:sentry-auth-token}}

const datadog = {
  apiKey: process.env.DD_API_KEY,
  appKey: '{{fake:datadog-app-key}}',{{expect:datadog-app-key}}
  site: 'datadoghq.com',
};

const discordWebhook = '{{fake:discord-webhook-url}}';{{expect:discord-webhook-url}}

async function notifyDiscord(content) {
  await fetch(discordWebhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content: content.slice(0, 1900) }),
  });
}

module.exports = { SENTRY_AUTH_TOKEN, datadog, notifyDiscord };
