"""The PySide6 desktop client — the only package that imports Qt.

Layout: :mod:`.app` (start-up, ``run_gui``), :mod:`.mainwindow` (step list + pages), :mod:`.context`
(``EvaluationContext``: the open file, its undo stack and the ``changed`` signal), :mod:`.models` (table/tree
models, testable without views), :mod:`.pages` (one module per step), :mod:`.settings` (typed QSettings),
:mod:`.errors` (user-error messages and the crash dialog), :mod:`.i18n` (Qt Linguist translations).
"""

import sys

import PySide6.QtCore  # noqa: F401 - the process's first Qt import (it installs PySide6's import hook used below)


def _check_feature_use_from_bytes() -> None:
    """Answer PySide6's question "does this module use PySide6?" from the module file's bytes.

    After each import, PySide6 (``shibokensupport.feature.feature_imported``) asks whether the new module's source
    mentions "PySide6", to know whether its ``from __feature__ import …`` switches (snake_case, true_property)
    may apply there. It reads the source with :func:`inspect.getsource`: line cache, encoding detection, decoding,
    a list of lines joined again: for the modules a start imports after Qt, ~4 ms of the start to a painted
    window on the sample (issue 21; measured against the code without this). The same question is answered here
    by looking for the same ASCII bytes in the ``.py`` file; a module without one (built in, frozen, a missing
    file) is asked as PySide6 asks it. Nothing changes if a PySide6 has no such function (it is private API;
    written against PySide6 6.11).
    """
    feature = sys.modules.get("shibokensupport.feature")
    asked = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "from_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as fh:
                    return b"PySide6" in fh.read()
            except OSError:
                pass
        return asked(module)

    uses_pyside.from_bytes = True
    uses_pyside.asked = asked
    feature._mod_uses_pyside = uses_pyside


_check_feature_use_from_bytes()
