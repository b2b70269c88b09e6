"""Reading generated documents back (python-docx, pypdf)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from pypdf import PdfReader

PLACEHOLDER_LEFTOVERS = re.compile(r"\{\{|\}\}|\{%|%\}|【未知字段")


def docx_paragraphs(path: Path):
    return docx.Document(str(path)).paragraphs


def docx_headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of paragraphs whose style is a built-in Heading 1–3."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        name = p.style.name if p.style is not None else ""
        m = re.fullmatch(r"Heading (\d)", name)
        if m:
            out.append((int(m.group(1)), p.text))
    return out


def docx_all_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers."""
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    for s in d.sections:
        parts.extend(p.text for p in s.header.paragraphs)
        parts.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(parts)


def docx_xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    """Text without whitespace (PDF extraction breaks lines anywhere)."""
    return re.sub(r"\s+", "", text)
