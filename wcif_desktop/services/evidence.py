"""Evidence (证据/附件) kept inside the evaluation file, content-addressed by SHA-256.

- The content of a file is stored once, in ``evidence_chunk`` rows of at most :data:`CHUNK_SIZE` bytes keyed by
  its SHA-256; attaching the same content again (under any name) adds only a link.
- Files are read and written in chunks, never whole, so files of hundreds of MB keep memory flat. Adding reads
  the file twice: once to hash it (to find a duplicate before writing anything) and once to store it, hashing
  again to notice a file that changed in between.
- Everything an add writes (chunks, the :class:`~wcif_desktop.domain.review.Evidence` record, its link, audit
  entries) is one transaction: an error or a cancel leaves the file exactly as before.
- Extracting streams the chunks to a temporary file beside the target, verifies the SHA-256 and only then
  moves it in place. Original names are sanitized for Windows (``<>:"/\\|?*``, reserved names such as ``CON``).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pathvalidate import sanitize_filename

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.review import LINK_TARGETS, Evidence, EvidenceLink
from ..store.db import EvaluationFile, now_iso
from . import evaluation as svc
from .evaluation import Changes

CHUNK_SIZE = 1 << 20  # 1 MiB per chunk row
SPACE_MARGIN = 16 << 20  # keep 16 MiB free beyond the file itself (journal, indexes)

# Leading bytes of common evidence types, for files whose name gives no (known) extension.
_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
    (b"PK\x03\x04", "application/zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
)


def media_type(name: str, head: bytes = b"") -> str:
    """Media type from the file name's extension, else from its first bytes, else application/octet-stream."""
    guessed, _enc = mimetypes.guess_type(name, strict=False)
    if guessed:
        return guessed
    for magic, mt in _MAGIC:
        if head.startswith(magic):
            return mt
    return "application/octet-stream"


def safe_name(name: str, sha256: str = "") -> str:
    """A file name valid on Windows (and elsewhere): forbidden characters removed, reserved names (CON, NUL …)
    suffixed, trailing dots/spaces dropped; Chinese characters kept. Falls back to ``evidence-<sha>``."""
    cleaned = sanitize_filename(name or "", platform="windows", replacement_text="_").strip()
    stem = Path(cleaned).stem.strip("._ ")
    if not cleaned or not stem:
        ext = sanitize_filename(Path(name or "").suffix, platform="windows")
        cleaned = f"evidence-{sha256[:12] or 'file'}{ext}"
    return cleaned


# ---------------------------------------------------------------------------------------------- reading files
def _open_source(path: Path):
    """Open ``path`` for reading, naming the problem (missing, a folder, unreadable, empty)."""
    if not path.exists():
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到要添加的文件（可能已被移动或删除）：{path}"), path=path)
    if path.is_dir():
        raise WcifError(QT_TRANSLATE_NOOP("core", "不能添加文件夹，请选择文件：{path}"), path=path)
    try:
        fh = open(path, "rb")
    except PermissionError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "没有读取权限（或文件正被其他程序独占打开），无法添加：{path}"),
                        path=path) from e
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"), path=path,
                        reason=e.strerror or e) from e
    try:
        size = os.fstat(fh.fileno()).st_size
    except OSError as e:
        fh.close()
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"), path=path,
                        reason=e.strerror or e) from e
    if size == 0:
        fh.close()
        raise WcifError(QT_TRANSLATE_NOOP("core", "文件为空（0 字节），未添加：{path}"), path=path)
    return fh, size


def _read_chunks(fh, path: Path):
    while True:
        try:
            data = fh.read(CHUNK_SIZE)
        except OSError as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "读取文件时出错（文件可能已被移动或所在设备已断开）：{path}：{reason}"),
                            path=path, reason=e.strerror or e) from e
        if not data:
            return
        yield data


def hash_file(path, progress: Progress = NO_PROGRESS) -> tuple[str, int]:
    """SHA-256 (hex) and size in bytes of a file, read in chunks.

    Raises:
        WcifError: missing, a folder, unreadable or empty file; Cancelled.
    """
    path = Path(path)
    fh, size = _open_source(path)
    with fh:
        h, done = hashlib.sha256(), 0
        for data in _read_chunks(fh, path):
            h.update(data)
            done += len(data)
            progress.set(done, size, Message(QT_TRANSLATE_NOOP("core", "计算校验值")))
            check(progress)
    return h.hexdigest(), done


