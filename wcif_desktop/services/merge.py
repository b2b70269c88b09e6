"""Merging evaluation files record by record, conflicts resolved field by field, and record history.

Tables are found by introspection, never by a fixed list, so tables added by later migrations merge too:

- **record tables** have the columns ``id``, ``modified_at``, ``modified_by`` and ``deleted``; they merge record
  by record (below);
- **content tables** have no ``id`` but a primary key or unique index that includes a column named ``sha256``
  (or ending in ``sha256``), e.g. ``evidence_chunk (sha256, seq)``: evidence content addressed by its SHA-256. Rows are added when missing (``INSERT OR IGNORE``),
  so the same content is never stored twice;
- ``meta`` (this file's own settings) is never merged; ``audit_log`` (the hash chain of this file) is copied
  into ``peer_history`` entry by entry, keyed by the entry hash, so a record's history shows edits made on
  other laptops and shared entries are stored once;
- the exchange tables themselves (``sync_*``, ``merge_*``, ``peer_history``) stay local;
- any other table with a primary key is united by ``INSERT OR IGNORE``; a table without one is skipped and
  named in the report.

**The merge base.** Each record version is identified by the SHA-256 of its content (all columns but
``modified_at``/``modified_by``; ``deleted`` included, so a deletion is a change like any other). Every export
and import first *refreshes* the file's ``sync_head`` (record → hash at that moment) and moves a replaced hash
to ``sync_ancestor`` (record → every version it descends from); the incoming file is never written, so its
refresh is computed in memory while merging (a record whose ``sync_head`` no longer matches it descends from
that version). Every edit through :meth:`~wcif_desktop.store.db.EvaluationFile.update` (and ``delete`` /
``restore``) also records the version it replaces as an ancestor, so a working file handed over twice without a
new export still shows what it descends from. When a record arrives:

- same hash on both sides → nothing to do;
- theirs is one of my version's ancestors → they did not change it since we parted; mine stays;
- mine is one of theirs' ancestors → only they changed it; theirs is taken (fast-forward);
- otherwise both changed it → merged **field by field** against the content of their common ancestor (kept in
  ``sync_version`` by every export and merge, :func:`field_merge`): a field only they changed is taken, a field
  only I changed stays; when no field changed on both sides to different values the record is merged and its
  version descends from both. A field changed on both sides (or a deletion against an edit) is a conflict,
  stored in ``merge_conflict`` with just those fields; mine stays for them until the lead resolves it field by
  field (:func:`resolve_field`); the result descends from both, so the same conflict never comes back. Without
  a known common content (a file from before field merging) the whole record conflicts;
- a record only they have is inserted; a record only I have stays.

Ancestries are united on every take, so files can be merged in any order and any number of times; importing
the same file twice changes nothing. A file copied by hand before it was ever exported has no base yet: a
record changed on both sides then shows as a conflict (nothing is lost). Copies made with ``export`` carry it.

**Writing.** Table by table, my merge base is refreshed, every incoming record is decided in memory by the
rules above, and then the table's changes are written together (:class:`_TableWrites`: one ``executemany``
each for the rows, the merge base, the conflicts and the audit entries, :meth:`EvaluationFile._log_many` — the
same hash chain, lock check and history anchor as one entry at a time). Records only they have are copied
from the attached file with one ``INSERT … SELECT`` (:meth:`_TableWrites._copy_inserts`; their history entries
and merge base are written as for any other take). Their history is copied first, before this merge's own
entries exist. All of it is one transaction: a failure anywhere leaves the file as it was (issue 21: 5,000
changed records took 6 s one row at a time).

Rows are read as tuples and a record mine stays for is settled without a dict (:func:`_merge_records`). A
record is hashed only when its hash is not known already: my records after the import's check found each
holding its recorded version (:meth:`EvaluationFile.heads_checked`), theirs after the same check of their private copy
(``theirs_checked`` of :func:`merge_attached`), take the version their ``sync_head`` names.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from operator import itemgetter

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..store.db import CanonicalRows, DictJson, EvaluationFile, now_iso, record_hash, record_json, sqlite_uri

RECORD_COLUMNS = {"id", "modified_at", "modified_by", "deleted"}
META_COLUMNS = {"modified_at", "modified_by"}
LOCAL_TABLES = {"sync_head", "sync_ancestor", "sync_version", "merge_conflict", "merge_log", "peer_history"}
MERGE_CACHE_KIB = -65536  # 64 MiB page cache while merging (negative: KiB, SQLite convention)
LABEL_COLUMNS = ("code", "name", "title", "section", "key", "label")


# ---------------------------------------------------------------------------------------------- introspection
@dataclass
class TableKinds:
    """Tables of one database by how they merge (see module docstring)."""

    records: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # with a primary key: united
    skipped: list[str] = field(default_factory=list)  # no primary key

    def all_merged(self) -> list[str]:
        return self.records + self.content + self.other


def table_info(conn, table: str, schema: str = "main") -> list[tuple[str, int]]:
    """[(column, pk position)] of a table (pk position 0 when not part of the primary key)."""
    return [(r[1], r[5]) for r in conn.execute(f"PRAGMA {schema}.table_info({_q(table)})")]


def content_key(conn, table: str, schema: str = "main") -> list[str]:
    """The columns identifying a row of a table without ``id``: its primary key, else its first unique index
    that includes a ``…sha256`` column (e.g. ``evidence_chunk (sha256, seq)``); [] when it has neither."""
    pk = [c for c, k in sorted(table_info(conn, table, schema), key=lambda x: x[1]) if k]
    if pk:
        return pk
    for idx in conn.execute(f"PRAGMA {schema}.index_list({_q(table)})"):
        if idx[2]:  # unique
            cols = [r[2] for r in conn.execute(f"PRAGMA {schema}.index_info({_q(idx[1])})")]
            if any(c and c.lower().endswith("sha256") for c in cols):
                return cols
    return []


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def classify_tables(conn, schema: str = "main") -> TableKinds:
    """Sort the tables of ``schema`` into record / content / other / skipped tables."""
    kinds = TableKinds()
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        if name in LOCAL_TABLES or name in ("meta", "audit_log"):
            continue
        info = table_info(conn, name, schema)
        cols = {c for c, _ in info}
        pk = [c for c, k in info if k]
        if RECORD_COLUMNS <= cols:
            kinds.records.append(name)
        elif any(c.lower().endswith("sha256") for c in content_key(conn, name, schema)):
            kinds.content.append(name)
        elif pk:
            kinds.other.append(name)
        else:
            kinds.skipped.append(name)
    return kinds


# ---------------------------------------------------------------------------------------------- hashing
def content_of(row: dict) -> dict:
    """A row without its bookkeeping columns (``modified_at``, ``modified_by``)."""
    return {k: v for k, v in row.items() if k not in META_COLUMNS}


def _rows(conn, table: str, schema: str = "main"):
    """The rows of a table as dicts, in the order SQLite returns them."""
    cur = conn.execute(f"SELECT * FROM {schema}.{_q(table)}")
    cols = [d[0] for d in cur.description]
    return map(dict, map(zip, itertools.repeat(cols), cur))


def _has_sync_tables(conn, schema: str = "main") -> bool:
    return conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE name='sync_head'").fetchone() is not None


def refresh_sync_state(ef: EvaluationFile, progress: Progress = NO_PROGRESS) -> int:
    """Record every record's current version in ``sync_head`` (moving replaced versions to ``sync_ancestor``).

    Called on both files before an export or a merge. Returns how many records got a new version. The content
    of every head version is kept in ``sync_version`` (once per version), so a later merge can compare a record
    changed on both sides field by field against their common ancestor.
    """
    conn = ef.conn
    kinds = classify_tables(conn)
    stored = _stored_hashes(conn)
    changed = 0
    with ef.transaction():
        for n, table in enumerate(kinds.records):
            check(progress)
            progress.set(n, len(kinds.records), Message(QT_TRANSLATE_NOOP("core", "记录版本")))
            changed += _refresh_table(conn, table, stored)[0]
    return changed


def _stored_hashes(conn) -> set[str] | None:
    """The hashes of every version in ``sync_version`` (``None``: a file without the table). Read at once, not
    per table: a version's hash covers the record's id, so it is stored under one table only (and INSERT OR
    IGNORE would skip it anyway)."""
    if not _has_table(conn, "sync_version"):
        return None
    return {h for (h,) in conn.execute("SELECT hash FROM sync_version")}


def _refresh_table(conn, table: str, stored: set[str] | None, keep: bool = False, checked: bool = False
                   ) -> tuple[int, tuple[list[str], dict[str, tuple]] | None, dict[str, str] | None]:
    """:func:`refresh_sync_state` of one table. Returns ``(records with a new version, rows, heads)``; with
    ``keep`` the table's rows as read, ``(columns, {record id: row tuple})``, and its heads afterwards (record
    id → hash), for the merge that follows (else ``None``, ``None``). ``stored`` (:func:`_stored_hashes`) gets
    the versions added. ``checked``: every record with a head holds that version
    (:meth:`~wcif_desktop.store.db.EvaluationFile.heads_checked`), so one whose version is stored already is not
    hashed again, and one whose version is not stored yet has only its content written (its hash is its head).
    Rows are read as tuples, their versions written by :class:`~wcif_desktop.store.db.CanonicalRows` (the text
    of :func:`version_json`), without a dict per row."""
    heads = dict(conn.execute("SELECT record_id, hash FROM sync_head WHERE table_name = ?", [table]))
    cur = conn.execute(f"SELECT * FROM main.{_q(table)}")
    cols = [d[0] for d in cur.description]
    i_id = cols.index("id")
    text = CanonicalRows(cols).text
    rows: dict[str, tuple] | None = {} if keep else None
    new_heads, new_anc, new_versions = [], [], []
    try:
        for row in cur:
            rid = row[i_id]
            if keep:
                rows[rid] = row
            old = heads.get(rid)
            if checked and old is not None:
                if stored is not None and old not in stored:
                    new_versions.append((old, table, text(row)))  # (its hash is old: checked)
                    stored.add(old)
                continue  # its hash is its head (checked): no new head, no ancestor
            js = text(row)
            h = _hash_of(js)
            if stored is not None and h not in stored:
                new_versions.append((h, table, js))
                stored.add(h)
            if old == h:
                continue
            if old is not None:
                new_anc.append((table, rid, old))
            new_heads.append((table, rid, h))
    finally:
        cur.close()
    if new_versions:  # (each statement only when there is something to write: most tables have nothing new)
        conn.executemany("INSERT OR IGNORE INTO sync_version(hash, table_name, content) VALUES (?,?,?)",
                         new_versions)
    if new_anc:
        conn.executemany("INSERT OR IGNORE INTO sync_ancestor(table_name, record_id, hash) VALUES (?,?,?)", new_anc)
    if new_heads:
        conn.executemany(_SET_HEAD, new_heads)
    if keep:
        heads.update((rid, h) for _t, rid, h in new_heads)
    return len(new_heads), ((cols, rows) if keep else None), (heads if keep else None)


# a record's head: one row per record (primary key table_name, record_id), changed in place when it exists
_SET_HEAD = ("INSERT INTO sync_head(table_name, record_id, hash) VALUES (?,?,?) "
             "ON CONFLICT(table_name, record_id) DO UPDATE SET hash = excluded.hash")


def _has_triggers(conn) -> bool:
    """Whether the file has triggers (a write to one table could then change another: the merge does not rely
    on records being as checked before it)."""
    return conn.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' LIMIT 1").fetchone() is not None


def _has_table(conn, name: str, schema: str = "main") -> bool:
    return conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?",
                        [name]).fetchone() is not None


def canonical_content(row: dict) -> dict:
    """A record version's content as hashed by :func:`~wcif_desktop.store.db.record_hash` (binary values as
    their SHA-256): what two versions are compared by, field by field."""
    from ..store.db import _canon

    return {k: _canon(v) for k, v in row.items() if k not in META_COLUMNS}


def version_json(row: dict) -> str:
    """The JSON kept in ``sync_version`` for a record version: the canonical JSON its hash is of
    (:func:`~wcif_desktop.store.db.record_json`, i.e. :func:`canonical_content` with sorted keys)."""
    return record_json(row)


def _hash_of(version: str) -> str:
    """:func:`~wcif_desktop.store.db.record_hash` from the version's :func:`version_json`."""
    return hashlib.sha256(version.encode("utf-8")).hexdigest()


