package com.acme.auth;

public class Auth {
    private String password = "{{rand:18:pw}}";{{expect:generic-password}}
    private static final String CLIENT_SECRET = "{{rand:40}}";{{expect:generic-secret}}
    private String apiKey = System.getenv("API_KEY");
    public String getPassword() { return password; }
    void setup() {
        ds.setPassword("{{rand:16:pw}}");{{expect:generic-password}}
        props.put("api.secret", "{{rand:32}}");{{expect:generic-secret}}
    }
}
