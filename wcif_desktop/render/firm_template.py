"""Firm Word templates (事务所模板): a firm's own .docx (letterhead, styles, fixed wording) with Jinja
placeholders for the evaluation's data, rendered with docxtpl.

The placeholders are listed in :data:`PLACEHOLDERS` and documented in ``docs/word-templates.md``. The generated
content goes where the template has a paragraph holding only ``{{ body }}`` (at the end when it has none); it
is written with the template's own ``Heading 1``–``Heading 3`` styles (found by name, so a Chinese Word's style
ids work too; added when the template lacks them).

A template naming anything not in the list is refused before anything is written, with a message naming the
placeholder (:func:`check_template`). Templates come from outside the app, so they are parsed and rendered in
Jinja's sandbox.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..domain.document import Document
from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
from ..domain.fields import FIELD_LABELS
from ..domain.progress import NO_PROGRESS, Progress, check

BODY_MARKER = "\u2063WCIF-BODY\u2063"

# Placeholder → Chinese description (docs/word-templates.md is written from this table).
PLACEHOLDERS: dict[str, str] = {
    **FIELD_LABELS,
    "title": "评价项目名称（评价基本信息中的标题）",
    "report_date": "报告日期（2022年6月30日）",
    "document_title": "本文档标题（如“……绩效评价工作方案”）",
    "document_kind": "文档类型代码（report-brief、work-plan …）",
    "document_kind_name": "文档类型中文名（简版报告、工作方案 …）",
    "issuer": "出具单位（工作方案可以评价机构或委托方名义出具；其他文档为评价机构）",
    "today": "生成日期（2026年5月1日）",
    "body": "正文插入位置（须单独占一段）",
    "team": "评价小组成员列表，用于循环：{% for m in team %}{{ m.name }}{% endfor %}",
}
# Attributes of the items of list placeholders.
LIST_ATTRIBUTES: dict[str, dict[str, str]] = {
    "team": {"name": "姓名", "role": "职责（组长/成员/专家/复核人）", "qualification": "资格/职称",
             "organisation": "单位", "contact": "联系方式"},
}

KIND_NAMES = {
    "report-brief": "简版报告", "report-full": "完整版报告", "work-plan": "工作方案", "letter": "调研函",
    "request-list": "资料清单", "problem-list": "问题清单", "summary": "工作总结", "research-outline": "调研提纲",
    "site-schedule": "调研安排", "archive-index": "归档目录",
}


def _template_xml(tpl) -> str:
    """The template's body, header and footer XML with docxtpl's tag patching applied."""
    from docx.oxml import parse_xml

    doc = tpl.get_docx()
    xml = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for rel in doc._part.rels.values():
            if rel.reltype == uri and rel.target_part.blob:
                xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


def _syntax_error_paragraph(tpl, env) -> str:
    """Text of the first paragraph (body, tables, header, footer) whose own tags do not parse."""
    import jinja2

    doc = tpl.get_docx()
    paragraphs = list(doc.paragraphs)
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for s in doc.sections:
        paragraphs.extend(s.header.paragraphs)
        paragraphs.extend(s.footer.paragraphs)
    for p in paragraphs:
        text = p.text
        if "{" not in text:
            continue
        probe = re.sub(r"\{%.*?%\}", "", text)  # block tags may span paragraphs; check the {{ }} ones
        if "{{" not in probe and "}}" not in probe and "{%" not in probe:
            continue
        try:
            env.parse(probe)
        except jinja2.TemplateSyntaxError:
            return text.strip()[:60]
    return ""


def _load(path: Path):
    from docxtpl import DocxTemplate

    path = Path(path)
    if not path.is_file():
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到 Word 模板：{path}"), path=path)
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "不是有效的 Word 模板（.docx）：{path}（{reason}）"), path=path, reason=e) from e
    return tpl


def check_template(path) -> list[str]:
    """Placeholders of the template at ``path`` (sorted). Unknown ones are refused.

    Raises:
        WcifError: not a .docx, a Jinja syntax error (with its line in the patched XML), an unknown
            placeholder or an unknown attribute of a list item (e.g. ``m.phone`` in a ``team`` loop) — the
            message names each offending placeholder.
    """
    import jinja2
    from jinja2 import meta, nodes
    from jinja2.sandbox import SandboxedEnvironment

    path = Path(path)
    tpl = _load(path)
    env = SandboxedEnvironment()
    try:
        ast = env.parse(_template_xml(tpl))
    except jinja2.TemplateSyntaxError as e:
        where = _syntax_error_paragraph(tpl, env)
        if where:
            raise WcifError(QT_TRANSLATE_NOOP("core", "Word 模板 {name} 的占位符语法错误：{reason}（所在段落：“{where}”）"),
                            name=path.name, reason=e.message, where=where) from e
        raise WcifError(QT_TRANSLATE_NOOP("core", "Word 模板 {name} 的占位符语法错误：{reason}"),
                        name=path.name, reason=e.message) from e
    used = meta.find_undeclared_variables(ast)
    unknown = sorted(used - set(PLACEHOLDERS))
    # attributes of loop variables over list placeholders: {% for m in team %}{{ m.xyz }}
    for loop in ast.find_all(nodes.For):
        if isinstance(loop.iter, nodes.Name) and loop.iter.name in LIST_ATTRIBUTES and isinstance(
                loop.target, nodes.Name):
            allowed = LIST_ATTRIBUTES[loop.iter.name]
            for body in loop.body:
                for ga in body.find_all(nodes.Getattr):
                    if isinstance(ga.node, nodes.Name) and ga.node.name == loop.target.name \
                            and ga.attr not in allowed:
                        unknown.append(f"{loop.target.name}.{ga.attr}")
    # attributes of plain fields ({{ region.foo }}) and of anything that is not a name ({{ "".__class__ }})
    for ga in ast.find_all(nodes.Getattr):
        if isinstance(ga.node, nodes.Name):
            if ga.node.name in PLACEHOLDERS and ga.node.name not in LIST_ATTRIBUTES:
                unknown.append(f"{ga.node.name}.{ga.attr}")
        else:
            unknown.append(f"….{ga.attr}")
    if unknown:
        names = "、".join("{{ " + u + " }}" for u in dict.fromkeys(unknown))
        raise WcifError(QT_TRANSLATE_NOOP("core", "Word 模板 {name} 含有未知占位符：{names}。可用的占位符见 docs/word-templates.md"),
                        name=path.name, names=names)
    return sorted(used)


def _today() -> str:
    import datetime as _dt

    d = _dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日"


def template_context(outline: Document) -> dict:
    """Values of every placeholder for ``outline`` (``body`` is the insertion marker). The data fields and the
    ``team`` list come from ``outline.context``, filled by the deliverable's builder."""
    ctx: dict = {k: "" for k in PLACEHOLDERS}
    ctx.update({k: v for k, v in outline.context.items() if k in PLACEHOLDERS})
    ctx.update({
        "document_title": outline.title,
        "document_kind": outline.kind,
        "document_kind_name": KIND_NAMES.get(outline.kind, outline.kind),
        "issuer": outline.context.get("issuer") or outline.author or outline.context.get("agency", ""),
        "today": _today(),
        "body": BODY_MARKER,
        "team": list(outline.context.get("team") or []),
    })
    return ctx