# ---------------------------------------------------------------------------------------------- stored content
def content_stored(ef: EvaluationFile, sha256: str) -> bool:
    return ef.conn.execute("SELECT 1 FROM evidence_chunk WHERE sha256 = ? LIMIT 1", [sha256]).fetchone() is not None


def content_size(ef: EvaluationFile, sha256: str) -> int:
    r = ef.conn.execute("SELECT COALESCE(SUM(length(data)), 0) FROM evidence_chunk WHERE sha256 = ?",
                        [sha256]).fetchone()
    return int(r[0])


def iter_content(ef: EvaluationFile, sha256: str):
    """Yield the stored content of ``sha256`` chunk by chunk (bytes), in order; one chunk in memory at a time."""
    seqs = [r[0] for r in ef.conn.execute(
        "SELECT seq FROM evidence_chunk WHERE sha256 = ? ORDER BY seq", [sha256])]
    for expected, seq in enumerate(seqs):
        if seq != expected:
            raise WcifError(QT_TRANSLATE_NOOP("core", "证据内容不完整（缺少第 {chunk} 块）：{sha256}"), chunk=expected,
                            sha256=sha256)
        row = ef.conn.execute("SELECT data FROM evidence_chunk WHERE sha256 = ? AND seq = ?", [sha256, seq]).fetchone()
        yield row[0]


def content_intact(conn, sha256: str, schema: str = "main") -> bool:
    """True when the chunks stored under ``sha256`` (in ``schema``: ``main`` or an attached file) are complete
    (seq 0, 1, 2 …) and their bytes hash to ``sha256``. Reads one chunk at a time."""
    h, expected = hashlib.sha256(), 0
    seqs = [r[0] for r in conn.execute(f"SELECT seq FROM {schema}.evidence_chunk WHERE sha256 = ? ORDER BY seq",
                                       [sha256])]
    if not seqs:
        return False
    for seq in seqs:
        if seq != expected:
            return False
        expected += 1
        (data,) = conn.execute(f"SELECT data FROM {schema}.evidence_chunk WHERE sha256 = ? AND seq = ?",
                               [sha256, seq]).fetchone()
        if not isinstance(data, bytes):
            return False
        h.update(data)
    return h.hexdigest() == sha256


def corrupt_contents(conn, schema: str = "main", progress: Progress = NO_PROGRESS) -> list[tuple[str, str]]:
    """Every evidence content of ``schema`` whose bytes do not hash to its key: ``[(sha256, original name)]``
    (the name from the evidence records, "" when none names it). Used on every incoming file (issue 23.3)."""
    try:
        shas = [r[0] for r in conn.execute(f"SELECT DISTINCT sha256 FROM {schema}.evidence_chunk ORDER BY sha256")]
    except Exception:  # noqa: BLE001 - no evidence table in this file
        return []
    bad = []
    for n, sha in enumerate(shas, start=1):
        check(progress)
        progress.set(n, len(shas), Message(QT_TRANSLATE_NOOP("core", "校验证据")))
        if not content_intact(conn, sha, schema):
            try:
                r = conn.execute(f"SELECT original_name FROM {schema}.evidence WHERE sha256 = ? LIMIT 1",
                                 [sha]).fetchone()
            except Exception:  # noqa: BLE001
                r = None
            bad.append((sha, r[0] if r else ""))
    return bad


