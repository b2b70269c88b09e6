"""Smoke test of the frozen one-folder bundle (issue 9): built once per session with PyInstaller into a folder whose
path has Chinese characters and spaces, then run with no Python on PATH (PATH is an empty folder, no
PYTHONPATH/PYTHONHOME): sample → identity → report --sign → verify, and the main window rendered to a PNG.
"""

from __future__ import annotations

import os
import struct
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "wcif_desktop.spec"


@pytest.fixture
def no_python_env(tmp_path) -> dict:
    """An environment without Python: PATH is an empty folder; the user data folder is under tmp_path."""
    empty = tmp_path / "空 PATH"
    empty.mkdir()
    keep = ("HOME", "USERPROFILE", "SYSTEMROOT", "TEMP", "TMP", "LANG", "DISPLAY", "XDG_RUNTIME_DIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(PATH=str(empty), WCIF_DATA_DIR=str(tmp_path / "用户 数据"), QT_QPA_PLATFORM="offscreen")
    return env


def _run(exe: Path, args: list, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *map(str, args)], env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=300)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", head[16:24])


def test_bundle_runs_without_python(bundle_exe: Path, no_python_env: dict, tmp_path: Path) -> None:
    folder = tmp_path / "评价 文件夹"
    folder.mkdir()
    evaluation = folder / "呼和浩特 2021 样例.wcif"

    version = _run(bundle_exe, ["--version"], no_python_env, folder)
    assert version.returncode == 0, version.stderr
    assert "WCIF Desktop" in version.stdout

    r = _run(bundle_exe, ["sample", evaluation], no_python_env, folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert evaluation.stat().st_size > 10_000

    score = _run(bundle_exe, ["score", evaluation], no_python_env, folder)
    assert score.returncode == 0, score.stderr
    assert "综合评分" in score.stdout

    passphrase = folder / "口令 文件.txt"
    passphrase.write_text("测试 口令 2021\n", encoding="utf-8")
    identity = folder / "签名 身份.p12"
    r = _run(bundle_exe, ["identity", "--name", "王建国", "--org", "某会计师事务所", "--passphrase-file", passphrase,
                          identity], no_python_env, folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert identity.stat().st_size > 500

    report = folder / "绩效 评价报告.pdf"
    r = _run(bundle_exe, ["report", evaluation, "-o", report, "--sign", identity, "--passphrase-file", passphrase],
             no_python_env, folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert report.read_bytes()[:5] == b"%PDF-"

    r = _run(bundle_exe, ["verify", report], no_python_env, folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "王建国" in r.stdout

    # A changed byte inside the signed range must make verify fail (the check is real, not a constant 0).
    data = bytearray(report.read_bytes())
    i = data.find(b"/Title")
    assert i > 0
    data[i + 1:i + 6] = b"TITLE"
    tampered = folder / "改动 报告.pdf"
    tampered.write_bytes(bytes(data))
    assert _run(bundle_exe, ["verify", tampered], no_python_env, folder).returncode != 0

    # Word output from the bundle: python-docx reads its part templates through docx/parts/../templates/, so the
    # bundle must have those folders; the work plan and the full report (headers, footers, tables) open again.
    import docx

    for kind in ("work-plan", "report-full"):
        out = folder / f"{kind} 文档.docx"
        r = _run(bundle_exe, ["document", evaluation, kind, "-o", out], no_python_env, folder)
        assert r.returncode == 0, r.stdout + r.stderr
        assert len(docx.Document(str(out)).paragraphs) > 10

    shot = folder / "主 窗口.png"
    r = _run(bundle_exe, [evaluation, "--screenshot", shot], no_python_env, folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert shot.stat().st_size > 20_000, "screenshot suspiciously small (blank window?)"
    w, h = _png_size(shot)
    assert w >= 640 and h >= 400
