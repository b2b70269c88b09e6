"""A wrong command line is one line starting with 错误： on stderr and exit 2 (the README's rule), not argparse's
multi-line usage block."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("argv", [["document", "评价 文件.wcif", "没有这种文档", "-o", "x.pdf"], ["report"],
                                  ["score", "a.wcif", "--no-such-option"]])
def test_wrong_command_line_is_one_line(argv, tmp_path):
    p = subprocess.run([sys.executable, "-m", "wcif_desktop", *argv], capture_output=True, text=True,
                       encoding="utf-8", cwd=tmp_path)
    assert p.returncode == 2
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：") and "--help" in lines[0], p.stderr
