kubectl --insecure-skip-tls-verify get pods{{expect:tls-verify-disabled}}
