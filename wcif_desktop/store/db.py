"""Opening, creating, migrating and writing an evaluation file.

The file is one SQLite database, marked ``PRAGMA application_id = 0x57434946`` ('WCIF'), its schema version in
``PRAGMA user_version``. It uses the rollback journal (``journal_mode=DELETE``) with ``synchronous=FULL``, so
the file on disk is complete on its own after every committed write: no ``-wal`` sidecar to leave behind when
the file is copied to a USB stick.

Every write goes through :meth:`EvaluationFile.insert`, :meth:`~EvaluationFile.update` or
:meth:`~EvaluationFile.delete`, which stamp ``modified_at``/``modified_by`` and append to the hash-chained
audit log in the same transaction; :meth:`~EvaluationFile.insert_bulk` (a survey import) writes many new records
with one entry that holds them all.

**The lock** (after the final signature) is enforced here, under every write path: each audited change passes
:meth:`EvaluationFile._log`, which refuses it (:class:`~wcif_desktop.domain.errors.ValidationError`, the
transaction rolls back) while the evaluation is locked, except for the tables that record reports, lock events,
exports, generated documents and archives (:data:`WRITABLE_WHEN_LOCKED`). The ``locked`` flag itself changes only inside
:meth:`EvaluationFile.changing_lock` (used by :func:`wcif_desktop.services.report_archive.lock` / ``reopen``, which
record who, when and why); a merge may carry a lock in, never an unlock.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import threading
import time
import typing
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import Path

from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    NewerSchemaError,
    NotAnEvaluationFile,
    ValidationError,
    WcifError,
)
from ..domain.model import RECORD_TYPES, Record
from ..domain.money import D
from .migrations import all_migrations


@functools.cache
def _import_sqlite_utils():
    """Import sqlite-utils (on first use: :attr:`EvaluationFile.db`), without the pandas/numpy it loads eagerly
    when they are installed (~0.5 s; our tables never hold pandas values). They stay importable for the code
    that needs them. sqlite-utils itself costs ~70 ms, which start-up does not pay (issue 9)."""
    import sys

    hidden = [m for m in ("pandas", "numpy") if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]  # makes "import m" raise ImportError
    try:
        import sqlite_utils as module
    finally:
        for m in hidden:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
    return module



def warm_up() -> None:
    """Import what the first write needs (sqlite-utils, ~70 ms) ahead of it; the GUI calls this once it is idle
    after start-up, so neither the start nor the first edit waits for it."""
    _import_sqlite_utils()


APPLICATION_ID = 0x57434946  # b"WCIF"
# generated_document / archive_record: the registers of documents written and archives made (logs, as the reports
# are: archiving a locked evaluation writes every document and records the archive)
WRITABLE_WHEN_LOCKED = frozenset({"generated_report", "generated_document", "archive_record", "lock_event", "export"})
GENESIS_HASH = "0" * 64


def schema_version() -> int:
    """The schema version this build writes (number of the newest migration)."""
    migs = all_migrations()
    return migs[-1][0] if migs else 0


def current_user() -> str:
    """Who is making changes: ``WCIF_USER`` or the operating-system login name."""
    try:
        import getpass

        return os.environ.get("WCIF_USER") or getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some Windows setups
        return "unknown"


def now_iso() -> str:
    """Local time with offset, to the microsecond (so records made in the same second still sort in order).

    The local offset is looked up once per second of UTC time (and again when the time zone setting changes):
    offsets change only at whole seconds, and the lookup cost most of the call (a merge stamps thousands of
    history entries)."""
    utc = _dt.datetime.now(_dt.timezone.utc)
    key = (int(utc.timestamp()), time.tzname, time.timezone, time.altzone)
    cached = _LOCAL_TZ
    if cached[0] != key:
        cached[1] = utc.replace(microsecond=0).astimezone().tzinfo
        cached[0] = key
    return utc.astimezone(cached[1]).isoformat(timespec="microseconds")


_LOCAL_TZ: list = [None, None]  # [(UTC second, time zone setting), local offset then]


def to_db(value):
    """Python value → SQLite value (Decimal as exact text, bool as 0/1)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    return value


@functools.lru_cache(maxsize=None)
def _hints(cls):
    """Type hints of a record class, evaluated once per class (get_type_hints is slow for every row)."""
    return typing.get_type_hints(cls)


@functools.lru_cache(maxsize=None)
def _plan(cls) -> tuple[tuple[str, str], ...]:
    """(field name, conversion) per field of a record class: "decimal", "bool", "int", "str" or "" (as stored).
    Worked out once per class: ``str(hint)`` for every field of every row made reading 1,000 indicators ~40 ms."""
    hints = _hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        hint = hints.get(f.name)
        if "Decimal" in str(hint):
            kind = "decimal"
        elif hint is bool:
            kind = "bool"
        elif hint is int:
            kind = "int"
        elif hint is str:
            kind = "str"
        else:
            kind = ""
        plan.append((f.name, kind))
    return tuple(plan)


def _decimal(v) -> Decimal:
    """Stored decimal text → Decimal: the plain text :func:`to_db` writes parses directly; anything else (thousands
    separators, full-width digits, a non-number) goes through :func:`~wcif_desktop.domain.money.D` as before."""
    if type(v) is str:
        try:
            x = Decimal(v)
        except InvalidOperation:
            return D(v)
        if x.is_finite():
            return x
    return D(v)


def _convert(v, kind: str):
    if kind == "str":
        return "" if v is None else v if type(v) is str else str(v)
    if kind == "decimal":
        return None if v is None or v == "" else _decimal(v)
    if kind == "int":
        return int(v or 0)
    if kind == "bool":
        return bool(v)
    return v


def from_row(cls: type[Record], row: dict) -> Record:
    """Build a record dataclass from a table row, converting Decimal/bool/int columns by type hint."""
    return cls(**{name: _convert(row[name], kind) for name, kind in _plan(cls) if name in row})


@functools.lru_cache(maxsize=None)
def _builder(cls, columns: tuple[str, ...]):
    """``row tuple → record`` for rows of ``columns`` (what :func:`from_row` does, without a dict per row)."""
    at = {c: i for i, c in enumerate(columns)}
    steps = tuple((at[name], name, kind) for name, kind in _plan(cls) if name in at)

    def build(r):
        return cls(**{name: _convert(r[i], kind) for i, name, kind in steps})
    return build


def record_to_row(rec: Record) -> dict:
    return {f.name: to_db(getattr(rec, f.name)) for f in dataclasses.fields(rec)}


def _canon(value):
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$sha256": hashlib.sha256(bytes(value)).hexdigest()}
    if isinstance(value, float):
        return {"$float": repr(value)}
    return value


def record_hash(row: dict) -> str:
    """SHA-256 (hex) of a record version: canonical JSON of every column but ``modified_at``/``modified_by``
    (the merge base of :mod:`wcif_desktop.services.merge` identifies versions by it)."""
    return hashlib.sha256(record_json(row).encode("utf-8")).hexdigest()


# the canonical JSON of record versions and audit entries (one encoder: json.dumps builds one per call)
_CANON_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
_PLAIN_TYPES = frozenset({str, int, type(None)})  # stored as they are (see _canon)
_META_COLUMNS = frozenset({"modified_at", "modified_by"})


def record_json(row: dict) -> str:
    """The canonical JSON :func:`record_hash` hashes: every column but ``modified_at``/``modified_by``, keys
    sorted, binary values as ``{"$sha256": …}``, floats as ``{"$float": repr}`` (also the content
    :mod:`wcif_desktop.services.merge` keeps of a version in ``sync_version``).

    Rows of text, integers and NULLs only (nearly all) are written by a :class:`DictJson` plan per column set,
    byte for byte what the encoder writes (issue 21: a merge encodes every record of both files)."""
    keys = tuple(row)
    plan = _CANON_PLANS.get(keys)
    if plan is None:
        plan = _CANON_PLANS[keys] = DictJson(keys, sort=True, drop=_META_COLUMNS, compact=True)
    js = plan.encode(row)
    if js is None:  # a float, binary or other value: the encoder with _canon
        js = _CANON_JSON.encode({k: (v if type(v) in _PLAIN_TYPES else _canon(v)) for k, v in row.items()
                                 if k not in _META_COLUMNS})
    return js


_encode_str = json.encoder.encode_basestring  # what json's encoders use for text with ensure_ascii=False


class DictJson:
    """The JSON of dicts with one key set, exactly as ``json.JSONEncoder(ensure_ascii=False, sort_keys=sort,
    separators=(",", ":") if compact else (", ", ": "))`` encodes the dict without the keys in ``drop``, for
    values that are text, ``int`` or ``None``: the key parts are encoded once, the values one by one with the
    encoder's own text escaping. A dict holding any other value gives ``None`` (the caller then uses the
    encoder), so the result never differs from it.

    ``encode(row)``: the JSON of the dict ``row`` (it has at least the plan's keys). ``encode_values(values)``:
    the same for the dict whose kept values, in the plan's key order (sorted when ``sort``), are ``values``
    (exactly that many). Both are functions written for the plan's number of keys (:func:`_dict_json_functions`:
    one type test per value and one ``%`` format, no loop — issue 21: a merge writes ~20,000 such texts)."""

    __slots__ = ("encode", "encode_values")

    def __init__(self, keys, *, sort: bool, drop=frozenset(), compact: bool = True):
        kept = [k for k in keys if k not in drop]
        if not all(type(k) is str for k in kept):
            raise TypeError("DictJson: keys must be text")
        if sort:
            kept.sort()
        self.encode, self.encode_values = _dict_json_functions(tuple(kept), compact)


