"""The PySide6 desktop client — the only package that imports Qt.

Layout: :mod:`.app` (start-up, ``run_gui``), :mod:`.mainwindow` (step list + pages), :mod:`.context`
(``EvaluationContext``: the open file, its undo stack and the ``changed`` signal), :mod:`.models` (table/tree
models, testable without views), :mod:`.pages` (one module per step), :mod:`.settings` (typed QSettings),
:mod:`.errors` (user-error messages and the crash dialog), :mod:`.i18n` (Qt Linguist translations).
"""
