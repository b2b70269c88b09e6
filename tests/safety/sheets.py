"""Sample input sheets in the layouts evaluators receive, and a seeded mutator that damages them.

Seeds (each built with openpyxl, as a real file of that kind is laid out):

- ``finance``: a 社预执行07表-like fund statement (merged title, “单位：元”, thousands separators, percents);
- ``targets``: a national-form 绩效目标表 (title, header block, merged goal cells, 指标性质 column);
- ``survey``: a survey platform export (序号, 提交答卷时间, questions, a free-text column);
- ``score``: an agency score sheet (一级/二级/三级指标, 分值, 得分, 合计).

:func:`mutate_xlsx` and :func:`mutate_csv` apply a few random damages, drawn from a ``random.Random``: hidden and very
hidden sheets, odd/overlapping/huge merged ranges, huge and non-numeric numbers, formulas without a value, control
characters, far cells, long texts; for CSV: encodings, NUL bytes, ragged rows, stray quotes, long rows. Byte-level
damage (truncation, flipped bytes, removed zip members) is applied to some files too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import openpyxl

SURVEY_QUESTIONS = [
    ("您对工伤认定的办理效率是否满意？", "satisfaction"),
    ("您对经办人员的服务态度是否满意？", "satisfaction"),
    ("您是否知道工伤保险浮动费率政策？", "awareness"),
    ("您的意见和建议", "text"),
]


def finance_rows():
    return [
        ["工伤保险基金预算执行情况表"],
        ["编制单位：某市社会保险基金管理中心", None, None, None, None, None, None, "单位：元"],
        ["项目", "2021年预算数", "2021年调整后预算数", "当期执行数", "累计执行数", "上年同期累计执行数",
         "预算执行进度(%)", "比上年同期增长(%)"],
        ["一、期初余额", "694,417,573.66", "694,417,573.66", "640,657,024.29", "694,417,573.66", None, "100.00%",
         "-38.93%"],
        ["二、收入合计", "733,781,967.72", "733,781,967.72", "206,135,874.33", "378,574,361.33", "143,987,121.83",
         "51.59%", "162.92%"],
        ["1.工伤保险费收入", 709841093.00, 709841093.00, 201872098.53, 365973801.79, 139512863.69, 0.5156, "162.32%"],
        ["2.利息收入", "23,940,874.72", "23,940,874.72", "4,141,357.66", "１２，４１０，５９３．７２", "3,379,812.66",
         "51.84%", "267.20%"],
        ["三、支出合计", "895,893,229.30", "895,893,229.30", "215,418,214.12", "441,617,250.49", "316,122,848.17",
         "49.29%", "39.70%"],
        ["编制人：张三"],
    ]


def targets_rows():
    return [
        ["2023年项目支出绩效目标表"],
        ["填报单位：某市工伤保险服务中心"],
        ["项目支出名称", "某市工伤保险基金"],
        ["年度本级预算金额", "28600万"],
        ["年度目标", "一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "指标性质"],
        ["确保各项待遇及时足额支付", "产出指标", "数量指标", "工伤保险参保人数", "≥ 23万人", "计划标准", "定量"],
        [None, None, "质量指标", "待遇核定准确率", "≥ 98%", "计划标准", "定量"],
        [None, None, "时效指标", "待遇支付及时率", "100%", "计划标准", "定量"],
        [None, "效益指标", "社会效益指标", "工伤职工权益保障", "有效保障", "行业标准", "定性"],
        [None, "满意度指标", "服务对象满意度指标", "参保单位满意度", "≥ 90%", "计划标准", "定量"],
    ]


def survey_rows(n: int = 30):
    head = ["序号", "提交答卷时间", "所用时间", "1、您对工伤认定的办理效率是否满意？（单选题）",
            "2、您对经办人员的服务态度是否满意？", "3、您是否知道工伤保险浮动费率政策？", "4、您的意见和建议"]
    sat = ["非常满意", "满意", "一般", "不满意", "非常不满意"]
    rows = [head]
    for i in range(n):
        rows.append([i + 1, dt.datetime(2022, 3, 1, 9, 0) + dt.timedelta(minutes=i), f"{60 + i}秒", sat[i % 5],
                     sat[(i * 3) % 5], "知道" if i % 3 else "不知道", "办事快" if i % 4 == 0 else None])
    return rows


def score_rows():
    return [
        ["某市工伤保险基金绩效评价指标体系评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
        ["决策", "项目立项", "立项依据充分性", 5, 5, None],
        [None, None, "立项程序规范性", 5, 4, "程序文件不全"],
        [None, "绩效目标", "绩效目标合理性", 5, 5, None],
        ["过程", "资金管理", "预算执行率", 10, 9.5, "执行率95%"],
        [None, None, "资金使用合规性", 10, 10, None],
        ["产出", "产出数量", "参保人数", 15, 15, None],
        ["效益", "满意度", "服务对象满意度", 50, 45, "满意度90%"],
        ["合计", None, None, 100, 93.5, None],
    ]


SEEDS = {"finance": finance_rows, "targets": targets_rows, "survey": survey_rows, "score": score_rows}


def write_xlsx(path: Path, rows, title="Sheet1", merges=()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(list(r))
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def write_csv(path: Path, rows, encoding="utf-8-sig") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    for r in rows:
        w.writerow(["" if v is None else (v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else v)
                    for v in r])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


SEED_MERGES = {"finance": ("A1:H1",), "targets": ("A1:G1", "A2:G2", "B3:G3", "B4:G4", "A6:A10", "B6:B8"),
               "survey": (), "score": ("A1:F1", "A3:A5", "B3:B4", "A6:A7", "B6:B7")}

# ------------------------------------------------------------------------------------------- mutations
_CONTROL = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
_ODD_VALUES = [
    1e308, -1e308, 10 ** 30, -(10 ** 20), 0.1 + 0.2, 1e-300, "1e400", "NaN", "inf", "１２，３８", "12,38", "(−5)",
    "（（1））", "%", "%%", "—", "", " ", "\u3000", "=", "=1/0", "#DIV/0!", "#REF!", True, False,
    dt.datetime(1900, 1, 1), dt.date(9999, 12, 31), dt.time(12, 30), "2021年2月30日", "万元", "亿元", "5分",
    "非常满意" * 50, "x" * 40_000, "\u202e反向文字", "😀", "\ufeff", "零", "-0", "+", "1,2,3", "0x1F",
]


def _rand_value(rng: random.Random):
    choice = rng.random()
    if choice < 0.6:
        return rng.choice(_ODD_VALUES)
    if choice < 0.8:
        n = rng.randint(1, 30)
        return "".join(rng.choice(_CONTROL + "abc满意１２,.%()（）") for _ in range(n))
    return rng.uniform(-1e12, 1e12)


def _safe_for_openpyxl(v):
    """openpyxl refuses control characters in strings; they are injected at XML level instead."""
    if isinstance(v, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", v)
    return v


def mutate_xlsx(seed_rows, merges, path: Path, rng: random.Random) -> Path:
    """Write the seed sheet with a few random damages (see the module docstring)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = rng.choice(["Sheet1", "数据", "答卷数据", " 空格 ", "'引号'", "x" * 31])
    rows = [list(r) for r in seed_rows]
    for _ in range(rng.randint(0, 3)):  # drop, duplicate, or widen rows
        op = rng.random()
        if op < 0.3 and len(rows) > 1:
            del rows[rng.randrange(len(rows))]
        elif op < 0.6 and rows:
            rows.insert(rng.randrange(len(rows)), list(rng.choice(rows)))
        elif rows:
            rows[rng.randrange(len(rows))].extend(_rand_value(rng) for _ in range(rng.randint(1, 5)))
    for r in rows:
        ws.append([_safe_for_openpyxl(v) for v in r])
    n_rows, n_cols = max(ws.max_row, 1), max(ws.max_column, 1)
    for _ in range(rng.randint(1, 6)):  # odd cell values
        ws.cell(rng.randint(1, n_rows + 2), rng.randint(1, n_cols + 1), _safe_for_openpyxl(_rand_value(rng)))
    if rng.random() < 0.3:  # formulas without a cached value
        for _ in range(rng.randint(1, 3)):
            ws.cell(rng.randint(1, n_rows), rng.randint(1, n_cols),
                    rng.choice(["=SUM(A1:A3)", "=1/0", "=A1&B1", "=INDIRECT(\"XFD1048576\")", "=NOW()"]))
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 2)):
            c = ws.cell(rng.randint(1, n_rows), rng.randint(2, n_cols + 1))
            c.number_format = rng.choice(["0.00%", "0%", "yyyy-mm-dd", "@", "#,##0.00"])
    m = list(merges) if rng.random() < 0.7 else []
    if rng.random() < 0.5:  # odd merged ranges: random, overlapping, huge, beyond the data
        for _ in range(rng.randint(1, 4)):
            r0, c0 = rng.randint(1, n_rows + 3), rng.randint(1, n_cols + 2)
            kind = rng.random()
            if kind < 0.15:
                r1, c1 = 1_048_576, 16_384
            elif kind < 0.3:
                r1, c1 = r0 + rng.randint(0, 5000), c0
            else:
                r1, c1 = r0 + rng.randint(0, 4), c0 + rng.randint(0, 4)
            m.append(f"{openpyxl.utils.get_column_letter(c0)}{r0}:{openpyxl.utils.get_column_letter(c1)}{r1}")
    raw_merges = []  # openpyxl would create a MergedCell per covered cell: big ranges go in at XML level
    for rng_text in m:
        (c0, r0, c1, r1) = openpyxl.utils.cell.range_boundaries(rng_text)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > 2000:
            raw_merges.append(rng_text)
            continue
        try:
            ws.merge_cells(rng_text)
        except (ValueError, TypeError):
            pass
    if rng.random() < 0.1:  # a stray cell far away
        ws.cell(rng.choice([1, 50_000, 1_048_576]), rng.choice([1, 5_000, 16_384]), "远处")
    if rng.random() < 0.35:  # hidden / very hidden sheets, with or without a visible decoy
        state = rng.choice(["hidden", "veryHidden"])
        decoy = wb.create_sheet("说明", 0 if rng.random() < 0.5 else None)
        decoy["A1"] = "本表为导出说明"
        if rng.random() < 0.5:
            ws.sheet_state = state
        else:
            hidden = wb.create_sheet("隐藏")
            hidden.sheet_state = state
            hidden["A1"] = "隐藏内容"
        if all(s.sheet_state != "visible" for s in wb.worksheets):
            decoy.sheet_state = "visible"
        wb.active = [s.sheet_state for s in wb.worksheets].index("visible")
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    if raw_merges:
        data = _inject_merges(data, ws.title, wb.sheetnames.index(ws.title), raw_merges)
    if rng.random() < 0.2:
        data = _inject_control_chars(data, rng)
    if rng.random() < 0.12:
        data = _damage_bytes(data, rng, zipped=True)
    path.write_bytes(data)
    return path


