"""One exception family for problems a user can fix (shown as plain-language messages).

Anything not derived from :class:`WcifError` is a bug and reaches the crash dialog / traceback.

Messages are Chinese templates marked for Qt Linguist, so the UI can show them in English too, while this core
stays free of Qt::

    raise WcifError(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=path)

``pyside6-lupdate`` collects the marked templates (context ``core``) into ``resources/i18n/wcif_en.ts``;
``wcif_desktop.ui.errors.error_text`` looks the template up and fills in the parameters. ``str(err)`` is the
Chinese sentence (the CLI and the logs print it).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name Qt Linguist's lupdate looks for)
    """Mark ``text`` (a message template) for translation under ``context``; returns it unchanged."""
    return text


class Message(str):
    """A user-facing sentence the core composes for the UI (a readiness item, a check's finding, a warning): a
    ``str`` in Chinese, as before, that also carries its marked template and parameters so the UI can show it in
    English (``wcif_desktop.ui.errors.error_text``). Report text is never a Message: the report stays Chinese.

    ``Message(QT_TRANSLATE_NOOP("core", "问题“{name}”未填写原因分析"), name=name)``.

    Raises:
        KeyError / IndexError: the template names a placeholder ``params`` lacks (a programming error).
    """

    def __new__(cls, template: str, /, **params):
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self


class WcifError(Exception):
    """A problem the user can fix; ``str(err)`` is a complete, user-facing sentence in Chinese.

    ``WcifError(template, **params)``: ``template`` is a Chinese sentence with ``{name}`` placeholders (marked with
    :func:`QT_TRANSLATE_NOOP`), ``params`` the values; ``str(err)`` is ``template.format(**params)``. Without
    params the message is used as it is (literal braces stay). ``err.template`` / ``err.params`` let the UI
    translate it.

    Raises:
        KeyError / IndexError: the template names a placeholder ``params`` lacks (a programming error).
    """

    def __init__(self, message: str = "", /, **params):
        self.template = message
        self.params = params
        super().__init__(message.format(**params) if params else message)

    @classmethod
    def from_error(cls, error: BaseException) -> "WcifError":
        """The same message (still translatable) as an error of this class, e.g. ``ImportRefused.from_error(e)``."""
        template = getattr(error, "template", None) or str(error)
        return cls(template, **(getattr(error, "params", None) or {}))


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

    def __init__(self, message: str = QT_TRANSLATE_NOOP("core", "操作已取消"), /, **params):
        super().__init__(message, **params)
