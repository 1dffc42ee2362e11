token = "null"
