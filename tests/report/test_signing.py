"""Signing identities, PAdES signatures (single and several signers), verification, tampering, CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from report_pdfutil import fonts_not_embedded

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import SigningError
from wcif_desktop.render.signing import create_identity, sign_pdf, verify_pdf

PW = "密码 123"


@pytest.fixture(scope="module")
def ids(tmp_path_factory):
    d = tmp_path_factory.mktemp("签名 证书")
    lead = create_identity(d / "组长 王建国.p12", PW, "王建国", "内蒙古鑫方圆会计师事务有限公司")
    agency = create_identity(d / "机构.p12", "pw2", "内蒙古鑫方圆会计师事务有限公司", "内蒙古鑫方圆会计师事务有限公司")
    (d / "pw.txt").write_text(PW + "\n", encoding="utf-8")
    (d / "pw2.txt").write_text("pw2\r\n", encoding="utf-8")
    (d / "wrong.txt").write_text("不对\n", encoding="utf-8")
    return d, lead, agency


@pytest.fixture(scope="module")
def seal(tmp_path_factory):
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    ImageDraw.Draw(im).ellipse((8, 8, 292, 292), outline=(220, 0, 0, 255), width=12)
    p = tmp_path_factory.mktemp("印章") / "公章.png"
    im.save(p)
    return p


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory, _sample_master):
    from wcif_desktop.services.evaluation import load_snapshot
    from wcif_desktop.services.report_build import generate_report
    from wcif_desktop.store.db import EvaluationFile

    with EvaluationFile.open(_sample_master) as ef:
        snap = load_snapshot(ef)
    return generate_report(snap, tmp_path_factory.mktemp("未签") / "简版 报告.pdf")


def _flip(src, dst, pos):
    data = bytearray(src.read_bytes())
    data[pos] = (data[pos] + 1) % 256 if data[pos] not in b"0123456789abcdef" else ord("x")
    dst.write_bytes(bytes(data))


def test_identity_file_is_password_protected(ids):
    from cryptography.hazmat.primitives.serialization import pkcs12

    _, lead, _ = ids
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(lead.read_bytes(), None)
    key, cert, _ = pkcs12.load_key_and_certificates(lead.read_bytes(), PW.encode())
    assert "王建国" in cert.subject.rfc4514_string()
    with pytest.raises(SigningError, match="已存在"):
        create_identity(lead, PW, "王建国", "x")


def test_sign_and_verify(ids, unsigned, workdir, seal):
    _, lead, _ = ids
    out = sign_pdf(unsigned, workdir / "已签 报告.pdf", lead, PW, seal_png=seal)
    [st] = verify_pdf(out)
    assert st.ok and st.intact and st.covers_whole_file and st.signer.startswith("王建国")
    assert st.self_signed and "自签名" in st.summary
    assert out.read_bytes().startswith(unsigned.read_bytes())  # incremental: the original bytes are kept
    assert fonts_not_embedded(out) == []


def test_wrong_passphrase_is_a_clear_error(ids, unsigned, workdir):
    _, lead, _ = ids
    with pytest.raises(SigningError, match="密码错误"):
        sign_pdf(unsigned, workdir / "x.pdf", lead, "wrong")
    with pytest.raises(SigningError, match="不是有效的签名证书"):
        sign_pdf(unsigned, workdir / "x.pdf", unsigned, "wrong")
    assert not (workdir / "x.pdf").exists()


def test_only_a_wrong_passphrase_is_called_wrong(ids, unsigned, workdir, monkeypatch):
    """A failure after the identity decrypted (here: a pyHanko without ``load_pkcs12_data``, as before 0.32)
    names itself instead of blaming the password."""
    from pyhanko.sign import signers

    _, lead, _ = ids
    monkeypatch.delattr(signers.SimpleSigner, "load_pkcs12_data")
    with pytest.raises(SigningError) as err:
        sign_pdf(unsigned, workdir / "y.pdf", lead, PW)
    assert "密码" not in str(err.value) and "load_pkcs12_data" in str(err.value)
    with pytest.raises(SigningError, match="密码错误"):  # a wrong one still is
        sign_pdf(unsigned, workdir / "y.pdf", lead, "wrong")
    assert not (workdir / "y.pdf").exists()


def test_two_signers_each_incremental_all_valid(ids, unsigned, workdir, seal):
    _, lead, agency = ids
    one = sign_pdf(unsigned, workdir / "一签.pdf", lead, PW)
    two = sign_pdf(one, workdir / "二签.pdf", agency, "pw2", seal_png=seal)
    sts = verify_pdf(two)
    assert [s.field_name for s in sts] == ["Signature1", "Signature2"]
    assert all(s.ok for s in sts)
    assert not sts[0].covers_whole_file and sts[1].covers_whole_file
    assert two.read_bytes().startswith(one.read_bytes())
    # appending anything after the last signature makes it not cover the file
    tail = workdir / "追加.pdf"
    tail.write_bytes(two.read_bytes() + b"\n% appended\n")
    assert not verify_pdf(tail)[-1].ok


def test_the_identity_is_decrypted_once_per_signature(ids, unsigned, workdir, monkeypatch):
    """Opening a PKCS#12 runs its key derivation (many rounds): a signature opens the identity once; only a failure
    opens it a second time, to say whether the password was wrong."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    _, lead, _ = ids
    calls = []
    real = pkcs12.load_key_and_certificates
    monkeypatch.setattr(pkcs12, "load_key_and_certificates", lambda *a, **k: calls.append(1) or real(*a, **k))
    sign_pdf(unsigned, workdir / "一次.pdf", lead, PW)
    assert len(calls) == 1
    with pytest.raises(SigningError, match="密码错误"):
        sign_pdf(unsigned, workdir / "一次.pdf", lead, "wrong")


