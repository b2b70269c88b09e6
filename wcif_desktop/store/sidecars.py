"""What lies beside an evaluation file: SQLite's ``-wal``, ``-shm`` and ``-journal`` sidecars.

SQLite applies a sidecar it finds beside a database when it opens it read-write: the frames of a ``-wal`` are
read as the newest pages of the file (and checkpointed into it), a "hot" ``-journal`` is rolled back into it.
Neither file says which database it belongs to, so a sidecar copied in from a USB stick, a shared folder or a
sync client (of another evaluation, or of an unrelated database) would silently overwrite the evaluation.

WCIF Desktop never writes WAL files (the evaluation file uses the rollback journal, see
:mod:`wcif_desktop.store.db`), so :func:`secure` runs before every read-write connection and:

- moves any ``-wal``/``-shm`` aside, unread, into a folder beside the file named
  ``<file name> 旁的附属文件 <local time>`` (never deleted; a ``说明.txt`` inside says what happened), and says so;
- replays a hot ``-journal`` (one SQLite would roll back: it exists, has content and no other program is writing
  the file) only on a private byte copy of the file and the journal. The result is kept only when it passes the
  checks of :func:`rolled_back_copy` (integrity, a WCIF evaluation file of the same evaluation, at most one
  interrupted commit on top of it, an unbroken history). Then the file as found is kept in the folder beside it
  together with the journal, and the recovered copy takes its place. Otherwise the file stays untouched and the
  journal is moved into the folder;
- refuses to open, with one sentence naming the file and what to do, when a sidecar cannot be moved (a read-only
  folder): the user can move it away, or open the file read-only.

A ``-journal`` that is not hot is left alone: it is either being written right now by another connection (which
holds the lock SQLite checks) or empty, and SQLite ignores it.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, WcifError

log = logging.getLogger(__name__)

WAL_SUFFIXES = ("-wal", "-shm")
JOURNAL_SUFFIX = "-journal"
SQLITE_READONLY_ROLLBACK = 776  # SQLITE_READONLY | (3 << 8): a read-only connection found a hot journal
README_NAME = "说明.txt"

_listeners: list = []


class SidecarError(WcifError):
    """A sidecar beside the evaluation file could not be set aside; the file was not opened."""


@dataclass
class SidecarReport:
    """What :func:`secure` did. ``notices`` are user-facing sentences (empty when nothing lay beside the file);
    ``folder`` is where sidecars were moved (``None`` when none was); ``recovered`` is True when an interrupted
    save was rolled back (on a copy that passed the checks)."""

    folder: Path | None = None
    moved: list[str] = field(default_factory=list)
    recovered: bool = False
    notices: list[Message] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.notices)


def add_listener(fn) -> None:
    """Call ``fn(message: Message)`` for every notice :func:`secure` gives (the CLI prints them on stderr)."""
    if fn not in _listeners:
        _listeners.append(fn)


def remove_listener(fn) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


def sidecar(path, suffix: str) -> Path:
    p = Path(path)
    return p.with_name(p.name + suffix)


def present(path) -> list[Path]:
    """The sidecars (``-wal``, ``-shm``, ``-journal``) that exist beside ``path``."""
    return [s for s in (sidecar(path, x) for x in (*WAL_SUFFIXES, JOURNAL_SUFFIX)) if os.path.lexists(s)]


def must_ignore(path) -> bool:
    """True when a read-only connection to ``path`` must read only the file's own bytes (``immutable=1``): a
    ``-wal``/``-shm`` lies beside it (SQLite would read it as part of the file) or a hot ``-journal`` (a read-only
    connection cannot roll it back). A ``-journal`` of a write in progress is not a reason: SQLite's locking
    gives a read-only connection the last committed state."""
    p = Path(path)
    if any(os.path.lexists(sidecar(p, x)) for x in WAL_SUFFIXES):
        return True
    return journal_is_hot(p)


def _stamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _aside_folder(path: Path) -> Path:
    """A new folder beside ``path`` for what is set aside: ``<name> 旁的附属文件 <time>`` (``-2``, ``-3`` … when taken)."""
    base = path.with_name(f"{path.name} 旁的附属文件 {_stamp()}")
    folder, n = base, 1
    while os.path.lexists(folder):
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    folder.mkdir()
    return folder


def _write_readme(folder: Path, text: str) -> None:
    try:
        with open(folder / README_NAME, "a", encoding="utf-8") as fh:
            fh.write(text.rstrip() + "\n\n")
    except OSError as e:  # the files are moved already; the note is a courtesy
        log.warning("cannot write %s: %s", folder / README_NAME, e)


def _refuse(path: Path, side: Path, reason) -> SidecarError:
    return SidecarError(QT_TRANSLATE_NOOP(
        "core", "评价文件旁有其他程序留下的 {sidecar}，无法把它移开（{reason}），为免改动评价文件未打开。请把该文件移到别处"
                "（不要删除，也不要与评价文件放在一起）后再打开，或以只读方式打开：{path}"),
        sidecar=side.name, reason=getattr(reason, "strerror", None) or reason, path=path)


def _notify(report: SidecarReport, message: Message) -> None:
    report.notices.append(message)
    log.warning("%s", message)
    for fn in list(_listeners):
        try:
            fn(message)
        except Exception:  # pragma: no cover - a listener must not stop the open
            log.exception("sidecar listener failed")


def set_aside_wal(path, report: SidecarReport | None = None) -> SidecarReport:
    """Move any ``-wal``/``-shm`` beside ``path`` into a new folder beside it (never applied, never deleted).

    Raises:
        SidecarError: one cannot be moved (read-only folder …); nothing was opened or changed.
    """
    path = Path(path)
    report = report if report is not None else SidecarReport()
    found = [s for s in (sidecar(path, x) for x in WAL_SUFFIXES) if os.path.lexists(s)]
    if not found:
        return report
    try:
        folder = report.folder or _aside_folder(path)
    except OSError as e:
        raise _refuse(path, found[0], e) from e
    report.folder = folder
    for s in found:
        try:
            os.replace(s, folder / s.name)
        except OSError as e:
            raise _refuse(path, s, e) from e
        report.moved.append(s.name)
    names = "、".join(s.name for s in found)
    _write_readme(folder, f"{_stamp()}  WCIF Desktop 打开 {path.name} 前在其旁发现 {names}。\n"
                          "WCIF Desktop 从不使用 WAL 文件，这些文件来自其他程序或其他文件（例如从 U 盘、共享文件夹或同步盘一同复制过来），"
                          "若被 SQLite 读入会覆盖评价文件的内容，因此未使用，原样移到此处。评价文件按原样打开。\n"
                          f"Found {names} beside {path.name}; WCIF Desktop never writes WAL files, so they were not "
                          "applied and were moved here unchanged. The evaluation file was opened as it was.")
    _notify(report, Message(QT_TRANSLATE_NOOP(
        "core", "评价文件旁有其他程序留下的 {names}（WCIF Desktop 从不写这类文件），未使用，已原样移到“{folder}”；"
                "评价文件按原样打开：{path}"), names=names, folder=folder.name, path=path))
    return report


def set_aside_all(path, report: SidecarReport | None = None) -> SidecarReport:
    """Move every sidecar beside ``path`` aside, unread — for a file about to be created or overwritten, where
    there is nothing to recover into (SQLite would apply, or delete, what it finds).

    Raises:
        SidecarError: one cannot be moved.
    """
    path = Path(path)
    report = set_aside_wal(path, report)
    journal = sidecar(path, JOURNAL_SUFFIX)
    if os.path.lexists(journal):
        try:
            folder = report.folder or _aside_folder(path)
            report.folder = folder
            os.replace(journal, folder / journal.name)
        except OSError as e:
            raise _refuse(path, journal, e) from e
        report.moved.append(journal.name)
        _write_readme(folder, f"{_stamp()}  {journal.name} lay beside {path.name}, which was being created or "
                              "replaced; it was not used and was moved here unchanged.")
    return report


def journal_is_hot(path) -> bool:
    """True when SQLite would roll the ``-journal`` beside ``path`` back into it on a read-write open: it exists,
    has content, and no connection (of any program) holds the write lock. Asked of SQLite itself: a read-only
    connection refuses to read such a file (``SQLITE_READONLY_ROLLBACK``). Call after :func:`set_aside_wal`."""
    from .db import sqlite_uri

    path = Path(path)
    if not os.path.lexists(sidecar(path, JOURNAL_SUFFIX)):
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as e:
        return getattr(e, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK
    finally:
        conn.close()
    return False


def identity(path, *, immutable: bool = True) -> tuple | None:
    """(application id, sorted evaluation UUIDs, ``meta.file_id``) of the evaluation file at ``path``, read from
    the file's own bytes (``immutable``: sidecars ignored); ``None`` when it cannot be read."""
    from .db import sqlite_uri

    params = {"mode": "ro", "immutable": 1} if immutable else {"mode": "ro"}
    try:
        conn = sqlite3.connect(sqlite_uri(path, **params), uri=True)
    except sqlite3.Error:
        return None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        ids = tuple(sorted(r[0] for r in conn.execute("SELECT id FROM evaluation")))
        try:
            fid = conn.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
        except sqlite3.Error:
            fid = None
        return app_id, ids, (fid[0] if fid else None)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _same_identity(original: tuple | None, recovered: tuple | None) -> bool:
    from .db import APPLICATION_ID

    if original is None or recovered is None:
        return False
    if recovered[0] != APPLICATION_ID or original[0] != APPLICATION_ID:
        return False
    if not recovered[1] or recovered[1] != original[1]:
        return False
    return not (original[2] and recovered[2] and original[2] != recovered[2])


