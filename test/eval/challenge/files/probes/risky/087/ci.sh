export GIT_SSL_NO_VERIFY=true{{expect:tls-verify-disabled}}
