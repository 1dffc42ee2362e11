password = "123456"
