url = "https://api.acme-corp.io/v1?auth_token={{rand:40}}"{{expect:generic-secret}}
