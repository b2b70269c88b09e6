"""Issue 20, desktop conventions: status bar, tooltips, mnemonics, Ctrl+C / Ctrl+P, drag and drop, Qt's own
translations, busy cursor, faulthandler, and the Help menu."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from wcif_desktop.services import review as rsvc

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_status_bar_shows_file_lock_save_state_and_tasks(window):
    from wcif_desktop.ui.desktop import task_monitor

    bar = window.statusBar()
    assert bar is window.status
    assert window.status.file_label.text() == str(window.ctx.path)
    assert window.status.lock_label.text() == "未锁定"
    assert window.status.save_label.text() == "已保存"
    page = window.show_step("team")
    page.fields["region"].setText("包头市")
    page.fields["region"].commit()
    assert re.fullmatch(r"已保存 \d\d:\d\d:\d\d", window.status.save_label.text())
    mon = task_monitor()
    mon.begin("导出评价")
    assert window.status.task_bar.isVisible() and window.status.task_label.text() == "导出评价"
    mon.progressed.emit(3, 10, "")
    assert window.status.task_bar.value() == 3
    mon.end()
    assert not window.status.task_bar.isVisible()


def test_tool_buttons_have_tooltips(window):
    missing = []
    for page in window.pages:
        for b in page.findChildren(QToolButton):
            if b.text() and not b.toolTip():
                missing.append(f"{page.key}: {b.text()}")
    assert not missing, missing


def _mnemonic_clashes(window) -> list[str]:
    def letters(actions):
        seen, clashes = {}, []
        for a in actions:
            m = re.search(r"&([^&\s])", a.text().replace("&&", ""))
            if m:
                k = m.group(1).lower()
                if k in seen:
                    clashes.append(f"{seen[k]!r} / {a.text()!r}: &{k}")
                seen[k] = a.text()
        return clashes

    out = letters(window.menuBar().actions())
    for menu in window.findChildren(QMenu):
        out += [f"{menu.title()}: {c}" for c in letters(menu.actions())]
    return out


def test_menu_mnemonics_are_unique(window):
    assert not _mnemonic_clashes(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "文档(&O)" in titles and "数据(&D)" in titles


def test_menu_mnemonics_are_unique_in_english(qtbot, sample_path, messages):
    from wcif_desktop.ui import i18n
    from wcif_desktop.ui.mainwindow import MainWindow

    app = QApplication.instance()
    i18n.install_translators(app, "en")
    try:
        win = MainWindow(remember=False)
        qtbot.addWidget(win)
        win.load(sample_path)
        assert "&File" in [a.text() for a in win.menuBar().actions()]
        assert not _mnemonic_clashes(win)
        win.close()
    finally:
        for t in i18n._installed:
            app.removeTranslator(t)
        i18n._installed.clear()
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def test_ctrl_c_copies_selected_rows_as_tab_separated_text(window, qtbot):
    rsvc.add_request_list_from_template(window.ctx.ef)
    page = window.show_step("review")
    panel = page.review_tabs.requests
    panel.model.reload()
    view = panel.view
    view.selectRow(1)
    view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().split("\n")
    second = panel.model.record(1)
    assert len(lines) == 1
    cells = lines[0].split("\t")
    assert cells[:3] == [second.code, second.category, second.title] and len(cells) == 8


def test_ctrl_c_in_the_indicator_tree(window, qtbot):
    page = window.show_step("scoring")
    idx = page.model.find("1.2.1")
    page.tree.setCurrentIndex(idx)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().split("\t")[:4] == ["1.2.1", "绩效目标合理性", "3.00", "1.00"]


def test_ctrl_p_prints_the_table_or_the_report(window, monkeypatch):
    from wcif_desktop.ui import desktop

    printed = []
    monkeypatch.setattr(desktop, "print_html", lambda html, title, parent=None: printed.append((title, html)) or True)
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    window.show_step("targets")
    window.act_print.trigger()
    assert printed and printed[-1][0] == "绩效目标" and "工伤保险待遇核发准确率" in printed[-1][1]
    report = window.show_step("report")
    calls = []
    monkeypatch.setattr(report, "print_last", lambda: calls.append(1) or True)
    window.act_print.trigger()
    assert calls == [1]


_KEEP: list = []  # the event points at the mime data: keep it alive while the event is handled


def _drop(target, paths, pos=QPointF(5, 5)):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _KEEP.append(mime)
    return QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_dropping_a_wcif_on_the_window_opens_it(window, sample_path, workdir):
    import shutil

    other = workdir / "拖入 的评价.wcif"
    shutil.copy2(sample_path, other)
    window.dropEvent(_drop(window, [other]))
    assert window.ctx.path == other


# dropping files on a request attaches them: tests/review/test_review_ui.py::test_drop_files_on_a_row_attaches_off_the_ui_thread


def test_qt_standard_dialogs_are_chinese(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from wcif_desktop.ui import i18n

    try:
        loaded = i18n.install_translators(qapp, "zh")
        assert "qtbase_zh_CN" in loaded
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for t in i18n._installed:
            qapp.removeTranslator(t)
        i18n._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def test_busy_cursor_while_the_print_preview_renders(qapp, monkeypatch):
    from wcif_desktop.ui import report_preview

    shapes = []
    monkeypatch.setattr(report_preview, "print_pdf", lambda pages, printer: shapes.append(
        QApplication.overrideCursor().shape() if QApplication.overrideCursor() else None) or 1)
    report_preview._print_busy(None, None)
    assert shapes == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None


def test_faulthandler_writes_native_crashes_to_the_log(tmp_path):
    log = tmp_path / "日志 logs" / "wcif-desktop.log"
    code = ("import sys, faulthandler; from pathlib import Path; "
            "from wcif_desktop.ui.desktop import enable_faulthandler; "
            "enable_faulthandler(Path(sys.argv[1])); faulthandler._sigsegv()")
    run = subprocess.run([sys.executable, "-c", code, str(log)], cwd=ROOT, capture_output=True, timeout=120)
    assert run.returncode != 0
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error" in text and "Segmentation fault" in text


def test_help_menu_guide_log_folder_and_licences(window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    titles = [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
    assert titles[:3] == ["用户指南(&G)", "打开日志文件夹(&L)", "许可(&I)…"]
    window.act_guide.trigger()
    assert "用户指南" in window._help.browser.toPlainText() and "Ctrl+C" in window._help.browser.toPlainText()
    window.act_licences.trigger()
    text = window._licences.browser.toPlainText()
    for needle in ("LGPL-3.0", "Replacing the Qt libraries", "docxtpl", "LGPL-2.1", "ReportLab", "pyHanko",
                   "pypdfium2", "Arphic Public License", "Change notice", "Droid Sans Fallback"):
        assert needle in text, needle
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    assert window.open_log_folder()
    assert opened and Path(opened[0].toLocalFile()).name == "logs"


def test_user_guide_in_docs_is_the_one_the_app_shows():
    from wcif_desktop.paths import resource

    assert (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8") == \
        resource("user-guide.md").read_text(encoding="utf-8")
