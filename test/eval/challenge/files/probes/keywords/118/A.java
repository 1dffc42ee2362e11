@Value("${db.password:{{rand:16:pw}}}"){{expect:generic-password}}