def render_with_template(outline: Document, template, progress: Progress = NO_PROGRESS) -> bytes:
    """``outline`` written into the firm template ``template``, as .docx bytes.

    Raises:
        WcifError: the template is unusable (see :func:`check_template`).
    """
    import jinja2
    from docx import Document as open_docx
    from jinja2.sandbox import SandboxedEnvironment

    from .docx import add_mark_header, heading_style, set_properties, to_bytes, write_blocks

    check_template(template)
    check(progress)
    outline = outline.without_cover()
    tpl = _load(Path(template))
    try:
        tpl.render(template_context(outline), jinja_env=SandboxedEnvironment(), autoescape=True)
    except jinja2.TemplateError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "Word 模板 {name} 填充失败：{reason}"), name=Path(template).name,
                        reason=e) from e
    buf = io.BytesIO()
    tpl.save(buf)
    buf.seek(0)
    doc = open_docx(buf)
    body = doc.element.body
    marker = next((p for p in doc.paragraphs if p.text.strip() == BODY_MARKER), None)
    before = set(body)
    for level in (1, 2, 3, 4):
        heading_style(doc, level)
    write_blocks(doc, outline, progress, sections=False)
    if marker is not None:
        new = [el for el in body if el not in before]
        anchor = marker._p
        for el in new:
            anchor.addprevious(el)
        anchor.getparent().remove(anchor)
    else:
        stray = [p for p in doc.paragraphs if BODY_MARKER in p.text]
        for p in stray:  # {{ body }} sharing a paragraph with other text: drop just the marker text
            for r in p.runs:
                r.text = r.text.replace(BODY_MARKER, "")
    add_mark_header(doc, outline.mark)
    set_properties(doc, outline)
    return to_bytes(doc)


__all__ = [
    "KIND_NAMES",
    "LIST_ATTRIBUTES",
    "PLACEHOLDERS",
    "check_template",
    "render_with_template",
    "template_context",
]
