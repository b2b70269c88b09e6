"""The report's narrative text, section by section (both outlines' sections, ``report.content.NARRATIVE_SECTIONS``).

For the chosen section the evaluator edits text in which data fields are placed from a picker as ``{{key}}``
(``domain.fields.FIELD_LABELS``); below it a live preview shows the text as the report prints it, with the current
values (recomputed whenever the data changes, through the context's ``changed`` signal). A section without
narrative shows the sentence the report generates from the data (``report.content.generated_text``); the evaluator
can adopt it and edit it, or reset a section to the generated sentence. Unknown placeholders are highlighted and
listed. Text is saved through ``services.evaluation.set_narrative`` via the context (undoable, Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import FIELD_LABELS, PLACEHOLDER, field_values, fill, unknown_fields
from .pages.base import CommitTextEdit

NARRATIVE_TABLE = "narrative"


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Known ``{{fields}}`` in blue, unknown ones in red with a wavy underline."""

    def __init__(self, document, known: set[str]):
        super().__init__(document)
        self.known = known
        self.ok = QTextCharFormat()
        self.ok.setForeground(QColor("#1565c0"))
        self.ok.setFontWeight(QFont.Weight.DemiBold)
        self.bad = QTextCharFormat()
        self.bad.setForeground(QColor("#c62828"))
        self.bad.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.bad.setUnderlineColor(QColor("#c62828"))

    def highlightBlock(self, text: str) -> None:
        for m in PLACEHOLDER.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self.ok if m.group(1) in self.known else self.bad)


