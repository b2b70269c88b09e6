"""Exchanging evaluation files between laptops: export (whole or a member's work package), import with checks
and merge, history verification.

Export writes one self-contained file: a consistent snapshot of the evaluation (SQLite ``VACUUM INTO`` from a
read transaction, so it is complete even while the app has the file open), optionally encrypted with a
password (:mod:`wcif_desktop.services.crypto`). The output appears atomically (written beside it, then renamed);
a failure leaves no partial file and the source unchanged (apart from its merge base bookkeeping).

Import never touches the open evaluation before the incoming file passed every check. The file is read in place,
opened read-only and ``immutable`` (so a stale ``-wal``/``-shm``/``-journal`` beside it is never paired with it,
and it is never written); a copy in a fresh temporary folder is made only to decrypt or migrate it:
encrypted → decrypted with the password; SQLite header and ``application_id``; schema
version (newer → refused naming it; older → migrated on a copy); ``PRAGMA integrity_check`` and
``foreign_key_check``; our invariants (exactly one evaluation row, the same evaluation as the target, every
indicator score within [0, weight], an intact history chain). Then :mod:`wcif_desktop.services.merge` merges it.

**Work package of a member** (``member=``): a copy holding what is theirs plus the shared context.
"Theirs" is defined per record table:

- a table with an owner column (:data:`OWNER_COLUMNS`, e.g. ``owner``, ``assignee``, ``preparer``,
  ``member_id``, ``preparer_id``, ``reviewer_id``) keeps the rows whose owner is the member (their team_member id or name; a JSON list of
  owners counts when it contains them);
- a table none of whose columns is an owner column, but whose records appear in ``assignment`` (table name +
  record id → member), e.g. indicators, keeps the records assigned to the member, their descendants and
  ancestors (``parent_id``);
- every other table (evaluation, team, finance, targets …) is kept whole as context;
- then rows referenced by a kept row through a declared foreign key are kept too; rows whose declared foreign
  key or ``(table_name, record_id)`` / ``(target_kind, target_id)`` link points to a removed row are removed;
  rows of table ``T`` that were referred to by ``T_id`` columns (e.g. ``evidence_link.evidence_id``) only from
  removed rows are removed; evidence content (content tables) no kept row refers to by a ``…sha256`` column
  is removed;
- the history (``audit_log``) is kept whole, since it is a hash chain; open merge conflicts are removed.
Removed rows are deleted physically (no tombstones), and the file is vacuumed, so their content is not in it.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, NotAnEvaluationFile, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..store.db import APPLICATION_ID, EvaluationFile, _connect, now_iso, schema_version, sqlite_uri
from ..store.migrations import all_migrations
from . import crypto, merge

OWNER_COLUMNS = ("owner", "owner_id", "owners", "assignee", "assignee_id", "assigned_to", "member_id",
                 "team_member_id", "preparer", "preparer_id", "reviewer_id", "responsible", "responsible_id",
                 "scorer", "scorer_id")
LINK_COLUMN_PAIRS = (("table_name", "record_id"), ("target_kind", "target_id"), ("target_table", "target_id"), ("owner_table", "owner_id"),
                     ("linked_table", "linked_id"), ("entity_table", "entity_id"), ("ref_table", "ref_id"))


class ImportRefused(WcifError):
    """The incoming file failed a check; nothing was changed. ``str()`` names the reason."""


@dataclass
class ExportResult:
    """What an export wrote: the file, its size (bytes), whether encrypted, the member (or ``None``) and how
    many records of each table it holds (live records only)."""

    path: Path
    size: int
    encrypted: bool
    member: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- helpers
def _ensure_file_id(ef: EvaluationFile) -> str:
    fid = ef.meta("file_id")
    if not fid:
        import uuid

        fid = str(uuid.uuid4())
        ef.set_meta("file_id", fid)
    return fid


def _open_path(src) -> tuple[EvaluationFile, bool]:
    if isinstance(src, EvaluationFile):
        return src, False
    return EvaluationFile.open(Path(src), backup=False), True


def _fsync(path: Path) -> None:
    fd = os.open(str(path), os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows: fsync needs a writable fd
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


STALE_WORK_SECONDS = 120  # a work folder not touched for this long belongs to an interrupted export/import


def work_root() -> Path:
    """The user's private folder for snapshots and decrypted copies (``<user data>/work``, mode 0700): never the
    destination of an export nor the folder of the evaluation file."""
    from ..paths import user_data_dir

    root = user_data_dir() / "work"
    root.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(root, 0o700)
    except OSError:  # pragma: no cover - a file system without permissions
        pass
    return root


def private_workdir(prefix: str) -> Path:
    """A new private folder (mode 0700) under :func:`work_root`.

    Raises:
        WcifError: it cannot be created (disk full, no permission).
    """
    try:
        return Path(tempfile.mkdtemp(prefix=prefix, dir=work_root()))
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法创建临时工作文件夹：{reason}"), reason=e) from e


def clean_stale_work(*folders: Path) -> list[Path]:
    """Remove what an interrupted export or import left: ``.wcif-export-*`` / ``.wcif-import-*`` files and folders
    (hidden, earlier versions wrote the plaintext snapshot there) in ``folders``, and ``wcif-export-*`` /
    ``wcif-import-*`` in the private work folder, when untouched for :data:`STALE_WORK_SECONDS` (so one running
    at the same time in another window is left alone). Returns what was removed; errors are ignored."""
    import time

    removed = []
    limit = time.time() - STALE_WORK_SECONDS
    places = [(Path(f), (".wcif-export-", ".wcif-import-")) for f in folders]
    try:
        places.append((work_root(), ("wcif-export-", "wcif-import-")))
    except OSError:  # pragma: no cover
        pass
    for folder, prefixes in places:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            if not p.name.startswith(prefixes):
                continue
            try:
                if p.lstat().st_mtime > limit:
                    continue
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p)
                else:
                    p.unlink()
                removed.append(p)
            except OSError:
                continue
    return removed


def _live_counts(conn) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {merge._q(t)} WHERE deleted = 0").fetchone()[0]
            for t in merge.classify_tables(conn).records}


# ---------------------------------------------------------------------------------------------- export
def export_evaluation(src, out, *, member: str | None = None, password: str | None = None,
                      progress: Progress = NO_PROGRESS, log2_n: int = crypto.DEFAULT_LOG2_N) -> ExportResult:
    """Export the evaluation ``src`` (a path or an open :class:`EvaluationFile`) to the new file ``out``.

    ``member``: a team member's name (or id) → only their work package (see module docstring).
    ``password``: encrypt with AES-256-GCM (key from Scrypt, cost ``2**log2_n``); at least
    :data:`~wcif_desktop.services.crypto.MIN_PASSWORD_CHARS` characters.
    The source's merge base is refreshed first; a successful export is recorded in the source's history.

    No plaintext of the evaluation is written into the destination folder of an encrypted export: the snapshot
    is made in the user's private work folder (:func:`private_workdir`), and the destination only receives the
    ciphertext, as a hidden ``.wcif-export-*.part`` file renamed into place. Leftovers of an interrupted export
    or import (``.wcif-export-*``/``.wcif-import-*`` in the destination, ``wcif-*`` in the work folder) are
    removed first (:func:`clean_stale_work`).

    Raises:
        WcifError: source unreadable, ``out`` is the source, unknown member, or writing failed (disk full …);
        :class:`~wcif_desktop.domain.errors.Cancelled`.
    """
    out = Path(out)
    if password is not None:
        crypto.check_new_password(password)
    ef, opened = _open_path(src)
    try:
        if out.resolve() == ef.path.resolve():
            raise WcifError(QT_TRANSLATE_NOOP("core", "导出文件不能与评价文件相同：{path}"), path=out)
        if not out.parent.is_dir():
            raise WcifError(QT_TRANSLATE_NOOP("core", "导出目标文件夹不存在：{folder}"), folder=out.parent)
        check(progress)
        progress.set(0, 4, Message(QT_TRANSLATE_NOOP("core", "记录版本")))
        source_id = _ensure_file_id(ef)
        merge.refresh_sync_state(ef)
        clean_stale_work(out.parent)
        work = private_workdir("wcif-export-")
        try:
            snap = work / "snapshot.wcif"
            progress.set(1, 4, Message(QT_TRANSLATE_NOOP("core", "生成快照")))
            try:
                # absolute: a relative "file:…" name would be read as a URI
                ef.conn.execute("VACUUM INTO ?", [str(snap.absolute())])
            except sqlite3.Error as e:
                raise WcifError(QT_TRANSLATE_NOOP("core", "导出失败（无法写入快照，磁盘空间不足？）：{reason}"),
                                reason=e) from e
            check(progress)
            notes: list[str] = []
            copy = EvaluationFile(snap, _connect(snap), ef.who)
            try:
                import uuid

                with copy.transaction():
                    copy.db["meta"].upsert_all([
                        {"key": "file_id", "value": str(uuid.uuid4())},
                        {"key": "exported_from", "value": source_id},
                        {"key": "exported_at", "value": now_iso()},
                        {"key": "exported_by", "value": ef.who},
                        {"key": "exported_for", "value": member or ""},
                        # the source's history when exported: verify-history --against this file shows a
                        # shortened or rewritten history of the source later (issue 23.2)
                        {"key": "exported_history", "value": "{}:{}".format(*ef.history_state())},
                    ], pk="key")
                if member:
                    progress.set(2, 4, Message(QT_TRANSLATE_NOOP("core", "筛选工作包")))
                    notes = _filter_work_package(copy, member)
                counts = _live_counts(copy.conn)
            finally:
                copy.close()
            final = snap
            if member:
                final = work / "package.wcif"
                c = sqlite3.connect(str(snap))
                try:
                    c.execute("VACUUM INTO ?", [str(final.absolute())])
                except sqlite3.Error as e:
                    raise WcifError(QT_TRANSLATE_NOOP("core", "导出失败（磁盘空间不足？）：{reason}"), reason=e) from e
                finally:
                    c.close()
            check(progress)
            progress.set(3, 4, Message(QT_TRANSLATE_NOOP("core", "写入文件")))
            part = None
            try:
                # the only file written in the destination: the ciphertext (or the plain export asked for)
                fd, name = tempfile.mkstemp(prefix=".wcif-export-", suffix=".part", dir=out.parent)
                part = Path(name)
                with open(final, "rb") as fi, os.fdopen(fd, "wb") as fo:
                    if password:
                        crypto.encrypt_stream(fi, fo, password, total=final.stat().st_size, log2_n=log2_n,
                                              progress=progress)
                    else:
                        shutil.copyfileobj(fi, fo, 1024 * 1024)
                _fsync(part)
                os.replace(part, out)
                part = None
            except OSError as e:
                raise WcifError(QT_TRANSLATE_NOOP("core", "导出失败，未写入 {path}（{reason}）"), path=out,
                                reason=e.strerror or e) from e
            finally:
                if part is not None:
                    part.unlink(missing_ok=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        with ef.transaction():
            ef._log("export", source_id, "export", None, json.dumps(
                {"to": out.name, "member": member, "encrypted": bool(password)}, ensure_ascii=False), now_iso())
        progress.set(4, 4, Message(QT_TRANSLATE_NOOP("core", "导出完成")))
        return ExportResult(path=out, size=out.stat().st_size, encrypted=bool(password), member=member,
                            counts=counts, notes=notes)
    finally:
        if opened:
            ef.close()


def _find_member(ef: EvaluationFile, member: str) -> dict:
    rows = ef.rows("team_member", "name = ? OR id = ?", [member, member])
    if not rows:
        names = "、".join(r["name"] for r in ef.rows("team_member"))
        if not names:
            raise WcifError(QT_TRANSLATE_NOOP("core", "评价小组中没有成员“{member}”；现有成员：（无）"), member=member)
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价小组中没有成员“{member}”；现有成员：{names}"), member=member,
                        names=names)
    if len(rows) > 1:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价小组中有多名成员叫“{member}”，请改用成员编号（id）"), member=member)
    return rows[0]


def _owned_by(value, keys: set[str]) -> bool:
    if value in (None, ""):
        return False
    if str(value) in keys:
        return True
    if isinstance(value, str) and value.startswith("["):
        try:
            return any(str(v) in keys for v in json.loads(value))
        except (ValueError, TypeError):
            return False
    return False


def _filter_work_package(ef: EvaluationFile, member: str) -> list[str]:
    """Delete from ``ef`` (a fresh copy) everything that is not ``member``'s work or shared context."""
    conn = ef.conn
    who = _find_member(ef, member)
    keys = {who["id"], who["name"]}
    kinds = merge.classify_tables(conn)
    notes = []
    assigned: dict[str, set[str]] = {}
    assigned_tables = set()
    if "assignment" in kinds.records:
        for t, rid, mid in conn.execute("SELECT table_name, record_id, member_id FROM assignment WHERE deleted = 0"):
            assigned_tables.add(t)
            if mid in keys:
                assigned.setdefault(t, set()).add(rid)
    keep: dict[str, set[str]] = {}
    all_ids: dict[str, set[str]] = {}
    owned_tables = []
    for t in kinds.records:
        cols = [c for c, _ in merge.table_info(conn, t)]
        rows = list(merge._rows(conn, t))
        all_ids[t] = {r["id"] for r in rows}
        owner_cols = [c for c in cols if c.lower() in OWNER_COLUMNS]
        if t == "assignment":
            keep[t] = {r["id"] for r in rows if r["member_id"] in keys}
            owned_tables.append(t)
        elif owner_cols:
            keep[t] = {r["id"] for r in rows if any(_owned_by(r[c], keys) for c in owner_cols)}
            owned_tables.append(t)
        elif t in assigned_tables:
            mine = set(assigned.get(t, set()))
            if "parent_id" in cols:
                parent = {r["id"]: r["parent_id"] for r in rows}
                children: dict[str, list[str]] = {}
                for rid, p in parent.items():
                    children.setdefault(p, []).append(rid)
                stack = list(mine)
                while stack:  # descendants
                    for c in children.get(stack.pop(), []):
                        if c not in mine:
                            mine.add(c)
                            stack.append(c)
                for rid in list(mine):  # ancestors
                    p = parent.get(rid)
                    while p and p in parent and p not in mine:
                        mine.add(p)
                        p = parent.get(p)
            keep[t] = mine
            owned_tables.append(t)
        else:
            keep[t] = set(all_ids[t])
        if t in owned_tables:
            notes.append(Message(QT_TRANSLATE_NOOP("core", "{table}：保留 {kept} / {total} 条（属于 {member}）"), table=t,
                                 kept=len(keep[t]), total=len(all_ids[t]), member=who["name"]))
    if not owned_tables:
        notes.append(Message(QT_TRANSLATE_NOOP("core", "没有任何表记录负责人或分工，工作包包含整个评价")))
    # foreign keys: parents of kept rows in owned tables are kept; rows pointing at removed rows are removed
    fks = {t: [(r[2], r[3], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list({merge._q(t)})")]
           for t in kinds.records}
    changed = True
    while changed:
        changed = False
        for t in owned_tables:
            for parent_table, frm, to in fks[t]:
                if parent_table not in keep or (to or "id") != "id":
                    continue
                for (ref,) in conn.execute(f"SELECT {merge._q(frm)} FROM {merge._q(t)} WHERE id IN "
                                           f"(SELECT value FROM json_each(?))", [json.dumps(sorted(keep[t]))]):
                    if ref and ref not in keep[parent_table] and ref in all_ids[parent_table]:
                        keep[parent_table].add(ref)
                        changed = True
    changed = True
    while changed:
        changed = False
        for t in kinds.records:
            cols = {c for c, _ in merge.table_info(conn, t)}
            refs = [(pt, frm) for pt, frm, to in fks[t] if pt in keep and (to or "id") == "id"]
            pairs = [(a, b) for a, b in LINK_COLUMN_PAIRS if a in cols and b in cols]
            if not refs and not pairs:
                continue
            for row in merge._rows(conn, t):
                if row["id"] not in keep[t]:
                    continue
                gone = any(row[frm] and row[frm] in all_ids[pt] and row[frm] not in keep[pt] for pt, frm in refs)
                gone = gone or any(row[a] in keep and row[b] in all_ids[row[a]] and row[b] not in keep[row[a]]
                                   for a, b in pairs)
                if gone:
                    keep[t].discard(row["id"])
                    changed = True
        # rows every referrer of which was removed go too (evidence whose every link pointed at removed rows)
        for t in kinds.records:
            col = f"{t}_id"
            referrers = [r for r in kinds.records if col in {c for c, _ in merge.table_info(conn, r)}]
            if not referrers:
                continue
            ever, still = set(), set()
            for r in referrers:
                for rid, ref in conn.execute(f"SELECT id, {merge._q(col)} FROM {merge._q(r)}"):
                    ever.add(ref)
                    if rid in keep[r]:
                        still.add(ref)
            orphans = {i for i in keep[t] if i in ever and i not in still}
            if orphans:
                keep[t] -= orphans
                changed = True
    with ef.transaction():
        conn.execute("PRAGMA defer_foreign_keys=ON")
        for t in kinds.records:
            drop = sorted(all_ids[t] - keep[t])
            if drop:
                conn.execute(f"DELETE FROM {merge._q(t)} WHERE id IN (SELECT value FROM json_each(?))",
                             [json.dumps(drop)])
                conn.execute("DELETE FROM sync_head WHERE table_name = ? AND record_id IN "
                             "(SELECT value FROM json_each(?))", [t, json.dumps(drop)])
                conn.execute("DELETE FROM sync_ancestor WHERE table_name = ? AND record_id IN "
                             "(SELECT value FROM json_each(?))", [t, json.dumps(drop)])
        conn.execute("DELETE FROM merge_conflict")
        _prune_content(conn, kinds)
    return notes


def _prune_content(conn, kinds: merge.TableKinds) -> None:
    """Remove evidence content that no kept row refers to (by any column whose name ends in ``sha256``)."""
    if not kinds.content:
        return
    referenced: set[str] = set()
    for t in kinds.records + kinds.other:
        cols = [c for c, _ in merge.table_info(conn, t) if c.lower().endswith("sha256")]
        for c in cols:
            referenced.update(v for (v,) in conn.execute(f"SELECT {merge._q(c)} FROM {merge._q(t)}") if v)
    sha_cols = {t: [c for c, _ in merge.table_info(conn, t) if c.lower().endswith("sha256")] for t in kinds.content}
    kept_rows: dict[str, set] = {t: set() for t in kinds.content}
    grew = True
    while grew:  # content rows can refer to other content (e.g. a file's chunks)
        grew = False
        for t in kinds.content:
            cols = sha_cols[t]
            sel = ", ".join(["rowid"] + [merge._q(c) for c in cols])
            for row in conn.execute(f"SELECT {sel} FROM {merge._q(t)}"):
                if row[0] in kept_rows[t]:
                    continue
                if any(v in referenced for v in row[1:] if v):
                    kept_rows[t].add(row[0])
                    before = len(referenced)
                    referenced.update(v for v in row[1:] if v)
                    if len(referenced) > before:
                        grew = True
    for t in kinds.content:
        conn.execute(f"DELETE FROM {merge._q(t)} WHERE rowid NOT IN (SELECT value FROM json_each(?))",
                     [json.dumps(sorted(kept_rows[t]))])


# ---------------------------------------------------------------------------------------------- import
def prepare_incoming(path, workdir: Path, password: str | None = None,
                     progress: Progress = NO_PROGRESS) -> Path:
    """Run every check on the file at ``path``; returns the path of the checked file to merge from.

    The file is read where it lies, opened ``mode=ro&immutable=1`` (https://sqlite.org/uri.html): SQLite then
    neither writes to it nor looks for a ``-journal``/``-wal`` beside it, so a stale one is never paired with it,
    and its bytes are not copied (an evaluation with 1 GiB of evidence is read, not written, until the merge).
    A copy in ``workdir`` is made only when needed: an encrypted file is decrypted into it, and a file of an
    older schema is migrated on it. The returned path is then that copy.

    Raises:
        ImportRefused: naming the reason (not ours, newer schema, corrupt, broken invariant, wrong password …).
    """
    src = Path(path)
    if src.is_dir():
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "要导入的是一个文件夹，请选择评价文件：{path}"), path=src)
    refuse_non_regular(src)
    if not src.is_file():
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "找不到要导入的文件：{path}"), path=src)
    target = src
    try:
        if crypto.is_encrypted(src):
            if not password:
                raise ImportRefused(QT_TRANSLATE_NOOP("core", "该文件已加密，请提供密码：{path}"), path=src)
            target = Path(workdir) / "incoming.wcif"
            with open(src, "rb") as fi, open(target, "wb") as fo:
                crypto.decrypt_stream(fi, fo, password, name=str(src), progress=progress)
    except ImportRefused:
        raise
    except WcifError as e:
        raise ImportRefused.from_error(e) from e
    except OSError as e:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "无法读取要导入的文件 {path}：{reason}"), path=src, reason=e) from e
    check(progress)
    try:
        _check_header(target, src)
        if target == src:
            _refuse_unfinished_save(src)
            if len(os.fsencode(str(src.absolute()))) > LONG_PATH_BYTES:  # beyond what SQLite opens by name
                target = Path(workdir) / "incoming.wcif"
                shutil.copyfile(src, target)
    except OSError as e:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "无法读取要导入的文件 {path}：{reason}"), path=src, reason=e) from e
    problems = []
    try:
        conn = sqlite3.connect(sqlite_uri(target, mode="ro", immutable=1), uri=True)
        conn.text_factory = lambda b: b.decode("utf-8", "replace")  # the report may quote damaged text
        try:
            res = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if res != ["ok"]:
                problems.append("完整性检查未通过：" + "；".join(res[:3]))
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"外键检查未通过：{fk[0][0]} 表有 {len(fk)} 处引用不存在的记录")
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        problems.append(f"无法读取数据库：{e}")
    if problems:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "导入文件已损坏，未导入（{path}）：{problems}"), path=src,
                            problems="；".join(problems))
    check(progress)
    try:
        ef = EvaluationFile(target, sqlite3.connect(sqlite_uri(target, mode="ro", immutable=1), uri=True))
        try:
            unknown = ef.applied_migrations() - {n for n, _name, _fn in all_migrations()}
            pending = ef.pending_migrations()
        except BaseException:
            ef.close()
            raise
        if unknown:
            ef.close()
            raise ImportRefused(QT_TRANSLATE_NOOP("core", "该文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 "
                                                          "{unknown}），请升级软件后再导入：{path}"),
                                unknown=sorted(unknown), path=src)
        if pending:  # older: migrated on a copy, never in place
            ef.close()
            if target == src:
                target = Path(workdir) / "incoming.wcif"
                shutil.copyfile(src, target)  # the main file's bytes only
            ef = EvaluationFile(target, _connect(target))
            with ef.transaction():
                ef.migrate_pending()
    except ImportRefused:
        raise
    except (WcifError, sqlite3.Error, OSError) as e:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "无法打开或升级要导入的文件 {path}：{reason}"), path=src,
                            reason=e) from e
    try:
        try:
            problems = check_structure(ef.conn) or check_invariants(ef)
            if not problems:
                from .evidence import corrupt_contents

                bad = corrupt_contents(ef.conn, progress=progress)
                if bad:
                    raise ImportRefused(QT_TRANSLATE_NOOP(
                        "core", "要导入的文件中有 {count} 份证据内容已损坏（校验值不符），未导入：{names}（{path}）"),
                        count=len(bad), names="、".join(f"“{n}”" if n else sha[:12] for sha, n in bad[:3]),
                        path=src)
        except sqlite3.DatabaseError:
            raise  # damaged, or written to while read: import_file says which
        except (sqlite3.Error, KeyError, ValueError, TypeError) as e:  # a table or column of ours is unusable
            problems = [str(e)]
        if problems:
            raise ImportRefused(QT_TRANSLATE_NOOP("core", "导入文件不符合评价数据的规则，未导入（{path}）：{problems}"),
                                path=src, problems="；".join(problems[:5]))
    finally:
        ef.close()
    return target


