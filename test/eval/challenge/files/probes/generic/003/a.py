db_password = os.getenv("DB_PASSWORD", "{{rand:16:pw}}"){{expect:generic-password}}
