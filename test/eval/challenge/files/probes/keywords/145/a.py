password = config.get("password")
