"""``wcif-desktop business``, ``import-business`` and ``business-template``: the fund's business data.

- ``business IN.wcif [--year Y] [--json]`` prints the business figures (counts; 元 amounts in 万元), the derived
  rates (coverage, on-time rates, 征缴率, prevention spending against its cap) and where 累计结余可支付月数 falls
  in the rate-cut bands; ``--json``: field names in English, amounts in 元 as text, rates in % as text.
- ``import-business IN.wcif SHEET.xlsx [--sheet NAME] [--year Y]`` imports the agency's 业务数据统计表 (two
  columns: 项目 | 数值); exit 1 when some rows were rejected (the others are imported), 2 for errors.
- ``business-template OUT.xlsx [--from IN.wcif]`` writes the blank template (filled with the file's values
  with ``--from``).
"""

from __future__ import annotations

import json
from pathlib import Path


def register(sub):
    p = sub.add_parser("business", help="print the fund's business data (参保, 工伤认定, 鉴定, 待遇, 预防, 征缴)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--year", type=int, help="fiscal year (default: the evaluated year)")
    p.add_argument("--json", action="store_true", help="JSON output (amounts in 元, rates in %%)")
    p.set_defaults(handler=run_business)

    p = sub.add_parser("import-business", help="import the business data sheet (业务数据统计表, .xlsx/.xls/.csv)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("sheet_file", type=Path, help="spreadsheet (.xlsx, .xls or .csv)")
    p.add_argument("--sheet", help="worksheet name (default: the active sheet)")
    p.add_argument("--year", type=int, help="fiscal year (default: the evaluated year)")
    p.set_defaults(handler=run_import_business)

    p = sub.add_parser("business-template", help="write the blank business data template (.xlsx)")
    p.add_argument("out", type=Path, help="output .xlsx")
    p.add_argument("--from", dest="source", type=Path, help="fill in the values of this evaluation file")
    p.set_defaults(handler=run_template)


def run_business(args) -> int:
    from ..domain.business import FIELDS
    from ..services import business as bs
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        d = bs.business_dict(ef, args.year)
        rec = bs.business(ef, args.year)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    print(f"{d['fiscal_year']}年 工伤保险基金业务数据")
    if rec is None:
        print("（尚未录入业务数据）")
        return 0
    marks = set(d["illustrative"])
    for spec in FIELDS:
        value = bs.display_value(spec, getattr(rec, spec.name))
        print(f"{spec.label}：{value}" + ("（示例值）" if spec.name in marks else ""))
    labels = {"coverage_rate": "参保覆盖率", "acceptance_rate": "工伤认定受理率", "recognition_rate": "工伤认定率",
              "injury_on_time_rate": "工伤认定按时办结率", "appraisal_on_time_rate": "劳动能力鉴定按时完成率",
              "collection_rate": "征缴率（实征÷应征）", "prevention_cap_usage": "工伤预防项目支出占上限比例"}
    print()
    for k, label in labels.items():
        v = d["derived"].get(k)
        print(f"{label}：{'—' if v is None else v + '%'}")
    if d["band"]:
        print(f"{d['band']['text']}（依据：{d['band']['source']}）")
    for p in d["problems"]:
        print("✗ " + p)
    return 0


def run_import_business(args) -> int:
    from ..services import business as bs
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        result = bs.import_business(ef, args.sheet_file, sheet=args.sheet, year=args.year)
    print(f"已导入 {len(result.values)} 项业务数据")
    for s in result.skipped:
        print(f"未识别的行：{s}")
    for r in result.rejected:
        print(f"✗ {r}")
    return 1 if result.rejected else 0


def run_template(args) -> int:
    from ..services import business as bs

    if args.source is not None:
        from ..services.evaluation import open_file

        with open_file(args.source) as ef:
            out = bs.write_template(args.out, ef)
    else:
        out = bs.write_template(args.out)
    print(f"已写出业务数据模板：{out}")
    return 0
