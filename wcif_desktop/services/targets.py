"""Performance-target use cases: import a 绩效目标表, keep declared and refined versions, compare, evaluate.

- :func:`plan_target_import` reads a target table (.xlsx/.csv) as evaluators receive it — a header block of
  key/value cells (项目支出名称, 填报单位, 年度本级预算金额, 实施期, 实施期绩效目标, 本年度绩效目标 …) above an
  indicator table (年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 绩效标准 | 指标性质 …, merged cells
  allowed) — and returns a :class:`TargetImport` (nothing written). Labels and 指标值 are kept as written;
  comparator/value/unit are parsed from the 指标值 (:func:`wcif_desktop.domain.targets.parse_target_value`)
  unless the table has its own 比较符/计量单位 columns. A row with a rejected cell is left out as a whole.
- :func:`apply_target_import` writes the header and rows of one version in one transaction.
- :func:`write_target_table` writes a version back to .xlsx in the same layout (round trip, appendix work).
- :func:`comparison`, :func:`start_refinement`, :func:`update_target` (recomputes 完成情况 of numeric
  targets when the actual changes), :func:`evaluate_completions`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.model import TargetIndicator
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.targets import (
    STANDARDS,
    VERSIONS,
    ComparisonRow,
    TargetSheet,
    classify,
    compare,
    display_value,
    evaluate_completion,
    parse_target_value,
)
from ..store.db import EvaluationFile
from . import evaluation as svc
from . import tabular as tb

# Header-block labels → TargetSheet field (first match wins; longer labels first).
SHEET_KEYS = (
    ("该项目支出上级资金", "superior_funds"), ("上级资金", "superior_funds"),
    ("年度本级预算金额", "budget_text"), ("年度预算金额", "budget_text"), ("预算金额", "budget_text"),
    ("资金总额", "budget_text"), ("年度资金总额", "budget_text"),
    ("实施期绩效目标", "period_goal"), ("实施期目标", "period_goal"), ("总体目标", "annual_goal"),
    ("本年度绩效目标", "annual_goal"), ("年度绩效目标", "annual_goal"), ("年度总体目标", "annual_goal"),
    ("项目支出名称", "project_name"), ("项目名称", "project_name"), ("填报单位", "unit_name"),
    ("主管部门", "department"), ("预算部门", "department"), ("实施期", "period"),
)
# Indicator-table columns: field → header keywords (first keyword found wins).
COLUMNS = {
    "goal": ("年度目标", "目标"),
    "level1_label": ("一级指标",),
    "level2_label": ("二级指标",),
    "name": ("三级指标", "指标名称", "绩效指标"),
    "target_text": ("指标值", "目标值", "年度指标值"),
    "comparator": ("比较符", "指标方向"),
    "unit": ("计量单位", "度量单位"),
    "standard": ("绩效标准", "评价标准", "指标标准"),
    "kind": ("指标性质", "指标类型", "定量/定性"),
    "actual": ("实际完成值", "实际值", "完成值", "实际完成"),
    "completion": ("完成情况", "完成程度"),
    "deviation_reason": ("偏差原因", "未完成原因"),
}
HEADER_KEYWORDS = ("三级指标", "指标名称")


@dataclass
class TargetImport:
    """What :func:`apply_target_import` would write: the header, the rows, and every rejected cell."""

    path: Path
    sheet: str
    version: str
    header: TargetSheet
    indicators: list[TargetIndicator]
    rejections: list[tb.Rejection] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field → column letter

    def describe(self) -> str:
        """A plain-language summary (a :class:`~wcif_desktop.domain.errors.Message`) for the CLI and the UI."""
        p = {"sheet": self.sheet, "project": self.header.project_name or "—", "indicators": len(self.indicators),
             "rejected": len(self.rejections)}
        if self.version == "declared":
            return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”（申报目标）：项目“{project}”，{indicators} 个绩效指标，"
                                                     "拒绝 {rejected} 个单元格"), **p)
        return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”（细化目标）：项目“{project}”，{indicators} 个绩效指标，"
                                                 "拒绝 {rejected} 个单元格"), **p)  # refined (VERSIONS)


_SHEET_KEYS_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
for _label, _fld in SHEET_KEYS:  # labels by their first character, in SHEET_KEYS order
    _SHEET_KEYS_BY_FIRST.setdefault(_label[0], []).append((_label, _fld))


def _sheet_key(text: str) -> tuple[str, str] | None:
    compact = text.replace(" ", "")
    for label, fld in _SHEET_KEYS_BY_FIRST.get(compact[:1], ()):
        if compact.startswith(label):
            return label, fld
    return None


def _sheet_header(table: tb.Table) -> TargetSheet:
    """Key/value cells above the indicator header: “项目支出名称 | 湘潭市工伤保险基金” or “填报单位：…”."""
    sheet = TargetSheet()
    grid = table.grid
    found: dict[str, str] = {}
    if grid is None:
        return sheet
    for r in range(1, table.header_rows[0]):
        cells = [c for c in grid.cells[r - 1] if c.formula is None]
        texts = [c.text for c in cells]
        i = 0
        while i < len(texts):
            t = texts[i]
            key = _sheet_key(t)
            if key is None:
                i += 1
                continue
            label, fld = key
            rest = t.replace(" ", "")[len(label):].lstrip(":：")
            value = ""
            if rest:  # inline: “填报单位：湘潭市工伤保险服务中心”
                value = t.replace("：", ":").split(":", 1)[1].strip() if (":" in t or "：" in t) else rest
                i += 1
            else:  # value in the next cell (label and value cells may be merged over several columns)
                j = i + 1
                while j < len(texts) and texts[j] in ("", t):
                    j += 1
                if j < len(texts) and _sheet_key(texts[j]) is None:
                    value = texts[j]
                    while j + 1 < len(texts) and texts[j + 1] == value:
                        j += 1
                    j += 1
                i = j
            if value and fld not in found:
                found[fld] = value
    for fld, value in found.items():
        setattr(sheet, fld, value)
    return sheet


def _cell_text(cell: tb.Cell) -> str:
    """The cell's text as Excel shows it for a target: a number with a percent format (98% typed in Excel is
    0.98 formatted ``0%``) reads as ``"98%"``, not ``"0.98"``; any other cell as :attr:`tabular.Cell.text`."""
    v = cell.value
    if "%" in cell.number_format and isinstance(v, (int, float)) and not isinstance(v, bool):
        try:
            d = tb.parse_percent(cell)
        except tb.CellError:
            return cell.text
        if d is not None:
            return format(d.normalize(), "f") + "%"
    return cell.text


def _standard(text: str) -> str:
    t = text.replace(" ", "")
    for s in STANDARDS:
        if t == s or t == s[:2]:
            return s
    return text


def _stated_comparator(text: str) -> str | None:
    """The comparator a 指标性质 cell states in the national form (``≥``, ``≤``, ``＝``/``=``, ``>``, ``<``,
    also ``>=``/``<=``), ``""`` for 定性, ``None`` when the cell says 定量/定性指标 or nothing of the kind."""
    t = unicodedata.normalize("NFKC", text or "").replace(" ", "")
    table = {"≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "=": "=", ">": ">", "<": "<"}
    if t in table:
        return table[t]
    if t == "定性":
        return ""
    return None


def _kind(text: str, numeric: bool) -> str:
    t = text.replace(" ", "")
    if t.startswith("定量"):
        return "定量"
    if t.startswith("定性"):
        return "定性"
    if t:
        return text
    return "定量" if numeric else "定性"


def plan_target_import(path, *, sheet: str | None = None, version: str = "declared",
                       progress: Progress = NO_PROGRESS) -> TargetImport:
    """Read a target table and work out the rows to import (nothing is written).

    Raises:
        WcifError: unreadable file/sheet, no indicator header (a row with 三级指标 or 指标名称), no 指标值 column.
        ValidationError: unknown ``version``.
    """
    if version not in VERSIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "目标版本只能是 declared（申报）或 refined（细化），而不是“{version}”"),
                              version=version)
    table = tb.read_table(path, sheet, header_keywords=HEADER_KEYWORDS)
    check(progress)
    cols: dict[str, tb.Column] = {}
    for fld, keywords in COLUMNS.items():
        for kw in keywords:
            col = next((c for c in table.columns if kw in c.name and c not in cols.values()), None)
            if col is not None:
                cols[fld] = col
                break
    if "target_text" not in cols:
        names = "、".join(c.name for c in table.columns if c.name)
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”的指标表没有“指标值”列（表头：{names}）"),
                        sheet=table.sheet, names=names)
    header = _sheet_header(table)
    header.version = version
    header.source = Path(path).name
    indicators: list[TargetIndicator] = []
    rejections: list[tb.Rejection] = []
    carry = {"goal": "", "level1_label": "", "level2_label": ""}
    for i, row in enumerate(table.rows):
        progress.set(i, len(table.rows), "读取绩效目标表")
        values: dict[str, str] = {}
        bad = False
        for fld, col in cols.items():
            cell = row.cells[col.index - 1]
            if cell.formula is None:  # what tb.parse_text gives (it rejects only a formula without a value)
                values[fld] = _cell_text(cell)
                continue
            v, ok = tb.attempt(tb.parse_text, cell, rejections)
            bad |= not ok
            values[fld] = v or ""
        if bad:  # a target row is one unit: a rejected cell keeps the whole row out
            continue
        if not values.get("name"):
            if values.get("target_text"):
                rejections.append(tb.Rejection(table.sheet, row.number, cols["name"].letter if "name" in cols
                                               else cols["target_text"].letter, "有指标值但缺少指标名称"))
            continue
        for fld in carry:  # CSV exports lose merged cells: a blank goal/level continues the row above
            if fld in cols:
                values[fld] = values[fld] or carry[fld]
                carry[fld] = values[fld]
        parsed = parse_target_value(values["target_text"])
        comparator = values.get("comparator") or parsed.comparator
        kind_text = values.get("kind", "")
        stated = _stated_comparator(kind_text)  # the national form's 指标性质 holds ≥ ≤ ＝ (or 定性)
        if stated is not None:
            quantitative = bool(stated) and parsed.numeric  # “=” over a date range or a sentence: 定性
            values["kind"] = "定量" if quantitative else "定性"
            comparator = stated if quantitative else ""
        unit = values.get("unit") or parsed.unit
        dimension, subdimension = classify(values.get("level1_label", ""), values.get("level2_label", ""))
        t = TargetIndicator(
            version=version, dimension=dimension, subdimension=subdimension, name=values["name"],
            comparator=comparator, value=parsed.value, unit=unit,
            standard=_standard(values.get("standard", "")), actual=values.get("actual", ""),
            completion=values.get("completion", ""), deviation_reason=values.get("deviation_reason", ""),
            sort_order=len(indicators) + 1, goal=values.get("goal", ""),
            kind=_kind(values.get("kind", ""), parsed.numeric), level1_label=values.get("level1_label", ""),
            level2_label=values.get("level2_label", ""), target_text=values["target_text"],
        )
        if t.actual and not t.completion:
            t.completion = evaluate_completion(t).status
        indicators.append(t)
    if not indicators and not rejections:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中没有绩效指标行（只有表头）：{path}"),
                              sheet=table.sheet, path=Path(path))
    return TargetImport(Path(path), table.sheet, version, header, indicators, rejections,
                        {f: c.letter for f, c in cols.items()})


def apply_target_import(ef: EvaluationFile, plan: TargetImport, *, replace: bool = False,
                        progress: Progress = NO_PROGRESS) -> svc.Changes:
    """Write the header and rows of ``plan`` in one transaction (all or nothing).

    With ``replace`` the existing rows and header of that version are deleted (tombstones) first; otherwise
    the rows are appended after the existing ones and the header is updated.
    """
    changes = svc.Changes()
    with ef.transaction():
        existing = ef.records(TargetIndicator, "version = ?", [plan.version])
        sheets = ef.records(TargetSheet, "version = ?", [plan.version])
        start = 0
        if replace:
            for t in existing:
                svc.delete_record(ef, TargetIndicator, t.id)
                changes.add(TargetIndicator.table, t.id)
        else:
            start = max((t.sort_order for t in existing), default=0)
        header_fields = {k: getattr(plan.header, k) for k in plan.header.__dataclass_fields__
                         if k != "id" and getattr(plan.header, k)}  # a table without a header block keeps it
        if sheets:
            svc.update_record(ef, TargetSheet, sheets[0].id, **header_fields)
            changes.add(TargetSheet.table, sheets[0].id)
        else:
            svc.add_record(ef, TargetSheet(**header_fields))
            changes.add(TargetSheet.table)
        for i, t in enumerate(plan.indicators):
            check(progress)
            progress.set(i, len(plan.indicators), "写入绩效目标")
            rec = TargetIndicator(**{k: getattr(t, k) for k in t.__dataclass_fields__ if k != "id"})
            rec.sort_order = start + i + 1
            svc.add_record(ef, rec)
            changes.add(TargetIndicator.table, rec.id)
    return changes


def targets(ef: EvaluationFile, version: str | None = None) -> list[TargetIndicator]:
    """Target rows (one version or all), in table order."""
    recs = ef.records(TargetIndicator, "version = ?", [version]) if version else ef.records(TargetIndicator)
    return sorted(recs, key=lambda t: (t.version, t.sort_order))


def sheet_header(ef: EvaluationFile, version: str) -> TargetSheet | None:
    """The header of one version's table, if one was imported or entered."""
    recs = ef.records(TargetSheet, "version = ?", [version])
    return recs[0] if recs else None


