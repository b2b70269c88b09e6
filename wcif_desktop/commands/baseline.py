"""``wcif-desktop baseline …``: last year's evaluation file as the baseline (历史标准) of this one.

- ``baseline link THIS.wcif LAST.wcif`` — name last year's file (same fund and region, previous year);
- ``baseline show THIS.wcif [--json]`` — the reference and its state, year-on-year statement figures, the check
  that last year's closing balance equals this year's opening, the 历史标准 of the targets, the carried problems
  with their 整改情况;
- ``baseline carry THIS.wcif [--targets] [--problems]`` — carry last year's targets and/or problems forward
  (both when neither is given; already carried ones are skipped);
- ``baseline rectify THIS.wcif N --status 已整改|部分整改|未整改|待核实 [--note TEXT]`` — record whether carried
  problem number N (as listed by ``show``) was fixed;
- ``baseline unlink THIS.wcif``.

Last year's file is only read (read-only open). Exit codes: 0 done, 2 refused (one line starting ``错误：``).
"""

from __future__ import annotations

import json
from pathlib import Path


def register(sub):
    p = sub.add_parser("baseline",
                       help="last year's evaluation file as the baseline (历史标准): link, show, carry, rectify")
    bsub = p.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)

    a = bsub.add_parser("link", help="name last year's evaluation file of the same fund and region")
    a.add_argument("path", type=Path, metavar="THIS.wcif")
    a.add_argument("last", type=Path, metavar="LAST.wcif")
    a.set_defaults(handler=run_link)

    a = bsub.add_parser("show", help="the baseline, year-on-year figures, 历史标准 and 整改情况")
    a.add_argument("path", type=Path, metavar="THIS.wcif")
    a.add_argument("--json", action="store_true", help="one JSON object")
    a.set_defaults(handler=run_show)

    a = bsub.add_parser("carry", help="carry last year's targets and/or problems forward")
    a.add_argument("path", type=Path, metavar="THIS.wcif")
    a.add_argument("--targets", action="store_true", help="carry the targets")
    a.add_argument("--problems", action="store_true", help="carry the problems (for 整改情况)")
    a.set_defaults(handler=run_carry)

    a = bsub.add_parser("rectify", help="record whether a carried problem was fixed (整改情况)")
    a.add_argument("path", type=Path, metavar="THIS.wcif")
    a.add_argument("number", type=int, metavar="N", help="number of the carried problem (see show)")
    a.add_argument("--status", required=True, help="已整改 | 部分整改 | 未整改 | 待核实 (or fixed/partial/open)")
    a.add_argument("--note", default="", help="how it was found")
    a.set_defaults(handler=run_rectify)

    a = bsub.add_parser("unlink", help="forget the baseline (carried items stay)")
    a.add_argument("path", type=Path, metavar="THIS.wcif")
    a.set_defaults(handler=run_unlink)


def _open(path):
    from ..services.evaluation import open_file

    return open_file(path)


def run_link(args) -> int:
    from ..services import baseline

    with _open(args.path) as ef:
        baseline.link_baseline(ef, args.last)
        print(baseline.baseline_status(ef).message)
    return 0


def run_unlink(args) -> int:
    from ..services import baseline

    with _open(args.path) as ef:
        baseline.unlink_baseline(ef)
    print("已取消关联上年评价文件。")
    return 0


def run_carry(args) -> int:
    from ..services import baseline

    both = not (args.targets or args.problems)
    with _open(args.path) as ef:
        before = {c.id for c in baseline.carried(ef)}
        baseline.carry_forward(ef, target_ids=None if (both or args.targets) else [],
                               problem_ids=None if (both or args.problems) else [])
        new = [c for c in baseline.carried(ef) if c.id not in before]
    t = sum(c.kind == "target" for c in new)
    p = sum(c.kind == "problem" for c in new)
    print(f"已结转上年绩效目标 {t} 项、上年问题 {p} 项。")
    return 0


def run_rectify(args) -> int:
    from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError
    from ..services import baseline

    with _open(args.path) as ef:
        items = baseline.carried(ef, "problem")
        if not 1 <= args.number <= len(items):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "没有第{number}项结转问题（共{count}项）"),
                                  number=args.number, count=len(items))
        item = items[args.number - 1]
        baseline.set_rectification(ef, item.id, args.status, args.note)
        print(f"{args.number}. {item.title}：{baseline.RECTIFICATION[ef.get(baseline.CarriedItem, item.id).status]}")
    return 0


def _s(v) -> str | None:
    return None if v is None else f"{v:.2f}"


def show_dict(ef) -> dict:
    """The ``baseline show --json`` object (amounts in 元 and rates in % as strings with two decimals)."""
    from ..services import baseline

    st = baseline.baseline_status(ef)
    check = baseline.continuity_check(ef)
    sec = baseline.rectification_section(ef)
    return {
        "baseline": None if st.ref is None else {
            "path": st.ref.path, "found_at": str(st.path) if st.path else None, "sha256": st.ref.sha256,
            "region": st.ref.region, "fiscal_year": st.ref.fiscal_year, "title": st.ref.title},
        "status": str(st.message), "ok": st.ok,
        "year_on_year": [{"code": r["code"], "name": r["name"], "actual": _s(r["actual"]),
                          "previous_actual": _s(r["previous_actual"]), "change": _s(r["change"]),
                          "growth_rate": _s(r["growth_rate"])} for r in baseline.year_on_year(ef)],
        "continuity": None if check is None else {"ok": check.ok, "message": str(check.message),
                                                  "difference": _s(check.difference)},
        "historical_standard": [{"name": h.name, "actual": h.actual, "last_actual": h.last_actual,
                                 "last_value": h.last_value, "change": _s(h.change)}
                                for h in baseline.historical_standard(ef)],
        "carried_problems": [{"number": k, "title": c.title, "status": baseline.RECTIFICATION[c.status],
                              "note": c.note} for k, c in enumerate(baseline.carried(ef, "problem"), start=1)],
        "rectification_section": None if sec is None else {"title": sec.title, "paragraphs": sec.paragraphs},
    }


def run_show(args) -> int:
    with _open(args.path) as ef:
        d = show_dict(ef)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    print(d["status"])
    if d["year_on_year"]:
        print("\n同比（元）：")
        for r in d["year_on_year"]:
            rate = f"  增长 {r['growth_rate']}%" if r["growth_rate"] is not None else ""
            print(f"  {r['name']}：本年 {r['actual'] or '—'}  上年 {r['previous_actual'] or '—'}{rate}")
    if d["continuity"]:
        print(("\n结余衔接：" if d["continuity"]["ok"] else "\n结余衔接（不一致）：") + d["continuity"]["message"])
    if d["historical_standard"]:
        print("\n历史标准（上年实际值）：")
        for h in d["historical_standard"]:
            print(f"  {h['name']}：上年实际 {h['last_actual'] or '—'}，本年实际 {h['actual'] or '—'}")
    if d["carried_problems"]:
        print("\n上年问题整改情况：")
        for c in d["carried_problems"]:
            note = f"（{c['note']}）" if c["note"] else ""
            print(f"  {c['number']}. {c['title']}：{c['status']}{note}")
    return 0
