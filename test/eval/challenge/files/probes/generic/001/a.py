db.connect(passwd="{{rand:16:pw}}"){{expect:generic-password}}
