#!/usr/bin/env bash
# Installs what milepost needs from the system to print PDFs (Debian/Ubuntu): Chromium and fonts,
# and qpdf, which packs the printed PDFs a third smaller (optional: without it PDFs are larger).
# Does nothing when a browser is already there (MILEPOST_CHROME, or chromium on PATH).
set -euo pipefail

if [ -n "${MILEPOST_CHROME:-}" ] && [ -x "${MILEPOST_CHROME}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "milepost: no Chromium found and this is not a Debian/Ubuntu system." >&2
  echo "  Install Chrome or Chromium yourself and set MILEPOST_CHROME to its executable." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" chromium qpdf fonts-noto-cjk fonts-noto-color-emoji fonts-liberation
echo "milepost: installed $(chromium --version 2>/dev/null || echo chromium)"