def _change_counter(path: Path) -> int:
    with open(path, "rb") as fh:
        return int.from_bytes(fh.read(28)[24:28], "big")


def _counter_follows(rolled_back: Path, found: Path) -> bool:
    """The file as found is the rolled-back state plus at most one interrupted commit: SQLite's file change
    counter (header bytes 24–27, +1 per commit) of the found file equals the rolled-back one's or is one more.
    A journal of another file (even a copy of the same evaluation edited a different number of times) rolls the
    header back to that file's counter."""
    before, found_counter = _change_counter(rolled_back), _change_counter(found)
    return found_counter in (before, (before + 1) & 0xFFFFFFFF)


def _history(path: Path) -> set | None:
    """(seq, hash) of every entry of the audit log, read from the file's own bytes; ``None`` when unreadable."""
    from .db import sqlite_uri

    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return None
    try:
        return set(conn.execute("SELECT seq, hash FROM audit_log"))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _history_continues(rolled_back: Path, found: Path) -> bool:
    """Every edit goes into the hash-chained audit log in its own transaction, so an interrupted save only ever
    adds entries: the rolled-back state's history must be contained in the history of the file as found (when
    that can still be read). A journal of another file brings entries this file never had."""
    mine, theirs = _history(found), _history(rolled_back)
    if theirs is None:
        return False
    return mine is None or theirs <= mine


