client = httpx.Client(verify=False){{expect:tls-verify-disabled}}
