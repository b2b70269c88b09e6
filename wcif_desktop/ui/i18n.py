"""Translations through Qt Linguist. The source language is Chinese; English comes from
``resources/i18n/wcif_en.qm`` (built from ``wcif_en.ts`` by ``python3 -m wcif_desktop.ui.i18n``, which runs
``pyside6-lupdate`` over every module of this package and ``pyside6-lrelease`` — both ship with PySide6-Essentials).
``tests/ui/test_i18n_complete.py`` fails when a UI text is missing from the ``.ts`` or has no English. Qt's own dialog buttons come
from ``qtbase_zh_CN.qm`` in Qt's translations folder when the UI is Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..paths import resource

LANGUAGES = {"zh": "中文", "en": "English"}
_installed: list[QTranslator] = []


def qm_path(lang: str):
    return resource("i18n", f"wcif_{lang}.qm")


def install_translators(app: QApplication, lang: str) -> list[str]:
    """Install the translators for ``lang`` (``zh`` or ``en``), replacing earlier ones. Returns what was loaded."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        t = QTranslator(app)
        try:
            path = qm_path("en")
        except FileNotFoundError:
            path = None
        if path is not None and path.is_file() and t.load(str(path)):
            app.installTranslator(t)
            _installed.append(t)
            loaded.append(str(path))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            t = QTranslator(app)
            if t.load(name, qt_dir):
                app.installTranslator(t)
                _installed.append(t)
                loaded.append(name)
                break
    return loaded


def translatable_modules() -> list:
    """Every module of this package (pages included), plus every module of the Qt-free core that marks
    message templates with ``QT_TRANSLATE_NOOP`` (:mod:`wcif_desktop.domain.errors`); nothing listed by hand."""
    from pathlib import Path

    ui_dir = Path(__file__).resolve().parent
    core = [p for p in ui_dir.parent.rglob("*.py")
            if ui_dir not in p.parents and "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]
    return sorted(ui_dir.rglob("*.py")) + sorted(core)


def update_translations(languages=("en",)) -> list:
    """Refresh ``resources/i18n/wcif_<lang>.ts`` from the sources (``pyside6-lupdate``, keeping existing
    translations) and compile them to ``.qm`` (``pyside6-lrelease``). Both tools ship with PySide6-Essentials.
    Edit the ``.ts`` files with Qt Linguist (``pyside6-linguist``) between the two steps as needed.
    """
    import subprocess

    sources = [str(p) for p in translatable_modules()]
    out = []
    for lang in languages:
        ts = resource("i18n", f"wcif_{lang}.ts")
        subprocess.run(["pyside6-lupdate", *sources, "-source-language", "zh_CN", "-target-language", lang,
                        "-no-obsolete", "-locations", "none", "-ts", str(ts)], check=True)
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        out.append(ts.with_suffix(".qm"))
    return out


if __name__ == "__main__":  # python3 -m wcif_desktop.ui.i18n
    for qm in update_translations():
        print(qm)
