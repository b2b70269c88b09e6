"""The frozen one-folder bundle, built once per session (tests/packaging/test_bundle.py, test_windows_packaging.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "wcif_desktop.spec"


@pytest.fixture(scope="session")
def bundle_exe(tmp_path_factory) -> Path:
    """Build the bundle once per session; return its executable. PyInstaller is a test dependency: no skip."""
    import PyInstaller  # noqa: F401  - ImportError fails the test: pyinstaller is in the `test` extra

    base = tmp_path_factory.mktemp("打包 bundle")
    dist, work = base / "发布 目录", base / "build work"
    run = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
         "--workpath", str(work), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    exe = dist / "wcif-desktop" / ("wcif-desktop.exe" if sys.platform == "win32" else "wcif-desktop")
    assert exe.is_file(), f"no executable at {exe}"
    return exe
