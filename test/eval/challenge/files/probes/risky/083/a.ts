const agent = new https.Agent({
  rejectUnauthorized: false,{{expect:tls-verify-disabled}}
});
