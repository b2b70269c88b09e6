"""The main window: a welcome page when no file is open; otherwise the step list on the left (each step with
its state computed from the data) and the step's page on the right. File menu: 新建, 打开, 另存为, 最近打开, 退出.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.errors import WcifError
from ..services import evaluation as svc
from .context import EvaluationContext
from .errors import show_user_error
from .i18n import LANGUAGES
from .pages import STEP_PAGES, StepPage, StepState, step_index
from .settings import Settings

FILE_FILTER = "WCIF (*.wcif)"
STATE_COLORS = {StepState.NOT_STARTED: "#9e9e9e", StepState.IN_PROGRESS: "#f0a020", StepState.DONE: "#2e7d32"}


def state_icon(state: StepState, size: int = 12, ratio: float = 2.0) -> QIcon:
    """A filled circle in the state's colour, drawn at the screen's pixel ratio so it stays sharp."""
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(STATE_COLORS[state]))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pm)


# What the window manager adds around the client area (title bar and borders; Windows 10/11: about 31 + 8 px at
# 100 %), which ``resize()`` does not include.
FRAME_ALLOWANCE = QSize(16, 40)
PREFERRED_SIZE = QSize(1280, 800)


def default_size(available=None) -> QSize:
    """The first-start window size: the preferred size, shrunk so the window *with its frame* fits the screen's
    available area (``QScreen.availableGeometry()``: without the taskbar). On a 1366×768 laptop (taskbar 40 px)
    that is 1280×688 at 100 % and 1077×536 logical pixels at 125 %."""
    if available is None or available.isEmpty():
        return PREFERRED_SIZE
    return QSize(min(PREFERRED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width()),
                 min(PREFERRED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height()))


def compact_tables(widget: QWidget) -> None:
    """Rows as high as the text needs (Qt 6's default of 30 px per row halves what a 1366×768 screen shows)."""
    from PySide6.QtWidgets import QTableView

    height = widget.fontMetrics().height() + 8
    for view in widget.findChildren(QTableView):
        view.verticalHeader().setDefaultSectionSize(height)
        view.verticalHeader().setMinimumSectionSize(min(height, 18))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("首选项"))
        form = QFormLayout(self)
        self.lang = QComboBox()
        for key, label in LANGUAGES.items():
            self.lang.addItem(label, key)
        self.lang.setCurrentIndex(max(self.lang.findData(settings["ui/language"]), 0))
        self.agency = QLineEdit(settings["defaults/agency"])
        self.signer = QLineEdit(settings["defaults/signer"])
        form.addRow(self.tr("界面语言"), self.lang)
        form.addRow(self.tr("默认评价机构"), self.agency)
        form.addRow(self.tr("默认签名人"), self.signer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> bool:
        """Store the values; returns True when the language changed (takes effect after a restart)."""
        changed = self.lang.currentData() != self.settings["ui/language"]
        self.settings["ui/language"] = self.lang.currentData()
        self.settings["defaults/agency"] = self.agency.text().strip()
        self.settings["defaults/signer"] = self.signer.text().strip()
        return changed


class WelcomePage(QWidget):
    """Shown when no evaluation is open."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("工伤保险基金绩效评价"))
        f = title.font()
        f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 10) * 1.8)
        f.setBold(True)
        title.setFont(f)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        sub = QLabel(self.tr("新建或打开一个评价文件（.wcif）开始工作。"))
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(sub)
        for text, slot in ((self.tr("从样例新建…"), window.new_from_sample),
                           (self.tr("新建空白评价…"), window.new_empty),
                           (self.tr("打开评价文件…"), window.open_dialog)):
            b = QPushButton(text)
            b.setMinimumWidth(240)
            b.clicked.connect(slot)
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        self.recent = QListWidget()
        self.recent.setMinimumWidth(480)
        self.recent.setMaximumWidth(640)
        self.recent.itemActivated.connect(lambda it: window.open_path(it.data(Qt.ItemDataRole.UserRole)))
        self.recent_label = QLabel(self.tr("最近打开"))
        lay.addWidget(self.recent_label, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.recent, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            it = QListWidgetItem(Path(p).name + "  —  " + str(Path(p).parent))
            it.setData(Qt.ItemDataRole.UserRole, p)
            self.recent.addItem(it)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))


class MainWindow(QMainWindow):
    """Signals: ``opened(EvaluationContext)`` after a file was opened."""

    opened = Signal(object)

    def __init__(self, settings: Settings | None = None, *, remember: bool = True):
        super().__init__()
        self.settings = settings or Settings()
        self.remember = remember
        self.ctx: EvaluationContext | None = None
        self._pages: dict[int, StepPage] = {}  # built on first show (keeps start-up fast)
        self.undo_group = QUndoGroup(self)
        self.resize(default_size(self.screen().availableGeometry() if self.screen() else None))
        self.setMinimumSize(QSize(760, 480))

        self.central = QStackedWidget()
        self._welcome: WelcomePage | None = None  # built when shown with no file open (see welcome)
        self.workspace = QSplitter(Qt.Orientation.Horizontal)
        self.step_list = QListWidget()
        self.step_list.setObjectName("step_list")
        self.step_list.setIconSize(QSize(12, 12))
        self.step_list.setSpacing(2)
        self.step_list.setMinimumWidth(170)
        self.step_list.setMaximumWidth(260)
        self.page_stack = QStackedWidget()
        self.workspace.addWidget(self.step_list)
        self.workspace.addWidget(self.page_stack)
        self.workspace.setStretchFactor(1, 1)
        self.workspace.setSizes([190, 1000])
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)
        self.step_list.currentRowChanged.connect(self._show_step)
        from .desktop import StatusBar

        self.status = StatusBar(self)  # file, lock state, save state, background task
        self.setStatusBar(self.status)
        self.setAcceptDrops(True)  # a .wcif dropped on the window opens it
        self._build_menus()
        self._update_title()
        self._update_recent()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        mb = self.menuBar()
        m_file = self.file_menu = mb.addMenu(self.tr("文件(&F)"))
        m_new = m_file.addMenu(self.tr("新建(&N)"))
        self.act_new_sample = m_new.addAction(self.tr("从样例新建…"), self.new_from_sample)
        self.act_new_empty = m_new.addAction(self.tr("新建空白评价…"), self.new_empty)
        self.act_new_empty.setShortcut(QKeySequence.StandardKey.New)
        self.act_open = m_file.addAction(self.tr("打开(&O)…"), self.open_dialog)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_save_as = m_file.addAction(self.tr("另存为(&A)…"), self.save_as_dialog)
        self.act_save_as.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.recent_menu = m_file.addMenu(self.tr("最近打开(&R)"))
        m_file.addSeparator()
        self.act_print = m_file.addAction(self.tr("打印(&P)…"), self.print_current)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.setStatusTip(self.tr("报告步骤：打印报告；其他步骤：打印当前的表格"))
        m_file.addSeparator()
        self.act_quit = m_file.addAction(self.tr("退出(&X)"), self.close)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)

        m_edit = mb.addMenu(self.tr("编辑(&E)"))
        self.act_undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcuts([QKeySequence.StandardKey.Undo])
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        m_edit.addAction(self.act_undo)
        m_edit.addAction(self.act_redo)

        from .finance_menu import add_finance_menu

        add_finance_menu(self, mb)  # 数据: 基金收支, 导入基金收支表, 导入绩效目标表, 目标对比
        from .documents_menu import install_menu

        install_menu(self)  # 文档: 生成文档（Word/PDF）, 绩效目标表审核, 问题库, 归档
        m_settings = mb.addMenu(self.tr("设置(&S)"))
        m_settings.addAction(self.tr("首选项(&P)…"), self.preferences)
        m_help = mb.addMenu(self.tr("帮助(&H)"))
        self.act_guide = m_help.addAction(self.tr("用户指南(&G)"), self.show_guide)
        self.act_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        m_help.addAction(self.tr("打开日志文件夹(&L)"), self.open_log_folder)
        self.act_licences = m_help.addAction(self.tr("许可(&I)…"), self.show_licences)
        m_help.addSeparator()
        m_help.addAction(self.tr("关于(&A)"), self.about)
        self._update_file_actions()
        from .exchange_actions import install as install_exchange  # File ▸ 交换: export/import/merge (issue 8)

        install_exchange(self)
        from .rollup_menu import install as install_rollup  # File ▸ 汇总分析…, 上年评价（历史标准）… (issue 22)

        install_rollup(self)

    def _update_file_actions(self) -> None:
        self.act_save_as.setEnabled(self.ctx is not None)

    def _update_recent(self) -> None:
        recent = self.settings["files/recent"]
        self.recent_menu.clear()
        for p in recent:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.setStatusTip(p)
            act.triggered.connect(lambda _=False, p=p: self.open_path(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))
        if self._welcome is not None:
            self._welcome.set_recent(recent)

    @property
    def welcome(self) -> WelcomePage:
        """The page shown while no evaluation is open (new, open, recent files). Built on first use: a window
        started on a file never shows it (start-up time, issue 21)."""
        if self._welcome is None:
            self._welcome = WelcomePage(self)
            self._welcome.set_recent(self.settings["files/recent"])
            self.central.insertWidget(0, self._welcome)
            if self.ctx is None:
                self.central.setCurrentWidget(self._welcome)
        return self._welcome

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name (show() calls it)
        if visible and self.ctx is None:
            self.welcome  # noqa: B018 - builds and shows the welcome page
        super().setVisible(visible)

    def _clear_recent(self) -> None:
        self.settings["files/recent"] = []
        self._update_recent()

    def _update_title(self) -> None:
        if self.ctx is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
        else:
            ro = self.tr("（只读）") if getattr(self.ctx.ef, "read_only", False) else ""
            self.setWindowTitle(f"{self.ctx.path.name}{ro} — {APP_NAME}")
            self.setWindowFilePath(str(self.ctx.path))

    # ------------------------------------------------------------------ opening
    def load(self, path, step: str | None = None, read_only: bool = False) -> EvaluationContext:
        """Open ``path`` and show it at ``step`` (a key or title; default: the step shown before, else the one
        remembered in the settings). Only that step's page is built. ``read_only``: through
        :func:`~wcif_desktop.services.evaluation.open_read_only` (no backup, nothing written; an edit shows a
        message instead).

        Raises:
            WcifError: the file cannot be opened. ValueError: unknown ``step``.
        """
        row = step_index(step) if step else None
        ef = svc.open_read_only(path) if read_only else svc.open_file(path)
        try:
            svc.evaluation(ef)
        except WcifError:
            ef.close()
            raise
        self._set_context(EvaluationContext(ef, self), row)
        return self.ctx

    def commit_pending(self) -> None:
        """Save what is typed in the focused editor (text is saved when the editor loses focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and hasattr(focus, "commit") and self.isAncestorOf(focus):
            focus.commit()
            focus.blockSignals(True)
            focus.clearFocus()
            focus.blockSignals(False)

    def _set_context(self, ctx: EvaluationContext, row: int | None = None) -> None:
        self.commit_pending()
        old, old_row = self.ctx, self.step_list.currentRow()
        for page in self._pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self._pages = {}
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        self.ctx = ctx
        ctx.widget = self
        from .lock import install as install_lock_guard

        install_lock_guard(ctx)  # edits on a locked evaluation ask to reopen it with a reason
        self.undo_group.addStack(ctx.undo_stack)
        self.undo_group.setActiveStack(ctx.undo_stack)
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for cls in STEP_PAGES:
            self.step_list.addItem(QListWidgetItem(cls.display_title()))
        self.step_list.blockSignals(False)
        ctx.changed.connect(self._schedule_states)
        self._update_states()
        if row is None:
            row = old_row if old_row >= 0 else step_index(self.settings["window/step"]) if self._known_step() else 0
        self.step_list.setCurrentRow(row)
        self._show_step(row)
        self.central.setCurrentWidget(self.workspace)
        if self.remember:  # (a --screenshot run leaves the user's settings alone)
            self.settings.add_recent(str(ctx.path))
            self._update_recent()
        self._update_title()
        self._update_file_actions()
        self.status.update_file()
        ctx.changed.connect(self.status.saved)
        self.opened.emit(ctx)

    def _known_step(self) -> bool:
        try:
            step_index(self.settings["window/step"])
            return True
        except ValueError:
            return False

    def open_path(self, path, step: str | None = None, read_only: bool = False) -> bool:
        """Open ``path`` (at ``step``, see :meth:`load`), showing a message (and keeping the current file) when it
        cannot be opened."""
        try:
            self.load(path, step, read_only)
        except (WcifError, ValueError) as e:
            self.report_open_error(path, e)
            return False
        self.show_open_notices()
        return True

    def report_open_error(self, path, error: BaseException) -> None:
        """Say why ``path`` could not be opened (and forget it in the recent files when it is gone)."""
        show_user_error(self, error, self.tr("无法打开评价文件"))
        if not Path(path).exists():
            self.settings.remove_recent(path)
            self._update_recent()

    def show_open_notices(self) -> None:
        """Tell the user what opening did with files found beside the evaluation file (a stale ``-wal`` moved
        aside, an interrupted save recovered: :mod:`wcif_desktop.store.sidecars`)."""
        from PySide6.QtWidgets import QMessageBox

        notices = getattr(self.ctx.ef, "notices", None) if self.ctx else None
        if notices:
            from .errors import error_text

            QMessageBox.information(self, self.tr("打开评价文件时发现旁边的附属文件"),
                                    "\n\n".join(error_text(n) for n in notices))

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.ctx.path.parent) if self.ctx else (self.settings["files/recent"] or [""])[0]
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开评价文件"), start,
                                              self.tr("评价文件") + f" ({FILE_FILTER.split('(')[1]};;"
                                              + self.tr("所有文件 (*)"))
        if path:
            self.open_path(path)

    def _ask_new_path(self, title: str, suggested: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.ctx.path.parent if self.ctx else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, title, str(folder / suggested),
                                              self.tr("评价文件") + f" ({FILE_FILTER.split('(')[1]};;"
                                              + self.tr("所有文件 (*)"))
        if not path:
            return None
        p = Path(path)
        return p if p.suffix.lower() == ".wcif" else p.with_suffix(".wcif")

    def new_from_sample(self, path=None) -> bool:
        path = path or self._ask_new_path(self.tr("从样例新建"), self.tr("呼和浩特市2021年度绩效评价") + ".wcif")
        if not path:
            return False
        from ..services.sample import write_sample

        try:
            if Path(path).exists():
                raise WcifError(self.tr("文件已存在，不会覆盖：{0}").format(path))
            write_sample(Path(path))
        except WcifError as e:
            show_user_error(self, e, self.tr("无法新建评价文件"))
            return False
        return self.open_path(path, STEP_PAGES[0].key)

    def new_empty(self, path=None) -> bool:
        path = path or self._ask_new_path(self.tr("新建空白评价"), self.tr("新建绩效评价") + ".wcif")
        if not path:
            return False
        try:
            ef = svc.create_empty(Path(path), title=self.tr("新建绩效评价"))
            agency = self.settings["defaults/agency"]
            if agency:
                from ..domain.model import Evaluation

                svc.update_record(ef, Evaluation, svc.evaluation(ef).id, agency=agency)
            ef.close()
        except WcifError as e:
            show_user_error(self, e, self.tr("无法新建评价文件"))
            return False
        return self.open_path(path, STEP_PAGES[0].key)  # a new evaluation starts at the first step

    def save_as(self, dest) -> bool:
        """Copy the open file to ``dest`` (SQLite backup API) and continue on the copy."""
        if self.ctx is None:
            return False
        try:
            dest = self.ctx.save_copy(dest)
            self.load(dest)
        except WcifError as e:
            show_user_error(self, e, self.tr("无法另存为"))
            return False
        return True

    def save_as_dialog(self) -> None:
        if self.ctx is None:
            return
        dest = self._ask_new_path(self.tr("另存为"), self.ctx.path.stem + self.tr("（副本）") + ".wcif")
        if dest:
            self.save_as(dest)

    # ------------------------------------------------------------------ steps
    def _schedule_states(self, _changes=None) -> None:
        """After an edit: recompute the step states once the edit's other listeners are done (a zero-delay
        single-shot timer), so a burst of edits (an import, a recompute, undoing several steps) costs one
        recomputation, and it reads the snapshot the tree already read (``EvaluationContext.snapshot``). The
        states are current before the window is next painted; :meth:`step_state` and
        :meth:`states_pending` let code ask without waiting for the event loop."""
        timer = getattr(self, "_states_timer", None)
        if timer is None:
            from PySide6.QtCore import QTimer

            timer = self._states_timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(0)
            timer.timeout.connect(self._update_states)
        timer.start()

    def states_pending(self) -> bool:
        """Whether an edit's step-state update is still waiting for the event loop."""
        timer = getattr(self, "_states_timer", None)
        return timer is not None and timer.isActive()

    def _update_states(self, _changes=None) -> None:
        timer = getattr(self, "_states_timer", None)
        if timer is not None:
            timer.stop()
        if self.ctx is None or self.ctx.closed:
            return
        snap = self.ctx.snapshot()
        for i, cls in enumerate(STEP_PAGES):
            state = cls.state(snap, self.ctx.ef)
            item = self.step_list.item(i)
            text = f"{cls.display_title()}\n{state.label()}"
            if item.data(Qt.ItemDataRole.UserRole) is state and item.text() == text:
                continue  # unchanged: no new icon, no relayout of the list
            item.setText(text)
            item.setIcon(state_icon(state))
            item.setData(Qt.ItemDataRole.UserRole, state)
            item.setSizeHint(QSize(0, 46))

    def step_state(self, key: str) -> StepState:
        """The state the step list shows for step ``key`` (brought up to date first if an edit's update is
        still pending)."""
        if self.states_pending():
            self._update_states()
        return self.step_list.item(step_index(key)).data(Qt.ItemDataRole.UserRole)

    def show_step(self, name: str) -> StepPage:
        """Show a step by key or title (raises ValueError for an unknown one)."""
        i = step_index(name)
        self.step_list.setCurrentRow(i)
        return self._page_at(i)

    def page(self, key: str) -> StepPage:
        return self._page_at(step_index(key))

    @property
    def pages(self) -> list[StepPage]:
        """Every step's page (building those not shown yet)."""
        return [self._page_at(i) for i in range(len(STEP_PAGES))] if self.ctx is not None else []

    def _page_at(self, row: int) -> StepPage:
        """The page of step ``row``, built on first use: a step the user never opens costs nothing at start."""
        page = self._pages.get(row)
        if page is None:
            page = STEP_PAGES[row](self.ctx, self.page_stack)
            compact_tables(page)
            from .desktop import install_copy

            install_copy(page)  # Ctrl+C copies the selected rows as tab-separated text
            self._pages[row] = page
            self.page_stack.addWidget(page)
        return page

    def _show_step(self, row: int) -> None:
        if self.ctx is not None and 0 <= row < len(STEP_PAGES):
            self.page_stack.setCurrentWidget(self._page_at(row))
            if self.remember:
                self.settings["window/step"] = STEP_PAGES[row].key

    # ------------------------------------------------------------------ misc
    def preferences(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        dlg = PreferencesDialog(self.settings, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.apply():
            QMessageBox.information(self, self.tr("首选项"), self.tr("界面语言将在重新启动程序后生效。"))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("关于"), f"<b>{APP_NAME}</b> {__version__}<br>"
                          + self.tr("工伤保险基金项目绩效评价工具（离线）"))

    def print_current(self) -> bool:
        """Ctrl+P: the report step prints the report (with preview); another step prints its main table."""
        from PySide6.QtWidgets import QMessageBox

        from .desktop import print_html, table_html

        if self.ctx is None:
            return False
        page = self.page_stack.currentWidget()
        if hasattr(page, "print_last") and page.isVisible():
            return bool(page.print_last())
        view = self.main_view(page)
        if view is None:
            QMessageBox.information(self, self.tr("打印"), self.tr("此页没有可打印的表格。"))
            return False
        title = self.step_list.currentItem().text().split("\n")[0] if self.step_list.currentItem() else ""
        return print_html(table_html(view, title), title, self)

    @staticmethod
    def main_view(page):
        """The table or tree of ``page`` that has the focus, else its largest visible one."""
        from PySide6.QtWidgets import QAbstractItemView, QTableView, QTreeView

        focus = QApplication.focusWidget()
        while focus is not None and not isinstance(focus, QAbstractItemView):
            focus = focus.parentWidget()
        if isinstance(focus, (QTableView, QTreeView)) and page.isAncestorOf(focus):
            return focus
        views = [v for v in page.findChildren(QTableView) + page.findChildren(QTreeView)
                 if v.isVisible() and v.model() is not None]
        return max(views, key=lambda v: v.width() * v.height(), default=None)

    def show_guide(self) -> None:
        from ..paths import resource
        from .desktop import TextDialog

        self._help = TextDialog(self.tr("用户指南"), resource("user-guide.md").read_text(encoding="utf-8"), self)
        self._help.show()

    def show_licences(self) -> None:
        from ..paths import resource
        from .desktop import TextDialog

        text = resource("licenses", "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")
        self._licences = TextDialog(self.tr("许可"), text, self)
        self._licences.show()

    def open_log_folder(self) -> bool:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from .errors import log_path

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path().parent)))

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_wcif(mime) -> str | None:
        if not mime.hasUrls():
            return None
        return next((u.toLocalFile() for u in mime.urls()
                     if u.isLocalFile() and u.toLocalFile().lower().endswith(".wcif")), None)

    def dragEnterEvent(self, event):  # noqa: N802
        if self._dropped_wcif(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event):  # noqa: N802
        path = self._dropped_wcif(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_path(path)

    def restore_geometry(self) -> None:
        geo, state = self.settings["window/geometry"], self.settings["window/state"]
        if not geo.isEmpty():
            self.restoreGeometry(geo)
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event):  # noqa: N802
        self.commit_pending()
        if self.remember:
            self.settings["window/geometry"] = self.saveGeometry()
            self.settings["window/state"] = self.saveState()
            self.settings.sync()
        if self.ctx is not None:
            self.undo_group.removeStack(self.ctx.undo_stack)
            self.ctx.close()
            self.ctx = None
        self.status.update_file()
        super().closeEvent(event)
