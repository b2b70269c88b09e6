"""``wcif-desktop score IN.wcif [--json]`` and ``wcif-desktop check-sheet SHEET.xlsx [--json]``.

``score`` prints every indicator (code, name, weight, score, deduction reason), the subtotals per dimension
(level-1 indicator), the total and the grade (the evaluation's own grade bands). ``--json`` prints one object
``{"indicators": [...], "dimensions": [...], "total": "82.33", "grade": "良"}``; numbers are strings with two
decimals, an unscored indicator has ``"score": null``.

``check-sheet`` reads a filled score sheet and reports its rows, the recomputed total, the stated total and any
mismatch. Exit codes: 0 consistent, 1 the stated totals disagree with the rows (or another cross-footing
problem), 2 the sheet cannot be read.

``import-score-sheet IN.wcif SHEET.xlsx [--sheet NAME] [--framework] [--replace]`` imports the sheet's indicators
(with their scores unless ``--framework``) in one transaction: exit 0, or 2 with one ``错误：`` line and nothing
changed (unreadable cells, indicators already there without ``--replace``, locked evaluation, rows that score a
level-1/2 group of a deeper framework instead of a leaf — a 一级指标 | 分值 | 得分 self-evaluation form: each such
group is first compared with the evaluation on a ``核对：`` line, its weight and the sum of its leaf scores or how
many are unscored).
``export-score-sheet IN.wcif OUT.xlsx`` writes the evaluation's score sheet. Exit 0, or 2.

``grade-bands IN.wcif [--set 优=90,良=80,中=60] [--json]`` prints the evaluation's grade bands (等级划分: grade,
lower bound inclusive, in points) with the total and grade they give; ``--set`` replaces them (listed from high to
low; the band from 0, e.g. 差, is kept when not named). ``--json``: ``{"bands": [{"grade": "优", "from": "90.00"},
…], "sentence": "90（含）-100分为优、…", "total": "82.33", "grade": "良"}``. Exit 0, or 2 with one ``错误：`` line
(bounds not descending, outside 0–100, not a number) and nothing changed.
"""

from __future__ import annotations

import json
from pathlib import Path


def register(sub):
    p = sub.add_parser("score", help="print the score sheet of an evaluation (indicators, subtotals, total, grade)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--json", action="store_true", help="one JSON object with indicators, dimensions, total, grade")
    p.set_defaults(handler=run_score)

    c = sub.add_parser("check-sheet", help="cross-foot a filled score sheet (.xlsx, .xls or .csv): totals, 小计, 扣分, stated grade")
    c.add_argument("path", type=Path, help="score sheet (.xlsx, .xls or .csv)")
    c.add_argument("--sheet", help="worksheet name (default: the active sheet)")
    c.add_argument("--json", action="store_true", help="print the result as JSON")
    c.set_defaults(handler=run_check_sheet, error_exit_code=2)

    i = sub.add_parser("import-score-sheet", help="import a score sheet (.xlsx/.xls/.csv) into the indicator tree")
    i.add_argument("path", type=Path, help="evaluation file (.wcif)")
    i.add_argument("sheet_file", type=Path, help="score sheet (.xlsx, .xls or .csv)")
    i.add_argument("--sheet", help="worksheet name (default: the first visible sheet)")
    i.add_argument("--framework", action="store_true", help="import the indicators and weights only, no scores")
    i.add_argument("--replace", action="store_true", help="replace the indicators already in the evaluation")
    i.set_defaults(handler=run_import_score_sheet)

    e = sub.add_parser("export-score-sheet", help="write the evaluation's score sheet to an .xlsx file")
    e.add_argument("path", type=Path, help="evaluation file (.wcif)")
    e.add_argument("out", type=Path, help="output file (.xlsx)")
    e.set_defaults(handler=run_export_score_sheet)

    g = sub.add_parser("grade-bands", help="print or set the evaluation's grade bands (等级划分)")
    g.add_argument("path", type=Path, help="evaluation file (.wcif)")
    g.add_argument("--set", dest="bands", metavar="优=90,良=80,中=60",
                   help="new bands from high to low: grade=lower bound (points, inclusive)")
    g.add_argument("--json", action="store_true", help="print the bands as JSON")
    g.set_defaults(handler=run_grade_bands)


def _s(value) -> str | None:
    from ..domain.money import round2

    return None if value is None else f"{round2(value):.2f}"


