password: str = "{{rand:16:pw}}"{{expect:generic-password}}
