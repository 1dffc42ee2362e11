cfg := Config{APIKey: "{{rand:40}}"}{{expect:generic-secret}}
