"""Contradictions inside one document (pipeline/extract/checks.py): each kind on a small
text made for it, the seeds' known faults, and none on the clean d1 chain."""

from __future__ import annotations

import pytest

from pipeline.document import Document, Line, Page
from pipeline.extract import extract_record
from tests.conftest import GOLD_DOCS, read_cached

HEADER = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 12/KH-SGDĐT", "Nghệ An, ngày 10 tháng 7 năm 2024", "KẾ HOẠCH",
          "Phòng, chống đuối nước cho học sinh"]
FOOTER = ["Nơi nhận:", "- Các phòng GDĐT;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn A"]


def _record(rules, body: list[str], header: list[str] = HEADER, footer: list[str] = FOOTER):
    lines = tuple(Line(t) for t in [*header, *body, *footer])
    return extract_record(Document("t.txt", "0" * 64, "txt", (Page(1, lines),)), rules)


def _kinds(record) -> list[str]:
    return sorted(f.kind for f in record.findings)


# fmt: off
CASES = [
    (["I. MỤC ĐÍCH", "- Tập trung học sinh ngày 28/8/2024 (Thứ hai) tại sân trường."], "weekday-mismatch"),
    (["I. MỤC ĐÍCH", "- Khai giảng vào Thứ Hai, ngày 05/9/2024 (một ngày Thứ năm)."], "weekday-mismatch"),
    (["I. MỤC ĐÍCH", "- Báo cáo trước ngày 31/02/2025."], "impossible-date"),
    (["I. MỤC ĐÍCH", "- Thực hiện Đề án đào tạo giáo viên mầm non giai đoạn 2018-2025.",
      "- Kết quả Đề án đào tạo giáo viên mầm non giai đoạn 2021-2025."], "period-conflict"),
    (["I. MỤC ĐÍCH", "II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN"], "outline-gap"),
    (["I. THỜI GIAN THỰC HIỆN", "a) Triển khai thực hiện quý II (tối thiểu 02 bài báo)."], "deadline-before-document"),
]
CLEAN = [
    ["I. MỤC ĐÍCH", "- Tập trung học sinh ngày 28/8/2024 (Thứ tư) tại sân trường."],
    ["I. MỤC ĐÍCH", "- Giai đoạn 1: giai đoạn 2016-2019; giai đoạn 2: giai đoạn 2020-2025."],
    ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"],
    ["I. THỜI GIAN THỰC HIỆN", "a) Triển khai thực hiện quý III, IV."],
]
# fmt: on


@pytest.mark.parametrize("body, kind", CASES, ids=[c[1] for c in CASES])
def test_each_kind_is_found(rules, body, kind):
    record = _record(rules, body)
    assert _kinds(record) == [kind]
    (finding,) = record.findings
    assert finding.documents == ("t.txt",) and finding.suggestion
    assert finding.severity in ("error", "warning", "info")


@pytest.mark.parametrize("body", CLEAN)
def test_no_finding_on_clean_text(rules, body):
    assert _record(rules, body).findings == ()


@pytest.mark.parametrize("line, kind, severity", [
    ("- Danh sách kèm theo Quyết định số 781 ngày 43/5/2026.", "scan-date-doubt", "info"),
    ("- Báo cáo trước ngày 31/02/2025.", "impossible-date", "error"),
    ("- Tập trung học sinh ngày 28/8/2024 (Thứ hai) tại sân trường.", "weekday-mismatch", "error"),
])
def test_a_day_no_month_has_on_a_scan_is_a_doubt_to_check_not_an_error(rules, line, kind, severity):
    """On a page read by OCR a day no month has ('43/5/2026' for 13/5/2026, QĐ 781/QĐ-ĐHCĐ) is a
    misread digit: the finding asks for a look at the page. A day the month lacks and a weekday
    that disagrees stay errors there (TB 137/TB-THPTUVK prints 'ngày 28/8/2024 (Thứ hai)')."""
    lines = tuple(Line(t) for t in [*HEADER, "I. MỤC ĐÍCH", line, *FOOTER])
    record = extract_record(Document("t.pdf", "0" * 64, "pdf", (Page(1, lines, ocr=True),)), rules)
    (finding,) = [f for f in record.findings if "date" in f.kind or "weekday" in f.kind]
    assert (finding.kind, finding.severity) == (kind, severity)
    assert ("bản quét" in finding.message) is (kind == "scan-date-doubt")


def test_weekday_finding_quotes_the_text_with_its_page(rules):
    record = _record(rules, ["I. MỤC ĐÍCH", "- Tập trung học sinh ngày 28/8/2024 (Thứ hai) tại sân trường."])
    (quote,) = record.findings[0].evidence
    assert quote.text == "ngày 28/8/2024 (Thứ hai" and quote.page == 1
    assert "Thứ tư" in record.findings[0].message


def test_type_code_that_is_not_the_document_type(rules):
    header = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 12/QĐ-SGDĐT", "Nghệ An, ngày 10 tháng 7 năm 2024", "KẾ HOẠCH",
              "Phòng, chống đuối nước cho học sinh"]
    assert _kinds(_record(rules, ["I. MỤC ĐÍCH"], header=header)) == ["type-code-mismatch"]


APPENDIX = "PHỤ LỤC"


