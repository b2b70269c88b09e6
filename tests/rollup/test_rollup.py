"""Roll-up of many evaluation files (issue 22): read-only, recomputed scores, refused files with reasons, workbook."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.commands.score import score_report
from wcif_desktop.domain.model import Evaluation, Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services.rollup import open_readonly, read_evaluation, rollup, write_workbook
from wcif_desktop.store.db import EvaluationFile, schema_version


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make(sample_path: Path, folder: Path, name: str, region: str, year: int, cut: int) -> Path:
    """A copy of the sample with its own region/year and ``cut`` level-3 scores lowered to half their weight."""
    dest = folder / name
    shutil.copy2(sample_path, dest)
    with EvaluationFile.open(dest, backup=False) as ef:
        ev = svc.evaluation(ef)
        svc.update_record(ef, Evaluation, ev.id, region=region, fiscal_year=year)
        leaves = sorted((i for i in ef.records(Indicator) if i.level == 3), key=lambda i: i.code)
        for ind in leaves[:cut]:
            svc.set_indicator_score(ef, ind.id, (ind.weight / 2).quantize(Decimal("0.01")), "抽查发现问题")
    for extra in folder.glob(name + ".*"):  # no backups expected (backup=False), but keep the folder clean
        extra.unlink()
    return dest


@pytest.fixture
def archive(sample_path, workdir) -> Path:
    folder = workdir / "全省 归档"
    folder.mkdir()
    _make(sample_path, folder, "呼和浩特 2021 评价.wcif", "呼和浩特市", 2021, 0)
    _make(sample_path, folder, "包头 2021 评价.wcif", "包头市", 2021, 3)
    sub = folder / "二〇二二 年"
    sub.mkdir()
    _make(sample_path, sub, "赤峰 2022 评价.wcif", "赤峰市", 2022, 6)
    return folder


def _expected_total(path: Path) -> str:
    with EvaluationFile.open(path, backup=False) as ef:
        return score_report(ef)["total"]


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): (_sha(p) if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


def test_rollup_recomputes_totals_like_score_and_leaves_files_untouched(archive):
    files = sorted(archive.rglob("*.wcif"))
    expected = {p.name: _expected_total(p) for p in files}
    before = _snapshot(archive)
    r = rollup([archive])
    assert _snapshot(archive) == before  # same bytes, no backup, no sidecar, nothing new
    assert r.refused == []
    got = {e.path.name: f"{e.total:.2f}" for e in r.evaluations}
    assert got == expected
    assert len(set(got.values())) == 3  # the copies really differ
    by_region = {e.region: e for e in r.evaluations}
    assert by_region["赤峰市"].fiscal_year == 2022
    assert all(e.history_ok and e.status == "draft" and not e.locked for e in r.evaluations)
    assert by_region["呼和浩特市"].sha256 == _sha(archive / "呼和浩特 2021 评价.wcif")


def test_stored_parent_scores_are_never_summed(archive):
    path = archive / "包头 2021 评价.wcif"
    total = _expected_total(path)
    conn = sqlite3.connect(path)  # a stray value on a level-1 row (not a leaf) must not count
    with conn:
        conn.execute("UPDATE indicator SET score = '99' WHERE level = 1")
    conn.close()
    e = read_evaluation(path)
    assert f"{e.total:.2f}" == total


def test_altered_history_is_shown(archive):
    path = archive / "包头 2021 评价.wcif"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE audit_log SET new = '100' WHERE seq = (SELECT max(seq) FROM audit_log)")
    conn.close()
    r = rollup([archive])
    e = next(e for e in r.evaluations if e.path == path)
    assert not e.history_ok and "内容被改动" in e.history_problems[0]
    summary = {row["文件名"]: row["历史核验"] for row in r.tables()["汇总"]}
    assert summary[path.name] == "不完整或被改动" and summary["呼和浩特 2021 评价.wcif"] == "完整"


def test_refused_files_are_listed_with_reasons_and_unchanged(archive, sample_path):
    (archive / "损坏 文件.wcif").write_bytes(sample_path.read_bytes()[:4096] + b"\x00" * 8192)
    foreign = archive / "别的 数据库.wcif"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = archive / "新版本 文件.wcif"
    shutil.copy2(sample_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    with_wal = archive / "带 附属文件.wcif"
    shutil.copy2(sample_path, with_wal)
    (archive / "带 附属文件.wcif-wal").write_bytes(b"stale wal from elsewhere")
    (archive / "是文件夹.wcif").mkdir()
    text = archive / "说明.wcif"
    text.write_text("不是数据库", encoding="utf-8")
    before = _snapshot(archive)

    r = rollup([archive])

    assert _snapshot(archive) == before
    assert len(r.evaluations) == 3
    reasons = {f.path.name: (f.kind, str(f.reason)) for f in r.refused}
    assert reasons["损坏 文件.wcif"][0] == "damaged" and "已损坏" in reasons["损坏 文件.wcif"][1]
    assert reasons["别的 数据库.wcif"][0] == "foreign" and "application_id" in reasons["别的 数据库.wcif"][1]
    assert reasons["新版本 文件.wcif"][0] == "newer" and "更新版本" in reasons["新版本 文件.wcif"][1]
    assert reasons["带 附属文件.wcif"][0] == "sidecar" and "带 附属文件.wcif-wal" in reasons["带 附属文件.wcif"][1]
    assert reasons["是文件夹.wcif"][0] == "irregular"
    assert reasons["说明.wcif"][0] == "foreign" and "不是 SQLite" in reasons["说明.wcif"][1]
    prov = {row["文件名"]: row for row in r.tables()["来源与核验"]}
    assert prov["新版本 文件.wcif"]["结果"] == "未纳入" and "更新版本" in prov["新版本 文件.wcif"]["原因或说明"]


def test_older_file_is_migrated_on_a_private_copy_only(sample_path, workdir):
    old = workdir / "旧 版本.wcif"
    shutil.copy2(sample_path, old)
    conn = sqlite3.connect(old)  # make it a file from before the documents migration (m0070)
    with conn:
        for t in ("site_visit", "research_answer", "problem_detail", "generated_document", "archive_record"):
            conn.execute(f"DROP TABLE {t}")
        conn.execute("DELETE FROM schema_migrations WHERE number = 70")
    conn.execute("PRAGMA user_version = 60")
    conn.close()
    digest = _sha(old)
    names = sorted(p.name for p in workdir.iterdir())
    e = read_evaluation(old)
    assert e.migrated_from == 60 and f"{e.total:.2f}" == "82.33"
    assert _sha(old) == digest and sorted(p.name for p in workdir.iterdir()) == names
    with sqlite3.connect(old) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == 60


def test_readonly_open_cannot_write(sample_path):
    with open_readonly(sample_path) as of:
        with pytest.raises(sqlite3.OperationalError):
            of.ef.conn.execute("DELETE FROM indicator")


def test_signature_problems_are_reported(sample_path, workdir):
    from wcif_desktop.services import report_archive as rarchive

    path = workdir / "有 报告.wcif"
    shutil.copy2(sample_path, path)
    with EvaluationFile.open(path, backup=False) as ef:
        rarchive.record_report(ef, b"%PDF-1.4\n%not really signed\n", template="full", file_name="报告.pdf",
                               signers=["王建国"], final=False)
    e = read_evaluation(path)
    assert e.signatures.reports == 1 and e.signatures.signed == 1 and e.signatures.ok == 0
    assert e.signatures.problems and "报告.pdf" in e.signatures.problems[0]
    assert e.status == "signed"


def test_workbook_sheets_and_cells(archive, workdir):
    r = rollup([archive])
    out = write_workbook(r, workdir / "输出 目录" / "汇总 分析.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "排名", "指标得分率", "基金收支", "常见问题", "满意度与知晓率", "来源与核验"]
    ws = wb["汇总"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    totals = {row["地区"]: row["综合得分（分）"] for row in rows}
    for e in r.evaluations:
        assert Decimal(str(totals[e.region])) == e.total
    col = header.index("综合得分（分）") + 1
    assert ws.cell(2, col).number_format == "0.00" and isinstance(ws.cell(2, col).value, (int, float))
    assert {row["SHA-256"] for row in rows} == {e.sha256 for e in r.evaluations}
    assert {row["历史核验"] for row in rows} == {"完整"}
    rank = wb["排名"]
    rh = [c.value for c in rank[1]]
    first_2021 = next(dict(zip(rh, (c.value for c in row))) for row in rank.iter_rows(min_row=2)
                      if row[rh.index("年度")].value == 2021)
    assert first_2021["名次"] == 1 and first_2021["地区"] == "呼和浩特市"
    fund = wb["基金收支"]
    fh = [c.value for c in fund[1]]
    j = fh.index("年末滚存结余（元）") + 1
    i = next(k for k in range(2, 5) if fund.cell(k, 1).value == "呼和浩特市")
    assert fund.cell(i, j).value == 724120300 and fund.cell(i, j).number_format == "#,##0.00"
    other = next(k for k in range(2, 5) if fund.cell(k, 1).value == "赤峰市")
    assert fund.cell(other, j).value is None  # its statement is of 2021, the evaluation now of 2022
    matrix = wb["指标得分率"]
    mh = [c.value for c in matrix[1]]
    assert "1.1.1 立项依据充分性（%）" in mh
    problems = wb["常见问题"]
    assert problems.cell(2, 3).value == 3  # the sample's problems occur in all three files


def test_cli_rollup(archive, workdir, capsys):
    (archive / "坏 文件.wcif").write_bytes(b"not sqlite")
    out = workdir / "汇总.xlsx"
    assert main(["rollup", str(archive), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "已汇总 3 个评价文件" in text and "坏 文件.wcif" in text and "不是 SQLite" in text
    assert out.is_file()


def test_cli_rollup_nothing_readable(workdir, capsys):
    (workdir / "坏.wcif").write_bytes(b"x")
    code = main(["rollup", str(workdir), "-o", str(workdir / "o.xlsx")])
    assert code == 2
    assert capsys.readouterr().err.startswith("错误：没有可汇总的评价文件")
    assert not (workdir / "o.xlsx").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_is_not_opened(workdir):
    os.mkfifo(workdir / "管道.wcif")
    r = rollup([workdir])
    assert [f.kind for f in r.refused] == ["irregular"]


@pytest.mark.slow
def test_final_signed_report_is_verified(sample_path, workdir):
    from wcif_desktop.render.signing import create_identity
    from wcif_desktop.services.report_file import build_report_file

    p12 = create_identity(workdir / "签名 身份.p12", "口令123", "王建国", "测试会计师事务所")
    build_report_file(sample_path, workdir / "报告 终稿.pdf", "brief", p12=p12, passphrase="口令123", final=True)
    e = read_evaluation(sample_path)
    assert e.locked and e.status == "final"
    assert e.signatures.signed == e.signatures.ok == 1 and e.signatures.problems == []
    assert "签名均有效" in e.signatures.sentence()


def test_unreadable_value_is_listed_not_fatal(archive):
    path = archive / "包头 2021 评价.wcif"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE indicator SET score = 'abc' WHERE id = (SELECT id FROM indicator WHERE level = 3 LIMIT 1)")
    conn.close()
    r = rollup([archive])
    assert len(r.evaluations) == 2
    [f] = r.refused
    assert f.path == path and f.kind == "refused" and "无法解读" in str(f.reason) and "abc" in str(f.reason)


def test_business_tables_are_read_when_present(archive):
    path = archive / "呼和浩特 2021 评价.wcif"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE business_figure (id TEXT PRIMARY KEY, name TEXT, value TEXT, fiscal_year INTEGER, "
                     "deleted INTEGER DEFAULT 0)")
        conn.executemany("INSERT INTO business_figure VALUES (?, ?, ?, ?, ?)", [
            ("a", "参保人数", "412345", 2021, 0), ("b", "参保人数", "1", 2020, 0), ("c", "工伤认定件数", "1834", 2021, 0),
            ("d", "已删除", "9", 2021, 1)])
    conn.close()
    r = rollup([archive])
    rows = {row["地区"]: row for row in r.tables()["基金收支"]}
    assert rows["呼和浩特市"]["业务：参保人数"] == Decimal("412345")
    assert rows["呼和浩特市"]["业务：工伤认定件数"] == Decimal("1834")
    assert rows["包头市"]["业务：参保人数"] is None and "业务：已删除" not in rows["包头市"]


def test_rollup_can_be_cancelled(archive):
    from wcif_desktop.domain.errors import Cancelled

    class StopAfterOne:
        def __init__(self):
            self.calls = 0

        def set(self, done, total, label=""):
            self.calls += 1

        def cancelled(self):
            return self.calls >= 1

    with pytest.raises(Cancelled):
        rollup([archive], StopAfterOne())


def test_ties_share_a_rank_and_odd_names_are_read(sample_path, workdir):
    from wcif_desktop.services.rollup import _rank

    assert _rank([Decimal("80"), Decimal("90"), Decimal("80"), Decimal("70")]) == [2, 1, 2, 4]
    odd = workdir / "乌海 #1 100%.wcif"
    shutil.copy2(sample_path, odd)
    e = read_evaluation(odd)
    assert f"{e.total:.2f}" == "82.33"


def test_unscored_evaluation_has_no_total_grade_or_rank(sample_path, workdir):
    """Unscored means unscored (issue 17) in the roll-up too: a new evaluation with its framework but no score has
    no total, the grade 未评分, no rank and no bar; a partly scored one keeps its sum so far but no grade."""
    folder = workdir / "省 汇总"
    folder.mkdir()
    shutil.copy2(sample_path, folder / "样例.wcif")
    svc.create_new(folder / "新 评价.wcif", region="包头市", fiscal_year=2022, framework="gongshang-fund")
    partly = folder / "部分 评分.wcif"
    svc.create_new(partly, region="乌海市", fiscal_year=2022, framework="gongshang-fund")
    with EvaluationFile.open(partly, backup=False) as ef:
        leaf = next(i for i in ef.records(Indicator) if i.level == 3)
        svc.set_indicator_score(ef, leaf.id, leaf.weight)
    r = rollup([folder])
    by_name = {e.path.name: e for e in r.evaluations}
    new, part, full = by_name["新 评价.wcif"], by_name["部分 评分.wcif"], by_name["样例.wcif"]
    assert new.total is None and new.grade == "未评分"
    assert part.total == leaf.weight and part.grade == "未评分"
    assert full.total == Decimal("82.33") and full.grade == "良"
    ranks = {row["地区"]: row["名次"] for row in r.tables()["排名"]}
    assert ranks["包头市"] is None and ranks["乌海市"] == 1 and ranks["呼和浩特市"] == 1
