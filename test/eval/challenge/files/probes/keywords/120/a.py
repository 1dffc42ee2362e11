JWT_SECRET = "{{rand:40}}"{{expect:generic-secret}}
