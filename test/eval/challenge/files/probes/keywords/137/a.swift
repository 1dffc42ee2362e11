let body = "password=\(password)"
