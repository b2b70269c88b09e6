"""Indicator frameworks (指标体系): bundled templates and editing an evaluation's own indicator tree.

Templates are versioned TOML files in ``resources/frameworks/`` (one tree of ``[[indicator]]`` tables with
``children``; leaves carry ``definition`` 指标解释, ``guidance`` 评价要点, ``status`` (FRAMEWORK.md tag),
``scoring_rule`` 评分标准, ``rule_type`` and ``rule_params``; a template with ``base = KEY`` may take a leaf from
the base template with ``from_base = NAME``). A new evaluation copies a template into its own ``indicator`` rows
(:func:`apply_template`); later edits change only the evaluation's copy.

Every edit returns a :class:`~wcif_desktop.services.evaluation.Changes`; codes (``1``, ``1.2``, ``1.2.3``) and
``sort_order`` are renumbered after structural edits. Weights are points (Decimal).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.model import Indicator, new_id
from ..domain.money import D
from ..domain.rules import RULE_TYPES, dump_params, evaluate, parse_params, validate_rule
from ..domain.scoring import Problem, build_sheet
from ..paths import resource
from ..store.db import EvaluationFile
from . import evaluation as svc
from .evaluation import Changes
from .metrics import compute_metrics, metric_labels
from .scoring import update_settings

MAX_LEVEL = 3


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    name: str
    version: str
    source: str
    weights_note: str
    path: Path


@dataclass
class TemplateNode:
    """One indicator of a template (weights in points)."""

    name: str
    weight: Decimal
    definition: str = ""
    guidance: str = ""
    status: str = ""
    scoring_rule: str = ""
    rule_type: str = "manual"
    rule_params: dict = field(default_factory=dict)
    children: list[TemplateNode] = field(default_factory=list)

    def walk(self, level: int = 1):
        yield level, self
        for c in self.children:
            yield from c.walk(level + 1)


@dataclass
class Template:
    info: TemplateInfo
    roots: list[TemplateNode]

    def leaves(self) -> list[TemplateNode]:
        return [n for r in self.roots for _, n in r.walk() if not n.children]


def templates_dir() -> Path:
    return resource("frameworks")


def list_templates() -> list[TemplateInfo]:
    """The bundled framework templates, sorted by key."""
    out = []
    for path in sorted(templates_dir().glob("*.toml")):
        data = _read(path)
        out.append(_info(data, path))
    return out


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "指标体系模板无法读取：{path}（{reason}）"), path=path, reason=e) from e


def _info(data: dict, path: Path) -> TemplateInfo:
    for k in ("key", "name", "version"):
        if not data.get(k):
            raise WcifError(QT_TRANSLATE_NOOP("core", "指标体系模板缺少“{key}”：{path}"), key=k, path=path)
    return TemplateInfo(data["key"], data["name"], str(data["version"]), data.get("source", ""),
                        data.get("weights_note", ""), path)


@lru_cache(maxsize=16)
def load_template(key: str) -> Template:
    """Parse and check a bundled template by key.

    Raises:
        WcifError: unknown key, unreadable file, unknown ``from_base`` name, or a tree whose weights do not add up
        (children sum to parent, total 100) or whose rule parameters are invalid.
    """
    for info in list_templates():
        if info.key == key:
            break
    else:
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到指标体系模板：{key}（现有：{available}）"), key=key,
                        available="、".join(t.key for t in list_templates()))
    data = _read(info.path)
    base_leaves: dict[str, TemplateNode] = {}
    if data.get("base"):
        base_leaves = {n.name: n for n in load_template(data["base"]).leaves()}

    def node(d: dict, where: str) -> TemplateNode:
        src = {}
        if d.get("from_base"):
            b = base_leaves.get(d["from_base"])
            if b is None:
                raise WcifError(QT_TRANSLATE_NOOP("core", "模板 {key}：{where} 引用的基础指标“{base}”不存在"), key=key,
                                where=where, base=d["from_base"])
            src = {"name": b.name, "definition": b.definition, "guidance": b.guidance, "status": b.status,
                   "scoring_rule": b.scoring_rule, "rule_type": b.rule_type, "rule_params": b.rule_params}
        src.update({k: v for k, v in d.items() if k not in ("children", "from_base")})
        if not src.get("name") or "weight" not in src:
            raise WcifError(QT_TRANSLATE_NOOP("core", "模板 {key}：{where} 缺少名称或分值"), key=key, where=where)
        n = TemplateNode(name=src["name"], weight=D(src["weight"]), definition=src.get("definition", ""),
                         guidance=src.get("guidance", ""), status=src.get("status", ""),
                         scoring_rule=src.get("scoring_rule", ""), rule_type=src.get("rule_type", "manual"),
                         rule_params=dict(src.get("rule_params", {})))
        n.children = [node(c, f"{where}/{c.get('name') or c.get('from_base')}") for c in d.get("children", [])]
        if not n.children:
            try:
                validate_rule(n.rule_type, n.rule_params, n.weight)
            except ValidationError as e:
                raise WcifError(QT_TRANSLATE_NOOP("core", "模板 {key}：“{name}”的评分规则有误：{reason}"), key=key, name=n.name,
                                reason=e) from e
        return n

    tpl = Template(info, [node(d, d.get("name", "?")) for d in data.get("indicator", [])])
    errors = [p.message for p in build_sheet(_as_indicators(tpl)).check() if p.severity == "error"]
    if errors:
        raise WcifError(QT_TRANSLATE_NOOP("core", "模板 {key} 的分值不一致：{problems}"), key=key, problems="；".join(errors))
    return tpl


def _as_indicators(tpl: Template) -> list[Indicator]:
    out: list[Indicator] = []

    def add(n: TemplateNode, parent: Indicator | None, code: str, order: int, level: int):
        ind = Indicator(parent_id=parent.id if parent else "", level=level, code=code, name=n.name,
                        weight=n.weight, definition=n.definition, guidance=n.guidance, source_status=n.status,
                        scoring_rule=n.scoring_rule, rule_type=n.rule_type if not n.children else "manual",
                        rule_params=dump_params(n.rule_params) if not n.children else "{}", sort_order=order)
        out.append(ind)
        for i, c in enumerate(n.children, start=1):
            add(c, ind, f"{code}.{i}", i, level + 1)

    for i, r in enumerate(tpl.roots, start=1):
        add(r, None, str(i), i, 1)
    return out


def indicators(ef: EvaluationFile) -> list[Indicator]:
    """The evaluation's live indicator rows."""
    return ef.records(Indicator)


