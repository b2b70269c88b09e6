"""``wcif-desktop import-requests IN.wcif LIST.xlsx [--sheet NAME] [--dry-run] [--json]``.

Imports the agency's request list (资料清单: 编号, 类别, 资料名称, 状态, 说明 — tolerant headers, see
:mod:`wcif_desktop.services.request_sheet`): items whose 编号 is already in the list are updated (status moved
along the allowed changes), the others added. ``--dry-run`` only reports what would change. ``--json`` prints
``{"sheet", "added": [...], "updated": [...], "unchanged": N}``. Exit 0, or 2 with one ``错误：`` line naming the
sheet, row and column of a rejected cell, and nothing changed (the sheet is read before the evaluation is opened).
"""

from __future__ import annotations

import json
from pathlib import Path


def register(sub):
    p = sub.add_parser("import-requests", help="import the request list (资料清单) from the agency's spreadsheet")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("sheet_file", type=Path, help="request list (.xlsx, .xls or .csv)")
    p.add_argument("--sheet", help="worksheet name (default: the first visible sheet)")
    p.add_argument("--dry-run", action="store_true", help="only report what would be imported")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..domain.review import REQUEST_STATUSES
    from ..services import request_sheet as rs

    def moved(i, cur):
        return f"{REQUEST_STATUSES[cur.status]} → {REQUEST_STATUSES[rs.target_status(cur.status, i.status)]}"
    from ..services.evaluation import open_file

    data = rs.read_request_sheet(args.sheet_file, args.sheet)
    rs.check_importable(data)
    with open_file(args.path) as ef:
        pv = rs.preview_requests(ef, data)
        if not args.dry_run:
            rs.import_requests(ef, data)
    out = {"sheet": data.sheet, "dry_run": args.dry_run,
           "added": [{"row": i.row, "code": i.code, "category": i.category, "title": i.title,
                      "status": REQUEST_STATUSES[i.status]} for i in pv.added],
           "updated": [{"row": i.row, "code": cur.code, "title": i.title,
                        "status": moved(i, cur)}
                       for i, cur in pv.updated],
           "unchanged": pv.unchanged}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    verb = "将" if args.dry_run else "已"
    print(f"工作表“{data.sheet}”：{verb}新增 {len(pv.added)} 项，{verb}更新 {len(pv.updated)} 项，"
          f"{pv.unchanged} 项无变化。")
    for i in pv.added:
        print(f"  新增 {i.code or '（自动编号）'} {i.category} {i.title}（{REQUEST_STATUSES[i.status]}）")
    for i, cur in pv.updated:
        print(f"  更新 {cur.code} {i.title}（{moved(i, cur)}）")
    return 0
