"""Signing identities and PAdES signatures of report PDFs (pyHanko), and their verification.

- :func:`create_identity`: a self-signed certificate (ECDSA P-256, SHA-256) with its key in a password-protected
  PKCS#12 file (``cryptography``), for an agency without a CA-issued certificate.
- :func:`sign_pdf`: one PAdES baseline signature (``/ETSI.CAdES.detached``) added as an *incremental*
  revision, so earlier signatures stay valid. Its visible appearance sits over the document's 落款 (agency
  and date) at the box the PDF renderer recorded (never found by text search) and shows the seal image (PNG,
  transparency kept) with the signer's name and the signing date, drawn with the report fonts so Chinese
  names render correctly.
- :func:`verify_pdf`: every signature's status. An earlier signature is ok when it is intact and what follows
  it is only permitted incremental updates (pyHanko's difference analysis: new signatures and form filling);
  the last one must also cover the whole file. Any changed byte makes a signature not ok.

Trust: a self-signed certificate is checked against itself (integrity, not identity); the summary says so.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, SigningError
from ..domain.progress import NO_PROGRESS, Progress, check

# pyHanko imports cryptography's DSA module, which newer cryptography releases mark deprecated on import: not
# something a user can act on, and it broke the CLI's one-line error output.
warnings.filterwarnings("ignore", message=r".*DSA is deprecated", category=Warning)

# pyHanko modules that import aiohttp at import time, and the names pyHanko's other modules take from them.
_AIOHTTP_MODULES = {
    "pyhanko.sign.timestamps.aiohttp_client": ("HTTPTimeStamper",),
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": ("AIOHttpFetcherBackend",),
}


def _defer_aiohttp() -> None:
    """Keep pyHanko from importing aiohttp (~0.2–0.3 s at start) in this offline app.

    ``pyhanko.sign`` imports its aiohttp time-stamp client, and the signer imports the AdES validation module,
    which imports pyhanko_certvalidator's aiohttp fetchers; both only to have the classes at hand. The app never
    asks a time-stamp or revocation server, so before the first pyHanko import stand-in modules take their place;
    the real modules (and aiohttp) are loaded if anything ever uses them (creating one of those classes or
    reading another name of the module)."""
    import importlib
    import sys
    import types

    if "pyhanko.sign" in sys.modules or any(m in sys.modules for m in _AIOHTTP_MODULES):
        return
    stubs: dict[str, types.ModuleType] = {}

    def _real(module: str):
        for name, stub in stubs.items():  # all at once: the real modules import each other's submodules
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        return importlib.import_module(module)

    def _stand_in(module: str, cls_name: str) -> type:
        def __new__(cls, *args, **kwargs):
            return getattr(_real(module), cls_name)(*args, **kwargs)

        return type(cls_name, (), {"__new__": __new__, "__module__": module})

    for module, names in _AIOHTTP_MODULES.items():
        mod = types.ModuleType(module, "stand-in (aiohttp is loaded only on use)")
        for cls_name in names:
            setattr(mod, cls_name, _stand_in(module, cls_name))

        def _getattr(name: str, _module=module):
            if name.startswith("__"):  # the import system probing (__path__, __spec__, …): not a use
                raise AttributeError(name)
            return getattr(_real(_module), name)

        mod.__getattr__ = _getattr
        stubs[module] = mod
        sys.modules[module] = mod


_defer_aiohttp()

SEAL_SIZE = 113.0  # points; a 40 mm round seal (公章 are 38–45 mm)
SEAL_BOX = (150.0, SEAL_SIZE + 22)  # seal with the signer's name and the date below it
LABEL_BOX = (190.0, 32.0)  # name and date only (no seal image), in 五号 (10.5 pt)
MIN_LABEL_SIZE = 9.0  # points: the signer's name and date stay legible (小五 and above)
DEFAULT_REASON = "绩效评价报告签署"


@dataclass
class SignatureStatus:
    """Outcome of checking one signature.

    ``intact``: the signed bytes are unchanged and the signature value matches the certificate's key;
    ``covers_whole_file``: the signature covers the file to its end (true for the last signature only when
    nothing was appended); ``ok``: intact and either covering the whole file or followed only by permitted
    incremental updates; ``summary``: one Chinese sentence for the user.
    """

    field_name: str
    signer: str
    signing_time: _dt.datetime | None
    intact: bool
    covers_whole_file: bool
    ok: bool
    summary: str
    self_signed: bool = False


# ---------------------------------------------------------------------------------------------- identity
def create_identity(p12_path, passphrase: str, signer_name: str, organisation: str, years: int = 3) -> Path:
    """Create a self-signed signing identity in a PKCS#12 file protected by ``passphrase``.

    The certificate names the signer (CN) and the organisation (O), country CN, valid ``years`` years from
    now, key usage digitalSignature + nonRepudiation. The file is written atomically and never overwrites
    an existing one.

    Raises:
        SigningError: empty name/passphrase, the file exists, or it cannot be written.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    p12_path = Path(p12_path)
    if not (signer_name or "").strip():
        raise SigningError(QT_TRANSLATE_NOOP("core", "请填写签署人姓名"))
    if not passphrase:
        raise SigningError(QT_TRANSLATE_NOOP("core", "请设置签名证书密码（不能为空）"))
    if p12_path.exists():
        raise SigningError(QT_TRANSLATE_NOOP("core", "文件已存在，不会覆盖：{path}"), path=p12_path)
    # ECDSA P-256 (PAdES allows it; Adobe Reader and pyHanko validate it): as strong as RSA-3072 and loaded
    # and used far faster (RSA keys are re-validated on every load, ~0.15 s each).
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
             x509.NameAttribute(NameOID.COMMON_NAME, signer_name.strip())]
    if (organisation or "").strip():
        attrs.insert(1, x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()))
    name = x509.Name(attrs)
    now = _dt.datetime.now(_dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=365 * max(1, int(years))))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                              ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    enc = (serialization.PrivateFormat.PKCS12.encryption_builder()
           .kdf_rounds(50000)
           .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
           .hmac_hash(hashes.SHA256())
           .build(passphrase.encode("utf-8")))
    data = pkcs12.serialize_key_and_certificates(signer_name.strip().encode("utf-8"), key, cert, None, enc)
    try:
        p12_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".tmp", dir=p12_path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, p12_path)
    except OSError as e:
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法写入签名证书文件 {path}：{reason}"), path=p12_path,
                           reason=e.strerror or e) from e
    return p12_path


