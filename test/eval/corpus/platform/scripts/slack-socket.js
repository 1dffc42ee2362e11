'use strict';

const { App } = require('@slack/bolt');

// Socket-mode bot for the on-call rota. App-level token from the Slack app config page.
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: '{{fake:slack-app-token}}',{{expect:slack-app-token}}
  socketMode: true,
  logLevel: 'info',
});

app.command('/oncall', async ({ ack, respond }) => {
  await ack();
  await respond({ text: 'This week: @dana (primary), @lee (secondary)' });
});

(async () => {
  await app.start();
  console.log('on-call bot running');
})();
