password = keyring.get_password("svc", "user")
