"""Reading report PDFs back for tests (pypdf): page texts, 目录 entries, footer page numbers, fonts."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

TOC_LINE = re.compile(r"^(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)\s*$")
FOOTER = re.compile(r"—\s*(\d+)\s*—")


def norm(text: str) -> str:
    """NFKC, without any whitespace (so wrapped lines and full/half-width forms compare equal)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


_CACHE: dict = {}


def page_texts(pdf: Path) -> list[str]:
    """Text of every page (cached per file content: tests read the same PDF many times)."""
    data = Path(pdf).read_bytes()
    key = (str(pdf), hash(data))
    if key not in _CACHE:
        import io

        _CACHE.clear()
        _CACHE[key] = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    return list(_CACHE[key])


def all_text(pdf: Path) -> str:
    return norm("".join(page_texts(pdf)))


def toc_entries(pdf: Path) -> list[tuple[str, int]]:
    """(title, page) of every 目录 line; lines may come as “title ....” and “N” on separate lines."""
    texts = page_texts(pdf)
    k = next(i for i, t in enumerate(texts) if re.sub(r"^(草稿|征求意见稿)", "", norm(t)).startswith("目录"))
    end = k + 1
    while end < len(texts) and not FOOTER.search(texts[end]):  # 目录 pages carry no page number
        end += 1
    lines = [ln.strip() for t in texts[k:end] for ln in t.splitlines()
             if ln.strip() and ln.strip() not in ("草稿", "征求意见稿")]  # the draft mark in each page's header
    merged, out = [], []
    for ln in lines:
        if ln.isdigit() and merged:
            merged[-1] += " " + ln
        else:
            merged.append(ln)
    pending = ""  # a long title wraps: its first lines carry no dots or number
    for ln in merged[1:] if merged and norm(merged[0]) == "目录" else merged:
        m = TOC_LINE.match(pending + ln)
        if m:
            out.append((m.group("title").strip(), int(m.group("page"))))
            pending = ""
        else:
            pending += ln
    return out


def logical_page_of(pdf: Path, heading: str) -> int | None:
    """Footer number (— N —) of the first body page holding ``heading`` (目录 page excluded)."""
    target = norm(heading)
    for t in page_texts(pdf):
        n = norm(t)
        if not FOOTER.search(t):  # cover and 目录 pages
            continue
        if target in n:
            m = FOOTER.search(t)
            return int(m.group(1)) if m else None
    return None


def _font_dicts(res, out, seen):
    """Fonts of a resource dictionary, recursing into form XObjects."""
    if res is None or id(res) in seen:
        return
    seen.add(id(res))
    res = res.get_object()
    for f in (res.get("/Font") or {}).values():
        out.append(f.get_object())
    for x in (res.get("/XObject") or {}).values():
        x = x.get_object()
        if x.get("/Subtype") == "/Form":
            _font_dicts(x.get("/Resources"), out, seen)


def fonts_not_embedded(pdf: Path) -> list[str]:
    """Names of fonts (page content, form XObjects, annotation appearances such as signature seals,
    descendant fonts) whose descriptor has no embedded font file."""
    fonts: list = []
    seen: set = set()
    for page in PdfReader(str(pdf)).pages:
        _font_dicts(page.get("/Resources"), fonts, seen)
        for a in page.get("/Annots") or []:
            ap = (a.get_object().get("/AP") or {}).get("/N")
            if ap is not None:
                ap = ap.get_object()
                _font_dicts(ap.get("/Resources"), fonts, seen)
    bad = []
    while fonts:
        f = fonts.pop()
        for d in f.get("/DescendantFonts") or []:
            fonts.append(d.get_object())
        if f.get("/Subtype") == "/Type0":
            continue
        desc = f.get("/FontDescriptor")
        desc = desc.get_object() if desc is not None else {}
        if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            bad.append(str(f.get("/BaseFont")))
    return bad


def font_count(pdf: Path) -> int:
    fonts: list = []
    for page in PdfReader(str(pdf)).pages:
        _font_dicts(page.get("/Resources"), fonts, set())
    return len(fonts)
