"""A writer-neutral document outline: headings (levels 1–3), paragraphs, tables, a table of contents.

Every deliverable (brief and full report, work plan, letter, request list, problem list, summary …) is first
built as a :class:`DocOutline` from the evaluation's data, then written by one of the writers:
:mod:`wcif_desktop.render.docx` (Word, python-docx) or :mod:`wcif_desktop.render.pdf`
(reportlab). This module imports neither Qt nor reportlab nor python-docx, so any writer can share it.

Heading text carries its own Chinese numbering (``一、`` / ``（一）`` / ``1.``), as reports print it; the
helpers :func:`cn_number`, :func:`h1`, :func:`h2`, :func:`h3` produce it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Union

_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numeral for 1–99: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一.

    Raises:
        ValueError: outside 1–99.
    """
    if not 1 <= n <= 99:
        raise ValueError(f"cn_number supports 1–99, got {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


@dataclass
class Heading:
    """A heading of level 1–4 (Word ``Heading 1``–``Heading 4``; 黑体 / 楷体 / 仿宋 bold / 仿宋).

    ``number`` is the official numbering printed before ``text`` (``一、``, ``（一）``, ``1.``, ``（1）``; empty for
    an unnumbered heading such as ``附件1：…``). ``toc``: listed in the 目录 (default: levels 1 and 2).
    """

    level: int
    text: str
    number: str = ""
    toc: bool | None = None

    @property
    def label(self) -> str:
        """What is printed: numbering + text."""
        return self.number + self.text

    @property
    def in_toc(self) -> bool:
        return self.level <= 2 if self.toc is None else self.toc


@dataclass
class Para:
    """A paragraph. ``style``: ``body`` (first-line indent 2 characters), ``plain`` (no indent), ``center``,
    ``right`` (signature blocks, dates), ``title`` (document title), ``subtitle``, ``note`` (smaller)."""

    text: str
    style: str = "body"
    bold: bool = False
    source: str = "fixed"  # evaluator:<narrative key> | generated | fixed
    fields: tuple[str, ...] = ()  # the named data fields a generated sentence states

    @property
    def from_evaluator(self) -> bool:
        return self.source.startswith("evaluator")


@dataclass
class Table:
    """A table with one header row. ``widths`` are relative column widths (any unit, e.g. characters).

    ``numeric`` lists column indexes whose cells are right-aligned (amounts, scores). ``merge`` lists column
    indexes where runs of equal, non-empty cells in adjacent rows are merged vertically (一级/二级指标 columns);
    a run only continues while the columns to its left continue too. ``bold_rows`` (indexes into ``rows``) are
    set in the heading font (合计, level-1 rows). The header row repeats on every page in both renderings.
    """

    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    caption: str = ""
    numeric: tuple[int, ...] = ()
    merge: tuple[int, ...] = ()
    bold_rows: tuple[int, ...] = ()

    def merged_runs(self) -> list[tuple[int, int, int]]:
        """(column, first row, last row) of each vertical merge, row indexes 0-based over ``rows``."""
        runs = []
        parents: list[tuple[int, int]] = [(0, len(self.rows) - 1)]
        for col in sorted(self.merge):
            next_parents = []
            for lo, hi in parents:
                start = lo
                for r in range(lo + 1, hi + 2):
                    if r > hi or self.rows[r][col] != self.rows[start][col] or not self.rows[start][col]:
                        if r - 1 > start and self.rows[start][col]:
                            runs.append((col, start, r - 1))
                        next_parents.append((start, r - 1))
                        start = r
            parents = next_parents
        return runs

    def __post_init__(self):
        n = len(self.header)
        for i, r in enumerate(self.rows):
            if len(r) != n:
                raise ValueError(f"table row {i + 1} has {len(r)} cells, header has {n}")


@dataclass
class PageBreak:
    pass


@dataclass
class Cover:
    """The cover page: ``title``, fact lines (``委托单位：…``, ``评价机构：…``), the date line. Followed by a page
    break in both renderings."""

    title: str
    lines: list[str] = field(default_factory=list)
    date: str = ""


@dataclass
class Figure:
    """A chart. ``kind``: ``budget_actual`` (rows: label, budget 万元, actual 万元; ``year``), ``trend`` (rows:
    year, income, expenditure, balance 万元) or ``survey`` (rows: group, satisfaction %, awareness %). Numbers are
    Decimal (or None); the renderers draw them (the PDF as a vector chart, Word as a picture)."""

    kind: str
    rows: list[tuple] = field(default_factory=list)
    year: int = 0
    caption: str = ""


@dataclass
class Signing:
    """The 落款: the issuing agency and the date, right-aligned. A seal image, when the document is signed,
    belongs on this block; the PDF renderer reports the page and box where it landed."""

    agency: str
    date: str = ""
    seal: bool = True


@dataclass
class BodyStart:
    """The body starts on a new page here: the pages before it (cover, 目录) carry no page number and the body
    is numbered from 1 (Word: a new section restarting the numbering; PDF: numbers offset)."""


@dataclass
class Toc:
    """A table of contents (Word: a TOC field updated on open; PDF: built in a second pass)."""

    title: str = "目  录"
    levels: int = 3


Block = Union[Heading, Para, Table, PageBreak, Toc, BodyStart, Cover, Figure, Signing]


@dataclass
class Document:
    """One deliverable, ready to render.

    Attributes:
        kind: the document kind (``report-brief``, ``work-plan`` …), see :data:`wcif_desktop.services.deliverables.generate.KINDS`.
        title: the document title (cover and core properties).
        blocks: the content in order.
        author: who issues it (agency or commissioning body), written to the core properties.
        context: extra values a firm template may use (see docs/word-templates.md); all ``str``.
        cover_blocks: how many leading blocks form the cover page (the :class:`Cover`); a firm template
            brings its own cover, so they are left out there.
        landscape: A4 landscape (wide lists) instead of portrait.
        mark: the draft mark (``草稿`` or ``征求意见稿``) every page carries (PDF: a header mark and a light
            diagonal watermark; Word: the header of every section); ``""`` for a final document.
        keywords: the PDF's Keywords entry; a report carries its evaluation's history anchor there
            (``wcif-history:<length>:<last hash>``, see :func:`history_keywords`), covered by a signature.
    """

    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    context: dict = field(default_factory=dict)
    cover_blocks: int = 0
    landscape: bool = False
    mark: str = ""
    keywords: str = ""

    def without_cover(self) -> Document:
        """A copy without the cover blocks."""
        return Document(self.kind, self.title, list(self.blocks[self.cover_blocks:]), self.author,
                        dict(self.context), 0, self.landscape, self.mark, self.keywords)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def extend(self, blocks: Iterable[Block]) -> Document:
        self.blocks.extend(blocks)
        return self

    def headings(self) -> Iterator[Heading]:
        return (b for b in self.blocks if isinstance(b, Heading))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))

    def paragraphs(self) -> Iterator[Para]:
        return (b for b in self.blocks if isinstance(b, Para))

    @property
    def signing(self) -> Signing | None:
        """The 落款 block (the last one), ``None`` for a document without one."""
        found = [b for b in self.blocks if isinstance(b, Signing)]
        return found[-1] if found else None

    def text(self) -> str:
        """All text in reading order (for glyph checks and tests)."""
        parts: list[str] = [self.title]
        for b in self.blocks:
            if isinstance(b, Heading):
                parts.append(b.label)
            elif isinstance(b, Para):
                parts.append(b.text)
            elif isinstance(b, Cover):
                parts.extend([b.title, *b.lines, b.date])
            elif isinstance(b, Signing):
                parts.extend([b.agency, b.date])
            elif isinstance(b, Figure):
                parts.append(b.caption)
                parts.extend(str(c) for r in b.rows for c in r if c is not None)
            elif isinstance(b, Table):
                parts.append(b.caption)
                parts.extend(b.header)
                parts.extend(c for r in b.rows for c in r)
            elif isinstance(b, Toc):
                parts.append(b.title)
        return "\n".join(p for p in parts if p)


