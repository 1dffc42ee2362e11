secret_content_type = "application/octet-stream"