@dataclass
class IdentityInfo:
    signer: str
    organisation: str
    not_after: _dt.datetime
    self_signed: bool


def _is_pkcs12(data: bytes) -> bool:
    """Whether ``data`` is structurally a PKCS#12 (PFX) file, so a failure to open it means a wrong password."""
    from asn1crypto import pkcs12 as a_pkcs12

    try:
        pfx = a_pkcs12.Pfx.load(data, strict=False)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except Exception:  # noqa: BLE001
        return False


def _load_signer(p12_path: Path, passphrase: str):
    from pyhanko.sign import signers

    p12_path = Path(p12_path)
    try:
        data = p12_path.read_bytes()
    except OSError as e:
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法读取签名证书文件：{path}（{reason}）"), path=p12_path,
                           reason=e.strerror or e) from e
    pw = (passphrase or "").encode("utf-8")
    # The identity is decrypted once (PBKDF2 with many rounds: ~10 ms per load), by pyHanko. Only when that fails
    # is it opened again with cryptography alone, to tell the cases apart: decrypting is the one step whose failure
    # means "wrong password" (cryptography raises ValueError for a bad MAC or undecryptable bags), so a
    # structurally valid PKCS#12 that fails there was opened with the wrong passphrase. Every later failure (an
    # unsupported key, a missing API in the installed pyHanko, ...) is reported as itself, never as a wrong
    # password.
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=pw or None)
    except Exception as e:  # noqa: BLE001 - classified below
        from cryptography.hazmat.primitives.serialization import pkcs12 as c_pkcs12

        try:
            c_pkcs12.load_key_and_certificates(data, pw or None)
        except ValueError as bad:
            if _is_pkcs12(data):
                raise SigningError(QT_TRANSLATE_NOOP("core", "签名证书密码错误，无法打开：{name}（请检查密码后重试）"),
                                   name=p12_path.name) from bad
            raise SigningError(QT_TRANSLATE_NOOP("core", "不是有效的签名证书文件（PKCS#12 .p12/.pfx）：{name}"),
                               name=p12_path.name) from bad
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法从签名证书文件 {name} 载入签名密钥：{reason}"),
                           name=p12_path.name, reason=f"{type(e).__name__}: {e}") from e
    if signer is None or signer.signing_cert is None:
        raise SigningError(QT_TRANSLATE_NOOP("core", "签名证书文件中没有可用的证书和私钥：{name}"), name=p12_path.name)
    return signer


