#!/usr/bin/env bash
# Installs what the tests need besides Node (Debian/Ubuntu): the web servers the publishing tests
# serve a published share with (Caddy and nginx), LibreOffice Calc, which writes the XLSX corpus's
# second copy (test/e2e/xlsx.test.ts), and LibreOffice Writer and Impress, which open the --office files
# (test/e2e/office.test.ts), and qpdf, which checks the structure of the PDFs milepost packs
# (test/unit/pdf-pack.test.ts). milepost itself never needs them; `npm test` does.
# Calls no apt-get when all are there.
set -euo pipefail

missing=()
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
# Writer and Impress are libraries of the one soffice: each package is there when its library is.
[ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer)
[ -e /usr/lib/libreoffice/program/libsdlo.so ] || missing+=(libreoffice-impress)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "milepost: the tests need caddy, nginx, qpdf and LibreOffice (Calc, Writer, Impress); install ${missing[*]}, then run npm test again." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" "${missing[@]}"
echo "milepost: installed ${missing[*]} for the tests"
