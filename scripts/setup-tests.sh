#!/usr/bin/env bash
# Installs the web servers the publishing tests serve a published share with (Debian/Ubuntu):
# Caddy and nginx. milepost itself never needs them; `npm test` does. Calls no apt-get when both are there.
set -euo pipefail

missing=()
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "milepost: the publishing tests need caddy and nginx; install ${missing[*]}, then run npm test again." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" "${missing[@]}"
echo "milepost: installed ${missing[*]} for the publishing tests"
