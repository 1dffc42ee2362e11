refresh_token = "{{rand:40}}"{{expect:generic-secret}}
