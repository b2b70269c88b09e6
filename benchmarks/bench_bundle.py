"""Size of the PyInstaller one-folder bundle (dist/wcif-desktop). Target (issue 9): ≤ 150 MB.

Build it first with ``bash scripts/build_bundle.sh``; without a bundle the figure is reported as not measured.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    bundle = ROOT / "dist" / "wcif-desktop"
    if not bundle.is_dir():
        report("bundle size", None, "MB", "<= 150", None, "no bundle: run bash scripts/build_bundle.sh")
        return
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    mb = size / 1024 / 1024
    print(f"{bundle}: {mb:.1f} MB")
    report("bundle size", round(mb, 1), "MB", "<= 150", mb <= 150)


if __name__ == "__main__":
    main()
