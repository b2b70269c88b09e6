"""``wcif-desktop FILE --read-only``: the window shows the file and writes nothing (issue 15 §1)."""

from __future__ import annotations

import sys
from pathlib import Path

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


def test_window_says_what_it_did_with_a_stale_wal(qtbot, sample_path, messages):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from store.test_sidecars import TITLE, _other_evaluation, _wal_of

    from wcif_desktop.ui.mainwindow import MainWindow

    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = '另一个评价（WAL）'"], beside=sample_path)
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(sample_path)
    assert win.ctx.evaluation().title == TITLE
    assert len(messages) == 1 and "-wal" in messages[0] and "旁的附属文件" in messages[0]
    win.close()


def test_create_and_save_as_set_a_stale_sidecar_aside(qtbot, sample_path, workdir, messages):
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.ui.context import EvaluationContext

    new = workdir / "新建.wcif"
    Path(str(new) + "-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    ef = svc.create_empty(new)
    ef.close()
    assert not Path(str(new) + "-journal").exists()
    assert [p.name for p in workdir.iterdir() if "旁的附属文件" in p.name]
    dest = workdir / "副本.wcif"
    Path(str(dest) + "-wal").write_bytes(b"stale")
    ctx = EvaluationContext(svc.open_file(sample_path))
    try:
        ctx.save_copy(dest)
    finally:
        ctx.close()
    assert not Path(str(dest) + "-wal").exists()
    with svc.open_read_only(dest) as ef:
        assert svc.evaluation(ef).title