def refuse_non_regular(src: Path) -> None:
    """Refuse at once anything but a regular file (after symlinks): a FIFO, socket or device would block the
    first read forever, or never end.

    Raises:
        ImportRefused: naming the file.
    """
    import stat

    try:
        mode = os.stat(src).st_mode
    except OSError:
        return  # missing: the caller says "not found"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return
    raise ImportRefused(QT_TRANSLATE_NOOP("core", "要导入的不是普通文件（管道、设备或套接字），未导入：{path}"), path=src)


LONG_PATH_BYTES = 400  # SQLite opens files by names up to ~500 bytes (unix); longer ones are copied first

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # https://sqlite.org/fileformat2.html#the_rollback_journal


def _refuse_unfinished_save(src: Path) -> None:
    """Refuse a file with a rollback journal of its own page size beside it: the program that wrote it was
    interrupted while saving (or is saving right now), so the file may hold half a change that the member's
    WCIF Desktop will roll back the next time it opens it. The journal is never used (that would pair a stale
    one, perhaps of another file, with this one); a ``-journal`` that cannot be this file's (no journal header,
    another page size) is ignored like a stale ``-wal``/``-shm``."""
    journal = src.with_name(src.name + "-journal")
    try:
        with open(journal, "rb") as fh:
            head = fh.read(28)
        with open(src, "rb") as fh:
            db_head = fh.read(100)
    except OSError:
        return
    page_size = int.from_bytes(db_head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if head[:8] == JOURNAL_MAGIC and int.from_bytes(head[24:28], "big") == page_size:
        raise ImportRefused(QT_TRANSLATE_NOOP(
            "core", "要导入的文件旁有未完成的保存记录（{journal}）：该文件正被编辑，或上次保存时程序被中断。"
                    "请在成员的 WCIF Desktop 中打开并关闭该文件（中断的保存会自动恢复），然后重新导入：{path}"),
            journal=journal.name, path=src)


def file_state(path: Path) -> tuple:
    """What any write to an SQLite file changes: size, modification time (ns) and the header's file change
    counter (bytes 24–27, incremented by every commit in rollback-journal mode). Compared before the checks and
    before the merge commits, so what is merged is what was checked."""
    import stat

    st = Path(path).stat()
    if not stat.S_ISREG(st.st_mode):  # never open a FIFO or device: it would block
        raise OSError(f"not a regular file: {path}")
    with open(path, "rb") as fh:
        head = fh.read(28)
    return st.st_size, st.st_mtime_ns, head[24:28]


@functools.cache
def reference_columns() -> dict[str, frozenset[str]]:
    """{table: columns} of a file created by this build (every migration applied to an in-memory database)."""
    ef = EvaluationFile(Path(":memory:"), sqlite3.connect(":memory:", isolation_level=None))
    try:
        with ef.transaction():
            ef.migrate_pending()
        return {t: frozenset(c for c, _ in merge.table_info(ef.conn, t))
                for (t,) in ef.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        ef.close()


def check_structure(conn) -> list[str]:
    """Problems with the tables of an (up-to-date) evaluation file: every table and column this build creates
    must be there, since the checks and the merge read them. Empty when fine."""
    have = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    problems = []
    for table, columns in sorted(reference_columns().items()):
        if table not in have:
            problems.append(Message(QT_TRANSLATE_NOOP("core", "缺少表 {table}"), table=table))
            continue
        missing = columns - {c for c, _ in merge.table_info(conn, table)}
        if missing:
            problems.append(Message(QT_TRANSLATE_NOOP("core", "{table} 表缺少列 {columns}"), table=table,
                                    columns=", ".join(sorted(missing))))
    return problems


def _check_header(copy: Path, src: Path) -> None:
    """The SQLite header, our application id and a schema version we know (the full integrity check follows,
    so :func:`~wcif_desktop.store.db.check_file`'s quick check would only read everything twice)."""
    with open(copy, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(b"SQLite format 3\x00"):
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "不是评价文件（不是 SQLite 数据库）：{path}"), path=src)
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "不是 WCIF 评价文件（application_id={app_id}）：{path}"),
                            app_id=f"{app_id:#x}", path=src)
    if int.from_bytes(head[56:60], "big") not in (0, 1):  # 1: UTF-8; 2, 3: UTF-16 (never written by us)
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "不是 WCIF 评价文件（文本编码不是 UTF-8）：{path}"), path=src)
    version = int.from_bytes(head[60:64], "big")
    if version > schema_version():
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "该文件由更新版本的 WCIF Desktop 创建（文件结构版本 {version}，"
                                                      "本程序支持 {supported}），请升级软件后再导入：{path}"),
                            version=version, supported=schema_version(), path=src)


