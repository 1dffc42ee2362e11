String pwd = new String("{{rand:16:pw}}");{{expect:generic-password}}
