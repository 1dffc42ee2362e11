config.setClientSecret("{{rand:40}}");{{expect:generic-secret}}
