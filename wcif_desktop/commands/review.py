"""``wcif-desktop request-list`` and ``wcif-desktop evidence``: the document request list and evidence files.

    wcif-desktop request-list IN.wcif -o LIST.pdf|LIST.xlsx
    wcif-desktop evidence IN.wcif add FILE [--item CODE]
    wcif-desktop evidence IN.wcif list [--json]
    wcif-desktop evidence IN.wcif extract SHA256 -o OUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub):
    p = sub.add_parser("request-list", help="export the document request list (资料清单) with item codes")
    p.add_argument("wcif", type=Path, help="evaluation file (.wcif)")
    p.add_argument("-o", "--output", type=Path, required=True, help="LIST.pdf or LIST.xlsx")
    p.add_argument("--from-template", action="store_true",
                   help="first add the work-injury fund's template items the list lacks")
    p.set_defaults(handler=run_request_list)

    e = sub.add_parser("evidence", help="add, list or extract evidence files (证据) kept in the evaluation file")
    e.add_argument("wcif", type=Path, help="evaluation file (.wcif)")
    esub = e.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = esub.add_parser("add", help="store a file (same content is stored once)")
    a.add_argument("file", type=Path)
    a.add_argument("--item", metavar="CODE", help="attach to the request item with this printed code (e.g. A01)")
    a.set_defaults(handler=run_evidence_add)
    ls = esub.add_parser("list", help="list evidence: name, size, SHA-256, links")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=run_evidence_list)
    x = esub.add_parser("extract", help="write stored evidence to a file (SHA-256 verified)")
    x.add_argument("sha256", help="SHA-256 or a unique prefix (≥ 6 hex digits)")
    x.add_argument("-o", "--output", type=Path, required=True, help="file, or existing folder (original name)")
    x.add_argument("--force", action="store_true", help="overwrite an existing file")
    x.set_defaults(handler=run_evidence_extract)


class _ConsoleProgress:
    """Percent on stderr when it is a terminal; silent otherwise."""

    def __init__(self):
        self.tty = sys.stderr.isatty()
        self.last = -1

    def set(self, done: int, total: int, label: str = "") -> None:
        if not self.tty or not total:
            return
        pct = int(done * 100 / total)
        if pct != self.last:
            self.last = pct
            print(f"\r{label} {pct}%", end="", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False

    def done(self):
        if self.tty and self.last >= 0:
            print(file=sys.stderr)


def _open(path: Path):
    from ..services.evaluation import open_file

    return open_file(path)


def run_request_list(args) -> int:
    from ..services.review import add_request_list_from_template, export_request_list, request_items

    with _open(args.wcif) as ef:
        if args.from_template:
            add_request_list_from_template(ef)
        out = export_request_list(ef, args.output)
        n = len(request_items(ef))
    print(f"已导出资料清单（{n} 项）：{out}")
    return 0


def _size(n: int) -> str:
    from ..services.evidence import _fmt_size

    return _fmt_size(n)


def run_evidence_add(args) -> int:
    from ..services.evidence import add_evidence
    from ..services.review import find_request

    prog = _ConsoleProgress()
    with _open(args.wcif) as ef:
        kind = target = None
        if args.item:
            kind, target = "document_request", find_request(ef, args.item).id
        try:
            r = add_evidence(ef, args.file, target_kind=kind, target_id=target, progress=prog)
        finally:
            prog.done()
    e = r.evidence
    state = "已存入" if r.stored else "内容已存在（未重复存储）"
    linked = f"，已关联资料 {args.item.upper()}" if args.item else ""
    print(f"{state}：{e.original_name}（{_size(e.size)}，SHA-256 {e.sha256}）{linked}")
    return 0


def run_evidence_list(args) -> int:
    from ..services.evidence import list_evidence

    with _open(args.wcif) as ef:
        infos = list_evidence(ef)
    if args.json:
        print(json.dumps([i.as_dict() for i in infos], ensure_ascii=False, indent=2))
        return 0
    if not infos:
        print("评价文件中没有证据")
        return 0
    for i in infos:
        e = i.evidence
        links = "；".join(lbl for _k, _i, lbl in i.links) or "（未关联）"
        print(f"{e.sha256}  {e.size:>12,d}  {e.original_name}  {links}")
    print(f"共 {len(infos)} 份，{_size(sum(i.evidence.size for i in infos))}")
    return 0


def run_evidence_extract(args) -> int:
    from ..services.evidence import extract_evidence

    prog = _ConsoleProgress()
    with _open(args.wcif) as ef:
        try:
            out = extract_evidence(ef, args.sha256, args.output, overwrite=args.force, progress=prog)
        finally:
            prog.done()
    print(f"已导出并校验 SHA-256：{out}")
    return 0
