"""The 文档 menu (生成文档, 绩效目标表审核, 问题库, 归档): its actions, without importing the dialogs they open.

The dialogs (:mod:`wcif_desktop.ui.documents_dialog`) are imported when an action is first used, not at start-up
(issue 21: start to a painted window).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu


def _open(window, name: str):
    """Open the dialog class ``name`` of :mod:`~wcif_desktop.ui.documents_dialog` on the open evaluation
    (nothing without one); returns the dialog or None."""
    if window.ctx is None:
        return None
    from PySide6.QtCore import Qt

    from . import documents_dialog

    window.commit_pending()
    dlg = getattr(documents_dialog, name)(window.ctx, window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg


def _archive(window):
    if window.ctx is None:
        return None
    from ..services.evaluation import Changes
    from .documents_dialog import ask_and_archive

    window.commit_pending()
    ctx = window.ctx
    return ask_and_archive(ctx, window, on_done=lambda _r: ctx.changed.emit(
        Changes().add("evaluation").add("lock_event").add("archive_record")))


def install_menu(window) -> None:
    """Add the 文档 menu (生成文档, 绩效目标表审核, 问题库, 归档) to ``window``'s menu bar, before 设置; its
    actions are enabled while an evaluation is open."""
    menu = QMenu(QCoreApplication.translate("MainWindow", "文档(&O)"), window)
    window.act_documents = menu.addAction(QCoreApplication.translate("MainWindow", "生成文档（Word/PDF）…"), lambda: _open(window, "DocumentsDialog"))
    window.act_target_review = menu.addAction(QCoreApplication.translate("MainWindow", "绩效目标表审核…"), lambda: _open(window, "TargetReviewDialog"))
    window.act_finding_library = menu.addAction(QCoreApplication.translate("MainWindow", "问题库…"), lambda: _open(window, "FindingLibraryDialog"))
    menu.addSeparator()
    window.act_archive = menu.addAction(QCoreApplication.translate("MainWindow", "归档…"), lambda: _archive(window))
    actions = (window.act_documents, window.act_target_review, window.act_finding_library, window.act_archive)

    def update():
        for a in actions:
            a.setEnabled(window.ctx is not None)

    menu.aboutToShow.connect(update)
    update()
    bar = window.menuBar()
    # by text only: QAction.menu() hands the menu's ownership to Python in PySide6 < 6.11.3, and the menu it
    # returns (文件, with all its actions) was deleted when that wrapper was collected
    before = next((a for a in bar.actions() if a.text().startswith(("设置", "Settings"))), None)
    if before is not None:
        bar.insertMenu(before, menu)
    else:
        bar.addMenu(menu)
    window.documents_menu = menu
