db_password = "{{rand:20:pw}}"{{expect:plaintext-password}}
api_token   = "{{rand:40}}"{{expect:generic-secret}}
region      = "eu-west-1"