def _version_content(conn, h: str, schemas=("main", "theirs")) -> dict | None:
    for schema in schemas:
        try:
            r = conn.execute(f"SELECT content FROM {schema}.sync_version WHERE hash = ?", [h]).fetchone()
        except sqlite3.OperationalError:  # no such table (an older file) or schema
            continue
        if r:
            try:
                return json.loads(r[0])
            except ValueError:
                return None
    return None


def field_merge(conn, mine: dict, theirs: dict, common: set[str]) -> tuple[dict, list[str]] | None:
    """Three-way merge of a record changed on both sides, against the content of a common ancestor.

    ``common``: hashes of versions both sides descend from; the one whose content is known and is closest to
    both sides is the base. Returns ``(take, conflicts)``: the fields to take from ``theirs`` (changed only by
    them) and the fields changed on both sides to different values. A deletion on one side against an edit on
    the other is a conflict over every differing field. ``None`` when no base content is known (then the whole
    record conflicts, as before field merging)."""
    mine_c, theirs_c = canonical_content(mine), canonical_content(theirs)
    best = None
    for h in sorted(common):
        base = _version_content(conn, h)
        if base is None:
            continue
        distance = (sum(1 for k in mine_c if mine_c[k] != base.get(k, mine_c[k]))
                    + sum(1 for k in theirs_c if theirs_c[k] != base.get(k, theirs_c[k])))
        if best is None or distance < best[0]:
            best = (distance, base)
    if best is None:
        return None
    base = best[1]
    fields = [k for k in theirs_c if k != "id"]
    mine_changed = {k for k in fields if k in base and mine_c.get(k) != base[k]}
    theirs_changed = {k for k in fields if k in base and theirs_c[k] != base[k]}
    differing = sorted(k for k in fields if mine_c.get(k) != theirs_c[k])
    if ("deleted" in mine_changed) != ("deleted" in theirs_changed) and (mine_changed - {"deleted"}
                                                                        or theirs_changed - {"deleted"}):
        return {}, differing  # deleted on one side, edited on the other: the lead decides
    unknown = [k for k in differing if k not in base]  # a column the base version did not have
    take = {k: theirs[k] for k in sorted(theirs_changed - mine_changed) if mine_c.get(k) != theirs_c[k]}
    conflicts = sorted({k for k in mine_changed & theirs_changed if mine_c.get(k) != theirs_c[k]} | set(unknown))
    return take, conflicts


def _ancestors(conn, table: str, schema: str = "main") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for rid, h in conn.execute(f"SELECT record_id, hash FROM {schema}.sync_ancestor WHERE table_name = ?", [table]):
        out.setdefault(rid, set()).add(h)
    return out


