package com.example.erp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

/** Loads connector settings and calls the ERP REST facade. */
public class ErpClient {

    private static final String FACADE_URL = "https://erp-facade.corp.example.com/api";
    private static final String DEFAULT_USER = "RFC_CONNECTOR";

    private final Properties properties = new Properties();
    private final HttpClient http = HttpClient.newHttpClient();
    private String password;

    public ErpClient() throws IOException {
        try (InputStream in = ErpClient.class.getResourceAsStream("/erp.properties")) {
            properties.load(in);
        }
        this.password = System.getenv("ERP_PASSWORD");
        if (this.password == null) {
            this.password = properties.getProperty("erp.password");
        }
    }

    public String material(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(FACADE_URL + "/materials/" + id))
            .header("Authorization", "Bearer {{fake:jwt:erp}}"){{expect:jwt}}
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
