"""Firm Word templates: placeholders filled, body inserted in place with Word headings, bad ones refused."""

from __future__ import annotations

import re
import subprocess
import sys

import docx
import pytest

from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.paths import resource
from wcif_desktop.render.firm_template import LIST_ATTRIBUTES, PLACEHOLDERS, check_template
from wcif_desktop.services.deliverables.generate import write_document
from wcif_desktop.services.evaluation import load_snapshot

from .docutil import PLACEHOLDER_LEFTOVERS, docx_all_text, docx_headings

SAMPLE = resource("templates", "firm_template_sample.docx")
REPO = SAMPLE.parent.parent.parent


def _template_with(tmp, text, name="所 模板.docx"):
    d = docx.Document(str(SAMPLE))
    d.add_paragraph(text)
    path = tmp / name
    d.save(str(path))
    return path


def test_sample_template_is_valid_and_uses_known_placeholders():
    used = check_template(SAMPLE)
    assert {"body", "agency", "document_title", "team"} <= set(used) <= set(PLACEHOLDERS)


def test_report_through_the_sample_template(sample_file, workdir):
    ev = load_snapshot(sample_file).evaluation
    out = write_document(sample_file, "report-brief", workdir / "事务所 简版.docx", template=SAMPLE)
    d = docx.Document(str(out))
    text = docx_all_text(out)
    assert not PLACEHOLDER_LEFTOVERS.search(text)
    assert f"{ev.agency} · 简版报告" in d.sections[0].header.paragraphs[0].text
    assert f"委托方：{ev.commissioner}" in text
    assert "王建国（组长，注册会计师）" in text and "赵丽（复核人，注册会计师）" in text
    paras = [p.text for p in d.paragraphs]
    # the body sits where {{ body }} was: after the team, before the template's closing line
    i_team = paras.index("赵丽（复核人，注册会计师）")
    i_body = paras.index("一、基本情况")
    i_close = next(i for i, t in enumerate(paras) if t.startswith("本文件由"))
    assert i_team < i_body < i_close
    heads = docx_headings(out)
    assert (1, "一、基本情况") in heads and (2, "（一）主要经验及做法") in heads and (3, "1.项目内容") in heads
    # the document's own cover (title + “评价机构：…”) is left out: the template brings its own
    assert not any(t.startswith("评价机构：") for t in paras)


def test_template_with_chinese_style_ids(sample_file, workdir):
    """A Chinese Word saves heading styles with ids 1/2/3; they are found by name."""
    d = docx.Document(str(SAMPLE))
    for level in (1, 2, 3):
        d.styles[f"Heading {level}"].element.set(docx.oxml.ns.qn("w:styleId"), str(level))
    path = workdir / "中文 Word 模板.docx"
    d.save(str(path))
    out = write_document(sample_file, "work-plan", workdir / "方案.docx", template=path)
    xml = docx.Document(str(out)).element.xml
    assert '<w:pStyle w:val="1"/>' in xml and '<w:pStyle w:val="Heading1"/>' not in xml
    assert (1, "一、项目基本情况") in docx_headings(out)


@pytest.mark.parametrize("text, named", [
    ("{{ fiscal_yr }}", "{{ fiscal_yr }}"),
    ("{{ region.name }}", "{{ region.name }}"),
    ("{% for m in team %}{{ m.phone }}{% endfor %}", "{{ m.phone }}"),
    ("{{ ''.__class__ }}", "__class__"),
])
def test_unknown_placeholder_is_refused_by_name(sample_file, workdir, text, named):
    bad = _template_with(workdir, text)
    out = workdir / "不应写出.docx"
    with pytest.raises(WcifError) as e:
        write_document(sample_file, "letter", out, template=bad)
    assert named in str(e.value) and "所 模板.docx" in str(e.value)
    assert not out.exists()


def test_syntax_error_names_the_paragraph(workdir):
    bad = _template_with(workdir, "年度：{{ fiscal_year ")
    with pytest.raises(WcifError, match="年度：{{ fiscal_year"):
        check_template(bad)


def test_not_a_docx_and_template_for_pdf(sample_file, workdir):
    junk = workdir / "模板.docx"
    junk.write_text("not a zip")
    with pytest.raises(WcifError, match="不是有效的 Word 模板"):
        check_template(junk)
    with pytest.raises(ValidationError, match="只能用于 .docx"):
        write_document(sample_file, "letter", workdir / "x.pdf", template=SAMPLE)


def test_every_placeholder_is_documented():
    doc = (REPO / "docs" / "word-templates.md").read_text(encoding="utf-8")
    for key in PLACEHOLDERS:
        token = f"in {key} %}}" if key in LIST_ATTRIBUTES else f"{{{{ {key} }}}}"
        assert token in doc, key
    for attr in LIST_ATTRIBUTES["team"]:
        assert f"{{{{ m.{attr} }}}}" in doc, attr


def test_sample_template_script_rebuilds_a_valid_template(workdir):
    code = ("import sys; sys.path.insert(0, 'scripts'); import make_sample_template as m; "
            f"m.main(__import__('pathlib').Path({str(workdir / '重建.docx')!r}))")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
    assert set(check_template(workdir / "重建.docx")) == set(check_template(SAMPLE))
    assert re.search("body", docx_all_text(workdir / "重建.docx"))
