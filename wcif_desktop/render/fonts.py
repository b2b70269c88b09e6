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
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

if TYPE_CHECKING:
    from collections.abc import KeysView

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
_cmaps: dict[str, KeysView[int]] = {}


def _cmap(font_name: str) -> KeysView[int]:
    """The code points the font has glyphs for: a view of its ``charToGlyph`` table (which reportlab fills while
    parsing and never changes after), not a copy of its ~25,000 keys."""
    cm = _cmaps.get(font_name)
    if cm is None:
        font = pdfmetrics.getFont(font_name)
        cm = font.face.charToGlyph.keys()
        _cmaps[font_name] = cm
    return cm


# Parsed font tables are cached in the user's cache folder (parsing the two bundled CJK fonts takes ~0.5 s,
# loading the cached tables a few ms). The key is the font file's SHA-256, the face index, reportlab's version and
# the Python version; a missing, stale, corrupt or unwritable cache only means parsing the file as before.
_FONT_CACHE_FORMAT = 3


def _font_cache_file(digest: str, index: int) -> Path:
    """The cache entry of face ``index`` of the font file whose SHA-256 is ``digest``."""
    import sys

    import reportlab

    from ..paths import user_cache_dir

    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return (user_cache_dir() / "fonts"
            / f"{digest}-{index}-rl{reportlab.Version}-py{py}-v{_FONT_CACHE_FORMAT}.marshal")


# The SHA-256 of a font file is remembered with the file's size and modification time (``digests.json`` in the
# font cache), so an unchanged file is neither read whole nor hashed again (~25 MB for the bundled fonts). As in
# git's index, a digest is trusted only for a file last modified well before the digest was taken: a file changed
# within the same clock tick as its hashing, keeping its size, is hashed again.
_DIGESTS = "digests.json"
_RACY_NS = 2_000_000_000


def _digest_key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _known_digest(path: Path, st: os.stat_result) -> str | None:
    import json

    from ..paths import user_cache_dir

    try:
        entry = json.loads((user_cache_dir() / "fonts" / _DIGESTS).read_text(encoding="utf-8")).get(_digest_key(path))
        size, mtime_ns, digest, taken_ns = entry
    except Exception:  # noqa: BLE001 - no index yet, unreadable or foreign: hash the file
        return None
    if size == st.st_size and mtime_ns == st.st_mtime_ns and st.st_mtime_ns < taken_ns - _RACY_NS \
            and isinstance(digest, str) and len(digest) == 64:
        return digest
    return None


def _remember_digest(path: Path, st: os.stat_result, digest: str) -> None:
    import json
    import time

    from ..paths import user_cache_dir

    try:
        index_file = user_cache_dir() / "fonts" / _DIGESTS
        try:
            known = json.loads(index_file.read_text(encoding="utf-8"))
            known = known if isinstance(known, dict) else {}
        except Exception:  # noqa: BLE001
            known = {}
        known[_digest_key(path)] = [st.st_size, st.st_mtime_ns, digest, time.time_ns()]
        index_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = index_file.with_name(f"{index_file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, index_file)
    except Exception:  # noqa: BLE001 - a read-only or full disk: hashed again next time
        pass


def _font_bytes(path: Path):
    """The font file's bytes for reportlab's subsetting, mapped rather than read (a subset touches a few pages of
    it); read whole where the file cannot be mapped."""
    import mmap

    try:
        with open(path, "rb") as fh:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return Path(path).read_bytes()


# Big tables are stored as typed arrays (loading is a memory copy) when all their values are ints or all floats.
_TABLES = ("charToGlyph", "glyphToChar", "charWidths", "glyphPos")


def _pack_list(values: list):
    from array import array

    kinds = {type(v) for v in values}
    if kinds == {int}:
        try:
            return ("q", array("q", values).tobytes())
        except OverflowError:
            pass
    if kinds == {float}:
        return ("d", array("d", values).tobytes())
    return ("m", list(values))


def _unpack_list(packed) -> list:
    from array import array

    code, payload = packed
    if code == "m":
        return list(payload)
    a = array(code)
    a.frombytes(payload)
    return a.tolist()


def _pack(value):
    if isinstance(value, dict):
        return ("dict", _pack_list(list(value.keys())), _pack_list(list(value.values())))
    return ("list", _pack_list(value))


def _unpack(packed):
    if packed[0] == "dict":
        return dict(zip(_unpack_list(packed[1]), _unpack_list(packed[2])))
    return _unpack_list(packed[1])


class _Pairs:
    """``face.hmetrics`` (the (advance, left side bearing) of each glyph) over the two cached arrays: reportlab
    reads it only for the glyphs of a subset, so the pairs are not built for all ~50,000 glyphs on every load."""

    __slots__ = ("_a", "_b")

    def __init__(self, a, b):
        self._a, self._b = a, b

    def __len__(self) -> int:
        return len(self._a)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self._a[i], self._b[i]))
        return (self._a[i], self._b[i])

    def __iter__(self):
        return zip(self._a, self._b)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)


class _Slices:
    """The font's ``glyf`` table for :meth:`TTFontFile.makeSubset`, which only slices out glyphs: each slice is
    copied, not the whole table (~20 MB for UMing) on every subset."""

    __slots__ = ("_view",)

    def __init__(self, data, pos: int, length: int):
        self._view = memoryview(data)[pos:pos + length]

    def __len__(self) -> int:
        return len(self._view)

    def __getitem__(self, i):
        return self._view[i].tobytes() if isinstance(i, slice) else self._view[i]


