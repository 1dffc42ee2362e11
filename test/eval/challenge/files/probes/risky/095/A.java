SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);{{expect:tls-verify-disabled}}