# ---------------------------------------------------------------------------------------------- report
@dataclass
class MergeReport:
    """What a merge did. Lists hold ``(table, record_id, label)``; ``updated`` adds the changed field names."""

    source: str = ""
    merge_id: str = ""
    inserted: list[tuple[str, str, str]] = field(default_factory=list)
    updated: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    deleted: list[tuple[str, str, str]] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # merge_conflict ids, new in this merge
    open_conflicts: list[str] = field(default_factory=list)  # every conflict still open afterwards
    content_added: int = 0
    content_tables: dict[str, int] = field(default_factory=dict)
    content_repaired: list[str] = field(default_factory=list)  # SHA-256s of stored evidence replaced by good copies
    history_added: int = 0
    other_added: int = 0
    skipped_tables: list[str] = field(default_factory=list)

    @property
    def changed_records(self) -> bool:
        """Records came in, changed, were deleted, or conflicted."""
        return bool(self.inserted or self.updated or self.deleted or self.conflicts)

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted or self.conflicts or self.content_added
                    or self.history_added or self.other_added or self.content_repaired)

    def summary(self) -> dict:
        return {
            "source": self.source, "merge_id": self.merge_id,
            "inserted": list(map(list, self.inserted)),
            "updated": list(map(list, self.updated)),  # [table, id, label, fields]
            "deleted": list(map(list, self.deleted)),
            "conflicts": self.conflicts, "content_added": self.content_added,
            "content_tables": self.content_tables, "content_repaired": self.content_repaired,
            "history_added": self.history_added,
            "other_added": self.other_added, "skipped_tables": self.skipped_tables,
        }

    def lines(self) -> list[str]:
        """A human-readable account (Chinese), one line per item; the sentences are
        :class:`~wcif_desktop.domain.errors.Message` objects, so the UI can show them in English."""
        out = [Message(QT_TRANSLATE_NOOP("core", "合并来源：{source}"), source=self.source)]
        if not self.changed:
            out.append(Message(QT_TRANSLATE_NOOP("core", "没有新的内容（此文件的内容已全部合并过）。")))
        out.append(Message(QT_TRANSLATE_NOOP("core", "新增记录 {inserted} 条，更新 {updated} 条，删除 {deleted} 条，"
                                                     "新增证据内容 {content} 项，导入历史 {history} 条，"
                                                     "新冲突 {conflicts} 条。"),
                           inserted=len(self.inserted), updated=len(self.updated), deleted=len(self.deleted),
                           content=self.content_added, history=self.history_added, conflicts=len(self.conflicts)))
        for t, i, lab in self.inserted:
            out.append(f"  + {t} {lab or i}")
        for t, i, lab, fields in self.updated:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  ~ {table} {label}：{fields}"), table=t, label=lab or i,
                               fields=", ".join(fields)))
        for t, i, lab in self.deleted:
            out.append(f"  - {t} {lab or i}")
        for name in self.skipped_tables:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  未合并的表（无主键）：{name}"), name=name))
        for sha in self.content_repaired:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  已用导入文件中完好的副本修复本文件中损坏的证据内容：{sha256}"),
                               sha256=sha[:16]))
        return out


def label_of(ef: EvaluationFile, table: str, record_id: str) -> str:
    """``table“label”`` of a record (deleted ones too), ``table/id`` when it is not there."""
    rows = ef.rows(table, "id = ?", [record_id], include_deleted=True)
    return f"{table}“{record_label(rows[0]) or record_id}”" if rows else f"{table}/{record_id}"


def record_tables_in_use(ef: EvaluationFile) -> list[str]:
    """The record tables (found by introspection) holding at least one row, deleted ones included."""
    return [t for t in classify_tables(ef.conn).records if ef.rows(t, include_deleted=True)]


def record_choices(ef: EvaluationFile, table: str) -> list[tuple[str, str, bool]]:
    """(label, id, deleted) of every row of ``table``, deleted ones included."""
    return [(record_label(r) or r["id"], r["id"], bool(r.get("deleted")))
            for r in ef.rows(table, include_deleted=True)]


def record_label(row: dict | None) -> str:
    """A short display name of a record row: its code, name, title, section … (first one present), else ""."""
    return _label(row)


def _label(row: dict | None, columns=LABEL_COLUMNS) -> str:
    """:func:`record_label`; ``columns``: the :data:`LABEL_COLUMNS` the row may have (in that order)."""
    if not row:
        return ""
    for c in columns:
        v = row.get(c)
        if v not in (None, ""):
            return str(v)
    return ""


# ---------------------------------------------------------------------------------------------- merge
def merge_attached(ef: EvaluationFile, theirs_path, source: str, progress: Progress = NO_PROGRESS,
                   before_commit=None, theirs_checked: bool = False) -> MergeReport:
    """Merge the evaluation file at ``theirs_path`` (already checked) into ``ef``.

    Everything happens in one transaction, the refresh of ``ef``'s merge base included: on any error the target
    keeps its previous content. ``before_commit()`` runs last inside it; whatever it raises rolls the merge back
    (the import uses it to refuse a file that changed since its checks).
    The caller (:func:`wcif_desktop.services.exchange.import_file`) runs the checks first. ``theirs_checked``:
    they found every record of that file holding the version its ``sync_head`` names
    (:meth:`~wcif_desktop.store.db.EvaluationFile.outside_changes` empty), and the file is the one checked:
    a private copy nobody else writes (the import passes ``False`` for the user's file merged where it lies,
    which a writer outside SQLite could change unseen). Such a record's hash is then taken from its head
    instead of hashing it again, as for ``ef``'s own records after a clean check.
    """
    conn = ef.conn
    report = MergeReport(source=source, merge_id=str(uuid.uuid4()))
    # read-only and immutable: the incoming file is never written, and no -journal/-wal beside it is read
    conn.execute("ATTACH DATABASE ? AS theirs", [sqlite_uri(theirs_path, mode="ro", immutable=1)])
    cache = conn.execute("PRAGMA main.cache_size").fetchone()[0]
    conn.execute(f"PRAGMA main.cache_size = {MERGE_CACHE_KIB}")  # fewer journal syncs for big evidence
    # their file too (detached afterwards): with the default 2 MB, a third of its pages read were read again
    conn.execute(f"PRAGMA theirs.cache_size = {MERGE_CACHE_KIB}")
    try:
        with ef.transaction(), ef.changing_lock("merge"):  # a lock may arrive, an unlock never (store/db.py)
            conn.execute("PRAGMA defer_foreign_keys=ON")
            fk_before = set(conn.execute("PRAGMA main.foreign_key_check").fetchall())
            # every record holds its recorded version, as the import's check just found, and nothing was written
            # since (asked after this transaction's first read: no other connection can commit now)
            checked = not _has_triggers(conn) and ef.heads_checked()
            mine_kinds = classify_tables(conn)
            their_tables = {r[0] for r in conn.execute("SELECT name FROM theirs.sqlite_master WHERE type='table'")}
            report.skipped_tables = list(mine_kinds.skipped)
            _merge_content(conn, mine_kinds, their_tables, report)
            # their history before the records' entries are written: "not in my log" is then asked of the log as
            # it was (the entries this merge writes chain on my log's head and carry this moment, so none of them
            # is in their file), and the log read for it is a third shorter in a merge of thousands of changes
            _merge_history(conn, their_tables, source, report)
            total = len(mine_kinds.records)
            stored = _stored_hashes(conn)
            for n, table in enumerate(mine_kinds.records):
                check(progress)
                progress.set(n, total, Message(QT_TRANSLATE_NOOP("core", "合并 {table}"), table=table))
                # first my merge base of the table (refresh_sync_state, one table at a time: the rows read for
                # it are the ones merged), then their records
                _n, rows, heads = _refresh_table(conn, table, stored, keep=table in their_tables, checked=checked)
                if table in their_tables:
                    _merge_records(ef, table, source, report, mine=(rows, heads), theirs_checked=theirs_checked)
            if _dedup_content_records(ef, mine_kinds, report):
                refresh_sync_state(ef)  # the merged versions descend from what came in
            report.open_conflicts = [r[0] for r in conn.execute(
                "SELECT id FROM merge_conflict WHERE status = 'open' ORDER BY at, table_name, record_id")]
            if report.changed and (report.changed_records or report.content_added or report.other_added
                                   or report.content_repaired):
                # a merge that brought only history (e.g. the other side's record of merging from us) is not
                # recorded itself: otherwise two files imported into each other would never settle
                at = now_iso()
                summary = json.dumps(report.summary(), ensure_ascii=False)
                source_id = conn.execute("SELECT value FROM theirs.meta WHERE key='file_id'").fetchone()
                ef.db["merge_log"].insert({"id": report.merge_id, "at": at, "who": ef.who, "source": source,
                                           "source_file_id": source_id[0] if source_id else None,
                                           "summary": summary})
                ef._log("merge", report.merge_id, "import", None, json.dumps({
                    "source": source, "inserted": len(report.inserted), "updated": len(report.updated),
                    "deleted": len(report.deleted), "conflicts": len(report.conflicts),
                    "content_added": report.content_added, "history_added": report.history_added,
                }, ensure_ascii=False), at)
            bad = set(conn.execute("PRAGMA main.foreign_key_check").fetchall()) - fk_before
            if bad:
                raise WcifError(QT_TRANSLATE_NOOP("core", "合并后外键关系不完整（{table} 表），已撤销合并，文件保持原样"),
                                table=sorted(bad)[0][0])
            if before_commit is not None:
                before_commit()
    finally:
        conn.execute(f"PRAGMA main.cache_size = {cache}")
        conn.execute("DETACH DATABASE theirs")
    progress.set(total, total, Message(QT_TRANSLATE_NOOP("core", "合并完成")))
    return report