MAX_MAGNITUDE = 15  # |value| < 10**15: any amount in 元 or score a file may hold; 9e999999 is refused
MAX_DECIMALS = 12


def _record_classes() -> dict[str, type]:
    """{table: record dataclass} of every record type this build knows (all modules imported)."""
    import importlib
    import pkgutil

    from .. import domain
    from ..domain.model import Record

    for m in pkgutil.iter_modules(domain.__path__):
        importlib.import_module(f"{domain.__name__}.{m.name}")
    for m in ("report_archive", "baseline", "finding_links"):  # services that define record types of their own
        importlib.import_module(f"wcif_desktop.services.{m}")
    out, todo = {}, list(Record.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        table = getattr(cls, "table", None)
        if isinstance(table, str) and table:
            out.setdefault(table, cls)
    return out


def _numeric_columns() -> dict[str, dict[str, str]]:
    """{table: {column: "decimal" | "int"}} from the record dataclasses' type hints."""
    import dataclasses
    import typing

    out: dict[str, dict[str, str]] = {}
    for table, cls in _record_classes().items():
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # noqa: BLE001 - a hint that does not resolve: skip the class
            continue
        cols = {}
        for f in dataclasses.fields(cls):
            text = str(hints.get(f.name))
            if "Decimal" in text:
                cols[f.name] = "decimal"
            elif hints.get(f.name) is int:
                cols[f.name] = "int"
        if cols:
            out[table] = cols
    return out


def _record_name(table: str, row: dict) -> str:
    """How a record is named in a refusal: its code and name when it has both (指标 "1.1.1 立项依据充分性")."""
    code, name = str(row.get("code") or ""), str(row.get("name") or row.get("title") or "")
    if code and name:
        return f"{code} {name}"
    return merge.record_label(row) or str(row.get("id"))


REFERENCE_ALIASES = {"member_id": "team_member", "reviewer_id": "team_member", "preparer_id": "team_member"}


def check_values(ef: EvaluationFile) -> list[str]:
    """Every incoming record checked like a user's edit (issue 23.5): numbers are finite decimals of sensible
    size (|x| < 10^15, at most 12 decimal places; no ``NaN``, ``Infinity``, ``9e999999``), whole numbers are
    whole, an indicator's weight lies in [0, 100] points and its score in [0, weight], its level in 1–3, the
    indicator tree has no cycle and every ``parent_id`` names an indicator of the file, and a ``<table>_id``
    column names a record of that table. Returns problems naming the table, the record and the field."""
    problems: list = []
    kinds = merge.classify_tables(ef.conn)
    numeric = _numeric_columns()
    for table in kinds.records:
        cols = numeric.get(table)
        if not cols:
            continue
        have = {c for c, _ in merge.table_info(ef.conn, table)}
        cols = {c: k for c, k in cols.items() if c in have}
        for row in ef.rows(table, include_deleted=True):
            for col, kind in cols.items():
                v = row.get(col)
                if v is None or v == "":
                    continue
                bad = False
                if kind == "int":
                    bad = not (isinstance(v, int) or (isinstance(v, str) and v.strip().lstrip("-").isdigit()))
                    bad = bad or abs(int(v)) >= 2 ** 53
                else:
                    try:
                        d = Decimal(str(v).strip())
                    except InvalidOperation:
                        bad = True
                    else:
                        bad = (not d.is_finite() or (d != 0 and d.adjusted() >= MAX_MAGNITUDE)
                               or d.as_tuple().exponent < -MAX_DECIMALS)
                if bad:
                    problems.append(Message(QT_TRANSLATE_NOOP(
                        "core", "{table} 表的记录“{record}”的 {field} 值“{value}”不是合理的数字"),
                        table=table, record=_record_name(table, row), field=col, value=str(v)[:40]))
    if problems:
        return problems
    if "indicator" in kinds.records:
        rows = {r["id"]: r for r in ef.rows("indicator")}
        for r in rows.values():
            name = _record_name("indicator", r)
            try:
                weight = Decimal(str(r.get("weight") or 0))
                if not Decimal(0) <= weight <= Decimal(100):
                    problems.append(Message(QT_TRANSLATE_NOOP("core", "指标“{name}”的权重 {weight} 超出 0–100 分"),
                                            name=name, weight=weight))
            except InvalidOperation:  # pragma: no cover - refused above
                pass
            if r.get("level") not in (None, "") and int(r["level"]) not in (1, 2, 3):
                problems.append(Message(QT_TRANSLATE_NOOP("core", "指标“{name}”的级次 {level} 不是 1–3"),
                                        name=name, level=r["level"]))
            parent = r.get("parent_id") or ""
            if parent and parent not in rows:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "指标“{name}”的上级指标不存在（{parent}）"),
                                        name=name, parent=parent))
        for start in rows:
            seen, node = set(), start
            while node:
                if node in seen:
                    problems.append(Message(QT_TRANSLATE_NOOP(
                        "core", "指标体系中有循环：指标“{name}”是它自己的上级（直接或间接）"),
                        name=_record_name("indicator", rows[start])))
                    break
                seen.add(node)
                node = (rows.get(node) or {}).get("parent_id") or ""
            if len(problems) > 5:
                break
    live = {t: None for t in kinds.records}
    for table in kinds.records:
        for col, _pk in merge.table_info(ef.conn, table):
            target = REFERENCE_ALIASES.get(col) or (col[:-3] if col.endswith("_id") else None)
            if not target or target not in live or target == table and col == "parent_id":
                continue
            if live[target] is None:
                live[target] = {r for (r,) in ef.conn.execute(f"SELECT id FROM {merge._q(target)}")}
            for row in ef.conn.execute(f"SELECT id, {merge._q(col)} FROM {merge._q(table)} WHERE deleted = 0 AND "
                                       f"{merge._q(col)} IS NOT NULL AND {merge._q(col)} != ''"):
                if row[1] not in live[target]:
                    problems.append(Message(QT_TRANSLATE_NOOP(
                        "core", "{table} 表的记录“{record}”的 {field} 指向不存在的 {target} 记录（{value}）"),
                        table=table, record=row[0], field=col, target=target, value=row[1]))
                    break
    return problems


