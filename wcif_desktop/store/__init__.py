"""The evaluation file (``.wcif``): one self-contained SQLite database per evaluation.

``APPLICATION_ID``, ``EvaluationFile`` and ``schema_version`` of :mod:`.db` are importable from here; :mod:`.db` is
loaded on first use, so that importing :mod:`.sidecars` (every subcommand does) does not load the store.
"""

_FROM_DB = ("APPLICATION_ID", "EvaluationFile", "schema_version")


def __getattr__(name: str):
    if name in _FROM_DB:
        from . import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = list(_FROM_DB)