def comparison(ef: EvaluationFile) -> list[ComparisonRow]:
    """Declared vs refined, row by row, with the reason for each change (see :func:`domain.targets.compare`)."""
    return compare(ef.records(TargetIndicator))


def start_refinement(ef: EvaluationFile, reason: str = "") -> svc.Changes:
    """Copy the declared rows to refined rows (linked by ``declared_id``) when no refined row exists yet.

    Raises:
        ValidationError: refined rows exist already.
    """
    if ef.records(TargetIndicator, "version = 'refined'"):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "已有细化目标，不能再次从申报目标复制"))
    changes = svc.Changes()
    with ef.transaction():
        for d in targets(ef, "declared"):
            fields = {k: getattr(d, k) for k in d.__dataclass_fields__ if k != "id"}
            fields.update(version="refined", declared_id=d.id, change_reason=reason)
            rec = TargetIndicator(**fields)
            svc.add_record(ef, rec)
            changes.add(TargetIndicator.table, rec.id)
    return changes


def update_target(ef: EvaluationFile, target_id: str, **fields) -> svc.Changes:
    """Change a target row; when ``actual``, ``value``, ``comparator`` or ``unit`` changes and ``completion``
    is not given, 完成情况 is recomputed for numeric targets (left as is when it cannot be judged)."""
    t: TargetIndicator = ef.get(TargetIndicator, target_id)
    if "completion" not in fields and {"actual", "value", "comparator", "unit"} & set(fields):
        probe = TargetIndicator(**{**{k: getattr(t, k) for k in t.__dataclass_fields__}, **fields})
        status = evaluate_completion(probe).status
        if status:
            fields["completion"] = status
    return svc.update_record(ef, TargetIndicator, target_id, **fields)


