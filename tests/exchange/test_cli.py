"""``wcif-desktop export / import / verify-history`` exit codes and output."""

import sqlite3

from wcif_desktop.cli import main
from wcif_desktop.domain.model import Finding
from wcif_desktop.store.db import EvaluationFile


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_import_round_trip_with_password(sample_path, workdir, capsys):
    pw = workdir / "密码 文件.txt"
    pw.write_text("口令 12345678\n", encoding="utf-8")
    out = workdir / "导出 加密.wcif"
    code, text, _ = _run(capsys, "export", sample_path, "-o", out, "--password-file", pw)
    assert code == 0 and "已加密" in text and out.exists()
    code, text, err = _run(capsys, "import", sample_path, out)
    assert code == 2 and "已加密" in err
    bad = workdir / "错.txt"
    bad.write_text("不对", encoding="utf-8")
    code, text, err = _run(capsys, "import", sample_path, out, "--password-file", bad)
    assert code == 2 and "密码错误" in err
    code, text, err = _run(capsys, "import", sample_path, out, "--password-file", pw)
    assert code == 0 and "没有待解决的冲突" in text


def test_import_lists_conflicts_and_exits_3(sample_path, workdir, capsys):
    member = workdir / "成员.wcif"
    assert _run(capsys, "export", sample_path, "-o", member)[0] == 0
    ef = EvaluationFile.open(member, who="甲")
    fid = ef.records(Finding)[0].id
    ef.update("finding", fid, {"title": "甲的标题"})
    ef.close()
    ef = EvaluationFile.open(sample_path, who="组长")
    ef.update("finding", fid, {"title": "组长的标题"})
    ef.close()
    code, text, _ = _run(capsys, "import", sample_path, member)
    assert code == 3
    assert "1 条冲突" in text and "title: 本文件=组长的标题 | 导入=甲的标题" in text
    code, text, _ = _run(capsys, "import", sample_path, member)  # still open
    assert code == 3 and "没有新的内容" in text


def test_import_refused_exits_2(sample_path, workdir, capsys):
    (workdir / "坏.wcif").write_bytes(b"not a database at all" * 10)
    code, _, err = _run(capsys, "import", sample_path, workdir / "坏.wcif")
    assert code == 2 and "不是 SQLite" in err


def test_export_member_package(sample_path, workdir, capsys):
    code, text, _ = _run(capsys, "export", sample_path, "-o", workdir / "包.wcif", "--member", "李晓梅")
    assert code == 0 and "李晓梅" in text
    code, _, err = _run(capsys, "export", sample_path, "-o", workdir / "包2.wcif", "--member", "无此人")
    assert code == 2 and "没有成员" in err


def test_verify_history(sample_path, workdir, capsys):
    code, text, _ = _run(capsys, "verify-history", sample_path)
    assert code == 0 and "完整" in text
    c = sqlite3.connect(str(sample_path))
    c.execute("DELETE FROM audit_log WHERE seq = 5")
    c.commit()
    c.close()
    code, text, _ = _run(capsys, "verify-history", sample_path)
    assert code == 1 and "第6条" in text
    c = sqlite3.connect(str(sample_path))
    c.execute("UPDATE audit_log SET new = '篡改' WHERE seq = 10")
    c.commit()
    c.close()
    code, text, _ = _run(capsys, "verify-history", sample_path)
    assert code == 1 and "历史记录第10条：内容被改动" in text
    code, _, err = _run(capsys, "verify-history", workdir / "没有.wcif")
    assert code == 2 and "找不到" in err
