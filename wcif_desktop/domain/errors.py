"""One exception family for problems a user can fix (shown as plain-language messages).

Anything not derived from :class:`WcifError` is a bug and reaches the crash dialog / traceback.
"""


class WcifError(Exception):
    """A problem the user can fix; ``str(err)`` is a complete, user-facing sentence (Chinese first)."""


class NotAnEvaluationFile(WcifError):
    """The file is not a WCIF evaluation file (wrong application id, not SQLite, or corrupt)."""


class NewerSchemaError(WcifError):
    """The evaluation file was written by a newer version of WCIF Desktop."""


class ValidationError(WcifError):
    """A value breaks a domain rule (e.g. a score above its weight)."""


class SigningError(WcifError):
    """A signing identity could not be created or used (wrong passphrase, unreadable PKCS#12 …)."""


class ReportError(WcifError):
    """The report cannot be written (missing glyphs, unwritable target …)."""


class Cancelled(WcifError):
    """Long work was cancelled by the user; nothing was written."""

    def __init__(self, message: str = "操作已取消 (cancelled)"):
        super().__init__(message)
