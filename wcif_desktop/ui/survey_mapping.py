"""The survey import dialog: columns → questions, answer texts → scale points, decisions on bad input, a dry
run report, then the import (services/survey.py :func:`import_responses`).

The dialog starts from the survey's saved mapping and the automatic matches; what the user changes is passed
as an :class:`~wcif_desktop.services.survey.ImportMapping` and remembered with the survey after the import,
so the next export of the same survey imports with no questions asked.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain.errors import Cancelled, WcifError
from ..domain.survey import QUESTION_KINDS, Survey, match_option, normalize_answer
from ..services import survey as svc
from ..services.evaluation import Changes, get, open_file
from .context import EvaluationContext
from .errors import error_text, handle_exception, show_user_error
from .workers import run_with_progress

SURVEY_TABLES = ("survey", "survey_question", "survey_option", "survey_response", "survey_answer", "survey_mapping")
UNMAPPED = None  # combo data of “not mapped / not decided”


def survey_changes() -> Changes:
    ch = Changes()
    for t in SURVEY_TABLES:
        ch.add(t)
    return ch


class SurveyImportDialog(QDialog):
    """Map an export's columns and answers to a survey, decide on bad input, check, import.

    Signals:
        imported(ImportReport): after a successful import (the context's ``changed`` is emitted too).

    Raises (from the constructor):
        WcifError: the file cannot be read.
    """

    imported = Signal(object)

    def __init__(self, ctx: EvaluationContext, survey_id: str, path, sheet: str | None = None, parent=None, *,
                 rf: svc.ResponseFile | None = None):
        super().__init__(parent)
        self.ctx, self.path, self.sheet = ctx, path, sheet
        ef = ctx.ef
        self.survey: Survey = get(ef, Survey, survey_id)
        self.rf = rf or svc.read_response_file(path, sheet)  # rf: read on a worker thread by the caller
        self.questions = svc.questions(ef, survey_id)
        self.q_by_id = {q.id: q for q in self.questions}
        self.options = {q.id: svc.options(ef, q.id) for q in self.questions}
        self.saved = svc.saved_mapping(ef, survey_id)
        self.columns = svc.match_columns(ef, self.survey, self.rf.headers)
        self.report = None
        self._answer_rows: list[tuple[str, str, str | None]] = []  # (question id, answer text, auto option id)

        self.setWindowTitle(self.tr("导入问卷答卷：{0}").format(self.survey.title))
        self.resize(900, 720)
        lay = QVBoxLayout(self)
        info = QLabel(self.tr("问卷“{0}”（调查对象：{1}）  文件：{2}（{3} 行）").format(
            self.survey.title, self.survey.respondent_group, self.rf.path.name, len(self.rf.rows)))
        info.setWordWrap(True)
        lay.addWidget(info)

        split = QSplitter(Qt.Orientation.Vertical)
        col_box = QGroupBox(self.tr("列 → 题目"))
        cl = QVBoxLayout(col_box)
        self.column_table = QTableWidget(len(self.columns), 4)
        self.column_table.setObjectName("survey_column_table")
        self.column_table.setHorizontalHeaderLabels([self.tr("列"), self.tr("列标题"), self.tr("对应到"),
                                                     self.tr("匹配方式")])
        self._fill_columns()
        cl.addWidget(self.column_table)
        split.addWidget(col_box)

        ans_box = QGroupBox(self.tr("答案 → 选项（量表分值）"))
        al = QVBoxLayout(ans_box)
        self.answer_table = QTableWidget(0, 4)
        self.answer_table.setObjectName("survey_answer_table")
        self.answer_table.setHorizontalHeaderLabels([self.tr("题目"), self.tr("答案"), self.tr("次数"),
                                                     self.tr("对应到")])
        al.addWidget(self.answer_table)
        split.addWidget(ans_box)

        dec_box = QGroupBox(self.tr("问题数据的处理"))
        self.decision_form = QFormLayout(dec_box)
        self.decision_combos: dict[str, QComboBox] = {}
        for kind, (label, skip, keep) in svc.DECISION_LABELS.items():
            combo = QComboBox()
            combo.setObjectName(f"decision_{kind}")
            combo.addItem(self.tr("（请选择）"), UNMAPPED)
            combo.addItem(error_text(skip), "skip")
            combo.addItem(error_text(keep), "keep")
            combo.currentIndexChanged.connect(self._invalidate)
            self.decision_combos[kind] = combo
            self.decision_form.addRow(error_text(label), combo)
        split.addWidget(dec_box)

        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("survey_import_report")
        self.report_view.setReadOnly(True)
        split.addWidget(self.report_view)
        split.setSizes([220, 200, 120, 160])
        lay.addWidget(split, 1)

        buttons = QDialogButtonBox()
        self.check_btn = QPushButton(self.tr("检查（不写入）"))
        self.import_btn = QPushButton(self.tr("导入"))
        self.import_btn.setObjectName("survey_import_button")
        buttons.addButton(self.check_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_btn, QDialogButtonBox.ButtonRole.AcceptRole)
        close_btn = QPushButton(self.tr("关闭"))
        buttons.addButton(close_btn, QDialogButtonBox.ButtonRole.RejectRole)
        self.check_btn.clicked.connect(self.check)
        self.import_btn.clicked.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._fill_answers()
        self.check()

    # ------------------------------------------------------------------ columns
    def _target_items(self):
        yield self.tr("（未对应）"), "unmapped:"
        yield self.tr("忽略该列"), "ignore:"
        yield self.tr("答卷编号"), "respondent_id:"
        yield self.tr("提交时间"), "submitted_at:"
        for q in self.questions:
            yield f"{q.code} {q.text}（{error_text(QUESTION_KINDS.get(q.kind, q.kind))}）", f"question:{q.id}"

    def _fill_columns(self) -> None:
        how = {"saved": self.tr("已保存的对应"), "exact": self.tr("题目相同"), "similar": self.tr("题目相近"),
               "platform": self.tr("平台字段"), "chosen": self.tr("手工指定"), "": ""}
        for row, c in enumerate(self.columns):
            self.column_table.setItem(row, 0, QTableWidgetItem(c.letter))
            self.column_table.setItem(row, 1, QTableWidgetItem(c.header))
            combo = QComboBox()
            for text, data in self._target_items():
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(f"{c.target}:{c.question_id}")))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._column_changed(r))
            self.column_table.setCellWidget(row, 2, combo)
            self.column_table.setItem(row, 3, QTableWidgetItem(how.get(c.how, c.how)))
            for col in (0, 1, 3):
                self.column_table.item(row, col).setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        hh = self.column_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def column_combo(self, row: int) -> QComboBox:
        return self.column_table.cellWidget(row, 2)

    def set_column_target(self, row: int, target: str, question_id: str = "") -> None:
        """Map column ``row`` (0-based) to ``target`` (question / ignore / respondent_id / submitted_at)."""
        combo = self.column_combo(row)
        i = combo.findData(f"{target}:{question_id if target == 'question' else ''}")
        if i < 0:
            raise ValueError(f"unknown target {target} {question_id}")
        combo.setCurrentIndex(i)

    def _column_changed(self, row: int) -> None:
        target, _sep, qid = self.column_combo(row).currentData().partition(":")
        c = self.columns[row]
        c.target, c.question_id, c.how = target, qid, "chosen"
        self.column_table.item(row, 3).setText(self.tr("手工指定"))
        self._fill_answers()
        self._invalidate()

    # ------------------------------------------------------------------ answers
    def _fill_answers(self) -> None:
        keep = {(qid, text): self.answer_combo(r).currentData()
                for r, (qid, text, _auto) in enumerate(self._answer_rows)}
        self._answer_rows = []
        counts: dict[str, Counter] = svc.distinct_answers(self.rf, self.columns)
        for c in self.columns:
            if c.target != "question":
                continue
            q = self.q_by_id[c.question_id]
            if q.kind == "text":
                continue
            for text, _n in sorted(counts.get(q.id, Counter()).items(), key=lambda kv: -kv[1]):
                auto = match_option(text, q, self.options[q.id])
                self._answer_rows.append((q.id, text, auto.id if auto else None))
        self.answer_table.setRowCount(len(self._answer_rows))
        for r, (qid, text, auto) in enumerate(self._answer_rows):
            q = self.q_by_id[qid]
            n = counts[qid][text]
            for col, value in enumerate((f"{q.code} {q.text}", text, str(n))):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.answer_table.setItem(r, col, item)
            combo = QComboBox()
            combo.addItem(self.tr("（未对应：量表外）"), UNMAPPED)
            combo.addItem(self.tr("量表外，不计分"), "")
            for o in self.options[qid]:
                label = self.tr("{0}（{1}分）").format(o.label, o.score) if q.kind == "satisfaction" else \
                    self.tr("{0}（{1}）").format(o.label, self.tr("正确") if o.correct else self.tr("错误"))
                combo.addItem(label, o.id)
            saved = self.saved.answers.get((qid, normalize_answer(text)))
            if (qid, text) in keep:
                chosen = keep[(qid, text)]
            elif saved is not None:
                chosen = saved
            else:
                chosen = auto
            combo.setCurrentIndex(0 if chosen is UNMAPPED else max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(self._invalidate)
            self.answer_table.setCellWidget(r, 3, combo)
        hh = self.answer_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def answer_combo(self, row: int) -> QComboBox:
        return self.answer_table.cellWidget(row, 3)

    def answer_row(self, question_id: str, text: str) -> int:
        for r, (qid, t, _auto) in enumerate(self._answer_rows):
            if qid == question_id and t == text:
                return r
        return -1

    def set_answer_target(self, question_id: str, text: str, option_id: str | None) -> None:
        """Map an answer text of a question to an option id, ``''`` (outside the scale, unscored) or ``None``."""
        r = self.answer_row(question_id, text)
        if r < 0:
            raise ValueError(f"answer {text!r} not in the file for question {question_id}")
        combo = self.answer_combo(r)
        combo.setCurrentIndex(0 if option_id is UNMAPPED else combo.findData(option_id))

    # ------------------------------------------------------------------ mapping, decisions, report
    def mapping(self) -> svc.ImportMapping:
        """The user's choices: the columns mapped by hand, and the answer mappings that differ from the
        automatic match (the saved ones included)."""
        m = svc.ImportMapping()
        for c in self.columns:
            if c.how == "chosen" and c.target != "unmapped" and c.header.strip():
                m.columns[c.header] = (c.target, c.question_id)
        for r, (qid, text, auto) in enumerate(self._answer_rows):
            choice = self.answer_combo(r).currentData()
            if choice is not UNMAPPED and choice != auto:
                m.answers[(qid, text)] = choice
        return m

    def decisions(self) -> dict[str, str]:
        return {k: c.currentData() for k, c in self.decision_combos.items() if c.currentData() is not UNMAPPED}

    def set_decision(self, kind: str, value: str | None) -> None:
        combo = self.decision_combos[kind]
        combo.setCurrentIndex(0 if value is UNMAPPED else combo.findData(value))

    def _invalidate(self, *_a) -> None:
        self.import_btn.setEnabled(False)

    def _run(self, dry_run: bool):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return svc.import_responses(self.ctx.ef, self.survey.id, self.path, sheet=self.sheet,
                                        mapping=self.mapping(), decisions=self.decisions(), dry_run=dry_run,
                                        rf=self.rf)
        except WcifError as e:
            show_user_error(self, e)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def check(self):
        """Dry run with the current choices; shows the report and enables 导入 when nothing is left to decide."""
        rep = self._run(dry_run=True)
        if rep is None:
            return None
        self.report = rep
        counts = rep.counts()
        for kind, combo in self.decision_combos.items():
            visible = bool(counts[kind])
            combo.setVisible(visible)
            self.decision_form.labelForField(combo).setVisible(visible)
        self.report_view.setPlainText("\n".join(error_text(line) for line in rep.lines()))
        self.import_btn.setEnabled(rep.ok)
        return rep

    def do_import(self):
        """Import with the current choices (checked again first) on a worker thread with its own connection
        to the evaluation file and a progress dialog; :attr:`imported` is emitted and the dialog closes when
        done. Returns the worker task (``None`` when the check leaves something to decide)."""
        rep = self.check()
        if rep is None or not rep.ok:
            return None
        self.import_btn.setEnabled(False)
        self.check_btn.setEnabled(False)
        self.task = run_with_progress(self, self.tr("正在导入答卷"), import_in_own_connection, self.ctx.path,
                                      self.survey.id, self.path, sheet=self.sheet, mapping=self.mapping(),
                                      decisions=self.decisions(), rf=self.rf, on_done=self._imported,
                                      on_error=self._failed)
        return self.task

    def _imported(self, rep) -> None:
        self.report = rep
        self.report_view.setPlainText("\n".join(error_text(line) for line in rep.lines()))
        self.check_btn.setEnabled(True)
        self.ctx.changed.emit(survey_changes())
        self.imported.emit(rep)
        if rep.written:
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.check_btn.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.report_view.appendPlainText(self.tr("已取消，未写入任何答卷。"))
        elif isinstance(exc, WcifError):
            self.report_view.appendPlainText(self.tr("未能完成：{0}").format(error_text(exc)))
            show_user_error(self, exc)
        else:
            handle_exception(type(exc), exc, exc.__traceback__)


def import_in_own_connection(wcif_path, survey_id: str, path, *, progress, **kwargs):
    """Run :func:`~wcif_desktop.services.survey.import_responses` on a connection of the calling (worker)
    thread — SQLite connections are not shared across threads (DESIGN.md)."""
    with open_file(wcif_path) as ef:
        return svc.import_responses(ef, survey_id, path, progress=progress, **kwargs)
