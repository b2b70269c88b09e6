"""Error messages of the Qt-free core are translatable (issue 9): every WcifError raised with Chinese text uses a
template marked ``QT_TRANSLATE_NOOP("core", …)`` with ``{name}`` parameters, and the UI shows it in English when
the UI language is English."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import wcif_desktop
from wcif_desktop.domain.errors import QT_TRANSLATE_NOOP, NotAnEvaluationFile, WcifError

PKG = Path(wcif_desktop.__file__).resolve().parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def _error_class_names() -> set[str]:
    for m in pkgutil.walk_packages([str(PKG)], "wcif_desktop."):
        if ".ui" not in m.name and not m.name.endswith("__main__"):
            importlib.import_module(m.name)
    names, todo = set(), [WcifError]
    while todo:
        c = todo.pop()
        names.add(c.__name__)
        todo += c.__subclasses__()
    return names


def _has_cjk(node) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
               for n in ast.walk(node))


def _is_marked(node) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2 and isinstance(node.args[0], ast.Constant) and node.args[0].value == "core"
            and isinstance(node.args[1], ast.Constant))


def unmarked_messages() -> list[str]:
    """``file:line`` of every error constructed from Chinese text that is not a marked template."""
    names = _error_class_names()
    out = []
    for path in sorted(PKG.rglob("*.py")):
        if (PKG / "ui") in path.parents:
            continue  # the UI translates with self.tr()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            if name in names and _has_cjk(node.args[0]) and not _is_marked(node.args[0]):
                out.append(f"{path.relative_to(PKG.parent).as_posix()}:{node.lineno}: {ast.unparse(node)[:100]}")
    return out


def test_scanner_sees_unmarked_and_marked_forms():
    tree = ast.parse('raise WcifError(f"找不到：{p}")\nraise WcifError(QT_TRANSLATE_NOOP("core", "找不到：{p}"), p=p)')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "WcifError"]
    assert [_is_marked(c.args[0]) for c in calls] == [False, True]
    assert _has_cjk(calls[0].args[0])


def test_every_core_error_message_is_a_marked_template():
    problems = unmarked_messages()
    assert not problems, "mark these with QT_TRANSLATE_NOOP(\"core\", …) and {name} parameters:\n" + \
        "\n".join(problems)


def test_template_and_params():
    e = WcifError(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path="甲 乙.wcif")
    assert str(e) == "找不到评价文件：甲 乙.wcif" and e.template == "找不到评价文件：{path}"
    assert str(WcifError("含 {{字段}} 的原文")) == "含 {{字段}} 的原文"  # no params: used as it is
    assert str(NotAnEvaluationFile.from_error(e)) == str(e)


def test_ui_shows_core_errors_in_english(qapp, tmp_path):
    from wcif_desktop.store.db import EvaluationFile
    from wcif_desktop.ui.errors import error_text
    from wcif_desktop.ui.i18n import install_translators

    foreign = tmp_path / "不是评价 文件.wcif"
    foreign.write_bytes(b"<not & sqlite>" * 20)
    try:
        EvaluationFile.open(foreign, backup=False)
    except NotAnEvaluationFile as err:
        e = err
    try:
        install_translators(qapp, "en")
        assert error_text(e) == f"Not an evaluation file (not an SQLite database): {foreign}"
        untranslated = WcifError("一句没有译文的话 {x}", x=1)
        assert error_text(untranslated) == "一句没有译文的话 1"  # no translation: the Chinese sentence
        install_translators(qapp, "zh")
        assert error_text(e) == f"不是评价文件（不是 SQLite 数据库）：{foreign}" == str(e)
    finally:
        install_translators(qapp, "zh")


def test_message_is_a_chinese_str_that_the_ui_translates(qapp):
    from wcif_desktop.domain.errors import Message
    from wcif_desktop.ui.errors import error_text
    from wcif_desktop.ui.i18n import install_translators

    m = Message(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path="甲.wcif")
    assert m == "找不到评价文件：甲.wcif" and isinstance(m, str) and m.startswith("找不到")
    import json
    import pickle

    assert json.loads(json.dumps([m])) == ["找不到评价文件：甲.wcif"]
    assert pickle.loads(pickle.dumps(m)) == m
    try:
        install_translators(qapp, "en")
        assert error_text(m) == "Evaluation file not found: 甲.wcif"
        assert error_text("普通字符串") == "普通字符串"
    finally:
        install_translators(qapp, "zh")


def test_a_message_parameter_that_is_a_message_is_translated_too(qapp):
    from decimal import Decimal

    from wcif_desktop.domain.finance import _sum_message
    from wcif_desktop.ui.errors import error_text
    from wcif_desktop.ui.i18n import install_translators

    m = _sum_message(2021, "基金收入", "adjusted_budget", Decimal("10"), "保险费收入", Decimal("10"), Decimal("0"), True)
    assert m == "2021年“基金收入”调整后预算数10.00元等于明细（保险费收入）之和10.00元"
    try:
        install_translators(qapp, "en")
        assert error_text(m) == "2021 “基金收入” adjusted budget 10.00元 equals the sum of its details (保险费收入) 10.00元"
    finally:
        install_translators(qapp, "zh")
