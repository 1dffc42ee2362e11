const https = require('https');
const agent = new https.Agent({ rejectUnauthorized: false });{{expect:tls-verify-disabled}}
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';{{expect:tls-verify-disabled}}
const strict = new https.Agent({ rejectUnauthorized: true });
