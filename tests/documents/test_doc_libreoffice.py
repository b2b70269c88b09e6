"""The .docx files open in a real word processor: LibreOffice converts them to PDF (skipped without it)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from wcif_desktop.paths import resource
from wcif_desktop.services.deliverables.generate import write_document

from .docutil import pdf_text, squash

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _system_cjk_font() -> bool:
    """LibreOffice lays Chinese text out with the system's fonts; without one it writes empty boxes."""
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True).stdout
    return bool(out.strip())


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
@pytest.mark.skipif(SOFFICE is not None and not _system_cjk_font(), reason="no Chinese system font for LibreOffice")
@pytest.mark.parametrize("template", [False, True])
def test_libreoffice_opens_the_word_report(sample_file, workdir, template):
    from pypdf import PdfReader

    tpl = resource("templates", "firm_template_sample.docx") if template else None
    docx_path = write_document(sample_file, "report-brief", workdir / "简版 报告.docx", template=tpl)
    env = dict(os.environ, HOME=str(workdir / "lo-home"))
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(workdir / "lo"), str(docx_path)],
                   check=True, timeout=180, env=env, capture_output=True)
    pdf = workdir / "lo" / "简版 报告.pdf"
    text = squash(pdf_text(pdf))
    for heading in ("一、基本情况", "三、综合评价情况及评价结论", "（二）存在问题及原因分析", "五、有关建议"):
        assert heading in text
    assert "{{" not in text
    if not template:
        pages = [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]
        assert "— 1 —" not in pages[0]  # the cover carries no number
        assert any("— 1 —" in p for p in pages[1:])