def identity_info(p12_path, passphrase: str) -> IdentityInfo:
    """Signer name, organisation and expiry of a PKCS#12 identity (for the UI). Raises SigningError."""
    signer = _load_signer(Path(p12_path), passphrase)
    cert = signer.signing_cert
    subj = cert.subject.native
    return IdentityInfo(subj.get("common_name", ""), subj.get("organization_name", ""),
                        cert["tbs_certificate"]["validity"]["not_after"].native, cert.self_signed == "maybe"
                        or cert.issuer == cert.subject)


# ---------------------------------------------------------------------------------------------- signing
def _pages(pdf_bytes: bytes):
    """pyHanko's reader of ``pdf_bytes`` (pyHanko is loaded for signing anyway; pypdf would add ~0.2 s of imports
    to every signed report)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(pdf_bytes))


def _page_count(reader) -> int:
    return int(reader.root["/Pages"]["/Count"])


def _page(reader, page_ix: int):
    return reader.find_page_for_modification(page_ix)[0].get_object()


def _media_box(page) -> tuple[float, float, float, float]:
    node = page
    while node is not None:  # /MediaBox is inheritable from the page tree
        if "/MediaBox" in node:
            return tuple(float(v) for v in node["/MediaBox"])
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    raise KeyError("/MediaBox")


def _existing_rects(pdf_bytes: bytes, page_ix: int, reader=None) -> list[tuple[float, float, float, float]]:
    page = _page(reader or _pages(pdf_bytes), page_ix)
    rects = []
    try:
        annots = page.get("/Annots") or []
        annots = annots.get_object() if hasattr(annots, "get_object") else annots
    except Exception:  # noqa: BLE001
        annots = []
    for a in annots:
        try:
            a = a.get_object()
            if a.get("/Subtype") == "/Widget":
                x1, y1, x2, y2 = (float(v) for v in a["/Rect"])
                rects.append((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
        except Exception:  # noqa: BLE001
            continue
    return rects


def _overlaps(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _seal_box(pdf_bytes: bytes, with_seal: bool, anchor=None) -> tuple[int, tuple[float, float, float, float]]:
    """Page index and box of the next visible signature.

    ``anchor`` (page index, (x1, y1, x2, y2)) is the 落款 as the renderer drew it (``Rendered.signing_anchor``);
    without it the record the renderer wrote into the PDF (``/WCIFSigning``, :func:`~.layout.signing_box_of`);
    a PDF with neither gets the lower right of its last page. Never found by searching the text.
    A seal is centred on the 落款 (盖章压名压日期); a name-only box sits just below it; each takes the
    right-most place not used by an earlier signature.
    """
    from .layout import signing_box_of

    reader = _pages(pdf_bytes)
    n_pages = _page_count(reader)
    anchor = anchor or signing_box_of(pdf_bytes)
    if anchor is not None and 0 <= anchor[0] < n_pages:
        page_ix, (bx1, by1, bx2, by2) = anchor
    else:
        page_ix = n_pages - 1
        bx2, by1 = None, None
    mx1, my1, mx2, my2 = _media_box(_page(reader, page_ix))
    pw, ph = mx2 - mx1, my2 - my1
    right, left, bottom = pw - 12.0, 12.0, 12.0
    if bx2 is None:  # no record: the lower right of the text block
        bx2 = pw - 26 * 72 / 25.4
        by2 = 35 * 72 / 25.4 + SEAL_BOX[1] + 20
        bx1, by1 = bx2 - 180, by2 - 60
    taken = _existing_rects(pdf_bytes, page_ix, reader)
    w, h = SEAL_BOX if with_seal else LABEL_BOX
    cx, cy = (bx1 + bx2) / 2, (by1 + by2) / 2
    if with_seal:  # the seal image's centre on the 落款's centre; the box extends below for name and date
        x2_first = min(cx + w / 2, right)
        rows = [cy + SEAL_SIZE / 2 - (SEAL_BOX[1] + 6) * k for k in range(4)]
    else:
        x2_first = min(bx2, right)
        rows = [by1 - 4 - (LABEL_BOX[1] + 4) * k for k in range(6)]
    for y2 in rows:
        y2 = min(max(y2, bottom + h), ph - 12)
        x2 = x2_first
        while x2 - w >= left - 1:
            box = (x2 - w, y2 - h, x2, y2)
            if not any(_overlaps(box, t) for t in taken):
                return page_ix, box
            x2 -= w + 6
    return page_ix, (right - w, bottom, right, bottom + h)


def _appearance_pdf(width: float, height: float, seal_png: Path | None, name: str, when: _dt.datetime) -> bytes:
    """A one-page PDF drawn with the report fonts: the seal image (if any) above the signer's name and the
    signing date."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from .fonts import describe_chars, missing_glyphs, register_fonts

    fonts = register_fonts()
    font = fonts.body
    date = f"{when:%Y-%m-%d %H:%M}"
    missing = missing_glyphs(name + "数字签名：0123456789-:", fonts)
    if missing:
        raise SigningError(QT_TRANSLATE_NOOP("core", "签署人姓名中有字体无法显示的字符：{chars}"),
                           chars=describe_chars(missing))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), initialFontName=font, initialFontSize=9)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    if seal_png is not None:
        try:
            img = ImageReader(str(seal_png))
            iw, ih = img.getSize()
        except Exception as e:  # noqa: BLE001 - PIL raises many kinds
            raise SigningError(QT_TRANSLATE_NOOP("core", "无法读取印章图片：{path}（{reason}）"), path=seal_png, reason=e) from e
        scale = min(SEAL_SIZE / iw, SEAL_SIZE / ih)
        dw, dh = iw * scale, ih * scale
        c.drawImage(img, (width - dw) / 2, height - SEAL_SIZE + (SEAL_SIZE - dh) / 2, dw, dh, mask="auto")
        lines = [name, f"数字签名 {date}"]
        size = 9.0
    else:
        lines = [f"数字签名：{name}", date]
        size = 10.5
        c.setStrokeColorRGB(0.5, 0.5, 0.5)
        c.setLineWidth(0.5)
        c.rect(0.5, 0.5, width - 1, height - 1)
    while size > MIN_LABEL_SIZE and max(stringWidth(t, font, size) for t in lines) > width - 6:
        size -= 0.5
    c.setFont(font, size)
    y = 2 + (size + 2) * (len(lines) - 1) + 1
    for t in lines:
        c.drawCentredString(width / 2, y, t)
        y -= size + 2
    c.showPage()
    c.save()
    return buf.getvalue()


