#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests when it is missing (Playwright's own browser download
# cannot work here: the tests drive /usr/bin/chromium through playwright-core). Fails loudly when it cannot.
set -euo pipefail
browser=/usr/bin/chromium
[[ -x "$browser" ]] && exit 0
echo "chromium is missing: installing it with apt-get (the dashboard's browser tests need $browser)..."
command -v apt-get >/dev/null || { echo "Cannot install chromium: apt-get is not available. Install chromium so that $browser exists." >&2; exit 1; }
sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; }; then
  echo "Installing chromium with apt-get failed; the browser tests cannot run without $browser." >&2
  exit 1
fi
[[ -x "$browser" ]] || { echo "apt-get installed chromium but $browser is not there." >&2; exit 1; }
echo "Installed $("$browser" --version 2>/dev/null || echo chromium)."