_DICT_JSON_FUNCTIONS: dict[tuple[tuple[str, ...], bool], tuple] = {}


def _dict_json_functions(kept: tuple[str, ...], compact: bool) -> tuple:
    """``(encode, encode_values)`` of :class:`DictJson` for the keys ``kept`` in that order, written once per key
    list and separators: for n keys, unpack the n values, replace each by its JSON (text through the encoder's
    own escaping, ``null``, ``int.__repr__``; ``None`` returned for any other type) and put them into the
    template of the key parts (``%`` in a key doubled)."""
    fns = _DICT_JSON_FUNCTIONS.get((kept, compact))
    if fns is not None:
        return fns
    if not kept:
        def encode(row):
            return "{}"

        def encode_values(values):
            return "{}"
    else:
        item_sep, key_sep = (",", ":") if compact else (", ", ": ")
        template = "{" + item_sep.join(_encode_str(k).replace("%", "%%") + key_sep + "%s" for k in kept) + "}"
        names = [f"v{i}" for i in range(len(kept))]
        unpack = ", ".join(names) + ","
        body = "".join(f"    t = type({v})\n"
                       f"    if t is str: {v} = E({v})\n"
                       f"    elif {v} is None: {v} = 'null'\n"
                       f"    elif t is int: {v} = R({v})\n"
                       f"    else: return None\n" for v in names) + f"    return T % ({unpack})\n"
        source = (f"def encode_values(values):\n    {unpack} = values\n{body}"
                  f"def encode(row):\n    {unpack} = {'G(row)' if len(kept) > 1 else '(G(row),)'}\n{body}")
        namespace = {"E": _encode_str, "R": int.__repr__, "T": template, "G": itemgetter(*kept)}
        exec(compile(source, f"<DictJson of {len(kept)} keys>", "exec"), namespace)
        encode, encode_values = namespace["encode"], namespace["encode_values"]
    fns = _DICT_JSON_FUNCTIONS[(kept, compact)] = (encode, encode_values)
    return fns


_CANON_PLANS: dict[tuple, DictJson] = {}


class CanonicalRows:
    """The canonical JSON of rows read as tuples with the columns ``columns`` (of one ``SELECT``), without a dict
    per row: the same text as :func:`record_json` (``kind="record"``: ``modified_at``/``modified_by`` left out)
    or as the audit-entry payload of :func:`entry_hash` (``kind="entry"``: the :data:`ENTRY_KEYS` only). The
    columns are put in ``sort_keys`` order once and written by a :class:`DictJson` plan; a row holding another
    value than text, ``int`` or ``None`` (binary, float…) goes through :func:`record_json` / the entry encoder
    (``tests/store/test_canonical_rows.py`` checks the texts are identical).

    Raises:
        KeyError: ``kind="entry"`` and a column of :data:`ENTRY_KEYS` is missing from ``columns``.
    """

    def __init__(self, columns, kind: str = "record"):
        if kind == "entry":
            at = {c: i for i, c in enumerate(columns)}
            order = [(k, at[k]) for k in sorted(ENTRY_KEYS)]
        else:
            order = sorted((c, i) for i, c in enumerate(columns) if c not in _META_COLUMNS)
        self.record = kind != "entry"
        self.keys = tuple(c for c, _i in order)
        index = [i for _c, i in order]
        self._pick = (itemgetter(*index) if len(index) > 1
                      else (lambda r, i=index[0]: (r[i],)) if index else (lambda r: ()))
        self._plan = DictJson(self.keys, sort=False)  # the keys are in sorted order already

    def text(self, row: tuple) -> str:
        """The canonical JSON of one row tuple."""
        values = self._pick(row)
        out = self._plan.encode_values(values)
        if out is None:
            d = dict(zip(self.keys, values))
            out = record_json(d) if self.record else _ENTRY_JSON.encode(d)
        return out

    def hash(self, row: tuple) -> str:
        """:func:`record_hash` of one row tuple (``kind="record"``)."""
        return hashlib.sha256(self.text(row).encode("utf-8")).hexdigest()


ENTRY_KEYS = ("at", "who", "table_name", "record_id", "field", "old", "new", "prev_hash")
COMPACT_MIN_CHARS = 512  # an edit whose old and new values together are this long is stored as a change
COMPACT_MAX_DEPTH = 64  # then a full value again, so reading one entry follows at most this many changes


_ENTRY_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # as json.dumps with these


_ENTRY_PLAN = DictJson(ENTRY_KEYS, sort=True)  # the same JSON for entries of text and NULLs (all of ours)


def entry_hash(prev_hash: str, entry: dict) -> str:
    """SHA-256 of the previous hash and the canonical JSON of an audit entry (without its hash): the logical
    entry (:data:`ENTRY_KEYS`, ``old``/``new`` in full), however it is stored."""
    try:
        payload = _ENTRY_PLAN.encode(entry)
    except KeyError:  # an entry without some of the keys: encoded as it is
        payload = None
    if payload is None:
        payload = _ENTRY_JSON.encode({k: entry[k] for k in entry if k in ENTRY_KEYS})
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def text_delta(old: str, new: str) -> str:
    """``new`` as a change of ``old``: JSON ``[kept prefix length, kept suffix length, new middle]``. An edit of a
    long finding usually touches one place, so this is about as long as the change."""
    n = min(len(old), len(new))
    p = 0
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return json.dumps([p, s, new[p:len(new) - s]], ensure_ascii=False, separators=(",", ":"))


def apply_delta(old: str, delta: str) -> str:
    """The new value from ``old`` and :func:`text_delta`'s result. Raises ValueError when malformed."""
    p, s, mid = json.loads(delta)
    if not (isinstance(p, int) and isinstance(s, int) and isinstance(mid, str) and 0 <= p and 0 <= s
            and p + s <= len(old)):
        raise ValueError("malformed history delta")
    return old[:p] + mid + old[len(old) - s:]


BATCH_TABLE = "*"  # table_name of the history entry of a bulk insert (EvaluationFile.insert_bulk)
BATCH_FIELD = "*batch"  # its field; its record_id is the batch's id prefix (BulkIds.key)


class BulkIds:
    """Record ids of one bulk insert (:meth:`EvaluationFile.insert_bulk`): UUID4 text sharing one random prefix
    (:attr:`key`, 90 random bits) and numbered in order in the last 8 hex digits, so the records are appended
    to the id index in order and the batch's records are found by id range. :meth:`take` hands out ids."""

    KEY_LENGTH = 28

    def __init__(self):
        import uuid

        h = uuid.uuid4().hex
        self.key = f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:24]}"
        self._next = 0

    def take(self, n: int) -> list[str]:
        """The next ``n`` ids. Raises ValueError beyond 2**32 ids."""
        k = self._next
        if n < 0 or k + n > 0xFFFFFFFF:
            raise ValueError("too many ids for one bulk insert")
        self._next = k + n
        key = self.key
        return [f"{key}{i:08x}" for i in range(k, k + n)]


def _sql_text(value: str) -> str:
    """A text as an SQL string literal (quotes doubled; NUL refused)."""
    if "\x00" in value:
        raise ValueError("NUL in a text literal")
    return "'" + value.replace("'", "''") + "'"


