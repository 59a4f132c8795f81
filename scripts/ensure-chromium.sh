#!/usr/bin/env bash
# The browser tests use Debian's Chromium (never a downloaded browser). Install it when it is missing
# and we may (root with apt-get, as on these machines); otherwise say exactly what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[e2e] $CHROMIUM is missing: installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[e2e] $CHROMIUM is missing. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
