'use strict';
const Stripe = require('stripe');

const stripe = Stripe(`{{fake:stripe-restricted-key}}`);{{expect:stripe-restricted-key}}
const config = {
  npmToken: '{{fake:npm-access-token}}',{{expect:npm-access-token}}
  mapbox: "{{fake:mapbox-secret-token}}",{{expect:mapbox-secret-token}}
  discord: { webhook: '{{fake:discord-webhook-url}}' },{{expect:discord-webhook-url}}
  linear: process.env.LINEAR_API_KEY,
};
fetch('https://api.example.com/v1/items', { headers: { Authorization: 'Bearer {{fake:openai-service-account-key}}' } });{{expect:openai-service-account-key}}
module.exports = { telegram: "{{fake:telegram-bot-token}}" };{{expect:telegram-bot-token}}
// previous: {{fake:shopify-access-token}}{{expect:shopify-access-token}}
const postman=['{{fake:postman-api-key}}'];{{expect:postman-api-key}}
const integrity = 'sha512-9d5f1f0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819==';
