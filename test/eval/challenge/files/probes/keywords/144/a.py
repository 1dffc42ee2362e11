password = settings.DB_PASSWORD
