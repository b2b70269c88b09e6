"""services.tabular: every parsing case as a small spreadsheet built here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.services import tabular as tb


def _statement(path, unit_title="单位：万元"):
    """A statement with a merged title, a unit line, a two-row header and awkward cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收支表"
    ws["A1"] = "工伤保险基金预算执行情况表"
    ws.merge_cells("A1:E1")
    ws["A2"] = "编制单位：某市社会保险事业管理中心"
    ws["E2"] = unit_title
    ws["A3"] = "项目"
    ws.merge_cells("A3:A4")
    ws["B3"] = "预算数"
    ws.merge_cells("B3:C3")
    ws["B4"] = "年初"
    ws["C4"] = "调整后"
    ws["D3"] = "执行数"
    ws.merge_cells("D3:D4")
    ws["E3"] = "执行进度"
    ws.merge_cells("E3:E4")
    rows = [
        ("收入合计", "１２，３８３．１３", 11026.63, 12383.13, 0.5159),
        ("支出合计", "(630.63)", "（1,234.50）", "=SUM(D5:D5)", "51.59%"),
        ("其他收入", "abc", "-", None, "５１．５９％"),
    ]
    for i, row in enumerate(rows, start=5):
        for j, v in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=v)
    ws["E5"].number_format = "0.00%"
    wb.save(path)
    return path


def test_title_rows_two_row_header_merged_and_unit(workdir):
    path = _statement(workdir / "收支 表.xlsx")
    t = tb.read_table(path)
    assert t.sheet == "收支表"
    assert t.header_rows == (3, 4)
    assert [c.name for c in t.columns] == ["项目", "预算数/年初", "预算数/调整后", "执行数", "执行进度"]
    assert t.title_lines[0] == "工伤保险基金预算执行情况表"
    assert t.unit == "万元" and t.unit_source == "title"
    assert [r.number for r in t.rows] == [5, 6, 7]
    assert t.rows[0].text(1) == "收入合计"
    assert t.find_column("调整").letter == "C"
    assert t.find_column("预算", exclude=("调整",)).letter == "B"


def test_merged_cells_filled_down_and_right(workdir):
    path = _statement(workdir / "合并.xlsx")
    g = tb.read_grid(path)
    assert g.cell(1, 5).text == "工伤保险基金预算执行情况表" and g.cell(1, 5).merged
    assert g.cell(4, 1).text == "项目" and g.cell(4, 1).merged  # filled down
    assert g.cell(3, 3).text == "预算数"  # filled right
    assert not g.cell(3, 2).merged


def test_number_parsing_cases(workdir):
    t = tb.read_table(_statement(workdir / "数.xlsx"))
    r5, r6, r7 = t.rows
    assert tb.parse_decimal(r5.cell(2)) == Decimal("12383.13")  # full-width digits and punctuation
    assert tb.parse_decimal(r5.cell(3)) == Decimal("11026.63")  # float cell, exact
    assert tb.parse_decimal(r6.cell(2)) == Decimal("-630.63")  # parentheses negative
    assert tb.parse_decimal(r6.cell(3)) == Decimal("-1234.50")  # full-width parentheses, thousands separator
    assert tb.parse_decimal(r7.cell(3)) is None  # "-" placeholder
    assert tb.parse_decimal(r7.cell(4)) is None  # empty
    with pytest.raises(tb.CellError) as e:
        tb.parse_decimal(r7.cell(2))
    rej = e.value.rejection
    assert (rej.sheet, rej.row, rej.column, rej.value) == ("收支表", 7, "B", "abc")
    assert "不是有效数值" in rej.reason
    assert "第7行B列" in str(rej)


def test_amount_units(workdir):
    t = tb.read_table(_statement(workdir / "万元.xlsx"))
    assert tb.parse_amount(t.rows[0].cell(2), t.unit) == Decimal("123831300.00")
    assert tb.parse_amount(t.rows[0].cell(2), "元") == Decimal("12383.13")
    own = tb.Cell("s", 1, 1, "28600万")
    assert tb.parse_amount(own, "元") == Decimal("286000000.00")
    assert tb.parse_amount(tb.Cell("s", 1, 1, "300元"), "万元") == Decimal("300.00")
    with pytest.raises(tb.CellError, match="单位"):
        tb.parse_amount(tb.Cell("s", 1, 1, "12"), None)


