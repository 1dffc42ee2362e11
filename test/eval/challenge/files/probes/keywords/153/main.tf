password = random_password.db.result
