credential = "{{rand:40}}"{{expect:generic-secret}}
