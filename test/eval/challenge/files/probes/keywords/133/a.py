password = "<PASSWORD>"
