"""reportlab flowables for Chinese report text: paragraphs, headings and 目录 lines.

Text is plain text, drawn as typed: it never goes through reportlab's paragraph markup, so ``<``, ``>`` and
``&`` in user text print as themselves and cannot break the layout. Lines are broken by
:mod:`wcif_desktop.render.linebreak`; each character is drawn in the paragraph's font or, when that font has
no glyph for it, in another font of the :class:`~wcif_desktop.render.fonts.FontSet` that has one
(characters no font has are caught before the PDF is written, see ``build.check_glyphs``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .fonts import FontSet
from .linebreak import break_lines

_WIDTHS: dict[tuple[str, float, str], float] = {}
# Laid-out lines per (text, style, fonts, width, first?): the 目录 needs two layout passes of the same story.
_LAYOUTS: dict[tuple, tuple] = {}


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks. ``role`` is body | heading | kai (see FontSet); sizes and indents in points,
    ``first_indent`` in ems (2 = the usual two-character indent of Chinese paragraphs)."""

    role: str = "body"
    size: float = 16.0
    leading: float = 28.0
    first_indent: float = 2.0
    left_indent: float = 0.0
    align: str = "justify"  # justify | left | center | right
    space_before: float = 0.0
    space_after: float = 0.0
    color: object = black

    def with_(self, **kw) -> "TextStyle":
        return replace(self, **kw)


@dataclass
class _Line:
    runs: list[tuple[str, str]]  # (font name, text)
    width: float
    text: str
    justify: bool
    indent: float


class TextCollector:
    """Collects every text drawn into a report, so it can be checked against the fonts before writing."""

    def __init__(self):
        self.parts: list[str] = []

    def add(self, text: str) -> str:
        self.parts.append(text)
        return text

    def text(self) -> str:
        return "\n".join(self.parts)


