password = var.db_password
