secret_file = "/etc/app/secrets/db.txt"