def _inject_merges(data: bytes, title: str, index: int, ranges) -> bytes:
    """Add ``<mergeCell ref=…/>`` elements to the sheet's XML (after sheetData, where Excel puts them)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    part = f"xl/worksheets/sheet{index + 1}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                refs = b"".join(b'<mergeCell ref="%s"/>' % r.encode() for r in ranges)
                if b"<mergeCells" in body:
                    body = body.replace(b"</mergeCells>", refs + b"</mergeCells>", 1)
                else:
                    body = body.replace(b"</sheetData>", b"</sheetData><mergeCells>" + refs + b"</mergeCells>", 1)
                    body = body.replace(b"<sheetData/>", b"<sheetData/><mergeCells>" + refs + b"</mergeCells>", 1)
            dst.writestr(info, body)
    return out.getvalue()


def _inject_control_chars(data: bytes, rng: random.Random) -> bytes:
    """Control characters in cell texts at XML level (Excel's _xHHHH_ escapes, and raw invalid bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/") or info.filename == "xl/sharedStrings.xml":
                for _ in range(rng.randint(1, 3)):
                    i = body.find(b"<t>") if rng.random() < 0.5 else body.find(b"<t ")
                    if i < 0:
                        break
                    j = body.find(b">", i) + 1
                    payload = rng.choice([b"_x0001__x001F_", b"\x01\x02", b"&#1;", b"\x00", b"_x000D_\r\n"])
                    body = body[:j] + payload + body[j:]
            dst.writestr(info, body)
    return out.getvalue()


def _damage_bytes(data: bytes, rng: random.Random, zipped: bool) -> bytes:
    op = rng.random()
    if op < 0.3:
        return data[: rng.randint(0, max(len(data) - 1, 0))]
    if op < 0.6 or not zipped:
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    drop = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != drop:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def mutate_csv(seed_rows, path: Path, rng: random.Random) -> Path:
    """Write the seed sheet as CSV with a few random damages (see the module docstring)."""
    rows = [["" if v is None else (v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else str(v))
             for v in r] for r in seed_rows]
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        if op < 0.25 and rows:  # ragged
            r = rows[rng.randrange(len(rows))]
            if r and rng.random() < 0.5:
                del r[rng.randrange(len(r)):]
            else:
                r.extend(str(_rand_value(rng)) for _ in range(rng.randint(1, 8)))
        elif op < 0.45 and rows:
            r = rows[rng.randrange(len(rows))]
            if r:
                r[rng.randrange(len(r))] = str(_rand_value(rng))
        elif op < 0.55:
            rows.append(["x"] * rng.choice([2_000, 20_000]))  # a very long row
        elif op < 0.65 and rows:
            rows[rng.randrange(len(rows))].append("长" * rng.choice([40_000, 200_000]))
        elif op < 0.75:
            rows.insert(rng.randrange(len(rows) + 1), [])
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=rng.choice([",", ",", ";", "\t"]))
    for r in rows:
        w.writerow(r)
    text = buf.getvalue()
    if rng.random() < 0.2:
        text = text.replace("\r\n", rng.choice(["\r", "\n", "\n\r"]))
    if rng.random() < 0.15:  # a stray quote
        i = rng.randrange(len(text) + 1)
        text = text[:i] + '"' + text[i:]
    enc = rng.choice(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5", "latin-1"])
    data = text.encode(enc, errors="replace") if enc != "latin-1" else text.encode("utf-8")[::-1]
    if rng.random() < 0.2:  # NUL bytes
        b = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            b.insert(rng.randrange(len(b) + 1), 0)
        data = bytes(b)
    if rng.random() < 0.1:
        data = _damage_bytes(data, rng, zipped=False)
    if rng.random() < 0.03:
        data = b""
    path.write_bytes(data)
    return path
