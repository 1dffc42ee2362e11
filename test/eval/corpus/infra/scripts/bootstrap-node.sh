#!/bin/sh
# Bootstraps a fresh build agent. Idempotent; safe to re-run.
set -eu

AGENT_VERSION="3.241.0"
AGENT_SHA256="6f0f3b6c0f7e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c"
ARCH="$(uname -m)"

log() { printf '[bootstrap] %s\n' "$*"; }

log "installing base packages"
apt-get update -qq
apt-get install -y -qq curl git jq unzip ca-certificates

log "downloading agent ${AGENT_VERSION}"
curl -fsSL "https://agents.example.com/agent-${AGENT_VERSION}-${ARCH}.tar.gz" -o /tmp/agent.tgz
echo "${AGENT_SHA256}  /tmp/agent.tgz" | sha256sum -c -

# The internal mirror still uses the old self-signed certificate.
wget --no-check-certificate -q https://mirror.internal.example.com/tools/tools.tar.gz -O /tmp/tools.tgz{{expect:tls-verify-disabled}}
git config --global http.sslVerify false{{expect:tls-verify-disabled}}

log "registering agent"
/opt/agent/config.sh --unattended \
  --url https://dev.azure.com/acme \
  --auth pat \
  --token "${AZP_TOKEN}" \
  --pool linux-builders

export VAULT_ADDR="https://vault.example.com:8200"
export VAULT_TOKEN="{{fake:vault-service-token}}"{{expect:vault-service-token}}
vault kv get -field=ca secret/build/ca > /usr/local/share/ca-certificates/internal.crt
update-ca-certificates

curl -s -u "admin:{{rand:16:pw}}" https://nexus.example.com/service/rest/v1/status{{expect:generic-password}}
log "done"
