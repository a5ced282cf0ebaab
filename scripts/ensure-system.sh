#!/usr/bin/env bash
# The system packages the tests use, installed when missing (idempotent, quick when all are there):
# Chromium for the end-to-end tests, CJK fonts for their screenshots and the bulletin renders,
# Debian's openpyxl and xlsxwriter and LibreOffice for the real writers' files, poppler for PNGs.
# `npm test` runs this first, so the README's one test command brings what it needs.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# (grep without -q: with pipefail, -q's early exit could fail fc-list with SIGPIPE.)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || need+=(python3-openpyxl)
/usr/bin/python3 -c "import xlsxwriter" >/dev/null 2>&1 || need+=(python3-xlsxwriter)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system: missing ${need[*]}; install them with your package manager (Debian: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "ensure-system: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
