#!/bin/sh
curl -H "Authorization: Bearer {{fake:openai-project-key}}" https://api.openai.com/v1/models{{expect:openai-project-key}}
curl -H 'Authorization: token {{fake:github-pat}}' https://api.github.com/user{{expect:github-pat}}
curl -H "X-API-Key: {{fake:datadog-api-key}}" https://api.datadoghq.com/api/v1/validate{{expect:datadog-api-key}}
curl -H "Authorization: Bearer {{fake:bearer-token}}" https://internal.acme-corp.io/v1/sync{{expect:bearer-token}}
curl -H "Authorization: Bearer $API_TOKEN" https://internal.acme-corp.io/v1/sync
curl -H "PRIVATE-TOKEN: {{fake:gitlab-pat}}" https://gitlab.com/api/v4/projects{{expect:gitlab-pat}}
curl "https://api.example.com/v1/feed?access_token={{fake:facebook-access-token}}&limit=10"{{expect:facebook-access-token}}
curl -u "api:{{fake:mailgun-api-key}}" https://api.mailgun.net/v3/domains{{expect:mailgun-api-key}}
curl https://{{fake:github-pat}}@github.com/acme/private.git{{expect:github-pat}}
wget --header="Authorization: Bearer {{fake:huggingface-token}}" https://huggingface.co/x/resolve/main/model.bin{{expect:huggingface-token}}
