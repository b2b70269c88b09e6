"""The survey panel's small-sample warnings and method sentences (domain/survey.py, services/survey.py) speak
English when the UI is English: they are core ``Message`` s, translated by the panel (ui/errors.error_text). In
Chinese they read as before."""

from __future__ import annotations

import pytest

from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty

pytestmark = pytest.mark.gui

# Copied from the group's TSV lines (/work/tmp/i18n/F.tsv: Chinese template → English) that fill
# resources/i18n/wcif_en.ts.
SMALL_ZH = "满意度：样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限"
SMALL_EN = "Satisfaction: small sample ({n} respondents, fewer than {minimum}); the confidence interval is of limited use"


def test_survey_warnings_shown_in_english(qapp, qtbot, workdir, messages):
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.i18n import install_translators
    from wcif_desktop.ui.survey_view import SurveyPanel

    ef = create_empty(workdir / "问卷 英文.wcif", title="测试", fiscal_year=2021)
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    q = sv.add_question(ef, s.id, "您对工伤认定的办理效率是否满意？")
    for answer in ("满意", "非常满意", "不满意"):
        sv.add_response(ef, s.id, {q.id: answer})
    ctx = EvaluationContext(ef)
    try:
        panel = SurveyPanel(ctx)
        qtbot.addWidget(panel)
        small = SMALL_ZH.format(n=3, minimum=30)
        zh = panel.model.text(0, 6)
        assert small in zh.split("；"), zh
        assert small in panel.model.rows[0]["warnings"]  # the core's str stays Chinese
        try:
            install_translators(qapp, "en")
            panel.refresh()
            en = panel.model.text(0, 6)
            assert SMALL_EN.format(n=3, minimum=30) in en.split("；"), en
        finally:
            install_translators(qapp, "zh")
        panel.refresh()
        assert panel.model.text(0, 6) == zh
    finally:
        ctx.close()
