#!/usr/bin/env bash
# Runs the whole test suite (after scripts/setup.sh). Qt runs offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export QT_QPA_PLATFORM=offscreen
export AKTINDSIGT_TEST=1
exec "$VENV/bin/python" -m pytest "$@"
