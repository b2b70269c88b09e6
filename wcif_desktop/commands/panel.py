"""``wcif-desktop consensus IN.wcif [--set CODE=SCORE --reason TEXT] [--by NAME] [--use] [--apply] [--json]``.

The expert panel's consensus record (专家组合议): the score the panel agreed per level-3 indicator, used when the
panel's aggregation method is 专家组合议 (``consensus``). Without options it lists every level-3 indicator with its
agreed score and reason. ``--set 2.1.2=3.5 --reason …`` records one (a score below the weight needs a reason;
``--set 2.1.2=`` clears it), recorded by ``--by`` (a team member's name; default the team lead). ``--use`` makes
专家组合议 the aggregation method; ``--apply`` writes the aggregated panel scores into the indicators (after the lead
revealed the panel). ``--json``: ``{"method": "consensus", "rows": [{"code", "name", "weight", "score", "reason",
"indicator_score"}]}`` (points as text, two decimals; ``null`` when none). All changes of one call are one transaction.
Exit 0, or 2 with one ``错误：`` line and nothing changed.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path


def register(sub):
    p = sub.add_parser("consensus", help="list or record the expert panel's agreed scores (专家组合议)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--set", dest="assign", metavar="CODE=SCORE", help="agreed score of a level-3 indicator (points)")
    p.add_argument("--reason", default="", help="reason of the agreed score (needed below the weight)")
    p.add_argument("--by", metavar="NAME", help="team member recording it (default: the team lead)")
    p.add_argument("--use", action="store_true", help="make 专家组合议 the panel's aggregation method")
    p.add_argument("--apply", action="store_true", help="write the aggregated panel scores into the indicators")
    p.add_argument("--json", action="store_true", help="print the agreed scores as JSON")
    p.set_defaults(handler=run)


def _s(value) -> str | None:
    from ..domain.money import round2

    return None if value is None else f"{round2(value):.2f}"


def _change(ef, args, leaves) -> None:
    from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError
    from ..domain.model import TeamMember
    from ..services import scoring

    if args.assign is not None:
        code, sep, score = args.assign.partition("=")
        if not sep:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "合议得分应写作 指标编号=得分，例如 2.1.2=3.5"))
        leaf = next((n.indicator for n in leaves if n.indicator.code == code.strip()), None)
        if leaf is None:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "没有编号为“{code}”的三级指标"), code=code.strip())
        team = sorted(ef.records(TeamMember), key=lambda m: m.sort_order)
        if args.by:
            by = next((m for m in team if m.name == args.by.strip()), None)
            if by is None:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "评价组中没有成员“{name}”"), name=args.by)
        else:
            by = next((m for m in team if m.role == "lead"), None)
            if by is None:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "评价组没有组长：请用 --by 指定记录合议的成员"))
        scoring.record_consensus(ef, leaf.id, score.strip() or None, args.reason.strip(), by.id)
    if args.use:
        scoring.set_panel_method(ef, "consensus")
    if args.apply:
        scoring.apply_panel(ef)


def run(args) -> int:
    from ..domain.model import Indicator
    from ..domain.panel import PANEL_METHODS, PanelScore
    from ..services import scoring
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        leaves = scoring.score_sheet(ef).leaves()
        changing = args.assign is not None or args.use or args.apply
        with ef.transaction() if changing else nullcontext():  # all or nothing
            _change(ef, args, leaves)
        method = scoring.settings(ef).panel_method
        agreed = {s.indicator_id: s for s in ef.records(PanelScore, "kind = 'consensus'")}
        scores = {i.id: i.score for i in ef.records(Indicator)}
        rows = [{"code": n.indicator.code, "name": n.indicator.name, "weight": _s(n.indicator.weight),
                 "score": _s(agreed[n.indicator.id].score) if n.indicator.id in agreed else None,
                 "reason": agreed[n.indicator.id].reason if n.indicator.id in agreed else "",
                 "indicator_score": _s(scores.get(n.indicator.id))} for n in leaves]
    if args.json:
        print(json.dumps({"method": method, "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"汇总方法：{PANEL_METHODS.get(method, method)}")
    for r in rows:
        line = f"{r['code']} {r['name']}  分值 {r['weight']}  合议得分 {r['score'] or '—'}"
        if r["reason"]:
            line += f"  说明：{r['reason']}"
        print(line)
    if args.apply:
        print("已将专家评分汇总写入指标得分。")
    return 0
