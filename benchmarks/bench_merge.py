"""Merge of two copies of an evaluation with 5,000 changed records each, against copying those rows with SQL
(issue 21 target: ours ≤ 10× the reference).

    python3 benchmarks/bench_merge.py [--runs N] [--records N] [--keep FOLDER]

Setup (not timed):

1. the bundled sample (``services.sample.write_sample``) plus a questionnaire import of 4,002 answers
   (1,334 responses) is the shared base; the member's copy is made from it with ``export`` as the app does
   (``services.exchange.export_evaluation``);
2. each side changes ``--records`` (5,000) records of mixed kinds a team changes in volume, through the store's
   write path (audited, merge base kept): 1,500 new document-review notes (``review_note``), 1,000 new evidence
   links (``evidence_link``), 500 new score citations with a note (``score_citation``) and 2,000 edited survey
   answers (``survey_answer``: another option, or a text). The two sides edit different answers except 50 that
   both edit: 25 in different fields (merged field by field) and 25 in the same field (conflicts);
3. the member hands over an ``export`` of their file.

Timed, alternating, ``--runs`` times each on a fresh copy of the lead's file:

- **ours**: ``exchange.import_file`` of the hand-over into the lead's file, as the app's import does; the figure
  is its merge part (``merge.merge_attached``: refresh of the lead's merge base, the record merge, history,
  commit). The import's checks before the merge (``prepare_incoming``, ``outside_changes`` …) are reported on
  their own line, not in the ratio;
- **reference**: the member's 5,000 changed rows copied into a copy of the lead's file through ``ATTACH`` with one
  ``INSERT OR REPLACE INTO main.t SELECT * FROM theirs.t WHERE id IN (…)`` statement per table (4 tables), in one
  transaction, same journal mode and ``synchronous=FULL`` as the app.

Prints medians, the machine load (``os.getloadavg``) and the ratio ours / reference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
from _common import report  # noqa: E402

NOTE = "资料已查阅：凭证与台账一致，抽查{n}笔支出未见异常；个别报销单据缺少审批签字，已要求补充并在底稿中记录。"


def _base(path: Path) -> tuple[Path, list[str]]:
    """The sample plus 1,334 questionnaire responses (4,002 answers). Returns (path, answer ids in order)."""
    from wcif_desktop.domain.survey import SurveyAnswer, SurveyResponse
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.store.db import EvaluationFile

    write_sample(path)
    ef = EvaluationFile.open(path, who="组长", backup=False)
    try:
        survey = sorted(ef.rows("survey"), key=lambda r: r["sort_order"])[0]
        questions = sorted(ef.rows("survey_question", "survey_id = ?", [survey["id"]]), key=lambda r: r["sort_order"])[:3]
        options = {q["id"]: [o["id"] for o in ef.rows("survey_option", "question_id = ?", [q["id"]])]
                   for q in questions}
        rng = random.Random(1)
        recs, answer_ids = [], []
        for i in range(1334):
            resp = SurveyResponse(survey_id=survey["id"], respondent_id=f"R{i:05d}", source="import",
                                  source_file="问卷导出.xlsx", source_row=i + 2, submitted_at="2022-03-01T09:00:00")
            recs.append(resp)
            for q in questions:
                a = SurveyAnswer(response_id=resp.id, question_id=q["id"],
                                 option_id=rng.choice(options[q["id"]]) if options[q["id"]] else "", text="")
                recs.append(a)
                answer_ids.append(a.id)
        ef.insert_many(recs)
    finally:
        ef.close()
    return path, answer_ids


def _change(path: Path, who: str, answers: list[str], n_new: dict[str, int], seed: int,
            overlap: list[str], overlap_field: str) -> dict[str, list[str]]:
    """Make one side's changes (see module docstring). Returns {table: ids changed}."""
    from wcif_desktop.domain.review import EvidenceLink, ReviewNote
    from wcif_desktop.domain.scoring import ScoreCitation
    from wcif_desktop.store.db import EvaluationFile, now_iso

    rng = random.Random(seed)
    ef = EvaluationFile.open(path, who=who, backup=False)
    changed: dict[str, list[str]] = {}
    try:
        requests = [r["id"] for r in ef.rows("document_request")]
        members = ef.rows("team_member")
        evidence = [r["id"] for r in ef.rows("evidence")]
        indicators = [r["id"] for r in ef.rows("indicator", "level = 3") or ef.rows("indicator")]
        papers = [r["id"] for r in ef.rows("working_paper")]
        recs = []
        for i in range(n_new["review_note"]):
            m = rng.choice(members)
            recs.append(ReviewNote(request_id=rng.choice(requests), reviewer_id=m["id"], reviewer_name=m["name"],
                                   written_at=now_iso(), text=NOTE.format(n=i % 40 + 3)))
        for _ in range(n_new["evidence_link"]):
            kind = rng.choice(["document_request", "indicator", "working_paper"])
            target = rng.choice({"document_request": requests, "indicator": indicators, "working_paper": papers}[kind])
            recs.append(EvidenceLink(evidence_id=rng.choice(evidence), target_kind=kind, target_id=target))
        for i in range(n_new["score_citation"]):
            recs.append(ScoreCitation(indicator_id=rng.choice(indicators), kind="working_paper",
                                      target_id=rng.choice(papers), note=f"{who}：见底稿第{i % 30 + 1}页"))
        ef.insert_many(recs)
        for r in recs:
            changed.setdefault(r.table, []).append(r.id)
        opts: dict[str, list[str]] = {}
        with ef.transaction():
            for k, aid in enumerate(answers):
                a = ef.rows("survey_answer", "id = ?", [aid])[0]
                # the overlap: in its first half one side edits the text, the other the option (merged field
                # by field); in its second half both edit the text differently (conflicts)
                first_half = aid in overlap and overlap.index(aid) < len(overlap) // 2
                if aid in overlap and (overlap_field == "text" or not first_half):
                    ef.update("survey_answer", aid, {"text": f"{who}补记：受访者口头补充说明 {k}"})
                else:
                    if a["question_id"] not in opts:
                        opts[a["question_id"]] = [o["id"] for o in ef.rows("survey_option", "question_id = ?",
                                                                           [a["question_id"]])]
                    others = [o for o in opts[a["question_id"]] if o != a["option_id"]]
                    ef.update("survey_answer", aid, {"option_id": rng.choice(others)})
                changed.setdefault("survey_answer", []).append(aid)
    finally:
        ef.close()
    return changed


