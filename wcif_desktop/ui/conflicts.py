"""Merge conflicts, side by side and field by field (issue 8): :class:`ConflictDialog`.

Left: the open conflicts (table and record). Right: one row per differing field with this file's value
(本文件), the incoming value (导入) and the result, which the lead chooses per field — keep mine, take theirs,
or edit the result. "应用" writes the choices through :func:`wcif_desktop.services.merge.resolve_field`
(audited); the conflict then disappears from the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WcifError
from ..services import merge
from ..services.evaluation import Changes
from .errors import show_user_error

MINE, THEIRS, EDITED = "mine", "theirs", "edited"
COL_FIELD, COL_MINE, COL_THEIRS, COL_RESULT, COL_CHOICE = range(5)


def _text(v) -> str:
    return "" if v is None else str(v)


class ConflictDialog(QDialog):
    """Resolve the open merge conflicts of ``ctx`` (an :class:`~wcif_desktop.ui.context.EvaluationContext`)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("解决合并冲突"))
        self.resize(1000, 560)
        self.conflicts: list[merge.Conflict] = []
        self.current: merge.Conflict | None = None
        self.groups: list[QButtonGroup] = []

        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.currentRowChanged.connect(self._show)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflict_fields")
        self.table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("本文件"), self.tr("导入"), self.tr("结果"),
                                              self.tr("选择")])
        hh = self.table.horizontalHeader()
        for c in (COL_MINE, COL_THEIRS, COL_RESULT):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._result_edited)
        self.btn_all_mine = QPushButton(self.tr("全部保留本文件"))
        self.btn_all_theirs = QPushButton(self.tr("全部采用导入"))
        self.btn_apply = QPushButton(self.tr("应用"))
        self.btn_apply.setObjectName("apply")
        self.btn_history = QPushButton(self.tr("记录历史…"))
        self.btn_all_mine.clicked.connect(lambda: self._choose_all(MINE))
        self.btn_all_theirs.clicked.connect(lambda: self._choose_all(THEIRS))
        self.btn_apply.clicked.connect(self.apply_current)
        self.btn_history.clicked.connect(self._history)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.header)
        rl.addWidget(self.table, 1)
        row = QHBoxLayout()
        for b in (self.btn_all_mine, self.btn_all_theirs, self.btn_history):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.btn_apply)
        rl.addLayout(row)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([260, 740])
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.reload()

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        self.conflicts = merge.list_conflicts(self.ctx.ef)
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.conflicts:
            it = QListWidgetItem(f"{c.table}\n{c.label}")
            it.setToolTip(self.tr("来自 {0}，{1}").format(c.source, c.at))
            self.list.addItem(it)
        self.list.blockSignals(False)
        if self.conflicts:
            self.list.setCurrentRow(0)
            self._show(0)
        else:
            self.current = None
            self.table.setRowCount(0)
            self.header.setText(self.tr("没有待解决的冲突。"))
        for b in (self.btn_apply, self.btn_all_mine, self.btn_all_theirs, self.btn_history):
            b.setEnabled(bool(self.conflicts))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        c = self.current = self.conflicts[row]
        self.header.setText(self.tr("{0}“{1}”在本文件和导入文件（{2}）中都被修改过。请逐字段选择结果。")
                            .format(c.table, c.label, c.source))
        self.table.blockSignals(True)
        self.table.setRowCount(len(c.fields))
        self.groups = []
        for r, f in enumerate(c.fields):
            prior = c.choices.get(f, {})
            for col, val in ((COL_FIELD, f), (COL_MINE, _text(c.mine.get(f))), (COL_THEIRS, _text(c.theirs.get(f)))):
                it = QTableWidgetItem(val)
                it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
                it.setToolTip(val)
                self.table.setItem(r, col, it)
            cell = QWidget()
            hl = QHBoxLayout(cell)
            hl.setContentsMargins(2, 0, 2, 0)
            group = QButtonGroup(cell)
            for key, label in ((MINE, self.tr("本文件")), (THEIRS, self.tr("导入")), (EDITED, self.tr("编辑"))):
                rb = QRadioButton(label)
                rb.setProperty("choice", key)
                group.addButton(rb)
                hl.addWidget(rb)
            group.buttonClicked.connect(lambda b, r=r: self._choice_clicked(r, b.property("choice")))
            self.groups.append(group)
            self.table.setCellWidget(r, COL_CHOICE, cell)
            choice = prior.get("choice", MINE)
            value = prior.get("value") if choice == EDITED else (c.theirs.get(f) if choice == THEIRS else c.mine.get(f))
            self.table.setItem(r, COL_RESULT, QTableWidgetItem(_text(value)))
            self._check(r, choice)
        self.table.resizeColumnToContents(COL_FIELD)
        self.table.resizeColumnToContents(COL_CHOICE)
        self.table.blockSignals(False)

    def _check(self, r: int, choice: str) -> None:
        for b in self.groups[r].buttons():
            b.setChecked(b.property("choice") == choice)

    def choice(self, r: int) -> str:
        b = self.groups[r].checkedButton()
        return b.property("choice") if b else MINE

    # ------------------------------------------------------------------ choosing
    def choose(self, r: int, choice: str, value: str | None = None) -> None:
        """Choose the result of field row ``r`` (``mine``/``theirs``/``edited`` with ``value``)."""
        c = self.current
        f = c.fields[r]
        self._check(r, choice)
        self.table.blockSignals(True)
        if choice == MINE:
            self.table.item(r, COL_RESULT).setText(_text(c.mine.get(f)))
        elif choice == THEIRS:
            self.table.item(r, COL_RESULT).setText(_text(c.theirs.get(f)))
        elif value is not None:
            self.table.item(r, COL_RESULT).setText(value)
        self.table.blockSignals(False)

    def _choice_clicked(self, r: int, choice: str) -> None:
        self.choose(r, choice)
        if choice == EDITED:
            self.table.editItem(self.table.item(r, COL_RESULT))

    def _choose_all(self, choice: str) -> None:
        for r in range(self.table.rowCount()):
            self.choose(r, choice)

    def _result_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_RESULT:
            self._check(item.row(), EDITED)

    def apply_current(self) -> bool:
        """Write the chosen results of the shown conflict. Returns True when it was resolved."""
        c = self.current
        if c is None:
            return False
        try:
            for r, f in enumerate(c.fields):
                choice = self.choice(r)
                value = self.table.item(r, COL_RESULT).text() if choice == EDITED else None
                if choice == EDITED and f == "deleted":
                    value = 1 if value.strip() in ("1", "是", "true", "True") else 0
                merge.resolve_field(self.ctx.ef, c.id, f, choice, value)
        except WcifError as e:
            show_user_error(self, e, self.tr("无法解决冲突"))
            return False
        self.ctx.changed.emit(Changes().add(c.table, c.record_id))
        self.reload()
        return True

    def _history(self) -> None:
        if self.current is None:
            return
        from .history import RecordHistoryDialog

        RecordHistoryDialog(self.ctx, self.current.table, self.current.record_id, self).exec()
