"""The evaluation's deliverables besides the signed report, and Word output for all of them.

See :mod:`wcif_desktop.documents.generate` for the entry points (:func:`build_outline`, :func:`write_document`).
"""
