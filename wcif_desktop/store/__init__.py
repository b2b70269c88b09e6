"""The evaluation file (``.wcif``): one self-contained SQLite database per evaluation."""

from .db import APPLICATION_ID, EvaluationFile, schema_version  # noqa: F401
