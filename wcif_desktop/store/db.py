"""Opening, creating, migrating and writing an evaluation file.

The file is one SQLite database, marked ``PRAGMA application_id = 0x57434946`` ('WCIF'), its schema version in
``PRAGMA user_version``. It uses the rollback journal (``journal_mode=DELETE``) with ``synchronous=FULL``, so
the file on disk is complete on its own after every committed write: no ``-wal`` sidecar to leave behind when
the file is copied to a USB stick.

Every write goes through :meth:`EvaluationFile.insert`, :meth:`~EvaluationFile.update` or
:meth:`~EvaluationFile.delete`, which stamp ``modified_at``/``modified_by`` and append to the hash-chained
audit log in the same transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import getpass
import hashlib
import json
import os
import shutil
import sqlite3
import typing
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, NewerSchemaError, NotAnEvaluationFile, WcifError
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
GENESIS_HASH = "0" * 64


def schema_version() -> int:
    """The schema version this build writes (number of the newest migration)."""
    migs = all_migrations()
    return migs[-1][0] if migs else 0


def current_user() -> str:
    """Who is making changes: ``WCIF_USER`` or the operating-system login name."""
    try:
        return os.environ.get("WCIF_USER") or getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some Windows setups
        return "unknown"


def now_iso() -> str:
    """Local time with offset, to the microsecond (so records made in the same second still sort in order)."""
    return _dt.datetime.now(_dt.timezone.utc).astimezone().isoformat(timespec="microseconds")


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


def from_row(cls: type[Record], row: dict) -> Record:
    """Build a record dataclass from a table row, converting Decimal/bool/int columns by type hint."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in row:
            continue
        v = row[f.name]
        hint = hints.get(f.name)
        text = str(hint)
        if "Decimal" in text:
            v = None if v in (None, "") else D(v)
        elif hint is bool:
            v = bool(v)
        elif hint is int:
            v = int(v or 0)
        elif hint is str:
            v = "" if v is None else str(v)
        kwargs[f.name] = v
    return cls(**kwargs)


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
    payload = json.dumps({k: _canon(v) for k, v in sorted(row.items()) if k not in ("modified_at", "modified_by")},
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def entry_hash(prev_hash: str, entry: dict) -> str:
    """SHA-256 of the previous hash and the canonical JSON of an audit entry (without its hash)."""
    payload = json.dumps({k: entry[k] for k in sorted(entry) if k not in ("hash", "seq")},
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


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
    (e.g. an incoming file attached ``mode=ro&immutable=1`` by :mod:`wcif_desktop.services.merge`)."""
    conn = sqlite3.connect(sqlite_uri(path), uri=True, isolation_level=None, timeout=10)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


class EvaluationFile:
    """One open evaluation file. Not shared across threads: each thread opens its own.

    Use :meth:`create` for a new file and :meth:`open` for an existing one.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, who: str | None = None):
        self.path = Path(path)
        self.conn = conn
        self._db = None
        self._sync_tables: bool | None = None  # the file has the merge-base tables (looked up on first edit)
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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
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
        """Open an existing evaluation file, migrating an older schema after a backup copy.

        With ``backup`` (default) a rolling backup is kept first (see :mod:`wcif_desktop.store.backups`).

        Raises:
            NotAnEvaluationFile: missing, not SQLite, corrupt, or not ours (application id).
            NewerSchemaError: written by a newer version.
        """
        path = Path(path)
        if not path.is_file():
            raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=path)
        check_file(path)
        if backup:
            from .backups import rolling_backup

            rolling_backup(path)
        conn = _connect(path)
        ef = cls(path, conn, who)
        unknown = ef.applied_migrations() - {n for n, _name, _fn in all_migrations()}
        if unknown:
            ef.close()
            raise NewerSchemaError(QT_TRANSLATE_NOOP(
                "core", "该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），"
                "请升级软件后再打开：{path}"), unknown=sorted(unknown), path=path)
        if ef.pending_migrations() and migrate:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            ef.close()
            backup = path.with_name(path.name + f".v{version}.bak")
            shutil.copy2(path, backup)
            conn = _connect(path)
            ef = cls(path, conn, who)
            with ef.transaction():
                ef.migrate_pending()
        return ef

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
        for number, name, fn in all_migrations():
            if number in applied:
                continue
            fn(self.db)
            self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, name, now_iso()))
            done.append(name)
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

    def rows(self, table: str, where: str | None = None, params=(), include_deleted=False) -> list[dict]:
        clause = "" if include_deleted else "deleted = 0"
        if where:
            clause = f"({where})" + (f" AND {clause}" if clause else "")
        sql = f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"' + (f" WHERE {clause}" if clause else "")
        cur = self.conn.execute(sql, params)  # plain sqlite3: reading needs no sqlite-utils (start-up, issue 9)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def records(self, cls: type[Record], where: str | None = None, params=()) -> list[Record]:
        """All live records of a dataclass type, optionally filtered by a SQL ``where``."""
        return [from_row(cls, r) for r in self.rows(cls.table, where, params)]

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

    # ------------------------------------------------------------------ writing
    def _log(self, table: str, record_id: str, field: str, old, new, at: str) -> None:
        prev = self.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        prev_hash = prev[0] if prev else GENESIS_HASH
        entry = {
            "at": at, "who": self.who, "table_name": table, "record_id": record_id, "field": field,
            "old": None if old is None else str(old), "new": None if new is None else str(new),
            "prev_hash": prev_hash,
        }
        entry["hash"] = entry_hash(prev_hash, entry)
        self.db["audit_log"].insert(entry)

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
        return rec

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
    def verify_history(self) -> list[str]:
        """Check the audit log's hash chain. Returns problems (empty when intact)."""
        problems = []
        prev_hash = GENESIS_HASH
        expected_seq = None
        cur = self.conn.execute("SELECT * FROM audit_log ORDER BY seq")
        cols = [d[0] for d in cur.description]
        for row in (dict(zip(cols, r)) for r in cur):
            if expected_seq is not None and row["seq"] != expected_seq:
                problems.append(f"history entry missing before #{row['seq']}")
            expected_seq = row["seq"] + 1
            if row["prev_hash"] != prev_hash:
                problems.append(f"history entry #{row['seq']}: chain broken (previous entry removed or altered)")
            if entry_hash(row["prev_hash"], row) != row["hash"]:
                problems.append(f"history entry #{row['seq']}: content altered")
            prev_hash = row["hash"]
        return problems


def check_file(path: Path) -> None:
    """Refuse files that are not our SQLite evaluation files, naming the problem.

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
    try:
        # read-write (not mode=ro): after a crash SQLite must roll back the hot -journal before reading
        conn = sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path, reason=e) from e
    if result != "ok":
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=path, reason=result)


__all__ = ["EvaluationFile", "APPLICATION_ID", "schema_version", "check_file", "sqlite_uri", "RECORD_TYPES"]
