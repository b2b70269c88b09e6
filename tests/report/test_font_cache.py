"""The parsed-font cache: the same font tables as parsing, and parsing again whenever the cache is unusable."""

from __future__ import annotations

import subprocess
import sys

import pytest
from reportlab.pdfbase import ttfonts

from wcif_desktop.paths import resource
from wcif_desktop.render import fonts

FONT = resource("fonts", "DroidSansFallbackFull.ttf")


_PARSED_KEYS = list(ttfonts.TTFont("X", str(FONT)).face.__dict__)


def _face_state(font) -> dict:
    """Every attribute reportlab set on the parsed face, as the cached face answers it (the cached one builds some
    of them lazily: ``hmetrics`` over two arrays, ``glyphToChar`` on first use)."""
    out = {}
    for k in _PARSED_KEYS:
        if k in ("_pdfScale", "_ttf_data"):
            continue
        v = getattr(font.face, k)
        out[k] = list(v) if k == "hmetrics" else v
    out["_ttf_data"] = bytes(font.face._ttf_data)
    return out


def test_cached_font_equals_parsed_font(tmp_path, monkeypatch):
    monkeypatch.setenv("WCIF_CACHE_DIR", str(tmp_path / "缓存 目录"))
    parsed = ttfonts.TTFont("X", str(FONT))
    first = fonts.load_ttfont("X", FONT)
    files = sorted((tmp_path / "缓存 目录" / "fonts").glob("*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 0

    def no_parsing(*a, **k):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(ttfonts.TTFontFile, "__init__", no_parsing)
    cached = fonts.load_ttfont("X", FONT)
    assert cached.face is not first.face
    assert _face_state(cached) == _face_state(parsed)
    assert set(cached.__dict__) == set(parsed.__dict__)
    assert cached.shapable == parsed.shapable and cached._asciiReadable == parsed._asciiReadable
    text = "工伤保险基金绩效评价 Ab1"
    assert cached.stringWidth(text, 12) == parsed.stringWidth(text, 12)
    # what is embedded in the PDF: the subset font programs, byte for byte (composite glyphs included)
    codes = [ord(c) for c in "工伤保险基金绩效评价，（）《》、“” Ab1%"] + list(range(0x4E00, 0x4E00 + 300))
    assert cached.face.makeSubset(codes) == parsed.face.makeSubset(codes)


def test_corrupt_cache_falls_back_to_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("WCIF_CACHE_DIR", str(tmp_path))
    fonts.load_ttfont("X", FONT)
    (cache_file,) = (tmp_path / "fonts").glob("*.marshal")
    cache_file.write_bytes(b"\x00garbage")
    font = fonts.load_ttfont("X", FONT)
    assert _face_state(font) == _face_state(ttfonts.TTFont("X", str(FONT)))
    assert cache_file.stat().st_size > 100  # rewritten


def test_other_font_file_is_not_served_from_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WCIF_CACHE_DIR", str(tmp_path))
    copy = tmp_path / "字体 副本.ttf"
    data = bytearray(FONT.read_bytes())
    copy.write_bytes(bytes(data))
    fonts.load_ttfont("X", copy)
    data[-1] ^= 0xFF  # a changed file has another SHA-256: its own entry (same size, written just after)
    copy.write_bytes(bytes(data))
    fonts.load_ttfont("X", copy)
    assert len(list((tmp_path / "fonts").glob("*.marshal"))) == 2


def test_an_unchanged_font_file_is_not_hashed_again(tmp_path, monkeypatch):
    """The file's SHA-256 is remembered with its size and modification time; a file modified since (or too
    recently to tell) is hashed again."""
    import hashlib
    import os

    monkeypatch.setenv("WCIF_CACHE_DIR", str(tmp_path / "缓存"))
    copy = tmp_path / "字体 副本.ttf"
    copy.write_bytes(FONT.read_bytes())
    old = copy.stat().st_mtime_ns - 10 ** 11  # modified 100 s ago
    os.utime(copy, ns=(old, old))
    hashed = []
    real = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda *a: hashed.append(1) or real(*a))
    first = fonts.load_ttfont("X", copy)
    assert len(hashed) == 1
    again = fonts.load_ttfont("X", copy)
    assert len(hashed) == 1  # not hashed again
    assert again.face.charToGlyph == first.face.charToGlyph
    data = bytearray(copy.read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    os.utime(copy, ns=(old + 10 ** 9, old + 10 ** 9))  # changed: another time stamp, same size
    fonts.load_ttfont("X", copy)
    assert len(hashed) == 2
    fresh = tmp_path / "新 字体.ttf"  # written just now: its time stamp cannot vouch for it
    fresh.write_bytes(FONT.read_bytes())
    fonts.load_ttfont("X", fresh)
    fonts.load_ttfont("X", fresh)
    assert len(hashed) == 4


def test_unwritable_cache_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("WCIF_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    font = fonts.load_ttfont("X", FONT)
    assert font.face.charToGlyph


@pytest.mark.slow
def test_signing_does_not_import_aiohttp(tmp_path):
    """pyHanko's aiohttp clients stay unloaded while signing and verifying; a time-stamper still works on use."""
    code = r"""
import sys
from pathlib import Path
from reportlab.pdfgen import canvas
from wcif_desktop.render.signing import create_identity, sign_pdf, verify_pdf
d = Path(sys.argv[1])
c = canvas.Canvas(str(d / "a.pdf")); c.drawString(100, 700, "x"); c.save()
p12 = create_identity(d / "id.p12", "pw", "王建国", "事务所")
sign_pdf(d / "a.pdf", d / "b.pdf", p12, "pw")
assert all(s.ok for s in verify_pdf(d / "b.pdf"))
assert "aiohttp" not in sys.modules, "aiohttp imported"
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.api import TimeStamper
ts = HTTPTimeStamper("http://127.0.0.1:9/tsa")
assert isinstance(ts, TimeStamper) and "aiohttp" in sys.modules
print("ok")
"""
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "ok"