def score_report(ef) -> dict:
    """The ``score --json`` object of an open evaluation file."""
    from ..domain.fields import field_values, fill
    from ..services.evaluation import load_snapshot
    from ..services.scoring import score_sheet

    sheet = score_sheet(ef)
    values = field_values(load_snapshot(ef))
    subtotals = sheet.node_scores()
    indicators = []
    for root in sheet.roots:
        for node in root.walk():
            ind = node.indicator
            indicators.append({
                "code": ind.code, "name": ind.name, "level": ind.level, "weight": _s(ind.weight),
                "score": _s(subtotals[ind.id]), "reason": fill(ind.deduction_reason, values) if node.is_leaf else "",
            })
    dimensions = [{"name": name, "weight": _s(w), "score": _s(s)} for name, w, s in sheet.dimension_scores()]
    return {"indicators": indicators, "dimensions": dimensions, "total": _s(sheet.total()), "grade": sheet.grade()}


def run_score(args) -> int:
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        report = score_report(ef)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for ind in report["indicators"]:
        indent = "  " * (ind["level"] - 1)
        score = ind["score"] if ind["score"] is not None else "—"
        line = f"{indent}{ind['code']} {ind['name']}  分值 {ind['weight']}  得分 {score}"
        if ind["reason"]:
            line += f"  扣分原因：{ind['reason']}"
        print(line)
    print()
    print("分维度得分：")
    for d in report["dimensions"]:
        print(f"  {d['name']}  {d['score']} / {d['weight']}")
    print(f"综合评分：{report['total']}  评级：{report['grade']}")
    return 0


def run_check_sheet(args) -> int:
    from ..services.score_sheet import read_score_sheet

    data = read_score_sheet(args.path, args.sheet)
    problems = data.crossfoot()
    if args.json:
        print(json.dumps(data.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"工作表：{data.sheet}（{len(data.rows)} 行指标{'，分值按百分比' if data.weights_as_percent else ''}）")
        for r in data.rows:
            score = _s(r.score) if r.score is not None else "—"
            print(f"  第{r.row}行 {' / '.join(r.path)}  分值 {_s(r.weight)}  得分 {score}")
        stated = _s(data.stated_total) if data.stated_total is not None else "（未列明）"
        print(f"各行得分合计：{_s(data.recomputed_total())}  表中合计：{stated}")
        for p in problems:
            print(f"不一致：{p}")
        if not problems:
            print("核对一致。")
    return 1 if problems else 0


def run_import_score_sheet(args) -> int:
    from ..services.evaluation import open_file
    from ..services.score_sheet import group_notes, group_rows, import_score_sheet, read_score_sheet

    data = read_score_sheet(args.sheet_file, args.sheet)  # read (and refused) before the file is opened
    with open_file(args.path) as ef:
        for p in group_notes(data, group_rows(ef, data, not args.framework)):  # group scores: checked, not imported
            print(f"核对：{p}")
        import_score_sheet(ef, args.sheet_file, sheet=args.sheet, with_scores=not args.framework,
                           replace=args.replace)
    print(f"已导入评分表“{data.sheet}”：{len(data.rows)} 个指标" + ("（仅指标与分值）" if args.framework else
                                                             f"，各行得分合计 {_s(data.recomputed_total())}"))
    for p in data.crossfoot():
        print(f"注意：{p}")
    return 0


def run_export_score_sheet(args) -> int:
    from ..services.evaluation import open_file
    from ..services.score_sheet import export_score_sheet

    with open_file(args.path) as ef:
        out = export_score_sheet(ef, args.out)
    print(f"已写出评分表：{out}")
    return 0


def run_grade_bands(args) -> int:
    from ..domain.scoring import bands_sentence, parse_bands_text
    from ..services import scoring
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        if args.bands is not None:
            scoring.set_grade_bands(ef, parse_bands_text(args.bands, scoring.grade_bands(ef)))
        bands = scoring.grade_bands(ef)
        sheet = scoring.score_sheet(ef)
        total, grade = sheet.total(), sheet.grade()
    out = {"bands": [{"grade": name, "from": _s(lo)} for lo, name in bands], "sentence": bands_sentence(bands),
           "total": _s(total), "grade": grade}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if args.bands is not None:
        print("已修改等级划分。")
    print(f"等级划分：{out['sentence']}")
    print(f"综合评分：{out['total']}  评级：{out['grade']}")
    return 0
