"""Score-sheet export and import from the 指标评分 page (ui/score_sheet_actions.py): preview, refusal, undo."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.domain.model import Indicator

pytestmark = pytest.mark.gui


@pytest.fixture
def messages(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(parent, title, text, *a, **k):
        seen.append(str(text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return seen


@pytest.fixture
def page(qtbot, bare_sample_path, messages):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.pages.scoring import ScoringPage

    ctx = EvaluationContext(open_file(bare_sample_path))
    p = ScoringPage(ctx)
    qtbot.addWidget(p)
    p.show()
    yield p
    ctx.close()


@pytest.fixture
def previews(monkeypatch):
    """Answer the preview dialog (accept unless told otherwise) and keep it for inspection."""
    from wcif_desktop.ui import score_sheet_actions

    shown: list = []
    answer = {"ok": True}

    def confirm(dialog):
        shown.append(dialog)
        return answer["ok"]

    monkeypatch.setattr(score_sheet_actions, "confirm", confirm)
    return shown, answer


def _scores(page):
    return {i.name: (i.weight, i.score) for i in page.ctx.ef.records(Indicator)}


def _first_leaf_row(ws):
    for r in range(5, ws.max_row + 1):
        if ws.cell(r, 3).value and ws.cell(r, 4).value is not None:
            return r
    raise AssertionError("no leaf row")


def test_export_then_import_changed_score_with_preview_and_undo(page, tmp_path, previews, messages):
    shown, _ = previews
    out = page.export_sheet(tmp_path / "导出 评分表.xlsx")
    assert out.exists() and any("已导出评分表" in m for m in messages)
    wb = openpyxl.load_workbook(out)
    ws = wb["评分表"]
    r = _first_leaf_row(ws)
    name, weight = ws.cell(r, 3).value, Decimal(str(ws.cell(r, 4).value))
    before = _scores(page)
    assert before[name][1] != weight - Decimal("0.5")
    ws.cell(r, 5).value = float(weight - Decimal("0.5"))
    ws.cell(r, 6).value = "改后的扣分原因"
    edited = tmp_path / "改过的 评分表.xlsx"
    wb.save(edited)

    assert page.import_sheet(edited) is True
    dlg = shown[-1]
    rows = {dlg.table.item(i, 0).text(): dlg.table.item(i, 4).text() for i in range(dlg.table.rowCount())}
    changed = [k for k, v in rows.items() if v]
    assert len(changed) == 1 and changed[0].endswith(name)
    assert "替换本评价现有的" in dlg.summary.text()
    after = _scores(page)
    assert after[name][1] == weight - Decimal("0.5")
    assert page.total_label.text().startswith("综合评分")
    page.ctx.undo_stack.undo()
    assert _scores(page) == before
    page.ctx.undo_stack.redo()
    assert _scores(page)[name][1] == weight - Decimal("0.5")


def test_cancelled_preview_changes_nothing(page, tmp_path, previews):
    shown, answer = previews
    out = page.export_sheet(tmp_path / "评分表.xlsx")
    before = _scores(page)
    answer["ok"] = False
    assert page.import_sheet(out) is False
    assert shown and _scores(page) == before and page.ctx.undo_stack.count() == 0


def test_refused_sheet_is_one_message_and_nothing_changes(page, tmp_path, previews, messages):
    shown, _ = previews
    out = page.export_sheet(tmp_path / "评分表.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["评分表"]
    r = _first_leaf_row(ws)
    ws.cell(r, 5).value = float(ws.cell(r, 4).value) + 3
    bad = tmp_path / "超分 评分表.xlsx"
    wb.save(bad)
    before = _scores(page)
    assert page.import_sheet(bad) is False
    assert not shown and _scores(page) == before
    assert "超出分值" in messages[-1] and f"第{r}行" in messages[-1]
    (tmp_path / "坏文件.xlsx").write_bytes(b"not a workbook")
    assert page.import_sheet(tmp_path / "坏文件.xlsx") is False
    assert "Traceback" not in messages[-1] and messages[-1]
