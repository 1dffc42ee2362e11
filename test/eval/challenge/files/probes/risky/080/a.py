async with session.get(url, ssl=False) as r:{{expect:tls-verify-disabled}}
