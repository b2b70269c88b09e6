"""The merge report shown after File ▸ 交换 ▸ 导入并合并 is in English when the UI is: its sentences are core
:class:`~wcif_desktop.domain.errors.Message` objects (``MergeReport.lines()``) that the message box shows through
``ui.errors.error_text``; the Chinese text (CLI, tests) is unchanged."""

import pytest

pytest.importorskip("PySide6")

from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

pytestmark = pytest.mark.gui

# the English of the templates of services/merge.py (resources/i18n/wcif_en.ts, context "core")
MERGED_FROM = "Merged from: {source}"
COUNTS = ("Records added: {inserted}, updated: {updated}, deleted: {deleted}; evidence contents added: {content}; "
          "history entries imported: {history}; new conflicts: {conflicts}.")


def test_merge_report_shown_in_english(qtbot, qapp, boxes, sample_path, workdir):
    from wcif_desktop.ui.i18n import install_translators
    from wcif_desktop.ui.mainwindow import MainWindow

    theirs = workdir / "成员 明文.wcif"
    exchange.export_evaluation(sample_path, theirs, log2_n=12)
    m = EvaluationFile.open(theirs, who="甲")
    m.update("finding", m.records(Finding)[0].id, {"title": "甲改"})
    m.close()
    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    try:
        install_translators(qapp, "en")
        win.load(sample_path)
        acts = win.exchange_actions
        acts.import_from(theirs)
        qtbot.waitUntil(lambda: acts.last_result is not None, timeout=20000)
        rep = acts.last_result
        assert isinstance(rep, merge.MergeReport) and rep.updated
        assert rep.lines()[0] == f"合并来源：{theirs.name}"  # the core's text stays Chinese
        title, text = boxes[-1]
        lines = text.split("\n")
        assert lines[0] == MERGED_FROM.format(source=theirs.name)
        assert lines[1] == COUNTS.format(inserted=len(rep.inserted), updated=len(rep.updated),
                                         deleted=len(rep.deleted), content=rep.content_added,
                                         history=rep.history_added, conflicts=len(rep.conflicts))
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in lines[0].replace(theirs.name, "") + lines[1])
    finally:
        install_translators(qapp, "zh")
        win.close()
