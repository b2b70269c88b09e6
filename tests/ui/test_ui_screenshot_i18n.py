"""``--screenshot`` for every step, the command line's error path, and the English translation."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from wcif_desktop.ui.pages import STEP_PAGES

pytestmark = pytest.mark.gui


def _distinct_colours(img: QImage, step: int = 7) -> int:
    return len({img.pixel(x, y) for x in range(0, img.width(), step) for y in range(0, img.height(), step)})


def test_screenshot_of_every_step(qapp, sample_path, workdir):
    from wcif_desktop.ui.app import SCREENSHOT_SIZE, run_gui

    seen = set()
    for page in STEP_PAGES:
        out = workdir / f"截图 {page.key}.png"
        args = SimpleNamespace(path=str(sample_path), screenshot=str(out), step=page.title, lang="zh")
        assert run_gui(args) == 0
        img = QImage(str(out))
        assert not img.isNull() and (img.width(), img.height()) == SCREENSHOT_SIZE
        assert _distinct_colours(img) > 8, f"{page.key}: the picture is (nearly) blank"
        seen.add(bytes(img.constBits()))
    assert len(seen) == len(STEP_PAGES)  # each step shows something different


def test_screenshot_errors(qapp, workdir, capsys):
    from wcif_desktop.ui.app import run_gui

    args = SimpleNamespace(path=str(workdir / "缺少.wcif"), screenshot=str(workdir / "x.png"), step=None, lang="zh")
    assert run_gui(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "找不到评价文件" in err[0]
    assert not (workdir / "x.png").exists()


def test_screenshot_unknown_step(qapp, sample_path, workdir, capsys):
    from wcif_desktop.ui.app import run_gui

    args = SimpleNamespace(path=str(sample_path), screenshot=str(workdir / "x.png"), step="不存在", lang="zh")
    assert run_gui(args) == 2
    assert "未知的步骤" in capsys.readouterr().err


@pytest.mark.slow
def test_screenshot_command_line(sample_path, workdir):
    out = workdir / "命令行 截图.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-m", "wcif_desktop", str(sample_path), "--screenshot", str(out),
                        "--step", "指标评分"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert not img.isNull() and _distinct_colours(img) > 8
    bad = subprocess.run([sys.executable, "-m", "wcif_desktop", str(workdir / "无.wcif"), "--screenshot",
                          str(out)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert bad.returncode != 0 and "找不到评价文件" in bad.stderr


def test_english_translation(qapp, qtbot, sample_path, messages):
    from wcif_desktop.ui.i18n import install_translators, qm_path
    from wcif_desktop.ui.mainwindow import MainWindow

    assert qm_path("en").is_file()
    try:
        assert install_translators(qapp, "en")
        win = MainWindow()
        qtbot.addWidget(win)
        win.load(sample_path)
        titles = [win.step_list.item(i).text() for i in range(win.step_list.count())]
        assert titles[3] == "Scoring\nDone" and titles[5] == "Report\nNot started"
        page = win.page("scoring")
        assert page.total_label.text() == "Total score 82.33, grade good"  # grade names are translated too
        assert page.model.headerData(page.model.SCORE, Qt.Orientation.Horizontal) == "Score"
        assert win.menuBar().actions()[0].text() == "&File"
        win.close()
    finally:
        install_translators(qapp, "zh")


def test_chinese_loads_qt_own_translations(qapp):
    from PySide6.QtCore import QCoreApplication

    from wcif_desktop.ui.i18n import install_translators

    loaded = install_translators(qapp, "zh")
    if not loaded:
        pytest.skip("Qt's own zh_CN translations are not installed with this Qt")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.slow
def test_startup_keeps_heavy_imports_out(sample_path):
    """Opening the main window on the sample loads neither pandas, reportlab nor pyHanko."""
    code = (
        "import sys; from types import SimpleNamespace as N\n"
        "from wcif_desktop.ui.app import application; from wcif_desktop.ui.mainwindow import MainWindow\n"
        "app = application(); w = MainWindow(); w.load(sys.argv[1]); w.show(); app.processEvents()\n"
        "print(','.join(m for m in ('pandas', 'reportlab', 'pyhanko', 'openpyxl') if m in sys.modules))\n"
        "w.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", code, str(sample_path)], capture_output=True, text=True,
                       encoding="utf-8", env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_every_ui_string_has_an_english_translation(workdir):
    """pyside6-lupdate over wcif_desktop/ui finds no text that the committed wcif_en.ts lacks or leaves open."""
    import shutil
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from wcif_desktop.paths import resource

    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not on PATH")
    ui = Path(__file__).resolve().parents[2] / "wcif_desktop" / "ui"
    # The main window and the step pages; modules other developers add under ui/ join this list when translated.
    files = [ui / f"{m}.py" for m in ("app", "context", "errors", "i18n", "mainwindow", "models", "settings",
                                       "workers")] + sorted((ui / "pages").glob("*.py"))
    fresh = workdir / "fresh.ts"
    subprocess.run([lupdate, *map(str, files), "-source-language", "zh_CN",
                    "-target-language", "en", "-ts", str(fresh)], check=True, capture_output=True, timeout=120)

    def messages(path, translated_only=False):
        out = set()
        for ctx in ET.parse(path).getroot().iter("context"):
            name = ctx.findtext("name")
            for m in ctx.iter("message"):
                tr = m.find("translation")
                if translated_only and (tr is None or tr.get("type") in ("unfinished", "obsolete") or not tr.text):
                    continue
                out.add((name, m.findtext("source")))
        return out

    found = messages(fresh)
    assert len(found) > 150
    missing = found - messages(resource("i18n", "wcif_en.ts"), translated_only=True)
    assert not missing, f"untranslated UI texts (run python3 -m wcif_desktop.ui.i18n and translate): {missing}"