def check_invariants(ef: EvaluationFile) -> list[str]:
    """Our own rules an evaluation file must satisfy (and :func:`check_values`). Returns problems (empty when
    fine)."""
    problems = list(check_values(ef))
    if problems:
        return problems
    evs = ef.rows("evaluation")
    if len(evs) != 1:
        problems.append(f"应恰有一条评价基本信息，实有 {len(evs)} 条")
    if ef.has_table("indicator"):
        for r in ef.rows("indicator"):
            if r.get("score") in (None, ""):
                continue
            try:
                score, weight = Decimal(str(r["score"])), Decimal(str(r.get("weight") or 0))
            except InvalidOperation:
                problems.append(f"指标“{r.get('name')}”的得分或权重不是数字")
                continue
            if score < 0 or score > weight:
                problems.append(f"指标“{r.get('name')}”得分 {score} 超出 0–{weight} 分")
    for table in merge.classify_tables(ef.conn).records:
        odd = ef.conn.execute(f"SELECT count(*) FROM {merge._q(table)} WHERE deleted IS NOT 0 AND deleted IS NOT 1"
                              ).fetchone()[0]
        if odd:
            problems.append(Message(QT_TRANSLATE_NOOP("core", "{table} 表有 {count} 条记录的删除标记不是 0 或 1"),
                                    table=table, count=odd))
    broken = ef.verify_history(records=False)
    if broken:
        problems.append("修改历史被改动或删除：" + broken[0])
    outside = ef.outside_changes(limit=5)
    if outside:
        problems.append(Message(QT_TRANSLATE_NOOP(
            "core", "有记录在 WCIF Desktop 之外被改动（修改历史中没有这些改动，无法归到任何人名下）：{records}"),
            records="、".join(f"{t} {label}" for t, _i, label in outside)))
    return problems


