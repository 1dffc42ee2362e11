password = "{password}"
