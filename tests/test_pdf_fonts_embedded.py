"""Every PDF the app writes embeds every font it references (no silent standard-14 fallback such as Helvetica)."""

import subprocess
import sys

import pypdf
import pytest


def unembedded_fonts(pdf_path) -> set[str]:
    missing = set()
    for page in pypdf.PdfReader(pdf_path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for f in targets:
                desc = f.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(f.get("/BaseFont")))
    return missing


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "wcif_desktop", *map(str, args)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("kind", ["report-brief", "report-full", "work-plan", "letter", "problem-list", "summary"])
def test_documents_embed_all_fonts(sample_path, workdir, kind):
    out = workdir / f"{kind} 文档.pdf"
    run("document", sample_path, kind, "-o", out)
    assert unembedded_fonts(out) == set()


def test_request_list_embeds_all_fonts(sample_path, workdir):
    out = workdir / "资料 清单.pdf"
    run("request-list", sample_path, "-o", out, "--from-template")
    assert unembedded_fonts(out) == set()


def test_the_checker_notices_helvetica(workdir):
    from reportlab.pdfgen import canvas

    out = workdir / "plain.pdf"
    c = canvas.Canvas(str(out))
    c.drawString(100, 100, "Helvetica")
    c.save()
    assert "/Helvetica" in unembedded_fonts(out)
