#!/usr/bin/env bash
# Installs the pinned local services (Azurite, maildev) and the browser-test driver (playwright-core, axe-core) from package-lock.json, once per lockfile change.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "Node.js is required (node 20 or later): https://nodejs.org" >&2; exit 1; }
stamp=node_modules/.lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "Installing Azurite, maildev, playwright-core and axe-core from package-lock.json..."
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
