if password == "":
