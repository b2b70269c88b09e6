"""Records of the documents area (tables created by migration ``m0070_documents``).

Lists of ids are stored as JSON text (``["id1", "id2"]``), as in :mod:`wcif_desktop.domain.review`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Record


@dataclass
class SiteVisit(Record):
    """One stop of the site schedule (调研安排): where, when, who goes, and why this site or case was chosen."""

    table = "site_visit"
    place: str = ""  # 调研地点
    unit: str = ""  # 调研单位 (the unit whose answers are recorded)
    visit_date: str = ""  # ISO date
    itinerary: str = ""  # 行程安排
    member_ids: str = "[]"  # team member ids (JSON list)
    reason: str = ""  # 选取理由
    sort_order: int = 0


@dataclass
class ResearchAnswer(Record):
    """The answer of one visited unit to one question of the research outline (调研提纲)."""

    table = "research_answer"
    topic: str = ""  # topic key of resources/templates/research_outline.toml
    question: str = ""  # the question as asked
    site_visit_id: str = ""
    unit: str = ""  # unit name (kept even if the visit is deleted)
    answer: str = ""
    answered_on: str = ""
    sort_order: int = 0


@dataclass
class ProblemDetail(Record):
    """What the problem list (问题清单) needs beyond the finding itself: category, the indicators it touches
    (JSON list of indicator ids), the legal or policy basis, the evidence, and the library entry it came from."""

    table = "problem_detail"
    finding_id: str = ""
    category: str = ""
    indicator_ids: str = "[]"
    basis: str = ""
    evidence: str = ""
    library_id: str = ""


@dataclass
class GeneratedDocument(Record):
    """A document written from the evaluation (kind, file name, format, SHA-256) — feeds the archive index."""

    table = "generated_document"
    kind: str = ""
    file_name: str = ""
    format: str = ""  # pdf | docx
    sha256: str = ""
    size: int = 0
    generated_at: str = ""
    template: str = ""  # firm template file name, if one was used


@dataclass
class ArchiveRecord(Record):
    """The evaluation's archiving (归档): when, where the archive folder was written, the index's SHA-256."""

    table = "archive_record"
    archived_at: str = ""
    folder: str = ""
    index_sha256: str = ""
    documents: int = 0
    evidence_files: int = 0


@dataclass
class ReportFeedback(Record):
    """One comment of the evaluated unit on the 征求意见稿 and how it was taken up (migration m0052); listed in
    the 正式稿's appendix 被评价单位意见及采纳情况."""

    table = "report_feedback"
    opinion: str = ""  # the unit's comment as received
    adoption: str = ""  # 采纳 | 部分采纳 | 未采纳
    response: str = ""  # how the report was changed, or why not
    sort_order: int = 0
