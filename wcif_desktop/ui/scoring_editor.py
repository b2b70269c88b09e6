"""Scoring tools under the 指标评分 page's tree: tree editing, the per-dimension chart and the expert panel.

- :class:`TreeEditor` — add (sibling / child), remove, move up/down, promote/demote, reweight, edit name,
  definition (指标解释), guidance (评价要点), scoring rule text, rule type and parameters; apply a framework
  template; recompute rule-driven scores; cite working papers / evidence as the score's support (评分依据). Every edit goes through ``services.frameworks`` / ``services.scoring``
  inside :meth:`EvaluationContext.apply`, so it is saved at once and undoable.
- :class:`DimensionChart` — score ÷ weight per level-1 indicator as horizontal bars (drawn with QPainter;
  PySide6-Essentials has no QtCharts).
- :class:`PanelWidget` — the expert panel: who is looking, their own score and reason per indicator, the
  others' scores once the lead has revealed them, spread (max − min), the aggregate by the evaluation's method,
  and writing the aggregates into the indicator scores.

:class:`ScoringTools` holds them as tabs under the tree of :class:`~wcif_desktop.ui.pages.scoring.ScoringPage`.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationError
from ..domain.model import ROLES, Indicator, TeamMember, new_id
from ..domain.money import HUNDRED, D, fmt_score, round2
from ..domain.panel import PANEL_METHODS
from ..domain.rules import RULE_TYPES, dump_params, parse_params
from ..services import edits, scoring
from ..services import evaluation as svc
from ..services import frameworks as fw
from .context import EvaluationContext
from .errors import error_text

SCORING_TABLES = ("indicator", "scoring_settings", "panel_score", "team_member", "finance_line", "score_citation",
                  "working_paper", "evidence", "evidence_link")


# ----------------------------------------------------------------------------------------------- tree editor
class TreeEditor(QWidget):
    """Edits the indicator tree of the page's current indicator (see module docstring)."""

    def __init__(self, ctx: EvaluationContext, page, parent=None):
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        lay = QVBoxLayout(self)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = [("add_sibling", self.tr("添加同级指标"), self.add_sibling),
                 ("add_child", self.tr("添加下级指标"), self.add_child),
                 ("remove", self.tr("删除"), self.remove),
                 ("up", self.tr("上移"), lambda: self.move_step(-1)),
                 ("down", self.tr("下移"), lambda: self.move_step(1)),
                 ("promote", self.tr("升一级"), self.promote),
                 ("demote", self.tr("降一级"), self.demote),
                 ("recompute", self.tr("按规则重新计算"), self.recompute)]
        for n, (key, text, slot) in enumerate(specs):
            b = QPushButton(text)
            b.setObjectName(f"tree_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            buttons.addWidget(b, n // 4, n % 4)
        lay.addLayout(buttons)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("indicator_name")
        self.weight_edit = QLineEdit()
        self.weight_edit.setObjectName("indicator_weight")
        self.weight_edit.setMaximumWidth(100)
        self.definition_edit = QPlainTextEdit()
        self.definition_edit.setObjectName("indicator_definition")
        self.guidance_edit = QPlainTextEdit()
        self.guidance_edit.setObjectName("indicator_guidance")
        self.rule_text_edit = QPlainTextEdit()
        self.rule_text_edit.setObjectName("indicator_scoring_rule")
        for e in (self.definition_edit, self.guidance_edit, self.rule_text_edit):
            e.setMaximumHeight(60)
        self.rule_type = QComboBox()
        self.rule_type.setObjectName("rule_type")
        for key, label in RULE_TYPES.items():
            self.rule_type.addItem(QCoreApplication.translate("rules", label), key)
        from .rule_form import RuleParamsForm

        self.rule_params = RuleParamsForm()  # one small form per rule type (no JSON shown to auditors)
        self.rule_type.currentIndexChanged.connect(
            lambda _i: self.rule_params.set_rule_type(self.rule_type.currentData() or "manual"))
        form.addRow(self.tr("指标名称"), self.name_edit)
        form.addRow(self.tr("分值"), self.weight_edit)
        form.addRow(self.tr("指标解释"), self.definition_edit)
        form.addRow(self.tr("评价要点"), self.guidance_edit)
        form.addRow(self.tr("评分标准"), self.rule_text_edit)
        form.addRow(self.tr("评分规则"), self.rule_type)
        form.addRow(self.tr("规则参数"), self.rule_params)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存指标修改"))
        self.save_button.setObjectName("tree_save")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template_combo")
        for t in fw.list_templates():
            self.template_combo.addItem(self.tr("{0}（{1}）").format(t.name, t.version), t.key)
        self.template_button = QPushButton(self.tr("套用模板"))
        self.template_button.setObjectName("tree_template")
        self.template_button.clicked.connect(self.apply_template)
        row.addWidget(self.template_combo)
        row.addWidget(self.template_button)
        lay.addLayout(row)

        cite_row = QHBoxLayout()
        self.support_list = QListWidget()
        self.support_list.setObjectName("support_list")
        self.support_list.setMaximumHeight(70)
        self.cite_combo = QComboBox()
        self.cite_combo.setObjectName("cite_combo")
        self.cite_button = QPushButton(self.tr("引用"))
        self.cite_button.setObjectName("cite_add")
        self.cite_button.clicked.connect(self.cite)
        self.uncite_button = QPushButton(self.tr("取消引用"))
        self.uncite_button.setObjectName("cite_remove")
        self.uncite_button.clicked.connect(self.uncite)
        side = QVBoxLayout()
        side.addWidget(self.cite_combo)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.cite_button)
        buttons_row.addWidget(self.uncite_button)
        side.addLayout(buttons_row)
        cite_row.addWidget(QLabel(self.tr("评分依据")))
        cite_row.addWidget(self.support_list, 1)
        cite_row.addLayout(side)
        lay.addLayout(cite_row)
        page.tree.selectionModel().currentChanged.connect(lambda *_: self.load_current())
        page.model.modelReset.connect(self.load_current)
        self.load_current()

    # ------------------------------------------------------------------ selection
    def current(self) -> Indicator | None:
        return self.page.model.indicator(self.page.tree.currentIndex())

    def select(self, indicator_id: str) -> None:
        idx = self.page.model.index_of(indicator_id)
        if idx.isValid():
            self.page.tree.setCurrentIndex(idx)
        self.load_current()

    def load_current(self) -> None:
        ind = self.current()
        enabled = ind is not None
        for key in ("add_child", "remove", "up", "down", "promote", "demote"):
            self.buttons[key].setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self._load_supports(ind)
        if ind is None:
            for e in (self.name_edit, self.weight_edit):
                e.clear()
            for e in (self.definition_edit, self.guidance_edit, self.rule_text_edit):
                e.clear()
            self.rule_params.set_rule("manual", {})
            return
        self.name_edit.setText(ind.name)
        self.weight_edit.setText(str(ind.weight))
        self.definition_edit.setPlainText(ind.definition)
        self.guidance_edit.setPlainText(ind.guidance)
        self.rule_text_edit.setPlainText(ind.scoring_rule)
        i = self.rule_type.findData(ind.rule_type or "manual")
        self.rule_type.blockSignals(True)
        self.rule_type.setCurrentIndex(max(i, 0))
        self.rule_type.blockSignals(False)
        try:
            params = parse_params(ind.rule_params)
        except ValidationError:
            params = {}
        self.rule_params.set_rule(ind.rule_type or "manual", params)

    def _load_supports(self, ind: Indicator | None) -> None:
        """The working papers and evidence the current score rests on, and what could be cited."""
        self.support_list.clear()
        self.cite_combo.clear()
        for b in (self.cite_button, self.uncite_button, self.cite_combo):
            b.setEnabled(ind is not None)
        if ind is None:
            return
        ef = self.ctx.ef
        own = {(c.kind, c.target_id): c.id for c in scoring.citations(ef, ind.id)}
        current = scoring.supports(ef).get(ind.id, [])
        for sup in current:
            item = QListWidgetItem(error_text(sup.label))
            item.setData(Qt.ItemDataRole.UserRole, own.get((sup.kind, sup.target_id), ""))
            if (sup.kind, sup.target_id) not in own:
                item.setToolTip(self.tr("由工作底稿或证据一侧关联"))
            self.support_list.addItem(item)
        taken = {(s.kind, s.target_id) for s in current}
        paper = self.tr("底稿 {0} {1}")
        evidence = self.tr("证据 {0}")
        text = {"working_paper": lambda r: paper.format(r.get("code") or "", r.get("title") or ""),
                "evidence": lambda r: evidence.format(r.get("original_name") or r["id"])}
        for kind, r in scoring.citable(ef):
            if (kind, r["id"]) not in taken:
                self.cite_combo.addItem(" ".join(text[kind](r).split()), (kind, r["id"]))
        self.cite_button.setEnabled(self.cite_combo.count() > 0)

    def cite(self) -> bool:
        ind, choice = self.current(), self.cite_combo.currentData()
        if ind is None or not choice:
            return False
        ef, (kind, target) = self.ctx.ef, choice
        return self.ctx.apply_edit(lambda: edits.cite(ef, ind.id, kind, target))

    def uncite(self) -> bool:
        item = self.support_list.currentItem()
        cid = item.data(Qt.ItemDataRole.UserRole) if item else ""
        if not cid:
            return False
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.uncite(ef, cid))

    # ------------------------------------------------------------------ edits
    def _ef(self):
        return self.ctx.ef

    def _add(self, parent_id: str, position: int | None) -> bool:
        ef, nid = self._ef(), new_id()
        name = self.tr("新指标")
        ok = self.ctx.apply_edit(lambda: edits.add_indicator(ef, parent_id, name, position, nid))
        if ok:
            self.select(nid)
        return ok

    def add_sibling(self) -> bool:
        ind = self.current()
        if ind is None:
            return self._add("", None)
        parent_id, pos = fw.position(self._ef(), ind.id)
        return self._add(parent_id, pos + 1)

    def add_child(self) -> bool:
        ind = self.current()
        return ind is not None and self._add(ind.id, None)

    def remove(self) -> bool:
        ind = self.current()
        if ind is None:
            return False
        ef = self._ef()
        return self.ctx.apply_edit(lambda: edits.remove_indicator(ef, ind.id))

    def _move(self, ind: Indicator, parent_id: str, position: int) -> bool:
        ef = self._ef()
        ok = self.ctx.apply_edit(lambda: edits.move_indicator(ef, ind.id, parent_id, position))
        if ok:
            self.select(ind.id)
        return ok

    def move_step(self, step: int) -> bool:
        ind = self.current()
        if ind is None:
            return False
        parent_id, pos = fw.position(self._ef(), ind.id)
        siblings = [i for i in self._ef().records(Indicator) if i.parent_id == parent_id]
        if not 0 <= pos + step < len(siblings):
            return False
        return self._move(ind, parent_id, pos + step)

    def promote(self) -> bool:
        """Move the indicator up one level, right after its former parent."""
        ind = self.current()
        if ind is None or not ind.parent_id:
            return False
        grand, parent_pos = fw.position(self._ef(), ind.parent_id)
        return self._move(ind, grand, parent_pos + 1)

    def demote(self) -> bool:
        """Move the indicator one level down, as the last child of the sibling above it."""
        ind = self.current()
        if ind is None:
            return False
        parent_id, pos = fw.position(self._ef(), ind.id)
        if pos == 0:
            return False
        siblings = sorted((i for i in self._ef().records(Indicator) if i.parent_id == parent_id),
                          key=lambda i: i.sort_order)
        return self._move(ind, siblings[pos - 1].id, None)

    def save(self) -> bool:
        """Save name, weight, texts, rule type and parameters of the current indicator (one undo step)."""
        ind = self.current()
        if ind is None:
            return False
        ef = self._ef()
        try:
            params = self.rule_params.params()
            weight = D(self.weight_edit.text().strip() or "0")
        except ValidationError as e:
            self.ctx._show(e)
            return False
        fields = {"name": self.name_edit.text().strip(), "definition": self.definition_edit.toPlainText(),
                  "guidance": self.guidance_edit.toPlainText(), "scoring_rule": self.rule_text_edit.toPlainText(),
                  "rule_type": self.rule_type.currentData(), "rule_params": dump_params(params)}
        ok = self.ctx.apply_edit(lambda: edits.edit_indicator(ef, ind.id, weight, **fields))
        if ok:
            self.select(ind.id)
        return ok

    def recompute(self) -> bool:
        ef = self._ef()
        return self.ctx.apply_edit(lambda: edits.recompute_scores(ef))

    def apply_template(self) -> bool:
        key = self.template_combo.currentData()
        ef = self._ef()
        replace = bool(svc.records(ef, Indicator))
        if replace:
            answer = QMessageBox.question(self, self.tr("套用模板"),
                                          self.tr("套用模板会替换本评价现有的指标体系（可撤销）。是否继续？"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.ctx.apply_edit(lambda: edits.apply_framework_template(ef, key))


# ----------------------------------------------------------------------------------------------- chart
class DimensionChart(QWidget):
    """Score ÷ weight per level-1 indicator (得分率), one horizontal bar each, with “得分/分值 (xx.xx%)”."""

    BAR = QColor("#2f6fb0")
    TRACK = QColor("#e6e9ef")

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dimension_chart")
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bars: list[tuple[str, Decimal, Decimal, Decimal | None]] = []
        self.refresh()

    def refresh(self) -> None:
        sheet = self.ctx.score_sheet()  # the sheet the tree and the totals of the same edit use
        bars = []
        for name, weight, score in sheet.dimension_scores():
            ratio = round2(score / weight * HUNDRED) if weight else None
            bars.append((name, weight, score, ratio))
        if bars != self._bars:
            self._bars = bars
            self.update()

    def bars(self) -> list[tuple[str, Decimal, Decimal, Decimal | None]]:
        """(dimension, weight, score, score ÷ weight in % or None) per level-1 indicator."""
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(420, 40 + 32 * max(1, len(self._bars)))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        label_w = max([fm.horizontalAdvance(n) for n, *_ in self._bars] + [40]) + 12
        value_w = fm.horizontalAdvance("100.00/100.00（100.00%）") + 12
        left, right = label_w, max(label_w + 40, self.width() - value_w)
        row_h = max(24, min(40, (self.height() - 8) // max(1, len(self._bars))))
        for k, (name, weight, score, ratio) in enumerate(self._bars):
            top = 4 + k * row_h
            bar_h = row_h * 0.6
            y = top + (row_h - bar_h) / 2
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(0, top, label_w - 8, row_h), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.TRACK)
            p.drawRect(QRectF(left, y, right - left, bar_h))
            if ratio is not None:
                share = float(min(max(ratio, Decimal(0)), HUNDRED) / HUNDRED)  # drawing only
                p.setBrush(self.BAR)
                p.drawRect(QRectF(left, y, (right - left) * share, bar_h))
            p.setPen(QPen(self.palette().windowText().color()))
            text = self.tr("{0}/{1}（{2}）").format(fmt_score(score), fmt_score(weight),
                                                   "—" if ratio is None else f"{ratio:.2f}%")
            p.drawText(QRectF(right + 6, top, value_w, row_h), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        p.end()


# The labels of domain.rules.RULE_TYPES (the rule-type list of the tree editor), marked for lupdate.
RULE_TYPE_TEXTS = (
    QT_TRANSLATE_NOOP("rules", "人工评分"),
    QT_TRANSLATE_NOOP("rules", "比率法（实际值÷目标值）"),
    QT_TRANSLATE_NOOP("rules", "区间赋分"),
    QT_TRANSLATE_NOOP("rules", "扣分制（按次扣分）"),
    QT_TRANSLATE_NOOP("rules", "要点得分"),
    QT_TRANSLATE_NOOP("rules", "数据驱动（计算指标）"),
)


# ----------------------------------------------------------------------------------------------- panel
# The labels of domain.panel.PANEL_METHODS, marked for lupdate.
PANEL_METHOD_TEXTS = (
    QT_TRANSLATE_NOOP("PanelWidget", "算术平均"),
    QT_TRANSLATE_NOOP("PanelWidget", "去掉最高分和最低分后平均"),
    QT_TRANSLATE_NOOP("PanelWidget", "专家组合议"),
)


class PanelWidget(QWidget):
    """The expert panel (专家评分) as seen by the chosen team member."""

    def __init__(self, ctx: EvaluationContext, page, parent=None):
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.viewer = QComboBox()
        self.viewer.setObjectName("panel_viewer")
        self.method = QComboBox()
        self.method.setObjectName("panel_method")
        for key, label in PANEL_METHODS.items():
            self.method.addItem(self.tr(label), key)
        self.reveal_button = QPushButton(self.tr("组长公开评分"))
        self.reveal_button.setObjectName("panel_reveal")
        self.apply_button = QPushButton(self.tr("汇总写入指标得分"))
        self.apply_button.setObjectName("panel_apply")
        top.addWidget(QLabel(self.tr("评分人")))
        top.addWidget(self.viewer)
        top.addWidget(QLabel(self.tr("汇总方法")))
        top.addWidget(self.method)
        top.addStretch(1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.apply_button)
        lay.addLayout(top)
        self.table = QTableWidget()
        self.table.setObjectName("panel_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.my_score = QLineEdit()
        self.my_score.setObjectName("panel_my_score")
        self.my_score.setMaximumWidth(80)
        self.my_reason = QLineEdit()
        self.my_reason.setObjectName("panel_my_reason")
        self.save_button = QPushButton(self.tr("保存我的评分"))
        self.save_button.setObjectName("panel_save")
        form.addWidget(QLabel(self.tr("我的得分")))
        form.addWidget(self.my_score)
        form.addWidget(QLabel(self.tr("扣分说明")))
        form.addWidget(self.my_reason, 1)
        form.addWidget(self.save_button)
        lay.addLayout(form)
        # 专家组合议: the score the panel agreed per indicator, used when the method is consensus
        agreed = QHBoxLayout()
        self.consensus_score = QLineEdit()
        self.consensus_score.setObjectName("panel_consensus_score")
        self.consensus_score.setMaximumWidth(80)
        self.consensus_reason = QLineEdit()
        self.consensus_reason.setObjectName("panel_consensus_reason")
        self.consensus_button = QPushButton(self.tr("记录合议得分"))
        self.consensus_button.setObjectName("panel_consensus_save")
        self.consensus_label = QLabel(self.tr("合议得分"))
        agreed.addWidget(self.consensus_label)
        agreed.addWidget(self.consensus_score)
        agreed.addWidget(QLabel(self.tr("合议说明")))
        agreed.addWidget(self.consensus_reason, 1)
        agreed.addWidget(self.consensus_button)
        lay.addLayout(agreed)
        self.consensus_button.clicked.connect(self.save_consensus)
        self.sentence = QLabel()
        self.sentence.setObjectName("panel_sentence")
        self.sentence.setWordWrap(True)
        lay.addWidget(self.sentence)
        self._leaf_ids: list[str] = []
        self._shown_leaves: tuple = ()  # (id, code, name, weight) of the rows shown: see refresh_after()
        self.viewer.currentIndexChanged.connect(lambda *_: self.refresh())
        self.method.activated.connect(lambda *_: self.set_method(self.method.currentData()))
        self.reveal_button.clicked.connect(self.reveal)
        self.apply_button.clicked.connect(self.apply_panel)
        self.save_button.clicked.connect(self.save_mine)
        self.table.currentCellChanged.connect(lambda *_: self._load_mine())
        self.refresh_members()

    def refresh_members(self) -> None:
        current = self.viewer.currentData()
        self.viewer.blockSignals(True)
        self.viewer.clear()
        for m in svc.records(self.ctx.ef, TeamMember):
            self.viewer.addItem(self.tr("{0}（{1}）").format(
                m.name, QCoreApplication.translate("roles", ROLES.get(m.role, m.role))), m.id)
        i = self.viewer.findData(current)
        self.viewer.setCurrentIndex(max(i, 0))
        self.viewer.blockSignals(False)
        self.refresh()

    def viewer_id(self) -> str:
        return self.viewer.currentData() or ""

    @staticmethod
    def _leaves_key(sheet) -> tuple:
        """What the table shows of the indicators: (id, code, name, weight) per level-3 indicator, in order."""
        return tuple((n.indicator.id, n.indicator.code, n.indicator.name, n.indicator.weight)
                     for n in sheet.leaves())

    def refresh_after(self, changes) -> None:
        """Refresh for an edit: the table shows no indicator score, so an edit of scores or reasons alone (the
        leaves' ids, codes, names and weights as shown) leaves it as it is — refilling its ~10,000 cells took
        ~0.2 s per score edit on a 1,000-indicator file. Panel scores, settings or the team refresh it."""
        if any(changes.touches(t) for t in ("panel_score", "scoring_settings", "team_member")) \
                or self._leaves_key(self.ctx.score_sheet()) != self._shown_leaves:
            self.refresh()

    def refresh(self) -> None:
        ef = self.ctx.ef
        self._shown_leaves = self._leaves_key(self.ctx.score_sheet())
        if not self.viewer_id():
            self.table.clear()
            self.table.setRowCount(0)
            return
        view = scoring.panel_view(ef, self.viewer_id())
        inds = {i.id: i for i in svc.records(ef, Indicator)}
        self.method.setCurrentIndex(max(self.method.findData(view.method), 0))
        viewer = next((m for m in svc.records(ef, TeamMember) if m.id == self.viewer_id()), None)
        self.reveal_button.setEnabled(not view.revealed and viewer is not None and viewer.role == "lead")
        self.apply_button.setEnabled(view.revealed)
        use_consensus = view.method == "consensus"
        for w in (self.consensus_score, self.consensus_reason, self.consensus_button):
            w.setEnabled(use_consensus)
        self.consensus_button.setToolTip("" if use_consensus else self.tr("汇总方法选“专家组合议”时记录合议得分"))
        headers = [self.tr("编号"), self.tr("指标"), self.tr("分值")] + [m.name for m in view.members]
        headers += [self.tr("极差"), self.tr("合议"), self.tr("汇总")]
        row_before = self.table.currentRow()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(view.rows))
        self._leaf_ids = [r.indicator_id for r in view.rows]
        for r, row in enumerate(view.rows):
            ind = inds[row.indicator_id]
            cells = [ind.code, ind.name, fmt_score(ind.weight)]
            cells += [fmt_score(row.scores.get(m.id)) for m in view.members]
            cells += [fmt_score(row.spread), fmt_score(row.consensus),
                      fmt_score(row.aggregate) if view.revealed or view.method == "consensus" else "—"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if 0 <= row_before < len(view.rows):
            self.table.setCurrentCell(row_before, 0)
        self.sentence.setText(scoring.panel_sentence(ef) or self.tr("尚无专家评分。"))
        self._load_mine()

    def current_indicator_id(self) -> str | None:
        r = self.table.currentRow()
        return self._leaf_ids[r] if 0 <= r < len(self._leaf_ids) else None

    def _mine(self, indicator_id: str):
        return edits.panel_score_of(self.ctx.ef, indicator_id, self.viewer_id())

    def _load_mine(self) -> None:
        iid = self.current_indicator_id()
        mine = self._mine(iid) if iid else None
        self.my_score.setText("" if mine is None or mine.score is None else str(mine.score))
        self.my_reason.setText("" if mine is None else mine.reason)
        agreed = edits.consensus_of(self.ctx.ef, iid) if iid else None
        self.consensus_score.setText("" if agreed is None or agreed.score is None else str(agreed.score))
        self.consensus_reason.setText("" if agreed is None else agreed.reason)

    def save_mine(self) -> bool:
        iid, member = self.current_indicator_id(), self.viewer_id()
        if not iid or not member:
            return False
        ef = self.ctx.ef
        score, reason = self.my_score.text().strip() or None, self.my_reason.text().strip()
        return self.ctx.apply_edit(lambda: edits.set_panel_score(ef, iid, member, score, reason))

    def save_consensus(self) -> bool:
        """Record the panel's agreed score (and reason) of the selected indicator, by the chosen member."""
        iid, member = self.current_indicator_id(), self.viewer_id()
        if not iid or not member:
            return False
        ef = self.ctx.ef
        score, reason = self.consensus_score.text().strip() or None, self.consensus_reason.text().strip()
        return self.ctx.apply_edit(lambda: edits.record_consensus(ef, iid, score, reason, member))

    def set_method(self, method: str) -> bool:
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.set_panel_method(ef, method))

    def reveal(self) -> bool:
        ef, lead = self.ctx.ef, self.viewer_id()
        return self.ctx.apply_edit(lambda: edits.reveal_panel(ef, lead))

    def apply_panel(self) -> bool:
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.apply_panel(ef))


# ----------------------------------------------------------------------------------------------- page hook
class ScoringTools(QTabWidget):
    """The three tools as tabs; refreshes the chart and the panel when scoring data changed."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("scoring_tools")
        ctx = page.ctx
        self.editor = TreeEditor(ctx, page)
        self.chart = DimensionChart(ctx)
        self.panel = PanelWidget(ctx, page)
        for widget, title in ((self.editor, self.tr("编辑指标体系")), (self.chart, self.tr("维度得分率")),
                              (self.panel, self.tr("专家评分"))):
            scroll = QScrollArea()  # the page's splitter may give the tools little height
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(widget)
            self.addTab(scroll, title)
        self.setMinimumHeight(120)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, changes) -> None:
        if self.editor.ctx.closed:
            return
        if any(changes.touches(t) for t in SCORING_TABLES):
            self.chart.refresh()
            if changes.touches("team_member"):
                self.panel.refresh_members()
            else:
                self.panel.refresh_after(changes)
            current = self.editor.current()
            ids = changes.tables.get("indicator")
            if set(changes.tables) - {"indicator"} or not ids or current is None or current.id in ids:
                self.editor.load_current()  # else: other indicators' edits; the form shows the current one
