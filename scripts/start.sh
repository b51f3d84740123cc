#!/usr/bin/env bash
# Starts the whole system locally: Azurite (Storage), maildev (SMTP sink + web inbox) and the app's functions on the
# local runtime (src/Notifications.LocalRuntime: the Functions host cannot be installed here),
# all on loopback. With --sample it also takes a sample incident through it end to end. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sample=false
[[ "${1:-}" == "--sample" ]] && sample=true

bash scripts/ensure-node-deps.sh
[[ -f local.settings.json ]] || { cp local.settings.sample.json local.settings.json; echo "Created local.settings.json from the sample."; }

for port in 10000 10001 10002 1025 1080 7071; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port on 127.0.0.1 is already in use. Stop whatever listens there (an earlier run?) and try again." >&2
    exit 1
  fi
done

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

mkdir -p .local/azurite .local/logs
node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck --loose \
  --location .local/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  > .local/logs/azurite.log 2>&1 &
pids+=($!)
node node_modules/maildev/bin/maildev --silent --ip 127.0.0.1 --smtp 1025 --web 1080 > .local/logs/maildev.log 2>&1 &
pids+=($!)

wait_for() { # name port
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "$1 did not start on port $2; see .local/logs/." >&2
  exit 1
}
wait_for Azurite 10002
wait_for maildev 1025

echo "Building the app and its local runtime..."
dotnet build src/Notifications.LocalRuntime -c Release -nologo -clp:ErrorsOnly -v:q
app=src/Notifications.LocalRuntime/bin/Release/net10.0/Notifications.LocalRuntime.dll
dotnet "$app" 2>&1 | tee .local/logs/app.log &
pids+=($!)
wait_for "The app" 7071

cat <<INFO

  Breach notification pipeline, running locally
  Dashboard      http://127.0.0.1:7071/      (local sign-in: pick a role)
  API            http://127.0.0.1:7071/api   (e.g. POST /api/incidents, GET /api/incidents/{id}/history)
  Mail inbox     http://127.0.0.1:1080       (every email the app sends lands here)
  Storage        Azurite on 127.0.0.1:10000-10002 (data in .local/azurite)
  Tokens         bash scripts/token.sh PrivacyOfficer   (or Approver, Auditor)
                 curl -H "Authorization: Bearer \$(bash scripts/token.sh Auditor)" http://127.0.0.1:7071/api/incidents/<id>
  Stop           Ctrl+C

INFO

if $sample; then
  echo "Taking a sample incident through the system..."
  (cd "$root" && dotnet "$app" sample http://127.0.0.1:7071/) || echo "The sample incident did not complete; see .local/logs/app.log." >&2
fi

wait "${pids[2]}"