def encode_batch(key: str, tables) -> str:
    """The history content of a bulk insert: JSON ``{"key": key, "tables": [{"table", "columns", "ids": [[first
    number, count], …], "data": [{"c": value} | {"v": [distinct values], "i": [index per row]}, …]}]}`` — one
    entry per column but ``id`` (first of ``columns``), values as stored. ``tables``: ``[(table, columns, rows,
    column types)]``; every id must be ``key`` followed by 8 hex digits.

    Raises:
        ValueError: an id not of ``key``; TypeError: a value whose type does not fit its column."""
    out = []
    n_key = len(key)
    for table, cols, rows, types in tables:
        if cols[0] != "id":
            raise ValueError("the first column of a bulk insert must be id")
        if set(map(len, rows)) != {len(cols)}:
            raise ValueError("a bulk insert row does not have one value per column")
        columns = [list(map(itemgetter(j), rows)) for j in range(len(cols))]
        ids = columns[0]
        if set(map(len, ids)) != {n_key + 8}:
            raise ValueError("a record id not of this bulk insert")
        first, last = ids[0], ids[-1]
        if (first[:n_key] == key == last[:n_key] and int(last[n_key:], 16) - int(first[n_key:], 16) == len(ids) - 1
                and all(map(str.__lt__, ids, ids[1:]))):
            runs = [[int(first[n_key:], 16), len(ids)]]  # one block of ids, in order (as BulkIds.take gives them)
        else:
            if any(i[:n_key] != key for i in ids):
                raise ValueError("a record id not of this bulk insert")
            runs = []
            for k in (int(i[n_key:], 16) for i in ids):
                if runs and runs[-1][0] + runs[-1][1] == k:
                    runs[-1][1] += 1
                else:
                    runs.append([k, 1])
        data = []
        for j, c in enumerate(cols[1:], start=1):
            col = columns[j]
            kinds = set(map(type, col))
            affinity = types.get(c, "")
            allowed = {str, type(None)} if "TEXT" in affinity else {int, type(None)} if "INT" in affinity else None
            if allowed is not None and not kinds <= allowed:
                if "INT" in affinity and kinds <= {int, bool, type(None)}:
                    col = [int(v) if v is not None else None for v in col]
                else:
                    raise TypeError(f"bulk insert: {table}.{c} holds {sorted(k.__name__ for k in kinds)}")
            if len(kinds) == 1 and col.count(col[0]) == len(col):
                data.append({"c": col[0]})
                continue
            distinct = list(dict.fromkeys(col))
            if len(kinds) > 1 and len(distinct) != len({(type(v), v) for v in distinct}):
                raise TypeError(f"bulk insert: {table}.{c} mixes equal values of different types")
            position = {v: k for k, v in enumerate(distinct)}
            data.append({"v": distinct, "i": list(map(position.__getitem__, col))})
        out.append({"table": table, "columns": cols, "ids": runs, "data": data})
    return json.dumps({"key": key, "tables": out}, ensure_ascii=False, separators=(",", ":"))


def decode_batch(content: str) -> dict[str, tuple[list[str], dict[str, tuple]]]:
    """``{table: (columns but id, {id: values})}`` from :func:`encode_batch`'s JSON. Raises ValueError,
    KeyError, TypeError or IndexError when malformed."""
    doc = json.loads(content)
    key = doc["key"]
    out = {}
    for t in doc["tables"]:
        ids = [f"{key}{k:08x}" for first, count in t["ids"] for k in range(first, first + count)]
        n = len(ids)
        cols = []
        for d in t["data"]:
            if "c" in d:
                cols.append([d["c"]] * n)
            else:
                v = d["v"]
                idx = d["i"]
                if len(idx) != n:
                    raise ValueError("bulk history entry malformed")
                cols.append([v[i] for i in idx])
        out[t["table"]] = (list(t["columns"][1:]), dict(zip(ids, zip(*cols))) if cols else {i: () for i in ids})
    return out


class EntryExpander:
    """Rebuilds the full ``old``/``new`` of audit entries stored compactly (``old_ref`` / ``new_delta``), reading
    earlier entries of ``conn``'s ``schema.audit_log`` as needed (a cache of the last value per record field)."""

    def __init__(self, conn, schema: str = "main"):
        self.conn, self.schema = conn, schema
        self._last: dict[int, str | None] = {}

    def values(self, row: dict) -> tuple[str | None, str | None]:
        """``(old, new)`` in full. Raises ValueError when a referenced entry is missing or malformed."""
        if row.get("old_ref") is None and row.get("new_delta") is None:
            return row.get("old"), row.get("new")
        old = row.get("old") if row.get("old_ref") is None else self._new_of(row["old_ref"], row["seq"])
        if row.get("new_delta") is None:
            new = row.get("new")
        else:
            if row.get("new") is not None:
                raise ValueError("history entry stored twice")
            new = apply_delta(old or "", row["new_delta"])
        if len(self._last) > 64:
            self._last.clear()
        self._last[row["seq"]] = new
        return old, new

    def _new_of(self, seq: int, referrer: int) -> str | None:
        if seq in self._last:
            return self._last[seq]
        if seq >= referrer:
            raise ValueError("history entry refers forward")
        cur = self.conn.execute(f"SELECT * FROM {self.schema}.audit_log WHERE seq = ?", [seq])
        cols = [d[0] for d in cur.description]
        r = cur.fetchone()
        if r is None:
            raise ValueError(f"history entry #{seq} missing (referred to by #{referrer})")
        return self.values(dict(zip(cols, r)))[1]

    def expand(self, row: dict) -> dict:
        """``row`` with ``old``/``new`` in full (and without the storage columns)."""
        old, new = self.values(row)
        out = {k: v for k, v in row.items() if k not in ("old_ref", "new_delta", "depth")}
        out["old"], out["new"] = old, new
        return out


def sqlite_uri(path, **params) -> str:
    """The SQLite URI of the file at ``path`` (made absolute), with query ``params`` such as ``mode="ro"``,
    ``immutable=1``. Non-ASCII characters, spaces, ``?`` and ``#`` in the path are percent-encoded; a Windows
    UNC path (a network share, ``//server/share/…``) becomes ``file:////server/share/…``, since SQLite accepts no URI authority.
    See https://sqlite.org/uri.html."""
    from urllib.parse import urlencode

    uri = Path(path).absolute().as_uri()  # absolute(), not resolve(): a mapped drive letter stays as the user chose
    if not uri.startswith("file:///"):
        uri = "file:////" + uri[len("file://"):]
    return uri + ("?" + urlencode(params) if params else "")


def _connect(path: Path) -> sqlite3.Connection:
    """A read-write connection in our settings. Opened by URI, so ``ATTACH`` takes URIs on every platform
    (e.g. an incoming file attached ``mode=ro&immutable=1`` by :mod:`wcif_desktop.services.merge`).

    A ``-wal``/``-shm`` beside the file is moved aside first (never applied; see
    :mod:`wcif_desktop.store.sidecars`): this program never writes them, and SQLite would read one as part of
    the file. :meth:`EvaluationFile.open` also deals with a stale ``-journal`` before it gets here; a ``-journal``
    seen here may belong to a write in progress on another connection, so it is left to SQLite's locking.

    Raises:
        SidecarError: a ``-wal``/``-shm`` cannot be moved aside.
    """
    from .sidecars import WAL_SUFFIXES, set_aside_wal

    if any(os.path.lexists(str(path) + x) for x in WAL_SUFFIXES):
        set_aside_wal(path)
    conn = sqlite3.connect(sqlite_uri(path), uri=True, isolation_level=None, timeout=10)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


