#!/usr/bin/env bash
# Set up a virtual environment, write the bundled sample evaluation and open it in the app.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
mkdir -p out
[ -f "out/呼和浩特 2021.wcif" ] || .venv/bin/wcif-desktop sample "out/呼和浩特 2021.wcif"
exec .venv/bin/wcif-desktop "out/呼和浩特 2021.wcif"