def test_unit_chosen_and_from_header(workdir):
    path = workdir / "元.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "预算数（元）", "执行数（元）"])
    ws.append(["收入合计", 100, 200])
    wb.save(path)
    t = tb.read_table(path)
    assert t.unit == "元" and t.unit_source == "header"
    assert t.columns[1].unit == "元"
    t2 = tb.read_table(path, unit="万元")
    assert t2.unit == "万元" and t2.unit_source == "chosen"
    assert t2.unit_of(t2.columns[1]) == "元"  # the column's own header unit wins
    with pytest.raises(WcifError):
        tb.read_table(path, unit="千元")


def test_percent_cells(workdir):
    t = tb.read_table(_statement(workdir / "百分比.xlsx"))
    assert tb.parse_percent(t.rows[0].cell(5)) == Decimal("51.5900")  # percent-formatted 0.5159
    assert tb.parse_percent(t.rows[1].cell(5)) == Decimal("51.59")  # text
    assert tb.parse_percent(t.rows[2].cell(5)) == Decimal("51.59")  # full-width text
    with pytest.raises(tb.CellError):
        tb.parse_decimal(t.rows[1].cell(5))  # a percentage is not an amount
    with pytest.raises(tb.CellError):
        tb.parse_decimal(t.rows[0].cell(5))


def test_formula_without_cached_value_is_rejected_naming_the_cell(workdir):
    t = tb.read_table(_statement(workdir / "公式.xlsx"))
    cell = t.rows[1].cell(4)
    assert cell.formula == "=SUM(D5:D5)"
    rejections = []
    value, ok = tb.attempt(tb.parse_amount, cell, rejections, "万元")
    assert (value, ok) == (None, False)
    assert rejections[0].ref == "D6" and "公式" in rejections[0].reason
    assert rejections[0].value == "=SUM(D5:D5)"


def test_dates(workdir):
    path = workdir / "日期.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事项", "日期"])
    ws.append(["a", "2021年12月31日"])
    ws.append(["b", dt.datetime(2021, 6, 30)])
    ws.append(["c", "２０２１／１／５"])
    ws.append(["d", "2021年2月30日"])
    ws.append(["e", "明年"])
    wb.save(path)
    t = tb.read_table(path)
    rejections = []
    got = [tb.attempt(tb.parse_date, r.cell(2), rejections) for r in t.rows]
    assert [g[0] for g in got[:3]] == [dt.date(2021, 12, 31), dt.date(2021, 6, 30), dt.date(2021, 1, 5)]
    assert [(r.row, r.column) for r in rejections] == [(5, "B"), (6, "B")]
    with pytest.raises(tb.CellError, match="日期不存在"):
        tb.parse_date(t.rows[3].cell(2))
    with pytest.raises(tb.CellError) as e:
        tb.parse_date(t.rows[4].cell(2))
    assert e.value.rejection.ref == "B6"


def test_csv_gb18030_and_two_row_header(workdir):
    path = workdir / "报表 数据.csv"
    text = "基金收支表,,\n项目,预算数,\n,年初,调整后\n收入合计,\"1,000.50\",（２００）\n"
    path.write_bytes(text.encode("gb18030"))
    t = tb.read_table(path, unit="元")
    assert t.title_lines == ["基金收支表"]
    assert [c.name for c in t.columns] == ["项目", "预算数/年初", "调整后"]
    assert tb.parse_amount(t.rows[0].cell(2), t.unit) == Decimal("1000.50")
    assert tb.parse_amount(t.rows[0].cell(3), t.unit) == Decimal("-200.00")
    assert t.rows[0].number == 4


def test_header_keywords_and_errors(workdir):
    path = workdir / "目标.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "目标表"
    ws.append(["项目名称", "工伤保险基金", "主管部门", "人社局"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "培训场次", "≥1场"])
    wb.save(path)
    t = tb.read_table(path, header_keywords=("三级指标",))
    assert t.header_rows == (2,) and len(t.rows) == 1
    assert tb.sheet_names(path) == ["目标表"]
    with pytest.raises(WcifError, match="没有工作表"):
        tb.read_grid(path, "不存在")
    with pytest.raises(WcifError, match="找不到表头"):
        tb.read_table(path, header_keywords=("绩效标准",))
    with pytest.raises(WcifError, match="找不到"):
        tb.read_grid(workdir / "无此文件.xlsx")
    bad = workdir / "坏.xlsx"
    bad.write_text("not a zip")
    with pytest.raises(WcifError, match="无法读取"):
        tb.read_grid(bad)
    with pytest.raises(WcifError, match=".xls"):
        (workdir / "旧.xls").write_bytes(b"x")
        tb.read_grid(workdir / "旧.xls")


