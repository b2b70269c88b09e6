"""``wcif-desktop FILE --read-only``: the window shows the file and writes nothing (issue 15 §1)."""

from __future__ import annotations

from wcif_desktop.domain.model import Evaluation
from wcif_desktop.store import backups


def test_window_opens_read_only_walks_every_step_and_refuses_edits(qtbot, sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow
    from wcif_desktop.ui.pages import STEP_PAGES

    before = sample_path.read_bytes(), sample_path.stat().st_mtime_ns
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(sample_path, read_only=True)
    win.show()
    qtbot.waitExposed(win)
    assert "只读" in win.windowTitle() and win.ctx.ef.read_only
    for row in range(len(STEP_PAGES)):
        win.step_list.setCurrentRow(row)
        qtbot.wait(10)
    assert messages == []  # building every page wrote nothing
    ev = win.ctx.evaluation()
    assert not win.ctx.edit_fields(Evaluation, ev.id, title="不该写入")
    assert messages and "只读" in messages[-1]
    win.close()
    assert (sample_path.read_bytes(), sample_path.stat().st_mtime_ns) == before
    assert backups.list_backups(sample_path) == []


def test_cli_accepts_read_only_for_the_window():
    from wcif_desktop.cli import _gui_parser

    args = _gui_parser(with_subcommands=False).parse_args(["文件.wcif", "--read-only"])
    assert args.read_only and args.path == "文件.wcif"
