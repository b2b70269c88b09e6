"""The English translation is complete: every message of ``resources/i18n/wcif_en.ts`` is finished, every
translatable literal in ``wcif_desktop/ui/`` (``self.tr``, ``QCoreApplication.translate``, ``QT_TR_NOOP``,
``QT_TRANSLATE_NOOP``) is in the ``.ts`` under the context Qt looks it up with at run time, every call has a form
``pyside6-lupdate`` can attribute to that context, and the compiled ``wcif_en.qm`` agrees with the ``.ts``.

A new UI text without an English translation fails here; fix it with ``python3 -m wcif_desktop.ui.i18n`` and
translating the new entries of ``wcif_en.ts`` (see ``resources/i18n/README.md``).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

import wcif_desktop.ui
from wcif_desktop.paths import resource

UI_DIR = Path(wcif_desktop.ui.__file__).resolve().parent
APP_CLASSES = {"QCoreApplication", "QApplication", "QGuiApplication"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{\w*(?:![rsa])?(?::[^{}]*)?\}")


@dataclass(frozen=True)
class Use:
    where: str  # "file.py:line"
    context: str | None  # None: lupdate cannot attribute it (a problem)
    text: str | None  # None: not a literal
    problem: str = ""


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_app_translate(func) -> bool:
    if not (isinstance(func, ast.Attribute) and func.attr == "translate"):
        return False
    base = func.value
    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
    return name in APP_CLASSES


class _Scanner(ast.NodeVisitor):
    def __init__(self, rel: str):
        self.rel, self.classes, self.uses = rel, [], []

    def visit_ClassDef(self, node):
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _use(self, node, context, text_node, problem=""):
        text = _literal(text_node) if text_node is not None else None
        if text_node is not None and text is None and isinstance(text_node, (ast.JoinedStr, ast.BinOp)):
            problem = problem or "an f-string or concatenation cannot be translated; use a literal and .format()"
        self.uses.append(Use(f"{self.rel}:{node.lineno}", context, text, problem))

    def visit_Assign(self, node):
        v = node.value
        if (isinstance(v, ast.Attribute) and v.attr == "tr") or _is_app_translate(v):
            self.uses.append(Use(f"{self.rel}:{node.lineno}", None, None,
                                 f"{ast.unparse(node)}: lupdate cannot follow an alias of a translation function"))
        self.generic_visit(node)

    def visit_Call(self, node):
        f = node.func
        cls = self.classes[-1] if self.classes else None
        arg0 = node.args[0] if node.args else None
        arg1 = node.args[1] if len(node.args) > 1 else None
        if isinstance(f, ast.Attribute) and f.attr == "tr":
            if isinstance(f.value, ast.Name) and f.value.id in ("self", "cls") and cls:
                self._use(node, cls, arg0)
            else:
                self._use(node, None, arg0, f"{ast.unparse(f)}(...): lupdate files this under the wrong context; "
                                            "use self.tr or QCoreApplication.translate(\"Context\", ...)")
        elif isinstance(f, ast.Name) and f.id == "tr":
            self._use(node, None, arg0, "a bare tr(...) helper is filed under an empty context by lupdate; use "
                                        "QCoreApplication.translate(\"Context\", ...)")
        elif _is_app_translate(f) or (isinstance(f, ast.Name) and f.id == "QT_TRANSLATE_NOOP"):
            ctx = _literal(arg0)
            self._use(node, ctx, arg1, "" if ctx is not None else "the context must be a string literal")
        elif isinstance(f, ast.Name) and f.id == "QT_TR_NOOP":
            self._use(node, cls, arg0, "" if cls else "QT_TR_NOOP outside a class has no context")
        self.generic_visit(node)


def scan_sources() -> list[Use]:
    uses = []
    from wcif_desktop.ui.i18n import translatable_modules

    for path in translatable_modules():  # the UI and the core modules marking error templates
        scanner = _Scanner(path.relative_to(UI_DIR.parent).as_posix())
        scanner.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        uses += scanner.uses
    return uses


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


@pytest.fixture(scope="module")
def ts_messages():
    return read_ts(resource("i18n", "wcif_en.ts"))


def test_scanner_finds_the_known_forms(tmp_path):
    """The scanner itself: every form is found with the right context, and the wrong forms are reported."""
    src = (
        "class Page:\n"
        "    def f(self, window):\n"
        "        self.tr('一')\n"
        "        QCoreApplication.translate('ctx', '二')\n"
        "        QT_TRANSLATE_NOOP('c2', '三')\n"
        "        window.tr('四')\n"
        "        tr('五')\n"
        "        self.tr(f'{x}六')\n"
        "        self.tr(label)\n"
        "        t = QCoreApplication.translate\n"
    )
    s = _Scanner("x.py")
    s.visit(ast.parse(src))
    got = [(u.context, u.text, bool(u.problem)) for u in s.uses]
    assert got == [("Page", "一", False), ("ctx", "二", False), ("c2", "三", False), (None, "四", True),
                   (None, "五", True), ("Page", None, True), ("Page", None, False),
                   (None, None, True)]


def test_every_call_has_a_form_lupdate_understands():
    problems = [f"{u.where}: {u.problem}" for u in scan_sources() if u.problem]
    assert not problems, "\n".join(problems)


def test_every_ui_text_is_in_the_ts_file(ts_messages):
    uses = [u for u in scan_sources() if u.text is not None and u.context is not None]
    assert len(uses) > 300  # the scan sees the UI (a broken scan would make this test vacuous)
    missing = [f"{u.where}: [{u.context}] {u.text}" for u in uses if (u.context, u.text) not in ts_messages]
    assert not missing, "not in wcif_en.ts (run python3 -m wcif_desktop.ui.i18n):\n" + "\n".join(missing)


def test_every_message_is_translated(ts_messages):
    assert len(ts_messages) > 300
    bad = []
    for (context, source), message in ts_messages.items():
        tr = message.find("translation")
        texts = _translations(message)
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            bad.append(f"[{context}] {source!r}: {tr.get('type') or 'empty'}")
            continue
        for t in texts:
            if sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(source)) and "%n" not in source:
                bad.append(f"[{context}] {source!r}: placeholders differ in {t!r}")
            # Chinese may stay only where it is quoted from the source (document numbers like 财预〔2020〕10号,
            # names of indicators or markers that the report prints in Chinese)
            if t == source and CJK.search(source) or any(run not in source for run in CJK.findall(t)):
                bad.append(f"[{context}] {source!r}: Chinese left in {t!r}")
    assert not bad, "\n".join(bad)


def test_compiled_qm_matches_the_ts(qapp, ts_messages):
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(resource("i18n", "wcif_en.qm")))
    stale = []
    for (context, source), message in ts_messages.items():
        texts = _translations(message)
        if len(texts) == 1 and t.translate(context, source) != texts[0]:
            stale.append(f"[{context}] {source!r}")
    assert not stale, "wcif_en.qm is older than wcif_en.ts (run python3 -m wcif_desktop.ui.i18n):\n" + \
        "\n".join(stale)


def _domain_labels():
    """Chinese labels from Qt-free modules that the UI passes through translate(); their UI module marks them
    with QT_TRANSLATE_NOOP, and this keeps the marks in step with the domain's dictionaries."""
    from wcif_desktop.domain.model import ROLES
    from wcif_desktop.domain.panel import PANEL_METHODS
    from wcif_desktop.domain.review import REQUEST_STATUSES, SIGNOFF_LABELS
    from wcif_desktop.domain.rules import RULE_TYPES
    from wcif_desktop.domain.scoring import DEFAULT_GRADE_BANDS
    from wcif_desktop.domain.survey import SATISFACTION_METHODS
    from wcif_desktop.domain.targets import COMPARED_FIELDS
    from wcif_desktop.render.firm_template import KIND_NAMES

    return [("PanelWidget", PANEL_METHODS), ("TargetComparisonDialog", COMPARED_FIELDS), ("roles", ROLES), ("ScoringPage", {g: g for _, g in DEFAULT_GRADE_BANDS}), ("DocumentsDialog", KIND_NAMES), ("review", REQUEST_STATUSES), ("review", SIGNOFF_LABELS),
            ("SurveyPanel", SATISFACTION_METHODS), ("rules", RULE_TYPES)]


def test_domain_labels_shown_in_the_ui_are_translated(qapp):
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(resource("i18n", "wcif_en.qm")))
    missing = [f"[{ctx}] {label}" for ctx, labels in _domain_labels() for label in labels.values()
               if not t.translate(ctx, label)]
    assert not missing, "mark these with QT_TRANSLATE_NOOP in the UI module and translate them:\n" + \
        "\n".join(missing)