def sign_pdf(in_pdf, out_pdf, p12_path, passphrase: str, seal_png=None, reason: str = DEFAULT_REASON,
             progress: Progress = NO_PROGRESS, *, location: str = "", field_name: str | None = None,
             anchor=None) -> Path:
    """Add one PAdES signature to ``in_pdf`` as an incremental revision and write ``out_pdf`` atomically
    (``out_pdf`` may equal ``in_pdf``). Earlier signatures stay valid.

    The visible appearance (box of 40 mm) sits over the document's 落款: ``anchor`` (page index, box) as the
    renderer recorded it, else the record in the PDF (see :func:`_seal_box`): the seal image if ``seal_png`` is
    given, and the signer's name with the date (never below 9 pt).

    Raises:
        SigningError: wrong passphrase (“签名证书密码错误”), unreadable identity, seal or PDF, or an
            unwritable target.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    from .output import write_atomically

    in_pdf, out_pdf = Path(in_pdf), Path(out_pdf)
    check(progress)
    progress.set(0, 3, "读取签名证书")
    signer = _load_signer(Path(p12_path), passphrase)
    try:
        data = in_pdf.read_bytes()
    except OSError as e:
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法读取要签署的 PDF：{path}（{reason}）"), path=in_pdf,
                           reason=e.strerror or e) from e
    if not data.startswith(b"%PDF"):
        raise SigningError(QT_TRANSLATE_NOOP("core", "不是 PDF 文件：{path}"), path=in_pdf)
    if seal_png is not None and not Path(seal_png).is_file():
        raise SigningError(QT_TRANSLATE_NOOP("core", "找不到印章图片：{path}"), path=seal_png)
    try:
        existing = len(PdfFileReader(io.BytesIO(data)).embedded_signatures)
    except Exception as e:  # noqa: BLE001
        raise SigningError(QT_TRANSLATE_NOOP("core", "PDF 文件无法解析（可能已损坏）：{path}（{reason}）"), path=in_pdf,
                           reason=e) from e
    name = field_name or f"Signature{existing + 1}"
    subj = signer.signing_cert.subject.native
    signer_name = subj.get("common_name", "") or "签署人"
    now = _dt.datetime.now().astimezone()
    page_ix, box = _seal_box(data, with_seal=seal_png is not None, anchor=anchor)
    check(progress)
    progress.set(1, 3, "生成签章外观")
    with tempfile.TemporaryDirectory() as td:
        ap = Path(td) / "appearance.pdf"
        ap.write_bytes(_appearance_pdf(box[2] - box[0], box[3] - box[1],
                                       Path(seal_png) if seal_png else None, signer_name, now))
        style = StaticStampStyle.from_pdf_file(str(ap), border_width=0)
        meta = signers.PdfSignatureMetadata(
            field_name=name, reason=reason or DEFAULT_REASON, location=location or None, name=signer_name,
            subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        )
        spec = fields.SigFieldSpec(sig_field_name=name, on_page=page_ix, box=tuple(round(v, 2) for v in box))
        progress.set(2, 3, "签署")
        try:
            w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            out = io.BytesIO()
            # Reserve the signature's room up front instead of letting pyHanko sign twice to measure it: the CMS
            # holds the certificates plus the signature value, the signed attributes and the signer's issuer
            # (under 2 KiB even for RSA-4096), so 4 KiB beyond the certificates is ample. Counted in hex digits
            # (pyHanko wants an even count); every reader of the signed file parses them one by one.
            certs = [signer.signing_cert, *(getattr(signer, "cert_registry", None) or [])]
            reserved = 2 * (4096 + sum(len(c.dump()) for c in certs))
            signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec).sign_pdf(
                w, output=out, bytes_reserved=reserved)
        except SigningError:
            raise
        except Exception as e:  # noqa: BLE001 - pyHanko raises several kinds for malformed input
            raise SigningError(QT_TRANSLATE_NOOP("core", "签署失败：{reason}"), reason=e) from e
    check(progress)
    try:
        write_atomically(out.getvalue(), out_pdf)
    except Exception as e:  # ReportError from the shared writer → SigningError for this operation
        raise SigningError.from_error(e) from e
    progress.set(3, 3, "签署完成")
    return out_pdf


# ---------------------------------------------------------------------------------------------- verifying
def _display_name(cert) -> str:
    subj = cert.subject.native
    name = subj.get("common_name", "") or cert.subject.human_friendly
    org = subj.get("organization_name", "")
    return f"{name}（{org}）" if org and org != name else name


def signer_names(path) -> list[str]:
    """Signers of a PDF's signatures in order (from their certificates; no validation — see verify_pdf)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    global _parsed
    try:
        data = Path(path).read_bytes()
        cached, _parsed = _parsed, None
        reader = cached[1] if cached is not None and cached[0] == data else None
        if reader is None:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
        names = [_display_name(s.signer_cert) for s in reader.embedded_signatures]
        _parsed = (data, reader)  # verify_pdf of these same bytes next (a new report) need not parse again
        return names
    except Exception as e:  # noqa: BLE001
        raise SigningError(QT_TRANSLATE_NOOP("core", "PDF 文件无法解析：{path}（{reason}）"), path=path, reason=e) from e


