"""``wcif-desktop finance``, ``import-finance`` and ``import-targets``: fund figures and spreadsheet imports.

- ``finance IN.wcif [--year Y] [--json] [--prevention-cap RATE [--prevention-cap-basis TEXT]]`` prints the
  statement lines and every derived value (text: amounts in 万元; JSON: keys in English, amounts in 元 as
  strings with two decimals, rates in % as strings); ``--prevention-cap`` first saves the province's cap.
- ``import-finance IN.wcif SHEET.xlsx [--sheet NAME] [--unit 元|万元] [--year Y] [--dry-run] [--json]`` imports
  a fund statement; ``--dry-run`` only reports what would be imported and every rejected cell. Exit code 0
  when everything was accepted, 1 when some cells were rejected (the accepted ones are still imported unless
  ``--dry-run``), 2 for errors.
- ``import-targets IN.wcif TABLE.xlsx [--sheet NAME] [--version declared|refined] [--replace] [--dry-run]``
  imports a 绩效目标表.
- ``targets IN.wcif [--json]`` lists the declared and the refined targets: dimension, name, comparator, value,
  unit, actual, completion (as stored, else judged by :func:`~wcif_desktop.domain.targets.evaluate_completion`)
  and its rate in %. Exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path


def register(sub):
    p = sub.add_parser("finance", help="print the fund statement lines and derived values (rates, checks)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--year", type=int, help="fiscal year (default: the evaluated year)")
    p.add_argument("--json", action="store_true", help="JSON output (amounts in 元, rates in %%)")
    p.add_argument("--prevention-cap", metavar="RATE",
                   help="set the 工伤预防费 cap in %% of last year's premium income (default 3) before printing")
    p.add_argument("--prevention-cap-basis", metavar="TEXT", help="the rule or approval behind the cap")
    p.set_defaults(handler=run_finance)

    p = sub.add_parser("import-finance", help="import a fund statement from .xlsx/.xls/.csv")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("sheet_file", type=Path, help="spreadsheet (.xlsx, .xls or .csv)")
    p.add_argument("--sheet", help="worksheet name (default: the active sheet)")
    p.add_argument("--unit", choices=["元", "万元", "亿元"], help="unit of the amounts (default: detected)")
    p.add_argument("--year", type=int, help="fiscal year of the amounts (default: the evaluated year)")
    p.add_argument("--dry-run", action="store_true", help="only report what would be imported")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=run_import_finance)

    p = sub.add_parser("import-targets", help="import a performance-target table (绩效目标表) from .xlsx/.xls/.csv")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("sheet_file", type=Path, help="spreadsheet (.xlsx, .xls or .csv)")
    p.add_argument("--sheet", help="worksheet name (default: the active sheet)")
    p.add_argument("--version", choices=["declared", "refined"], default="declared",
                   help="declared (单位申报, default) or refined (评价组细化)")
    p.add_argument("--replace", action="store_true", help="replace the existing rows of that version")
    p.add_argument("--dry-run", action="store_true", help="only report what would be imported")
    p.set_defaults(handler=run_import_targets)

    p = sub.add_parser("targets", help="list the declared and refined targets (comparator, value, actual, completion)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(handler=run_targets)


def _wan(v) -> str:
    from ..domain.money import fmt_wan

    return "—" if v is None else fmt_wan(v)


def _pct(v) -> str:
    from ..domain.money import fmt_pct

    return fmt_pct(v)


def run_finance(args) -> int:
    from ..services import finance as fin
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        changes = {}
        if args.prevention_cap is not None:
            changes["prevention_cap_rate"] = args.prevention_cap
        if args.prevention_cap_basis is not None:
            changes["prevention_cap_basis"] = args.prevention_cap_basis
        if changes:
            fin.set_settings(ef, **changes)
        if args.json:
            print(json.dumps(fin.finance_dict(ef, args.year), ensure_ascii=False, indent=2))
            return 0
        a = fin.analysis(ef, args.year)
    s = a.summary
    print(f"{a.year}年 工伤保险基金收支（万元）")
    print(f"{'行次':<16}{'预算数':>16}{'调整后预算数':>14}{'执行数':>16}{'执行率':>10}{'偏差率':>10}{'同比':>10}")
    for f in a.lines:
        ln = f.line
        indent = "  " if ln.parent_code else ""
        print(f"{indent + ln.name:<16}{_wan(ln.budget):>18}{_wan(ln.adjusted_budget):>18}{_wan(ln.actual):>19}"
              f"{_pct(f.execution_rate):>12}{_pct(f.deviation_rate):>11}{_pct(f.growth_rate):>11}")
    source = {"line": "表中期初余额", "previous_year": "上年年末滚存结余", "implied": "由年末结余倒推"}.get(
        a.opening_source, "—")
    p = a.prevention
    rows = [
        ("收入预算执行率", _pct(s.income_execution_rate)),
        ("支出预算执行率", _pct(s.expenditure_execution_rate)),
        ("收入预算偏差率", _pct(s.income_deviation_rate)),
        ("支出预算偏差率", _pct(s.expenditure_deviation_rate)),
        ("当年收支结余（万元）", _wan(s.current_year_result)),
        (f"期初余额（万元，{source}）", _wan(a.opening_balance)),
        ("年末滚存结余（万元）", _wan(s.year_end_balance)),
        ("累计结余可支付月数", "—" if s.coverage_months is None else f"{s.coverage_months:.2f}"),
        ("收入同比增长率", _pct(a.income_growth_rate)),
        ("支出同比增长率", _pct(a.expenditure_growth_rate)),
        ("结余同比增长率", _pct(a.balance_growth_rate)),
        (f"工伤预防费上限（{p.cap_rate}% × 上年工伤保险费收入，万元）", _wan(p.cap)),
        ("工伤预防费占上年工伤保险费收入", _pct(p.share)),
    ]
    print()
    for label, value in rows:
        print(f"{label}：{value}")
    print()
    if a.roll_forward is None:
        print("滚存核对：期初余额由年末结余倒推，无法核对" if a.opening_source == "implied"
              else "滚存核对：缺少期初余额或收支数据，无法核对")
    for c in a.checks:
        print(("✓ " if c.ok else "✗ ") + c.message)
    return 0


def run_import_finance(args) -> int:
    from ..services import finance as fin
    from ..services.evaluation import evaluation, open_file

    with open_file(args.path) as ef:
        year = args.year or evaluation(ef).fiscal_year
        plan = fin.plan_statement_import(args.sheet_file, sheet=args.sheet, unit=args.unit, year=year)
        written = False
        if not args.dry_run and plan.lines:
            fin.apply_statement_import(ef, plan)
            written = True
    if args.json:
        print(json.dumps({
            "dry_run": args.dry_run, "written": written, "sheet": plan.sheet, "unit": plan.unit,
            "unit_source": plan.unit_source,
            "mapping": {f"{c}": {"field": t.field, "fiscal_year": t.year} for c, t in plan.mapping.items()},
            "lines": [{"row": pl.row, "label": pl.label, "code": pl.code,
                       "values": [{"field": t.field, "fiscal_year": t.year, "amount": f"{v:.2f}"}
                                  for t, v in pl.values.items()]} for pl in plan.lines],
            "rejected": [r.as_dict() for r in plan.rejections],
            "skipped": [{"row": s.row, "label": s.label, "reason": s.reason} for s in plan.skipped],
        }, ensure_ascii=False, indent=2))
    else:
        print(plan.describe())
        for pl in plan.lines:
            vals = "，".join(f"{t.label()} {_wan(v)}万元" for t, v in pl.values.items())
            print(f"  第{pl.row}行 {pl.label} → {pl.code}：{vals}")
        for r in plan.rejections:
            print(f"  拒绝：{r}")
        for s in plan.skipped:
            print(f"  跳过：{s}")
        if args.dry_run:
            print("试运行（--dry-run）：未写入任何数据")
        elif written:
            print(f"已导入 {len(plan.lines)} 行到 {args.path}")
        else:
            print("没有可导入的数据，未写入")
    return 1 if plan.rejections else 0


def run_import_targets(args) -> int:
    from ..services import targets as tg
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        plan = tg.plan_target_import(args.sheet_file, sheet=args.sheet, version=args.version)
        if not args.dry_run and plan.indicators:
            tg.apply_target_import(ef, plan, replace=args.replace)
    print(plan.describe())
    for t in plan.indicators:
        parts = [f"{t.comparator} {t.value}{t.unit}" if t.comparator else "定性", t.standard, t.kind]
        print(f"  {t.dimension}/{t.subdimension} {t.name}：{t.target_text}（{'，'.join(x for x in parts if x)}）")
    for r in plan.rejections:
        print(f"  拒绝：{r}")
    print("试运行（--dry-run）：未写入任何数据" if args.dry_run else f"已导入到 {args.path}")
    return 1 if plan.rejections else 0


def run_targets(args) -> int:
    from ..domain.model import TargetIndicator
    from ..domain.targets import evaluate_completion
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        rows = sorted(ef.records(TargetIndicator), key=lambda t: (t.version != "declared", t.sort_order))
    out = []
    for t in rows:
        judged = evaluate_completion(t)
        out.append({"version": t.version, "dimension": t.dimension, "subdimension": t.subdimension, "name": t.name,
                    "comparator": t.comparator, "value": t.value, "unit": t.unit, "kind": t.kind,
                    "target_text": t.target_text, "actual": t.actual,
                    "completion": t.completion or judged.status,
                    "rate": None if judged.rate is None else f"{judged.rate:.2f}", "note": judged.note})
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not out:
        print("评价文件中还没有绩效目标")
        return 0
    for version, label in (("declared", "申报的绩效目标"), ("refined", "评价组细化的绩效目标")):
        part = [r for r in out if r["version"] == version]
        if not part:
            continue
        print(f"{label}（{len(part)} 项）")
        for r in part:
            target = f"{r['comparator'] or '定性'} {r['value']}{r['unit']}".strip()
            rate = f"，完成率 {r['rate']}%" if r["rate"] is not None else ""
            print(f"  {r['dimension']}/{r['subdimension']} {r['name']}：目标 {target}；实际 {r['actual'] or '—'}；"
                  f"{r['completion'] or '未判断'}{rate}")
    return 0
