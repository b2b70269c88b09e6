"""Qt item models over the domain rows, usable and testable without any view.

- :class:`RecordTableModel`: a table over one record type (team members, targets, findings …) with declared
  columns; edits go through :meth:`EvaluationContext.edit_fields` (validated, saved, undoable).
- :class:`IndicatorTreeModel`: the indicator framework (指标体系) as a tree with subtotals; level-3 scores and
  deduction reasons are editable through :meth:`EvaluationContext.edit_score`.

Both models listen to :attr:`EvaluationContext.changed` and refresh themselves when their table changed.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.errors import ValidationError
from ..domain.fields import field_values, fill
from ..domain.model import Indicator, Record
from ..domain.money import D, fmt_score
from ..domain.scoring import ScoreSheet, build_sheet
from ..services.evaluation import records
from .context import EvaluationContext

DisplayFn = Callable[[Any], str]
ParseFn = Callable[[str], Any]


@dataclass
class Column:
    """One column of a :class:`RecordTableModel`: record field, header text, how to show and parse it."""

    field: str
    header: str
    editable: bool = True
    display: DisplayFn | None = None
    parse: ParseFn | None = None
    width: int = 0  # preferred width in pixels (0 = let the view decide)


def _parse_for(cls: type[Record], field: str) -> ParseFn:
    hint = typing.get_type_hints(cls).get(field)
    if hint is int:
        def parse_int(text: str) -> int:
            try:
                return int(str(text).strip() or 0)
            except ValueError:
                raise ValidationError(f"不是整数：{text!r}") from None
        return parse_int
    return lambda text: "" if text is None else str(text)


class RecordTableModel(QAbstractTableModel):
    """Rows: the live records of ``cls`` that pass ``where`` (a predicate), ordered by ``sort_key``."""

    def __init__(self, ctx: EvaluationContext, cls: type[Record], columns: list[Column],
                 where: Callable[[Any], bool] | None = None, sort_key: Callable[[Any], Any] | None = None,
                 parent=None):
        super().__init__(parent)
        self.ctx, self.cls, self.columns = ctx, cls, columns
        self.where = where or (lambda r: True)
        self.sort_key = sort_key or (lambda r: getattr(r, "sort_order", 0))
        self._rows: list[Record] = []
        self.reload()
        ctx.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ loading
    def _load(self) -> list[Record]:
        return sorted((r for r in records(self.ctx.ef, self.cls) if self.where(r)), key=self.sort_key)

    def reload(self) -> None:
        """Re-read the rows; keeps row identity (and the view's selection) when only values changed."""
        rows = self._load()
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def _on_changed(self, changes) -> None:
        if changes.touches(self.cls.table):
            self.reload()

    def record(self, row: int) -> Record:
        return self._rows[row]

    def records(self) -> list[Record]:
        return list(self._rows)

    def row_of(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == record_id:
                return i
        return -1

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec, col = self._rows[index.row()], self.columns[index.column()]
        value = getattr(rec, col.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(value) if col.display else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = col.display(value) if col.display else ("" if value is None else str(value))
            return text if len(text) > 20 else None
        return None

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and self.columns[index.column()].editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        rec, col = self._rows[index.row()], self.columns[index.column()]
        parse = col.parse or _parse_for(self.cls, col.field)
        try:
            new = parse(value)
        except ValidationError as e:
            self.ctx._show(e)
            return False
        return self.ctx.edit_fields(self.cls, rec.id, undo_text=QCoreApplication.translate(
            "RecordTableModel", "修改“{0}”").format(col.header), **{col.field: new})


class _Item:
    """A stable tree item (one per indicator id) so QModelIndex pointers stay valid across refreshes."""

    __slots__ = ("id", "parent", "children", "row", "node")

    def __init__(self, node, parent, row):
        self.id, self.node, self.parent, self.row, self.children = node.indicator.id, node, parent, row, []


class IndicatorTreeModel(QAbstractItemModel):
    """The indicator framework as a tree.

    Columns: 编号 (code), 指标名称 (name), 分值 (weight, points), 得分 (score; subtotal for levels 1–2),
    扣分原因 (deduction reason), 评价情况（实际值） (what the evaluator found: the basis the report states).
    Level-3 score, reason and finding are editable.
    """

    CODE, NAME, WEIGHT, SCORE, REASON, FINDING = range(6)
    reloaded = Signal()  # after every reload (scores, subtotals and total are current)

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: ScoreSheet = build_sheet([])
        self.values: dict[str, str] = {}
        self._roots: list[_Item] = []
        self._items: dict[str, _Item] = {}
        self._shape_now: list | None = None  # the tree's shape and shown values as of the last reload
        self._shown_now: dict[str, tuple] = {}
        self.reload()
        ctx.changed.connect(self._on_changed)

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("IndicatorTreeModel", "编号"),
                QCoreApplication.translate("IndicatorTreeModel", "指标名称"),
                QCoreApplication.translate("IndicatorTreeModel", "分值"),
                QCoreApplication.translate("IndicatorTreeModel", "得分"),
                QCoreApplication.translate("IndicatorTreeModel", "扣分原因"),
                QCoreApplication.translate("IndicatorTreeModel", "评价情况（实际值）")]

    # ------------------------------------------------------------------ loading
    @staticmethod
    def _shape(sheet: ScoreSheet):
        return [(n.indicator.id, n.indicator.parent_id, n.indicator.sort_order)
                for r in sheet.roots for n in r.walk()]

    def _build(self, sheet: ScoreSheet) -> None:
        self._items = {}

        def make(node, parent, row):
            it = _Item(node, parent, row)
            self._items[it.id] = it
            it.children = [make(c, it, i) for i, c in enumerate(node.children)]
            return it

        self._roots = [make(r, None, i) for i, r in enumerate(sheet.roots)]

    @staticmethod
    def _shown_all(sheet: ScoreSheet, values: dict) -> dict[str, tuple]:
        """What :meth:`data` shows of every row, per indicator id (the reasons with the field values ``values``
        filled in; subtotals in one bottom-up pass)."""
        subtotals = sheet.node_scores()
        out = {}
        for r in sheet.roots:
            for n in r.walk():
                ind = n.indicator
                out[ind.id] = (ind.code, ind.name, ind.weight, ind.score, ind.deduction_reason, ind.finding,
                               ind.definition, ind.scoring_rule,
                               fill(ind.deduction_reason, values) if ind.deduction_reason else "",
                               None if n.is_leaf else subtotals[ind.id])
        return out

    def reload(self) -> None:
        sheet = self.ctx.score_sheet()  # of the snapshot every listener of the same edit shares (one read per edit)
        if sheet is self.sheet and self._items:  # nothing new in the file since the last reload
            self.reloaded.emit()
            return
        values = field_values(self.ctx.snapshot())
        shape = self._shape(sheet)
        shown = self._shown_all(sheet, values)
        if shape == self._shape_now and self._items:
            # Same tree: signal only the rows whose shown values changed (a score edit changes the leaf and its
            # subtotals; signalling every row made the view re-read ~100,000 cells on a 1,000-indicator file).
            before = self._shown_now
            self.values = values
            self.sheet = sheet
            for r in sheet.roots:
                for n in r.walk():
                    self._items[n.indicator.id].node = n
            for iid, it in self._items.items():
                if shown[iid] != before.get(iid):
                    self.dataChanged.emit(self.createIndex(it.row, 0, it), self.createIndex(it.row, self.FINDING, it))
        else:
            self.values = values
            self.beginResetModel()
            self.sheet = sheet
            self._build(sheet)
            self.endResetModel()
        self._shape_now, self._shown_now = shape, shown
        self.reloaded.emit()

    def _emit_all_changed(self) -> None:
        def walk(items, parent_index):
            if not items:
                return
            self.dataChanged.emit(self.index(0, 0, parent_index),
                                  self.index(len(items) - 1, self.REASON, parent_index))
            for it in items:
                walk(it.children, self.index(it.row, 0, parent_index))
        walk(self._roots, QModelIndex())

    def _on_changed(self, changes) -> None:
        if changes.touches("indicator") or changes.touches("scoring_settings"):  # bands change the grade
            self.reload()

    def total(self) -> Decimal:
        return self.sheet.total()

    def grade(self) -> str:
        return self.sheet.grade()

    def indicator(self, index: QModelIndex) -> Indicator | None:
        it = self._item(index)
        return it.node.indicator if it else None

    def index_of(self, indicator_id: str, column: int = 0) -> QModelIndex:
        it = self._items.get(indicator_id)
        return self.createIndex(it.row, column, it) if it else QModelIndex()

    def find(self, code: str, column: int = 0) -> QModelIndex:
        """Index of the indicator with ``code`` (e.g. ``"1.1.1"``), or an invalid index."""
        for it in self._items.values():
            if it.node.indicator.code == code:
                return self.createIndex(it.row, column, it)
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model
    def _item(self, index) -> _Item | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row, column, parent=QModelIndex()):
        items = self._item(parent).children if parent.isValid() else self._roots
        if 0 <= row < len(items) and 0 <= column <= self.FINDING:
            return self.createIndex(row, column, items[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        it = self._item(index)
        if it is None or it.parent is None:
            return QModelIndex()
        return self.createIndex(it.parent.row, 0, it.parent)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._item(parent).children)
        return len(self._roots)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        it = self._item(index)
        if it is None:
            return None
        node, ind, col = it.node, it.node.indicator, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            if col == self.CODE:
                return ind.code
            if col == self.NAME:
                return ind.name
            if col == self.WEIGHT:
                return fmt_score(ind.weight)
            if col == self.SCORE:
                if node.is_leaf:
                    if edit:
                        return "" if ind.score is None else str(ind.score)
                    return fmt_score(ind.score)
                return fmt_score(node.score())
            if col == self.REASON:
                if not node.is_leaf:
                    return ""
                return ind.deduction_reason if edit else fill(ind.deduction_reason, self.values)
            if col == self.FINDING:
                return ind.finding if node.is_leaf else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WEIGHT, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not node.is_leaf:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and node.is_leaf and col == self.SCORE and ind.score is None:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [p for p in (ind.definition, ind.scoring_rule) if p]
            if col == self.REASON and ind.deduction_reason:
                parts.insert(0, fill(ind.deduction_reason, self.values))
            return "\n".join(parts) or None
        return None

    def ask_reason(self, ind: Indicator, score: Decimal) -> str | None:
        """Ask for the deduction reason (扣分原因) a score below the weight needs; ``None`` when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        prompt = QCoreApplication.translate("IndicatorTreeModel", "“{0}”得分 {1} 低于分值 {2}，请填写扣分原因：").format(
            ind.name, fmt_score(score), fmt_score(ind.weight))
        text = ""
        while True:
            text, ok = QInputDialog.getMultiLineText(
                self.ctx.widget, QCoreApplication.translate("IndicatorTreeModel", "扣分原因"), prompt, text)
            if not ok:
                return None
            if text.strip():
                return text.strip()

    def flags(self, index):
        f = super().flags(index)
        it = self._item(index)
        if it and it.node.is_leaf and index.column() in (self.SCORE, self.REASON, self.FINDING):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        it = self._item(index)
        if it is None or role != Qt.ItemDataRole.EditRole or not it.node.is_leaf:
            return False
        ind = it.node.indicator
        if index.column() == self.SCORE:
            text = "" if value is None else str(value).strip()
            if text == ("" if ind.score is None else str(ind.score)):
                return True
            reason = None
            try:
                value = D(text) if text else None
            except ValidationError:
                value = None  # edit_score shows why
            if value is not None and 0 <= value < ind.weight and not (ind.deduction_reason or "").strip():
                reason = self.ask_reason(ind, value)  # in the same step, so the typed score is kept
                if reason is None:
                    return False
            return self.ctx.edit_score(ind.id, text or None, reason)
        if index.column() == self.REASON:
            text = "" if value is None else str(value)
            if text == ind.deduction_reason:
                return True
            return self.ctx.edit_score(ind.id, ind.score, text)
        if index.column() == self.FINDING:
            from ..domain.model import Indicator

            text = "" if value is None else str(value).strip()
            if text == ind.finding:
                return True
            return self.ctx.edit_fields(Indicator, ind.id, finding=text)
        return False


__all__ = ["Column", "RecordTableModel", "IndicatorTreeModel", "QPersistentModelIndex"]
