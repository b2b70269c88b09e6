"""The decisions a survey import can ask for (see :mod:`wcif_desktop.services.survey`): their kinds and their labels.

Kept apart from the import service so that the command line can describe its ``--unmapped-columns`` … options
without loading the survey machinery (start-up time of every subcommand).
"""

from __future__ import annotations

from .errors import QT_TRANSLATE_NOOP, Message

DECISION_KINDS = ("unmapped_column", "missing_column", "different_survey", "duplicate", "out_of_scale")
DECISION_LABELS = {  # (what, skip, keep): Messages, shown in the import dialog
    "unmapped_column": (Message(QT_TRANSLATE_NOOP("core", "无法对应的列")), Message(QT_TRANSLATE_NOOP("core", "忽略该列")),
                        Message(QT_TRANSLATE_NOOP("core", "作为新的文字题导入"))),
    "missing_column": (Message(QT_TRANSLATE_NOOP("core", "文件中缺少的题目")), Message(QT_TRANSLATE_NOOP("core", "取消导入")),
                       Message(QT_TRANSLATE_NOOP("core", "照常导入（该题无答案）"))),
    "different_survey": (Message(QT_TRANSLATE_NOOP("core", "文件疑似属于其他问卷")),
                         Message(QT_TRANSLATE_NOOP("core", "取消导入")),
                         Message(QT_TRANSLATE_NOOP("core", "仍导入能对应的列"))),
    "duplicate": (Message(QT_TRANSLATE_NOOP("core", "重复的答卷")), Message(QT_TRANSLATE_NOOP("core", "只计入第一份")),
                  Message(QT_TRANSLATE_NOOP("core", "全部计入"))),
    "out_of_scale": (Message(QT_TRANSLATE_NOOP("core", "量表外的答案")), Message(QT_TRANSLATE_NOOP("core", "不计入这些答卷")),
                     Message(QT_TRANSLATE_NOOP("core", "计入，该答案不计分"))),
}

__all__ = ["DECISION_KINDS", "DECISION_LABELS"]