def evaluate_completions(ef: EvaluationFile, version: str = "refined") -> svc.Changes:
    """Recompute 完成情况 of every numeric target of ``version`` from its actual value (one transaction)."""
    changes = svc.Changes()
    with ef.transaction():
        for t in targets(ef, version):
            status = evaluate_completion(t).status
            if status and status != t.completion:
                svc.update_record(ef, TargetIndicator, t.id, completion=status)
                changes.add(TargetIndicator.table, t.id)
    return changes


def write_target_table(path, indicators: list[TargetIndicator], header: TargetSheet | None = None,
                       title: str = "绩效目标表") -> Path:
    """Write rows to .xlsx in the import layout (header block, then 年度目标 | 一级指标 | 二级指标 | 三级指标 |
    指标值 | 绩效标准 | 指标性质 | 实际完成值 | 完成情况 | 偏差原因); :func:`plan_target_import` reads it back."""
    import openpyxl

    path = Path(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    h = header or TargetSheet()
    if h.unit_name:
        ws.append([f"填报单位：{h.unit_name}"])
    for label, value in (("项目支出名称", h.project_name), ("主管部门", h.department),
                         ("年度本级预算金额", h.budget_text), ("该项目支出上级资金", h.superior_funds),
                         ("实施期", h.period), ("实施期绩效目标", h.period_goal), ("本年度绩效目标", h.annual_goal)):
        if value:
            ws.append([label, value])
    ws.append(["年度目标", "一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "指标性质", "实际完成值",
               "完成情况", "偏差原因"])
    for t in indicators:
        ws.append([t.goal, t.level1_label or f"{t.dimension}指标", t.level2_label or f"{t.subdimension}指标",
                   t.name, display_value(t), t.standard, (t.kind + "指标") if t.kind in ("定量", "定性") else t.kind,
                   t.actual, t.completion, t.deviation_reason])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入文件：{path}（{reason}）"), path=path, reason=e) from e
    return path
