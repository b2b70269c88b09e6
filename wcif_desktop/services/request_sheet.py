"""Import a request list (资料清单) from the agency's spreadsheet (.xlsx/.xls/.csv).

Layout read (:func:`read_request_sheet`, built on :mod:`wcif_desktop.services.tabular`): title lines above the
header are skipped; the header row is found by “资料名称” (or “资料”/“名称”); columns are recognised by their header
text: 编号 (资料编号, 序号), 类别 (资料类别, 分类), 资料名称 (资料, 名称, 文件名称), 状态 (提供情况, 提供状态), 说明 / 备注
(the unit's note), 截止日期 (提供期限). A list exported by this program (编号, 类别, 资料名称, 说明, 索取日期, 截止日期,
状态, 备注) reads back: its 说明 is then the item's description and 备注 the unit's note.

- a blank 类别 below a filled one (merged or left blank) takes the one above;
- a 编号 of digits only (a 序号 1, 2, 3 …) is not kept: the item gets the next free code of its category;
- 状态 words: 已索取/待提供/未收到/（空） → 已索取, 已提供/已收到/收到 → 已收到, 已核查/已审核 → 已核查, 未提供/无法提供 → 未提供,
  不适用/无此项 → 不适用;
- a row with only one filled cell and no 资料名称 (a note or a signature line below the table) is skipped.

:func:`import_requests` writes a read sheet in one transaction: an item whose 编号 is already in the list is updated
(category, name, note and status — the status moves along :data:`~wcif_desktop.domain.review.TRANSITIONS`, e.g.
已索取 → 已收到 → 已核查; the unit's 已提供 leaves an item already 已核查 as it is), the others are added at the end. A sheet with any rejected cell is refused as a whole.
"""

from __future__ import annotations

import datetime as _dt
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.review import REQUEST_STATUSES, TRANSITIONS, DocumentRequest
from . import evaluation as svc
from . import review as rsvc
from .evaluation import Changes, EvaluationFile
from .tabular import Rejection, normalize, read_table

HEADER_KEYWORDS = ("资料名称", "资料清单", "名称")
COLUMNS = {  # field: (keywords in order, excluded words)
    "code": (("资料编号", "编号", "序号"), ()),
    "category": (("资料类别", "类别", "分类"), ()),
    "title": (("资料名称", "文件名称", "名称", "资料"), ("类别", "编号", "说明", "备注")),
    "status": (("状态", "提供情况", "提供状态"), ()),
    "note": (("备注", "情况说明", "提供说明", "未提供原因"), ()),
    "explanation": (("说明",), ("情况说明", "提供说明")),
    "due_on": (("截止日期", "提供期限", "截止时间"), ()),
}
STATUS_WORDS = {
    "requested": ("已索取", "索取", "待提供", "未收到", "未提供完", "待补充"),
    "received": ("已提供", "已收到", "收到", "已报送", "提供"),
    "reviewed": ("已核查", "已审核", "核查完毕", "已查阅"),
    "not_provided": ("未提供", "无法提供", "不能提供", "缺失"),
    "not_applicable": ("不适用", "无此项", "无此事项", "不涉及"),
}


@dataclass(frozen=True)
class RequestRow:
    """One item as read: Excel row, code ('' = next free code), category, name, status key, note, description,
    due date (ISO or '')."""

    row: int
    code: str
    category: str
    title: str
    status: str
    note: str = ""
    description: str = ""
    due_on: str = ""


@dataclass
class RequestSheet:
    """A request list as read from a spreadsheet; ``rejections`` name every cell that could not be used."""

    path: Path
    sheet: str
    items: list[RequestRow] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "items": [i.__dict__ for i in self.items],
                "rejections": [r.as_dict() for r in self.rejections]}


def status_of(text: str) -> str | None:
    """The status key of a 状态 cell (see the module docstring), ``requested`` when blank, ``None`` if unknown."""
    t = normalize(text).replace(" ", "")
    if not t:
        return "requested"
    for key, label in REQUEST_STATUSES.items():
        if t == label or t == key:
            return key
    for key in ("not_applicable", "not_provided", "reviewed", "requested", "received"):  # 未提供 before 提供
        if any(t == w for w in STATUS_WORDS[key]):
            return key
    for key in ("not_applicable", "not_provided", "reviewed", "requested", "received"):
        if any(w in t for w in STATUS_WORDS[key]):
            return key
    return None


