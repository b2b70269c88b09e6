"""The bundled sample reproduces the seed report (shared/seeds) from data, not from constants."""

import re
from decimal import Decimal

import pytest

from wcif_desktop.domain.fields import field_values, fill
from wcif_desktop.domain.finance import summarize
from wcif_desktop.domain.scoring import build_sheet
from wcif_desktop.services.evaluation import load_snapshot
from wcif_desktop.services.sample import sample_data

SEED = "seeds/000_854d81cc78b58da2.txt"


def _squash(text: str) -> str:
    """Drop whitespace and unify bracket/quote variants the seed's PDF-to-text conversion mixed up."""
    text = re.sub(r"\s+", "", text)
    return text.translate(str.maketrans({"(": "（", ")": "）"}))


@pytest.fixture
def seed_text(shared_dir):
    return _squash((shared_dir / SEED).read_text(encoding="utf-8"))


def test_every_narrative_and_finding_of_the_sample_is_seed_text(sample_file, seed_text):
    snap = load_snapshot(sample_file)
    values = field_values(snap)
    passages = [fill(t, values) for t in snap.narratives.values()]
    for f in snap.findings:
        passages += [f.title, fill(f.body, values)] + ([fill(f.cause, values)] if f.cause else [])
    assert len(passages) > 20
    for p in passages:
        assert _squash(p) in seed_text, p[:40]


def test_every_seed_section_is_covered_by_the_sample(sample_file, seed_text):
    """Conversely: the seed's paragraphs (but headings) are all held by the sample."""
    snap = load_snapshot(sample_file)
    values = field_values(snap)
    held = "".join(_squash(fill(t, values)) for t in snap.narratives.values())
    for f in snap.findings:
        held += _squash(f.title + fill(f.body, values) + fill(f.cause, values))
    for marker in ["72,412.03", "11,026.63", "8,502.41", "82.33", "“四防”", "内人社发〔2020〕26号",
                   "呼和浩特市工伤预防五年行动计划实施方案", "专人专岗持证上岗"]:
        assert _squash(marker) in held


def test_figures_score_and_grade_are_computed(sample_file):
    snap = load_snapshot(sample_file)
    fs = summarize(snap.finance, 2021)
    assert fs.income_actual == Decimal("123831300.00")
    assert fs.expenditure_execution_rate == Decimal("153.06")
    sheet = build_sheet(snap.indicators)
    assert sheet.total() == Decimal("82.33") and sheet.grade() == "良"
    assert sheet.total_weight() == 100 and sheet.problems() == []
    # dimension scores agree with the seed's conclusions: every dimension lost points
    assert all(score < weight for _name, weight, score in sheet.dimension_scores())


def test_sample_marks_scores_illustrative_and_stores_no_total():
    data = sample_data()
    assert "示例" in data["evaluation"]["illustrative_note"]
    without_note = dict(data, evaluation={k: v for k, v in data["evaluation"].items() if k != "illustrative_note"})
    assert "82.33" not in repr(without_note)  # only in the note, never as a stored total
    assert "良" not in repr(without_note["evaluation"])
