consumer_secret = "{{rand:40}}"{{expect:generic-secret}}