def _columns(conn, table, schema):
    return [c for c, _ in table_info(conn, table, schema)]


def _merge_content(conn, kinds: TableKinds, their_tables: set[str], report: MergeReport) -> None:
    for table in kinds.content + kinds.other:
        if table not in their_tables:
            continue
        cols = [c for c in _columns(conn, table, "main") if c in set(_columns(conn, table, "theirs"))]
        col_sql = ", ".join(_q(c) for c in cols)
        key = content_key(conn, table, "main")
        select = f"SELECT {', '.join('t.' + _q(c) for c in cols)} FROM theirs.{_q(table)} AS t"
        before = conn.total_changes
        if key:
            # Two steps. First the rows missing here, by key only (the key columns come before the content, so
            # big evidence is not read again on a re-import). Then those rows, by rowid. One statement whose
            # SELECT also read main.{table} would make SQLite stage every incoming row in a temporary table
            # first: 1 GiB of evidence written to a temp file and read back.
            same = " AND ".join(f"m.{_q(c)} IS t.{_q(c)}" for c in key)
            try:
                missing = [r for (r,) in conn.execute(
                    f"SELECT t.rowid FROM theirs.{_q(table)} AS t "
                    f"WHERE NOT EXISTS (SELECT 1 FROM main.{_q(table)} AS m WHERE {same})")]
            except sqlite3.OperationalError:  # a WITHOUT ROWID table: INSERT OR IGNORE alone dedups
                missing = None
            if missing is None:
                conn.execute(f"INSERT OR IGNORE INTO main.{_q(table)} ({col_sql}) {select}")
            elif missing:
                conn.execute(f"INSERT OR IGNORE INTO main.{_q(table)} ({col_sql}) {select} "
                             f"WHERE t.rowid IN (SELECT value FROM json_each(?)) ORDER BY t.rowid",
                             [json.dumps(missing)])
        else:
            conn.execute(f"INSERT OR IGNORE INTO main.{_q(table)} ({col_sql}) {select}")
        added = conn.total_changes - before
        if table == "evidence_chunk":
            report.content_repaired = _repair_chunks(conn)
        if table in kinds.content:
            report.content_added += added
            if added:
                report.content_tables[table] = added
        else:
            report.other_added += added


def _repair_chunks(conn) -> list[str]:
    """Replace every stored evidence content of this file whose chunks differ from the incoming copy of the same
    SHA-256 (the incoming one was re-hashed by the import's checks, so it is the good one: a stored chunk found
    corrupt is repaired from it). Compares chunk by chunk in SQL, one content at a time (no temporary copy of all
    evidence). Returns the SHA-256s repaired."""
    repaired = []
    shared = [r[0] for r in conn.execute(
        "SELECT DISTINCT t.sha256 FROM theirs.evidence_chunk AS t WHERE EXISTS "
        "(SELECT 1 FROM main.evidence_chunk AS m WHERE m.sha256 = t.sha256)")]
    for sha in shared:
        differs = conn.execute(
            "SELECT (SELECT count(*) FROM main.evidence_chunk WHERE sha256 = ?1) != "
            "(SELECT count(*) FROM theirs.evidence_chunk WHERE sha256 = ?1) OR EXISTS ("
            "SELECT 1 FROM theirs.evidence_chunk AS t LEFT JOIN main.evidence_chunk AS m "
            "ON m.sha256 = t.sha256 AND m.seq = t.seq WHERE t.sha256 = ?1 AND m.data IS NOT t.data)", [sha]
        ).fetchone()[0]
        if differs:
            conn.execute("DELETE FROM main.evidence_chunk WHERE sha256 = ?", [sha])
            conn.execute("INSERT INTO main.evidence_chunk (sha256, seq, data) SELECT sha256, seq, data "
                         "FROM theirs.evidence_chunk WHERE sha256 = ? ORDER BY seq", [sha])
            repaired.append(sha)
    return repaired


_LOG_JSON = json.JSONEncoder(ensure_ascii=False, default=str)  # as _log_take's json.dumps
_NOT_LOGGED = META_COLUMNS | {"deleted"}


