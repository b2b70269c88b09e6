"""The report's project name (报告中的项目名称): CLI ``set-facts --project-name``, the 团队与方案 page's field, and every
deliverable's title using it."""

from __future__ import annotations

import json

import pytest

from wcif_desktop.cli import main
from wcif_desktop.services.deliverables.generate import KINDS, build_outline
from wcif_desktop.services.evaluation import open_file

NAME = "破产企业“老工伤”人员统筹管理资金项目"


def test_cli_sets_the_project_name_and_every_title_uses_it(sample_path, capsys):
    with open_file(sample_path) as ef:
        before = {k: build_outline(ef, k).title for k in KINDS}
    assert all("工伤保险基金项目" in t for t in before.values()), before
    assert main(["set-facts", str(sample_path), "--project-name", NAME]) == 0
    assert "已修改：报告中的项目名称" in capsys.readouterr().out
    assert main(["set-facts", str(sample_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["project_name"] == NAME
    with open_file(sample_path) as ef:
        titles = {k: build_outline(ef, k).title for k in KINDS}
    assert all(NAME in t and "工伤保险基金项目" not in t for t in titles.values()), titles
    assert titles["report-full"] == f"2021 年{NAME}绩效评价报告"


@pytest.mark.parametrize("args, words", [(["--project-name", "  "], "不能为空"), (["--year", "二〇二一"], "不是年份"),
                                         (["--report-date", "2022/6/30"], "年-月-日")])
def test_cli_refuses_bad_facts_with_one_line(sample_path, capsys, args, words):
    assert main(["set-facts", str(sample_path), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and words in err and len(err.strip().splitlines()) == 1
    assert main(["set-facts", str(sample_path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["project_name"] == "工伤保险基金项目" and facts["fiscal_year"] == 2021


@pytest.mark.gui
def test_team_page_edits_the_project_name_undoably(qtbot, sample_path, messages):
    from wcif_desktop.services.deliverables.reports import report_title
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.pages.team import TeamPage

    ctx = EvaluationContext(open_file(sample_path))
    page = TeamPage(ctx)
    qtbot.addWidget(page)
    field = page.fields["project_name"]
    assert field.text() == "工伤保险基金项目"
    field.setText(NAME)
    field.commit()
    assert ctx.evaluation().project_name == NAME
    assert report_title(ctx.snapshot(), full=True) == f"2021 年{NAME}绩效评价报告"
    assert ctx.undo_stack.undoText() == "修改“报告中的项目名称”"
    field.setText("")
    field.commit()
    assert "不能为空" in messages[-1] and ctx.evaluation().project_name == NAME and field.text() == NAME
    ctx.undo_stack.undo()
    assert ctx.evaluation().project_name == "工伤保险基金项目" and field.text() == "工伤保险基金项目"
    ctx.close()
