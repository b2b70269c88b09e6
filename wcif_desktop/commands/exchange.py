"""``wcif-desktop export``, ``import`` and ``verify-history``: exchanging evaluation files between laptops.

Exit codes: ``export`` 0 written, 2 refused/failed; ``import`` 0 merged, 3 merged but conflicts remain (listed),
2 refused (reason printed, nothing changed); ``verify-history`` 0 intact, 1 altered, 2 not an evaluation file.

``verify-history`` checks the history's hash chain against the anchor the file keeps (length and last hash), every
record against the version the program last wrote (records changed outside the program are listed), every
evidence content against its SHA-256, and with ``--against`` that the history still holds what a report or an
export recorded.
"""

from __future__ import annotations

from pathlib import Path


def register(sub):
    p = sub.add_parser("export", help="export the evaluation (or one member's work package) to a single file")
    p.add_argument("src", type=Path, metavar="IN.wcif", help="evaluation file")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.wcif", help="file to write")
    p.add_argument("--member", metavar="NAME", help="only this team member's work package (name or id)")
    p.add_argument("--password-file", type=Path, metavar="F", help="encrypt with the password in this file")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import", help="check a file from another laptop and merge it into an evaluation")
    p.add_argument("into", type=Path, metavar="INTO.wcif", help="evaluation file to merge into")
    p.add_argument("src", type=Path, metavar="FROM.wcif", help="file to import")
    p.add_argument("--password-file", type=Path, metavar="F", help="password of an encrypted file")
    p.set_defaults(handler=run_import)

    p = sub.add_parser("verify-history", help="check an evaluation file's history, records and evidence")
    p.add_argument("path", type=Path, metavar="FILE.wcif")
    p.add_argument("--against", type=Path, action="append", default=[], metavar="REPORT.pdf|EXPORT.wcif",
                   help="a report or export of this evaluation whose recorded history the file must still hold")
    p.set_defaults(handler=run_verify_history)


def _password(args) -> str | None:
    from ..services.crypto import read_password_file

    return read_password_file(args.password_file) if args.password_file else None


def run_export(args) -> int:
    from ..services.exchange import export_evaluation

    res = export_evaluation(args.src, args.output, member=args.member, password=_password(args))
    what = f"成员“{args.member}”的工作包" if args.member else "整个评价"
    enc = "（已加密）" if res.encrypted else ""
    print(f"已导出{what}{enc}：{res.path}（{res.size:,} 字节）")
    for note in res.notes:
        print(f"  {note}")
    return 0


def run_import(args) -> int:
    from ..services.evaluation import open_file
    from ..services.exchange import import_file
    from ..services.merge import list_conflicts

    password = _password(args)
    ef = open_file(args.into)
    try:
        report = import_file(ef, args.src, password=password)
        for line in report.lines():
            print(line)
        conflicts = list_conflicts(ef)
        if not conflicts:
            print("合并完成，没有待解决的冲突。")
            return 0
        print(f"有 {len(conflicts)} 条冲突待组长在程序中逐字段解决：")
        for c in conflicts:
            print(f"  ! {c.table} {c.label}（来自 {c.source}，冲突编号 {c.id}）")
            for f in c.fields:
                print(f"      {f}: 本文件={_short(c.mine.get(f))} | 导入={_short(c.theirs.get(f))}")
        return 3
    finally:
        ef.close()


def _short(v, n: int = 40) -> str:
    s = "∅" if v is None else str(v).replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def run_verify_history(args) -> int:
    from ..services.exchange import verify_history_file

    problems = verify_history_file(args.path, against=args.against)
    if problems:
        print(f"修改历史不完整或被改动：{args.path}")
        for p in problems:
            print(f"  {p}")
        return 1
    print(f"修改历史完整：{args.path}")
    return 0

