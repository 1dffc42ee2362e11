const webhookSecret = "{{rand:40}}";{{expect:generic-secret}}