def test_verify_after_listing_signers_still_reads_the_file(ids, unsigned, workdir):
    """signer_names keeps its parse for verify_pdf of the same bytes (a new report is listed, then verified); a
    file changed in between is parsed and checked anew."""
    from wcif_desktop.render.signing import signer_names

    _, lead, _ = ids
    signed = sign_pdf(unsigned, workdir / "列出.pdf", lead, PW)
    assert signer_names(signed)[0].startswith("王建国")
    assert [s.ok for s in verify_pdf(signed)] == [True]
    assert signer_names(signed)[0].startswith("王建国")
    data = signed.read_bytes()
    k = data.rfind(b"/Contents <") + len(b"/Contents <") + 400
    signed.write_bytes(data[:k] + (b"1" if data[k:k + 1] != b"1" else b"2") + data[k + 1:])  # changed since
    assert [s.ok for s in verify_pdf(signed)] == [False]


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, 0.999])
def test_one_changed_byte_is_detected(ids, unsigned, workdir, where):
    _, lead, _ = ids
    signed = sign_pdf(unsigned, workdir / "签.pdf", lead, PW)
    bad = workdir / "改.pdf"
    _flip(signed, bad, int(len(signed.read_bytes()) * where))
    try:
        sts = verify_pdf(bad)
    except SigningError:
        sts = None  # damaged beyond parsing: also “not ok”
    assert sts is None or not all(s.ok for s in sts)
    assert main(["verify", str(bad)]) == 1


def test_signature_contents_changed_is_detected(ids, unsigned, workdir):
    _, lead, _ = ids
    signed = sign_pdf(unsigned, workdir / "签.pdf", lead, PW)
    data = signed.read_bytes()
    k = data.rfind(b"/Contents <") + len(b"/Contents <") + 400
    bad = workdir / "改签名.pdf"
    _flip(signed, bad, k)
    assert main(["verify", str(bad)]) == 1


@pytest.mark.parametrize("new", [b"1", b"f"])
def test_a_changed_byte_in_the_signature_zero_padding_is_detected(ids, unsigned, workdir, new, capsys):
    """Issue 23.6: ``/Contents`` holds the CMS signature then zeros up to its reserved size; the signature cannot
    cover itself, so a byte changed in that padding used to pass ``verify``."""
    _, lead, _ = ids
    signed = sign_pdf(unsigned, workdir / "签.pdf", lead, PW)
    assert main(["verify", str(signed)]) == 0
    data = signed.read_bytes()
    start = data.rfind(b"/Contents <") + len(b"/Contents <")
    end = data.index(b">", start)
    assert data[end - 200:end] == b"0" * 200  # the padding
    bad = workdir / "改填充.pdf"
    bad.write_bytes(data[:end - 100] + new + data[end - 99:])
    capsys.readouterr()
    assert main(["verify", str(bad)]) == 1
    assert "填充区" in capsys.readouterr().out


