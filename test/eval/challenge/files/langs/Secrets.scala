val password = "{{rand:18:pw}}"{{expect:generic-password}}
val apiSecret: String = "{{rand:40}}"{{expect:generic-secret}}
