requests.get(u, verify=True)
