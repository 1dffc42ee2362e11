const String apiKey = '{{rand:32}}';{{expect:generic-secret}}
final password = "{{rand:16:pw}}";{{expect:generic-password}}
