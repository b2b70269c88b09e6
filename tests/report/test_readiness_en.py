"""The readiness check the report page shows (report/readiness.py, with the score sheet's own checks from
domain/scoring.py) speaks English when the UI is English: its items are core ``Message`` s, and the list widget
translates them (ui/errors.error_text). In Chinese the same items read as before."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

# Copied from the group's TSV lines (Chinese template → English) that fill resources/i18n/wcif_en.ts.
NO_CAUSE_ZH, NO_CAUSE_EN = "问题“{name}”未填写原因分析", 'The problem "{name}" has no cause analysis'
NO_REASON_ZH, NO_REASON_EN = "“{name}”扣分但未填写扣分原因", '"{name}" has a deduction but no reason for it'


def test_readiness_list_shows_core_messages_in_english(qapp, sample_path):
    from wcif_desktop.domain.model import Finding, Indicator
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.i18n import install_translators
    from wcif_desktop.ui.readiness_view import ReadinessView

    ctx = EvaluationContext(open_file(sample_path))
    try:
        problem = ctx.snapshot().findings_of("problem")[0]
        svc.update_record(ctx.ef, Finding, problem.id, cause="")
        deducted = next(i for i in ctx.ef.records(Indicator) if i.score is not None and i.score < i.weight)
        svc.update_record(ctx.ef, Indicator, deducted.id, deduction_reason="")
        view = ReadinessView(ctx)
        zh = [view.list.item(i).text() for i in range(view.list.count())]
        assert any(t.endswith(NO_CAUSE_ZH.format(name=problem.title)) for t in zh)
        assert any(t.endswith(NO_REASON_ZH.format(name=deducted.name)) for t in zh)
        assert NO_CAUSE_ZH.format(name=problem.title) in view.messages()  # the items stay Chinese str
        try:
            install_translators(qapp, "en")
            view.refresh()
            en = [view.list.item(i).text() for i in range(view.list.count())]
            assert any(t.endswith(NO_CAUSE_EN.format(name=problem.title)) for t in en), en
            assert any(t.endswith(NO_REASON_EN.format(name=deducted.name)) for t in en), en
        finally:
            install_translators(qapp, "zh")
        view.refresh()
        assert [view.list.item(i).text() for i in range(view.list.count())] == zh
    finally:
        ctx.close()
