urllib3.disable_warnings()