def test_formatted_but_empty_range_is_not_read(workdir):
    path = workdir / "格式.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行数（元）"])
    ws.append(["收入合计", 5])
    ws.cell(row=60000, column=30).number_format = "0.00"  # formatting far below the data
    wb.save(path)
    g = tb.read_grid(path)
    assert (g.n_rows, g.n_cols) == (2, 2)


def test_formula_in_last_cell_is_seen(workdir):
    path = workdir / "末尾公式.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行数（元）"])
    ws.append(["收入合计", 5])
    ws["C3"] = "=B2*2"
    wb.save(path)
    g = tb.read_grid(path)
    assert (g.n_rows, g.n_cols) == (3, 3) and g.cell(3, 3).formula == "=B2*2"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FULL = str.maketrans("0123456789,.()-", "０１２３４５６７８９，．（）－")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       st.booleans(), st.booleans())
def test_parse_decimal_round_trips_printed_amounts(value, full_width, parentheses):
    text = f"{abs(value):,.2f}"
    if value < 0:
        text = f"({text})" if parentheses else f"-{text}"
    if full_width:
        text = text.translate(_FULL)
    assert tb.parse_decimal(tb.Cell("s", 1, 1, text)) == value


def test_misplaced_thousands_separator_rejected_and_yi_yuan(workdir):
    """“12,38” is rejected (not read as 1238); 亿元 in a cell, a title or a header converts to 元 (issue 19)."""
    c = tb.Cell("表", 5, 2, "12,38")
    with pytest.raises(tb.CellError, match="千位分隔符"):
        tb.parse_decimal(c)
    assert tb.parse_decimal(tb.Cell("表", 5, 2, "1,234,567.5")) == Decimal("1234567.5")
    assert tb.parse_decimal(tb.Cell("表", 5, 2, "（1,234）")) == Decimal("-1234")
    assert tb.parse_amount(tb.Cell("表", 5, 2, "2.86亿元"), "万元") == Decimal("286000000.00")
    assert tb.parse_amount(tb.Cell("表", 5, 2, "1.5亿"), None) == Decimal("150000000.00")
    assert tb.parse_amount(tb.Cell("表", 5, 2, 3), "亿元") == Decimal("300000000.00")
    assert tb.detect_unit("单位：亿元") == "亿元" and tb.detect_unit("预算数（亿元）") == "亿元"


def test_date_formats_met_in_real_sheets():
    """Excel serial dates, “2021/12/31 0:00:00”, “20211231”, 二〇二一年十二月三十一日 (issue 19)."""
    want = dt.date(2021, 12, 31)
    for v in (44561, 44561.0, "2021/12/31 0:00:00", "2021-12-31 00:00", "20211231", 20211231, "二〇二一年十二月三十一日",
              "２０２１年１２月３１日"):
        assert tb.parse_date(tb.Cell("表", 2, 3, v)) == want, v
    assert tb.parse_date(tb.Cell("表", 2, 3, "二〇二一年十月一日")) == dt.date(2021, 10, 1)
    for bad in ("20211331", "二〇二一年二月三十日", 12.5, "2021年"):
        with pytest.raises(tb.CellError):
            tb.parse_date(tb.Cell("表", 2, 3, bad))


def test_huge_numbers_rejected_as_out_of_range():
    """1e308 or 10**30 is no amount: one rejection naming the cell (found by the fuzz test: the rounding overflowed)."""
    for v in (1e308, 10 ** 30, "-1" + "0" * 20):
        with pytest.raises(tb.CellError, match="第5行B列：数值超出范围"):
            tb.parse_amount(tb.Cell("表", 5, 2, v), "元")
    with pytest.raises(tb.CellError, match="超出范围"):
        tb.parse_percent(tb.Cell("表", 5, 2, 1e300))
    assert tb.parse_amount(tb.Cell("表", 5, 2, "999,999,999,999.99"), "元") == Decimal("999999999999.99")