class CJKParagraph(Flowable):
    """One paragraph of Chinese (and Latin) text, broken by the Chinese rules, justified, splittable across
    pages (by lines, at least ``min_lines`` on each side when possible)."""

    min_lines = 2

    def __init__(self, text: str, style: TextStyle, fonts: FontSet, *, _lines=None, _first=True, _last=True):
        super().__init__()
        self.text = text
        self.style = style
        self.fonts = fonts
        self._given = _lines
        self._first = _first  # holds the first line (space before, first indent)
        self._last = _last  # holds the last line (space after, not justified)
        self._lines: list[_Line] = list(_lines or [])
        self._laid_width: float | None = None if _lines is None else -1.0
        self.spaceBefore = style.space_before if _first else 0.0
        self.spaceAfter = style.space_after if _last else 0.0
        self.width = 0.0
        self.height = 0.0

    # -------------------------------------------------------------- measuring
    @property
    def font(self) -> str:
        return getattr(self.fonts, self.style.role)

    def _font_for(self, ch: str) -> str:
        return self.fonts.fallback_for(ch, self.font) or self.font

    def measure(self, s: str) -> float:
        font, size = self.font, self.style.size
        total = 0.0
        for ch in s:
            key = (font, size, ch)
            w = _WIDTHS.get(key)
            if w is None:
                w = stringWidth(ch, self._font_for(ch), size)
                _WIDTHS[key] = w
            total += w
        return total

    def _layout(self, avail: float) -> None:
        st = self.style
        key = (self.text, st, self.fonts.names, avail, self._first)
        cached = _LAYOUTS.get(key)
        if cached is None:
            cached = self._compute(avail)
            if len(_LAYOUTS) > 20000:
                _LAYOUTS.clear()
            _LAYOUTS[key] = cached
        self._lines = list(cached)
        self._laid_width = avail

    def _compute(self, avail: float) -> tuple:
        st = self.style
        indent = st.first_indent * st.size if self._first else 0.0
        inner = max(avail - st.left_indent, st.size * 2)
        texts = break_lines(self.text, [inner - indent, inner], self.measure) if self.text else [""]
        font = self.font
        lines = []
        for k, t in enumerate(texts):
            runs: list[tuple[str, str]] = []
            for ch in t:
                f = self._font_for(ch) if not self.fonts.covers(font, ch) else font
                if runs and runs[-1][0] == f:
                    runs[-1] = (f, runs[-1][1] + ch)
                else:
                    runs.append((f, ch))
            last = k == len(texts) - 1
            lines.append(_Line(runs, self.measure(t), t, justify=(st.align == "justify" and not last),
                               indent=(indent if k == 0 else 0.0)))
        return tuple(lines)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        if self._given is None and self._laid_width != availWidth:
            self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        # Keep the lines of the last wrap: a table wraps a cell at its inner width (padding taken off) but splits
        # it with the full cell width, and lines laid out anew at that width would "fit" after all (reportlab
        # then indexes a second part that does not exist).
        if self._given is None and self._laid_width is None:
            self._layout(availWidth)
        n = len(self._lines)
        fit = int((availHeight - self.spaceBefore + 1e-6) // self.style.leading)
        if n < 2 or fit < 1:
            return []
        if fit >= n:
            return [self]
        lo = min(self.min_lines, n - 1)
        if fit < lo:
            return []
        fit = min(fit, max(lo, n - self.min_lines))
        a, b = self._lines[:fit], self._lines[fit:]
        a[-1] = replace(a[-1], justify=self.style.align == "justify")
        p1 = CJKParagraph(self.text, self.style, self.fonts, _lines=a, _first=self._first, _last=False)
        p2 = CJKParagraph(self.text, self.style, self.fonts, _lines=b, _first=False, _last=self._last)
        for p in (p1, p2):
            p._laid_width = availWidth
        return [p1, p2]

    def lines(self) -> list[str]:
        """The laid-out lines' text (after :meth:`wrap`)."""
        return [ln.text for ln in self._lines]

    # -------------------------------------------------------------- drawing
    def draw(self):
        st = self.style
        c = self.canv
        if getattr(c, "_wcif_dry_run", False):
            return
        avail = self.width - st.left_indent
        y = self.height
        for ln in self._lines:
            base = y - (st.leading - st.size) / 2 - 0.86 * st.size
            x = st.left_indent + ln.indent
            room = avail - ln.indent
            nchars = len(ln.text)
            cs = 0.0
            if ln.justify and nchars > 1 and ln.width < room:
                cs = (room - ln.width) / (nchars - 1)
            elif st.align == "center":
                x += (room - ln.width) / 2
            elif st.align == "right":
                x += room - ln.width
            t = c.beginText(x, base)
            t.setFillColor(st.color)
            t.setCharSpace(cs)
            for font, run in ln.runs:
                t.setFont(font, st.size)
                t.textOut(run)
            c.drawText(t)
            y -= st.leading


class Heading(CJKParagraph):
    """A section heading: kept with what follows, bookmarked in the PDF outline and, with ``toc=True``,
    listed in the 目录. ``level`` 0 = 一、, 1 = （一） or 1., 2 = 1. under （一）."""

    def __init__(self, text: str, style: TextStyle, fonts: FontSet, level: int, key: str, toc: bool = True):
        super().__init__(text, style, fonts)
        self.level = level
        self.key = key
        self.toc = toc

    def split(self, availWidth, availHeight):  # noqa: N803 - headings never split
        return []


class TOCLine(Flowable):
    """One 目录 line: the heading's text, a dot leader and its page number at the right margin."""

    def __init__(self, text: str, page: int | None, level: int, style: TextStyle, fonts: FontSet):
        super().__init__()
        self.text, self.page, self.level, self.style, self.fonts = text, page, level, style, fonts
        self.number = "…" if page is None else str(page)
        self._para = CJKParagraph(text, style.with_(first_indent=0, align="left",
                                                    left_indent=level * 2 * style.size), fonts)

    def wrap(self, availWidth, availHeight):  # noqa: N803
        numw = stringWidth(self.number, self.fonts.body, self.style.size)
        self._numw = numw
        self._pw = availWidth - numw - 2 * self.style.size
        _, h = self._para.wrap(self._pw, availHeight)
        self.width, self.height = availWidth, h
        return availWidth, h

    def draw(self):
        c = self.canv
        st = self.style
        self._para.drawOn(c, 0, 0)
        last = self._para._lines[-1]
        base = st.leading - (st.leading - st.size) / 2 - 0.86 * st.size
        x0 = self.level * 2 * st.size + last.indent + last.width + st.size * 0.3
        x1 = self.width - self._numw - st.size * 0.3
        c.setFont(self.fonts.body, st.size)
        dot = "."
        dw = stringWidth(dot, self.fonts.body, st.size)
        ndots = max(int((x1 - x0) // dw), 3)
        c.drawRightString(x1, base, dot * ndots)
        c.drawRightString(self.width, base, self.number)


class Marker(Flowable):
    """Zero-size flowable whose drawing tells the document something (e.g. where the body starts)."""

    def __init__(self, name: str, data=None):
        super().__init__()
        self.name = name
        self.data = data  # what the document should know (e.g. the 落款's text width)
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self):
        pass


__all__ = ["TextStyle", "TextCollector", "CJKParagraph", "Heading", "TOCLine", "Marker"]
