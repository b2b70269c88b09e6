"""Rolling backups of evaluation files, taken when a file is opened (before any read-write connection).

Where: ``<user data dir>/backups/<file stem>-<8 hex of the file's full path>/<UTC time>.wcif`` — in the user's
own data folder (``paths.user_data_dir``), not beside the file, so that a file on a USB stick or a shared folder
does not collect copies other people can see, and two files with the same name do not share a folder.

What: a backup is read from the evaluation file's own bytes before the program opens it for writing (through a
read-only connection; ``immutable``, i.e. without looking at any sidecar, when one still lies beside the file),
so it shows the file exactly as it was found, never with a stale ``-wal``/``-journal`` applied
(:mod:`wcif_desktop.store.sidecars`). Evidence content (table ``evidence_chunk``, content-addressed by the file's
SHA-256 and the chunk number) is stored once, in the shared chunk store ``<user data dir>/backups/chunks/``
(one pack file per content, ``<sha256[:2]>/<sha256>``: each chunk as a 4-byte big-endian length and its bytes,
in order; kept only when the chunks hash to the content's SHA-256, synced, and entered in the store's index);
the backup file holds everything else, with the chunk rows present but their ``data`` empty. So a file with
1 GiB of evidence costs 1 GiB in the chunk store once, and a few hundred KB per backup. A content whose chunks do
not hash to its SHA-256 (a damaged file) is kept inside the backup itself. :func:`restore_backup` writes a
complete evaluation file from a backup and the chunk store, checking every content's SHA-256.

How many: the newest :data:`KEEP` (3), plus the backup taken when a file was opened in a session that is still
open in this process (:func:`pin`): later backups of the same file in that session (another window, a report
worker, a second open) never push it out. A new backup is taken only when the file changed since the newest one
(size, modification time and SQLite's file change counter).

A failed backup (disk full, unwritable folder) does not stop the file from opening; it is logged as a warning
and returned as ``None``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import os
import shutil
import sqlite3
import threading
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
from ..paths import user_data_dir

KEEP = 3
INFO_TABLE = "wcif_backup_info"
log = logging.getLogger(__name__)

_pinned: dict[Path, int] = {}
_pin_lock = threading.Lock()


def backup_dir(path) -> Path:
    """The folder holding the rolling backups of the evaluation file at ``path``."""
    p = Path(path).resolve()
    digest = hashlib.sha256(str(p).encode("utf-8")).hexdigest()[:8]
    return user_data_dir() / "backups" / f"{p.stem}-{digest}"


def chunk_store() -> Path:
    """The shared store of evidence chunks (all files, all backups): ``<user data dir>/backups/chunks``."""
    return user_data_dir() / "backups" / "chunks"


def _pack_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def iter_pack(path: Path):
    """Yield the chunks of a pack file in order, one in memory at a time.

    Raises:
        OSError: unreadable; ValueError: truncated."""
    with open(path, "rb") as fh:
        while True:
            head = fh.read(4)
            if not head:
                return
            n = int.from_bytes(head, "big")
            data = fh.read(n)
            if len(head) != 4 or len(data) != n:
                raise ValueError(f"truncated pack {path}")
            yield data


def list_backups(path) -> list[Path]:
    """Backups of ``path``, oldest first."""
    d = backup_dir(path)
    return sorted(d.glob("*.wcif")) if d.is_dir() else []


def pin(backup: Path) -> None:
    """Keep ``backup`` out of the rolling trim until :func:`unpin` (one pin per call)."""
    with _pin_lock:
        key = Path(backup)
        _pinned[key] = _pinned.get(key, 0) + 1


def unpin(backup: Path) -> None:
    with _pin_lock:
        key = Path(backup)
        n = _pinned.get(key, 0) - 1
        if n > 0:
            _pinned[key] = n
        else:
            _pinned.pop(key, None)


def pinned() -> set[Path]:
    with _pin_lock:
        return set(_pinned)


def source_state(path) -> tuple[int, int, str]:
    """(size in bytes, modification time in ns, file change counter as hex) of an SQLite file: what any write to it
    changes (the counter is header bytes 24–27, incremented by every commit in rollback-journal mode)."""
    st = Path(path).stat()
    with open(path, "rb") as fh:
        head = fh.read(28)
    return st.st_size, st.st_mtime_ns, head[24:28].hex()


def backup_state(backup: Path) -> tuple[int, int, str] | None:
    """The :func:`source_state` of the file when ``backup`` was taken (``None`` for an older or unreadable one)."""
    from .db import sqlite_uri

    try:
        conn = sqlite3.connect(sqlite_uri(backup, mode="ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = dict(conn.execute(f"SELECT key, value FROM {INFO_TABLE}").fetchall())
        return int(rows["size"]), int(rows["mtime_ns"]), rows["change_counter"]
    except (sqlite3.Error, KeyError, ValueError):
        return None
    finally:
        conn.close()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _source_uri(src: Path) -> str:
    from .db import sqlite_uri
    from .sidecars import must_ignore

    # the file's own bytes: with a sidecar still beside it, ignore the sidecar (immutable) rather than read it
    return sqlite_uri(src, mode="ro", immutable=1) if must_ignore(src) else sqlite_uri(src, mode="ro")


def _store_chunks(conn: sqlite3.Connection, store: Path) -> tuple[list[str], int]:
    """Copy to the chunk store the evidence contents it lacks, each checked against its SHA-256 first.

    Which contents the store holds is kept in its index (``index.sqlite``, attached as ``idx``; a content is
    entered only after all its chunk files are written and synced), so a backup of a file whose evidence is
    stored already costs one query, not a look at every chunk.

    Returns (contents that failed the check and stay inside the backup, bytes written to the store)."""
    has_table = conn.execute("SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = 'evidence_chunk'"
                             ).fetchone()
    if not has_table:
        return [], 0
    missing = [r[0] for r in conn.execute(
        "SELECT DISTINCT sha256 FROM src.evidence_chunk WHERE sha256 NOT IN (SELECT sha256 FROM idx.stored)")]
    bad, written = [], 0
    for sha in missing:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM src.evidence_chunk WHERE sha256 = ? ORDER BY seq", [sha])]
        dest = _pack_path(store, sha)
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        h, size = hashlib.sha256(), 0
        try:
            with open(part, "wb") as fh:  # one pass: hashed while written, kept only if it matches
                for s_ in seqs:
                    data = conn.execute("SELECT data FROM src.evidence_chunk WHERE sha256 = ? AND seq = ?",
                                        [sha, s_]).fetchone()[0]
                    h.update(data)
                    fh.write(len(data).to_bytes(4, "big"))
                    fh.write(data)
                    size += len(data)
                if h.hexdigest() == sha and seqs == list(range(len(seqs))):
                    fh.flush()
                    os.fsync(fh.fileno())
            if h.hexdigest() != sha or seqs != list(range(len(seqs))):
                part.unlink(missing_ok=True)
                bad.append(sha)
                continue
            os.replace(part, dest)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        written += size
        conn.execute("INSERT OR REPLACE INTO idx.stored (sha256, chunks) VALUES (?, ?)", [sha, len(seqs)])
    return bad, written


def _open_index(conn: sqlite3.Connection, store: Path) -> None:
    """Attach the chunk store's index as ``idx`` (created on first use)."""
    store.mkdir(parents=True, exist_ok=True)
    conn.execute("ATTACH DATABASE ? AS idx", [str(store / "index.sqlite")])
    conn.execute("CREATE TABLE IF NOT EXISTS idx.stored (sha256 TEXT PRIMARY KEY, chunks INTEGER NOT NULL)")