class _TableWrites:
    """The writes of merging one record table, collected while deciding record by record and then written with
    one ``executemany`` per kind (issue 21: a merge of 5,000 changed records wrote them one statement — and one
    audit entry, lock check and anchor update — at a time). :meth:`flush` writes them in the order the
    one-by-one merge did: the rows first, then the merge base, the conflicts and last the audit entries (so the
    lock check of an entry sees the table as written, as before)."""

    def __init__(self, ef: EvaluationFile, table: str, source: str):
        self.ef, self.table, self.source = ef, table, source
        # the time of the table's merge, on each of its history entries (they are written in one transaction;
        # their order is their seq): looking the local time up per entry cost ~10 % of a large merge
        self.at = now_iso()
        self.inserts: list[dict] = []
        self.updates: dict[tuple[str, ...], list[list]] = {}  # changed columns → [values…, id]
        self.heads: list[tuple[str, str, str]] = []
        self.ancestors: list[tuple[str, str, str]] = []
        self.versions: dict[str, tuple[str, str, str]] = {}
        self.conflicts: list[dict] = []
        self.log: list[tuple] = []  # (table, record_id, field, old, new, at, who), in the order taken
        self._created_json: dict[tuple, DictJson] = {}  # column set → JSON plan of a created record's entry
        self._who: dict[str, str] = {}  # their modified_by → who of the entries (log_take)

    def insert(self, row: dict) -> None:
        self.inserts.append(row)

    def update(self, rid: str, changes: dict) -> None:
        """Set the ``changes`` (column → value, at least one) on the record."""
        self.updates.setdefault(tuple(changes), []).append([*changes.values(), rid])

    def set_sync(self, rid: str, head: str, ancestors, known=frozenset()) -> None:
        """As :func:`_set_sync`; ``known``: the record's ancestors already stored (:meth:`add_ancestors`)."""
        self.heads.append((self.table, rid, head))
        if ancestors:  # (none: nothing to add, e.g. most records only they have)
            self.add_ancestors(rid, set(ancestors) - {head}, known)

    def add_ancestors(self, rid: str, hashes, known=frozenset()) -> None:
        """As :func:`_add_ancestors`, without the ones in ``known`` (the record's rows of ``sync_ancestor`` as
        read before this table's merge: ``INSERT OR IGNORE`` would skip them)."""
        new = hashes - known if known else hashes
        if new:
            self.ancestors += [(self.table, rid, h) for h in sorted(new)]

    def store_version(self, h: str, row: dict, version: str | None = None) -> None:
        """As :func:`_store_version` (``version``: the row's :func:`version_json` when known)."""
        if h not in self.versions:
            self.versions[h] = (h, self.table, version if version is not None else version_json(row))

    def log_take(self, rid: str, mine: dict | None, theirs: dict, fields: list[str] | None = None) -> None:
        """As :func:`_log_take`: who made the change on the other laptop, merged by whom from where. ``fields``:
        the columns but ``modified_at``/``modified_by`` whose values differ, sorted, when the caller has them."""
        at = self.at
        by = theirs.get("modified_by") or "?"
        who = self._who.get(by) if type(by) is str else None
        if who is None:
            who = f"{by}（{self.ef.who} 合并自 {self.source}）"
            if type(by) is str:
                self._who[by] = who
        if mine is None:
            keys = tuple(theirs)
            plan = self._created_json.get(keys)
            if plan is None:
                plan = self._created_json[keys] = DictJson(keys, sort=False, drop=_NOT_LOGGED, compact=False)
            created = plan.encode(theirs)  # None: a binary or float value, written by the encoder
            if created is None:
                created = _LOG_JSON.encode({k: (v.hex() if isinstance(v, bytes) else v) for k, v in theirs.items()
                                            if k not in _NOT_LOGGED})
            self.log.append((self.table, rid, "*", None, created, at, who))
            return
        if fields is not None:
            self.log += [(self.table, rid, k, mine.get(k), theirs[k], at, who) for k in fields]
            return
        for k in sorted(theirs):
            if k in META_COLUMNS or mine.get(k) == theirs.get(k):
                continue
            self.log.append((self.table, rid, k, mine.get(k), theirs.get(k), at, who))

    def _copy_inserts(self, cols: list[str]) -> bool:
        """Copy the records only they have (:attr:`inserts`, rows of ``theirs`` with the columns ``cols``)
        straight from the attached file with one ``INSERT … SELECT``, in the order they were decided (as
        :meth:`flush` would insert them one by one). The values are the stored ones, as the rows read from that
        file hold them, so the result is the same. ``False`` (nothing written) when the copy would not be
        exactly those rows (an id not found there once): the caller then inserts the rows it holds."""
        conn, t = self.ef.conn, _q(self.table)
        ids = [r["id"] for r in self.inserts]
        if len(set(ids)) != len(ids):
            return False
        conn.execute("SAVEPOINT merge_copy")
        try:
            before = conn.total_changes
            conn.execute(f"INSERT INTO {t} ({', '.join(_q(c) for c in cols)}) "
                         f"SELECT {', '.join('t.' + _q(c) for c in cols)} FROM json_each(?) AS j "
                         f"JOIN theirs.{t} AS t ON t.id = j.value ORDER BY j.key", [json.dumps(ids)])
            if conn.total_changes - before != len(ids):
                conn.execute("ROLLBACK TO merge_copy")
                return False
            return True
        finally:
            conn.execute("RELEASE merge_copy")

    def flush(self) -> None:
        conn, t = self.ef.conn, _q(self.table)
        if self.inserts:
            cols = list(self.inserts[0])
            sql = (f"INSERT INTO {t} ({', '.join(_q(c) for c in cols)}) "
                   f"VALUES ({', '.join('?' * len(cols))})")
            conn.execute("SAVEPOINT merge_insert")
            try:
                if not self._copy_inserts(cols):
                    conn.executemany(sql, [[r[c] for c in cols] for r in self.inserts])
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK TO merge_insert")
                values = [[r[c] for c in cols] for r in self.inserts]
                for row, v in zip(self.inserts, values):  # name the record, as the one-by-one merge did
                    try:
                        conn.execute(sql, v)
                    except sqlite3.IntegrityError as e:
                        raise WcifError(QT_TRANSLATE_NOOP(
                            "core", "无法合并 {table} 表的记录“{record}”：{reason}；已撤销合并，文件保持原样"),
                            table=self.table, record=_label(row) or row.get("id"), reason=e) from e
                raise  # pragma: no cover - the rows went in one by one after all
            finally:
                conn.execute("RELEASE merge_insert")
        for cols, values in self.updates.items():
            conn.executemany(f"UPDATE {t} SET {', '.join(_q(c) + ' = ?' for c in cols)} WHERE id = ?", values)
        if self.heads:
            conn.executemany(_SET_HEAD, self.heads)
        if self.ancestors:
            conn.executemany("INSERT OR IGNORE INTO sync_ancestor(table_name, record_id, hash) VALUES (?,?,?)",
                             self.ancestors)
        if self.versions and _has_table(conn, "sync_version"):
            conn.executemany("INSERT OR IGNORE INTO sync_version(hash, table_name, content) VALUES (?,?,?)",
                             list(self.versions.values()))
        if self.conflicts:
            cols = list(self.conflicts[0])
            conn.executemany(f"INSERT INTO merge_conflict ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             [[c[k] for k in cols] for c in self.conflicts])
        self.ef._log_many(self.log)


def _same_content(mine: dict, theirs: dict) -> bool:
    """Whether ``theirs`` holds exactly ``mine``'s content (same values of the same types in every column of
    ``theirs`` but ``modified_at``/``modified_by``, and no other column in ``mine``): then both have one
    :func:`~wcif_desktop.store.db.record_hash`. ``False`` when unsure (e.g. NaN), which only costs a hash."""
    if len(mine) != len(theirs):
        return False
    for k, v in theirs.items():
        if k in META_COLUMNS:
            continue
        m = mine.get(k, _MISSING)
        if m is not v and (type(m) is not type(v) or m != v):
            return False
    return True


_MISSING = object()
_NONE: frozenset = frozenset()  # no ancestors


def _content_getter(cols: list[str]):
    """A function giving the values of a row with exactly the columns ``cols`` but ``modified_at``/
    ``modified_by``, as a tuple; ``None`` when fewer than two remain (no tuple to compare)."""
    kept = [c for c in cols if c not in META_COLUMNS]
    return itemgetter(*kept) if len(kept) >= 2 else None


def _same_values(mine: tuple, theirs: tuple) -> bool:
    """:func:`_same_content` of two rows with the same columns, as tuples of their values: the same values of
    the same types (``1`` and ``1.0`` differ in type, so in hash); ``False`` for NaN read twice (unsure)."""
    return mine == theirs and list(map(type, mine)) == list(map(type, theirs))


def _merge_records(ef: EvaluationFile, table: str, source: str, report: MergeReport, mine=None,
                   theirs_checked: bool = False) -> None:
    """Merge one record table (rules in the module docstring): every incoming record is decided in memory, then
    the table's writes go out together (:class:`_TableWrites`). ``mine``: ``((columns, {id: row tuple}), heads)``
    of the table as :func:`_refresh_table` just left them (else read here). ``theirs_checked``: as for
    :func:`merge_attached` — with the same columns on both sides, the hash of their record with a head is that
    head, and its version's text is written only for a record not settled on the tuples (below).

    Rows are read as tuples. When both sides have the same columns, a record mine stays for (unchanged on both
    sides — the same values of the same types — or unchanged by them since we parted, mine having a head) is
    settled on the tuples; the others become dicts of their columns, as read, and are decided as before."""
    conn = ef.conn
    theirs_has_sync = _has_sync_tables(conn, "theirs")
    if mine is None:
        cur = conn.execute(f"SELECT * FROM main.{_q(table)}")
        mine_cols = [d[0] for d in cur.description]
        i_mine = mine_cols.index("id")
        mine = ((mine_cols, {r[i_mine]: r for r in cur}),
                dict(conn.execute("SELECT record_id, hash FROM sync_head WHERE table_name = ?", [table])))
    (mine_cols, mine_rows), mine_heads = mine
    del mine
    mine_anc = _ancestors(conn, table)
    their_anc = _ancestors(conn, table, "theirs") if theirs_has_sync else {}
    # their merge base as refresh_sync_state would leave it, without writing to their file: a record changed
    # since their last refresh descends from the version its sync_head still names
    their_heads = dict(conn.execute("SELECT record_id, hash FROM theirs.sync_head WHERE table_name = ?",
                                    [table])) if theirs_has_sync else {}
    open_conf = {(r[0], r[1]) for r in conn.execute(
        "SELECT record_id, theirs_hash FROM merge_conflict WHERE table_name = ? AND status = 'open'", [table])}
    cols = _columns(conn, table, "main")
    their_order = _columns(conn, table, "theirs")
    their_cols = set(their_order)
    reorder = their_order != cols  # (else each row has exactly my columns, in my order)
    # with my columns: a record's content as a tuple, compared with the types of its values (as _same_content)
    content = None if reorder else _content_getter(cols)
    label_cols = [c for c in LABEL_COLUMNS if c in cols]
    w = _TableWrites(ef, table, source)

    def their_ancestry(rid: str, th: str) -> frozenset | set:
        """The ancestors of their version ``th`` of the record: their file's, and their head when it is not ``th``."""
        t_anc = their_anc.get(rid, _NONE)
        head = their_heads.get(rid)
        return t_anc if head is None or head == th else t_anc | {head}

    cur = conn.execute(f"SELECT * FROM theirs.{_q(table)}")
    read_cols = [d[0] for d in cur.description]
    # both rows as read have exactly my columns in my order: compared and hashed as tuples
    tuples = content is not None and read_cols == cols == mine_cols
    if tuples:
        i_id = cols.index("id")
        content = itemgetter(*[i for i, c in enumerate(cols) if c not in META_COLUMNS])  # (two or more)
        text = CanonicalRows(cols).text
    try:
        for row in cur:
            if tuples:
                rid = row[i_id]
                m = mine_rows.get(rid)
                if m is not None and rid in mine_heads and _same_values(content(m), content(row)):
                    tj, th = None, mine_heads[rid]  # unchanged on both sides (most records): my head is its hash
                elif theirs_checked and their_heads.get(rid) is not None:
                    tj, th = None, their_heads[rid]  # their head is its hash (checked); its text if needed
                else:
                    tj = text(row)
                    th = _hash_of(tj)
                mh = mine_heads.get(rid) if m is not None else None
                if mh and (th == mh or th in mine_anc.get(rid, _NONE)):
                    # unchanged, or they did not change it since we parted: as below, without a dict
                    t_anc = their_ancestry(rid, th)
                    if t_anc:
                        w.add_ancestors(rid, t_anc | ({th} if th != mh else set()), mine_anc.get(rid, _NONE))
                    continue
                theirs = dict(zip(cols, row))
                mine = None if m is None else dict(zip(cols, m))
                if tj is None:  # (its hash was a head) the text of the version it may store, from the tuple
                    tj = text(row)
            else:
                theirs = dict(zip(read_cols, row))
                if reorder:
                    theirs = {c: theirs.get(c) for c in cols if c in their_cols}
                rid = theirs["id"]
                m = mine_rows.get(rid)
                mine = None if m is None else dict(zip(mine_cols, m))
                if mine is not None and rid in mine_heads and (
                        _same_values(content(mine), content(theirs)) if content else _same_content(mine, theirs)):
                    tj, th = None, mine_heads[rid]  # unchanged on both sides (most records): my head is its hash
                else:
                    tj = version_json(theirs)
                    th = _hash_of(tj)
            t_anc = their_ancestry(rid, th)
            if mine is None:
                w.insert(theirs)
                w.set_sync(rid, th, t_anc)
                w.store_version(th, theirs, tj)
                lab = _label(theirs, label_cols)
                (report.deleted if theirs.get("deleted") else report.inserted).append((table, rid, lab))
                w.log_take(rid, None, theirs)
                continue
            mh = mine_heads.get(rid) or record_hash(mine)
            m_anc = mine_anc.get(rid, _NONE)
            if th == mh or th in m_anc:
                if t_anc:  # (else nothing to add: th is mh or already one of m_anc)
                    w.add_ancestors(rid, t_anc | ({th} if th != mh else set()), m_anc)
                continue
            if mh in t_anc:
                changes = {k: v for k, v in theirs.items() if mine.get(k) != v}
                if not changes:  # theirs differs from mine only in columns their file lacks: nothing to take
                    w.add_ancestors(rid, t_anc | {th}, m_anc)
                    continue
                w.update(rid, changes)
                w.set_sync(rid, th, t_anc | m_anc | {mh}, m_anc)
                w.store_version(th, theirs, tj)
                lab = _label(theirs, label_cols) or _label(mine, label_cols)
                fields = sorted(k for k in changes if k not in META_COLUMNS)
                if theirs.get("deleted") and not mine.get("deleted"):
                    report.deleted.append((table, rid, lab))
                else:
                    report.updated.append((table, rid, lab, fields))
                w.log_take(rid, mine, theirs, fields)  # (the fields changed, as it would find them)
                continue
            if (rid, th) in open_conf:
                continue
            fields = sorted(k for k in cols if k not in META_COLUMNS and k != "id" and mine.get(k) != theirs.get(k))
            merged = field_merge(conn, mine, theirs, (m_anc | {mh}) & (t_anc | {th}))
            if merged is not None:
                take, fields = merged
                lab = _label(theirs) or _label(mine)
                if take:  # the fields only they changed come in at once, conflict or not
                    who = {"modified_at": theirs.get("modified_at"), "modified_by": theirs.get("modified_by")}
                    w.update(rid, dict(take, **who))
                    new = dict(mine, **take, **who)
                    w.log_take(rid, mine, new)
                    report.updated.append((table, rid, lab, sorted(take)))
                    mine = new
                if not fields:  # different fields changed on both sides: merged, no conflict
                    h = record_hash(mine)
                    w.set_sync(rid, h, m_anc | t_anc | {mh, th}, m_anc)
                    w.store_version(h, mine)
                    continue
                if take:
                    h = record_hash(mine)
                    w.set_sync(rid, h, m_anc | {mh}, m_anc)
                    w.store_version(h, mine)
            cid = str(uuid.uuid4())
            w.conflicts.append({
                "id": cid, "merge_id": report.merge_id, "at": now_iso(), "source": source, "table_name": table,
                "record_id": rid, "fields": json.dumps(fields, ensure_ascii=False),
                "mine": json.dumps(_jsonable(mine), ensure_ascii=False),
                "theirs": json.dumps(_jsonable(theirs), ensure_ascii=False), "theirs_hash": th,
                "theirs_ancestors": json.dumps(sorted(t_anc)), "choices": "{}", "status": "open",
            })
            report.conflicts.append(cid)
    finally:
        cur.close()  # (a merge failing half-way: no statement left running on their file)
    w.flush()


def _dedup_content_records(ef: EvaluationFile, kinds: TableKinds, report: MergeReport) -> int:
    """One live record per content: the same file attached on two laptops arrives as two records (e.g. two
    ``evidence`` rows with one ``sha256``). The one with the smallest id stays — every laptop picks the same —
    the others are tombstoned and the rows referring to them through a ``<table>_id`` column (e.g.
    ``evidence_link.evidence_id``) are pointed at it; a reference that thereby duplicates a live one is
    tombstoned too. All changes are audited and travel like any other edit."""
    touched = {t for t, *_ in report.inserted}
    conn = ef.conn
    n = 0
    for table in kinds.records:
        cols = {c for c, _ in table_info(conn, table)}
        if table not in touched or "sha256" not in cols:
            continue
        dups = conn.execute(f"SELECT sha256, group_concat(id, char(31)) FROM {_q(table)} WHERE deleted = 0 "
                            f"AND sha256 IS NOT NULL GROUP BY sha256 HAVING count(*) > 1").fetchall()
        ref_col = f"{table}_id"
        referrers = [t for t in kinds.records if ref_col in {c for c, _ in table_info(conn, t)}]
        for _sha, ids in dups:
            keep, *drop = sorted(ids.split(chr(31)))
            for d in drop:
                for t in referrers:
                    for ref in ef.rows(t, f"{_q(ref_col)} = ?", [d]):
                        same = {k: v for k, v in ref.items() if k not in META_COLUMNS | {"id"}}
                        same[ref_col] = keep
                        where = " AND ".join(f"{_q(k)} IS ?" for k in same)
                        twin = conn.execute(f"SELECT 1 FROM {_q(t)} WHERE {where} AND id != ?",
                                            [*same.values(), ref["id"]]).fetchone()
                        _update_any(ef, t, ref["id"], ref, {"deleted": 1} if twin else {ref_col: keep})
                row = ef.rows(table, "id = ?", [d])[0]
                _update_any(ef, table, d, row, {"deleted": 1})
                report.deleted.append((table, d, _label(row) + "（重复内容，已并入同一文件）"))
                n += 1
    return n


def _jsonable(row: dict) -> dict:
    return {k: (v.hex() if isinstance(v, bytes) else v) for k, v in row.items()}


def _set_sync(conn, table, rid, head, ancestors) -> None:
    conn.execute("INSERT OR REPLACE INTO sync_head(table_name, record_id, hash) VALUES (?,?,?)", [table, rid, head])
    _add_ancestors(conn, table, rid, set(ancestors) - {head})


def _store_version(conn, table, h, row) -> None:
    if _has_table(conn, "sync_version"):
        conn.execute("INSERT OR IGNORE INTO sync_version(hash, table_name, content) VALUES (?,?,?)",
                     [h, table, version_json(row)])


def _add_ancestors(conn, table, rid, hashes) -> None:
    conn.executemany("INSERT OR IGNORE INTO sync_ancestor(table_name, record_id, hash) VALUES (?,?,?)",
                     [(table, rid, h) for h in sorted(hashes)])


def _log_take(ef: EvaluationFile, table: str, rid: str, mine: dict | None, theirs: dict, source: str) -> None:
    who, at = ef.who, now_iso()
    ef.who = f"{theirs.get('modified_by') or '?'}（{who} 合并自 {source}）"
    try:
        if mine is None:
            ef._log(table, rid, "*", None, json.dumps(
                {k: v for k, v in _jsonable(theirs).items() if k not in META_COLUMNS | {"deleted"}},
                ensure_ascii=False, default=str), at)
            return
        for k in sorted(theirs):
            if k in META_COLUMNS or mine.get(k) == theirs.get(k):
                continue
            ef._log(table, rid, k, mine.get(k), theirs.get(k), at)
    finally:
        ef.who = who


def _merge_history(conn, their_tables: set[str], source: str, report: MergeReport) -> None:
    from ..store.db import EntryExpander

    cols = "hash, seq, at, who, table_name, record_id, field, old, new, prev_hash"
    before = conn.total_changes
    if "audit_log" in their_tables:
        # their entries in full (an edit of a long text is stored there as a change of the earlier entry)
        their_cols = {c for c, _ in table_info(conn, "audit_log", "theirs")}
        compact = "new_delta" in their_cols
        conn.execute(f"INSERT OR IGNORE INTO main.peer_history ({cols}, origin) SELECT {cols}, ? FROM theirs.audit_log "
                     "WHERE hash NOT IN (SELECT hash FROM main.audit_log)"
                     + (" AND new_delta IS NULL AND old_ref IS NULL" if compact else ""), [source])
        if compact:
            expander = EntryExpander(conn, "theirs")
            cur = conn.execute("SELECT * FROM theirs.audit_log WHERE (new_delta IS NOT NULL OR old_ref IS NOT NULL) "
                               "AND hash NOT IN (SELECT hash FROM main.audit_log) ORDER BY seq")
            names = [d[0] for d in cur.description]
            rows = []
            for r in cur.fetchall():
                try:
                    rows.append(expander.expand(dict(zip(names, r))))
                except ValueError:
                    continue  # the import's checks refused a broken history before
            keys = [c.strip() for c in cols.split(",")]
            conn.executemany(f"INSERT OR IGNORE INTO main.peer_history ({cols}, origin) VALUES "
                             f"({', '.join('?' * len(keys))}, ?)", [[row[k] for k in keys] + [source] for row in rows])
    if "peer_history" in their_tables:
        conn.execute(f"INSERT OR IGNORE INTO main.peer_history ({cols}, origin) SELECT {cols}, origin "
                     "FROM theirs.peer_history WHERE hash NOT IN (SELECT hash FROM main.audit_log)")
    report.history_added = conn.total_changes - before


# ---------------------------------------------------------------------------------------------- conflicts
@dataclass
class Conflict:
    """A record changed on both sides. ``mine``/``theirs`` are whole rows; ``fields`` the differing columns;
    ``choices`` field → ``{"choice": "mine"|"theirs"|"edited", "value": …}``."""

    id: str
    table: str
    record_id: str
    source: str
    at: str
    fields: list[str]
    mine: dict
    theirs: dict
    choices: dict
    status: str

    @property
    def label(self) -> str:
        return _label(self.mine) or _label(self.theirs) or self.record_id

    def undecided(self) -> list[str]:
        return [f for f in self.fields if f not in self.choices]


def _conflict(row) -> Conflict:
    return Conflict(id=row["id"], table=row["table_name"], record_id=row["record_id"], source=row["source"],
                    at=row["at"], fields=json.loads(row["fields"]), mine=json.loads(row["mine"]),
                    theirs=json.loads(row["theirs"]), choices=json.loads(row["choices"] or "{}"),
                    status=row["status"])


def list_conflicts(ef: EvaluationFile, include_resolved: bool = False) -> list[Conflict]:
    """Conflicts of this file (open ones only unless ``include_resolved``), oldest first."""
    where = "" if include_resolved else "WHERE status = 'open'"
    return [_conflict(r) for r in ef.db.query(f"SELECT * FROM merge_conflict {where} ORDER BY at, table_name, record_id")]


def get_conflict(ef: EvaluationFile, conflict_id: str) -> Conflict:
    rows = list(ef.db.query("SELECT * FROM merge_conflict WHERE id = ?", [conflict_id]))
    if not rows:
        raise WcifError(QT_TRANSLATE_NOOP("core", "冲突不存在：{conflict_id}"), conflict_id=conflict_id)
    return _conflict(rows[0])


def resolve_field(ef: EvaluationFile, conflict_id: str, field_name: str, choice: str, value=None) -> Conflict:
    """Decide one field of a conflict: ``mine`` (keep this file's value), ``theirs`` (take the incoming value)
    or ``edited`` (use ``value``). When every differing field is decided the result is written (audited), the
    record's version descends from both sides, and the conflict is marked resolved.

    Raises:
        ValidationError: unknown field or choice, or the conflict is already resolved.
    """
    c = get_conflict(ef, conflict_id)
    if c.status != "open":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "该冲突已解决"))
    if field_name not in c.fields:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "字段“{field}”不在该冲突的差异字段中（{fields}）"),
                              field=field_name, fields=", ".join(c.fields))
    if choice not in ("mine", "theirs", "edited"):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的选择：{choice}（应为 mine / theirs / edited）"), choice=choice)
    c.choices[field_name] = {"choice": choice, "value": value if choice == "edited" else None}
    with ef.transaction():
        ef.db["merge_conflict"].update(c.id, {"choices": json.dumps(c.choices, ensure_ascii=False, default=str)})
        if not c.undecided():
            _apply_resolution(ef, c)
    return get_conflict(ef, conflict_id)


