"""Issue 21: the canonical JSON of record versions and audit entries is written from a plan per key set
(``DictJson``) instead of through ``json.JSONEncoder``; it must be the encoder's output byte for byte, or every
record hash and history hash would change. ``now_iso`` looks the local offset up once per second and must give
what the full lookup gives."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time

import pytest

from wcif_desktop.store import db
from wcif_desktop.store.db import DictJson, entry_hash, now_iso, record_hash, record_json

TEXTS = [
    "", "a", "普通文本", '引号"和\\反斜杠', "斜杠/不转义", "制表\t换行\n回车\r退格\b换页\f",
    "".join(chr(c) for c in range(0x20)), "\x7f删除符", "\u2028行分隔\u2029段分隔", "表情😀𠀀（非基本平面）",
    "\ufeff字节序标记", "混合 mixed 123 {\"json\": [1, 2]}", " 前后空格 ",
]
INTS = [0, 1, -1, 2**63 - 1, -(2**63)]


def _rows():
    keys = ["id", "modified_at", "modified_by", "deleted", "title", "b", "Z", "中文列", "a_b"]
    values = TEXTS + INTS + [None]
    for i in range(len(values)):
        yield {k: values[(i + j * 7) % len(values)] for j, k in enumerate(keys)}


def _canonical(row: dict) -> str:
    """The definition: the encoder over the row without its bookkeeping columns, binary/float as ``_canon``."""
    return json.dumps({k: db._canon(v) for k, v in row.items() if k not in ("modified_at", "modified_by")},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def test_record_json_is_the_encoders_output_byte_for_byte():
    rows = list(_rows())
    assert len(rows) > 15
    for row in rows:
        assert record_json(row) == _canonical(row)
        assert record_hash(row) == hashlib.sha256(_canonical(row).encode("utf-8")).hexdigest()


@pytest.mark.parametrize("value", [1.5, float("nan"), b"\x00\x01", True, dt.date(2026, 1, 2)])
def test_values_other_than_text_int_and_null_take_the_encoder(value):
    row = {"id": "r1", "modified_at": "x", "modified_by": "y", "deleted": 0, "value": value, "title": "标题"}
    plan = DictJson(tuple(row), sort=True, drop=frozenset({"modified_at", "modified_by"}))
    assert plan.encode(row) is None
    assert record_json(row) == _canonical(row)


def test_unsorted_and_spaced_plans_match_the_encoder_too():
    encoder = json.JSONEncoder(ensure_ascii=False)  # default separators, insertion order (a created record's entry)
    for row in _rows():
        plan = DictJson(tuple(row), sort=False, drop=frozenset({"deleted"}), compact=False)
        assert plan.encode(row) == encoder.encode({k: v for k, v in row.items() if k != "deleted"})
    assert DictJson((), sort=True).encode({}) == "{}"
    assert DictJson(("only",), sort=True).encode({"only": "一个"}) == json.dumps({"only": "一个"}, ensure_ascii=False,
                                                                                separators=(",", ":"))


def _entry_payload(entry: dict) -> str:
    return json.dumps({k: entry[k] for k in entry if k in db.ENTRY_KEYS}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def test_entry_hash_is_of_the_encoders_json():
    prev = "0" * 64
    for i, text in enumerate(TEXTS):
        entry = {"at": "2026-01-02T03:04:05.000006+08:00", "who": f"成员{i}", "table_name": "finding",
                 "record_id": f"id-{i}", "field": "title", "old": None if i % 3 == 0 else TEXTS[-1 - i],
                 "new": text, "prev_hash": prev, "hash": "ignored", "seq": i}
        assert entry_hash(prev, entry) == hashlib.sha256((prev + _entry_payload(entry)).encode("utf-8")).hexdigest()
        prev = entry_hash(prev, entry)
    # a numeric id and an entry without some keys are encoded as they are
    odd = {"at": "t", "who": "w", "table_name": "x", "record_id": 7, "field": "f", "old": None, "new": "1",
           "prev_hash": prev}
    assert entry_hash(prev, odd) == hashlib.sha256((prev + _entry_payload(odd)).encode("utf-8")).hexdigest()
    partial = {"at": "t", "who": "w", "new": "1"}
    assert entry_hash(prev, partial) == hashlib.sha256((prev + _entry_payload(partial)).encode("utf-8")).hexdigest()


def test_a_batch_of_entries_hashes_as_the_encoder_would(bare_sample_path):
    """``_log_many`` (used by the merge) writes each hash from the entry's JSON as the encoder writes it."""
    ef = db.EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    try:
        finding = ef.rows("finding")[0]
        entries = [("finding", finding["id"], "title", finding["title"], text, "2026-01-02T03:04:05+08:00", None)
                   for text in TEXTS] + [("finding", finding["id"], "deleted", 0, 1, "2026-01-02T03:04:05+08:00", "甲")]
        with ef.transaction():
            start = ef.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
            ef._log_many(entries)
        cur = ef.conn.execute("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq", [start])
        names = [d[0] for d in cur.description]
        written = [dict(zip(names, r)) for r in cur]
        assert len(written) == len(entries)
        for row in written:
            payload = _entry_payload(db.EntryExpander(ef.conn).expand(row))
            assert row["hash"] == hashlib.sha256((row["prev_hash"] + payload).encode("utf-8")).hexdigest()
        assert ef.verify_history(records=False) == []
    finally:
        ef.close()


def _reference_now() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="microseconds")


def test_now_iso_has_the_local_offset():
    a, ours, b = _reference_now(), now_iso(), _reference_now()
    if a[-6:] == b[-6:]:  # (no change of the local offset in between)
        assert ours[-6:] == a[-6:]
        assert dt.datetime.fromisoformat(a) <= dt.datetime.fromisoformat(ours) <= dt.datetime.fromisoformat(b)
    assert len(ours) == len(a)  # to the microsecond, with the offset


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")
def test_now_iso_follows_a_time_zone_change_at_once(monkeypatch):
    try:
        for zone, offset in (("Asia/Shanghai", "+08:00"), ("UTC", "+00:00"), ("Asia/Shanghai", "+08:00")):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            assert now_iso().endswith(offset)
            assert now_iso()[-6:] == _reference_now()[-6:]
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("sort", [True, False])
@pytest.mark.parametrize("compact", [True, False])
def test_plans_of_keys_with_format_characters_quotes_and_braces(sort, compact):
    """A plan is a function written for its keys, the values put into a ``%`` template of the key parts: keys
    holding ``%``, quotes, backslashes or braces, and values holding ``%``, come out as the encoder writes them."""
    keys = ("a%s", "%", 'q"k', "中文", "{x}", "%%d", "b\\c", "%(v)s")
    row = dict(zip(keys, ["x%sy", None, 5, "文本", "", "%(a)s", "\n", -0]))
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=sort, separators=(",", ":") if compact else (", ", ": "))
    plan = DictJson(keys, sort=sort, compact=compact)
    assert plan.encode(row) == encoder.encode(row)
    assert plan.encode_values(tuple(row[k] for k in (sorted(keys) if sort else keys))) == encoder.encode(row)
    assert DictJson(keys, sort=sort, compact=compact).encode is plan.encode  # written once per key list
    assert plan.encode(dict(row, **{"%": 1.5})) is None
