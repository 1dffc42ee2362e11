#!/bin/sh
curl -H "Authorization: Bearer {{fake:jwt}}" https://api.acme-corp.io/v1/me{{expect:jwt}}
TOKEN=$(curl -s https://auth.acme-corp.io/token | jq -r .access_token)
curl -H "Authorization: Bearer ${TOKEN}" https://api.acme-corp.io/v1/me
