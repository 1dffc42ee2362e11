git config --global http.sslVerify false{{expect:tls-verify-disabled}}