def _check_free_space(folder: Path, needed: int, name: str, *, export: bool = False) -> None:
    """Enough free space in ``folder`` to add (``export=False``) or export the file ``name`` of ``needed`` bytes."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法确定 {folder} 的可用磁盘空间：{reason}"), folder=folder,
                        reason=e) from e
    if free < needed + SPACE_MARGIN:
        params = {"name": name, "needed": _fmt_size(needed + SPACE_MARGIN), "folder": folder, "free": _fmt_size(free)}
        if export:
            raise WcifError(QT_TRANSLATE_NOOP("core", "磁盘空间不足：导出“{name}”需要约 {needed}，"
                                                      "{folder} 所在磁盘仅剩 {free}。请清理磁盘后重试，已保存的内容未受影响"),
                            **params)
        raise WcifError(QT_TRANSLATE_NOOP("core", "磁盘空间不足：添加“{name}”需要约 {needed}，"
                                                  "{folder} 所在磁盘仅剩 {free}。请清理磁盘后重试，已保存的内容未受影响"),
                        **params)


def _fmt_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover


# ---------------------------------------------------------------------------------------------- adding
@dataclass
class AddResult:
    """What :func:`add_evidence` did. ``stored`` is False when the content was already in the file."""

    evidence: Evidence
    stored: bool
    link: EvidenceLink | None
    changes: Changes = field(default_factory=Changes)


def _check_target(ef: EvaluationFile, target_kind: str | None, target_id: str | None) -> None:
    if not target_kind and not target_id:
        return
    if target_kind not in LINK_TARGETS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "证据只能关联到资料清单项、指标或工作底稿，不能关联到“{kind}”"),
                              kind=target_kind)
    if not target_id or not ef.rows(LINK_TARGETS[target_kind], "id = ?", [target_id]):
        if target_kind == "document_request":
            raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的资料不存在：{target_id}"), target_id=target_id)
        if target_kind == "indicator":
            raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的指标不存在：{target_id}"), target_id=target_id)
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的工作底稿不存在：{target_id}"), target_id=target_id)


def _live_evidence(ef: EvaluationFile, sha256: str) -> Evidence | None:
    recs = ef.records(Evidence, "sha256 = ?", [sha256])
    return recs[0] if recs else None


def link_evidence(ef: EvaluationFile, evidence_id: str, target_kind: str, target_id: str
                  ) -> tuple[EvidenceLink, Changes]:
    """Attach stored evidence to a request item / indicator / working paper (no duplicate links).

    Raises:
        ValidationError: unknown evidence or target.
    """
    ef.get(Evidence, evidence_id)
    _check_target(ef, target_kind, target_id)
    existing = ef.records(EvidenceLink, "evidence_id = ? AND target_kind = ? AND target_id = ?",
                          [evidence_id, target_kind, target_id])
    if existing:
        return existing[0], Changes()
    link = EvidenceLink(evidence_id=evidence_id, target_kind=target_kind, target_id=target_id)
    return link, svc.add_record(ef, link).add(target_kind, target_id)


def unlink_evidence(ef: EvaluationFile, link_id: str) -> Changes:
    """Remove one attachment (the stored content stays for the other links)."""
    link: EvidenceLink = ef.get(EvidenceLink, link_id)
    return svc.delete_record(ef, EvidenceLink, link_id).add(link.target_kind, link.target_id)


def add_evidence(ef: EvaluationFile, path, *, target_kind: str | None = None, target_id: str | None = None,
                 note: str = "", progress: Progress = NO_PROGRESS) -> AddResult:
    """Store a file inside the evaluation file and optionally attach it.

    Args:
        path: the file (scan, photo, PDF, Excel, Word …); any name, Chinese included.
        target_kind, target_id: ``document_request`` / ``indicator`` / ``working_paper`` and the record's id.
        progress: gets ``set(bytes_done, bytes_total, label)``; cancelling raises Cancelled, nothing written.

    Returns:
        :class:`AddResult`; the same content added twice is stored once (``stored=False`` the second time). When
        the stored copy of that content is found damaged (its bytes no longer hash to its SHA-256), the file
        added replaces it (``stored=True``): a corrupt stored chunk is repaired by adding the original again.

    Raises:
        WcifError: missing/vanished, unreadable, empty (0 bytes), a folder, changed while being read, not
        enough free disk space beside the evaluation file; ValidationError: unknown target; Cancelled.
        In every case nothing already stored is touched and nothing of this add remains.
    """
    path = Path(path)
    svc._ensure_unlocked(ef)
    _check_target(ef, target_kind, target_id)
    fh, size = _open_source(path)
    with fh:
        total = size * 2
        h, done, head = hashlib.sha256(), 0, b""
        for data in _read_chunks(fh, path):
            if not head:
                head = data[:16]
            h.update(data)
            done += len(data)
            progress.set(done, total, Message(QT_TRANSLATE_NOOP("core", "计算校验值")))
            check(progress)
        sha = h.hexdigest()
        size = done
        if size == 0:
            raise WcifError(QT_TRANSLATE_NOOP("core", "文件为空（0 字节），未添加：{path}"), path=path)
        already = content_stored(ef, sha)
        repair = already and not content_intact(ef.conn, sha)  # a damaged stored copy: this good one replaces it
        if repair:
            already = False
        if not already:
            _check_free_space(ef.path.parent, size, path.name)
        changes = Changes()
        with ef.transaction():
            if repair:
                ef.conn.execute("DELETE FROM evidence_chunk WHERE sha256 = ?", [sha])
            if not already:
                try:
                    fh.seek(0)
                except OSError as e:
                    raise WcifError(QT_TRANSLATE_NOOP("core", "无法重新读取文件：{path}：{reason}"), path=path,
                                    reason=e.strerror or e) from e
                h2, done2, seq = hashlib.sha256(), 0, 0
                for data in _read_chunks(fh, path):
                    h2.update(data)
                    ef.conn.execute("INSERT INTO evidence_chunk (sha256, seq, data) VALUES (?, ?, ?)",
                                    [sha, seq, data])
                    seq += 1
                    done2 += len(data)
                    progress.set(size + done2, total, Message(QT_TRANSLATE_NOOP("core", "写入评价文件")))
                    check(progress)
                if h2.hexdigest() != sha or done2 != size:
                    raise WcifError(QT_TRANSLATE_NOOP("core", "文件在读取过程中发生了变化，未添加，请关闭正在编辑它的程序后重试：{path}"),
                                    path=path)
            ev = _live_evidence(ef, sha)
            if ev is None:
                ev = Evidence(sha256=sha, size=size, original_name=path.name, media_type=media_type(path.name, head),
                              added_by=ef.who, added_at=now_iso(), note=note)
                changes.tables.update(svc.add_record(ef, ev).tables)
            link = None
            if target_kind:
                link, ch = link_evidence(ef, ev.id, target_kind, target_id)
                for t, s in ch.tables.items():
                    changes.tables.setdefault(t, set()).update(s)
        progress.set(total, total, Message(QT_TRANSLATE_NOOP("core", "完成")))
    return AddResult(evidence=ev, stored=not already, link=link, changes=changes)


# ---------------------------------------------------------------------------------------------- listing
@dataclass
class EvidenceInfo:
    """One evidence record with its links, labelled for display: ``[(kind, target_id, label)]``."""

    evidence: Evidence
    links: list[tuple[str, str, str]]

    def as_dict(self) -> dict:
        e = self.evidence
        return {"id": e.id, "name": e.original_name, "size": e.size, "sha256": e.sha256,
                "media_type": e.media_type, "added_by": e.added_by, "added_at": e.added_at,
                "links": [{"kind": k, "id": i, "label": lbl} for k, i, lbl in self.links]}


def _label(ef: EvaluationFile, kind: str, target_id: str) -> str:
    rows = ef.rows(LINK_TARGETS.get(kind, kind), "id = ?", [target_id]) if kind in LINK_TARGETS else []
    if not rows:
        return f"{kind}:{target_id}（已删除）"
    r = rows[0]
    if kind == "document_request":
        return f"资料 {r['code']} {r['title']}"
    if kind == "indicator":
        return f"指标 {r['code']} {r['name']}"
    return f"底稿 {r['code']} {r['title']}"


def list_evidence(ef: EvaluationFile, target_kind: str | None = None, target_id: str | None = None
                  ) -> list[EvidenceInfo]:
    """All evidence (or that attached to one target), oldest first, each with its links."""
    evs = sorted(ef.records(Evidence), key=lambda e: (e.added_at, e.original_name))
    out = []
    for e in evs:
        links = [(lk.target_kind, lk.target_id, _label(ef, lk.target_kind, lk.target_id))
                 for lk in ef.records(EvidenceLink, "evidence_id = ?", [e.id])]
        if target_kind and not any(k == target_kind and i == target_id for k, i, _ in links):
            continue
        out.append(EvidenceInfo(e, links))
    return out


def find_evidence(ef: EvaluationFile, sha_or_prefix: str) -> Evidence:
    """Evidence by full SHA-256 or a unique prefix of at least 6 hex digits, or by record id.

    Raises:
        WcifError: none or several match.
    """
    key = (sha_or_prefix or "").strip().lower()
    recs = ef.records(Evidence, "id = ?", [key])
    if recs:
        return recs[0]
    if len(key) < 6 or any(c not in "0123456789abcdef" for c in key):
        raise WcifError(QT_TRANSLATE_NOOP("core", "请给出证据的 SHA-256（至少前 6 位十六进制数字）：{value}"),
                        value=repr(sha_or_prefix))
    recs = ef.records(Evidence, "sha256 LIKE ?", [key + "%"])
    if not recs:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件中没有 SHA-256 为 {key}… 的证据"), key=key)
    if len({r.sha256 for r in recs}) > 1:
        raise WcifError(QT_TRANSLATE_NOOP("core", "SHA-256 前缀 {key} 对应多份证据，请给出更长的前缀"), key=key)
    return recs[0]


# ---------------------------------------------------------------------------------------------- extracting
def extract_evidence(ef: EvaluationFile, sha_or_prefix: str, out, *, overwrite: bool = False,
                     progress: Progress = NO_PROGRESS) -> Path:
    """Write stored evidence to a file, streaming, and verify its SHA-256.

    Args:
        out: a file path, or an existing folder (the original name is used there, sanitized for Windows).
        overwrite: replace an existing file; otherwise an existing target is an error.

    Returns:
        the path written.

    Raises:
        WcifError: unknown evidence, target exists, folder missing/not writable, not enough disk space, stored
        content damaged (hash mismatch: nothing is left at the target); Cancelled (nothing left either).
    """
    ev = find_evidence(ef, sha_or_prefix)
    out = Path(out)
    if out.is_dir():
        out = out / safe_name(ev.original_name, ev.sha256)
    if out.exists() and not overwrite:
        raise WcifError(QT_TRANSLATE_NOOP("core", "目标文件已存在，未覆盖：{path}"), path=out)
    if not out.parent.is_dir():
        raise WcifError(QT_TRANSLATE_NOOP("core", "目标文件夹不存在：{folder}"), folder=out.parent)
    _check_free_space(out.parent, ev.size, ev.original_name, export=True)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".wcif-", suffix=".part", dir=out.parent)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入目标文件夹 {folder}：{reason}"), folder=out.parent,
                        reason=e.strerror or e) from e
    tmp = Path(tmp_name)
    try:
        h, done = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as fh:
            for data in iter_content(ef, ev.sha256):
                h.update(data)
                fh.write(data)
                done += len(data)
                progress.set(done, ev.size, Message(QT_TRANSLATE_NOOP("core", "导出证据")))
                check(progress)
        if h.hexdigest() != ev.sha256 or done != ev.size:
            raise WcifError(QT_TRANSLATE_NOOP("core", "证据“{name}”的内容已损坏（SHA-256 不符），未导出"),
                            name=ev.original_name)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入 {path}：{reason}"), path=out, reason=e.strerror or e) from e
    finally:
        if tmp.exists():
            tmp.unlink()
    return out


def temporary_copy(ef: EvaluationFile, evidence_id: str, progress: Progress = NO_PROGRESS) -> Path:
    """Extract evidence to a new temporary folder (for preview or the system's viewer); returns the file."""
    ev: Evidence = ef.get(Evidence, evidence_id)
    folder = Path(tempfile.mkdtemp(prefix="wcif-evidence-"))
    return extract_evidence(ef, ev.sha256, folder / safe_name(ev.original_name, ev.sha256), progress=progress)


def verify_evidence(ef: EvaluationFile, progress: Progress = NO_PROGRESS) -> list[str]:
    """Re-hash every stored evidence content; returns problems (empty when all intact)."""
    problems = []
    evs = ef.records(Evidence)
    for n, ev in enumerate(evs, start=1):
        h, size = hashlib.sha256(), 0
        try:
            for data in iter_content(ef, ev.sha256):
                h.update(data)
                size += len(data)
                check(progress)
        except WcifError as e:
            problems.append(str(e))
            continue
        if size == 0:
            problems.append(f"证据“{ev.original_name}”的内容缺失：{ev.sha256}")
        elif h.hexdigest() != ev.sha256 or size != ev.size:
            problems.append(f"证据“{ev.original_name}”的内容已损坏（SHA-256 不符）：{ev.sha256}")
        progress.set(n, len(evs), Message(QT_TRANSLATE_NOOP("core", "校验证据")))
    return problems
