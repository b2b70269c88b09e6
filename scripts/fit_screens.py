"""Screenshots of every step at the window's default size, and how many rows each main table has room for.

Run under the screen to check, e.g. a 1366×768 laptop with a 40 px taskbar at 125 % scaling::

    QT_QPA_PLATFORM="offscreen:configfile=screen.json" QT_SCALE_FACTOR=1.25 \\
        python scripts/fit_screens.py OUT_DIR --lang zh

(``screen.json``: ``{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 728, "logicalDpi": 96}]}``).
Writes ``OUT_DIR/<lang>-<step>.png`` and prints one JSON object: the window and available sizes, the row
capacity of each main table (``step/table``: rows that fit in its viewport), and whether the framework-template
button of the scoring page is on screen. ``tests/ui/test_fit_1366.py`` runs it.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QTableView, QTreeView  # noqa: E402

# step → (tab to show: (attribute of the page holding a QTabWidget, index) or None, object names of main tables)
MAIN_TABLES = {
    "team": (("team_tabs", 1), ("team_table",)),
    "review": (("review_tabs", 0), ("request_table",)),
    "targets": (None, ("targets_declared", "targets_refined")),
    "scoring": (None, ("indicator_tree",)),
    "findings": (None, ()),
    "report": (None, ()),
}


def capacity(view) -> int:
    """Rows that fit in the view's viewport (whether or not the data has that many)."""
    if isinstance(view, QTableView):
        row = view.verticalHeader().defaultSectionSize()
    else:
        first = view.model().index(0, 0)
        row = view.rowHeight(first) if first.isValid() else view.fontMetrics().height() + 4
    return view.viewport().height() // max(row, 1)


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "zh"
    out.mkdir(parents=True, exist_ok=True)
    from wcif_desktop.services import review as rsvc
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.ui.app import application
    from wcif_desktop.ui.i18n import install_translators
    from wcif_desktop.ui.mainwindow import MainWindow
    from wcif_desktop.ui.settings import Settings

    app = application()
    install_translators(app, lang)
    path = out / f"样例 {lang}.wcif"
    if path.exists():
        path.unlink()
    write_sample(path)
    ef = open_file(path)
    rsvc.add_request_list_from_template(ef)  # the 47 requests of the fund template
    ef.close()
    win = MainWindow(Settings(), remember=False)
    win.show()
    win.load(path, "team")
    for _ in range(3):
        app.processEvents()
    screen = win.screen()
    result = {"lang": lang, "scale": screen.devicePixelRatio(),
              "available": [screen.availableGeometry().width(), screen.availableGeometry().height()],
              "window": [win.width(), win.height()], "rows": {}, "shots": []}
    for key, (tab, tables) in MAIN_TABLES.items():
        page = win.show_step(key)
        if tab:
            getattr(page, tab[0]).setCurrentIndex(tab[1])
        for _ in range(3):
            app.processEvents()
        for name in tables:
            view = page.findChild(QTableView, name) or page.findChild(QTreeView, name)
            result["rows"][f"{key}/{name}"] = capacity(view) if view is not None and view.isVisible() else 0
        if key == "scoring":
            b = page.tools.editor.template_button
            pos = b.mapTo(win, b.rect().bottomRight())
            result["template_button_on_screen"] = bool(b.isVisible() and 0 <= pos.y() <= win.height()
                                                       and 0 <= pos.x() <= win.width())
        shot = out / f"{lang}-{key}.png"
        win.grab().save(str(shot), "PNG")
        result["shots"].append(str(shot))
    win.close()
    print(json.dumps(result, ensure_ascii=False))
    shutil.rmtree(out / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
