ENCRYPTION_KEY = "{{rand:40}}"{{expect:generic-secret}}
