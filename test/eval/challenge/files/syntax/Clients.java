package com.acme.billing;

import java.util.Map;

public final class Clients {
    private static final String TWILIO_AUTH = "{{fake:twilio-api-key}}";{{expect:twilio-api-key}}
    private static final String SENDGRID = "{{fake:sendgrid-api-key}}";{{expect:sendgrid-api-key}}
    private final Map<String, String> keys = Map.of("gh", "{{fake:github-pat}}");{{expect:github-pat}}

    String pypi() { return "{{fake:pypi-upload-token}}"; }{{expect:pypi-upload-token}}

    void connect() {
        client.withToken("{{fake:gitlab-deploy-token}}").build();{{expect:gitlab-deploy-token}}
        String accessKey = System.getenv("AWS_ACCESS_KEY_ID");
        String id = "{{fake:aws-access-key-id}}";{{expect:aws-access-key-id}}
    }
}
