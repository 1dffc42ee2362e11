password = "${PASSWORD}"
