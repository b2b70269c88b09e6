"""Importing the agency's request list (资料清单) from a spreadsheet: tolerant headers, status words, update by 编号,
refusal of a bad sheet (CLI ``import-requests``) and the request list's 从表格导入… button (preview, undo)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.services import review as rsvc
from wcif_desktop.services.evaluation import open_file
from wcif_desktop.services.request_sheet import read_request_sheet, status_of


def _sheet(path, rows, header=("编号", "类别", "资料名称", "状态", "说明"), title="资料清单（被评价单位填报）"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "单位填报"
    ws.append([title])
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    ws.append([])
    ws.append(["被评价单位签收：________"])
    wb.save(path)
    return path


ROWS = [("A01", "预算资料", "2021年度工伤保险基金预算表", "已提供", "见附件1"),
        ("A02", None, "预算调整批复", "未提供", "本年未调整预算"),
        ("1", "制度文件", "工伤预防费管理办法", "已核查", ""),
        ("Z09", "制度文件", "内控制度汇编", "", "")]


def test_status_words():
    assert [status_of(t) for t in ("已提供", "收到", "已核查", "无法提供", "不适用", "", "待提供", "已索取")] == [
        "received", "received", "reviewed", "not_provided", "not_applicable", "requested", "requested", "requested"]
    assert status_of("也许") is None


def test_read_tolerant_headers_and_blank_category(workdir):
    path = _sheet(workdir / "单位 资料清单.xlsx", ROWS,
                  header=("资料编号", "资料类别", "文件名称", "提供情况", "备注"))
    data = read_request_sheet(path)
    assert data.sheet == "单位填报" and not data.rejections
    assert [(i.code, i.category, i.status, i.note) for i in data.items] == [
        ("A01", "预算资料", "received", "见附件1"), ("A02", "预算资料", "not_provided", "本年未调整预算"),
        ("", "制度文件", "reviewed", ""), ("Z09", "制度文件", "requested", "")]


def test_cli_imports_updates_by_code_and_is_undone_by_nothing_on_refusal(sample_path, workdir, capsys):
    with open_file(sample_path) as ef:
        before = {i.code: i for i in rsvc.request_items(ef)}
    assert before["A02"].status != "not_provided"
    path = _sheet(workdir / "单位 资料清单.xlsx", ROWS)
    assert main(["import-requests", str(sample_path), str(path), "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in dry["added"]] == ["工伤预防费管理办法", "内控制度汇编"]
    assert {u["code"] for u in dry["updated"]} == {"A01", "A02"}
    with open_file(sample_path) as ef:
        assert len(rsvc.request_items(ef)) == len(before)  # dry run: nothing written
    assert main(["import-requests", str(sample_path), str(path)]) == 0
    assert "已新增 2 项，已更新 2 项" in capsys.readouterr().out
    with open_file(sample_path) as ef:
        after = {i.code: i for i in rsvc.request_items(ef)}
    assert len(after) == len(before) + 2
    assert after["A02"].status == "not_provided" and after["A02"].provider_note == "本年未调整预算"
    assert after["Z09"].status == "requested" and after["Z09"].category == "制度文件"
    new = next(i for i in after.values() if i.title == "工伤预防费管理办法")
    assert new.status == "reviewed" and new.code not in before  # 序号 1 was not kept as a code
    if before["A01"].status == "reviewed":  # the unit's 已提供 does not undo the evaluators' 已核查
        assert after["A01"].status == "reviewed"
    else:
        assert after["A01"].status == "received"


@pytest.mark.parametrize("rows, words", [
    ([("A01", "预算资料", "预算表", "大概吧", "")], "第3行D列：无法识别的状态"),
    ([("A01", "预算资料", "预算表", "", ""), ("A01", "预算资料", "决算表", "", "")], "编号与第3行重复"),
    ([("A01", "预算资料", "", "已提供", "说明")], "第3行C列：资料名称为空"),
])
def test_cli_refuses_a_bad_sheet_with_one_line_and_changes_nothing(sample_path, workdir, capsys, rows, words):
    with open_file(sample_path) as ef:
        before = [(i.code, i.status, i.title) for i in rsvc.request_items(ef)]
    path = _sheet(workdir / "坏的 清单.xlsx", rows)
    assert main(["import-requests", str(sample_path), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and words in err and "未导入任何条目" in err
    assert "工作表“单位填报”" in err and len(err.strip().splitlines()) == 1
    with open_file(sample_path) as ef:
        assert [(i.code, i.status, i.title) for i in rsvc.request_items(ef)] == before


def test_a_sheet_without_a_name_column_is_refused(workdir):
    from wcif_desktop.domain.errors import WcifError

    path = _sheet(workdir / "别的表.xlsx", [("A01", "x")], header=("资料编号", "数量"))
    with pytest.raises(WcifError, match="资料名称"):
        read_request_sheet(path)


@pytest.mark.gui
def test_gui_button_previews_imports_and_undoes(qtbot, sample_path, workdir, messages, monkeypatch):
    from wcif_desktop.ui import request_import
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.review_panel import RequestListPanel

    shown = []
    monkeypatch.setattr(request_import, "confirm", lambda dlg: shown.append(dlg) or True)
    ctx = EvaluationContext(open_file(sample_path))
    panel = RequestListPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.import_btn.text() == "从表格导入…"
    n = panel.model.rowCount()
    assert panel.import_dialog(_sheet(workdir / "单位 资料清单.xlsx", ROWS)) is True
    dlg = shown[-1]
    kinds = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    assert kinds.count("新增") == 2 and kinds.count("更新") == 2
    assert "将新增 2 项，更新 2 项" in dlg.summary.text()
    assert panel.model.rowCount() == n + 2
    assert rsvc.find_request(ctx.ef, "A02").status == "not_provided"
    assert ctx.undo_stack.undoText() == "导入资料清单"
    ctx.undo_stack.undo()
    assert panel.model.rowCount() == n and rsvc.find_request(ctx.ef, "A02").status != "not_provided"
    # a refused sheet: one message, no preview, nothing changed
    shown.clear()
    bad = _sheet(workdir / "坏的 清单.xlsx", [("A01", "预算资料", "预算表", "大概吧", "")])
    assert panel.import_dialog(bad) is False
    assert not shown and "无法识别的状态" in messages[-1] and panel.model.rowCount() == n
    ctx.close()
