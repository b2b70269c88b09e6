"""Chinese line breaking: 禁则 and unsplit numbers at many widths, and in real PDF paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wcif_desktop.render.linebreak import CANNOT_END, CANNOT_START, break_lines, tokens, violations

NUMBER = re.compile(r"\d[\d,]*\.\d+%?|\d{2,}")


def measure(s: str) -> float:
    """Width in ems: CJK full width, Latin half width (like the report fonts)."""
    return sum(1.0 if ord(c) > 0x2E7F else 0.5 for c in s)


def seed_paragraphs(shared_dir) -> list[str]:
    text = (shared_dir / "seeds" / "000_854d81cc78b58da2.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if len(ln.strip()) > 30]


def check(text: str, width: float) -> list[str]:
    lines = break_lines(text, width, measure)
    assert violations(lines) == [], (width, lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, order kept
    for ln in lines:
        assert measure(ln) <= width + 1e-6 or len(tokens(ln)) == 1, (width, ln)
    for m in NUMBER.finditer(text):
        if measure(m.group(0)) <= width:
            assert any(m.group(0) in ln for ln in lines), (width, m.group(0), lines)
    return lines


def test_rules_hold_on_every_seed_paragraph_at_many_widths(shared_dir):
    paras = seed_paragraphs(shared_dir)
    assert len(paras) > 15
    for width in [w / 2 for w in range(8, 81)]:  # 4 … 40 ems, in half-em steps
        for p in paras:
            check(p, width)


@pytest.mark.parametrize("text, width, expected", [
    ("评价得分为82.33分。", 7, ["评价得分为", "82.33分。"]),  # the number is not split, 。 does not start a line
    ("基金收入一二三，总收入", 7, ["基金收入一二", "三，总收入"]),  # ， pulls its character along
    ("参照参照《工伤》", 5, ["参照参照", "《工伤》"]),  # 《 does not end a line
    ("他说“好”。", 3, ["他说", "“好”。"]),
    ("工工（（工 ，", 4, ["工工", "（（工，"]),
])
def test_specific_cases(text, width, expected):
    assert break_lines(text, width, measure) == expected


def test_too_long_number_is_the_only_forced_split():
    lines = break_lines("额12,345,678,901.23元", 4, measure)
    assert "".join(lines) == "额12,345,678,901.23元"
    assert all(measure(ln) <= 4 for ln in lines)


CJK = st.sampled_from(list("工伤保险基金项目绩效评价预算执行率结余") + list("，。、；：？！）》”（《“") + [" "])
NUM = st.builds(lambda a, b, pct: f"{a:,}.{b:02d}" + ("%" if pct else ""),
                st.integers(0, 10**9), st.integers(0, 99), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(CJK, NUM), min_size=1, max_size=60), st.integers(min_value=8, max_value=80))
def test_random_text_keeps_the_rules(parts, half_ems):
    text = "".join(parts).strip() or "工"
    lines = break_lines(text, half_ems / 2, measure)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # A rule may only give way when a whole line is nothing but marks (nothing to pull along).
    for k, ln in enumerate(lines):
        if k > 0 and ln and ln[0] in CANNOT_START:
            assert all(c in CANNOT_START or c in CANNOT_END for c in lines[k - 1]) or \
                measure(lines[k - 1]) + measure(ln[0]) > half_ems / 2, (lines, k)


def test_pdf_lines_obey_the_rules(sample_file):
    """The laid-out paragraphs of the real report, at the report's width and at narrow table widths."""
    from wcif_desktop.render.flowables import CJKParagraph
    from wcif_desktop.render.fonts import register_fonts
    from wcif_desktop.render.layout import Styles, make_styles
    from wcif_desktop.services.evaluation import load_snapshot

    fonts = register_fonts()
    st_: Styles = make_styles()
    snap = load_snapshot(sample_file)
    from wcif_desktop.domain.fields import field_values, fill

    values = field_values(snap)
    texts = [fill(f.body, values) for f in snap.findings] + [fill(f.cause, values) for f in snap.findings if f.cause]
    for width in (442, 300, 200, 120, 90):
        for t in texts:
            p = CJKParagraph(t, st_.body, fonts)
            p.wrap(width, 10_000)
            assert violations(p.lines()) == [], (width, p.lines())
            assert "".join(p.lines()).replace(" ", "") == t.replace(" ", "")


def test_a_forced_split_never_starts_a_line_with_a_closing_mark():
    """A number with its closing marks wider than a narrow table column is split by characters; the closing
    marks hang at the end of the line instead of opening the next one."""
    from wcif_desktop.render.linebreak import break_lines, violations

    lines = break_lines("执行率112.30%）；支出预算", 4.0, lambda s: float(len(s)))
    assert violations(lines) == [], lines
    assert "".join(lines) == "执行率112.30%）；支出预算"
