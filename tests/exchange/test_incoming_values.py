"""Issue 23.5: every incoming record is checked like a user's edit; a poisoned value or a broken indicator tree is
refused naming the record, and the lead's file is unchanged."""

from __future__ import annotations

import sqlite3

import pytest

from wcif_desktop.services import exchange
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump


def _poison(path, sql, params=()):
    """Edit the colleague's file directly in SQLite (as a dishonest or broken tool would)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _leaves(path):
    with EvaluationFile.open(path, backup=False) as ef:
        rows = ef.rows("indicator")
    parents = {r["parent_id"] for r in rows}
    return [r for r in rows if r["id"] not in parents], rows


@pytest.mark.parametrize("case", ["huge score", "huge weight", "NaN score", "Infinity budget", "text level",
                                  "self parent", "loop", "missing parent", "dangling reference"])
def test_poisoned_incoming_values_are_refused_naming_the_record(sample_path, workdir, case):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    leaves, rows = _leaves(colleague)
    leaf = leaves[0]
    by_id = {r["id"]: r for r in rows}
    parent = by_id[leaf["parent_id"]]
    name = leaf["name"]
    if case == "huge score":
        _poison(colleague, "UPDATE indicator SET score = '9e999999', weight = '9e999999' WHERE id = ?", [leaf["id"]])
    elif case == "huge weight":
        _poison(colleague, "UPDATE indicator SET weight = '1e20' WHERE id = ?", [leaf["id"]])
    elif case == "NaN score":
        _poison(colleague, "UPDATE indicator SET score = 'NaN' WHERE id = ?", [leaf["id"]])
    elif case == "Infinity budget":
        _poison(colleague, "UPDATE finance_line SET budget = 'Infinity' WHERE rowid = 1")
        with EvaluationFile.open(colleague, backup=False) as ef:
            name = ef.conn.execute("SELECT name FROM finance_line WHERE rowid = 1").fetchone()[0]
    elif case == "text level":
        _poison(colleague, "UPDATE indicator SET level = 'x' WHERE id = ?", [leaf["id"]])
    elif case == "self parent":
        name = parent["name"]
        _poison(colleague, "UPDATE indicator SET parent_id = id WHERE id = ?", [parent["id"]])
    elif case == "loop":
        grand = parent["parent_id"]
        name = None  # any member of the loop may be named
        _poison(colleague, "UPDATE indicator SET parent_id = ? WHERE id = ?", [parent["id"], grand])
    elif case == "missing parent":
        _poison(colleague, "UPDATE indicator SET parent_id = 'no-such-indicator' WHERE id = ?", [leaf["id"]])
    elif case == "dangling reference":
        with EvaluationFile.open(colleague, backup=False) as ef:
            ef.update("indicator", leaf["id"], {"name": name})  # keep the file's history consistent
        _poison(colleague, "INSERT INTO assignment (id, member_id, table_name, record_id, modified_at, modified_by, "
                           "deleted) VALUES ('a1', 'nobody', 'indicator', ?, '', '', 0)", [leaf["id"]])
        name = "assignment"
    before = table_dump(sample_path)
    ef = EvaluationFile.open(sample_path, backup=False)
    try:
        with pytest.raises(exchange.ImportRefused) as e:
            exchange.import_file(ef, colleague)
    finally:
        ef.close()
    text = str(e.value)
    assert "\n" not in text
    if name:
        assert name in text, text
    assert table_dump(sample_path) == before


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once(sample_path, workdir, capsys):
    """Issue 23.6: ``import`` of a FIFO (or any non-regular file) used to hang forever."""
    import os

    from wcif_desktop.cli import main

    fifo = workdir / "管道.wcif"
    os.mkfifo(fifo)
    before = table_dump(sample_path)
    code = main(["import", str(sample_path), str(fifo)])  # would block forever on the first read
    assert code == 2
    assert "不是普通文件" in capsys.readouterr().err
    assert table_dump(sample_path) == before
