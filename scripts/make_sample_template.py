"""Build resources/templates/firm_template_sample.docx, the sample firm Word template (事务所模板).

Run from the repository root: ``python3 scripts/make_sample_template.py``. The template shows every kind of
placeholder (see docs/word-templates.md): fields in the letterhead header, a cover block, a loop over the team
and the ``{{ body }}`` paragraph where the generated document goes. It starts from the app's house styles
(仿宋 body, 黑体/楷体 headings, A4, page numbers), so it doubles as a starting point for a firm's own template.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402  (after the sys.path insert)
from docx.shared import Pt, RGBColor  # noqa: E402

from wcif_desktop.render.docx import base_document, save, set_run_fonts  # noqa: E402

OUT = ROOT / "resources" / "templates" / "firm_template_sample.docx"


def main(out: Path = OUT) -> Path:
    doc = base_document()
    header = doc.sections[0].header
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run("{{ agency }} · {{ document_kind_name }}")
    r.font.size = Pt(10.5)
    r.font.color.rgb = RGBColor(0x80, 0, 0)
    set_run_fonts(r, "楷体")

    def para(text, style="Normal", align=None, size=None, bold=None):
        p = doc.add_paragraph(style=style)
        p.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            p.alignment = align
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        if bold is not None:
            run.bold = bold
        return p

    para("{{ agency }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=18, bold=True)
    para("{{ document_title }}", style="Title")
    para("项目名称：{{ region }}{{ fiscal_year }}年度{{ project_name }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para("委托方：{{ commissioner }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para("被评价单位：{{ evaluated_unit }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para("出具单位：{{ issuer }}　　日期：{{ today }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para("评价小组：", size=12)
    para("{%p for m in team %}")
    para("{{ m.name }}（{{ m.role }}，{{ m.qualification }}）", size=12)
    para("{%p endfor %}")
    para("{{ body }}")
    para("本文件由 {{ agency }} 出具，未经许可不得复制。", align=WD_ALIGN_PARAGRAPH.CENTER, size=10.5)
    return save(doc, out)


if __name__ == "__main__":
    print(main())
