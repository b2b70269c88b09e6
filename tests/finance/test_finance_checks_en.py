"""The checks the fund finance view lists (domain/finance.py) speak English when the UI is English: they are core
``Message`` s, and the list translates them (ui/errors.error_text). In Chinese the same items read as before."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.gui

# Copied from the group's TSV line (/work/tmp/i18n/F.tsv: Chinese template → English) that fills resources/i18n/wcif_en.ts.
ROLL_ZH = "期初余额{opening} + 本年收入{income} − 本年支出{expenditure} = {expected}，与年末滚存结余一致"
ROLL_EN = ("Opening balance {opening} + income of the year {income} − expenditure of the year {expenditure} = "
           "{expected}, which matches the year-end accumulated balance")
FIGURES = {"opening": "1,000.00元", "income": "500.00元", "expenditure": "300.00元", "expected": "1,200.00元"}


def test_finance_checks_shown_in_english(qapp, qtbot, sample_path, messages):
    from PySide6.QtWidgets import QListWidget

    from wcif_desktop.domain.finance import SORT_ORDER, SPEC_BY_CODE
    from wcif_desktop.domain.model import FinanceLine
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.finance_view import FinanceView
    from wcif_desktop.ui.i18n import install_translators

    ctx = EvaluationContext(open_file(sample_path))
    try:
        year = ctx.evaluation().fiscal_year
        for code, actual in (("opening_balance", "1000"), ("income_total", "500"), ("expenditure_total", "300"),
                             ("year_end_balance", "1200")):
            spec = SPEC_BY_CODE[code]
            svc.add_record(ctx.ef, FinanceLine(fiscal_year=year, code=code, name=spec.name, kind=spec.kind,
                                               parent_code=spec.parent_code, sort_order=SORT_ORDER[code],
                                               actual=Decimal(actual)))
        view = FinanceView(ctx)
        qtbot.addWidget(view)
        checks = view.findChild(QListWidget, "finance_checks")

        def texts():
            return [checks.item(i).text() for i in range(checks.count())]

        zh = texts()
        assert "✓ " + ROLL_ZH.format(**FIGURES) in zh, zh
        assert view.analysis.roll_forward.message == ROLL_ZH.format(**FIGURES)  # the core's str stays Chinese
        try:
            install_translators(qapp, "en")
            view.refresh()
            en = texts()
            assert "✓ " + ROLL_EN.format(**FIGURES) in en, en
        finally:
            install_translators(qapp, "zh")
        view.refresh()
        assert texts() == zh
    finally:
        ctx.close()