def resolve_conflict(ef: EvaluationFile, conflict_id: str, choice: str) -> Conflict:
    """Decide every undecided field of a conflict the same way (``mine`` or ``theirs``)."""
    c = get_conflict(ef, conflict_id)
    for f in c.undecided() or c.fields[:1]:
        c = resolve_field(ef, conflict_id, f, choice)
        if c.status != "open":
            break
    return c


def _apply_resolution(ef: EvaluationFile, c: Conflict) -> None:
    conn = ef.conn
    changes = {}
    for f, d in c.choices.items():
        if d["choice"] == "theirs":
            changes[f] = c.theirs.get(f)
        elif d["choice"] == "edited":
            changes[f] = d["value"]
    if "deleted" in changes:
        changes["deleted"] = int(changes["deleted"] or 0)
    current = ef.rows(c.table, "id = ?", [c.record_id], include_deleted=True)
    if not current:
        raise WcifError(QT_TRANSLATE_NOOP("core", "记录不存在：{table}/{record_id}"), table=c.table, record_id=c.record_id)
    if changes:
        _update_any(ef, c.table, c.record_id, current[0], changes)
    row = ef.rows(c.table, "id = ?", [c.record_id], include_deleted=True)[0]
    _validate_score(row)
    old_head = conn.execute("SELECT hash FROM sync_head WHERE table_name=? AND record_id=?",
                            [c.table, c.record_id]).fetchone()
    their_anc = set(json.loads(conn.execute("SELECT theirs_ancestors FROM merge_conflict WHERE id=?",
                                            [c.id]).fetchone()[0] or "[]"))
    their_hash = conn.execute("SELECT theirs_hash FROM merge_conflict WHERE id=?", [c.id]).fetchone()[0]
    anc = their_anc | {their_hash, record_hash(c.mine)} | ({old_head[0]} if old_head else set())
    _set_sync(conn, c.table, c.record_id, record_hash(row), anc)
    _store_version(conn, c.table, record_hash(row), row)
    at = now_iso()
    ef.db["merge_conflict"].update(c.id, {"status": "resolved", "resolved_at": at, "resolved_by": ef.who})
    ef._log("merge_conflict", c.id, "resolved", None, json.dumps(
        {"table": c.table, "record_id": c.record_id, "source": c.source, "choices": c.choices},
        ensure_ascii=False, default=str), at)


