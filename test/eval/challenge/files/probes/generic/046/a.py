password = getpass.getpass()
