password=$(cat /run/secrets/db)
