"""A large evaluation file for GUI tests (issue 15 §4), built in seconds with bulk SQL: the sample plus
1,000 indicators, a survey with 10,000 responses (5 answers each) and 5,000 tiny evidence files linked to
indicators. Rows are written from the record dataclasses, so every column holds what the app would write."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from wcif_desktop.domain.model import Indicator
from wcif_desktop.domain.review import Evidence, EvidenceLink
from wcif_desktop.domain.survey import Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from wcif_desktop.store.db import now_iso, record_to_row


def _insert(conn: sqlite3.Connection, records: list) -> None:
    if not records:
        return
    rows = [dict(record_to_row(r), modified_at=now_iso(), modified_by="大文件", deleted=0) for r in records]
    cols = list(rows[0])
    conn.executemany(f'INSERT INTO "{records[0].table}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})',
                     [[r[c] for c in cols] for r in rows])


def build_large(sample: Path, dest: Path, *, indicators: int = 1000, responses: int = 10_000,
                evidence: int = 5_000, seed: int = 15) -> Path:
    """Copy ``sample`` to ``dest`` and add ``indicators`` indicators (one level-1 node of weight 0 holding
    level-2 groups of ten level-3 leaves, half of them scored), ``responses`` survey responses and ``evidence``
    evidence files of 16–64 bytes, each linked to a leaf. Returns ``dest``."""
    rng = random.Random(seed)
    shutil.copyfile(sample, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    conn.execute("BEGIN")
    root = Indicator(level=1, code="L", name="大样本指标", weight=Decimal(0), sort_order=99)
    inds, leaves = [root], []
    groups = max(1, -(-(indicators - 1) // 11))
    for g in range(groups):
        mid = Indicator(parent_id=root.id, level=2, code=f"L{g}", name=f"二级指标 {g}", weight=Decimal(0),
                        sort_order=g)
        inds.append(mid)
        for k in range(10):
            if len(inds) >= indicators:
                break
            scored = rng.random() < 0.5
            leaf = Indicator(parent_id=mid.id, level=3, code=f"L{g}.{k}", name=f"三级指标 {g}-{k}",
                             weight=Decimal(0), score=Decimal(0) if scored else None, sort_order=k,
                             definition="用于检验大文件的指标" * 3)
            inds.append(leaf)
            leaves.append(leaf)
    _insert(conn, inds)
    survey = Survey(title="参保单位满意度（大样本）", respondent_group="参保单位")
    questions = [SurveyQuestion(survey_id=survey.id, code=f"Q{i + 1}", text=f"问题 {i + 1}", sort_order=i)
                 for i in range(5)]
    options = {q.id: [SurveyOption(question_id=q.id, label=lab, score=5 - j, satisfied=j < 2, sort_order=j)
                      for j, lab in enumerate(("非常满意", "满意", "一般", "不满意", "非常不满意"))]
               for q in questions}
    _insert(conn, [survey])
    _insert(conn, questions)
    _insert(conn, [o for opts in options.values() for o in opts])
    resp, answers = [], []
    for n in range(responses):
        r = SurveyResponse(survey_id=survey.id, respondent_id=f"R{n:05d}", source="import",
                           source_file="大样本.xlsx", source_row=n + 2,
                           fingerprint=hashlib.sha256(str(n).encode()).hexdigest())
        resp.append(r)
        for q in questions:
            answers.append(SurveyAnswer(response_id=r.id, question_id=q.id, option_id=rng.choice(options[q.id]).id))
    _insert(conn, resp)
    _insert(conn, answers)
    evs, links, chunks = [], [], []
    for n in range(evidence):
        data = rng.randbytes(rng.randint(16, 64))
        sha = hashlib.sha256(data).hexdigest()
        ev = Evidence(sha256=sha, size=len(data), original_name=f"证据 {n:04d}.txt", media_type="text/plain",
                      added_by="大文件", added_at=now_iso())
        evs.append(ev)
        chunks.append((sha, 0, data))
        links.append(EvidenceLink(evidence_id=ev.id, target_kind="indicator", target_id=rng.choice(leaves).id))
    _insert(conn, evs)
    _insert(conn, links)
    conn.executemany("INSERT INTO evidence_chunk (sha256, seq, data) VALUES (?, ?, ?)", chunks)
    conn.execute("COMMIT")
    conn.close()
    return dest


__all__ = ["build_large"]
