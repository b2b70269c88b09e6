#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller: DIST/wcif-desktop/wcif-desktop[.exe]
# Usage: bash scripts/build_bundle.sh [DIST]        (default DIST: dist)
#
# On Linux the spec shrinks Qt's ICU data to Chinese and English with icupkg (Debian: icu-devtools), a C compiler
# and readelf (binutils); without them it keeps the full data and warns (the bundle then is ~25 MB larger).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
PY=${PYTHON:-python3}
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
if command -v apt-get >/dev/null 2>&1 && ! { command -v icupkg && command -v cc && command -v readelf; } >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends icu-devtools binutils gcc >/dev/null || \
    echo "warning: icu-devtools/binutils/gcc not installed; the bundle keeps Qt's full ICU data" >&2
fi
"$PY" -m pip install -q -e ".[build]"
# The bundle freezes whatever is installed: refuse to build from an environment that breaks pyproject.toml's
# requirements (e.g. PySide6 6.12.0 on Python 3.11, which aborts the app after a few hundred edits).
"$PY" -m pip check
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath build/pyinstaller \
  packaging/wcif_desktop.spec
"$PY" benchmarks/bench_bundle.py "$DIST/wcif-desktop"
