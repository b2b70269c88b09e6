"""Report commands: ``report``, ``sign``, ``verify``, ``identity``, ``readiness``, ``reports``.

- ``wcif-desktop report IN.wcif -o OUT.pdf [--template brief|full] [--sign ID.p12 --passphrase-file F]
  [--seal SEAL.png] [--final]``: generate (and sign last); the PDF is also kept in the evaluation file;
  ``--final`` locks the evaluation after the signature.
- ``wcif-desktop sign REPORT.pdf -o SIGNED.pdf --sign ID.p12 --passphrase-file F [--seal SEAL.png]
  [--evaluation IN.wcif [--final]]``: add one more signature as an incremental revision.
- ``wcif-desktop verify REPORT.pdf``: each signature's signer and status; exit 0 only when there is at least
  one signature and every one is ok, else 1 (also for a missing or damaged file).
- ``wcif-desktop identity OUT.p12 --name 王建国 --org 某会计师事务所 --passphrase-file F [--years 3]``:
  create a self-signed signing identity.
- ``wcif-desktop readiness IN.wcif``: problems that keep the report from being complete; exit 1 when any.
- ``wcif-desktop reports IN.wcif [--save ID -o OUT.pdf]``: list the reports kept in the evaluation file, or
  save one out again.
- ``wcif-desktop reopen IN.wcif --reason 原因``: unlock a locked evaluation (the reason goes to history).

The passphrase is read from a file (first line, without its line break), never from the command line,
so it does not end up in shell history.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, SigningError, WcifError


def register(sub):
    p = sub.add_parser("report", help="generate the report PDF of an evaluation (optionally signed)")
    p.add_argument("path", type=Path, help="evaluation file (.wcif)")
    p.add_argument("-o", "--output", type=Path, required=True, help="report PDF to write")
    p.add_argument("--template", choices=["brief", "full"], default="brief", help="brief (简版) or full outline")
    _sign_args(p, required=False)
    p.add_argument("--final", action="store_true", help="lock the evaluation after signing (final signature)")
    p.add_argument("--no-keep", action="store_true", help="do not keep a copy in the evaluation file")
    p.set_defaults(handler=run_report)

    s = sub.add_parser("sign", help="add a signature to a report PDF (incremental revision)")
    s.add_argument("path", type=Path, help="report PDF")
    s.add_argument("-o", "--output", type=Path, required=True, help="signed PDF to write (may equal the input)")
    _sign_args(s, required=True)
    s.add_argument("--evaluation", type=Path, help="keep the signed PDF in this evaluation file")
    s.add_argument("--final", action="store_true", help="with --evaluation: lock the evaluation")
    s.set_defaults(handler=run_sign)

    v = sub.add_parser("verify", help="check every signature of a PDF; exit 0 only when all are ok")
    v.add_argument("path", type=Path, help="PDF to check")
    v.set_defaults(handler=run_verify, error_exit_code=1)

    i = sub.add_parser("identity", help="create a self-signed signing identity (PKCS#12 .p12)")
    i.add_argument("path", type=Path, help="new .p12 file")
    i.add_argument("--name", required=True, help="signer's name (e.g. 王建国)")
    i.add_argument("--org", default="", help="organisation (e.g. the agency)")
    i.add_argument("--passphrase-file", type=Path, required=True, help="file whose first line is the passphrase")
    i.add_argument("--years", type=int, default=3, help="validity in years (default 3)")
    i.set_defaults(handler=run_identity)

    r = sub.add_parser("readiness", help="list what keeps the report from being complete")
    r.add_argument("path", type=Path, help="evaluation file (.wcif)")
    r.add_argument("--confirm-overlap", metavar="FACT",
                   help="confirm that FACT (named in a 重复扣分 warning) is not deducted twice")
    r.set_defaults(handler=run_readiness)

    k = sub.add_parser("reports", help="list the reports kept in an evaluation file, or save one out")
    k.add_argument("path", type=Path, help="evaluation file (.wcif)")
    k.add_argument("--save", metavar="ID", help="id (or its first characters) of the report to save")
    k.add_argument("-o", "--output", type=Path, help="where to save it")
    k.set_defaults(handler=run_reports)

    o = sub.add_parser("reopen", help="unlock a locked evaluation, giving the reason")
    o.add_argument("path", type=Path, help="evaluation file (.wcif)")
    o.add_argument("--reason", required=True, help="why it is reopened (kept in the history)")
    o.set_defaults(handler=run_reopen)


def _sign_args(p, required: bool) -> None:
    p.add_argument("--sign", type=Path, metavar="ID.p12", required=required, help="signing identity (.p12/.pfx)")
    p.add_argument("--passphrase-file", type=Path, help="file whose first line is the identity's passphrase")
    p.add_argument("--seal", type=Path, metavar="SEAL.png", help="seal image (PNG) shown as the signature")


def read_passphrase(path: Path | None) -> str:
    """First line of ``path`` without its line break. Raises SigningError when missing/unreadable."""
    if path is None:
        raise SigningError(QT_TRANSLATE_NOOP("core", "签署需要 --passphrase-file（其第一行为签名证书密码）"))
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法读取密码文件：{path}（{reason}）"), path=path,
                           reason=e.strerror or e) from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # Notepad on a Chinese Windows saves “ANSI” = GBK
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise SigningError(QT_TRANSLATE_NOOP("core", "密码文件的编码无法识别（请保存为 UTF-8）：{path}"), path=path) from None
    return text.splitlines()[0] if text else ""


def _check_input(path: Path, what: str) -> None:
    """Raise WcifError when ``path`` is not a file; ``what``: ``identity`` (the .p12), ``to_sign`` (the PDF to
    sign) or ``pdf``."""
    if Path(path).is_file():
        return
    if what == "identity":
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到签名证书文件：{path}"), path=path)
    if what == "to_sign":
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到要签署的 PDF：{path}"), path=path)
    raise WcifError(QT_TRANSLATE_NOOP("core", "找不到PDF 文件：{path}"), path=path)


def run_report(args) -> int:
    from ..render.signing import verify_pdf
    from ..services.report_file import build_report_file

    pw = read_passphrase(args.passphrase_file) if args.sign else None
    if args.sign:
        _check_input(args.sign, "identity")
    if args.seal and not args.sign:
        raise WcifError(QT_TRANSLATE_NOOP("core", "--seal 需要与 --sign 一起使用"))
    out = build_report_file(args.path, args.output, template=args.template, p12=args.sign, passphrase=pw,
                            seal_png=args.seal, final=args.final, keep=not args.no_keep)
    print(f"已生成报告：{out}")
    if args.sign:
        for k, s in enumerate(verify_pdf(out), start=1):
            print(f"签名 {k}：{s.signer} — {s.summary}")
        if args.final:
            print("评价已锁定（如需修改，请使用 reopen 并说明原因）")
    return 0


def run_sign(args) -> int:
    from ..render.signing import verify_pdf
    from ..services.report_file import sign_report_file

    _check_input(args.path, "to_sign")
    _check_input(args.sign, "identity")
    pw = read_passphrase(args.passphrase_file)
    out = sign_report_file(args.path, args.output, args.sign, pw, seal_png=args.seal,
                           evaluation_path=args.evaluation, final=args.final)
    print(f"已签署：{out}")
    for k, s in enumerate(verify_pdf(out), start=1):
        print(f"签名 {k}：{s.signer} — {s.summary}")
    return 0


def run_verify(args) -> int:
    from ..render.signing import verify_pdf

    _check_input(args.path, "pdf")
    statuses = verify_pdf(args.path)
    if not statuses:
        print(f"文件中没有数字签名：{args.path}")
        return 1
    for k, s in enumerate(statuses, start=1):
        when = s.signing_time.astimezone().strftime("%Y-%m-%d %H:%M") if s.signing_time else "时间未知"
        state = "有效" if s.ok else "无效"
        print(f"签名 {k}（{s.field_name}）：{s.signer}，{when} — {state}：{s.summary}")
    ok = all(s.ok for s in statuses)
    print("全部签名有效。" if ok else "存在无效签名：文件在签署后被修改，或签名已损坏。")
    return 0 if ok else 1


def run_identity(args) -> int:
    from ..render.signing import create_identity

    pw = read_passphrase(args.passphrase_file)
    path = create_identity(args.path, pw, args.name, args.org, years=args.years)
    print(f"已创建签名证书（自签名）：{path}")
    return 0


def run_readiness(args) -> int:
    from ..services.evaluation import open_file
    from ..services.report_state import readiness_of

    with open_file(args.path) as ef:
        if args.confirm_overlap:
            from ..services.report_state import confirm_overlap

            confirm_overlap(ef, args.confirm_overlap)
            print(f"已确认未重复扣分：{args.confirm_overlap}")
        items = readiness_of(ef)
    if not items:
        print("报告可以生成：未发现问题。")
        return 0
    for it in items:
        hint = f"（确认未重复扣分：--confirm-overlap {it.kind.split(':', 1)[1]}）" if it.kind.startswith("overlap:") else ""
        print(f"[{it.severity}] {it.message}{hint}")
    return 1 if any(it.severity == "错误" for it in items) else 0


def run_reports(args) -> int:
    from ..services import report_archive as archive
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        reports = archive.saved_reports(ef)
        if args.save:
            match = [r for r in reports if r.id.startswith(args.save)]
            if len(match) != 1:
                raise WcifError(QT_TRANSLATE_NOOP("core", "找不到唯一的报告编号：{report_id}"), report_id=args.save)
            if not args.output:
                raise WcifError(QT_TRANSLATE_NOOP("core", "请用 -o 指定保存位置"))
            out = archive.save_report_as(ef, match[0].id, args.output)
            print(f"已保存：{out}")
            return 0
        if not reports:
            print("评价文件中没有已生成的报告。")
        for r in reports:
            import json

            signers = "、".join(json.loads(r.signers or "[]")) or "未签署"
            print(f"{r.id[:8]}  {r.created_at}  {r.template}  {r.pages}页  {signers}  "
                  f"{'（最终）' if r.final else ''}SHA-256 {r.sha256}")
    return 0


def run_reopen(args) -> int:
    from ..services import report_archive as archive
    from ..services.evaluation import open_file

    with open_file(args.path) as ef:
        archive.reopen(ef, args.reason)
    print("评价已解除锁定，原因已记入修改历史。")
    return 0