def _date_text(cell) -> str | None:
    """ISO date of a date cell ('' when blank), ``None`` when it is not a date."""
    if isinstance(cell.value, _dt.datetime):
        return cell.value.date().isoformat()
    if isinstance(cell.value, _dt.date):
        return cell.value.isoformat()
    t = normalize(cell.text).replace("/", "-").replace(".", "-")
    if not t:
        return ""
    for fmt in ("%Y-%m-%d", "%Y年%m月%d日"):
        try:
            return _dt.datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def read_request_sheet(path, sheet: str | None = None, progress: Progress = NO_PROGRESS) -> RequestSheet:
    """Read the agency's request list (layout: module docstring). Touches no evaluation file (worker thread).

    Raises:
        ValidationError: no 资料名称 column (naming the sheet and its headers), or no item at all.
        WcifError: unreadable file, no header row.
    """
    table = read_table(Path(path), sheet, header_keywords=HEADER_KEYWORDS, progress=progress)
    cols = {}
    for key, (keywords, exclude) in COLUMNS.items():
        col = table.find_column(*keywords, exclude=exclude)
        if col is not None and col.index not in {c.index for c in cols.values()}:
            cols[key] = col
    if "title" not in cols:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中找不到“资料名称”列（表头：{names}）"),
                              sheet=table.sheet, names="、".join(c.name for c in table.columns))
    # with both 说明 and 备注: 说明 is what is asked for (description), 备注 the unit's note; 说明 alone is the note
    if "explanation" in cols and "note" not in cols:
        cols["note"] = cols.pop("explanation")
    out = RequestSheet(Path(path), table.sheet)
    category = ""
    seen: dict[str, int] = {}
    for n, row in enumerate(table.rows, start=1):
        if n % 200 == 0:
            check(progress)
            progress.set(n, len(table.rows), "")

        def text(key, row=row):
            return row.text(cols[key].index) if key in cols else ""

        if row.is_empty:
            continue
        title = text("title")
        if not title:
            filled = [c for c in row.cells if not c.is_empty]
            if len(filled) <= 1:  # a note or signature line under the table
                continue
            out.rejections.append(Rejection(table.sheet, row.number, cols["title"].letter, "资料名称为空"))
            continue
        category = text("category") or category
        if not category:
            out.rejections.append(Rejection(table.sheet, row.number, cols["category"].letter if "category" in cols
                                            else cols["title"].letter, "没有资料类别（本行及以上各行均未填写）"))
            continue
        code = normalize(text("code"))
        if code.replace(".", "").isdigit():
            code = ""  # a 序号
        if code:
            if code.upper() in seen:
                out.rejections.append(Rejection(table.sheet, row.number, cols["code"].letter,
                                                f"编号与第{seen[code.upper()]}行重复", code))
                continue
            seen[code.upper()] = row.number
        status = status_of(text("status"))
        if status is None:
            out.rejections.append(Rejection(
                table.sheet, row.number, cols["status"].letter,
                "无法识别的状态（可用：" + "、".join(REQUEST_STATUSES.values()) + "）", text("status")))
            continue
        due = ""
        if "due_on" in cols:
            cell = row.cell(cols["due_on"].index)
            due = _date_text(cell)
            if due is None:
                out.rejections.append(Rejection(table.sheet, row.number, cols["due_on"].letter,
                                                "不是日期（应写作 2022-05-20）", cell.text))
                continue
        out.items.append(RequestRow(row.number, code, category, title, status, text("note"), text("explanation"),
                                    due))
    if not out.items and not out.rejections:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中没有资料条目"), sheet=table.sheet)
    return out


def check_importable(data: RequestSheet) -> None:
    """Refuse a sheet with rejected cells (all or nothing).

    Raises:
        ValidationError: naming the first rejected cells (sheet, row, column, reason).
    """
    if data.rejections:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "资料清单有 {count} 处无法导入，未导入任何条目：{problems}"),
                              count=len(data.rejections), problems="；".join(str(r) for r in data.rejections[:5]))


@dataclass(frozen=True)
class RequestPreview:
    """What :func:`import_requests` would do: rows added, rows updated (with their current item), unchanged."""

    added: list[RequestRow]
    updated: list[tuple[RequestRow, DocumentRequest]]
    unchanged: int


