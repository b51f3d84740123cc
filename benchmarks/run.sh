#!/usr/bin/env bash
# End-to-end fan-out benchmark on local Azurite and maildev (started by the benchmark itself).
# Usage: bash benchmarks/run.sh [N ...]   (default: 10000). Writes benchmarks/results/<date>-<machine>.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet run -c Release --project benchmarks/Notifications.Benchmarks -- "$@"
