password = "password"
