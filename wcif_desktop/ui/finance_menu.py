"""The 数据 menu (基金收支, 导入基金收支表, 手工录入基金收支, 业务数据, 空白模板, 导入绩效目标表, 目标对比) of the main window.

Kept apart from :mod:`.finance_view` so that building the menu at start-up does not import the finance view
and its services; they load when an action is first used.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar


def add_finance_menu(window, menubar: QMenuBar) -> None:
    """Add the 数据 menu (基金收支, 导入基金收支表, 导入绩效目标表, 目标对比) to the main window's menu bar.

    The actions are enabled while an evaluation is open (the window's ``ctx``).
    """
    menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "数据(&D)"))
    state: dict = {}

    def show_finance():
        if window.ctx is None:
            return
        from .finance_view import FinanceWindow

        w = state.get("win")
        if w is None or w.view.ctx is not window.ctx:
            w = FinanceWindow(window.ctx, window)
            state["win"] = w
        w.show()
        w.raise_()

    def import_statement():
        show_finance()
        state["win"].view.import_dialog()

    act_view = QAction(QCoreApplication.translate("MainWindow", "基金收支…"), window)
    act_view.triggered.connect(show_finance)
    act_import = QAction(QCoreApplication.translate("MainWindow", "导入基金收支表…"), window)
    act_import.triggered.connect(import_statement)
    act_targets = QAction(QCoreApplication.translate("MainWindow", "导入绩效目标表…"), window)
    def _import_targets():
        from .finance_view import import_targets

        import_targets(window)

    act_targets.triggered.connect(_import_targets)

    def show_comparison():
        if window.ctx is not None:
            from .finance_view import TargetComparisonDialog

            TargetComparisonDialog(window.ctx, window).exec()

    act_compare = QAction(QCoreApplication.translate("MainWindow", "申报目标与细化目标对比…"), window)
    act_compare.triggered.connect(show_comparison)
    # manual entry of the statement and of the business data, and the blank template (issue 18)
    def enter_statement():
        show_finance()
        state["win"].view.entry_dialog()

    def enter_business():
        show_finance()
        state["win"].view.business_dialog()

    def save_template():
        if window.ctx is not None:
            from .business_entry import save_template as _save

            _save(window.ctx, window)

    act_entry = QAction(QCoreApplication.translate("MainWindow", "手工录入基金收支…"), window)
    act_entry.triggered.connect(enter_statement)
    act_business = QAction(QCoreApplication.translate("MainWindow", "业务数据…"), window)
    act_business.triggered.connect(enter_business)
    act_template = QAction(QCoreApplication.translate("MainWindow", "下载基金收支及业务数据空白模板…"), window)
    act_template.triggered.connect(save_template)
    actions = (act_view, act_import, act_entry, act_business, act_template, act_targets, act_compare)
    for act in actions:
        menu.addAction(act)
        act.setEnabled(window.ctx is not None)
    (window.act_finance, window.act_import_finance, window.act_enter_finance, window.act_business_data,
     window.act_business_template, window.act_import_targets, window.act_compare_targets) = actions
    window.finance_window = lambda: state.get("win")

    def on_opened(_ctx):
        for act in actions:
            act.setEnabled(True)
        old = state.pop("win", None)
        if old is not None:
            old.close()
            old.deleteLater()

    window.opened.connect(on_opened)
