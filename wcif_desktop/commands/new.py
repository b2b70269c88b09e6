"""``wcif-desktop new OUT.wcif --region R --year Y [--framework KEY] [--agency A]``: create an empty evaluation.

The file holds only the evaluation's facts (region, fiscal year, agency) and, with ``--framework``, the
indicator framework template ``KEY`` (``resources/frameworks/*.toml``; ``wcif-desktop new --list-frameworks``
lists them). Nothing is scored: its report is a draft until the readiness check passes.
"""

from __future__ import annotations

from pathlib import Path


def register(sub):
    p = sub.add_parser("new", help="create an empty evaluation file (optionally with a framework template)")
    p.add_argument("out", type=Path, nargs="?", help="new evaluation file (.wcif); never overwritten")
    p.add_argument("--region", default="", help="region (e.g. 呼和浩特市)")
    p.add_argument("--year", type=int, default=0, help="fiscal year evaluated (e.g. 2021)")
    p.add_argument("--framework", metavar="KEY", help="indicator framework template to start from")
    p.add_argument("--agency", default="", help="evaluation agency (评价机构)")
    p.add_argument("--list-frameworks", action="store_true", help="list the framework templates and exit")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
    from ..services import frameworks

    if args.list_frameworks:
        for t in frameworks.list_templates():
            print(f"{t.key}\t{t.name}（{t.version}）")
        return 0
    if args.out is None:
        raise WcifError(QT_TRANSLATE_NOOP("core", "请指定要创建的评价文件（.wcif）"))
    from ..services.evaluation import create_new

    path = create_new(args.out, region=args.region, fiscal_year=args.year, framework=args.framework,
                      agency=args.agency)
    print(f"已创建评价文件：{path}")
    return 0