def apply_template(ef: EvaluationFile, key: str, *, replace: bool = False) -> Changes:
    """Copy template ``key`` into the evaluation's indicator tree and record its key and version.

    Raises:
        ValidationError: the evaluation already has indicators and ``replace`` is false (nothing is changed).
        WcifError: unknown or broken template.
    """
    tpl = load_template(key)
    existing = indicators(ef)
    if existing and not replace:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "本评价已有 {count} 个指标；如需改用模板“{template}”，请选择替换现有指标体系"),
                              count=len(existing), template=tpl.info.name)
    changes = Changes()
    with ef.transaction():
        for ind in existing:
            changes.add("indicator", ind.id)
            svc.delete_record(ef, Indicator, ind.id)
        for ind in _as_indicators(tpl):
            svc.add_record(ef, ind)
            changes.add("indicator", ind.id)
        changes.tables.update(update_settings(ef, framework_key=tpl.info.key, framework_version=tpl.info.version,
                                              framework_name=tpl.info.name).tables)
    return changes


# ----------------------------------------------------------------------------------------------- tree edits
def _children(inds: list[Indicator], parent_id: str) -> list[Indicator]:
    return sorted((i for i in inds if i.parent_id == parent_id), key=lambda i: (i.sort_order, i.code))


def _subtree(inds: list[Indicator], root_id: str) -> list[Indicator]:
    by_parent: dict[str, list[Indicator]] = {}
    for i in inds:
        by_parent.setdefault(i.parent_id, []).append(i)
    out, stack = [], [root_id]
    while stack:
        cur = stack.pop()
        for c in by_parent.get(cur, []):
            out.append(c)
            stack.append(c.id)
    return out


def _get(inds: list[Indicator], indicator_id: str) -> Indicator:
    for i in inds:
        if i.id == indicator_id:
            return i
    raise ValidationError(QT_TRANSLATE_NOOP("core", "指标不存在：{indicator_id}"), indicator_id=indicator_id)


def _renumber(ef: EvaluationFile, changes: Changes) -> None:
    """Give every indicator its code (1, 1.2, 1.2.3), level and sort order from its place in the tree."""
    inds = indicators(ef)

    def visit(parent_id: str, prefix: str, level: int):
        for n, ind in enumerate(_children(inds, parent_id), start=1):
            code = f"{prefix}{n}"
            fields = {}
            if ind.code != code:
                fields["code"] = code
            if ind.sort_order != n:
                fields["sort_order"] = n
            if ind.level != level:
                fields["level"] = level
            if fields:
                changes.tables.update(svc.update_record(ef, Indicator, ind.id, **fields).tables)
            visit(ind.id, code + ".", level + 1)

    visit("", "", 1)


