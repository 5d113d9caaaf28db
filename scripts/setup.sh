#!/usr/bin/env bash
# Installs what milepost needs from the system to print PDFs (Debian/Ubuntu): Chromium and fonts, and
# poppler-utils, whose pdftoppm draws the pages of --contact-sheets (optional: only that flag needs it).
# Does nothing when a browser is pointed at (MILEPOST_CHROME), and calls no apt-get when all is there.
set -euo pipefail

if [ -n "${MILEPOST_CHROME:-}" ] && [ -x "${MILEPOST_CHROME}" ]; then exit 0; fi

# Each check reads a whole answer into a variable: no pipeline that a reader closing early can fail.
has_font() { [ -n "$(fc-list ":family=$1" family 2>/dev/null || true)" ]; }
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
has_font "Noto Sans CJK JP" || missing+=(fonts-noto-cjk)
has_font "Noto Color Emoji" || missing+=(fonts-noto-color-emoji)
has_font "Liberation Sans" || missing+=(fonts-liberation)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "milepost: missing ${missing[*]}, and this is not a Debian/Ubuntu system." >&2
  echo "  Install Chrome or Chromium yourself and set MILEPOST_CHROME to its executable." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" "${missing[@]}"
echo "milepost: installed ${missing[*]}"
