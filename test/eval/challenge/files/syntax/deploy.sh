#!/usr/bin/env bash
set -euo pipefail
export GITHUB_TOKEN={{fake:github-pat}}{{expect:github-pat}}
export NPM_TOKEN="{{fake:npm-access-token}}"{{expect:npm-access-token}}
HF_TOKEN='{{fake:huggingface-token}}' python train.py{{expect:huggingface-token}}
curl -s -X POST -d "text=deployed" {{fake:slack-webhook-url}}{{expect:slack-webhook-url}}
gh auth login --with-token <<< "{{fake:github-oauth-token}}"{{expect:github-oauth-token}}
DIGEST=sha256:4f1c0c3b8a7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c
export AWS_ACCESS_KEY_ID={{fake:aws-access-key-id}}{{expect:aws-access-key-id}}
export AWS_SECRET_ACCESS_KEY={{fake:aws-secret-access-key}}{{expect:aws-secret-access-key}}
echo "$GITHUB_TOKEN" | docker login ghcr.io -u ci --password-stdin
