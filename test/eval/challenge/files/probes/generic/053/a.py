secret_name = "db-creds"
