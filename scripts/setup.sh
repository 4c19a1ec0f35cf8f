#!/usr/bin/env bash
# Sets up everything aktindsigt needs on a Debian-like machine:
#   1. system packages (Tesseract with Danish data, LibreOffice headless, Xvfb,
#      PostgreSQL for the team-store tests, Qt runtime libraries) - installed
#      with apt-get when missing and we are root, otherwise a clear instruction;
#   2. a virtual environment in .venv with the project installed (editable, dev extras).
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

SYSTEM_PACKAGES=(
  tesseract-ocr tesseract-ocr-dan      # OCR of scanned pages, in Danish
  libreoffice-writer-nogui             # DOCX -> PDF with faithful layout
  libreoffice-calc-nogui               # XLSX/ODS -> PDF
  libreoffice-impress-nogui            # PPTX/ODP -> PDF
  python3-uno                          # one LibreOffice kept running per import (ingest/office_server.py)
  xvfb                                 # virtual screen for screenshots / GUI runs
  postgresql                           # shared team store (tests start a throwaway server)
  poppler-utils                        # pdftoppm, for looking at generated PDFs
  unzip                                # zip members packed with Deflate64 or implode (ingest/archive.py)
  fonts-dejavu-core                    # a font with Danish glyphs for rendering
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1   # Qt runtime
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${SYSTEM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
fi
# python3-venv is needed on Debian's own Python
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these system packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root:  sudo apt-get install ${missing[*]}" >&2
    echo "setup: continuing; OCR, DOCX conversion or GUI screenshots may not work until then." >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.aktindsigt-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages (this takes a few minutes the first time)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[dev]'
  touch "$stamp"
fi
# The NER model's word-list features (ordinary Danish words, names, places) are read from
# installed packages and cached per user; building the cache takes a few seconds, so do it here
# rather than on the app's first start.
"$VENV/bin/python" -c "from aktindsigt.nlp.features import warm_caches; warm_caches()" \
  || echo "setup: warning: could not prepare the NER word-list cache (the app builds it on first use)"
echo "setup: ready"