def test_native_stderr_of_a_failed_read_is_held_back():
    """What native code writes to fd 2 while calamine reads (a Rust panic note) does not reach the terminal when
    the read fails — the user sees the one-sentence error only; on success it is passed on."""
    import subprocess
    import sys

    code = (
        "import os\n"
        "from wcif_desktop.services.tabular import _native_stderr_kept_back\n"
        "try:\n"
        "    with _native_stderr_kept_back():\n"
        "        os.write(2, b\"thread '<unnamed>' panicked at calamine\\n\")\n"
        "        raise RuntimeError('panic')\n"
        "except RuntimeError:\n"
        "    pass\n"
        "with _native_stderr_kept_back():\n"
        "    os.write(2, b'kept\\n')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert p.returncode == 0, p.stderr
    assert p.stderr == b"kept\n"


def _same_as_read_grid(path, sheet=None):
    """read_sheet_texts gives read_grid(formats=False)'s texts, and its first rows as the same cells."""
    g = tb.read_grid(path, sheet, formats=False)
    st = tb.read_sheet_texts(path, sheet, head_rows=4)
    assert st.sheet == g.sheet
    assert st.texts == [[c.text for c in row] for row in g.cells]
    head = [[(c.row, c.col, c.value, c.merged) for c in row] for row in st.head.cells]
    assert head == [[(c.row, c.col, c.value, c.merged) for c in row] for row in g.cells[:4]]
    assert st.head.merged_ranges == g.merged_ranges
    return st


def test_sheet_texts_are_read_grids_texts(workdir):
    """The survey import's fast read (no cell objects) agrees with read_grid: merged ranges (down and right),
    numbers, whole floats, dates and times, booleans, whitespace, blank rows inside and trailing rows/columns."""
    _same_as_read_grid(_statement(workdir / "合并.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "答卷"
    ws.append(["序号", "时间", "  满意 度 ", None, "布尔"])
    ws.append([1, dt.datetime(2022, 3, 1, 9, 30), "满意", 3.0, True])
    ws.append([2.5, dt.date(2022, 3, 2), "　非常　满意　", 1e16, False])
    ws.append([None, None, None, None, None])
    ws.append([4, dt.datetime(2022, 3, 1), "满意", 0.1, 1])
    ws.merge_cells("C6:D7")
    ws["C6"] = "合并"
    ws["F9"] = "   "  # whitespace only: trimmed away like an empty cell
    path = workdir / "答卷 文本.xlsx"
    wb.save(path)
    st = _same_as_read_grid(path)
    assert st.texts[1][:4] == ["1", "2022-03-01 09:30:00", "满意", "3"]
    assert st.texts[6][2:4] == ["合并", "合并"]
    csv_path = workdir / "答卷.csv"
    csv_path.write_text("序号,答案\n1,满意\n,\n2, 一般 \n", encoding="utf-8-sig")
    _same_as_read_grid(csv_path)


def _precise_extent(body: bytes):
    rows = cols = 0
    for letters, digits, empty in tb._CELL_REF_RE.findall(body):
        if not empty:
            rows, cols = max(rows, int(digits)), max(cols, tb._column_index(letters))
    return rows, cols


@pytest.mark.parametrize("body, usual", [
    (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="T1"><v>2</v></c></row><row r="9"><c r="B9"><v>1</v></c></row>', True),
    (b'<row r="1"><c r="A1"><v>0</v></c></row><row r="2"><c r="AB70000" t="n"><v>1</v></c></row>', True),
    (b'<row r="1"><c r="A1"><v>0</v></c><c r="XFD1048576" s="1"/></row>', False),  # formatting only: ignored
    (b'<row r="1"><c s="1" r="C7"><v>0</v></c></row>', False),  # reference not first
    (b'<x:row r="1"><x:c r="AA3"><x:v>0</x:v></x:c></x:row>', False),  # namespace prefix
    (b'<row r="1"><c\tr="D4"><v>0</v></c></row>', False),
])
def test_the_quick_extent_scan_agrees_with_the_precise_one(body, usual):
    """Cells written the usual way or not (formatting only, attributes reordered, prefixed, tab-separated):
    the literal-led scan gives what the general expression gives."""
    assert len(tb._FAST_CELL_RE.findall(body)) == body.count(b'r="') or not usual
    assert tb._body_extent(body) == _precise_extent(body)


# ----------------------------------------------------------- formats read from the sheet XML (no openpyxl pass)
def _rewrite_sheet(path, fn):
    """Rewrite the first worksheet's XML of an .xlsx with ``fn(bytes) -> bytes`` (layouts openpyxl cannot write)."""
    import io
    import zipfile

    src = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = fn(body)
            dst.writestr(info, body)
    src.close()
    path.write_bytes(out.getvalue())
    return path


def test_custom_and_builtin_percent_formats_are_seen(workdir):
    path = workdir / "百分比 格式.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行进度", "增长", "金额"])
    ws.append(["收入合计", 0.5159, 0.125, 0.5])
    ws["B2"].number_format = "0.0%"  # a custom code
    ws["C2"].number_format = "0%"  # built-in 9
    ws["D2"].number_format = "#,##0.00"  # not a percent
    wb.save(path)
    g = tb.read_grid(path)
    assert g.cell(2, 2).number_format == "0.0%" and tb.parse_percent(g.cell(2, 2)) == Decimal("51.59")
    assert g.cell(2, 3).number_format == "0%" and tb.parse_percent(g.cell(2, 3)) == Decimal("12.5")
    assert g.cell(2, 4).number_format == "General" and tb.parse_decimal(g.cell(2, 4)) == Decimal("0.5")
    with pytest.raises(tb.CellError, match="百分比"):
        tb.parse_decimal(g.cell(2, 2))



def test_literal_percent_sign_in_a_format_is_not_a_percent(workdir):
    """A sign in quotes (``0.00"%"``) or escaped (``0.0\\%``) is shown as written: the number is already in %
    (51.59 shows as 51.59%), Excel does not multiply it by 100; only an unquoted % does (also after a quoted one)."""
    path = workdir / "文字 百分号.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行进度", "增长", "结余率", "覆盖率"])
    ws.append(["收入合计", 51.59, 12.5, 0.25, 0.9168])
    ws["B2"].number_format = '0.00"%"'
    ws["C2"].number_format = "0.0\\%"
    ws["D2"].number_format = '"比率："0%'
    ws["E2"].number_format = '[Red]0.00%;"-"0.00%'
    wb.save(path)
    g = tb.read_grid(path)
    assert "%" not in g.cell(2, 2).number_format and tb.parse_percent(g.cell(2, 2)) == Decimal("51.59")
    assert "%" not in g.cell(2, 3).number_format and tb.parse_percent(g.cell(2, 3)) == Decimal("12.5")
    assert tb.parse_percent(g.cell(2, 4)) == Decimal("25")
    assert tb.parse_percent(g.cell(2, 5)) == Decimal("91.68")


