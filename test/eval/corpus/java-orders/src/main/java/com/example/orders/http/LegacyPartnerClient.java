package com.example.orders.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Client for the legacy partner gateway. Their certificate chain is broken (missing intermediate),
 * so this client trusts everything until they fix it.
 */
public final class LegacyPartnerClient {

    private static final String PARTNER_URL = System.getenv().getOrDefault("PARTNER_URL", "https://partner.example.net");
    private static final String PARTNER_TOKEN = "{{rand:40}}";{{expect:generic-secret}}

    private final HttpClient client;

    public LegacyPartnerClient() throws GeneralSecurityException {
        TrustManager[] trustAll = new TrustManager[] { new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }{{expect:tls-verify-disabled}}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        } };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustAll, new SecureRandom());
        HostnameVerifier allowAll = (hostname, session) -> true;{{expect:tls-verify-disabled}}
        HttpsURLConnection.setDefaultHostnameVerifier(allowAll);
        this.client = HttpClient.newBuilder()
            .sslContext(context)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    public String fetchOrderStatus(String orderId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PARTNER_URL + "/orders/" + orderId))
            .header("Authorization", "Token " + PARTNER_TOKEN)
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("partner returned " + response.statusCode());
        }
        return response.body();
    }
}
