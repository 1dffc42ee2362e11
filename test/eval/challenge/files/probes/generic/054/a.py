key = "id"