def setup(work: Path, records: int) -> tuple[Path, Path, dict[str, list[str]]]:
    from wcif_desktop.services import exchange

    base, answers = _base(work / "组长 评价.wcif")
    member = work / "成员 评价.wcif"
    exchange.export_evaluation(base, member)
    scale = records / 5000
    n_new = {"review_note": int(1500 * scale), "evidence_link": int(1000 * scale), "score_citation": int(500 * scale)}
    n_ans = records - sum(n_new.values())
    overlap = answers[n_ans - 50:n_ans]
    theirs = _change(member, "成员甲", answers[:n_ans], n_new, 2, overlap, "text")
    _change(base, "组长", answers[n_ans - 50:2 * n_ans - 50], n_new, 3, overlap, "mixed")
    handed = work / "成员 交回.wcif"
    exchange.export_evaluation(member, handed)
    return base, handed, theirs


def run_ours(lead_copy: Path, handed: Path) -> dict:
    from wcif_desktop.services import exchange
    from wcif_desktop.store.db import EvaluationFile

    phases: dict[str, float] = {}
    real = exchange.merge.merge_attached

    def timed_merge(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            return real(*a, **k)
        finally:
            phases["merge"] = time.perf_counter() - t
            phases["merge_cpu"] = time.process_time() - c

    exchange.merge.merge_attached = timed_merge
    try:
        ef = EvaluationFile.open(lead_copy, who="组长", backup=False)
        try:
            t0, c0 = time.perf_counter(), time.process_time()
            rep = exchange.import_file(ef, handed)
            total = time.perf_counter() - t0
            phases["import_cpu"] = time.process_time() - c0
        finally:
            ef.close()
    finally:
        exchange.merge.merge_attached = real
    return {"merge": phases["merge"], "import": total, "merge_cpu": phases["merge_cpu"], "inserted": len(rep.inserted), "updated": len(rep.updated),
            "conflicts": len(rep.conflicts), "history": rep.history_added}


def run_reference(lead_copy: Path, handed: Path, changed: dict[str, list[str]]) -> float:
    from wcif_desktop.store.db import sqlite_uri

    conn = sqlite3.connect(str(lead_copy), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        t0 = time.perf_counter()
        conn.execute("ATTACH DATABASE ? AS theirs", [sqlite_uri(handed, mode="ro", immutable=1)])
        conn.execute("BEGIN")
        for table, ids in changed.items():
            conn.execute(f'INSERT OR REPLACE INTO main."{table}" SELECT * FROM theirs."{table}" '
                         "WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE theirs")
        return time.perf_counter() - t0
    finally:
        conn.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--records", type=int, default=5000, help="changed records on each side (default 5000)")
    ap.add_argument("--keep", type=Path, help="keep the setup files in FOLDER/'bench_merge setup' (reused when present)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wcif bench 合并 ") as td:
        d = Path(td)
        os.environ["WCIF_DATA_DIR"] = str(d / "用户 数据")
        work = (args.keep or d) / "bench_merge setup"
        state = work / "changed.json"
        if not state.exists():  # no finished setup there: start again
            shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        if state.exists():
            changed = json.loads(state.read_text())
            lead, handed = work / "组长 评价.wcif", work / "成员 交回.wcif"
        else:
            lead, handed, changed = setup(work, args.records)
            state.write_text(json.dumps(changed))
        print(f"setup: {time.perf_counter() - t0:.1f} s; member's changes: "
              + ", ".join(f"{t} {len(v)}" for t, v in changed.items()))
        ours, imports, refs, loads, cpus = [], [], [], [], []
        info = {}
        for i in range(args.runs + 1):  # the first pair warms up (imports, caches) and is not counted
            for which in (("ref", "ours") if i % 2 else ("ours", "ref")):
                copy = d / f"副本 {i} {which}.wcif"
                shutil.copy2(lead, copy)
                loads.append(os.getloadavg()[0])
                if which == "ours":
                    res = run_ours(copy, handed)
                    info = res
                    if i:
                        ours.append(res["merge"])
                        imports.append(res["import"])
                        cpus.append(res["merge_cpu"])
                    print(f"run {i} ours: merge {res['merge']:.3f} s (CPU {res['merge_cpu']:.3f} s), "
                          f"whole import {res['import']:.3f} s")
                else:
                    t = run_reference(copy, handed, changed)
                    if i:
                        refs.append(t)
                    print(f"run {i} reference: {t:.3f} s")
                copy.unlink()
                for x in ("-journal",):
                    Path(str(copy) + x).unlink(missing_ok=True)
        m_ours, m_imp, m_ref = statistics.median(ours), statistics.median(imports), statistics.median(refs)
        ratio = m_ours / m_ref
        pair = statistics.median(o / r for o, r in zip(ours, refs))
        load = statistics.median(loads)
        print(f"merge result: {info['inserted']} inserted, {info['updated']} updated, {info['conflicts']} conflicts, "
              f"{info['history']} history entries")
        print(f"ours (merge part of import): median {m_ours:.3f} s of {len(ours)} runs; whole import "
              f"{m_imp:.3f} s (checks {m_imp - m_ours:.3f} s)")
        print(f"reference (INSERT OR REPLACE … SELECT per table): median {m_ref:.3f} s")
        print(f"merge CPU time (this process): median {statistics.median(cpus):.3f} s")
        print(f"ratio of medians: {ratio:.1f}x  (target <= 10); median of the per-run ratios {pair:.1f}x")
        print(f"load avg (1 min, median over runs): {load:.2f}, cores: {os.cpu_count()}")
        note = f"load {load:.2f}; ours {m_ours:.2f} s, SQL copy {m_ref:.3f} s; per-run ratios {pair:.1f}x"
        report("merge 5,000 changed records each ÷ SQL copy of those rows", round(ratio, 2), "x", "<= 10",
               ratio <= 10, note)
        report("merge 5,000 changed records each: merge part", round(m_ours, 3), "s", note=f"load {load:.2f}")
        report("merge 5,000 changed records each: whole import (checks + merge)", round(m_imp, 3), "s",
               note=f"load {load:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
