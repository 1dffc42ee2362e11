import javax.net.ssl.*;

class TrustAll {
    static final HostnameVerifier ANY = (hostname, session) -> true;{{expect:tls-verify-disabled}}
    static final TrustManager[] ALL = new TrustManager[] { new X509TrustManager() {
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}{{expect:tls-verify-disabled}}
        public java.security.cert.X509Certificate[] getAcceptedIssuers() { return null; }
    } };
}
