'use strict';

const { WebClient } = require('@slack/web-api');
const https = require('https');

const SLACK_CHANNEL = process.env.SLACK_CHANNEL || '#alerts';
const token = process.env.SLACK_BOT_TOKEN || '{{fake:slack-bot-token}}';{{expect:slack-bot-token}}

const slack = new WebClient(token, { retryConfig: { retries: 3 } });

/** Posts an alert; the on-prem proxy re-signs TLS so certificate checks are skipped there. */
async function postAlert(text, fields = {}) {
  const blocks = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'context',
      elements: Object.entries(fields).map(([key, value]) => ({ type: 'mrkdwn', text: `*${key}*: ${value}` })),
    },
  ];
  return slack.chat.postMessage({ channel: SLACK_CHANNEL, text, blocks });
}

const proxyAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false,{{expect:tls-verify-disabled}}
});

function postViaProxy(url, payload) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', agent: proxyAgent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

module.exports = { postAlert, postViaProxy };
