#!/usr/bin/env bash
# Runs every test Keyguard has, from a fresh clone: installs what is missing (npm packages, then Node 24,
# code-server and Chromium into .vscode-test/ via scripts/vscode/install-host.sh), builds, runs the unit
# tests, packages the .vsix, runs the integration suite inside a real VS Code and the UI smoke test against
# the installed .vsix. Ends with one line `N passed, N failed` totalled over all suites; exits non-zero on
# any failure, including a suite or build step that could not run at all.
# Safe with CI=true, no stdin, as root. `npm test` runs this.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec </dev/null

RESULTS="$ROOT/test-results"
LOGS="$RESULTS/logs"
mkdir -p "$LOGS"
export FORCE_COLOR=0 NO_COLOR=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
START=$SECONDS

note() { echo "[test-all] $*"; }

# record NAME PASSED FAILED: adds one suite's (or step's) counts to the totals.
record() {
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  SUMMARY+=("$(printf '%-12s %4d passed, %4d failed' "$1" "$2" "$3")")
}

# step NAME COMMAND...: a build step; it counts as one failure when it fails, and as nothing when it works.
step() {
  local name="$1" began=$SECONDS
  shift
  note "== $name: $*"
  if "$@" >"$LOGS/$name.log" 2>&1; then
    note "$name ok ($((SECONDS - began)) s)"
    return 0
  fi
  tail -n 40 "$LOGS/$name.log"
  note "$name FAILED ($((SECONDS - began)) s); full log: ${LOGS#"$ROOT"/}/$name.log"
  record "$name" 0 1
  return 1
}

# suite NAME PATTERN_LINE_PREFIX TIMEOUT_SECONDS COMMAND...: runs a test suite, shows its output, and reads
# its counts from its last `PREFIX: N passed, N failed` line; a suite that prints none counts as one failure.
suite() {
  local name="$1" prefix="$2" limit="$3" began=$SECONDS
  shift 3
  note "== $name: $*"
  timeout --kill-after=30 "$limit" "$@" 2>&1 | tee "$LOGS/$name.log"
  local status=${PIPESTATUS[0]}
  local line
  line="$(grep -E "^${prefix}: [0-9]+ passed, [0-9]+ failed" "$LOGS/$name.log" | tail -n 1)"
  if [[ -z "$line" ]]; then
    note "$name printed no result (exit $status)"
    record "$name" 0 1
    return
  fi
  local passed failed
  passed="$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")"
  failed="$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")"
  # A non-zero exit with no counted failure (crash after reporting, timeout) is still a failure.
  if [[ "$status" != 0 && "$failed" == 0 ]]; then failed=1; fi
  note "$name: $passed passed, $failed failed ($((SECONDS - began)) s)"
  record "$name" "$passed" "$failed"
}

if [[ ! -d node_modules ]]; then
  if ! step npm-ci npm ci; then
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

HOST_OK=1
step install-host bash scripts/vscode/install-host.sh || HOST_OK=0
step tsc npx tsc -p .
BUNDLE_OK=1
step esbuild node esbuild.js || BUNDLE_OK=0

# Unit tests: mocha's spec output, with the counts read from its epilogue.
note "== unit: mocha --config test/unit/.mocharc.json"
began=$SECONDS
timeout --kill-after=30 1200 npx mocha --config test/unit/.mocharc.json --reporter spec --no-color 2>&1 | tee "$LOGS/unit.log"
unit_status=${PIPESTATUS[0]}
unit_passed="$(grep -E '^ *[0-9]+ passing' "$LOGS/unit.log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1)"
unit_failed="$(grep -E '^ *[0-9]+ failing' "$LOGS/unit.log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1)"
unit_passed="${unit_passed:-0}"
unit_failed="${unit_failed:-0}"
if [[ "$unit_status" != 0 && "$unit_failed" == 0 ]]; then unit_failed=1; fi
if [[ "$unit_passed" == 0 && "$unit_failed" == 0 ]]; then
  note "unit: no test ran"
  unit_failed=1
fi
note "unit: $unit_passed passed, $unit_failed failed ($((SECONDS - began)) s)"
record unit "$unit_passed" "$unit_failed"

VERSION="$(node -p "require('./package.json').version")"
VSIX="keyguard-$VERSION.vsix"
rm -f "$VSIX"
PACKAGE_OK=1
if step package npm run -s package; then
  size=$(stat -c %s "$VSIX")
  note "$VSIX: $((size / 1024)) KB"
  if ((size > 250 * 1024)); then
    note "$VSIX is larger than 250 KB: check .vscodeignore"
    record vsix-size 0 1
  fi
else
  PACKAGE_OK=0
fi

if ((HOST_OK && BUNDLE_OK)); then
  suite integration integration 900 node scripts/vscode/run-integration.js
else
  note "integration: skipped (host install or bundle failed)"
  record integration 0 1
fi

if ((HOST_OK && PACKAGE_OK)); then
  suite ui ui 600 node test/ui/smoke.js
  suite ui-quickfix ui-quickfix 600 node test/ui/quickfix.js
  suite ui-vault ui-vault 600 node test/ui/vault.js
else
  note "ui: skipped (host install or packaging failed)"
  record ui 0 1
fi

note "== summary ($((SECONDS - START)) s)"
for line in "${SUMMARY[@]}"; do note "  $line"; done
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
((TOTAL_FAILED == 0))
