"""Rolling backups of evaluation files, taken when a file is opened.

Where: ``<user data dir>/backups/<file stem>-<8 hex of the file's full path>/<UTC time>.wcif`` — in the user's
own data folder (``paths.user_data_dir``), not beside the file, so that a file on a USB stick or a shared folder
does not collect copies other people can see, and two files with the same name do not share a folder.
How many: the newest :data:`KEEP` (3). A new backup is taken only when the file changed since the newest one
(its modification time is later, or its size differs). The copy is made with SQLite's online backup API, so
it is consistent even while another program writes to the file.

A failed backup (disk full, unwritable folder) does not stop the file from opening; it is logged as a warning
and returned as ``None``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import sqlite3
from pathlib import Path

from ..paths import user_data_dir

KEEP = 3
log = logging.getLogger(__name__)


def backup_dir(path) -> Path:
    """The folder holding the rolling backups of the evaluation file at ``path``."""
    p = Path(path).resolve()
    digest = hashlib.sha256(str(p).encode("utf-8")).hexdigest()[:8]
    return user_data_dir() / "backups" / f"{p.stem}-{digest}"


def list_backups(path) -> list[Path]:
    """Backups of ``path``, oldest first."""
    d = backup_dir(path)
    return sorted(d.glob("*.wcif")) if d.is_dir() else []


def rolling_backup(path, keep: int = KEEP) -> Path | None:
    """Copy ``path`` into its backup folder unless unchanged since the newest backup; keep the newest ``keep``.

    Returns the new backup's path, or ``None`` when none was needed or it failed (logged).
    """
    src = Path(path)
    try:
        existing = list_backups(src)
        st = src.stat()
        if existing:
            newest = existing[-1].stat()
            if newest.st_size == st.st_size and st.st_mtime_ns <= newest.st_mtime_ns:
                return None
        d = backup_dir(src)
        d.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        dest = d / f"{stamp}.wcif"
        part = d / f"{stamp}.part"
        s = sqlite3.connect(src.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            t = sqlite3.connect(str(part))
            try:
                s.backup(t)
                t.execute("PRAGMA journal_mode=DELETE")
            finally:
                t.close()
        finally:
            s.close()
        part.replace(dest)
        for old in list_backups(src)[:-keep]:
            old.unlink(missing_ok=True)
        return dest
    except (OSError, sqlite3.Error) as e:
        log.warning("rolling backup of %s failed: %s", src, e)
        try:
            part.unlink(missing_ok=True)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
        return None
