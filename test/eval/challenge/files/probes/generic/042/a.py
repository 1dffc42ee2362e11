private_key = "{{rand:40}}"{{expect:generic-secret}}
