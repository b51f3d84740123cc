#!/usr/bin/env bash
# Builds the Flex Consumption deployment package: artifacts/notifications-functions.zip (or <outdir>/...).
#   scripts/publish.sh [outdir]
# Layout (functions-contract.md §1.1): host.json at the root (customHandler: `dotnet Notifications.Functions.dll`),
# the framework-dependent app next to it, one <FunctionName>/function.json per function, no local.settings.json.
# Unix mode bits are kept in the zip (Flex mounts the package read-only, so nothing can be chmod-ed there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${1:-$root/artifacts}"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
zipfile="$outdir/notifications-functions.zip"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

fail() { echo "publish.sh: $*" >&2; exit 1; }

echo "==> dotnet publish (Release, framework-dependent) -> $staging"
# UseAppHost=false: no native launcher in the package; the host starts the app through `dotnet` (docs/adr/0001).
dotnet publish "$root/src/Notifications.Functions" -c Release -o "$staging" --nologo -v quiet \
  --self-contained false -p:UseAppHost=false -nodeReuse:false \
  || fail "dotnet publish failed."

echo "==> host.json"
[[ -f "$root/host.json" ]] || fail "host.json is missing at the repository root ($root/host.json); it comes with the hosting work (issue: custom handler hosting)."
cp "$root/host.json" "$staging/host.json"
rm -f "$staging/local.settings.json"

echo "==> emit-functions"
# The verb writes <staging>/<FunctionName>/function.json from the C# catalogue. Without it the app would start its
# web host instead, hence the timeout.
if ! timeout 120 dotnet "$staging/Notifications.Functions.dll" emit-functions "$staging"; then
  fail "'dotnet Notifications.Functions.dll emit-functions <dir>' failed or did not exit; it needs the hosting work (FunctionJsonWriter) merged."
fi
shopt -s nullglob
emitted=("$staging"/*/function.json)
shopt -u nullglob
(( ${#emitted[@]} > 0 )) || fail "emit-functions wrote no <FunctionName>/function.json under $staging."
echo "    ${#emitted[@]} function(s)"

# Readable by any user: the Flex worker need not run as the user that built the package (UNCONFIRMED which it is).
chmod -R u+rwX,go+rX,go-w "$staging"

echo "==> zip -> $zipfile"
rm -f "$zipfile"
if command -v zip >/dev/null 2>&1; then
  # -X leaves out uid/gid and extra timestamps; the Unix mode bits still go into each entry's external attributes.
  (cd "$staging" && zip -q -X -r "$zipfile" .)
else
  # No zip binary: Python's zipfile, writing the mode bits into ZipInfo.external_attr explicitly.
  python3 - "$staging" "$zipfile" <<'PY'
import os, stat, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, src))
            info.external_attr = (stat.S_IMODE(os.stat(path).st_mode) | stat.S_IFREG) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
fi
echo "==> done: $zipfile"