def test_shared_formula_without_values_names_each_cell(workdir):
    """Excel writes a filled-down formula once (``t="shared"``); cells without a saved value show it translated."""
    path = workdir / "共享公式.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "预算数", "执行数", "进度"])
    ws.append(["收入", 100, 50, None])
    ws.append(["支出", 80, 20, None])
    wb.save(path)
    _rewrite_sheet(path, lambda b: b.replace(b'<c r="D2"', b'<c r="D2"><f t="shared" ref="D2:D3" si="0">C2/B2</f>'
                                             b'</c><c r="X2"', 1)
                   .replace(b'<c r="D3"', b'<c r="D3"><f t="shared" si="0"/></c><c r="X3"', 1)
                   if b'<c r="D2"' in b else
                   b.replace(b'</row><row r="3"', b'<c r="D2"><f t="shared" ref="D2:D3" si="0">C2/B2</f></c>'
                             b'</row><row r="3"', 1)
                   .replace(b'</row></sheetData>', b'<c r="D3"><f t="shared" si="0"/></c></row></sheetData>', 1))
    g = tb.read_grid(path)
    assert g.cell(2, 4).formula == "=C2/B2" and g.cell(3, 4).formula == "=C3/B3"
    with pytest.raises(tb.CellError) as e:
        tb.parse_percent(g.cell(3, 4))
    assert e.value.rejection.ref == "D3" and "公式" in e.value.rejection.reason


def test_formula_seen_in_a_sheet_openpyxl_cannot_parse(workdir):
    """A control character (invalid XML) in a text made openpyxl give up on formats; the formula is still seen."""
    path = workdir / "控制字符.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行数"])
    ws.append(["收入", "=SUM(B5:B6)"])
    wb.save(path)
    _rewrite_sheet(path, lambda b: b.replace("项目".encode(), "项目".encode() + b"&#1;", 1)
                   .replace("&#39033;&#30446;".encode(), b"&#39033;&#30446;&#1;", 1))
    g = tb.read_grid(path)
    assert g.cell(2, 2).formula == "=SUM(B5:B6)"
    with pytest.raises(tb.CellError, match="公式"):
        tb.parse_decimal(g.cell(2, 2))


def test_far_cell_found_in_a_small_sheet_part(workdir, monkeypatch):
    """The quick bound is used only when no reference reaches row 1000 or column AAA; otherwise every cell counts."""
    path = workdir / "远处.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "执行数"])
    ws.append(["收入", 5])
    ws["AAB3"] = "远处"
    wb.save(path)
    monkeypatch.setattr(tb, "MAX_COLUMNS", 500)
    with pytest.raises(WcifError, match="到 AAB 列"):
        tb.read_grid(path)
