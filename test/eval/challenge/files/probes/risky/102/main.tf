provider "vault" {
  skip_tls_verify = true{{expect:tls-verify-disabled}}
}