# fmt: off
OWN_REFERENCES = [
    ("(Kèm theo Kế hoạch số 13/KH-SGDĐT ngày 10/7/2024 của Sở GDĐT)", "ghi ở phần đầu văn bản là 12/KH-SGDĐT"),
    ("Kèm theo Kế hoạch số 12 /KH-SGDĐT ngày 11 tháng 7 năm 2024", "chỗ khác trong văn bản ghi ngày 11/07/2024"),
]
OWN_CLEAN = [
    "(Kèm theo Kế hoạch số 12/KH-SGDĐT ngày 10/7/2024 của Sở GDĐT)",
    "(Kèm theo Kế hoạch số      /KH-SGDĐT ngày    /7/2024 của Sở GDĐT)",  # left for the văn thư
    "(Kèm theo Kế hoạch số 98/KH-UBND ngày 02/5/2024 của UBND tỉnh)",  # another issuer's plan
    "Căn cứ Quy chế ban hành kèm theo Kế hoạch số 5/KH-SGDĐT ngày 02/01/2024;",  # a citation
]
# fmt: on


@pytest.mark.parametrize("appendix, message", OWN_REFERENCES)
def test_appendix_that_names_the_document_otherwise(rules, appendix, message):
    record = _record(rules, ["I. MỤC ĐÍCH"], footer=[*FOOTER, APPENDIX, appendix])
    (finding,) = record.findings
    assert finding.kind == "own-number-differs" and finding.severity == "error"
    assert message in finding.message and finding.evidence[0].text.startswith("Kèm theo")


@pytest.mark.parametrize("appendix", OWN_CLEAN)
def test_appendix_that_agrees_or_cites_another(rules, appendix):
    assert _record(rules, ["I. MỤC ĐÍCH"], footer=[*FOOTER, APPENDIX, appendix]).findings == ()


@pytest.mark.parametrize("appendix", [a for a, _ in OWN_REFERENCES] + OWN_CLEAN[:2])
def test_an_appendix_naming_the_document_is_no_citation(rules, appendix):
    """The heading names the document itself, even with a misread serial: citing it would make
    the derived plan cite its parent twice (QĐ 146/QĐ-TTg, CV 7991/BGDĐT-GDTrH)."""
    assert _record(rules, ["I. MỤC ĐÍCH"], footer=[*FOOTER, APPENDIX, appendix]).citations == ()


@pytest.mark.parametrize("appendix, number", [(OWN_CLEAN[2], "98/KH-UBND"), (OWN_CLEAN[3], "5/KH-SGDĐT")])
def test_an_appendix_of_another_document_is_cited(rules, appendix, number):
    cited = _record(rules, ["I. MỤC ĐÍCH"], footer=[*FOOTER, APPENDIX, appendix]).citations
    assert [c.number for c in cited] == [number]


def test_a_stamped_number_is_said_to_come_from_the_stamp(rules):
    """A signed PDF's number is what the văn thư stamped at issue; the finding says so."""
    lines = (Line(HEADER[0]), Line(HEADER[1], stamped=True), *(Line(t) for t in HEADER[2:]), Line("I. MỤC ĐÍCH"),
             *(Line(t) for t in FOOTER), Line(APPENDIX), Line("(Kèm theo Kế hoạch số 21/KH-SGDĐT)"))
    record = extract_record(Document("t.txt", "0" * 64, "txt", (Page(1, lines),)), rules)
    assert record.evidence["number"].source == "stamp"
    (finding,) = record.findings
    assert finding.message.startswith("số văn bản ghi trên dấu chữ ký số là 12/KH-SGDĐT")
    assert "21/KH-SGDĐT" in finding.message


def test_missing_recipients_and_signer(rules):
    assert _kinds(_record(rules, ["I. MỤC ĐÍCH"], footer=[])) == ["missing-recipients", "missing-signer"]


def test_a_programme_and_a_plan_under_it_have_periods_of_their_own(rules):
    """'Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030' and 'Kế hoạch cải
    cách hành chính nhà nước giai đoạn 2026 - 2030' (KH CCHC 2026-2030 of UBND Lâm Đồng): no conflict."""
    record = _record(rules, ["I. MỤC ĐÍCH",
                             "- Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030.",
                             "- Xây dựng Kế hoạch cải cách hành chính nhà nước giai đoạn 2026 - 2030."])
    assert "period-conflict" not in _kinds(record)
    # the plan's own period, in its title, has no kind word near it: it is the plan's (the type)
    titled = _record(rules, ["Cải cách hành chính nhà nước giai đoạn 2026 - 2030", "I. MỤC ĐÍCH",
                             "- Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030."])
    assert titled.doc_type == "Kế hoạch" and "period-conflict" not in _kinds(titled)


def test_seed_004_periods_and_past_quarters(rules):
    """Seed 004 (06/7/2022) speaks of giai đoạn 2018-2025 and 2021-2025 for one programme and
    schedules work for quý II."""
    record = extract_record(read_cached(str(next(d for d in GOLD_DOCS if d.stem.startswith("004")))), rules)
    assert _kinds(record) == ["deadline-before-document", "period-conflict"]
    past = next(f for f in record.findings if f.kind == "deadline-before-document")
    assert "quý II/2022 đã qua" in past.message and len(past.evidence) == 2


@pytest.mark.parametrize("doc", [d for d in GOLD_DOCS if d.stem.startswith("d1")], ids=lambda d: d.stem[:4])
def test_the_clean_chain_has_no_finding_inside_its_documents(rules, doc):
    assert extract_record(read_cached(str(doc)), rules).findings == ()


def test_outline_gap_quotes_the_heading_after_the_gap(rules):
    record = _record(rules, ["I. MỤC ĐÍCH", "II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN"])
    (quote,) = record.findings[0].evidence
    assert quote.text == "IV. TỔ CHỨC THỰC HIỆN" and quote.page == 1
