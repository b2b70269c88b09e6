"""Issue 20: the window fits a 1366×768 laptop (taskbar 40 px at 100 %, 48 px at 125 %) and every step's main
table has room for at least 12 rows, in Chinese and English, at 100 % and 125 % scaling (QT_SCALE_FACTOR).
Each run renders every step to a PNG (kept under the test's tmp folder; look at them after a layout change)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]

# (scale, screen height left by the taskbar in physical pixels)
SCREENS = {"100": (1.0, 768 - 40), "125": (1.25, 768 - 48)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scale", sorted(SCREENS))
def test_every_step_fits_1366x768(tmp_path, lang, scale):
    factor, height = SCREENS[scale]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(factor))
    out = tmp_path / f"截图 {scale}"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_screens.py"), str(out), "--lang", lang],
                         cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    from wcif_desktop.ui.mainwindow import FRAME_ALLOWANCE

    avail_w, avail_h = result["available"]
    assert (avail_w, avail_h) == (round(1366 / factor), round(height / factor))
    w, h = result["window"]
    assert h + FRAME_ALLOWANCE.height() <= avail_h and w + FRAME_ALLOWANCE.width() <= avail_w, result
    small = {k: n for k, n in result["rows"].items() if n < 12}
    assert not small, f"tables with room for fewer than 12 rows at {scale} % ({lang}): {small}"
    assert set(result["rows"]) >= {"team/team_table", "review/request_table", "targets/targets_refined",
                                   "scoring/indicator_tree"}
    assert result["template_button_on_screen"]
    assert len(result["shots"]) == 6 and all(Path(p).stat().st_size > 10_000 for p in result["shots"])
