"""Start-up (issue 21): opening the main window on the sample loads only what its first screen needs; every other
step's page is imported and built on its first visit, and works then as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui

# Not needed to show the first step (团队与方案) of an open file: the other steps' pages and the widgets only they
# use, the report/render stack and its libraries, spreadsheet readers, the services of later steps.
DEFERRED = (
    "wcif_desktop.ui.pages.review", "wcif_desktop.ui.pages.targets", "wcif_desktop.ui.pages.scoring",
    "wcif_desktop.ui.pages.findings", "wcif_desktop.ui.pages.report",
    "wcif_desktop.ui.scoring_editor", "wcif_desktop.ui.review_panel", "wcif_desktop.ui.report_preview",
    "wcif_desktop.ui.readiness_view", "wcif_desktop.ui.survey_view", "wcif_desktop.ui.finance_view",
    "wcif_desktop.render", "wcif_desktop.services.deliverables", "wcif_desktop.services.report_build",
    "wcif_desktop.services.survey", "wcif_desktop.services.tabular", "wcif_desktop.domain.finance", "tomllib",
    "pandas", "numpy", "reportlab", "pyhanko", "openpyxl", "python_calamine", "docx", "docxtpl", "pypdfium2",
    "fontTools", "PIL", "cryptography",
    # the dialogs behind the 文档 menu and File ▸ 汇总分析/上年评价 (imported when an action is first used), the
    # schema migrations (an up-to-date file needs only their numbers), uuid (it loads `platform`)
    "wcif_desktop.ui.documents_dialog", "wcif_desktop.ui.rollup_dialog",
    "wcif_desktop.store.migrations.m0001_core", "wcif_desktop.store.migrations.m0041_survey_answer_index", "uuid",
)

# Opens the window the way ``wcif-desktop FILE --screenshot OUT`` does, prints the modules loaded then (and, with
# "visit", after visiting every step) as JSON.
SCRIPT = textwrap.dedent("""
    import json, sys
    from wcif_desktop.ui.app import take_screenshot
    take_screenshot(sys.argv[1], sys.argv[2])
    loaded = sorted(sys.modules)
    visited = []
    if sys.argv[3] == "visit":
        from wcif_desktop.ui.app import application
        from wcif_desktop.ui.mainwindow import MainWindow
        from wcif_desktop.ui.settings import Settings
        app = application()
        win = MainWindow(Settings(), remember=False)
        win.load(sys.argv[1])
        for row in range(win.step_list.count()):
            win.step_list.setCurrentRow(row)
            app.processEvents()
        visited = sorted(sys.modules)
        win.close()
    print(json.dumps({"open": loaded, "visited": visited}))
