tls.connect({ host, port, rejectUnauthorized: false }){{expect:tls-verify-disabled}}
