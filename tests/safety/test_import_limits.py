"""Malformed and oversized inputs (issue 15, part 2): one sentence naming the file, sheet, row and column where
known; CLI exit 2 with one ``错误：`` line; refused imports leave the evaluation file byte-identical."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import WcifError
from wcif_desktop.services import survey as sv
from wcif_desktop.services import tabular as tb
from wcif_desktop.services.evaluation import create_empty

from . import sheets


@pytest.fixture
def wcif(workdir):
    path = workdir / "评价 文件.wcif"
    ef = create_empty(path, title="测试评价", fiscal_year=2021)
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    for text, kind in sheets.SURVEY_QUESTIONS:
        sv.add_question(ef, s.id, text, kind)
    ef.close()
    return path


def _one_error_line(capsys) -> str:
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert len(err) == 1 and err[0].startswith("错误："), err
    return err[0]


def test_refused_survey_imports_leave_the_file_byte_identical(wcif, workdir, capsys):
    export = sheets.write_xlsx(workdir / "答卷 导出.xlsx", sheets.survey_rows(20), "答卷数据")
    before = wcif.read_bytes()
    # a decision pending (the extra columns), and a decision that cancels the import
    rows = sheets.survey_rows(20)
    rows[0].append("5、新增的题目")
    rows[3].append("某答案")
    extra = sheets.write_xlsx(workdir / "多一列.xlsx", rows, "答卷数据")
    assert main(["import-survey", str(wcif), str(extra), "--group", "参保单位"]) == 1
    assert wcif.read_bytes() == before
    other = sheets.write_xlsx(workdir / "别的问卷.xlsx", [["序号", "甲", "乙", "丙"], [1, "a", "b", "c"]])
    assert main(["import-survey", str(wcif), str(other), "--group", "参保单位", "--different-survey", "skip",
                 "--missing-columns", "skip"]) == 1
    assert wcif.read_bytes() == before
    # --create: the survey built from the headers is not kept when the import does not write (a duplicate
    # respondent id leaves a decision pending)
    dup_rows = sheets.survey_rows(20)
    dup_rows[3][0] = dup_rows[2][0]
    dup = sheets.write_xlsx(workdir / "重复.xlsx", dup_rows, "答卷数据")
    capsys.readouterr()
    assert main(["import-survey", str(wcif), str(dup), "--group", "新的对象", "--create"]) == 1
    assert "未建立问卷" in capsys.readouterr().out
    assert wcif.read_bytes() == before
    # an unreadable file
    bad = workdir / "坏 文件.xlsx"
    bad.write_bytes(export.read_bytes()[:500])
    capsys.readouterr()
    assert main(["import-survey", str(wcif), str(bad), "--group", "参保单位"]) == 2
    assert "坏 文件.xlsx" in _one_error_line(capsys)
    assert wcif.read_bytes() == before
    # and the same file imports when nothing is left to decide
    assert main(["import-survey", str(wcif), str(export), "--group", "参保单位"]) == 0
    assert wcif.read_bytes() != before


def test_create_survey_import_keeps_the_survey_only_when_written(wcif, workdir):
    from wcif_desktop.store.db import EvaluationFile

    export = sheets.write_xlsx(workdir / "答卷.xlsx", sheets.survey_rows(10), "答卷数据")
    with EvaluationFile.open(wcif) as ef:
        created, rep = sv.import_into_new_survey(ef, export, "新的对象", dry_run=True)
        assert created is None and not rep.written
        assert [s.respondent_group for s in sv.surveys(ef)] == ["参保单位"]
        created, rep = sv.import_into_new_survey(ef, export, "新的对象")
        assert created is not None and rep.written and rep.imported == 10
        assert sorted(s.respondent_group for s in sv.surveys(ef)) == ["参保单位", "新的对象"]


def test_too_many_rows_named(monkeypatch, workdir):
    monkeypatch.setattr(tb, "MAX_ROWS", 50)
    xlsx = sheets.write_xlsx(workdir / "长 表.xlsx", sheets.survey_rows(60), "答卷数据")
    with pytest.raises(WcifError, match=r"“答卷数据”的数据有 61 行，超过上限 50 行.*长 表\.xlsx"):
        tb.read_grid(xlsx)
    csv_path = sheets.write_csv(workdir / "长 表.csv", sheets.survey_rows(60))
    with pytest.raises(WcifError, match="超过上限 50 行"):
        tb.read_grid(csv_path)


def test_far_cell_is_refused_before_loading(workdir, capsys):
    """One stray cell at XFD1048576 would make the reader allocate the whole rectangle (hundreds of GiB)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收支表"
    for r in sheets.finance_rows():
        ws.append(r)
    ws["XFD1048576"] = "远处"
    path = workdir / "远处 单元格.xlsx"
    wb.save(path)
    with pytest.raises(WcifError, match=r"“收支表”的数据有 1048576 行"):
        tb.read_grid(path)
    ws["XFD1048576"] = None
    ws["AZZ3"] = "远处"
    wb.save(path)
    with pytest.raises(WcifError, match=r"到 AZZ 列"):
        tb.read_grid(path)


