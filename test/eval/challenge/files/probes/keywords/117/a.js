const { password = "{{rand:16:pw}}" } = opts;{{expect:generic-password}}
