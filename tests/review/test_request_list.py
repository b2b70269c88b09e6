"""The document request list: template, items, statuses, notes, counts, overdue, export read back."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.review import DocumentRequest, ReviewNote
from wcif_desktop.services import review
from wcif_desktop.services.report_archive import lock as _archive_lock


def test_template_covers_the_funds_documents():
    data = review.load_template()
    names = [c["name"] for c in data["category"]]
    for needed in ("预算与决算", "基金财务报表与账目", "政策文件", "内部管理制度", "工伤认定与劳动能力鉴定",
                   "待遇支付", "工伤预防", "审计与检查"):
        assert needed in names
    titles = " ".join(i["title"] for c in data["category"] for i in c["items"])
    for word in ("预算", "决算", "劳动能力鉴定", "待遇支付", "工伤预防费", "审计报告"):
        assert word in titles


def test_list_from_template_codes_dates_and_idempotent(ef):
    items = review.request_items(ef)
    n = sum(len(c["items"]) for c in review.load_template()["category"])
    assert len(items) == n
    assert [i.code for i in items[:3]] == ["A01", "A02", "A03"]
    assert len({i.code for i in items}) == n
    assert all(i.status == "requested" and i.requested_on == "2022-04-01" and i.due_on == "2022-04-08"
               for i in items)
    assert not review.add_request_list_from_template(ef, "2022-05-01")  # nothing new
    assert len(review.request_items(ef)) == n


def test_bad_template_is_named(workdir, bare_sample_file):
    bad = workdir / "坏 模板.toml"
    bad.write_text('title = "x"\n[[category]]\ncode = "A"\nname = "甲"\nitems = [{ description = "无名" }]\n',
                   encoding="utf-8")
    with pytest.raises(WcifError, match="第 1 项缺少 title"):
        review.add_request_list_from_template(bare_sample_file, "2022-04-01", bad)
    bad.write_text("title = ", encoding="utf-8")
    with pytest.raises(WcifError, match="无法读取资料清单模板"):
        review.load_template(bad)
    assert review.request_items(bare_sample_file) == []


def test_add_edit_reorder_and_delete(ef, members):
    it, _ = review.add_request_item(ef, "工伤预防培训签到表", "工伤预防", requested_on="2022-04-05",
                                    due_on="2022-04-10")
    assert it.code == "H04"  # next free code of the category
    new, _ = review.add_request_item(ef, "信息化建设合同", "信息化", requested_on="2022-04-05")
    assert new.code == "L01"  # a new category gets the next unused letter
    with pytest.raises(ValidationError, match="已被使用"):
        review.add_request_item(ef, "重复", "其他", code="a01")
    with pytest.raises(ValidationError, match="早于索取日期"):
        review.add_request_item(ef, "倒序", "其他", requested_on="2022-04-05", due_on="2022-04-01")
    with pytest.raises(ValidationError, match="已被使用"):
        review.update_request_item(ef, it.id, code="A01")
    with pytest.raises(ValidationError, match="更改状态"):
        review.update_request_item(ef, it.id, status="reviewed")
    review.update_request_item(ef, it.id, title="工伤预防培训签到表及照片", due_on="2022-04-12")
    assert review.find_request(ef, "h04").title == "工伤预防培训签到表及照片"

    review.move_request_item(ef, it.id, 0)
    items = review.request_items(ef)
    assert items[0].code == "H04" and items[1].code == "A01"
    assert [i.sort_order for i in items] == list(range(len(items)))
    review.move_request_item(ef, it.id, 10_000)  # clamped to the end
    assert review.request_items(ef)[-1].code == "H04"

    a01 = review.find_request(ef, "A01")
    review.add_review_note(ef, a01.id, members["李晓梅"].id, "预算草案已阅")
    review.delete_request_item(ef, a01.id)
    with pytest.raises(ValidationError):
        review.find_request(ef, "A01")
    assert ef.records(ReviewNote, "request_id = ?", [a01.id]) == []


def test_status_flow_counts_and_overdue(ef, members):
    items = review.request_items(ef)
    a, b, c, d, e = items[:5]
    review.set_request_status(ef, a.id, "received")
    review.set_request_status(ef, a.id, "reviewed")
    review.set_request_status(ef, b.id, "received")
    review.set_request_status(ef, c.id, "not_provided", "单位未编制")
    review.set_request_status(ef, d.id, "not_applicable")
    with pytest.raises(ValidationError, match="不能从“已索取”改为“已核查”"):
        review.set_request_status(ef, e.id, "reviewed")
    with pytest.raises(ValidationError, match="未知的资料状态"):
        review.set_request_status(ef, e.id, "lost")
    assert ef.get(DocumentRequest, c.id).provider_note == "单位未编制"
    review.update_request_item(ef, e.id, due_on="2022-04-30")

    s = review.request_summary(ef, "2022-04-08")  # due date itself is not overdue
    n = len(items)
    assert s.counts == {"requested": n - 4, "received": 1, "reviewed": 1, "not_provided": 1, "not_applicable": 1}
    assert s.overdue == []
    s = review.request_summary(ef, dt.date(2022, 4, 9))
    assert len(s.overdue) == n - 5 and e.id not in {i.id for i in s.overdue}
    assert s.text().startswith(f"共 {n} 项：已索取 {n - 4}、已收到 1、已核查 1、未提供 1、不适用 1；逾期 {n - 5} 项")
    assert len(review.request_summary(ef, "2022-05-01").overdue) == n - 4


def test_review_notes_need_a_member_and_text(ef, members):
    item = review.find_request(ef, "F01")
    note, _ = review.add_review_note(ef, item.id, members["李晓梅"].id, " 抽查20份认定决定，均在60日内作出 ")
    review.add_review_note(ef, item.id, members["赵丽"].id, "复核无误")
    notes = review.review_notes(ef, item.id)
    assert [(n.reviewer_name, n.text) for n in notes] == [
        ("李晓梅", "抽查20份认定决定，均在60日内作出"), ("赵丽", "复核无误")]
    assert notes[0].written_at
    with pytest.raises(ValidationError, match="不能为空"):
        review.add_review_note(ef, item.id, members["赵丽"].id, " ")
    with pytest.raises(ValidationError, match="没有该成员"):
        review.add_review_note(ef, item.id, "stranger", "x")


def test_locked_evaluation_refuses_edits(ef):
    _archive_lock(ef)
    with pytest.raises(ValidationError, match="已锁定"):
        review.add_request_item(ef, "x", "y")


def test_export_xlsx_read_back(ef, workdir):
    item = review.find_request(ef, "C02")
    review.set_request_status(ef, item.id, "received")
    out = review.export_request_list(ef, workdir / "资料 清单.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert "资料清单" in ws["A1"].value and "呼和浩特市社会保险事业管理中心" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header == ["编号", "类别", "资料名称", "说明", "索取日期", "截止日期", "状态", "备注"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and r[0][:1].isalnum()
            and r[0][1:].isdigit()}
    assert len(rows) == len(review.request_items(ef))
    assert ws.cell(ws.max_row, 1).value.startswith("被评价单位签收")
    assert rows["C02"][6] == "已收到" and rows["C02"][5] == "2022-04-08"
    assert rows["A01"][2] == "年度工伤保险基金预算（草案）及编制说明"


def test_export_pdf_read_back(ef, workdir):
    out = review.export_request_list(ef, workdir / "资料 清单.pdf")
    reader = PdfReader(out)
    text = "".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 2
    # the one request-list deliverable (the same as `document … request-list`): dates written as in every document
    assert "呼和浩特市2021年度工伤保险基金项目绩效评价资料清单" in text
    for it in review.request_items(ef):
        assert it.code in text
    assert "劳动能力鉴定申请、结论台账" in text and "2022年4月8日" in text and "已索取" in text
    assert "被评价单位签收" in reader.pages[-1].extract_text()


def test_export_refuses_bad_targets_and_keeps_existing(ef, workdir):
    with pytest.raises(WcifError, match="不支持的导出格式"):
        review.export_request_list(ef, workdir / "list.docx")
    with pytest.raises(WcifError, match="导出目录不存在"):
        review.export_request_list(ef, workdir / "无此目录" / "list.xlsx")
    old = workdir / "旧.xlsx"
    old.write_bytes(b"old")

    class Cancel:
        def set(self, *a):
            pass

        def cancelled(self):
            return True

    from wcif_desktop.domain.errors import Cancelled
    with pytest.raises(Cancelled):
        review.export_request_list(ef, old, progress=Cancel())
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in workdir.iterdir()) == sorted(["旧.xlsx", "呼和浩特 2021.wcif"])


def test_empty_list_export_is_an_error(bare_sample_file, workdir):
    with pytest.raises(WcifError, match="资料清单为空"):
        review.export_request_list(bare_sample_file, workdir / "x.pdf")
