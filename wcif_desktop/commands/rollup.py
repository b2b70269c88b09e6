"""``wcif-desktop rollup FOLDER|FILES… -o 汇总.xlsx``: roll-up of many evaluation files into one workbook.

Every file is read read-only (services/rollup.py); files that cannot be read are listed with their reason and
never stop the roll-up. Exit codes: 0 workbook written (even when some files were left out, listed on stdout),
2 no input found / nothing readable / workbook not writable, 130 interrupted.
"""

from __future__ import annotations

from pathlib import Path


def register(sub):
    p = sub.add_parser("rollup", help="roll up many evaluation files (folders or files) into one .xlsx workbook")
    p.add_argument("inputs", nargs="+", type=Path, metavar="FOLDER|FILE",
                   help="evaluation files, or folders whose *.wcif files (recursively) are read")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="workbook to write")
    p.add_argument("--no-signatures", action="store_true", help="skip verifying the signatures of kept reports")
    p.set_defaults(handler=run_rollup)


def run_rollup(args) -> int:
    from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
    from ..services.rollup import STATUS_LABELS, rollup, write_workbook

    result = rollup(args.inputs, verify_signatures=not args.no_signatures)
    if not result.evaluations:
        for f in result.refused:
            print(f"  未纳入：{f.path.name}：{f.reason}")
        raise WcifError(QT_TRANSLATE_NOOP("core", "没有可汇总的评价文件（共检查 {count} 个文件）"),
                        count=len(result.refused))
    out = write_workbook(result, args.output)
    print(f"已汇总 {len(result.evaluations)} 个评价文件：{out}")
    for e in result.evaluations:
        history = "" if e.history_ok else "，修改历史不完整或被改动"
        total = "—" if e.total is None else f"{e.total:.2f}"
        print(f"  {e.path.name}：{e.region} {e.fiscal_year} 综合评分 {total}（{e.grade}），"
              f"{STATUS_LABELS[e.status]}{history}")
    if result.refused:
        print(f"未纳入 {len(result.refused)} 个文件：")
        for f in result.refused:
            print(f"  {f.path.name}：{f.reason}")
    return 0