# The last PDF signer_names parsed: (its bytes, pyHanko's reader). A signed report's signers are listed (to keep
# them with the report) and then verified: parsing the signature's /Contents (~17,000 hex digits read one by one
# by pyHanko) is the biggest part of each. verify_pdf takes the reader only for byte-identical content, once.
_parsed: tuple[bytes, object] | None = None



def _padding_intact(sig) -> bool:
    """True when the bytes after the CMS signature inside ``/Contents`` are all zero. ``/Contents`` is the one
    part of the file no signature covers (it holds the signature); the CMS structure has its own length, so a
    byte changed in the zero padding after it escapes the cryptographic check and must be checked here."""
    try:
        c = bytes(sig.sig_object["/Contents"])
    except Exception:  # noqa: BLE001 - no contents: the validation reports it
        return True
    if len(c) < 2 or c[0] != 0x30:
        return False
    first = c[1]
    if first < 0x80:
        end = 2 + first
    elif first == 0x80:  # indefinite length (BER): the end is not known from the header
        return True
    else:
        n = first & 0x7F
        end = 2 + n + int.from_bytes(c[2:2 + n], "big")
    return end <= len(c) and not any(c[end:])


def verify_pdf(path) -> list[SignatureStatus]:
    """Check every signature of a PDF, in file order (see module text for what ``ok`` means).

    Returns an empty list for a PDF without signatures.

    Raises:
        SigningError: the file is missing, not a PDF, or so damaged it cannot be parsed (treat as altered).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SigningError(QT_TRANSLATE_NOOP("core", "无法读取文件：{path}（{reason}）"), path=path,
                           reason=e.strerror or e) from e
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SigningError(QT_TRANSLATE_NOOP("core", "不是 PDF 文件：{path}"), path=path)
    global _parsed
    cached, _parsed = _parsed, None
    try:
        if cached is not None and cached[0] == data:
            reader = cached[1]
        else:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as e:  # noqa: BLE001
        raise SigningError(QT_TRANSLATE_NOOP("core", "PDF 文件已损坏或被篡改，无法解析：{name}（{reason}）"), name=path.name,
                           reason=e) from e
    out: list[SignatureStatus] = []
    for k, sig in enumerate(sigs):
        last = k == len(sigs) - 1
        field = sig.field_name or f"Signature{k + 1}"
        signer, when, self_signed = "", None, False
        intact = whole = ok = False
        try:
            cert = sig.signer_cert
            signer = _display_name(cert)
            self_signed = cert.issuer == cert.subject
            when = sig.self_reported_timestamp
            vc = ValidationContext(trust_roots=[cert], allow_fetching=False)
            st = validate_pdf_signature(sig, vc)
            intact = bool(st.intact and st.valid)
            whole = st.coverage == SignatureCoverageLevel.ENTIRE_FILE
            level = st.modification_level
            permitted = level is not None and level <= ModificationLevel.FORM_FILLING and st.docmdp_ok is not False
            ok = intact and (whole if last else (whole or permitted))
            padded = _padding_intact(sig)
            if not padded:
                ok = False
            if not intact:
                summary = "签名已失效：签署后文件内容被修改"
            elif not padded:
                summary = "签名值之后的填充区被改动（应全为 0）：文件在签署后被修改"
            elif last and not whole:
                summary = "签名本身完整，但签署后文件末尾被追加了未签署的内容"
            elif not ok:
                summary = "签名完整，但其后的修订包含不允许的修改"
            elif whole:
                summary = "签名有效，覆盖整个文件"
            else:
                summary = "签名有效，其后仅有允许的增量修订（如后续签名）"
        except Exception as e:  # noqa: BLE001 - a damaged signature dictionary or CMS blob
            summary = f"签名无法验证（已损坏或被篡改）：{e}"
        if self_signed and ok:
            summary += "；证书为自签名，仅证明文件完整性，未经第三方认证机构认证"
        out.append(SignatureStatus(field, signer, when, intact, whole, ok, summary, self_signed))
    return out


__all__ = ["SignatureStatus", "create_identity", "sign_pdf", "verify_pdf", "signer_names", "identity_info", "IdentityInfo",
           "DEFAULT_REASON"]
