password = "%s"
