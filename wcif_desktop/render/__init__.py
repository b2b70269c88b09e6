"""Renderers: a :class:`~wcif_desktop.domain.document.Document` in, bytes out.

- :mod:`~wcif_desktop.render.pdf` — PDF through reportlab (fonts, Chinese line breaking, 目录 with page numbers,
  bookmarks, GB/T 9704 page style);
- :mod:`~wcif_desktop.render.docx` — Word through python-docx (heading styles, TOC field), and
  :mod:`~wcif_desktop.render.firm_template` for a firm's own .docx (docxtpl);
- :mod:`~wcif_desktop.render.signing` — PAdES signatures (pyHanko) on written PDFs.

Renderers import neither ``services`` nor ``store`` and never open an evaluation file
(``tests/test_architecture.py``). No Qt here.
"""

from ._patterns import defer as _defer_patterns

_defer_patterns()  # before reportlab and pyHanko's cryptography are imported (start-up time, see _patterns)
