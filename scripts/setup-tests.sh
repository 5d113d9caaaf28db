#!/usr/bin/env bash
# Installs what the tests need besides Node (Debian/Ubuntu): the web servers the publishing tests
# serve a published share with (Caddy and nginx), and LibreOffice Calc, which writes the XLSX
# corpus's second copy (test/xlsx.test.ts). milepost itself never needs them; `npm test` does.
# Does nothing when all are there.
set -euo pipefail

if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  bash "$(dirname "$0")/apt-install.sh" libreoffice-calc
  echo "milepost: installed LibreOffice Calc for the XLSX corpus tests"
fi
if command -v caddy >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "milepost: the publishing tests need caddy and nginx; install both, then run npm test again." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" caddy nginx
echo "milepost: installed caddy and nginx for the publishing tests"
