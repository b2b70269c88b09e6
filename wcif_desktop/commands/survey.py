"""``wcif-desktop survey IN.wcif [--json]`` and ``wcif-desktop import-survey IN.wcif RESPONSES.xlsx --group NAME``.

``survey`` prints the results per respondent group and overall (valid responses, satisfaction and awareness
rates with their 95 % Wilson intervals, small-sample warnings). Exit 0.

``import-survey`` imports a survey platform export with the survey's saved mapping (or an automatic header
match on the first import). Exit codes: 0 imported (or, with ``--dry-run``, nothing left to map or decide);
1 something cannot be mapped or needs a decision (the report names it and the option to add), or a decision
cancelled the import — nothing is written then; 2 a user error (unreadable file, no such survey …).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.money import fmt_pct

_DECISION_FLAGS = {
    "unmapped_column": "--unmapped-columns",
    "missing_column": "--missing-columns",
    "different_survey": "--different-survey",
    "duplicate": "--duplicates",
    "out_of_scale": "--out-of-scale",
}


def register(sub):
    p = sub.add_parser("survey", help="print survey results per respondent group (rates with 95% intervals)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=run_results)

    p = sub.add_parser("import-survey", help="import survey responses exported from a survey platform (.xlsx/.xls/.csv)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("responses", type=Path, help="responses file (.xlsx, .xls or .csv)")
    p.add_argument("--group", required=True, help="respondent group (调查对象), e.g. 参保单位, or the survey title")
    p.add_argument("--survey", dest="title", help="survey title, when the group has several surveys")
    p.add_argument("--sheet", help="worksheet name (default: the active sheet)")
    p.add_argument("--create", action="store_true",
                   help="no survey for the group yet: create one from the file's headers (kinds guessed)")
    p.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.add_argument("--map-column", action="append", default=[], metavar="HEADER=QUESTION",
                   help="map a column to a question (code such as Q3, or its text) or to ignore / respondent_id / "
                        "submitted_at; remembered with the survey after the import")
    p.add_argument("--map-answer", action="append", default=[], metavar="QUESTION:ANSWER=OPTION",
                   help="map an answer text to an option (label or scale point) or to out_of_scale; remembered")
    for kind, flag in _DECISION_FLAGS.items():
        from ..domain.survey_decisions import DECISION_LABELS  # not services.survey: every subcommand parses

        label, skip, keep = DECISION_LABELS[kind]
        p.add_argument(flag, dest=f"decide_{kind}", choices=["skip", "keep"],
                       help=f"{label}: skip = {skip}; keep = {keep}")
    p.set_defaults(handler=run_import)


def _rate_text(r) -> str:
    if r is None:
        return "—"
    return f"{fmt_pct(r.rate)}（95%区间 {fmt_pct(r.low)}–{fmt_pct(r.high)}，n={r.respondents}）"


def run_results(args) -> int:
    from ..services.evaluation import open_file
    from ..services.survey import survey_results

    with open_file(args.path) as ef:
        groups, overall = survey_results(ef)
    if args.json:
        print(json.dumps({"groups": [g.as_dict() for g in groups], "overall": overall.as_dict() if groups else None},
                         ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print("评价文件中还没有问卷")
        return 0
    sentences = []
    for g in groups + [overall]:
        print(f"{g.group}：有效答卷 {g.responses} 份（共 {g.recorded} 份，剔除 {g.excluded} 份）")
        print(f"  满意度　　{_rate_text(g.satisfaction)}")
        print(f"  政策知晓率 {_rate_text(g.awareness)}")
        for r in (g.satisfaction, g.awareness):
            if r:
                for w in r.warnings:
                    print(f"  注意：{w}")
                if r.sentence not in sentences:
                    sentences.append(r.sentence)
    print()
    for s in sentences:
        print(s)
    return 0


def run_import(args) -> int:
    from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
    from ..services.evaluation import open_file
    from ..services.survey import find_survey, import_into_new_survey, import_responses, mapping_from_specs

    decisions = {k: getattr(args, f"decide_{k}") for k in _DECISION_FLAGS if getattr(args, f"decide_{k}")}
    with open_file(args.path) as ef:
        try:
            survey = find_survey(ef, args.group, args.title)
        except WcifError:
            if not args.create or args.dry_run:
                raise
            survey = None
        if survey is None:  # --create: the new survey is kept only if the import writes (all or nothing)
            if args.map_column or args.map_answer:
                raise WcifError(QT_TRANSLATE_NOOP("core", "--create 不能与 --map-column/--map-answer 同时使用："
                                                          "请先建立问卷，再指定对应"))
            created, rep = import_into_new_survey(ef, args.responses, args.group, args.title or "",
                                                  sheet=args.sheet, decisions=decisions)
            if created is not None:
                print(f"已按文件表头建立问卷“{created.title}”（调查对象：{created.respondent_group}）")
            else:
                print("未建立问卷：导入没有写入（见下）")
        else:
            mapping = mapping_from_specs(ef, survey.id, args.map_column, args.map_answer)
            rep = import_responses(ef, survey.id, args.responses, sheet=args.sheet, decisions=decisions,
                                   mapping=mapping, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in rep.lines():
            print(line)
        # how to map what was not matched: for a run that wrote nothing (a dry run, a decision pending); after an
        # import the rows are on file, and running again would find them already imported
        if rep.unmapped_columns and not rep.written:
            print("可用 --map-column \"列标题=题号\"（或 =ignore）指定列的对应")
        if rep.unmapped_answers and not rep.written:
            print("可用 --map-answer \"题号:答案=选项\"（或 =out_of_scale）指定答案的对应")
        if rep.pending:
            flags = " ".join(f"{_DECISION_FLAGS[k]} skip|keep" for k in rep.pending)
            print(f"请决定后重新运行，添加：{flags}")
    return 0 if rep.ok else 1