DocOutline = Document  # the former name


HISTORY_KEYWORD = "wcif-history"


def history_keywords(history: tuple) -> str:
    """The PDF Keywords entry anchoring an evaluation's history at the time of a report: ``wcif-history:<length>:
    <last hash>`` from ``EvaluationSnapshot.history`` ``(length, hash)``; ``""`` without one."""
    return f"{HISTORY_KEYWORD}:{history[0]}:{history[1]}" if history else ""


def h1(n: int, text: str, toc: bool | None = None) -> Heading:
    """``一、text``"""
    return Heading(1, text, f"{cn_number(n)}、", toc)


def h2(n: int, text: str, toc: bool | None = None) -> Heading:
    """``（一）text``"""
    return Heading(2, text, f"（{cn_number(n)}）", toc)


def h3(n: int, text: str, toc: bool | None = None) -> Heading:
    """``1.text``"""
    return Heading(3, text, f"{n}.", toc)


def h4(n: int, text: str, toc: bool | None = None) -> Heading:
    """``（1）text``"""
    return Heading(4, text, f"（{n}）", toc)


def paras(text: str, style: str = "body", source: str = "fixed", fields: tuple[str, ...] = ()) -> list[Para]:
    """One :class:`Para` per non-empty line of ``text`` (all with the same ``source``)."""
    return [Para(line.strip(), style, source=source, fields=fields)
            for line in (text or "").splitlines() if line.strip()]


__all__ = [
    "Block",
    "Cover",
    "Document",
    "Figure",
    "Signing",
    "h4",
    "BodyStart",
    "DocOutline",
    "Heading",
    "PageBreak",
    "Para",
    "Table",
    "Toc",
    "cn_number",
    "h1",
    "h2",
    "h3",
    "paras",
]