class NarrativeComposer(QWidget):
    """Section list on the left; editor, field picker, generated sentence and live preview on the right.

    Signals: ``section_changed(str)`` with the key of the section shown.
    """

    section_changed = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None, sections: dict[str, str] | None = None):
        from ..services.deliverables.content import NARRATIVE_SECTIONS

        super().__init__(parent)
        self.ctx = ctx
        self.sections = dict(sections or NARRATIVE_SECTIONS)
        self.values: dict[str, str] = {}
        self.narratives: dict[str, str] = {}
        self.generated: dict[str, str] = {}
        self.section = next(iter(self.sections))

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("narrative_sections")
        self.list.setWordWrap(True)
        for key in self.sections:
            it = QListWidgetItem()
            it.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(it)
        self.list.currentRowChanged.connect(self._row_changed)
        split.addWidget(self.list)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("narrative_title")
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        rl.addWidget(self.title)
        self.source = QLabel()
        self.source.setObjectName("narrative_source")
        rl.addWidget(self.source)

        picker = QHBoxLayout()
        self.fields = QComboBox()
        self.fields.setObjectName("field_picker")
        for key, label in FIELD_LABELS.items():
            self.fields.addItem(f"{label}  {{{{{key}}}}}", key)
        self.insert_btn = QPushButton(self.tr("插入字段"))
        self.insert_btn.setObjectName("insert_field")
        self.insert_btn.clicked.connect(self.insert_field)
        self.adopt_btn = QPushButton(self.tr("采用生成的文字并编辑"))
        self.adopt_btn.setObjectName("adopt_generated")
        self.adopt_btn.clicked.connect(self.adopt_generated)
        self.reset_btn = QPushButton(self.tr("恢复为自动生成"))
        self.reset_btn.setObjectName("reset_generated")
        self.reset_btn.clicked.connect(self.reset_to_generated)
        picker.addWidget(QLabel(self.tr("数据字段")))
        picker.addWidget(self.fields, 1)
        picker.addWidget(self.insert_btn)
        rl.addLayout(picker)

        self.edit = CommitTextEdit()
        self.edit.setObjectName("narrative_text")
        self.edit.committed.connect(self._commit)
        self.edit.textChanged.connect(self._update_preview)
        self.highlighter = PlaceholderHighlighter(self.edit.document(), set(FIELD_LABELS))
        rl.addWidget(self.edit, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.adopt_btn)
        buttons.addWidget(self.reset_btn)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        self.warning = QLabel()
        self.warning.setObjectName("narrative_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c62828;")
        rl.addWidget(self.warning)
        box = QGroupBox(self.tr("报告中显示为（当前数据）"))
        bl = QVBoxLayout(box)
        self.preview = QLabel()
        self.preview.setObjectName("narrative_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        bl.addWidget(self.preview)
        rl.addWidget(box, 2)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([240, 700])
        lay.addWidget(split)

        ctx.changed.connect(self._on_changed)
        self._stale = True  # read lazily: on first show or first use (keeps start-up and edits elsewhere fast)
        self.list.setCurrentRow(0)

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Re-read narratives, field values and generated sentences from the evaluation file."""
        from ..services.deliverables.content import generated_text
        from ..services.deliverables.extras import load_extras

        snap = self.ctx.snapshot()
        self.values = field_values(snap)
        self.narratives = dict(snap.narratives)
        extras = load_extras(self.ctx.ef)
        self.generated = {k: generated_text(snap, k, extras) for k in self.sections}
        self.highlighter.known = set(self.values)
        for i in range(self.list.count()):
            it = self.list.item(i)
            key = it.data(Qt.ItemDataRole.UserRole)
            own = bool(self.narratives.get(key, "").strip())
            state = self.tr("自撰") if own else self.tr("自动生成")
            it.setText(f"{self.sections[key]}\n（{state}）")
            it.setForeground(self.palette().text() if own else self.palette().placeholderText())
        self.show_section(self.section)

    def ensure_fresh(self) -> None:
        """Reload if data changed since the last read (or nothing was read yet)."""
        if self._stale and not self.ctx.closed:
            self._stale = False
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.ensure_fresh()
        super().showEvent(event)

    def _on_changed(self, _changes) -> None:
        if self.ctx.closed:
            return
        # any data change may change a field's value or a generated sentence
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    def _row_changed(self, row: int) -> None:
        if row < 0 or self._stale and not self.isVisible():
            return
        self.edit.commit()  # save the section being left
        self.show_section(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def select(self, key: str) -> None:
        self.ensure_fresh()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(i)
                return
        raise KeyError(key)

    def show_section(self, key: str) -> None:
        if self._stale:
            self._stale = False
            self.reload()  # reload() shows the current section itself
            if key == self.section:
                return
        changed = key != self.section
        self.section = key
        self.title.setText(self.sections[key])
        saved = self.narratives.get(key, "")
        typing = (not changed and self.edit.hasFocus() and self.edit.toPlainText() != self.edit._value)
        if not typing:  # never overwrite what the user is typing
            self.edit.set_value(saved)
        gen = self.generated.get(key, "")
        self.edit.setPlaceholderText(self.tr("（未撰写：报告将使用根据数据生成的文字）") + "\n" + gen)
        own = bool(saved.strip())
        self.source.setText(self.tr("来源：评价人员撰写") if own else self.tr("来源：根据数据自动生成"))
        self.reset_btn.setEnabled(own)
        self.adopt_btn.setEnabled(bool(gen))
        self.rehighlight()
        self._update_preview()
        if changed:
            self.section_changed.emit(key)

    def rehighlight(self) -> None:
        self.highlighter.rehighlight()

    # ------------------------------------------------------------------ preview
    def preview_text(self) -> str:
        text = self.edit.toPlainText()
        if text.strip():
            return fill(text.strip(), self.values)
        return self.generated.get(self.section, "")

    def unknown(self) -> list[str]:
        return unknown_fields(self.edit.toPlainText(), self.values)

    def _update_preview(self) -> None:
        self.preview.setText(self.preview_text() or self.tr("（该部分在报告中没有文字）"))
        bad = self.unknown()
        self.warning.setText(self.tr("未知字段（报告中将显示为【未知字段】）：{0}").format("、".join(bad)) if bad else "")
        self.warning.setVisible(bool(bad))

    # ------------------------------------------------------------------ actions
    def _commit(self, text: str) -> None:
        if not self.ctx.set_narrative(self.section, text):
            self.edit.set_value(self.narratives.get(self.section, ""))  # rejected (or locked and kept): saved text
            self._update_preview()

    def insert_field(self, key: str | None = None) -> None:
        """Put ``{{key}}`` (default: the picker's field) at the cursor and save."""
        key = key or self.fields.currentData()
        if not key:
            return
        cursor = self.edit.textCursor()
        cursor.insertText("{{" + key + "}}")
        self.edit.setTextCursor(cursor)
        self.edit.commit()
        self.edit.setFocus()

    def adopt_generated(self) -> None:
        """Replace the section's text with the generated sentence (then edit it)."""
        gen = self.generated.get(self.section, "")
        if gen:
            self.edit.setPlainText(gen)
            self.edit.commit()
            self.edit.setFocus()

    def reset_to_generated(self) -> None:
        """Drop the evaluator's text: the report uses the generated sentence again (undoable)."""
        self.edit.setPlainText("")
        self.edit.commit()


__all__ = ["NarrativeComposer", "PlaceholderHighlighter"]
