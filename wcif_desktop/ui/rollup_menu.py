"""File ▸ 汇总分析… and 上年评价（历史标准）… (issue 22): the two actions, without importing the dialogs.

The dialogs (:mod:`wcif_desktop.ui.rollup_dialog`) are imported when an action is first used, not at start-up
(issue 21: start to a painted window).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication


def install(window) -> None:
    """Add 汇总分析… and 上年评价（历史标准）… to the window's File menu (before 交换/退出)."""
    file_menu = window.file_menu  # not QAction.menu(): PySide6 < 6.11.3 deletes the menu it returns
    window.act_rollup = file_menu.addAction(QCoreApplication.translate("RollupDialog", "汇总分析(&U)…"))
    window.act_baseline = file_menu.addAction(QCoreApplication.translate("BaselineDialog", "上年评价（历史标准）(&B)…"))
    file_menu.insertAction(window.act_quit, window.act_rollup)
    file_menu.insertAction(window.act_quit, window.act_baseline)
    file_menu.insertSeparator(window.act_quit)

    def open_rollup():
        start = window.ctx.path.parent if window.ctx else Path.home()
        from .rollup_dialog import RollupDialog

        dlg = RollupDialog(window, start)
        dlg.open_requested.connect(lambda p: (window.open_path(p), dlg.raise_()))
        window.rollup_dialog = dlg
        dlg.show()

    def open_baseline():
        if window.ctx is None:
            from .errors import show_user_error

            show_user_error(window, QCoreApplication.translate("BaselineDialog", "请先打开本年度的评价文件。"))
            return
        from .rollup_dialog import BaselineDialog

        dlg = BaselineDialog(window.ctx, window)
        window.baseline_dialog = dlg
        dlg.show()

    window.act_rollup.triggered.connect(open_rollup)
    window.act_baseline.triggered.connect(open_baseline)