class EvaluationFile:
    """One open evaluation file. Not shared across threads: each thread opens its own.

    Use :meth:`create` for a new file and :meth:`open` for an existing one.
    """

    read_only = False  # see :meth:`open_read_only`

    def __init__(self, path: Path, conn: sqlite3.Connection, who: str | None = None):
        self.path = Path(path)
        self.conn = conn
        self.notices: list = []  # sentences for the user about what opening did (sidecars set aside …)
        self.backup: Path | None = None  # the backup of the file as opened in this session (see open())
        self._session: Path | None = None
        self._db = None
        self._sync_tables: bool | None = None  # the file has the merge-base tables (looked up on first edit)
        self._lock_change: str | None = None  # "lock" | "reopen" | "merge" inside changing_lock()
        self._heads_ok: tuple[int, int] | None = None  # _write_state() when outside_changes() last found none
        self.who = who or current_user()

    @property
    def db(self):
        """The ``sqlite_utils.Database`` on this file's connection (created on first use)."""
        if self._db is None:
            self._db = _import_sqlite_utils().Database(self.conn)
        return self._db

    # ------------------------------------------------------------------ opening
    @classmethod
    def create(cls, path, who: str | None = None) -> "EvaluationFile":
        """Create a new, empty evaluation file at ``path``.

        Raises:
            WcifError: the file exists already or cannot be written.
        """
        path = Path(path)
        if path.exists():
            raise WcifError(QT_TRANSLATE_NOOP("core", "文件已存在，不会覆盖：{path}"), path=path)
        from .sidecars import present, set_aside_all

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if present(path):  # left by a file of the same name: SQLite would apply or delete it
                set_aside_all(path)
            conn = _connect(path)
        except (OSError, sqlite3.Error) as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "无法创建评价文件 {path}：{reason}"), path=path, reason=e) from e
        ef = cls(path, conn, who)
        with ef.transaction():
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            ef.migrate_pending()
            ef.db["meta"].insert_all([
                {"key": "created_at", "value": now_iso()},
                {"key": "created_by", "value": ef.who},
            ], replace=True)
        return ef

    @classmethod
    def open(cls, path, who: str | None = None, migrate: bool = True, backup: bool = True) -> "EvaluationFile":
        """Open an existing evaluation file for reading and writing, migrating an older schema after a backup copy.

        In this order, before any read-write connection to the file: the sidecars beside it are dealt with
        (:func:`wcif_desktop.store.sidecars.secure`: a ``-wal``/``-shm`` is moved aside unread, a stale
        ``-journal`` replayed on a copy or moved aside; what was done is in :attr:`notices`), the file is checked
        (:func:`check_file`, read-only), and with ``backup`` (default) a rolling backup of the file as found is
        taken (:mod:`wcif_desktop.store.backups`) — only by the first open of the file in this process: opens
        while it is already open (a report worker, a second window) take none, and the session's backup
        (:attr:`backup`) is kept until the last of them is closed.

        Raises:
            NotAnEvaluationFile: missing, not SQLite, corrupt, or not ours (application id).
            NewerSchemaError: written by a newer version.
            SidecarError: a sidecar beside the file cannot be moved aside (the file is not opened).
        """
        from .sidecars import secure

        path = Path(path)
        if not path.is_file():
            raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=path)
        notices = list(secure(path).notices)
        check_file(path)
        key, first = _session_enter(path)
        try:
            session_backup = _session_backup(key, path) if (backup and first) else _SESSIONS[key][1]
            conn = _connect(path)
        except BaseException:
            _session_leave(key)
            raise
        ef = cls(path, conn, who)
        ef._session, ef.notices, ef.backup = key, notices, session_backup
        unknown = ef.applied_migrations() - {n for n, _name, _fn in all_migrations()}
        if unknown:
            ef.close()
            raise NewerSchemaError(QT_TRANSLATE_NOOP(
                "core", "该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），"
                "请升级软件后再打开：{path}"), unknown=sorted(unknown), path=path)
        if ef.pending_migrations() and migrate:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            ef._session = None  # the session goes on with the reopened connection
            ef.close()
            backup = path.with_name(path.name + f".v{version}.bak")
            shutil.copy2(path, backup)
            conn = _connect(path)
            ef = cls(path, conn, who)
            ef._session, ef.notices, ef.backup = key, notices, session_backup
            with ef.transaction():
                ef.migrate_pending()
        return ef

    @classmethod
    def open_read_only(cls, path, who: str | None = None) -> "EvaluationFile":
        """Open an evaluation file for reading only: no backup, no sidecar applied or moved, no migration in
        place, nothing written to the file or beside it. For viewing and for reading many files (a roll-up).

        The file is read through a read-only connection (``mode=ro``; with ``immutable=1``, i.e. its own bytes
        only, when a ``-wal``/``-shm`` or a stale ``-journal`` lies beside it). A file of an older schema is copied
        (SQLite backup API) into a private temporary folder and migrated there; the copy is deleted on
        :meth:`close`. Every write (:meth:`transaction`, :meth:`insert`, :meth:`update` …) raises
        :class:`~wcif_desktop.domain.errors.WcifError`. :attr:`read_only` is True.

        Raises:
            NotAnEvaluationFile: missing, not SQLite, corrupt, or not ours. NewerSchemaError: written by a newer
            version.
        """
        return ReadOnlyEvaluationFile.open_file(path, who)

    def applied_migrations(self) -> set[int]:
        """Numbers of the migrations applied to this file.

        Recorded in table ``schema_migrations``; a file from before that table existed counts every migration up
        to its ``PRAGMA user_version`` as applied.
        """
        has_table = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").fetchone()
        if has_table:
            return {r[0] for r in self.conn.execute("SELECT number FROM schema_migrations")}
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return {n for n, _name, _fn in all_migrations() if n <= version}

    def pending_migrations(self) -> list[tuple[int, str]]:
        """(number, name) of the migrations this build knows and the file lacks, in order."""
        applied = self.applied_migrations()
        return [(n, name) for n, name, _fn in all_migrations() if n not in applied]

    def migrate_pending(self) -> list[str]:
        """Apply every pending migration (inside the caller's transaction); returns their names.

        Migrations are applied by number, each once, even when a later-numbered one is already there (two areas
        may add migrations in the same release); ``PRAGMA user_version`` is the highest number applied.
        """
        applied = self.applied_migrations()
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        if not self.conn.execute("SELECT 1 FROM schema_migrations LIMIT 1").fetchone():
            names = {n: name for n, name, _fn in all_migrations()}
            self.conn.executemany("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                  [(n, names.get(n, "?"), "") for n in sorted(applied)])
        done = []
        pending = [n for n, _name, _fn in all_migrations() if n not in applied]
        before = {(t, i) for t, i, _ in self.outside_changes()} if pending and self._has_sync_tables() else None
        for number, name, fn in all_migrations():
            if number in applied:
                continue
            fn(self.db)
            self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, now_iso()))
            done.append(name)
        self._sync_tables = None  # the migrations may have created them
        self._compact_cols = None
        if before is not None:
            self._heads_after_migration(before)
        top = max([*applied, *(n for n, _name, _fn in all_migrations() if _name in done)], default=0)
        self.conn.execute(f"PRAGMA user_version={top}")
        return done

    def _migrate(self, from_version: int) -> None:
        """Compatibility wrapper: apply every pending migration (``from_version`` is read from the file)."""
        self.migrate_pending()

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        if self._session is not None:
            key, self._session = self._session, None
            _session_leave(key)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self):
        """Group writes: all of them are committed together or none is (nested calls use savepoints).

        Raises:
            WcifError: the commit failed (disk full, I/O error); the file keeps its previous content.
        """
        try:
            with self.db.atomic():
                yield
        except sqlite3.OperationalError as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "保存失败，文件保持原样：{reason}"), reason=e) from e

    # ------------------------------------------------------------------ reading
    def has_table(self, table: str) -> bool:
        """Whether the file has the table ``table`` (plain sqlite3: same answer as ``self.db[table].exists()``
        without loading sqlite-utils)."""
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).fetchone() is not None

    def content_version(self) -> tuple | None:
        """A token that differs whenever what the file holds may have changed since it was last taken: rows written
        through this handle (``total_changes``, counted even when rolled back), commits by any other connection or
        process (``PRAGMA data_version``) and schema changes (``PRAGMA schema_version``). Equal tokens mean the
        same content, so a reader may reuse what it read (the UI's shared snapshot, ``ui/context.py``). ``None``
        inside an open transaction: what is read there may still be rolled back, so it must not be reused."""
        conn = self.conn
        if conn.in_transaction:
            return None
        data, schema = conn.execute("SELECT * FROM pragma_data_version, pragma_schema_version").fetchone()
        return conn, conn.total_changes, data, schema  # the connection itself: compared by identity

    def _select(self, table: str, where: str | None, params, include_deleted: bool) -> sqlite3.Cursor:
        clause = "" if include_deleted else "deleted = 0"
        if where:
            clause = f"({where})" + (f" AND {clause}" if clause else "")
        sql = f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"' + (f" WHERE {clause}" if clause else "")
        return self.conn.execute(sql, params)  # plain sqlite3: reading needs no sqlite-utils (start-up, issue 9)

    def rows(self, table: str, where: str | None = None, params=(), include_deleted=False) -> list[dict]:
        cur = self._select(table, where, params, include_deleted)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def records(self, cls: type[Record], where: str | None = None, params=()) -> list[Record]:
        """All live records of a dataclass type, optionally filtered by a SQL ``where``."""
        cur = self._select(cls.table, where, params, False)
        build = _builder(cls, tuple(d[0] for d in cur.description))
        return [build(r) for r in cur]

    def get(self, cls: type[Record], record_id: str) -> Record:
        """One record by id. Raises WcifError when it does not exist (or was deleted)."""
        rows = self.rows(cls.table, "id = ?", [record_id])
        if not rows:
            raise WcifError(QT_TRANSLATE_NOOP("core", "记录不存在：{table}/{record_id}"), table=cls.table, record_id=record_id)
        return from_row(cls, rows[0])

    def meta(self, key: str, default: str | None = None) -> str | None:
        r = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return r[0] if r else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    # ------------------------------------------------------------------ the lock
    def is_locked(self) -> bool:
        """True when the (live) evaluation record is locked, as stored right now (inside a transaction too)."""
        try:
            r = self.conn.execute("SELECT locked FROM evaluation WHERE deleted = 0 LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # a file being created, before its tables exist
            return False
        return bool(r and r[0] not in (None, 0, "0", ""))

    @contextmanager
    def changing_lock(self, action: str):
        """Allow the evaluation's ``locked`` flag to change inside the block: ``action`` ``lock`` (0 → 1),
        ``reopen`` (1 → 0; the caller records the reason) or ``merge`` (a lock arriving in a merge; never 0 → 1
        … never an unlock)."""
        previous, self._lock_change = self._lock_change, action
        try:
            yield
        finally:
            self._lock_change = previous

    def _check_lock(self, table: str, field: str, new) -> None:
        """Refuse an audited change the lock does not allow (see the module docstring)."""
        if table == "evaluation" and field == "locked":
            unlocking = str(new) in ("0", "False", "")
            allowed = {"lock": not unlocking, "reopen": unlocking, "merge": not unlocking}.get(self._lock_change or "")
            if not allowed:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "core", "评价的锁定状态只能通过“锁定”或“解除锁定（说明原因）”改变，未保存"))
            return
        if table in WRITABLE_WHEN_LOCKED or self._lock_change == "reopen":
            return
        if self.is_locked():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评价已锁定（报告已最终签署），如需修改请先解除锁定并说明原因"))

    # ------------------------------------------------------------------ writing
    def _log(self, table: str, record_id: str, field: str, old, new, at: str) -> None:
        self._check_lock(table, field, new)
        prev = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        prev_hash = prev[0] if prev else GENESIS_HASH
        entry = {
            "at": at, "who": self.who, "table_name": table, "record_id": record_id, "field": field,
            "old": None if old is None else str(old), "new": None if new is None else str(new),
            "prev_hash": prev_hash,
        }
        entry["hash"] = entry_hash(prev_hash, entry)
        self._compact(entry)
        self.db["audit_log"].insert(entry)
        self._anchor(entry["hash"])

    def _log_many(self, entries) -> int:
        """Append many audit entries at once: the same entries, hash chain, lock check, compact storage and
        history anchor as :meth:`_log` of each in turn, written with one ``executemany`` (issue 21: a merge
        logs thousands of changes). ``entries``: ``(table, record_id, field, old, new, at, who)`` in order;
        ``who`` ``None`` = :attr:`who`. The caller writes the records first, as with :meth:`_log` (the lock
        check reads the evaluation as it is now). Returns the number of entries.

        Raises:
            ValidationError: an entry the lock does not allow (as :meth:`_log`); nothing of this call is written.
        """
        entries = list(entries)
        if not entries:
            return 0
        compact = self._has_compact_columns()
        cols = ENTRY_KEYS + ("hash",) + (("old_ref", "new_delta", "depth") if compact else ())
        sql = f"INSERT INTO audit_log ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        prev = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        prev_hash = prev[0] if prev else GENESIS_HASH
        allowed: set = set()  # the lock's answer depends on the table (and for `locked`, the value)
        for table, _rid, field, _old, new, _at, _who in entries:
            key = (table, field, str(new)) if table == "evaluation" and field == "locked" else table
            if key not in allowed:
                self._check_lock(table, field, new)
                allowed.add(key)
        pending: list[tuple] = []
        # (table, record_id, field) of the pending entries, kept from the first entry stored as a change on
        # (_compact reads the entry before of its record and field: that one must be written first)
        pending_keys: set[tuple[str, str, str]] | None = None
        encode, sha256 = _ENTRY_PLAN.encode_values, hashlib.sha256
        for table, record_id, field, old, new, at, who in entries:
            if old is not None and type(old) is not str:
                old = str(old)
            if new is not None and type(new) is not str:
                new = str(new)
            if who is None:
                who = self.who
            # as entry_hash(): the values in the sorted order of ENTRY_KEYS
            payload = encode((at, field, new, old, prev_hash, record_id, table, who))
            if payload is None:  # a value neither text nor NULL (e.g. a numeric id): the encoder
                payload = _ENTRY_JSON.encode({"at": at, "who": who, "table_name": table, "record_id": record_id,
                                              "field": field, "old": old, "new": new, "prev_hash": prev_hash})
            h = sha256((prev_hash + payload).encode("utf-8")).hexdigest()
            if (compact and field != "*" and old is not None and new is not None
                    and len(old) + len(new) >= COMPACT_MIN_CHARS):
                if pending_keys is None:
                    pending_keys = {p[2:5] for p in pending}  # (table_name, record_id, field: cols[2:5])
                if (table, record_id, field) in pending_keys:  # _compact refers to the entry before: write it
                    self.conn.executemany(sql, pending)
                    pending, pending_keys = [], set()
                entry = {"at": at, "who": who, "table_name": table, "record_id": record_id, "field": field,
                         "old": old, "new": new, "prev_hash": prev_hash, "hash": h}
                self._compact(entry)
                pending.append(tuple(entry.get(c) for c in cols))
                pending_keys.add((table, record_id, field))
            elif compact:
                pending.append((at, who, table, record_id, field, old, new, prev_hash, h, None, None, None))
                if pending_keys is not None:
                    pending_keys.add((table, record_id, field))
            else:
                pending.append((at, who, table, record_id, field, old, new, prev_hash, h))
            prev_hash = h
        self.conn.executemany(sql, pending)
        self._anchor(prev_hash, added=len(entries))
        return len(entries)

    def _compact(self, entry: dict) -> None:
        """Store a long text edit as a change (issue 23.6: 7,566 edits of long findings grew a file to 2 GB of
        history): ``old`` becomes a reference to the earlier entry of the same record and field whose new value
        it is (``old_ref``), ``new`` a :func:`text_delta` of it (``new_delta``); every
        :data:`COMPACT_MAX_DEPTH` changes the full value is kept again. The entry's hash is of the full values,
        so :meth:`verify_history` stays exact. No-op in a file without the columns (before migration 61)."""
        old, new = entry["old"], entry["new"]
        if entry["field"] == "*" or old is None or new is None or len(old) + len(new) < COMPACT_MIN_CHARS:
            return
        if not self._has_compact_columns():
            return
        prev = self.conn.execute(
            "SELECT seq, depth FROM audit_log WHERE table_name = ? AND record_id = ? AND field = ? "
            "ORDER BY seq DESC LIMIT 1", [entry["table_name"], entry["record_id"], entry["field"]]).fetchone()
        depth = 0
        if prev is not None:
            try:
                cur = self.conn.execute("SELECT * FROM audit_log WHERE seq = ?", [prev[0]])
                cols = [d[0] for d in cur.description]
                prev_new = EntryExpander(self.conn).values(dict(zip(cols, cur.fetchone())))[1]
            except ValueError:
                prev_new = None
            if prev_new == old:
                entry["old"], entry["old_ref"] = None, prev[0]
                depth = (prev[1] or 0) + 1
        if depth >= COMPACT_MAX_DEPTH:
            entry["depth"] = 0  # a full new value again (old still by reference)
            return
        entry["new"], entry["new_delta"], entry["depth"] = None, text_delta(old, new), depth

    def _has_compact_columns(self) -> bool:
        if getattr(self, "_compact_cols", None) is None:
            self._compact_cols = "new_delta" in {r[1] for r in self.conn.execute("PRAGMA table_info(audit_log)")}
        return self._compact_cols

    def _anchor(self, head: str, added: int = 1) -> None:
        """Keep the history's length and last hash in ``meta`` (``history_length``, ``history_head``), in the
        same transaction as the entry: deleting the last entries, emptying the log or editing an entry and
        recomputing the chain no longer passes :meth:`verify_history` unless the anchor is forged too (and
        exports and signed reports carry a copy of it, see :meth:`history_anchor`)."""
        r = self.conn.execute("SELECT value FROM meta WHERE key = 'history_length'").fetchone()
        length = int(r[0]) + added if r and str(r[0]).isdigit() else \
            self.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                              [("history_length", str(length)), ("history_head", head)])

    def history_anchor(self) -> tuple[int, str] | None:
        """``(length, head hash)`` of the history as last written by the program (``None`` in a file from before
        anchoring). Exports and signed reports record it, so a shortened history shows against them too."""
        n, head = self.meta("history_length"), self.meta("history_head")
        if n is None or head is None or not str(n).isdigit():
            return None
        return int(n), head

    def history_state(self) -> tuple[int, str]:
        """``(length, head hash)`` of the history as it is in the file now."""
        n = self.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        r = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return n, r[0] if r else GENESIS_HASH

    def insert(self, rec: Record) -> Record:
        """Insert a new record (logged as field ``*`` created)."""
        row = record_to_row(rec)
        at = now_iso()
        row.update(modified_at=at, modified_by=self.who, deleted=0)
        with self.transaction():
            self.db[rec.table].insert(row)
            self._log(rec.table, rec.id, "*", None, json.dumps(
                {k: v for k, v in row.items() if k not in ("modified_at", "modified_by", "deleted")},
                ensure_ascii=False, default=str), at)
            self.record_head(rec.table, rec.id)
        return rec

    def record_head(self, table: str, record_id: str) -> None:
        """Record the current version of a record written by the program as its ``sync_head`` (the version
        :meth:`outside_changes` compares it with). No-op in a file without the merge tables."""
        if not self._has_sync_tables():
            return
        cur = self.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', [record_id])
        cols = [d[0] for d in cur.description]
        row = cur.fetchone()
        if row is not None:
            self.conn.execute("INSERT OR REPLACE INTO sync_head(table_name, record_id, hash) VALUES (?,?,?)",
                              [table, record_id, record_hash(dict(zip(cols, row)))])

    def insert_many(self, recs) -> int:
        """Insert many new records (of one or several tables, parents before children) in one transaction:
        the same rows, audit entries (same order and hash chain), lock check, history anchor and ``sync_head``
        versions as :meth:`insert` of each in turn, written with one ``executemany`` per table and one for the
        audit log instead of several statements per record (issue 19: a survey import stores 170,000 answers).
        Returns the number inserted.

        Raises:
            ValidationError: the evaluation is locked (as :meth:`insert`).
        """
        recs = list(recs)
        if not recs:
            return 0
        at = now_iso()
        with self.transaction():
            prev = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            prev_hash = prev[0] if prev else GENESIS_HASH
            groups: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
            ids: dict[str, list[str]] = {}
            log: list[tuple] = []
            checked: set[str] = set()
            for rec in recs:
                row = record_to_row(rec)
                new = json.dumps(row, ensure_ascii=False, default=str)
                if rec.table not in checked:  # the lock allows a table or not, whatever the record
                    self._check_lock(rec.table, "*", new)
                    checked.add(rec.table)
                row.update(modified_at=at, modified_by=self.who, deleted=0)
                groups.setdefault((rec.table, tuple(row)), []).append(tuple(row.values()))
                ids.setdefault(rec.table, []).append(rec.id)
                entry = {"at": at, "who": self.who, "table_name": rec.table, "record_id": rec.id, "field": "*",
                         "old": None, "new": new, "prev_hash": prev_hash}
                prev_hash = entry_hash(prev_hash, entry)
                log.append((at, self.who, rec.table, rec.id, "*", None, new, entry["prev_hash"], prev_hash))
            for (table, cols), values in groups.items():
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" * len(cols))
                self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
            self.conn.executemany("INSERT INTO audit_log (at, who, table_name, record_id, field, old, new, "
                                  "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", log)
            self._anchor(prev_hash, added=len(log))
            if self._has_sync_tables():  # the versions the program wrote (see record_head), read back as stored
                heads = []
                for table, table_ids in ids.items():
                    for k in range(0, len(table_ids), 500):
                        chunk = table_ids[k:k + 500]
                        cur = self.conn.execute(f'SELECT * FROM "{table}" WHERE id IN ({",".join("?" * len(chunk))})',
                                                chunk)
                        cols = [d[0] for d in cur.description]
                        heads += [(table, r[cols.index("id")], record_hash(dict(zip(cols, r)))) for r in cur]
                self.conn.executemany("INSERT OR REPLACE INTO sync_head(table_name, record_id, hash) VALUES (?,?,?)",
                                      heads)
        return len(recs)

    def insert_bulk(self, ids: "BulkIds", tables) -> int:
        """Insert many new records with ONE history entry for the whole batch (issue 19: a survey import of
        10,000 responses stores 170,000 answers; one entry, JSON and SHA-256 per record cost most of its time).

        ``ids``: the :class:`BulkIds` every record's id was taken from. ``tables``: ``[(table, columns, rows)]`` in
        order (parents before children); ``columns`` names every column but ``modified_at``/``modified_by``/
        ``deleted``, the first being ``id``; ``rows`` are tuples of stored values (``str``/``None`` in TEXT
        columns, ``int``/``bool``/``None`` in INTEGER columns; :func:`to_db` applied).

        The history entry (table ``*``, record id ``ids.key``, field :data:`BATCH_FIELD`) holds the content of
        every row of the batch, columnar (:func:`encode_batch`), so its hash in the chain covers each row as
        written; :meth:`outside_changes` and :meth:`verify_history` judge every record of the batch the program
        has not changed since against it (a changed, added or removed record shows). No ``sync_head`` is
        written per record: the entry is the version the program wrote (merges and exports record heads as for
        any record). Same lock check as :meth:`insert`. Returns the number of records inserted.

        Raises:
            ValidationError: the evaluation is locked. TypeError/ValueError: a programming error (an id not
            of ``ids``, a value of the wrong type).
        """
        tables = [(t, list(cols), rows) for t, cols, rows in tables if rows]
        if not tables:
            return 0
        at = now_iso()
        with self.transaction():
            for table, _cols, _rows in tables:
                self._check_lock(table, "*", None)
            content = encode_batch(ids.key, [(t, cols, rows, self._column_types(t)) for t, cols, rows in tables])
            prev = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            prev_hash = prev[0] if prev else GENESIS_HASH
            n = 0
            for table, cols, rows in tables:
                names = ", ".join(f'"{c}"' for c in [*cols, "modified_at", "modified_by", "deleted"])
                # the same time and author on every row: SQL literals rather than three more parameters per row
                marks = ", ".join(["?"] * len(cols) + [_sql_text(at), _sql_text(self.who), "0"])
                self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
                n += len(rows)
            entry = {"at": at, "who": self.who, "table_name": BATCH_TABLE, "record_id": ids.key,
                     "field": BATCH_FIELD, "old": None, "new": content, "prev_hash": prev_hash}
            entry["hash"] = entry_hash(prev_hash, entry)
            self.conn.execute("INSERT INTO audit_log (at, who, table_name, record_id, field, old, new, prev_hash, hash) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [entry[k] for k in (*ENTRY_KEYS, "hash")])
            self._anchor(entry["hash"])
        return n

    def _column_types(self, table: str) -> dict[str, str]:
        return {r[1]: (r[2] or "").upper() for r in self.conn.execute(f'PRAGMA table_info("{table}")')}

    def bulk_batches(self, key: str | None = None):
        """``[(seq, at, who, key, {table: (columns, {id: values})})]`` of every bulk insert in the history
        (:meth:`insert_bulk`; only the one of ``key`` when given), oldest first. An entry that cannot be decoded
        gives ``{}``."""
        out = []
        sql = "SELECT seq, at, who, record_id, new FROM audit_log WHERE table_name = ? AND field = ?"
        params = [BATCH_TABLE, BATCH_FIELD]
        if key is not None:
            sql += " AND record_id = ?"
            params.append(key)
        for seq, at, who, k, new in self.conn.execute(sql + " ORDER BY seq", params):
            try:
                out.append((seq, at, who, k, decode_batch(new)))
            except (ValueError, TypeError, KeyError, IndexError):
                out.append((seq, at, who, k, {}))
        return out

    def bulk_record(self, table: str, record_id: str) -> tuple[str, str, dict] | None:
        """``(at, who, content as written)`` of a record written by :meth:`insert_bulk`, else ``None`` (for a
        record's history)."""
        for _seq, at, who, _k, tables in self.bulk_batches(record_id[:BulkIds.KEY_LENGTH]):
            if table in tables:
                cols, rows = tables[table]
                vals = rows.get(record_id)
                if vals is not None:
                    return at, who, dict(zip(cols, vals))
        return None

    def _bulk_problems(self, removed: bool = True, limit: int | None = None) -> list[tuple[str, str, str, str]]:
        """Records of bulk inserts (:meth:`insert_bulk`) the program has not changed since (no ``sync_head``)
        that differ from the batch's history entry: ``[(kind, table, id, label)]``, kind ``changed`` (content
        differs, or a tombstone), ``added`` (an id of the batch's range the batch did not write) or ``removed``
        (with ``removed``: a record of the batch no longer in the file; not judged in a work package, which
        holds part of the records)."""
        out: list[tuple[str, str, str, str]] = []
        if removed and self.meta("exported_for"):
            removed = False
        has_heads = self._has_sync_tables()
        for _seq, _at, _who, key, tables in self.bulk_batches():
            lo, hi = key + "0" * 8, key + "f" * 8
            for table, (cols, expected) in tables.items():
                if not self.has_table(table):
                    continue
                heads = {r for (r,) in self.conn.execute(
                    "SELECT record_id FROM sync_head WHERE table_name = ? AND record_id BETWEEN ? AND ?",
                    [table, lo, hi])} if has_heads else set()
                cur = self.conn.execute(f'SELECT * FROM "{table}" WHERE id BETWEEN ? AND ?', [lo, hi])
                names = [d[0] for d in cur.description]
                pos = [names.index(c) if c in names else None for c in cols]
                at_id, at_del = names.index("id"), names.index("deleted") if "deleted" in names else None
                seen = set()
                for r in cur:
                    rid = r[at_id]
                    seen.add(rid)
                    if rid in heads:
                        continue
                    want = expected.get(rid)
                    if want is None:
                        kind = "added"
                    elif (at_del is not None and r[at_del] not in (0, None)) or any(
                            p is not None and r[p] != v for p, v in zip(pos, want)):
                        kind = "changed"
                    else:
                        continue
                    row = dict(zip(names, r))
                    label = next((str(row[c]) for c in ("code", "name", "title", "section", "key") if row.get(c)), "")
                    out.append((kind, table, rid, f"{label}（{rid}）" if label else rid))
                    if limit and len(out) >= limit:
                        return out
                if removed:
                    for rid in sorted(set(expected) - seen):
                        out.append(("removed", table, rid, rid))
                        if limit and len(out) >= limit:
                            return out
        return out

    def update(self, table: str, record_id: str, changes: dict) -> dict:
        """Change fields of one record; logs each changed field as old → new. Returns the changed fields.

        Raises:
            WcifError: the record does not exist.
        """
        rows = self.rows(table, "id = ?", [record_id])
        if not rows:
            raise WcifError(QT_TRANSLATE_NOOP("core", "记录不存在：{table}/{record_id}"), table=table, record_id=record_id)
        old = rows[0]
        new = {k: to_db(v) for k, v in changes.items()}
        changed = {k: v for k, v in new.items() if old.get(k) != v}
        if not changed:
            return {}
        at = now_iso()
        with self.transaction():
            self.db[table].update(record_id, dict(changed, modified_at=at, modified_by=self.who))
            for k, v in changed.items():
                self._log(table, record_id, k, old.get(k), v, at)
            self._record_version(table, record_id, old)
        return changed

    def _record_version(self, table: str, record_id: str, old: dict) -> None:
        """Keep the merge base current with every edit: the version replaced becomes an ancestor of the new one.
        A member who hands over a working file again (no new export) then still shows that the version the lead
        took from the first hand-over is one the new version descends from, so it fast-forwards instead of
        conflicting. No-op in a file without the merge tables."""
        if not self._has_sync_tables():
            return
        cur = self.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', [record_id])
        cols = [d[0] for d in cur.description]
        row = cur.fetchone()
        if row is None:
            return
        self.conn.execute("INSERT OR IGNORE INTO sync_ancestor(table_name, record_id, hash) VALUES (?,?,?)",
                          [table, record_id, record_hash(old)])
        self.conn.execute("INSERT OR REPLACE INTO sync_head(table_name, record_id, hash) VALUES (?,?,?)",
                          [table, record_id, record_hash(dict(zip(cols, row)))])

    def _has_sync_tables(self) -> bool:
        if self._sync_tables is None:
            self._sync_tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_head', 'sync_ancestor')"
            ).fetchone()[0] == 2
        return self._sync_tables

    def delete(self, table: str, record_id: str) -> None:
        """Delete by tombstone (``deleted = 1``), so the deletion can travel in a merge."""
        at = now_iso()
        old = self.rows(table, "id = ?", [record_id], include_deleted=True)
        with self.transaction():
            self.db[table].update(record_id, {"deleted": 1, "modified_at": at, "modified_by": self.who})
            self._log(table, record_id, "deleted", 0, 1, at)
            if old:
                self._record_version(table, record_id, old[0])

    def restore(self, table: str, record_id: str) -> None:
        """Undo a tombstone deletion (``deleted = 0``), logged like :meth:`delete` (used by the UI's undo)."""
        at = now_iso()
        old = self.rows(table, "id = ?", [record_id], include_deleted=True)
        with self.transaction():
            self.db[table].update(record_id, {"deleted": 0, "modified_at": at, "modified_by": self.who})
            self._log(table, record_id, "deleted", 1, 0, at)
            if old:
                self._record_version(table, record_id, old[0])

    # ------------------------------------------------------------------ history
    def verify_history(self, records: bool = True) -> list[str]:
        """Check the history: the audit log's hash chain, its length and last hash against the anchor the program
        keeps (:meth:`_anchor`: a removed tail, an emptied log or a re-chained edit shows), and — with
        ``records`` — every record against the version the program last wrote (:meth:`outside_changes`).
        Returns problems, one Chinese sentence each (:class:`~wcif_desktop.domain.errors.Message`, shown in the
        UI's language by ``error_text``); empty when intact."""
        problems = []
        prev_hash = GENESIS_HASH
        expected_seq = None
        count = 0
        cur = self.conn.execute("SELECT * FROM audit_log ORDER BY seq")
        cols = [d[0] for d in cur.description]
        at = {c: i for i, c in enumerate(cols)}
        # an entry stored in full (no old_ref/new_delta, the usual case) is hashed from its row tuple
        stored = [at[c] for c in ("old_ref", "new_delta") if c in at]
        canon = CanonicalRows(cols, "entry") if all(k in at for k in ENTRY_KEYS) else None
        i_seq, i_prev, i_hash = at["seq"], at["prev_hash"], at["hash"]
        sha256 = hashlib.sha256
        expander = EntryExpander(self.conn)
        for r in cur:
            count += 1
            seq = r[i_seq]
            if canon is not None and not any(r[i] is not None for i in stored):
                entry_prev, entry_stored_hash = r[i_prev], r[i_hash]
                computed = sha256((entry_prev + canon.text(r)).encode("utf-8")).hexdigest()
            else:
                row = dict(zip(cols, r))
                try:
                    row = expander.expand(row)
                except ValueError as e:
                    problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录第{seq}条：内容被改动（{reason}）"), seq=seq, reason=e))
                entry_prev, entry_stored_hash = row["prev_hash"], row["hash"]
                computed = entry_hash(row["prev_hash"], row)
            if expected_seq is not None and seq != expected_seq:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录第{seq}条之前缺少记录"), seq=seq))
            expected_seq = seq + 1
            if entry_prev != prev_hash:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录第{seq}条：哈希链断开（前一条被删除或改动）"), seq=seq))
            if computed != entry_stored_hash:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录第{seq}条：内容被改动"), seq=seq))
            prev_hash = entry_stored_hash
        anchor = self.history_anchor()
        if anchor is not None:
            n, head = anchor
            if count < n:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录被截短：{n}条中删除了{removed}条（末尾若干条或全部）"),
                                         n=n, removed=n - count))
            elif count > n:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录中有{extra}条不是本程序写入的"), extra=count - n))
            elif prev_hash != head:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "历史记录被改写：最后一条不是本程序写入的那一条")))
        if records:
            bulk = self._bulk_problems()
            for table, _rid, label in self.outside_changes(_bulk=bulk):
                problems.append(Message(QT_TRANSLATE_NOOP("core", "记录在本程序之外被修改：{table} {label}"), table=table, label=label))
            for _kind, table, rid, _label in (p for p in bulk if p[0] == "removed"):
                problems.append(Message(QT_TRANSLATE_NOOP("core", "记录在本程序之外被删除：{table} {rid}"), table=table, rid=rid))
            for table, rid in self._removed_heads():
                problems.append(Message(QT_TRANSLATE_NOOP("core", "记录在本程序之外被删除：{table} {rid}"), table=table, rid=rid))
        return problems

    def _removed_heads(self) -> list[tuple[str, str]]:
        """``[(table, id)]`` of records whose version the program recorded (``sync_head``) but whose row is gone:
        deleted outside the program (SQL ``DELETE``). The program never removes a record's row without its
        ``sync_head`` (deletions are tombstones; a work package drops both: ``services.exchange._filter_work_package``)."""
        if not self._has_sync_tables():
            return []
        out: list[tuple[str, str]] = []
        for table in self._record_tables():
            out.extend((table, rid) for (rid,) in self.conn.execute(
                f'SELECT h.record_id FROM sync_head AS h WHERE h.table_name = ? AND NOT EXISTS '
                f'(SELECT 1 FROM "{table}" AS r WHERE r.id = h.record_id) ORDER BY h.record_id', [table]))
        return out

    def _record_tables(self) -> list[str]:
        """Tables holding records (columns ``id``, ``modified_at``, ``modified_by``, ``deleted``)."""
        wanted = ("id", "modified_at", "modified_by", "deleted")
        found: dict[str, int] = {}
        for name, _col in self.conn.execute(  # one query for the columns of every table
                "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND p.name IN (?, ?, ?, ?)", wanted):
            found[name] = found.get(name, 0) + 1
        return sorted(name for name, n in found.items() if n == len(wanted))

    def outside_changes(self, limit: int | None = None, _bulk=None) -> list[tuple[str, str, str]]:
        """Records whose content differs from the version the program last recorded for them (``sync_head``,
        kept by every insert, edit, deletion and merge): changed outside the program, e.g. directly in SQLite.
        ``[(table, id, label)]``; records without a recorded version (files from before) are not judged, except
        those of a bulk insert, judged against its history entry (:meth:`_bulk_problems`: changed, or added to
        its id range; a removed one is reported by :meth:`verify_history`)."""
        start = self._write_state()
        self._heads_ok = None
        bulk = self._bulk_problems(removed=False, limit=limit) if _bulk is None else _bulk
        out = [(t, i, label) for k, t, i, label in bulk if k != "removed"]
        if limit and len(out) >= limit:
            return out[:limit]
        if not self._has_sync_tables():
            return out
        for table in self._record_tables():
            heads = dict(self.conn.execute("SELECT record_id, hash FROM sync_head WHERE table_name = ?", [table]))
            if not heads:
                continue
            cur = self.conn.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in cur.description]
            canon, i_id = CanonicalRows(cols), cols.index("id")
            for r in cur:
                h = heads.get(r[i_id])
                if h is not None and h != canon.hash(r):
                    row = dict(zip(cols, r))
                    label = next((str(row[c]) for c in ("code", "name", "title", "section", "key") if row.get(c)), "")
                    out.append((table, row["id"], f"{label}（{row['id']}）" if label else row["id"]))
                    if limit and len(out) >= limit:
                        return out
        if not out and self._write_state() == start:  # (nothing was written while the records were read)
            self._heads_ok = start
        return out

    def _write_state(self) -> tuple[int, int]:
        """``(PRAGMA data_version, total_changes)``: the first changes when another connection commits to the file
        (https://sqlite.org/pragma.html#pragma_data_version), the second when this one writes."""
        return self.conn.execute("PRAGMA main.data_version").fetchone()[0], self.conn.total_changes

    def heads_checked(self) -> bool:
        """Whether :meth:`outside_changes` found that every record holds the version recorded for it in
        ``sync_head`` and nothing has been written to the file since, by this connection or another. The merge
        then uses those versions instead of hashing every record again (issue 21). Asked inside a transaction
        after its first read, the answer holds until this connection writes: no other one can commit then."""
        return self._heads_ok is not None and self._heads_ok == self._write_state()

    def _heads_after_migration(self, before: set[tuple[str, str]]) -> None:
        """After migrations (which may add columns, so every record's hash changes), record each record's
        version again — except those that already differed from their recorded version before (changed outside
        the program: they stay reported)."""
        if not self._has_sync_tables():
            return
        for table in self._record_tables():
            heads = {r for (r,) in self.conn.execute("SELECT record_id FROM sync_head WHERE table_name = ?",
                                                      [table])}
            cur = self.conn.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in cur.description]
            rows = [dict(zip(cols, r)) for r in cur]
            self.conn.executemany(
                "INSERT OR REPLACE INTO sync_head(table_name, record_id, hash) VALUES (?,?,?)",
                [(table, row["id"], record_hash(row)) for row in rows
                 if row["id"] in heads and (table, row["id"]) not in before])