def write_backup(src, dest, store: Path | None = None) -> Path:
    """Write a backup of the evaluation file ``src`` to ``dest`` (a new file), its evidence chunks into ``store``
    (default :func:`chunk_store`). See the module docstring for the format.

    Raises:
        OSError, sqlite3.Error: reading ``src`` or writing failed (``dest`` is not left behind).
    """
    src, dest = Path(src), Path(dest)
    store = store or chunk_store()
    state = source_state(src)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    conn = sqlite3.connect(str(part), isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", [_source_uri(src)])
        conn.execute("BEGIN")  # one read transaction on the source: a consistent snapshot
        page_size, app_id, user_version = (conn.execute(f"PRAGMA src.{p}").fetchone()[0]
                                           for p in ("page_size", "application_id", "user_version"))
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA page_size={int(page_size)}")
        conn.execute("PRAGMA main.journal_mode=OFF")  # a new private file: no journal needed until it is complete
        _open_index(conn, store)
        conn.execute("BEGIN")
        objects = conn.execute("SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").fetchall()
        tables = [(n, sql) for t, n, sql in objects if t == "table"]
        for _name, sql in tables:
            conn.execute(sql)
        bad, _written = _store_chunks(conn, store)
        for name, _sql in tables:
            if name == "evidence_chunk":
                conn.execute("INSERT INTO main.evidence_chunk (sha256, seq, data) SELECT sha256, seq, X'' "
                             "FROM src.evidence_chunk")
                for sha in bad:  # content that does not match its hash: kept in the backup itself
                    conn.execute("UPDATE main.evidence_chunk SET data = (SELECT data FROM src.evidence_chunk s "
                                 "WHERE s.sha256 = main.evidence_chunk.sha256 AND s.seq = main.evidence_chunk.seq) "
                                 "WHERE sha256 = ?", [sha])
            else:
                conn.execute(f"INSERT INTO main.{_q(name)} SELECT * FROM src.{_q(name)}")
        if conn.execute("SELECT 1 FROM src.sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence")
        for t, _n, sql in objects:
            if t != "table":
                conn.execute(sql)
        conn.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany(f"INSERT INTO {INFO_TABLE} VALUES (?, ?)", [
            ("source", str(src.resolve())), ("size", str(state[0])), ("mtime_ns", str(state[1])),
            ("change_counter", state[2]), ("taken_at", _dt.datetime.now(_dt.timezone.utc).isoformat()),
            ("external_chunks", str(conn.execute("SELECT count(*) FROM main.evidence_chunk WHERE length(data) = 0"
                                                 ).fetchone()[0]) if any(n == "evidence_chunk" for n, _ in tables)
             else "0"),
        ])
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA application_id={int(app_id)}")
        conn.execute(f"PRAGMA user_version={int(user_version)}")
        conn.execute("DETACH DATABASE src")
        conn.execute("DETACH DATABASE idx")
        conn.execute("PRAGMA main.journal_mode=DELETE")
    except BaseException:
        conn.close()
        part.unlink(missing_ok=True)
        raise
    conn.close()
    with open(part, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(part, dest)
    return dest


def rolling_backup(path, keep: int = KEEP) -> Path | None:
    """Back ``path`` up into its backup folder unless unchanged since the newest backup; keep the newest ``keep``
    and every pinned one (:func:`pin`).

    Returns the new backup's path, or ``None`` when none was needed or it failed (logged).
    """
    src = Path(path)
    try:
        existing = list_backups(src)
        if existing and backup_state(existing[-1]) == source_state(src):
            return None
        d = backup_dir(src)
        d.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        dest = write_backup(src, d / f"{stamp}.wcif")
        keep_set = pinned()
        for old in list_backups(src)[:-keep]:
            if old not in keep_set:
                old.unlink(missing_ok=True)
        return dest
    except (OSError, sqlite3.Error) as e:
        log.warning("rolling backup of %s failed: %s", src, e)
        return None


def newest_backup(path) -> Path | None:
    """The newest backup of ``path`` (``None`` when there is none)."""
    try:
        found = list_backups(path)
    except OSError as e:
        log.warning("cannot list the backups of %s: %s", path, e)
        return None
    return found[-1] if found else None


def restore_backup(backup, dest, store: Path | None = None) -> Path:
    """Write the complete evaluation file kept in ``backup`` to the new file ``dest``: the backup's tables with
    the evidence chunks put back from the chunk store, each content checked against its SHA-256.

    Raises:
        WcifError: ``dest`` exists, a chunk is missing from the store or does not match, or writing failed
        (``dest`` is not left behind).
    """
    backup, dest = Path(backup), Path(dest)
    store = store or chunk_store()
    if os.path.lexists(dest):
        raise WcifError(QT_TRANSLATE_NOOP("core", "文件已存在，不会覆盖：{path}"), path=dest)
    part = dest.with_name(dest.name + ".part")
    try:
        shutil.copyfile(backup, part)
        conn = sqlite3.connect(str(part), isolation_level=None)
        try:
            conn.execute("BEGIN")
            missing, from_store = [], set()
            has_chunks = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'evidence_chunk'").fetchone()
            if has_chunks:
                rows = conn.execute("SELECT sha256, seq FROM evidence_chunk WHERE length(data) = 0 "
                                    "ORDER BY sha256, seq").fetchall()
                by_sha: dict[str, list[int]] = {}
                for sha, seq in rows:
                    by_sha.setdefault(sha, []).append(seq)
                for sha, seqs in by_sha.items():
                    try:
                        got = 0
                        for seq, data in zip(range(max(seqs) + 1), iter_pack(_pack_path(store, sha))):
                            if seq in seqs:
                                conn.execute("UPDATE evidence_chunk SET data = ? WHERE sha256 = ? AND seq = ?",
                                             [data, sha, seq])
                                got += 1
                        if got != len(seqs):
                            raise ValueError("chunks missing from the pack")
                    except (OSError, ValueError):
                        missing.append(f"{sha[:12]}…")
                        continue
                    from_store.add(sha)
                for sha in sorted(from_store):  # (contents kept inside the backup are restored as they were)
                    h = hashlib.sha256()
                    for (data,) in conn.execute("SELECT data FROM evidence_chunk WHERE sha256 = ? ORDER BY seq", [sha]):
                        h.update(data)
                    if h.hexdigest() != sha and not missing:
                        missing.append(f"{sha[:12]}…")
            if missing:
                conn.execute("ROLLBACK")
                raise WcifError(QT_TRANSLATE_NOOP(
                    "core", "备份 {backup} 所需的证据内容在备份区中缺失或已损坏（{chunks}），无法完整恢复"),
                    backup=backup, chunks="、".join(missing[:3]))
            conn.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
            conn.execute("COMMIT")
        finally:
            conn.close()
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, dest)
    except WcifError:
        part.unlink(missing_ok=True)
        raise
    except (OSError, sqlite3.Error) as e:
        part.unlink(missing_ok=True)
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法从备份 {backup} 恢复到 {path}：{reason}"), backup=backup,
                        path=dest, reason=e) from e
    return dest


__all__ = ["KEEP", "backup_dir", "chunk_store", "list_backups", "rolling_backup", "write_backup", "restore_backup",
           "newest_backup", "pin", "unpin", "pinned", "source_state"]
