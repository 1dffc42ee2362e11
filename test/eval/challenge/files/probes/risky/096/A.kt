override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}{{expect:tls-verify-disabled}}