def test_cli_report_sign_verify(ids, sample_path, workdir, seal, capsys):
    d, lead, agency = ids
    out = workdir / "命令行 报告.pdf"
    rc = main(["report", str(sample_path), "-o", str(out), "--sign", str(lead),
               "--passphrase-file", str(d / "pw.txt"), "--seal", str(seal)])
    assert rc == 0 and out.is_file()
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "王建国" in printed and "有效" in printed
    two = workdir / "二签.pdf"
    assert main(["sign", str(out), "-o", str(two), "--sign", str(agency), "--passphrase-file",
                 str(d / "pw2.txt")]) == 0
    capsys.readouterr()
    assert main(["verify", str(two)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("有效：") == 2
    # unsigned PDF: no signature → 1
    plain = workdir / "未签.pdf"
    assert main(["report", str(sample_path), "-o", str(plain)]) == 0
    assert main(["verify", str(plain)]) == 1


@pytest.mark.slow
def test_cli_errors_are_one_line(ids, sample_path, workdir):
    d, lead, _ = ids
    not_eval = workdir / "不是评价.wcif"
    not_eval.write_text("hello", encoding="utf-8")
    cases = [
        ["report", str(workdir / "没有.wcif"), "-o", str(workdir / "a.pdf")],
        ["report", str(not_eval), "-o", str(workdir / "a.pdf")],
        ["report", str(sample_path), "-o", str(workdir / "a.pdf"), "--sign", str(lead), "--passphrase-file",
         str(d / "wrong.txt")],
        ["verify", str(workdir / "没有.pdf")],
    ]
    for argv in cases:
        p = subprocess.run([sys.executable, "-m", "wcif_desktop", *argv], capture_output=True, text=True,
                           encoding="utf-8")
        assert p.returncode != 0, argv
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("错误："), (argv, p.stderr)
    assert not (workdir / "a.pdf").exists()


def test_cli_identity(workdir):
    pw = workdir / "口令.txt"
    pw.write_text("s3cret\n", encoding="utf-8")
    out = workdir / "新 证书.p12"
    assert main(["identity", str(out), "--name", "李晓梅", "--org", "某事务所", "--passphrase-file", str(pw)]) == 0
    from wcif_desktop.render.signing import identity_info

    info = identity_info(out, "s3cret")
    assert info.signer == "李晓梅" and info.organisation == "某事务所" and info.self_signed




def test_passphrase_file_in_utf8_or_gbk(workdir):
    from wcif_desktop.commands.report import read_passphrase

    a, b = workdir / "utf8.txt", workdir / "gbk.txt"
    a.write_bytes("\ufeff密码 一\r\nignored".encode("utf-8"))
    b.write_bytes("密码 一\n".encode("gbk"))
    assert read_passphrase(a) == read_passphrase(b) == "密码 一"
    with pytest.raises(SigningError):
        read_passphrase(workdir / "没有.txt")


def test_cli_output_into_a_closed_pipe_stops_quietly(sample_path):
    """``wcif-desktop readiness F | head -1``: no BrokenPipeError traceback when the reader goes away."""
    p = subprocess.Popen([sys.executable, "-m", "wcif_desktop", "score", str(sample_path)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.close()  # the reader goes away before the command prints anything
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait()
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def _rsa_identity(path, passphrase: str, bits: int):
    """A PKCS#12 with an RSA key of ``bits`` and a long issuer/subject name, issued by an intermediate CA that
    is included (a CA-issued identity is larger than the app's own ECDSA ones)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "内蒙古自治区某某电子认证服务有限公司" * 3),
                          x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "工伤保险基金绩效评价项目组" * 3),
                          x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    ca = (x509.CertificateBuilder().subject_name(name("中级 CA")).issuer_name(name("中级 CA"))
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    cert = (x509.CertificateBuilder().subject_name(name("王建国")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(2).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(ca_key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"x", key, cert, [ca], serialization.BestAvailableEncryption(passphrase.encode())))
    return path


@pytest.mark.slow
def test_a_large_rsa_identity_fits_the_reserved_room(unsigned, workdir):
    """The room reserved for the signature (4 KiB beyond the certificates) holds an RSA-4096 signature with long
    names and an included CA certificate."""
    p12 = _rsa_identity(workdir / "RSA 4096.p12", "pw", 4096)
    out = sign_pdf(unsigned, workdir / "RSA 签.pdf", p12, "pw")
    [st] = verify_pdf(out)
    assert st.intact and st.covers_whole_file and st.signer.startswith("王建国")