def merge_history(ef: EvaluationFile) -> list[dict]:
    """Every merge into this file, oldest first: ``{"id", "at", "who", "source", "summary" (dict, see
    :meth:`MergeReport.summary`), "conflicts": [Conflict …] (with their status and field choices)}``."""
    out = []
    for r in ef.db.query("SELECT * FROM merge_log ORDER BY at, rowid"):
        conflicts = [_conflict(c) for c in ef.db.query(
            "SELECT * FROM merge_conflict WHERE merge_id = ? ORDER BY table_name, record_id", [r["id"]])]
        out.append({"id": r["id"], "at": r["at"], "who": r["who"], "source": r["source"],
                    "summary": json.loads(r["summary"] or "{}"), "conflicts": conflicts})
    return out


def _validate_score(row: dict) -> None:
    """An indicator's score stays within [0, weight] points (财预〔2020〕10号 scoring), whatever was chosen."""
    if "score" not in row or "weight" not in row or row.get("score") in (None, ""):
        return
    from decimal import Decimal, InvalidOperation

    try:
        score, weight = Decimal(str(row["score"])), Decimal(str(row.get("weight") or 0))
    except InvalidOperation:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "得分“{score}”不是数字"), score=row["score"]) from None
    if not Decimal(0) <= score <= weight:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "得分 {score} 超出 0–{weight} 分，未保存"), score=score, weight=weight)