def _chain_problems(path: Path) -> int | None:
    """How many problems the audit log's hash chain of the file has (0 intact); ``None`` when unreadable."""
    from .db import EvaluationFile, sqlite_uri

    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return None
    try:
        return len(EvaluationFile(path, conn).verify_history())
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _chain_not_worse(rolled_back: Path, found: Path) -> bool:
    """The rolled-back history is an unbroken hash chain (or no more broken than the file's own): a stale journal
    of an earlier state of the same file puts old pages of the audit log back among newer ones, leaving gaps."""
    theirs = _chain_problems(rolled_back)
    if theirs is None:
        return False
    if theirs == 0:
        return True
    mine = _chain_problems(found)
    return mine is not None and theirs <= mine


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _intact(path: Path) -> bool:
    """The file's own bytes pass ``PRAGMA quick_check``."""
    from .db import sqlite_uri

    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def rolled_back_copy(path, copy) -> bool:
    """Byte-copy ``path`` and its ``-journal`` to ``copy`` (a new file in a private folder), let SQLite roll the
    journal back there, and say whether the result may stand for the file. Always: the result passes
    ``PRAGMA integrity_check``, is a WCIF evaluation file, its history is an unbroken hash chain (or no more broken
    than the file's), and the file's change counter is the result's or one more (at most one interrupted commit).
    When the file as found is intact (a journal lying beside a file that was not being saved): also the same
    identity (evaluation UUID, ``file_id``) and a history contained in the file's. When the file as found is torn
    (a save was interrupted half-written, so parts of it cannot be read), what can still be read of its identity
    must match. ``path`` and its journal are not changed."""
    path, copy = Path(path), Path(copy)
    journal = sidecar(path, JOURNAL_SUFFIX)
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(journal, sidecar(copy, JOURNAL_SUFFIX))
        conn = sqlite3.connect(str(copy), isolation_level=None)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
        from .db import APPLICATION_ID

        theirs = identity(copy)
        checks = {
            "integrity": result == ["ok"] and not os.path.lexists(sidecar(copy, JOURNAL_SUFFIX)),
            "evaluation file": theirs is not None and theirs[0] == APPLICATION_ID and bool(theirs[1]),
            "change counter": _counter_follows(copy, path),
            "history chain": _chain_not_worse(copy, path),
        }
        mine = identity(path)
        if _intact(path):
            checks["identity"] = _same_identity(mine, theirs)
            checks["history contained"] = _history_continues(copy, path)
        elif mine is not None and mine[1]:
            checks["identity"] = _same_identity(mine, theirs)
        failed = [k for k, ok in checks.items() if not ok]
        if failed:
            log.warning("the roll-back of %s on a copy failed: %s", journal, ", ".join(failed))
        return not failed
    except (OSError, sqlite3.Error) as e:
        log.warning("replaying %s on a copy failed: %s", journal, e)
        return False


