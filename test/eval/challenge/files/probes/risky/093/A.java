builder.hostnameVerifier((hostname, session) -> true);{{expect:tls-verify-disabled}}
