password = "********"