# ---------------------------------------------------------------------------------------------- sessions
# Files open through EvaluationFile.open in this process: resolved path -> [open count, backup as opened].
_SESSIONS: dict[Path, list] = {}
_SESSIONS_LOCK = threading.Lock()


def _session_key(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


def _session_enter(path: Path) -> tuple[Path, bool]:
    """Count an open of ``path``; True when it is the first of this process (then it takes the backup)."""
    key = _session_key(path)
    with _SESSIONS_LOCK:
        entry = _SESSIONS.setdefault(key, [0, None])
        entry[0] += 1
        return key, entry[0] == 1


def _session_leave(key: Path) -> None:
    from .backups import unpin

    with _SESSIONS_LOCK:
        entry = _SESSIONS.get(key)
        if entry is None:
            return
        entry[0] -= 1
        if entry[0] > 0:
            return
        del _SESSIONS[key]
    if entry[1] is not None:
        unpin(entry[1])


def _session_backup(key: Path, path: Path) -> Path | None:
    """Take the rolling backup of the file as opened (or reuse the newest when unchanged) and pin it for the
    session, so later backups in the session do not push it out."""
    from .backups import newest_backup, pin, rolling_backup

    made = rolling_backup(path)
    kept = made or newest_backup(path)
    if kept is not None:
        pin(kept)
        with _SESSIONS_LOCK:
            if key in _SESSIONS:
                _SESSIONS[key][1] = kept
    return kept


def open_sessions() -> dict[Path, int]:
    """{resolved path: number of :meth:`EvaluationFile.open` connections} open in this process."""
    with _SESSIONS_LOCK:
        return {k: v[0] for k, v in _SESSIONS.items()}


class ReadOnlyEvaluationFile(EvaluationFile):
    """An evaluation file opened by :meth:`EvaluationFile.open_read_only`: writes raise, nothing is written to
    the file. ``migrated_copy`` is the private migrated copy it reads (``None`` when it reads the file itself)."""

    read_only = True

    def __init__(self, path: Path, conn: sqlite3.Connection, who: str | None = None, workdir: Path | None = None):
        super().__init__(path, conn, who)
        self._workdir = workdir
        self.migrated_copy: Path | None = None

    @classmethod
    def open_file(cls, path, who: str | None = None) -> "ReadOnlyEvaluationFile":
        import tempfile

        from ..paths import user_data_dir
        from .sidecars import journal_is_hot, must_ignore, rolled_back_copy

        path = Path(path)
        if not path.is_file():
            raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=path)
        immutable = must_ignore(path)
        if immutable and journal_is_hot(path):  # an interrupted save: show the state before it, if the journal
            work = Path(tempfile.mkdtemp(prefix="read-only-", dir=user_data_dir()))  # proves to be this file's
            copy = work / "rolled-back.wcif"
            if rolled_back_copy(path, copy):
                try:
                    ro = cls._open_private(path, copy, who, work)
                except BaseException:
                    shutil.rmtree(work, ignore_errors=True)
                    raise
                return ro
            shutil.rmtree(work, ignore_errors=True)
        check_file(path, immutable=immutable)
        params = {"mode": "ro", "immutable": 1} if immutable else {"mode": "ro"}
        try:
            conn = sqlite3.connect(sqlite_uri(path, **params), uri=True, isolation_level=None, timeout=10)
            conn.execute("PRAGMA query_only=1")
        except sqlite3.Error as e:
            raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path,
                                      reason=e) from e
        ef = cls(path, conn, who)
        try:
            unknown = ef.applied_migrations() - {n for n, _name, _fn in all_migrations()}
            if unknown:
                raise NewerSchemaError(QT_TRANSLATE_NOOP(
                    "core", "该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），"
                    "请升级软件后再打开：{path}"), unknown=sorted(unknown), path=path)
            if not ef.pending_migrations():
                return ef
            work = Path(tempfile.mkdtemp(prefix="read-only-", dir=user_data_dir()))
            copy = work / "migrated.wcif"
            try:
                target = sqlite3.connect(str(copy))
                try:
                    conn.backup(target)
                finally:
                    target.close()
                ef.close()
                mig = EvaluationFile(copy, _connect(copy), who)
                try:
                    with mig.transaction():
                        mig.migrate_pending()
                finally:
                    mig.close()
                conn = sqlite3.connect(sqlite_uri(copy, mode="ro"), uri=True, isolation_level=None)
                conn.execute("PRAGMA query_only=1")
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            ro = cls(path, conn, who, workdir=work)
            ro.migrated_copy = copy
            return ro
        except (sqlite3.Error, OSError) as e:
            ef.close()
            raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path,
                                      reason=e) from e
        except BaseException:
            ef.close()
            raise

    @classmethod
    def _open_private(cls, path: Path, copy: Path, who, work: Path) -> "ReadOnlyEvaluationFile":
        """Read ``copy`` (a private file in ``work``, removed on close) in place of ``path``, migrated if older."""
        ef = cls(path, sqlite3.connect(sqlite_uri(copy, mode="ro"), uri=True, isolation_level=None), who, workdir=work)
        unknown = ef.applied_migrations() - {n for n, _name, _fn in all_migrations()}
        if unknown:
            ef.close()
            raise NewerSchemaError(QT_TRANSLATE_NOOP(
                "core", "该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），"
                "请升级软件后再打开：{path}"), unknown=sorted(unknown), path=path)
        if ef.pending_migrations():
            ef.conn.close()
            mig = EvaluationFile(copy, _connect(copy), who)
            try:
                with mig.transaction():
                    mig.migrate_pending()
            finally:
                mig.close()
            ef.conn = sqlite3.connect(sqlite_uri(copy, mode="ro"), uri=True, isolation_level=None)
        ef.conn.execute("PRAGMA query_only=1")
        ef.migrated_copy = copy
        return ef

    @contextmanager
    def transaction(self):
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件以只读方式打开，不能修改：{path}"), path=self.path)
        yield  # pragma: no cover

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            pass

    def close(self) -> None:
        super().close()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


