#!/usr/bin/env bash
# The main job (`npm run demo`): builds Keyguard, packages the .vsix and opens it in a real VS Code on a
# demo workspace full of planted fake secrets. Uses the desktop `code` when installed; otherwise serves the
# cached code-server (installed by scripts/vscode/install-host.sh) and prints the local URL to open.
#   KEYGUARD_DEMO_DIR   where the demo workspace goes (default: /tmp/keyguard-demo; recreated each run)
#   KEYGUARD_DEMO_WEB=1 use code-server even when desktop `code` exists
#   --check             set everything up, verify the server answers, then stop (used by tests)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DEMO_DIR="${KEYGUARD_DEMO_DIR:-${TMPDIR:-/tmp}/keyguard-demo}"
CHECK=()
[[ "${1:-}" == "--check" ]] && CHECK=(--check)

say() { echo "[demo] $*"; }

[[ -d node_modules ]] || npm ci

say "building"
# The type-check may flag work in progress elsewhere; the bundle below is what ships.
npx tsc -p . >/dev/null || say "tsc reported errors (see npm run typecheck); continuing with the bundle"
VERSION="$(node -p "require('./package.json').version")"
VSIX="$ROOT/keyguard-$VERSION.vsix"
say "packaging $(basename "$VSIX")"
npm run -s package >/dev/null

say "creating the demo workspace in $DEMO_DIR"
rm -rf "$DEMO_DIR"
node -e '
const { renderFixtureTree } = require("./scripts/vscode/fixture");
const stats = renderFixtureTree("test/fixtures/demo", process.argv[1], { seed: "demo", log: (l) => console.log("[demo] " + l) });
console.log(`[demo] ${stats.files} files, ${stats.placeholders} fake keys planted`);
if (stats.placeholders === 0) process.exit(1);
' "$DEMO_DIR"

if command -v code >/dev/null 2>&1 && [[ "${KEYGUARD_DEMO_WEB:-}" != 1 && ${#CHECK[@]} == 0 ]]; then
  say "opening desktop VS Code"
  code --install-extension "$VSIX" --force
  code "$DEMO_DIR"
  exit 0
fi

say "no desktop VS Code: serving the demo with code-server"
bash scripts/vscode/install-host.sh
exec node scripts/vscode/demo-server.js --vsix "$VSIX" --workspace "$DEMO_DIR" "${CHECK[@]}"
