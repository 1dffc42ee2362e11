api_key_header = "X-API-Key"
