"""``wcif-desktop set-facts IN.wcif [--project-name NAME] [--fund-name …] [--region …] [--year …] … [--json]``.

Prints the evaluation's facts (评价基本信息) after changing the ones given. ``--project-name`` is the name every
deliverable's title uses (``2021 年{项目名称}绩效评价报告``, work plan, request list …). Exit 0, or 2 with one
``错误：`` line (blank project name, a year or date that is not one, locked evaluation) and nothing changed.
"""

from __future__ import annotations

import json
from pathlib import Path

OPTIONS = (("project_name", "--project-name", "project name used in every document's title (项目名称)"),
           ("fund_name", "--fund-name", "fund name (基金名称)"),
           ("title", "--title", "evaluation title (评价项目名称)"),
           ("region", "--region", "region (地区)"),
           ("fiscal_year", "--year", "fiscal year evaluated"),
           ("commissioner", "--commissioner", "commissioning body (委托单位)"),
           ("evaluated_unit", "--evaluated-unit", "evaluated unit (被评价单位)"),
           ("agency", "--agency", "evaluation agency (评价机构)"),
           ("report_date", "--report-date", "report date, YYYY-MM-DD"))
LABELS = {"title": "评价项目名称", "project_name": "报告中的项目名称", "fund_name": "基金名称", "region": "地区",
          "fiscal_year": "评价年度", "commissioner": "委托单位", "evaluated_unit": "被评价单位", "agency": "评价机构",
          "report_date": "报告日期"}


def register(sub):
    p = sub.add_parser("set-facts", help="print or change the evaluation's facts (project name, region, year …)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    for dest, flag, help_text in OPTIONS:
        p.add_argument(flag, dest=dest, help=help_text)
    p.add_argument("--json", action="store_true", help="print the facts as JSON")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..services import facts
    from ..services.evaluation import open_file

    fields = {dest: getattr(args, dest) for dest, _, _ in OPTIONS if getattr(args, dest) is not None}
    with open_file(args.path) as ef:
        if fields:
            facts.set_facts(ef, **fields)
        out = facts.facts(ef)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if fields:
        print("已修改：" + "、".join(LABELS[k] for k in fields))
    for k, v in out.items():
        print(f"{LABELS[k]}：{v if v not in (None, 0) else '—'}")
    return 0
