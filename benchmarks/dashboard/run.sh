#!/usr/bin/env bash
# The dashboard's register benchmark: starts its own Azurite (in memory), maildev and the app (the local runtime, Release) on
# free loopback ports, reports 1,000 incidents through the API, and times the register in Debian's chromium
# (register.mjs). Writes benchmarks/results/<date>-<machine>-dashboard.md. Not run by the tests.
# Usage: bash benchmarks/dashboard/run.sh [--incidents=N] [--runs=R]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bash scripts/ensure-node-deps.sh >/dev/null
bash scripts/ensure-browser.sh
dotnet build src/Notifications.LocalRuntime -c Release -nologo -clp:ErrorsOnly -v:q

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob=$(free_port); queue=$(free_port); table=$(free_port); smtp=$(free_port); web=$(free_port); app=$(free_port)
logs=$(mktemp -d -t dashboard-bench-XXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

node node_modules/azurite/dist/src/azurite.js --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  > "$logs/azurite.log" 2>&1 &
pids+=($!)
node node_modules/maildev/bin/maildev --silent --ip 127.0.0.1 --smtp "$smtp" --web "$web" > "$logs/maildev.log" 2>&1 &
pids+=($!)

wait_for() { # name port
  for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0; sleep 0.2; done
  echo "$1 did not start on port $2; see $logs." >&2; exit 1
}
wait_for Azurite "$table"; wait_for maildev "$smtp"

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
appdir="$root/src/Notifications.LocalRuntime/bin/Release/net10.0"
(cd "$appdir" && exec env \
  AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;" \
  Storage__NamePrefix=bench Mail__Host=127.0.0.1 Mail__Port="$smtp" Mail__Security=None Mail__From=privacy-notices@example.test \
  PrivacyOffice__Email=privacy.office@example.test PrivacyOffice__Phone=250-555-0142 PrivacyOffice__BaseUrl="http://127.0.0.1:$app" \
  Commissioner__Email=commissioner@example.test Links__SigningKey=benchmark-links-signing-key-0123456789abcdef \
  Auth__SigningKey=benchmark-only-signing-key-0123456789abcdef0123456789 ASPNETCORE_URLS="http://127.0.0.1:$app" \
  dotnet Notifications.LocalRuntime.dll > "$logs/app.log" 2>&1) &
pids+=($!)
wait_for "The app" "$app"

mkdir -p benchmarks/results
out="benchmarks/results/$(date -u +%F)-$(hostname | tr '[:upper:]' '[:lower:]')-dashboard.md"
node benchmarks/dashboard/register.mjs "http://127.0.0.1:$app/" --out="$out" "$@"