def check_file(path: Path, *, immutable: bool | None = None) -> None:
    """Refuse files that are not our SQLite evaluation files, naming the problem. Reads only (a read-only
    connection; ``immutable`` — the file's own bytes, sidecars ignored — when a sidecar lies beside it, or as
    asked). :meth:`EvaluationFile.open` calls it after the sidecars were dealt with.

    Raises:
        NotAnEvaluationFile, NewerSchemaError
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as e:
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"), path=path, reason=e) from e
    if not head.startswith(b"SQLite format 3\x00"):
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "不是评价文件（不是 SQLite 数据库）：{path}"), path=path)
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "不是 WCIF 评价文件（application_id={app_id}）：{path}"),
                                  app_id=f"{app_id:#x}", path=path)
    version = int.from_bytes(head[60:64], "big")
    if version > schema_version():
        raise NewerSchemaError(QT_TRANSLATE_NOOP(
            "core", "该评价文件由更新版本的 WCIF Desktop 创建（文件结构版本 {version}，本程序支持 {supported}），"
            "请升级软件后再打开：{path}"), version=version, supported=schema_version(), path=path)
    if immutable is None:
        from .sidecars import must_ignore

        immutable = must_ignore(path)
    params = {"mode": "ro", "immutable": 1} if immutable else {"mode": "ro"}
    try:
        conn = sqlite3.connect(sqlite_uri(path, **params), uri=True)
        try:
            result = _quick_check(conn, path.stat().st_size)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path, reason=e) from e
    if result != "ok":
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path, reason=result)


FULL_CHECK_BYTES = 256 << 20  # files up to this size get a whole-file quick_check on every open


def _quick_check(conn: sqlite3.Connection, size: int = 0) -> str:
    """``PRAGMA quick_check`` of the file: "ok" or the first problem.

    Files larger than :data:`FULL_CHECK_BYTES` (almost all of it evidence) are checked table by table, every
    table and its indexes except the evidence content (``evidence_chunk``), so opening does not read every byte
    of the evidence each time (issue 15/21: ≤ 1.5× the time of opening the sample). Evidence content is checked
    against its SHA-256 whenever it is read (extract, export, archive) and by ``verify_evidence``."""
    if size <= FULL_CHECK_BYTES:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tables:
        if t == "evidence_chunk":
            continue
        result = conn.execute(f'PRAGMA quick_check("{t.replace(chr(34), chr(34) * 2)}")').fetchone()[0]
        if result != "ok":
            return result
    return "ok"


__all__ = ["EvaluationFile", "ReadOnlyEvaluationFile", "open_sessions", "APPLICATION_ID", "schema_version", "check_file", "sqlite_uri", "RECORD_TYPES"]
