"""A record's history (issue 8): every change of one record — when, who, field, old → new, and from which
laptop's file when it came in a merge — from :func:`wcif_desktop.services.merge.record_history`.

:class:`HistoryModel` is a plain ``QAbstractTableModel`` (tested without a view); :class:`RecordHistoryDialog`
shows it; :class:`RecordPickerDialog` chooses a record (table, then record) when none is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services import merge

_ROOT = QModelIndex()


def _short(v, n: int = 200) -> str:
    s = "" if v is None else str(v)
    return s if len(s) <= n else s[: n - 1] + "…"


class HistoryModel(QAbstractTableModel):
    """Rows: :class:`~wcif_desktop.services.merge.HistoryEntry`; columns: 时间, 修改人, 字段, 原值, 新值, 来源."""

    def __init__(self, entries: list[merge.HistoryEntry], parent=None):
        super().__init__(parent)
        self.entries = entries
        self.headers = [self.tr("时间"), self.tr("修改人"), self.tr("字段"), self.tr("原值"), self.tr("新值"),
                        self.tr("来源")]

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        values = [e.at, e.who, self.tr("（新建）") if e.field == "*" else e.field, e.old, e.new,
                  e.origin or self.tr("本文件")]
        v = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _short(v)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "" if v is None else str(v)
        return None


class RecordHistoryDialog(QDialog):
    def __init__(self, ctx, table: str, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录历史"))
        self.resize(900, 420)
        self.model = HistoryModel(merge.record_history(ctx.ef, table, record_id), self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("{0} 的修改历史（共 {1} 条）").format(_label(ctx, table, record_id),
                                                                   self.model.rowCount())))
        lay.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def _label(ctx, table: str, record_id: str) -> str:
    return merge.label_of(ctx.ef, table, record_id)


class RecordPickerDialog(QDialog):
    """Choose a record: a table (every record table, found by introspection), then one of its records."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("选择记录"))
        self.tables = QComboBox()
        self.records = QComboBox()
        self.records.setMinimumWidth(420)
        for t in merge.record_tables_in_use(ctx.ef):
            self.tables.addItem(t, t)
        self.tables.currentIndexChanged.connect(self._fill)
        form = QFormLayout(self)
        form.addRow(self.tr("表"), self.tables)
        form.addRow(self.tr("记录"), self.records)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fill()

    def _fill(self) -> None:
        self.records.clear()
        t = self.tables.currentData()
        if not t:
            return
        for label, rid, deleted in merge.record_choices(self.ctx.ef, t):
            self.records.addItem(label + (self.tr("（已删除）") if deleted else ""), rid)

    def selected(self) -> tuple[str, str] | None:
        t, r = self.tables.currentData(), self.records.currentData()
        return (t, r) if t and r else None