def add_indicator(ef: EvaluationFile, parent_id: str | None, name: str, weight, *, position: int | None = None,
                  indicator_id: str | None = None, definition: str = "", guidance: str = "",
                  scoring_rule: str = "", rule_type: str = "manual", rule_params="{}") -> Changes:
    """Add an indicator under ``parent_id`` (``None``/``""`` for a level-1 indicator) at ``position`` (0-based;
    default last). ``indicator_id`` fixes the new record's id (default: a new UUID).

    Raises:
        ValidationError: empty name, negative weight, a fourth level, a bad rule, or a scored parent (its score
        would be replaced by its children's sum — clear it first).
    """
    name = (name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "指标名称不能为空"))
    weight = D(weight)
    if weight < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”的分值不能为负数"), name=name)
    validate_rule(rule_type, rule_params, weight)
    inds = indicators(ef)
    parent_id = parent_id or ""
    level = 1
    if parent_id:
        parent = _get(inds, parent_id)
        level = parent.level + 1
        if level > MAX_LEVEL:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "指标最多三级，不能在三级指标“{name}”下再添加"), name=parent.name)
        if parent.score is not None and not _children(inds, parent_id):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”已有得分，添加下级指标前请先清除其得分"), name=parent.name)
    siblings = _children(inds, parent_id)
    pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
    changes = Changes()
    with ef.transaction():
        ind = Indicator(id=indicator_id or new_id(), parent_id=parent_id, level=level, name=name, weight=weight,
                        definition=definition, guidance=guidance, scoring_rule=scoring_rule, rule_type=rule_type,
                        rule_params=_params_text(rule_params), sort_order=pos + 1)
        changes.tables.update(svc.add_record(ef, ind).tables)
        _restack(ef, parent_id, ind.id, pos)
        _renumber(ef, changes)
    changes.add("indicator", ind.id)
    return changes


def _params_text(params) -> str:
    return dump_params(parse_params(params))


def _restack(ef: EvaluationFile, parent_id: str, moved_id: str, pos: int) -> None:
    """Set sort orders of ``parent_id``'s children so ``moved_id`` sits at ``pos`` (0-based)."""
    inds = indicators(ef)
    others = [c for c in _children(inds, parent_id) if c.id != moved_id]
    pos = max(0, min(pos, len(others)))
    order = others[:pos] + [_get(inds, moved_id)] + others[pos:]
    for n, c in enumerate(order, start=1):
        if c.sort_order != n:
            svc.update_record(ef, Indicator, c.id, sort_order=n)


def remove_indicator(ef: EvaluationFile, indicator_id: str) -> Changes:
    """Remove an indicator and everything below it (tombstones, so the removal merges and stays in history);
    siblings are renumbered. Panel scores and citations of removed indicators stay but no longer show."""
    inds = indicators(ef)
    target = _get(inds, indicator_id)
    changes = Changes()
    with ef.transaction():
        for ind in [target, *_subtree(inds, indicator_id)]:
            changes.tables.update(svc.delete_record(ef, Indicator, ind.id).tables)
        _renumber(ef, changes)
    changes.add("indicator", indicator_id)
    return changes


def subtree_ids(ef: EvaluationFile, indicator_id: str) -> list[str]:
    """Ids of a live indicator and everything below it (what :func:`remove_indicator` removes)."""
    inds = indicators(ef)
    return [indicator_id] + [i.id for i in _subtree(inds, indicator_id)]


def position(ef: EvaluationFile, indicator_id: str) -> tuple[str, int]:
    """(parent id, 0-based position among its siblings) of a live indicator — for undoing a move."""
    inds = indicators(ef)
    ind = _get(inds, indicator_id)
    siblings = _children(inds, ind.parent_id)
    return ind.parent_id, [s.id for s in siblings].index(indicator_id)


def restore_indicators(ef: EvaluationFile, ids: list[str]) -> Changes:
    """Bring back removed indicators (undo of :func:`remove_indicator` / redo of :func:`add_indicator`) and
    renumber the tree."""
    changes = Changes()
    with ef.transaction():
        for iid in ids:
            changes.tables.update(svc.restore_record(ef, Indicator, iid).tables)
        _renumber(ef, changes)
    for iid in ids:
        changes.add("indicator", iid)
    return changes


