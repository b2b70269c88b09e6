"""``wcif-desktop request-list`` and ``wcif-desktop evidence`` (run in-process through cli.main)."""

from __future__ import annotations

import hashlib
import json

import openpyxl
from pypdf import PdfReader

from wcif_desktop.cli import main


def test_request_list_cli_pdf_and_xlsx(bare_sample_path, workdir, capsys):
    assert main(["request-list", str(bare_sample_path), "-o", str(workdir / "清单.xlsx")]) == 2
    assert "资料清单为空" in capsys.readouterr().err
    assert main(["request-list", str(bare_sample_path), "--from-template", "-o", str(workdir / "清单.xlsx")]) == 0
    assert "已导出资料清单" in capsys.readouterr().out
    codes = [r[0] for r in openpyxl.load_workbook(workdir / "清单.xlsx").active.iter_rows(min_row=4, values_only=True)
             if r[0] and r[0][1:].isdigit()]
    assert codes[:2] == ["A01", "A02"] and "J01" in codes
    assert main(["request-list", str(bare_sample_path), "-o", str(workdir / "清单.pdf")]) == 0
    text = "".join(p.extract_text() for p in PdfReader(workdir / "清单.pdf").pages)
    assert all(c in text for c in codes)
    assert main(["request-list", str(bare_sample_path), "-o", str(workdir / "清单.txt")]) == 2
    assert "不支持的导出格式" in capsys.readouterr().err


def test_evidence_cli_add_list_extract(bare_sample_path, workdir, capsys):
    main(["request-list", str(bare_sample_path), "--from-template", "-o", str(workdir / "l.xlsx")])
    capsys.readouterr()
    f = workdir / "决算 报告.pdf"
    f.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 100)
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    assert main(["evidence", str(bare_sample_path), "add", str(f), "--item", "a03"]) == 0
    out = capsys.readouterr().out
    assert "已存入" in out and sha in out and "A03" in out
    assert main(["evidence", str(bare_sample_path), "add", str(f)]) == 0
    assert "未重复存储" in capsys.readouterr().out

    assert main(["evidence", str(bare_sample_path), "list", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert (item["name"], item["size"], item["sha256"]) == ("决算 报告.pdf", f.stat().st_size, sha)
    assert [lk["label"] for lk in item["links"]] == ["资料 A03 年度工伤保险基金决算报告及报表"]
    assert main(["evidence", str(bare_sample_path), "list"]) == 0
    assert sha in capsys.readouterr().out

    target = workdir / "导出 副本.pdf"
    assert main(["evidence", str(bare_sample_path), "extract", sha[:12], "-o", str(target)]) == 0
    assert target.read_bytes() == f.read_bytes()
    assert main(["evidence", str(bare_sample_path), "extract", sha, "-o", str(target)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["evidence", str(bare_sample_path), "extract", sha, "-o", str(target), "--force"]) == 0


def test_evidence_cli_errors(bare_sample_path, workdir, capsys):
    assert main(["evidence", str(bare_sample_path), "add", str(workdir / "无.pdf")]) == 2
    assert "找不到要添加的文件" in capsys.readouterr().err
    (workdir / "e.pdf").write_bytes(b"")
    assert main(["evidence", str(bare_sample_path), "add", str(workdir / "e.pdf")]) == 2
    assert "0 字节" in capsys.readouterr().err
    (workdir / "x.pdf").write_bytes(b"x")
    assert main(["evidence", str(bare_sample_path), "add", str(workdir / "x.pdf"), "--item", "Z99"]) == 2
    assert "Z99" in capsys.readouterr().err
    assert main(["evidence", str(workdir / "不是.wcif"), "list"]) == 2
    assert main(["evidence", str(bare_sample_path), "list"]) == 0
    assert "没有证据" in capsys.readouterr().out
