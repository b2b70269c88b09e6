"""Size of the PyInstaller one-folder bundle. Target (issue 9): ≤ 150 MB.

    python3 benchmarks/bench_bundle.py [BUNDLE_FOLDER]

Measures ``BUNDLE_FOLDER`` (default ``dist/wcif-desktop``, as built by ``bash scripts/build_bundle.sh``); when
there is none it builds one into a temporary folder with PyInstaller (about a minute) and measures that. Sizes
are the files' bytes (symbolic links not followed): MB = 10^6 bytes (the target), MiB = 2^20 bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 150


def bundle_bytes(folder: Path) -> tuple[int, Counter]:
    """Total bytes of the regular files under ``folder`` and the bytes per top-level part of ``_internal``."""
    parts: Counter = Counter()
    total = 0
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file():
            continue
        n = p.stat().st_size
        total += n
        rel = p.relative_to(folder).parts
        key = "/".join(rel[:3]) if rel[:2] == ("_internal", "PySide6") else "/".join(rel[:2])
        parts[key] += n
    return total, parts


def measure(folder: Path) -> None:
    total, parts = bundle_bytes(folder)
    mb, mib = total / 1e6, total / 2 ** 20
    print(f"{folder}: {mb:.1f} MB ({mib:.1f} MiB)")
    for name, n in parts.most_common(12):
        print(f"  {n / 1e6:7.1f} MB  {name}")
    report("bundle size", round(mb, 1), "MB", f"<= {TARGET_MB}", mb <= TARGET_MB, f"{mib:.1f} MiB")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist" / "wcif-desktop"
    if folder.is_dir():
        measure(folder)
        return 0
    with tempfile.TemporaryDirectory(prefix="wcif bundle ") as d:
        run = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                              "--distpath", str(Path(d) / "dist"), "--workpath", str(Path(d) / "build"),
                              str(ROOT / "packaging" / "wcif_desktop.spec")], cwd=ROOT, capture_output=True,
                             text=True)
        if run.returncode != 0:
            print(run.stdout[-2000:] + run.stderr[-2000:])
            report("bundle size", None, "MB", f"<= {TARGET_MB}", False, "PyInstaller build failed")
            return 1
        measure(Path(d) / "dist" / "wcif-desktop")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