def import_file(ef: EvaluationFile, path, *, password: str | None = None,
                progress: Progress = NO_PROGRESS) -> merge.MergeReport:
    """Check the file at ``path`` and merge it into the open evaluation ``ef``.

    Returns the :class:`~wcif_desktop.services.merge.MergeReport` (``open_conflicts`` lists what the lead still
    has to resolve with :func:`wcif_desktop.services.merge.resolve_field`).

    Raises:
        ImportRefused: a check failed (nothing changed); WcifError: the merge could not be written (nothing
        changed); Cancelled.
    """
    src = Path(path)
    refuse_non_regular(src)  # a FIFO, socket or device would block the first read forever
    try:
        same = src.resolve() == ef.path.resolve() or os.path.samefile(src, ef.path)  # also a hard link
    except OSError:
        same = False
    if same:
        raise ImportRefused(QT_TRANSLATE_NOOP("core", "不能把评价文件导入它自己"))
    try:
        before = file_state(src) if src.is_file() else None
    except OSError:
        before = None
    clean_stale_work(ef.path.parent, src.parent)
    work = private_workdir("wcif-import-")  # a decrypted copy never lies beside the lead's file
    def unchanged() -> None:
        """Refuse (rolling the merge back) when the file was written to since the checks began."""
        try:
            now = file_state(src)
        except OSError:
            now = None
        if now != before:
            raise ImportRefused(QT_TRANSLATE_NOOP(
                "core", "要导入的文件在导入过程中被修改了（可能正被其他程序编辑），未导入，评价文件保持原样。"
                        "请在对方关闭该文件后重新导入：{path}"), path=src)

    try:
        try:
            checked = prepare_incoming(src, work, password, progress)
            c = sqlite3.connect(sqlite_uri(checked, mode="ro", immutable=1), uri=True)
            try:
                theirs_ev = [r[0] for r in c.execute("SELECT id FROM evaluation WHERE deleted = 0")]
            finally:
                c.close()
        except (ImportRefused, sqlite3.DatabaseError, UnicodeDecodeError) as e:
            unchanged()  # a file written to while it was checked: say so, rather than "damaged"
            if isinstance(e, ImportRefused):
                raise
            raise ImportRefused(QT_TRANSLATE_NOOP("core", "导入文件已损坏，未导入（{path}）：{problems}"), path=src,
                                problems=e) from e
        mine = ef.rows("evaluation")
        if theirs_ev != [r["id"] for r in mine]:
            raise ImportRefused(QT_TRANSLATE_NOOP("core", "要导入的文件属于另一个评价项目（评价编号不同），不能合并：{path}"),
                                path=src)
        outside = ef.outside_changes(limit=3)
        if outside:  # a merge would take them into the merge base as if the program had written them
            raise ImportRefused(QT_TRANSLATE_NOOP(
                "core", "本评价文件中有记录在 WCIF Desktop 之外被改动（{records}），未合并；"
                        "请先用 verify-history 检查，并从备份恢复或核实后重新录入"),
                records="、".join(f"{t} {label}" for t, _i, label in outside))
        if mine and mine[0].get("locked"):
            raise ImportRefused(QT_TRANSLATE_NOOP("core", "评价已锁定（报告已最终签署），不能合并其他文件；"
                                                          "如需修改请先解除锁定并说明原因"))
        check(progress)
        in_place = checked == src  # a copy (decrypted, migrated) cannot change under us; the user's file can
        try:
            # prepare_incoming refused any record of that file not holding its recorded version
            # (check_invariants: outside_changes). A private copy is the file checked, so its records' hashes are
            # their heads; the user's file merged where it lies is hashed again: unchanged() sees a writer that
            # goes through SQLite, but not one that puts size, time and change counter back
            return merge.merge_attached(ef, checked, src.name, progress,
                                        before_commit=unchanged if in_place else None, theirs_checked=not in_place)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
            if in_place:
                unchanged()
            raise WcifError(QT_TRANSLATE_NOOP("core", "合并失败，评价文件保持原样：{reason}"), reason=e) from e
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------- history
def anchor_of(path) -> tuple[int, str, str] | None:
    """The history anchor another file holds about an evaluation: ``(length, head hash, what)``. A signed or
    unsigned report PDF of this program holds ``wcif-history:<n>:<hash>`` in its Keywords; an exported ``.wcif``
    holds its source's history in ``meta.exported_history`` (else its own ``history_length``/``history_head``).
    ``None`` when the file holds none.

    Raises:
        WcifError: the file cannot be read.
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(16)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"), path=p, reason=e) from e
    if head.startswith(b"%PDF"):
        import re

        data = p.read_bytes()
        m = re.findall(rb"wcif-history:(\d+):([0-9a-f]{64})", data)
        if not m:
            return None
        n, h = m[0]
        return int(n), h.decode(), p.name
    if head.startswith(b"SQLite format 3\x00"):
        conn = sqlite3.connect(sqlite_uri(p, mode="ro", immutable=1), uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        except sqlite3.Error:
            return None
        finally:
            conn.close()
        if meta.get("exported_history"):
            n, _, h = meta["exported_history"].partition(":")
            return (int(n), h, p.name) if n.isdigit() else None
        if str(meta.get("history_length", "")).isdigit() and meta.get("history_head"):
            return int(meta["history_length"]), meta["history_head"], p.name
    return None


def anchor_problems(ef: EvaluationFile, anchor: tuple[int, str, str]) -> list[str]:
    """Problems when ``ef``'s history no longer holds, as entry number ``n``, the entry ``anchor`` names (the
    history was shortened or rewritten since that report or export was made)."""
    n, head, what = anchor
    if n == 0:
        return []
    r = ef.conn.execute("SELECT hash FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?", [n - 1]).fetchone()
    if r is None:
        return [Message(QT_TRANSLATE_NOOP("core", "历史记录在{what}生成后被截短（其中记录的历史为{n}条）"), what=what, n=n)]
    if r[0] != head:
        return [Message(QT_TRANSLATE_NOOP("core", "历史记录在{what}生成后被改写（第{n}条不同）"), what=what, n=n)]
    return []


def verify_history_file(path, against=()) -> list[str]:
    """Check the evaluation file at ``path`` (read-only; no backup taken): the hash chain of its history against
    the anchor the program keeps (a removed tail, an emptied or re-chained history shows), every record against
    the version the program last wrote (records changed outside the program), and every evidence content
    against its SHA-256. ``against``: reports (PDF) or exports of this evaluation whose history anchor
    (:func:`anchor_of`) the file must still hold.

    Returns problems (empty when intact). Raises NotAnEvaluationFile / NewerSchemaError.
    """
    p = Path(path)
    if not p.is_file():
        raise NotAnEvaluationFile(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=p)
    with EvaluationFile.open_read_only(p) as ef:  # never applies a -wal/-journal lying beside it
        problems = ef.verify_history()
        for other in against:
            anchor = anchor_of(other)
            if anchor is None:
                problems.append(Message(QT_TRANSLATE_NOOP("core", "{name} 中没有记录评价文件的历史（无历史锚点）"),
                                         name=Path(other).name))
            else:
                problems += anchor_problems(ef, anchor)
        from .evidence import corrupt_contents

        for sha, name in corrupt_contents(ef.conn):
            problems.append(Message(QT_TRANSLATE_NOOP("core", "证据文件内容已损坏（SHA-256 不符）：{name}"),
                                     name=f"{name or ''} {sha[:16]}".strip()))
        return problems


# ---------------------------------------------------------------------------------------------- assignments
def assign(ef: EvaluationFile, member_id: str, table: str, record_id: str):
    """Assign a record (e.g. an indicator or a request item) to a team member; it then belongs to that
    member's work package. Returns :class:`~wcif_desktop.services.evaluation.Changes`.

    Raises:
        WcifError: unknown member or record.
    """
    from ..domain.model import new_id
    from .evaluation import Changes

    if not ef.rows("team_member", "id = ?", [member_id]):
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价小组中没有该成员：{member_id}"), member_id=member_id)
    if table not in merge.classify_tables(ef.conn).records or not ef.rows(table, "id = ?", [record_id]):
        raise WcifError(QT_TRANSLATE_NOOP("core", "要分配的记录不存在：{table}/{record_id}"), table=table, record_id=record_id)
    existing = ef.rows("assignment", "member_id = ? AND table_name = ? AND record_id = ?", [member_id, table, record_id])
    if existing:
        return Changes()
    at = now_iso()
    rid = new_id()
    row = {"id": rid, "member_id": member_id, "table_name": table, "record_id": record_id,
           "modified_at": at, "modified_by": ef.who, "deleted": 0}
    with ef.transaction():
        ef.db["assignment"].insert(row)
        ef._log("assignment", rid, "*", None, json.dumps(
            {"member_id": member_id, "table_name": table, "record_id": record_id}, ensure_ascii=False), at)
        ef.record_head("assignment", rid)
    return Changes().add("assignment", rid)
