var c = new { Password = "{{rand:16:pw}}" };{{expect:generic-password}}