def test_long_cell_named_by_sheet_row_and_column(monkeypatch, workdir):
    monkeypatch.setattr(tb, "MAX_CELL_CHARS", 100)
    rows = sheets.survey_rows(5)
    rows[3][6] = "很长" * 60
    xlsx = sheets.write_xlsx(workdir / "长 单元格.xlsx", rows, "答卷数据")
    with pytest.raises(WcifError, match=r"工作表“答卷数据”第4行G列的内容过长（120 个字符，上限 100）"):
        tb.read_grid(xlsx)
    csv_path = sheets.write_csv(workdir / "长 单元格.csv", rows)
    with pytest.raises(WcifError, match=r"第4行G列的内容过长"):
        tb.read_grid(csv_path)


def test_file_size_limit(monkeypatch, workdir):
    monkeypatch.setattr(tb, "MAX_FILE_BYTES", 1000)
    xlsx = sheets.write_xlsx(workdir / "大 文件.xlsx", sheets.survey_rows(200), "答卷数据")
    with pytest.raises(WcifError, match=r"表格文件过大.*大 文件\.xlsx"):
        tb.read_grid(xlsx)


def test_merged_range_over_the_whole_sheet_is_clipped(workdir):
    """A merged range A5:XFD1048576 fills only the cells that hold data (no hang)."""
    xlsx = sheets.write_xlsx(workdir / "合并.xlsx", sheets.finance_rows(), "收支表")
    data = xlsx.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                    b'<mergeCell ref="A5:XFD1048576"/></mergeCells>')
            dst.writestr(info, body)
    xlsx.write_bytes(out.getvalue())
    g = tb.read_grid(xlsx)
    assert (g.n_rows, g.n_cols) == (9, 8)
    assert g.cell(9, 8).text == g.cell(5, 1).text == "二、收入合计" and g.cell(9, 8).merged


def test_hidden_sheets_are_not_offered_and_not_read_by_default(workdir):
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "隐藏"
    hidden["A1"] = "不应读到"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("非常隐藏")
    very["A1"] = "不应读到"
    very.sheet_state = "veryHidden"
    data = wb.create_sheet("答卷数据")
    for r in sheets.survey_rows(3):
        data.append(r)
    wb.active = 2
    path = workdir / "隐藏 工作表.xlsx"
    wb.save(path)
    assert tb.sheet_names(path) == ["答卷数据"]
    assert tb.read_grid(path).sheet == "答卷数据"
    assert tb.read_grid(path, "隐藏").cell(1, 1).text == "不应读到"  # named explicitly: read


def test_csv_damage_gets_one_sentence(workdir, wcif, capsys):
    nul = workdir / "空字符.csv"
    nul.write_bytes("序号,题目\n1,\x00满意\n".encode())
    with pytest.raises(WcifError, match="空字符"):
        tb.read_grid(nul)
    before = wcif.read_bytes()
    for name, data in (("空字符.csv", nul.read_bytes()), ("空.csv", b""), ("乱码.csv", bytes(range(256)) * 4)):
        p = workdir / name
        p.write_bytes(data)
        rc = main(["import-finance", str(wcif), str(p)])
        assert rc == 2
        assert name in _one_error_line(capsys)
        assert wcif.read_bytes() == before


def test_xls_is_read(workdir, wcif, capsys):
    """.xls (BIFF, still common on Chinese Windows) is read by calamine, merged cells included; the file is
    written here with xlwt (a test dependency)."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("收支表")
    for r, row in enumerate(sheets.finance_rows()):
        for c, v in enumerate(row):
            if v is not None and not (r == 0 and c == 0):
                ws.write(r, c, v)
    ws.write_merge(0, 0, 0, 7, "工伤保险基金预算执行情况表")
    path = workdir / "旧 格式.xls"
    book.save(str(path))
    g = tb.read_grid(path)
    assert g.sheet == "收支表" and g.cell(5, 1).text == "二、收入合计"
    assert g.cell(1, 8).text == "工伤保险基金预算执行情况表" and g.cell(1, 8).merged
    assert main(["import-finance", str(wcif), str(path)]) == 0
    assert "已导入 5 行" in capsys.readouterr().out


def test_score_sheet_import_and_export_commands(wcif, workdir, capsys):
    """import-score-sheet is all or nothing: a refused import (unreadable cell) leaves the file byte-identical."""
    rows = sheets.score_rows()
    bad_rows = [list(r) for r in rows]
    bad_rows[3][4] = "四分半"
    bad = sheets.write_xlsx(workdir / "坏 评分表.xlsx", bad_rows, "评分表")
    before = wcif.read_bytes()
    assert main(["import-score-sheet", str(wcif), str(bad)]) == 2
    assert "第4行E列" in _one_error_line(capsys)
    assert wcif.read_bytes() == before
    good = sheets.write_xlsx(workdir / "评分表.xlsx", rows, "评分表")
    assert main(["import-score-sheet", str(wcif), str(good)]) == 0
    assert "7 个指标，各行得分合计 93.50" in capsys.readouterr().out
    after = wcif.read_bytes()
    assert main(["import-score-sheet", str(wcif), str(good)]) == 2  # indicators already there, no --replace
    _one_error_line(capsys)
    assert wcif.read_bytes() == after
    out = workdir / "导出 评分表.xlsx"
    assert main(["export-score-sheet", str(wcif), str(out)]) == 0
    assert main(["check-sheet", str(out)]) in (0, 1)
    assert "93.50" in capsys.readouterr().out