def _cached_face_class():
    from reportlab.pdfbase.ttfonts import TTFontFace

    global _CachedFace
    if _CachedFace is None:
        class CachedFace(TTFontFace):
            """A :class:`TTFontFace` restored from the font cache (not parsed): the same tables; ``glyphToChar``
            (used by reportlab only while parsing) is unpacked on first use."""

            def get_table(self, tag):
                if tag == "glyf":
                    return _Slices(self._ttf_data, *self.get_table_pos(tag))
                return super().get_table(tag)

            def __getattr__(self, name):
                if name == "glyphToChar" and "_packed_glyphToChar" in self.__dict__:
                    import marshal

                    value = _unpack(marshal.loads(self.__dict__.pop("_packed_glyphToChar")))
                    self.glyphToChar = value
                    return value
                raise AttributeError(name)

        _CachedFace = CachedFace
    return _CachedFace


_CachedFace = None


def _face_from_cache(cache_file: Path, data, path: Path):
    """The cached :class:`TTFontFace` of ``path`` (its file bytes ``data``), or ``None`` when there is no usable
    cache entry."""
    import marshal

    from reportlab.pdfbase.ttfonts import TTFNameBytes

    try:
        stored = marshal.loads(cache_file.read_bytes())
        state = dict(stored["state"])
        for key in stored["name_bytes"]:
            state[key] = TTFNameBytes(state[key])
        for key, packed in stored["tables"].items():
            if key == "glyphToChar":
                state["_packed_glyphToChar"] = packed
            else:
                state[key] = _unpack(packed)
        advances, lsbs = stored["hmetrics"]
        state["hmetrics"] = _Pairs(_unpack_list(advances), _unpack_list(lsbs))
    except Exception:  # noqa: BLE001 - missing, truncated or foreign file: parse instead
        return None
    if not isinstance(state.get("charToGlyph"), dict) or not isinstance(state.get("charWidths"), dict):
        return None
    units = state.get("unitsPerEm")
    if not isinstance(units, int) or units <= 0:
        return None
    face = _cached_face_class().__new__(_cached_face_class())
    face.__dict__.update(state)
    face._pdfScale = _pdf_scale(units)  # noqa: SLF001 - a closure in reportlab, not picklable
    face._ttf_data = data  # noqa: SLF001
    face.filename = str(path)
    return face


def _pdf_scale(units_per_em: int):
    """reportlab's font-unit → 1/1000 em scaling (as ``TTFontFile.extractInfo`` builds it)."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _face_to_cache(cache_file: Path, face) -> None:
    """Write the parsed tables of ``face`` (marshal: plain dicts, lists and numbers load several times faster than
    pickle; the (advance, lsb) pairs are stored as two lists)."""
    import marshal

    from reportlab.pdfbase.ttfonts import TTFNameBytes

    tmp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        state = {k: v for k, v in face.__dict__.items() if k not in ("_ttf_data", "_pdfScale", "hmetrics")}
        name_bytes = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
        for k in name_bytes:
            state[k] = bytes(state[k])
        tables = {k: _pack(state.pop(k)) for k in _TABLES if isinstance(state.get(k), (dict, list))}
        if "glyphToChar" in tables:  # lists of characters, needed only while parsing: unmarshalled on first use
            tables["glyphToChar"] = marshal.dumps(tables["glyphToChar"])
        hm = face.hmetrics
        payload = marshal.dumps({"state": state, "name_bytes": name_bytes, "tables": tables,
                                 "hmetrics": (_pack_list([a for a, _ in hm]), _pack_list([b for _, b in hm]))})
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(payload)
        os.replace(tmp, cache_file)
    except Exception:  # noqa: BLE001 - a read-only or full disk: no cache, same fonts
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _ttfont_with_face(name: str, face) -> TTFont:
    """A :class:`TTFont` around an already parsed face: what ``TTFont(name, path)`` sets, without parsing."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, unShapedFontGlob

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable  # noqa: SLF001
    font.shapable = not any(fnmatch(name, g) for g in unShapedFontGlob)
    return font


def load_ttfont(name: str, path: Path, index: int = 0, use_cache: bool = True) -> TTFont:
    """``TTFont(name, path, subfontIndex=index)``, with the parsed tables taken from (or written to) the user's
    font cache when ``use_cache``.

    Raises:
        OSError: the font file cannot be read.
        reportlab.pdfbase.ttfonts.TTFError: the file is not a TrueType font reportlab can embed.
    """
    if not use_cache:
        return TTFont(name, str(path), subfontIndex=index)
    path = Path(path)
    st = path.stat()
    digest = _known_digest(path, st)
    if digest is None:
        import hashlib

        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        _remember_digest(path, st, digest)
    else:
        data = _font_bytes(path)
    try:
        cache_file = _font_cache_file(digest, index)
    except Exception:  # noqa: BLE001 - no cache folder (e.g. read-only home)
        return TTFont(name, str(path), subfontIndex=index)
    face = _face_from_cache(cache_file, data, path)
    if face is not None:
        try:
            return _ttfont_with_face(name, face)
        except Exception:  # noqa: BLE001 - a reportlab whose TTFont differs: parse instead
            pass
    font = TTFont(name, str(path), subfontIndex=index)
    _face_to_cache(cache_file, font.face)
    return font


def _register(role: str, path: Path, index: int, official: bool) -> str:
    name = f"{_NAMES[role]}-{'sys' if official else 'bundled'}"
    # not pdfmetrics.getFont(name): for an unregistered name it first searches and parses reportlab's AFM files
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    pdfmetrics.registerFont(load_ttfont(name, path, index))
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
