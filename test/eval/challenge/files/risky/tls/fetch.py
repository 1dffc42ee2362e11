import ssl
import requests
import urllib3

r = requests.get("https://internal.acme-corp.io/health", verify=False){{expect:tls-verify-disabled}}
ctx = ssl._create_unverified_context(){{expect:tls-verify-disabled}}
session = requests.Session()
session.verify = False{{expect:tls-verify-disabled}}
ok = requests.get("https://example.com", verify=True)
ctx2 = ssl.create_default_context()
ctx2.check_hostname = False{{expect:tls-verify-disabled}}
ctx2.verify_mode = ssl.CERT_NONE{{expect:tls-verify-disabled}}