def move_indicator(ef: EvaluationFile, indicator_id: str, new_parent_id: str | None, position: int | None = None
                   ) -> Changes:
    """Move an indicator (with its subtree) under ``new_parent_id`` (``None`` → level 1) at ``position``.

    Raises:
        ValidationError: moving below itself, beyond level 3, or under a scored leaf.
    """
    inds = indicators(ef)
    ind = _get(inds, indicator_id)
    new_parent_id = new_parent_id or ""
    sub = _subtree(inds, indicator_id)
    if new_parent_id == indicator_id or new_parent_id in {s.id for s in sub}:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能把“{name}”移到它自己的下级"), name=ind.name)
    depth = max((s.level for s in sub), default=ind.level) - ind.level
    new_level = 1
    if new_parent_id:
        parent = _get(inds, new_parent_id)
        new_level = parent.level + 1
        if parent.score is not None and not _children(inds, new_parent_id):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”已有得分，不能作为上级指标"), name=parent.name)
    if new_level + depth > MAX_LEVEL:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "移动后“{name}”的下级将超过三级"), name=ind.name)
    siblings = [c for c in _children(inds, new_parent_id) if c.id != indicator_id]
    pos = len(siblings) if position is None else position
    changes = Changes()
    with ef.transaction():
        if ind.parent_id != new_parent_id:
            changes.tables.update(svc.update_record(ef, Indicator, indicator_id, parent_id=new_parent_id).tables)
        _restack(ef, new_parent_id, indicator_id, pos)
        _renumber(ef, changes)
    changes.add("indicator", indicator_id)
    return changes


def reweight(ef: EvaluationFile, indicator_id: str, weight) -> Changes:
    """Set an indicator's weight (points). Parents are not adjusted: :func:`check` reports sums that disagree.
    A rule-driven indicator's score is recomputed for the new weight.

    Raises:
        ValidationError: negative weight, or a manual score above the new weight (lower the score first).
    """
    ind = ef.get(Indicator, indicator_id)
    weight = D(weight)
    if weight < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”的分值不能为负数"), name=ind.name)
    is_leaf = not ef.rows("indicator", "parent_id = ?", [indicator_id])
    result = None
    if is_leaf and ind.rule_type not in ("", "manual"):
        result = evaluate(ind.rule_type, ind.rule_params, weight, compute_metrics(ef), metric_labels())
    if result is None and ind.score is not None and ind.score > weight:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”已得 {score} 分，高于新分值 {weight}；请先调整得分"),
                              name=ind.name, score=ind.score, weight=weight)
    with ef.transaction():
        changes = svc.update_record(ef, Indicator, indicator_id, weight=weight)
        if result is not None:
            changes.tables.update(svc.update_record(ef, Indicator, indicator_id, score=result.score,
                                                    deduction_reason=result.reason).tables)
    return changes


EDITABLE = {"name", "definition", "guidance", "scoring_rule", "rule_type", "rule_params", "source_status"}


def edit_indicator(ef: EvaluationFile, indicator_id: str, **fields) -> Changes:
    """Edit an indicator's name, definition (指标解释), guidance (评价要点), scoring rule text, rule type and
    parameters (JSON text or dict). Use :func:`reweight` for the weight and
    :func:`~wcif_desktop.services.evaluation.set_indicator_score` for the score.

    Raises:
        ValidationError: unknown field, empty name, unknown rule type or invalid rule parameters.
    """
    bad = set(fields) - EDITABLE
    if bad:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能在此修改的字段：{fields}"), fields="、".join(sorted(bad)))
    ind = ef.get(Indicator, indicator_id)
    if "name" in fields and not str(fields["name"]).strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "指标名称不能为空"))
    rule_type = fields.get("rule_type", ind.rule_type)
    if rule_type not in RULE_TYPES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的评分规则类型：{rule_type}"), rule_type=rule_type)
    if "rule_params" in fields or "rule_type" in fields:
        params = fields.get("rule_params", ind.rule_params)
        validate_rule(rule_type, params, ind.weight)
        if "rule_params" in fields:
            fields["rule_params"] = _params_text(params)
    return svc.update_record(ef, Indicator, indicator_id, **fields)


def check(ef: EvaluationFile) -> list[Problem]:
    """Structural and scoring checks of the evaluation's tree (see :meth:`ScoreSheet.check`)."""
    return build_sheet(indicators(ef)).check()
