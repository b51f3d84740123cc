#!/usr/bin/env bash
# Runs every test: pure unit tests and integration tests against real Azurite and a real SMTP sink (maildev).
# The integration tests start those services themselves from node_modules, on free loopback ports; the dashboard's
# browser tests drive Debian's chromium (installed with apt-get when missing) through playwright-core.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-deps.sh
bash scripts/ensure-browser.sh   # Debian's chromium, for the dashboard's browser tests
dotnet build Notifications.sln -c Release -nologo -clp:ErrorsOnly
log=$(mktemp)
set +e
dotnet test --solution Notifications.sln -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# Each failed test again at the end, with the first lines of its message, so that a long log's tail names it.
awk '/^ *failed [^:]/ {n=12} n>0 {print; n--}' "$log" | sed 's/^/FAILED> /' | head -200
# One plain closing line over every test assembly, from the platform's summary.
awk '/^ +succeeded: +[0-9]+/ {p=$2} /^ +failed: +[0-9]+/ {f=$2} /^ +skipped: +[0-9]+/ {s=$2}
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
