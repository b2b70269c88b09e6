"""Chinese line breaking for report paragraphs (pure functions, no reportlab).

Rules (GB/T 9704 as a guide, shared/DOMAIN.md §7, and the usual 禁则):

- no line starts with a closing mark: ，。、；：？！）》」』”’〕】〉… and their half-width forms;
- no line ends with an opening mark: （《「『“‘〔【〈 and half-width forms;
- a run of Latin letters and digits with its inner punctuation (``12,383.13``, ``112.30%``, ``2021``,
  ``U+20000``, ``pyHanko``) is never split;
- spaces are break opportunities and vanish at the end of a line.

Why not reportlab's own ``wordWrap="CJK"``: it hangs one closing mark into the margin, ignores opening marks
at the line end and may split a number that is longer than half a line (reportlab 5 ``cjkFragSplit``).

The break is greedy by *boxes*: a box is text that must stay on one line (a CJK character with the closing
marks that follow it and the opening marks before it, or a Latin run). A box wider than the whole line (a
very long number or URL) is the only thing ever split inside, character by character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CANNOT_START = set(
    "，。、；：？！）》」』”’〕】〉〗｝］…—‥·％‰°℃"
    ",.;:?!)]}%>"
    "ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\uff3d\uff5d\uff05"
)
CANNOT_END = set("（《「『“‘〔【〈〖｛［([{<" "\uff08\uff3b\uff5b")

# One Latin/number run: letters and digits, with inner . , % : / - + _ @ ' kept inside the run.
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:[.,%‰:/\-+_@'&#][A-Za-z0-9\u00c0-\u024f%‰]+)*[%‰]?")


@dataclass
class Box:
    """Unbreakable text (``space=True``: a breakable space that disappears at the end of a line)."""

    text: str
    width: float
    space: bool = False


def tokens(text: str) -> list[str]:
    """Split text into atoms: Latin runs, single spaces, single other characters."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        m = _LATIN.match(text, i)
        if m and m.end() > i:
            out.append(m.group(0))
            i = m.end()
            continue
        out.append(text[i])
        i += 1
    return out


def _is_space(t: str) -> bool:
    return len(t) == 1 and (t.isspace() or unicodedata.category(t) == "Zs") and t != "\u3000"


def boxes(text: str, measure: Callable[[str], float]) -> list[Box]:
    """Group atoms into boxes that must stay together (closing marks glue to what precedes them, opening
    marks to what follows), measured with ``measure(text) -> width``."""
    groups: list[list[str]] = []
    glue_next = False
    for t in tokens(text):
        if _is_space(t):
            groups.append([" "])
            glue_next = False
            continue
        if t[0] in CANNOT_START and len(groups) >= 2 and groups[-1] == [" "]:
            # “工 ，”: a closing mark after a space is no break opportunity; the space before it is dropped.
            groups.pop()
            groups[-1].append(t)
        elif groups and groups[-1] != [" "] and (glue_next or t[0] in CANNOT_START):
            groups[-1].append(t)
        else:
            groups.append([t])
        glue_next = t[-1] in CANNOT_END
    out = []
    for g in groups:
        s = "".join(g)
        out.append(Box(s, measure(s), space=(g == [" "])))
    return out


def break_lines(text: str, widths: Sequence[float] | float, measure: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``widths`` (one width, or one per line with the last
    repeating; e.g. a first line shortened by its indent). Returns the lines' text (end spaces dropped).

    A box wider than its line is split by characters; everything else obeys the rules in the module text.
    """
    if isinstance(widths, (int, float)):
        widths = [float(widths)]
    lines: list[str] = []
    cur: list[Box] = []
    used = 0.0
    fuzz = 1e-6

    def width_for(k: int) -> float:
        return widths[k] if k < len(widths) else widths[-1]

    def flush():
        nonlocal cur, used
        while cur and cur[-1].space:
            cur.pop()
        lines.append("".join(b.text for b in cur))
        cur, used = [], 0.0

    for box in boxes(text, measure):
        maxw = width_for(len(lines))
        if box.space:
            if cur:
                cur.append(box)
                used += box.width
            continue
        if used + box.width <= maxw + fuzz:
            cur.append(box)
            used += box.width
            continue
        if any(not b.space for b in cur):
            flush()
            maxw = width_for(len(lines))
        else:
            cur, used = [], 0.0
        if box.width <= maxw + fuzz:
            cur.append(box)
            used = box.width
            continue
        # A box wider than a whole line: split it by characters (the only forced split). A closing mark never
        # opens the next line: it hangs at the end of this one (悬挂标点), as in a narrow table cell
        # "…112.30%）；" where the number with its marks is wider than the column.
        for ch in box.text:
            w = measure(ch)
            if used + w > width_for(len(lines)) + fuzz and cur and ch not in CANNOT_START:
                flush()
            cur.append(Box(ch, w))
            used += w
    if cur or not lines:
        flush()
    return lines


def violations(lines: Sequence[str]) -> list[str]:
    """Rule breaks in already broken lines (for tests and checks): a line starting with a closing mark or
    ending with an opening mark."""
    out = []
    for k, line in enumerate(lines):
        if k > 0 and line and line[0] in CANNOT_START:
            out.append(f"line {k + 1} starts with “{line[0]}”: {line!r}")
        if k < len(lines) - 1 and line and line[-1] in CANNOT_END:
            out.append(f"line {k + 1} ends with “{line[-1]}”: {line!r}")
    return out


__all__ = ["CANNOT_START", "CANNOT_END", "Box", "tokens", "boxes", "break_lines", "violations"]
