password = None
