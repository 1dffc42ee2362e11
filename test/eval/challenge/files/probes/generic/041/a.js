fetch("https://api.acme-corp.io/data?api_key={{rand:40}}&q=1"){{expect:generic-secret}}