def preview_requests(ef: EvaluationFile, data: RequestSheet) -> RequestPreview:
    """Compare a read sheet with the evaluation's request list (items matched by 编号)."""
    by_code = {i.code.upper(): i for i in rsvc.request_items(ef)}
    added, updated, same = [], [], 0
    for it in data.items:
        cur = by_code.get(it.code.upper()) if it.code else None
        if cur is None:
            added.append(it)
        elif (cur.category, cur.title, cur.status, cur.provider_note) != (
                it.category, it.title, target_status(cur.status, it.status), it.note or cur.provider_note):
            updated.append((it, cur))
        else:
            same += 1
    return RequestPreview(added, updated, same)


def target_status(current: str, stated: str) -> str:
    """The status an import gives an item: the sheet's, except that the unit's 已收到 (它已提供) keeps an item the
    evaluators already checked at 已核查."""
    return current if (current, stated) == ("reviewed", "received") else stated


def _status_path(start: str, goal: str) -> list[str]:
    """The shortest chain of allowed status changes from ``start`` to ``goal`` (excluding ``start``)."""
    if start == goal:
        return []
    prev = {start: None}
    queue = deque([start])
    while queue:
        s = queue.popleft()
        for t in sorted(TRANSITIONS.get(s, ())):
            if t not in prev:
                prev[t] = s
                queue.append(t)
    if goal not in prev:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "资料状态不能从“{old}”改为“{new}”"),
                              old=REQUEST_STATUSES[start], new=REQUEST_STATUSES[goal])
    path = [goal]
    while prev[path[-1]] != start:
        path.append(prev[path[-1]])
    return path[::-1]


def import_requests(ef: EvaluationFile, data: RequestSheet, progress: Progress = NO_PROGRESS) -> Changes:
    """Write a read request list (one transaction): items with a known 编号 updated, the others added.

    Raises:
        ValidationError: a sheet with rejected cells (:func:`check_importable`), or a value the request list
        refuses (e.g. a due date before the request date); nothing is changed.
    """
    check_importable(data)
    changes = Changes()
    today = _dt.date.today().isoformat()
    with ef.transaction():
        by_code = {i.code.upper(): i for i in rsvc.request_items(ef)}
        for n, it in enumerate(data.items, start=1):
            check(progress)
            progress.set(n, len(data.items), it.title)
            cur = by_code.get(it.code.upper()) if it.code else None
            if cur is None:
                requested = today if not it.due_on or it.due_on >= today else it.due_on
                rec, ch = rsvc.add_request_item(ef, it.title, it.category, code=it.code,
                                                description=it.description, requested_on=requested,
                                                due_on=it.due_on)
                changes.tables.update(ch.tables)
                by_code[rec.code.upper()] = cur = rec
                changes.add(DocumentRequest.table, rec.id)
            else:
                fields = {"category": it.category, "title": it.title}
                if it.description:
                    fields["description"] = it.description
                if it.due_on:
                    fields["due_on"] = it.due_on
                rsvc.update_request_item(ef, cur.id, **fields)
                changes.add(DocumentRequest.table, cur.id)
            for step in _status_path(cur.status, target_status(cur.status, it.status)):
                rsvc.set_request_status(ef, cur.id, step)
            if it.note:
                rsvc.update_request_item(ef, cur.id, provider_note=it.note)
    return changes.add(DocumentRequest.table)


def snapshot_requests(ef: EvaluationFile) -> dict[str, dict]:
    """Every live request item's stored row by id (to undo an import)."""
    return {r["id"]: dict(r) for r in ef.rows(DocumentRequest.table)}


def revert_import(ef: EvaluationFile, before: dict[str, dict]) -> Changes:
    """Undo :func:`import_requests`: delete the items it added, put the updated ones back as they were."""
    fields = ("code", "category", "title", "description", "requested_on", "due_on", "status", "status_changed_at",
              "provider_note", "sort_order")
    changes = Changes()
    with ef.transaction():
        for r in ef.rows(DocumentRequest.table):
            if r["id"] not in before:
                changes.tables.update(svc.delete_record(ef, DocumentRequest, r["id"]).tables)
            else:
                old = before[r["id"]]
                diff = {f: old[f] for f in fields if f in old and old[f] != r.get(f)}
                if diff:
                    changes.tables.update(svc.update_record(ef, DocumentRequest, r["id"], **diff).tables)
    return changes.add(DocumentRequest.table)
