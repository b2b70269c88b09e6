"""Writing rendered bytes to the user's target file: atomically, with one clear error.

A temporary file in the target folder, then ``os.replace``: an existing file is never left half-written, and a
failed write leaves no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError


def write_atomically(data: bytes, out_path: Path) -> Path:
    """Write ``data`` to ``out_path`` through a temporary file in the same folder and ``os.replace``.

    Raises:
        ReportError: the folder cannot be created or the file cannot be written (e.g. open in a viewer).
    """
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~" + out_path.stem[:40], suffix=".tmp", dir=out_path.parent)
    except OSError as e:
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入报告文件 {path}：{reason}"), path=out_path,
                          reason=e.strerror or e) from e
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入报告文件 {path}：{reason}（文件是否正被其他程序打开？）"),
                          path=out_path, reason=e.strerror or e) from e
    return out_path


__all__ = ["write_atomically"]
