// Public identifiers and documented examples: none of these is a secret.
const stripePublishable = 'pk_live_{{rand:24}}';
const twilioAccountSid = 'AC7f3a9c21e4b86d05f1a2c3e9d8b74a6f';
const awsDocsKeyId = 'AKIAIOSFODNN7EXAMPLE';
const awsDocsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const awsRoleId = 'AROA3XFRBF23KPD7Q2LM';
const firebaseConfig = { projectId: 'acme-prod', messagingSenderId: '123456789012', appId: '1:123456789012:web:{{rand:22:hex}}' };
const sentryDsnPublic = 'https://{{rand:32:hex}}@o123456.ingest.sentry.io/4501234';
const gaMeasurementId = 'G-{{rand:10:hex}}';
const githubExample = 'ghp_' + '<your-token>';
const slackPlaceholder = 'xoxb-your-bot-token';
