"""``wcif-desktop document IN.wcif KIND -o OUT.(pdf|docx) [--template FIRM.docx]`` and
``wcif-desktop archive IN.wcif FOLDER``."""

from pathlib import Path

KIND_HELP = ("report-brief 简版报告, report-full 完整版报告, work-plan 工作方案, letter 调研函, request-list 资料清单, "
             "problem-list 问题清单, summary 工作总结, research-outline 调研提纲, site-schedule 调研安排")


def register(sub):
    from ..documents.generate import KINDS

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


def run(args) -> int:
    from ..documents.generate import write_document
    from ..store.db import EvaluationFile

    with EvaluationFile.open(args.path) as ef:
        out = write_document(ef, args.kind, args.out, template=args.template, issuer=args.issuer)
    print(f"已写入：{out}")
    return 0


def run_archive(args) -> int:
    from ..documents.archive import archive
    from ..store.db import EvaluationFile

    with EvaluationFile.open(args.path) as ef:
        result = archive(ef, args.folder)
    print(f"已归档：{result.folder}（文档 {len(result.documents)} 个，证据 {len(result.evidence)} 个，"
          f"校验清单 {result.sums.name}），评价已锁定")
    return 0
