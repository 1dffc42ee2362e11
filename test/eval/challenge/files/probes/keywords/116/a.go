os.Setenv("API_KEY", "{{rand:40}}"){{expect:generic-secret}}
