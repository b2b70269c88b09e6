"""Commands of the documents area:

- ``wcif-desktop document IN.wcif KIND -o OUT.(pdf|docx) [--template FIRM.docx] [--issuer …]``
- ``wcif-desktop archive IN.wcif FOLDER``
- ``wcif-desktop review-targets IN.wcif [--prefill] [--rules RULES.toml]`` (绩效目标表审核)
- ``wcif-desktop library list|export OUT.json|import IN.json`` (问题库)
"""

from pathlib import Path

KIND_HELP = ("report-brief 简版报告, report-full 完整版报告, work-plan 工作方案, letter 调研函, request-list 资料清单, "
             "problem-list 问题清单, summary 工作总结, research-outline 调研提纲, site-schedule 调研安排")


def register(sub):
    from ..services.deliverables.kinds import KINDS

    p = sub.add_parser("document", help="write a document of the evaluation as PDF or Word (.docx)",
                       description="Write a document of the evaluation. KIND: " + KIND_HELP)
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=KIND_HELP)
    p.add_argument("-o", "--out", type=Path, required=True, help="output file, .pdf or .docx")
    p.add_argument("--template", type=Path, help="firm Word template (.docx output only; see docs/word-templates.md)")
    p.add_argument("--issuer", choices=["agency", "commissioner"], default="agency",
                   help="work plan issued in the agency's (default) or the commissioning body's name")
    p.set_defaults(handler=run)

    a = sub.add_parser("archive", help="write every document and evidence file with a SHA-256 index, then lock")
    a.add_argument("path", type=Path, help="evaluation file (.wcif)")
    a.add_argument("folder", type=Path, help="new or empty archive folder")
    a.set_defaults(handler=run_archive)

    r = sub.add_parser("review-targets", help="check the declared target table (绩效目标表) against the review rules")
    r.add_argument("path", type=Path, help="evaluation file (.wcif)")
    r.add_argument("--rules", type=Path, help="rules file (default: the user's copy, else the bundled rules)")
    r.add_argument("--prefill", action="store_true",
                   help="write the results into the working papers of 绩效目标合理性 and 绩效指标明确性")
    r.set_defaults(handler=run_review_targets)

    lib = sub.add_parser("library", help="the finding library (问题库) in the user's data folder")
    lsub = lib.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    ls = lsub.add_parser("list", help="list the entries")
    ls.add_argument("--search", default="", help="only entries containing this text")
    ls.set_defaults(handler=run_library_list)
    ex = lsub.add_parser("export", help="export every entry to a JSON file")
    ex.add_argument("out", type=Path)
    ex.set_defaults(handler=run_library_export)
    im = lsub.add_parser("import", help="merge a JSON export into the library (newer edits win)")
    im.add_argument("path", type=Path)
    im.set_defaults(handler=run_library_import)


def run(args) -> int:
    from ..services.deliverables.generate import write_document
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        out = write_document(ef, args.kind, args.out, template=args.template, issuer=args.issuer)
    print(f"已写入：{out}")
    return 0


def run_archive(args) -> int:
    from ..services.archive import archive
    from ..services.evaluation import open_file
    from .review import _ConsoleProgress

    progress = _ConsoleProgress()  # the step and percent on stderr when it is a terminal
    try:
        with open_file(args.path) as ef:
            result = archive(ef, args.folder, progress=progress)
    finally:
        progress.done()
    print(f"已归档：{result.folder}（文档 {len(result.documents)} 个，证据 {len(result.evidence)} 个，"
          f"校验清单 {result.sums.name}），评价已锁定")
    return 0


def run_review_targets(args) -> int:
    """Exit 0 when every rule passes, 1 when some fail (the results are printed either way)."""
    from ..services.evaluation import open_file
    from ..services.target_papers import load_rules, prefill_working_papers, review_evaluation

    rules = load_rules(args.rules) if args.rules else None
    with open_file(args.path) as ef:
        results = review_evaluation(ef, rules)
        for r in results:
            print(f"[{'通过' if r.passed else '未通过'}] {r.rule.name}（{r.rule.indicator}）：{r.opinion}")
        if args.prefill:
            prefill_working_papers(ef, results)
            print("已写入工作底稿：绩效目标合理性、绩效指标明确性（已有内容的底稿未覆盖）")
    return 0 if all(r.passed for r in results) else 1


def run_library_list(args) -> int:
    from ..services.finding_library import FindingLibrary

    with FindingLibrary() as lib:
        entries = lib.entries(args.search)
        for e in entries:
            print(f"{e.id}\t{e.category or '—'}\t{e.title}")
        print(f"共 {len(entries)} 条（{lib.path}）")
    return 0


def run_library_export(args) -> int:
    from ..services.finding_library import FindingLibrary

    with FindingLibrary() as lib:
        out = lib.export(args.out)
        print(f"已导出 {len(lib.entries())} 条：{out}")
    return 0


def run_library_import(args) -> int:
    from ..services.finding_library import FindingLibrary

    with FindingLibrary() as lib:
        r = lib.import_file(args.path)
    print(f"新增 {r.added} 条，更新 {r.updated} 条，跳过 {r.skipped} 条（本地较新或相同）")
    return 0
