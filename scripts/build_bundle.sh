#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller: dist/wcif-desktop/wcif-desktop[.exe]
# Usage: bash scripts/build_bundle.sh [DISTPATH]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
PY=${PYTHON:-python3}
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
"$PY" -m pip install -q -e ".[build]"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath build/pyinstaller \
  packaging/wcif_desktop.spec
du -sh "$DIST/wcif-desktop"
