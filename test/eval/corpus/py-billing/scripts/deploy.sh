#!/usr/bin/env bash
# Deploys the billing service to the staging cluster.
set -euo pipefail

ENVIRONMENT="${1:-staging}"
IMAGE_TAG="${IMAGE_TAG:-$(git rev-parse --short HEAD)}"
REGISTRY="registry.example.com/billing"

echo "Deploying ${REGISTRY}:${IMAGE_TAG} to ${ENVIRONMENT}"

# Fetch the signing key list (the artifact server still has an internal CA).
curl -sSfL -k https://artifacts.internal.example.com/keys/release.asc -o /tmp/release.asc{{expect:tls-verify-disabled}}

curl -sSf -X POST "https://deploy.example.com/api/v1/releases" \
  -H "Content-Type: application/json" \
  -H "Authorization: Bearer ${DEPLOY_TOKEN}" \
  -d "{\"service\": \"billing\", \"tag\": \"${IMAGE_TAG}\", \"env\": \"${ENVIRONMENT}\"}"

# Notify the release channel.
curl -sS -X POST -H 'Content-type: application/json' \
  --data "{\"text\": \"billing ${IMAGE_TAG} deployed to ${ENVIRONMENT}\"}" \
  "{{fake:slack-webhook-url}}"{{expect:slack-webhook-url}}

kubectl --context "${ENVIRONMENT}" -n billing set image deployment/billing api="${REGISTRY}:${IMAGE_TAG}"
kubectl --context "${ENVIRONMENT}" -n billing rollout status deployment/billing --timeout=180s
