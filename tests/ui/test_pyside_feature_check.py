"""PySide6 asks of every module imported after it whether its source mentions "PySide6" (its ``__feature__``
switches); ``wcif_desktop.ui`` answers from the file's bytes instead of through ``inspect.getsource`` (start-up
time, issue 21). The answers must be PySide6's own, for every module a start loads and for the odd ones."""

from __future__ import annotations

import sys
import types

import pytest

import wcif_desktop.ui  # noqa: F401 - installs the check

pytestmark = pytest.mark.gui

feature = sys.modules.get("shibokensupport.feature")
needs_hook = pytest.mark.skipif(feature is None or not hasattr(feature, "_mod_uses_pyside"),
                                reason="this PySide6 has no feature check to answer")


@needs_hook
def test_the_check_is_installed_and_answers_as_pyside_for_every_loaded_module():
    check = feature._mod_uses_pyside
    assert getattr(check, "from_bytes", False) is True
    import wcif_desktop.ui.app  # noqa: F401 - a start's modules: ours (with and without Qt), the stdlib's

    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    assert len(modules) > 100
    answers = {m.__name__: check(m) for m in modules}
    assert answers == {m.__name__: check.asked(m) for m in modules}
    import json  # noqa: F401

    assert answers["wcif_desktop.ui.app"] is True and check(sys.modules["json"]) is False


@needs_hook
def test_modules_without_a_source_file_are_asked_as_pyside_asks(tmp_path):
    check = feature._mod_uses_pyside
    gone = types.ModuleType("已删除 模块")
    gone.__file__ = str(tmp_path / "不存在 的 模块.py")  # a .py that is not there
    source = tmp_path / "用 Qt 的 模块.py"
    source.write_text("# 界面\nfrom PySide6.QtCore import Qt\n", encoding="utf-8")
    qt_user = types.ModuleType("用Qt的模块")
    qt_user.__file__ = str(source)
    for module in (sys, gone, types.ModuleType("无文件")):
        assert check(module) is check.asked(module) is False
    assert check(qt_user) is True