""")


def _modules(sample_path, tmp_path, visit: bool) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WCIF_DATA_DIR=str(tmp_path / "用户 数据"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(sample_path), str(tmp_path / "截图 1.png"),
                          "visit" if visit else "open"], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_opening_the_window_imports_only_the_first_screen(sample_path, tmp_path):
    seen = _modules(sample_path, tmp_path, visit=True)
    opened, visited = seen["open"], seen["visited"]
    assert "wcif_desktop.ui.pages.team" in opened  # the first step's page was built
    assert [m for m in DEFERRED if _loaded(opened, m)] == []
    # the same check sees the pages once they are visited (so it can fail)
    pages = [m for m in DEFERRED if m.startswith("wcif_desktop.ui.pages.")]
    assert [m for m in pages if not _loaded(visited, m)] == []


def test_steps_are_known_before_their_pages_are_built(window):
    from wcif_desktop.ui.pages import STEP_PAGES, StepState

    assert list(window._pages) == [0]  # only the step shown
    assert window.page_stack.count() == 1
    states = [window.step_state(s.key) for s in STEP_PAGES]
    assert all(isinstance(s, StepState) for s in states)
    assert states[3] is StepState.DONE and states[5] is StepState.NOT_STARTED  # computed without the pages
    assert [s.display_title() for s in STEP_PAGES] == ["团队与方案", "现场资料核查", "绩效目标", "指标评分",
                                                       "问题与建议", "报告"]
    for step in STEP_PAGES:  # the step list's key and title are its page's
        assert (step.page_class.key, step.page_class.title) == (step.key, step.title)


@pytest.mark.parametrize("key", ["review", "targets", "scoring", "findings", "report"])
def test_a_page_is_built_on_its_first_visit(window, key):
    from wcif_desktop.ui.pages import STEP_PAGES, step_index

    row = step_index(key)
    assert row not in window._pages
    window.step_list.setCurrentRow(row)  # what a click in the step list does
    page = window.page_stack.currentWidget()
    assert isinstance(page, STEP_PAGES[row].page_class) and page.isVisible()
    assert window._pages[row] is page and window.page(key) is page  # built once
    window.step_list.setCurrentRow(0)
    window.step_list.setCurrentRow(row)
    assert window.page_stack.currentWidget() is page and window.page_stack.count() == 2


def test_lazily_built_pages_work_and_undo(window, qtbot):
    from PySide6.QtCore import Qt

    window.show_step("review")
    review = window.page("review")
    edit = review.process_edit
    before = edit.toPlainText()
    edit.setFocus()
    edit.setPlainText(before + "补充一句。")
    window.commit_pending()
    assert window.ctx.snapshot().narratives["process"].endswith("补充一句。")
    window.act_undo.trigger()
    assert window.ctx.snapshot().narratives["process"] == before
    assert edit.toPlainText() == before

    scoring = window.show_step("scoring")
    assert scoring.total_label.text() == "综合评分 82.33 分，评级 良"
    findings = window.show_step("findings")
    assert [findings.models[k].rowCount() for k in ("practice", "problem", "recommendation")] == [3, 3, 3]
    report = window.show_step("report")
    assert report.isVisible()
    assert window.page_stack.currentWidget() is report
    qtbot.keyClick(window.step_list, Qt.Key.Key_Home)
    assert window.page_stack.currentWidget() is window.page("team")


def test_read_only_window_builds_pages_lazily(qtbot, sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow
    from wcif_desktop.ui.settings import Settings

    win = MainWindow(Settings(), remember=False)
    qtbot.addWidget(win)
    win.load(sample_path, "targets", read_only=True)
    assert "（只读）" in win.windowTitle()
    assert list(win._pages) == [2]
    page = win.show_step("findings")
    assert page.isVisibleTo(win) and win.ctx.ef.read_only
    win.close()


def test_plan_tab_is_built_when_first_shown(window, qtbot):
    """The 评价方案 tab of the first step is not on the first screen: its panel is built when shown (or used)."""
    from wcif_desktop.domain.review import EvaluationPlan

    team = window.page("team")
    panel = team.team_tabs.widget(2)
    assert panel is team.plan_panel and not panel._built
    assert team.fields["title"].isVisible()
    team.team_tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: panel._built)
    assert panel.isVisible() and panel.basis_model.rowCount() == 7 and panel.phase_model.rowCount() == 4
    assert panel.preview.text().startswith("评价依据：《中华人民共和国社会保险法》")
    assert panel.basis_view.property("wcif_copy")  # Ctrl+C on its tables, as on every page's tables
    # an edit made elsewhere reaches the built panel; undo restores it
    panel.texts["scope"].setPlainText("2021年度基金收支")
    panel.texts["scope"].commit()
    assert window.ctx.ef.records(EvaluationPlan)[0].scope == "2021年度基金收支"
    window.act_undo.trigger()
    assert panel.texts["scope"].toPlainText().startswith("2021年1月1日至12月31日")


def test_plan_panel_used_before_shown_builds_itself(bare_window):
    panel = bare_window.page("team").plan_panel
    assert not panel._built
    assert panel.preview.text() == ""  # first use builds it (the bare sample has no plan entries)
    assert panel._built and set(panel.texts) == {"objectives", "evaluation_object", "scope"}


def test_independence_editor_built_with_its_tab(window):
    team = window.page("team")
    editor = team.independence_editor
    assert not editor._built
    team.team_tabs.setCurrentIndex(1)  # 评价小组与独立性
    assert editor._built and editor.member.isVisible() and editor.member.count() == 4
    assert editor.warning.text() == "全部成员均已声明具备独立性。"
    team.team_view.setCurrentIndex(team.team_model.index(2, 0))  # a member chosen in the table
    assert editor.member.currentIndex() == 2
