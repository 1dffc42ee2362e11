HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();{{expect:tls-verify-disabled}}
