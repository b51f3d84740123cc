#!/usr/bin/env bash
# Puts a Communication Services email delivery report for one person's notice on the local `delivery-reports` queue,
# shaped and encoded as the Event Grid subscription writes it in Azure (plain JSON, one event per message), so the
# bounce path can be watched locally: with `scripts/start.sh` running, the app's ReceiveDeliveryReport picks it up.
#   bash scripts/delivery-report.sh <incidentId> <personId> [Bounced|Delivered|Suppressed|Failed|...] [--cloudevents]
# Defaults to Bounced in the Event Grid schema. Uses local.settings.json (Azurite); prints ids, never the address.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 2 ]] || { echo "usage: scripts/delivery-report.sh <incidentId> <personId> [status] [--cloudevents]" >&2; exit 2; }
[[ -f local.settings.json ]] || cp local.settings.sample.json local.settings.json
app=src/Notifications.LocalRuntime/bin/Release/net10.0/Notifications.LocalRuntime.dll
[[ -f "$app" ]] || dotnet build src/Notifications.LocalRuntime -c Release -nologo -clp:ErrorsOnly -v:q >&2
exec dotnet "$app" delivery-report "$@"
