"""Fonts for reports: the official 仿宋/黑体/楷体 when the machine has them, bundled fonts otherwise.

GB/T 9704-2012 (see shared/DOMAIN.md §7) asks for a 仿宋 body, 黑体 first-level headings and 楷体
second-level headings. Windows ships them as ``C:/Windows/Fonts/simfang.ttf`` (仿宋), ``simhei.ttf`` (黑体)
and ``simkai.ttf`` (楷体); the same files are searched in the usual Linux and macOS font folders. When a face
is not found, the bundled fonts in ``resources/fonts/`` stand in (licences beside them):

- ``uming.ttc`` face 0 "AR PL UMing CN" (Arphic Public License) for the body (Song as 仿宋 substitute) and as
  楷体 substitute;
- ``DroidSansFallbackFull.ttf`` (Apache 2.0) for 黑体 headings.

All are TrueType (glyf outlines) registered as reportlab :class:`~reportlab.pdfbase.ttfonts.TTFont`, which
embeds them as subsets. ``WCIF_REPORT_FONTS=bundled`` forces the bundled fonts (reproducible output, tests).

A character that no font of the set covers would silently vanish from the PDF; :func:`missing_glyphs` finds
them so the report can refuse to write and name them.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

# Official file names per role (Windows names first; GB2312 variants as found on older machines).
OFFICIAL_FILES = {
    "body": ("simfang.ttf", "SIMFANG.TTF", "仿宋_GB2312.ttf", "FS_GB2312.ttf"),
    "heading": ("simhei.ttf", "SIMHEI.TTF"),
    "kai": ("simkai.ttf", "SIMKAI.TTF", "楷体_GB2312.ttf", "KAI_GB2312.ttf"),
}
BUNDLED = {
    "body": ("uming.ttc", 0),
    "heading": ("DroidSansFallbackFull.ttf", 0),
    "kai": ("uming.ttc", 0),
}
# reportlab names under which each role is registered (suffix tells official vs bundled).
_NAMES = {"body": "WCIF-FangSong", "heading": "WCIF-Hei", "kai": "WCIF-Kai"}

# Characters that never need a glyph (layout only).
_IGNORABLE = set("\n\r\t\u200b\u00ad\ufeff")


@dataclass(frozen=True)
class FontSet:
    """The registered report fonts.

    Attributes:
        body, heading, kai: reportlab font names (仿宋-style body, 黑体 headings, 楷体 second-level headings).
        body_path, heading_path, kai_path: the font files used.
        official: role → True when the machine's official font is used for it, False for the bundled one.
    """

    body: str
    heading: str
    kai: str
    body_path: Path
    heading_path: Path
    kai_path: Path
    official: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, str, str]:
        return (self.body, self.heading, self.kai)

    def covers(self, font_name: str, char: str) -> bool:
        """Whether the registered font ``font_name`` has a glyph for ``char``."""
        return ord(char) in _cmap(font_name)

    def fallback_for(self, char: str, preferred: str) -> str | None:
        """``preferred`` if it covers ``char``, else another font of the set that does, else ``None``."""
        if char in _IGNORABLE or self.covers(preferred, char):
            return preferred
        for name in (self.body, self.heading, self.kai):
            if name != preferred and self.covers(name, char):
                return name
        return None


def font_dirs() -> list[Path]:
    """Folders searched for the official fonts (Windows, macOS, Linux; user folders included)."""
    home = Path.home()
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    dirs.append(Path("C:/Windows/Fonts"))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
             Path("/System/Library/Fonts/Supplemental")]
    xdg = os.environ.get("XDG_DATA_HOME")
    dirs += [Path(xdg) / "fonts"] if xdg else []
    dirs += [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/share/fonts"),
             Path("/usr/local/share/fonts")]
    return dirs


def _find_official(role: str) -> Path | None:
    wanted = {n.lower() for n in OFFICIAL_FILES[role]}
    for d in font_dirs():
        try:
            if not d.is_dir():
                continue
        except OSError:
            continue
        # Direct hits first (cheap), then one recursive pass for Linux trees like /usr/share/fonts/truetype/x/.
        for name in OFFICIAL_FILES[role]:
            p = d / name
            if p.is_file():
                return p
        if d.parts[:2] in (("/", "usr"),) or "fonts" in d.name.lower():
            try:
                for p in d.rglob("*"):
                    if p.name.lower() in wanted and p.is_file():
                        return p
            except OSError:
                continue
    return None


_lock = threading.Lock()
_cache: dict[bool, FontSet] = {}
_cmaps: dict[str, frozenset[int]] = {}


def _cmap(font_name: str) -> frozenset[int]:
    cm = _cmaps.get(font_name)
    if cm is None:
        font = pdfmetrics.getFont(font_name)
        cm = frozenset(font.face.charToGlyph.keys())
        _cmaps[font_name] = cm
    return cm


def _register(role: str, path: Path, index: int, official: bool) -> str:
    name = f"{_NAMES[role]}-{'sys' if official else 'bundled'}"
    try:
        pdfmetrics.getFont(name)
        return name
    except KeyError:
        pass
    pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    _cmaps.pop(name, None)
    return name


def register_fonts(force_bundled: bool | None = None) -> FontSet:
    """Register the report fonts with reportlab (once per process) and return them.

    Args:
        force_bundled: use the bundled fonts even when official ones exist; default from the
            ``WCIF_REPORT_FONTS=bundled`` environment variable.

    Raises:
        ReportError: a bundled font file is missing or unreadable (a broken installation).
    """
    from ..domain.errors import QT_TRANSLATE_NOOP, ReportError

    if force_bundled is None:
        force_bundled = os.environ.get("WCIF_REPORT_FONTS", "").lower() == "bundled"
    with _lock:
        if force_bundled in _cache:
            return _cache[force_bundled]
        names: dict[str, str] = {}
        paths: dict[str, Path] = {}
        official: dict[str, bool] = {}
        for role in ("body", "heading", "kai"):
            found = None if force_bundled else _find_official(role)
            if found is not None:
                try:
                    names[role] = _register(role, found, 0, True)
                    paths[role], official[role] = found, True
                    continue
                except Exception:  # noqa: BLE001 - e.g. a CFF-outline font reportlab cannot embed
                    pass
            fname, index = BUNDLED[role]
            p = resource("fonts", fname)
            same = next((r for r in names if paths[r] == p and not official[r]), None)
            if same is not None:  # e.g. UMing as both body and 楷体 substitute: parse the big file once
                names[role], paths[role], official[role] = names[same], p, False
                continue
            try:
                names[role] = _register(role, p, index, False)
            except Exception as e:  # noqa: BLE001
                raise ReportError(QT_TRANSLATE_NOOP("core", "无法加载报告字体 {path}：{reason}（请重新安装 WCIF Desktop）"),
                                  path=p, reason=e) from e
            paths[role], official[role] = p, False
        fs = FontSet(
            body=names["body"], heading=names["heading"], kai=names["kai"],
            body_path=paths["body"], heading_path=paths["heading"], kai_path=paths["kai"],
            official=official,
        )
        _cache[force_bundled] = fs
        return fs


def missing_glyphs(text: str, fontset: FontSet) -> list[str]:
    """Characters of ``text`` that no font of ``fontset`` covers, each once, in order of first appearance.

    Whitespace and layout-only characters (newline, tab, soft hyphen, zero-width space, BOM) are ignored.
    """
    out: list[str] = []
    seen: set[str] = set()
    for ch in text or "":
        if ch in seen or ch in _IGNORABLE or ch == " ":
            continue
        seen.add(ch)
        if not any(fontset.covers(n, ch) for n in fontset.names):
            out.append(ch)
    return out


def describe_chars(chars: list[str]) -> str:
    """Human-readable list of characters with code points: ``“𠀀”(U+20000)、“☃”(U+2603)``."""
    return "、".join(f"“{c}”(U+{ord(c):04X})" for c in chars)


__all__ = ["FontSet", "register_fonts", "missing_glyphs", "describe_chars", "font_dirs"]
