auth = f"{secret}"
