auth := smtp.PlainAuth("", "user@acme-corp.io", "{{rand:16:pw}}", "smtp.acme-corp.io"){{expect:generic-password}}
