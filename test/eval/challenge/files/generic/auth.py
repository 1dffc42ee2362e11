import os
from dataclasses import dataclass

PASSWORD_MIN_LENGTH = 8
password = "{{rand:18:pw}}"{{expect:generic-password}}
db_passwd = '{{rand:16:pw}}'{{expect:generic-password}}
api_key = "{{rand:32}}"{{expect:generic-secret}}
client_secret = "{{rand:40}}"{{expect:generic-secret}}
connect(host="db", user="app", password="{{rand:20:pw}}"){{expect:generic-password}}
if password == "{{rand:14:pw}}":{{expect:generic-password}}
    pass
def login(user, pwd="{{rand:15:pw}}"):{{expect:generic-password}}
    return user
settings = {"auth_token": "{{rand:36}}", "timeout": 30}{{expect:generic-secret}}
password = None
password = ""
password = os.environ["DB_PASSWORD"]
password = get_password()
token_type = "bearer"
secret_name = "db-creds"
api_key_header = "X-API-Key"
password_field = "password"
key = "id"

@dataclass
class Creds:
    access_token: str = "{{rand:40}}"{{expect:generic-secret}}
    refresh_token: str = ""