def _update_any(ef: EvaluationFile, table: str, rid: str, old: dict, changes: dict) -> None:
    """Like EvaluationFile.update, but also for tombstoned rows (a resolution may restore a deleted record)."""
    changed = {k: v for k, v in changes.items() if old.get(k) != v}
    if not changed:
        return
    at = now_iso()
    ef.db[table].update(rid, dict(changed, modified_at=at, modified_by=ef.who))
    for k, v in changed.items():
        ef._log(table, rid, k, old.get(k), v, at)


# ---------------------------------------------------------------------------------------------- history
@dataclass
class HistoryEntry:
    """One change of a record: when, who, field, old → new; ``origin`` is "" for this file's own log, else the
    file it came from in a merge."""

    at: str
    who: str
    field: str
    old: str | None
    new: str | None
    origin: str = ""


def record_history(ef: EvaluationFile, table: str, record_id: str) -> list[HistoryEntry]:
    """Every recorded change of one record, this file's own and those imported in merges, oldest first."""
    from ..store.db import EntryExpander

    expander = EntryExpander(ef.conn)
    out = []
    for r in ef.db.query("SELECT * FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
                         [table, record_id]):
        try:
            old, new = expander.values(r)
        except ValueError:
            old, new = r.get("old"), r.get("new")
        out.append(HistoryEntry(r["at"], r["who"], r["field"], old, new))
    bulk = ef.bulk_record(table, record_id)  # written by a bulk insert (a survey import): one entry for all
    if bulk is not None:
        at, who, content = bulk
        out.append(HistoryEntry(at, who, "*", None, json.dumps(content, ensure_ascii=False, default=str)))
    if ef.db["peer_history"].exists():
        out += [HistoryEntry(r["at"], r["who"], r["field"], r["old"], r["new"], r["origin"] or "?")
                for r in ef.db.query("SELECT * FROM peer_history WHERE table_name = ? AND record_id = ? "
                                     "ORDER BY at, seq", [table, record_id])]
    out.sort(key=lambda e: e.at)
    return out
