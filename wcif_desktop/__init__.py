"""WCIF Desktop — offline fiscal performance evaluation (绩效评价) of work-injury insurance funds (工伤保险基金).

Package map (see ``shared/DESIGN.md``):

- :mod:`wcif_desktop.domain`   — dataclasses and rules (scoring, grades, finance ratios); no Qt, no SQL.
- :mod:`wcif_desktop.store`    — the SQLite evaluation file (``.wcif``): schema, migrations, audit log.
- :mod:`wcif_desktop.services` — use cases shared by the UI, the CLI and the tests.
- :mod:`wcif_desktop.render`   — renderers of the document model: PDF (reportlab), Word (python-docx), PAdES signatures (pyHanko).
- :mod:`wcif_desktop.ui`       — the Qt desktop client (the only package importing Qt).
"""

from ._version import __version__

APP_NAME = "WCIF Desktop"

__all__ = ["APP_NAME", "__version__"]