def recover_journal(path, report: SidecarReport | None = None) -> SidecarReport:
    """Replay a hot ``-journal`` beside ``path`` on a private copy and keep the result only if it checks out
    (see the module docstring). Does nothing when the journal is not hot.

    Raises:
        SidecarError: the journal cannot be set aside (read-only folder); the file is untouched.
    """
    path = Path(path)
    report = report if report is not None else SidecarReport()
    journal = sidecar(path, JOURNAL_SUFFIX)
    if not journal_is_hot(path):
        return report
    try:
        work = Path(tempfile.mkdtemp(prefix=".wcif-recover-", dir=path.parent))
    except OSError as e:
        raise _refuse(path, journal, e) from e
    try:
        copy = work / "recover.wcif"
        ok = rolled_back_copy(path, copy)
        try:
            folder = report.folder or _aside_folder(path)
        except OSError as e:
            raise _refuse(path, journal, e) from e
        report.folder = folder
        if ok:
            try:
                _link_or_copy(path, folder / path.name)  # the file as found, before the roll-back
                os.replace(copy, path)
            except OSError as e:  # the journal stays where it is: SQLite's roll-back is still possible
                raise _refuse(path, journal, e) from e
        try:
            os.replace(journal, folder / journal.name)
        except OSError as e:
            raise _refuse(path, journal, e) from e
        report.moved.append(journal.name)
        if ok:
            report.recovered = True
            _write_readme(folder, f"{_stamp()}  {path.name} 上次保存时被中断（旁有 {journal.name}）。该日志在副本上回滚，"
                                  "副本通过完整性检查且属于同一评价，已替换评价文件。此处保留回滚前的文件和日志。\n"
                                  f"{path.name} was found with an interrupted save ({journal.name}); the journal was "
                                  "rolled back on a copy which passed the checks and replaced the file. The file as "
                                  "found and the journal are kept here.")
            _notify(report, Message(QT_TRANSLATE_NOOP(
                "core", "评价文件上次保存时被中断，已恢复到中断前的状态（回滚前的文件和 {journal} 保留在“{folder}”）：{path}"),
                journal=journal.name, folder=folder.name, path=path))
        else:
            _write_readme(folder, f"{_stamp()}  {path.name} 旁有 {journal.name}，但在副本上回滚后的结果未通过完整性检查，"
                                  "或不属于同一评价（例如来自其他文件），因此未使用，原样移到此处。评价文件按原样打开。\n"
                                  f"{journal.name} beside {path.name} did not roll back to an intact file of the same "
                                  "evaluation, so it was not applied and was moved here unchanged.")
            _notify(report, Message(QT_TRANSLATE_NOOP(
                "core", "评价文件旁的 {journal} 不属于该文件（或回滚结果未通过检查），未使用，已原样移到“{folder}”；"
                        "评价文件按原样打开：{path}"), journal=journal.name, folder=folder.name, path=path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def secure(path) -> SidecarReport:
    """Run before any read-write connection to the evaluation file at ``path``: ``-wal``/``-shm`` set aside,
    a hot ``-journal`` replayed on a copy or set aside (module docstring). Cheap when nothing lies beside it.

    Raises:
        SidecarError: a sidecar cannot be moved; the file was not changed.
    """
    path = Path(path)
    report = SidecarReport()
    if not present(path):
        return report
    set_aside_wal(path, report)
    recover_journal(path, report)
    return report


__all__ = ["secure", "set_aside_wal", "set_aside_all", "must_ignore", "recover_journal", "journal_is_hot", "present", "identity", "SidecarReport",
           "SidecarError", "add_listener", "remove_listener"]
