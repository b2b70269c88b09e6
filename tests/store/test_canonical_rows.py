"""CanonicalRows writes exactly the canonical JSON of record_json / entry_hash without a dict per row (the
history check of verify-history and the roll-up reads every entry and record of a file)."""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal

import pytest

from wcif_desktop.store.db import (
    _ENTRY_JSON,
    ENTRY_KEYS,
    CanonicalRows,
    EvaluationFile,
    entry_hash,
    record_hash,
    record_json,
)

TEXTS = ["", "工伤保险基金", 'quote " and \\ back', "<tag> & amp", "line\nbreak\ttab\x00nul\x1f", "😀 emoji",
         "\u2028\u2029", "  spaces  ", "e\u0301", "\x7f"]


def _value(rnd: random.Random, binary: bool = True):
    kind = rnd.randrange(9 if binary else 7)
    if kind == 0:
        return None
    if kind == 1:
        return rnd.choice([0, 1, -1, 2 ** 70, -(2 ** 63)])
    if kind == 2:
        return rnd.choice([0.1, -0.0, 1e300, float("nan"), float("inf")]) if binary else 0.5
    if kind == 3:
        return True if binary else 1
    if kind in (4, 5, 6):
        return rnd.choice(TEXTS) + str(rnd.randrange(1000))
    if kind == 7:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(5)))
    return Decimal("12.30")  # not a SQLite type: record_json writes it with default=str


@pytest.mark.parametrize("seed", range(20))
def test_record_text_equals_record_json(seed):
    rnd = random.Random(seed)
    cols = rnd.sample(["id", "name", "modified_at", "modified_by", "deleted", "score", "数据", "a b", "Z", "_x",
                       "blob", "\u00e9"], rnd.randrange(1, 12))
    canon = CanonicalRows(cols)
    for _ in range(50):
        row = tuple(_value(rnd) for _ in cols)
        d = dict(zip(cols, row))
        assert canon.text(row) == record_json(d)
        assert canon.hash(row) == record_hash(d)


def test_record_text_of_only_meta_columns_is_an_empty_object():
    assert CanonicalRows(["modified_at", "modified_by"]).text(("x", "y")) == record_json(
        {"modified_at": "x", "modified_by": "y"}) == "{}"


@pytest.mark.parametrize("seed", range(10))
def test_entry_text_equals_entry_hash_payload(seed):
    rnd = random.Random(100 + seed)
    cols = list(ENTRY_KEYS) + ["seq", "hash", "old_ref", "new_delta", "depth"]
    rnd.shuffle(cols)
    canon = CanonicalRows(cols, "entry")
    for _ in range(50):
        row = tuple(_value(rnd, binary=False) for _ in cols)
        d = dict(zip(cols, row))
        payload = _ENTRY_JSON.encode({k: d[k] for k in d if k in ENTRY_KEYS})
        assert canon.text(row) == payload
        prev = rnd.choice(["0" * 64, "ab" * 32])
        assert hashlib.sha256((prev + canon.text(row)).encode()).hexdigest() == entry_hash(prev, d)


def test_entry_kind_needs_every_entry_column():
    with pytest.raises(KeyError):
        CanonicalRows([k for k in ENTRY_KEYS if k != "who"], "entry")


def test_verify_history_finds_what_the_dict_path_found(sample_path, workdir):
    """On a real file: intact → no problem; an entry altered in place, or a record changed outside the program,
    is reported (the fast tuple path judges as the dict path)."""
    import shutil
    import sqlite3

    path = workdir / "历史 核对.wcif"
    shutil.copyfile(sample_path, path)
    with EvaluationFile.open(path, backup=False) as ef:
        assert ef.verify_history() == []
        seq = ef.conn.execute("SELECT seq FROM audit_log WHERE old_ref IS NULL AND new_delta IS NULL "
                              "ORDER BY seq LIMIT 1 OFFSET 5").fetchone()[0]
        rid = ef.conn.execute("SELECT record_id FROM sync_head WHERE table_name = 'indicator' LIMIT 1").fetchone()[0]
    con = sqlite3.connect(path)
    con.execute("UPDATE audit_log SET who = who || '·' WHERE seq = ?", [seq])
    con.execute("UPDATE indicator SET name = name || '（改）' WHERE id = ?", [rid])
    con.commit()
    con.close()
    with EvaluationFile.open(path, backup=False) as ef:
        problems = ef.verify_history()
    assert f"历史记录第{seq}条：内容被改动" in problems
    assert any(p.startswith("记录在本程序之外被修改：indicator") and rid in p for p in problems)
