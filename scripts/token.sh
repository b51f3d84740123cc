#!/usr/bin/env bash
# Prints a locally signed bearer token for a role: PrivacyOfficer, Approver or Auditor (valid 12 hours).
# Uses Auth__SigningKey from local.settings.json; in Azure, tokens come from Entra ID instead.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f local.settings.json ]] || cp local.settings.sample.json local.settings.json
app=src/Notifications.LocalRuntime/bin/Release/net10.0/Notifications.LocalRuntime.dll
[[ -f "$app" ]] || dotnet build src/Notifications.LocalRuntime -c Release -nologo -clp:ErrorsOnly -v:q >&2
exec dotnet "$app" token "${1:?usage: scripts/token.sh PrivacyOfficer|Approver|Auditor}" "${@:2}"
