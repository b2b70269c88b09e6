#!/usr/bin/env bash
# Set up everything the tests need (system libraries for Qt, a .venv with the app and its test tools), then
# run the whole test suite, slow tests included. Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
export PATH="$PWD/.venv/bin:$PATH"  # pyside6-lupdate/lrelease and the wcif-desktop script of the venv
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
