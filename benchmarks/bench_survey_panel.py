"""First visit to 现场资料核查's survey panel with 10,000 survey responses (issue 21 target ≤ 300 ms).

Setup (not timed): the sample (:func:`wcif_desktop.services.sample.write_sample`) plus one more survey of
17 questions (12 satisfaction, 3 awareness, 2 free text) with 10,000 responses answering every question
(170,000 answers, 20,000 of them free text), written through the survey services (``add_question``) and
``EvaluationFile.insert_many`` (the store call the import uses).

Each run opens a fresh main window offscreen at 1366×768 on the 指标评分 step, lets it settle, then times the
whole first visit: the switch to 现场资料核查, then to its tab 满意度与知晓度调查 with the large survey chosen
(as the user clicks it), until the panel is shown and painted (events processed, ``grab()`` once to force the
paint). Median of ``--runs`` runs (a fresh window each run), with the machine load.

    python3 benchmarks/bench_survey_panel.py [--runs N] [--keep DIR] [--profile]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
from _common import report  # noqa: E402

RESPONSES = 10_000
TITLE = "基准 大样本满意度调查"
COMMENTS = ("办理流程还可以再简化", "希望增加线上办理渠道", "窗口工作人员态度很好", "待遇发放及时", "政策宣传不够",
            "建议延长办公时间", "材料要求太多", "认定时间偏长", "无", "满意，没有意见")


def make_file(path: Path) -> Path:
    """The sample plus a survey of 10,000 responses × 17 questions (see the module docstring)."""
    from wcif_desktop.domain.survey import SurveyAnswer, SurveyResponse
    from wcif_desktop.services import survey as sv
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.services.sample import write_sample

    write_sample(path)
    rnd = random.Random(21)
    with open_file(path) as ef:
        s = sv.create_survey(ef, TITLE, "参保单位")
        qs = []
        for i in range(12):
            qs.append(sv.add_question(ef, s.id, f"您对第{i + 1}项经办服务是否满意？"))
        for i in range(3):
            qs.append(sv.add_question(ef, s.id, f"您是否知道第{i + 1}项工伤保险政策？", "awareness"))
        for i in range(2):
            qs.append(sv.add_question(ef, s.id, f"您对工伤保险工作的第{i + 1}条意见或建议", "text"))
        opts = {q.id: sv.options(ef, q.id) for q in qs}
        recs = []
        for r in range(RESPONSES):
            resp = SurveyResponse(survey_id=s.id, respondent_id=f"B{r + 1:05d}",
                                  submitted_at=f"2022-03-{1 + r % 28:02d} {8 + r % 10:02d}:{r % 60:02d}",
                                  source="import", source_file="基准 导出.xlsx", source_row=r + 2,
                                  fingerprint=f"bench-{r}")
            recs.append(resp)
            for q in qs:
                if q.kind == "text":
                    text = f"{rnd.choice(COMMENTS)}（第{r + 1}份）"
                    recs.append(SurveyAnswer(response_id=resp.id, question_id=q.id, text=text))
                else:
                    o = rnd.choices(opts[q.id], weights=[5, 4, 2, 1, 1][:len(opts[q.id])])[0]
                    recs.append(SurveyAnswer(response_id=resp.id, question_id=q.id, option_id=o.id, text=o.label))
        ef.insert_many(recs)
    return path


def first_visit(path: Path, app, profile: bool = False) -> tuple[float, float]:
    """Seconds of (step switch, whole first visit of the survey panel) in a fresh window."""
    from wcif_desktop.ui.mainwindow import MainWindow
    from wcif_desktop.ui.settings import Settings

    win = MainWindow(Settings(), remember=False)
    win.resize(1366, 768)
    win.load(path, "scoring")
    win.show()
    for _ in range(3):
        app.processEvents()
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0 = time.perf_counter()
    page = win.show_step("review")
    app.processEvents()
    t_step = time.perf_counter() - t0
    panel = page.survey_panel
    page.review_tabs.setCurrentWidget(panel)
    i = panel.survey_combo.findText(TITLE, flags=__import__("PySide6.QtCore").QtCore.Qt.MatchFlag.MatchContains)
    assert i >= 0, "the large survey is not offered"
    panel.survey_combo.setCurrentIndex(i)
    app.processEvents()
    panel.grab()
    app.processEvents()
    dt = time.perf_counter() - t0
    if prof is not None:
        prof.disable()
        import pstats

        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    assert panel.isVisible()
    win.close()
    win.deleteLater()
    app.processEvents()
    return t_step, dt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the file in (or reuse it from) this folder")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one extra run")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="wcif bench ") as td:
        d = Path(td)
        os.environ["WCIF_DATA_DIR"] = str(d / "用户 数据")
        folder = args.keep or d
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "万份 问卷.wcif"
        if not path.exists():
            t0 = time.perf_counter()
            make_file(path)
            print(f"setup: sample + {RESPONSES:,} responses × 17 questions in {time.perf_counter() - t0:.1f} s")
        from wcif_desktop.ui.app import application

        app = application()
        first_visit(path, app)  # warm-up: imports of the review step's modules, fonts
        steps, times = [], []
        for _ in range(args.runs):
            t_step, dt = first_visit(path, app)
            steps.append(t_step)
            times.append(dt)
        if args.profile:
            first_visit(path, app, profile=True)
    med = statistics.median(times) * 1000
    load = "machine load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    print(f"first visit to 现场资料核查 › survey panel, {RESPONSES:,} responses: median {med:.0f} ms of {args.runs} "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)}; of which the step switch: median "
          f"{statistics.median(steps) * 1000:.0f} ms); {load}")
    report("first visit to 现场资料核查, 10,000 survey responses (median)", round(med, 1), "ms", "<= 300", med <= 300,
           load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
