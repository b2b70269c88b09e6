"""GUI of the exchange: conflict dialog (side by side, field by field), record history, File ▸ 交换 actions
running off the UI thread."""


import pytest

pytest.importorskip("PySide6")

from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy

pytestmark = pytest.mark.gui


@pytest.fixture
def conflicted(sample_path, workdir):
    """The sample with one open conflict on a finding (title and body changed on both sides)."""
    member = export_copy(sample_path, workdir / "成员 甲.wcif")
    ef = EvaluationFile.open(member, who="甲")
    fid = ef.records(Finding)[0].id
    ef.update("finding", fid, {"title": "甲的标题", "body": "甲的正文"})
    ef.close()
    ef = EvaluationFile.open(sample_path, who="组长")
    ef.update("finding", fid, {"title": "组长的标题", "body": "组长的正文"})
    rep = exchange.import_file(ef, member)
    ef.close()
    assert len(rep.conflicts) == 1
    return sample_path, member, fid


@pytest.fixture
def ctx(qapp, boxes):
    from wcif_desktop.ui.context import EvaluationContext

    made = []

    def make(path):
        c = EvaluationContext(EvaluationFile.open(path))
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def test_conflict_dialog_side_by_side_field_by_field(qtbot, conflicted, ctx):
    from wcif_desktop.ui.conflicts import COL_MINE, COL_RESULT, COL_THEIRS, ConflictDialog

    path, _, fid = conflicted
    c = ctx(path)
    changed = []
    c.changed.connect(changed.append)
    dlg = ConflictDialog(c)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 1
    fields = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    assert fields == ["body", "title"]
    r_title, r_body = fields.index("title"), fields.index("body")
    assert dlg.table.item(r_title, COL_MINE).text() == "组长的标题"
    assert dlg.table.item(r_title, COL_THEIRS).text() == "甲的标题"
    assert dlg.choice(r_title) == "mine"
    # take theirs for the title (radio button), edit the body by typing into the result cell
    theirs_btn = next(b for b in dlg.groups[r_title].buttons() if b.property("choice") == "theirs")
    theirs_btn.click()
    assert dlg.table.item(r_title, COL_RESULT).text() == "甲的标题"
    dlg.table.item(r_body, COL_RESULT).setText("两人合写的正文")
    assert dlg.choice(r_body) == "edited"
    assert dlg.apply_current()
    assert dlg.list.count() == 0 and not dlg.btn_apply.isEnabled()
    row = c.ef.rows("finding", "id = ?", [fid])[0]
    assert (row["title"], row["body"]) == ("甲的标题", "两人合写的正文")
    assert changed and changed[-1].touches("finding")
    assert merge.list_conflicts(c.ef) == []


def test_record_history_model_shows_own_and_merged_edits(qtbot, conflicted, ctx):
    from wcif_desktop.ui.history import HistoryModel, RecordHistoryDialog, RecordPickerDialog

    path, _, fid = conflicted
    c = ctx(path)
    dlg = RecordHistoryDialog(c, "finding", fid)
    qtbot.addWidget(dlg)
    m = dlg.model
    assert m.columnCount() == 6 and m.rowCount() >= 3
    rows = [[m.data(m.index(r, col)) for col in range(6)] for r in range(m.rowCount())]
    assert any(r[2] == "title" and r[4] == "组长的标题" and r[5] == "本文件" for r in rows)
    assert any(r[2] == "title" and r[4] == "甲的标题" and r[5] == "成员 甲.wcif" for r in rows)
    assert isinstance(m, HistoryModel)
    picker = RecordPickerDialog(c)
    qtbot.addWidget(picker)
    picker.tables.setCurrentIndex(picker.tables.findData("finding"))
    picker.records.setCurrentIndex(picker.records.findData(fid))
    assert picker.selected() == ("finding", fid)


@pytest.fixture
def window(qtbot, boxes):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_menu_actions_follow_the_open_file(window, sample_path):
    acts = window.exchange_actions
    file_menu = window.menuBar().actions()[0].menu()
    assert any(a.menu() is acts.menu for a in file_menu.actions())
    assert not acts.act_import.isEnabled()
    window.load(sample_path)
    assert all(a.isEnabled() for a in acts.actions)


def test_export_and_import_run_off_the_ui_thread(qtbot, window, sample_path, workdir, boxes):
    window.load(sample_path)
    acts = window.exchange_actions
    member = workdir / "界面 导出.wcif"
    task = acts.export_to(member, password="口令 12345678")
    qtbot.waitUntil(lambda: acts.last_result is not None, timeout=20000)
    assert task.isFinished() or task.wait(5000)
    assert acts.last_result.path == member and acts.last_result.encrypted
    # the member edits a finding; the lead (the window) edits the same one → conflict shown after the merge
    plain = workdir / "成员 明文.wcif"
    exchange.export_evaluation(sample_path, plain, log2_n=12)
    m = EvaluationFile.open(plain, who="甲")
    fids = [f.id for f in m.records(Finding)]
    m.update("finding", fids[0], {"title": "甲改"})
    m.update("finding", fids[1], {"title": "只有甲改"})
    m.close()
    window.ctx.edit_fields(Finding, fids[0], title="组长改")
    assert window.ctx.undo_stack.count() == 1
    refreshed = []
    window.ctx.changed.connect(refreshed.append)
    acts.last_result = None
    acts.import_from(plain)
    qtbot.waitUntil(lambda: acts.last_result is not None, timeout=20000)
    rep = acts.last_result
    assert isinstance(rep, merge.MergeReport) and len(rep.conflicts) == 1
    assert window.ctx.ef.rows("finding", "id = ?", [fids[1]])[0]["title"] == "只有甲改"
    assert window.ctx.undo_stack.count() == 0
    assert refreshed and refreshed[-1].touches("finding")
    assert any("冲突" in t for t, _ in boxes)
    from wcif_desktop.ui.conflicts import ConflictDialog

    dlgs = [w for w in window.findChildren(ConflictDialog)]
    assert dlgs and dlgs[-1].list.count() == 1
    dlgs[-1].close()


def test_refused_import_is_shown_and_changes_nothing(qtbot, window, sample_path, workdir, boxes):
    window.load(sample_path)
    acts = window.exchange_actions
    bad = workdir / "坏 文件.wcif"
    bad.write_bytes(b"garbage" * 100)
    acts.import_from(bad)
    qtbot.waitUntil(lambda: acts.last_result is not None, timeout=20000)
    assert isinstance(acts.last_result, exchange.ImportRefused)
    assert any("不是 SQLite" in text for _, text in boxes)
