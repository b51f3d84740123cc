#!/usr/bin/env bash
# The notification run benchmark: the app (local runtime, over HTTP, the run on Durable) on its own Azurite and maildev,
# next to the raw limits. Usage: bash benchmarks/run.sh [N ...] [--batches=B] [--concurrency=C] [--chunk=K] [--label=L]
# [--only=sim,smtp,raw]   (default N: 10000). Writes benchmarks/results/<date>-<machine>[-L].md. Unattended.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
# Builds the benchmark and what it starts (src/Notifications.LocalRuntime with the Functions app) in Release.
dotnet build benchmarks/Notifications.Benchmarks -c Release -nologo -clp:ErrorsOnly
dotnet run -c Release --no-build --project benchmarks/Notifications.Benchmarks -- "$@"
