"""Text files in every encoding an office produces, and Markdown from scrapers."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from pipeline.ingest import read_document
from pipeline.ingest.text import decode_bytes, markdown_lines
from tests.conftest import INBOX


def _cp1258(text: str) -> bytes:
    """Windows-1258 spells a toned letter as base letter + a combining tone byte."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return out


TEXT = "Sở Giáo dục và Đào tạo tỉnh Kiên Giang triển khai kế hoạch phòng, chống đuối nước cho học sinh."


@pytest.mark.parametrize("label,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16", TEXT.encode("utf-16")),
    ("utf-16-le-no-bom", TEXT.encode("utf-16-le")),
    ("cp1258", _cp1258(TEXT)),
])
def test_decodings(rules, label, data):
    assert unicodedata.normalize("NFC", decode_bytes(data, rules).text) == TEXT


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_legacy_font_text_file(rules, name):
    data = rules.legacy_encoding(name).encode(TEXT).encode("cp1252")
    decoded = decode_bytes(data, rules)
    assert decoded.text == TEXT
    assert decoded.legacy == name


def test_utf8_read_once_as_cp1252(rules):
    misread = TEXT.encode("utf-8").decode("latin-1")
    assert decode_bytes(misread.encode("utf-8"), rules).text == TEXT


def test_markdown_markup_removed_tables_kept():
    md = "\n".join([
        "# Về việc giải quyết",
        "| ỦY BAN NHÂN DÂN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|---|---|",
        "| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |",
        "## **I. MỤC ĐÍCH**",
        "Nội dung *nghiêng* và **đậm**.",
        "| Nơi nhận: - Bộ Công an; - Lưu: VT, NC. | CHỦ TỊCH Hoàng Quốc Khánh |",
    ])
    pairs = markdown_lines(md)
    assert ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "header-left") in pairs
    assert ("Số: 254/QĐ-UBND", "header-left") in pairs
    assert ("Sơn La, ngày 17 tháng 02 năm 2023", "header-right") in pairs
    assert ("I. MỤC ĐÍCH", "body") in pairs
    assert ("Nội dung nghiêng và đậm.", "body") in pairs
    assert [p for p in pairs if p[1] == "footer-left"] == [
        ("Nơi nhận:", "footer-left"), ("- Bộ Công an;", "footer-left"), ("- Lưu: VT, NC.", "footer-left")]


def test_a_markdown_table_keeps_its_empty_cells_in_place():
    """A header cell that spans columns leaves the next empty, and the rows are read by position
    (the appendices of QĐ 59/QĐ-BTNMT as thuvienphapluat.vn writes them); the empty cells after
    the last filled one go."""
    md = "\n".join([
        "Các nhiệm vụ như sau, giao cho các đơn vị trực thuộc Bộ theo dõi và thực hiện.",
        "| STT |  | Tên đề án | Đơn vị thực hiện |  | Ghi chú |",
        "| --- | --- | --- | --- | --- | --- |",
        "|  | Theo NQ 01 |  | Chủ trì | Phối hợp |  |",
        "| 1 |  | Tổng kết việc thi hành Luật | Cục Biển và Hải đảo Việt Nam |  |  |",
    ])
    rows = [text for text, block in markdown_lines(md) if block == "table"]
    assert [row.split(" | ") for row in rows] == [
        ["STT", "", "Tên đề án", "Đơn vị thực hiện", "", "Ghi chú"],
        ["", "Theo NQ 01", "", "Chủ trì", "Phối hợp"],
        ["1", "", "Tổng kết việc thi hành Luật", "Cục Biển và Hải đảo Việt Nam"],
    ]


def test_seed_004_keeps_signer_lines_and_drops_markup(rules):
    doc = read_document(INBOX / "004_4454b9fc8f55b7a4.txt", rules)
    texts = [ln.text for ln in doc.lines]
    assert "KT. GIÁM ĐỐC" in texts and "PHÓ GIÁM ĐỐC" in texts
    assert not any("**" in t or t.startswith("#") for t in texts)
    assert doc.format == "txt" and doc.pages[0].lines[0].text == "Số: 1008/KH-SGDĐT"


def test_header_blocks_come_out_in_order(rules):
    doc = read_document(INBOX / "d1a_pgddt-namdan-kh-duoinuoc-2024.txt", rules)
    blocks = [ln.block for ln in doc.lines[:7]]
    assert blocks == ["header-left"] * 4 + ["header-right"] * 3
    assert doc.lines[0].text == "UBND HUYỆN NAM ĐÀN"
    assert doc.lines[4].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_offsets_locate_lines(rules):
    doc = read_document(INBOX / "d1a_pgddt-namdan-kh-duoinuoc-2024.txt", rules)
    text = doc.text
    at = text.index("Số: 178/KH-PGDĐT")
    page, offset = doc.locate(at)
    assert doc.pages[page - 1].text[offset:offset + 16] == "Số: 178/KH-PGDĐT"


# plan d1 as a copy from the web sets it (the CongBot copies of thuvienphapluat: each header
# column and the Nơi nhận with the signer as one table cell)
WEB_COPY = "\n".join([
    "| UBND TỈNH NGHỆ AN SỞ GIÁO DỤC VÀ ĐÀO TẠO ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
    "Hạnh phúc --------------- |",
    "|---|---|",
    "| Số: 2156/KH-SGDĐT | Nghệ An, ngày 27 tháng 9 năm 2024 |",
    "",
    "KẾ HOẠCH",
    "",
    "Phòng, chống đuối nước và bảo đảm an toàn cho học sinh năm học 2024-2025",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "",
    "1. Phòng GDĐT các huyện, thành phố, thị xã xây dựng kế hoạch, gửi về Sở GDĐT trước ngày 15/10/2024.",
    "",
    "| Nơi nhận: - Bộ GDĐT (để b/c); - Phòng GDĐT các huyện, thành phố, thị xã; - Lưu: VT, CTTT. | KT. GIÁM ĐỐC "
    "PHÓ GIÁM ĐỐC (Đã ký) Trần Văn Lộc |",
    "|---|---|",
])


def test_a_copy_from_the_web_reads_as_the_page_does(rules, tmp_path):
    """The parent and the issuer in one header cell are two bodies (units.issuer_in_one_line),
    and '(Đã ký)' in the signer's cell marks the signature, no more: the record is plan d1's."""
    from pipeline.extract import extract_record

    path = tmp_path / "d1.md"
    path.write_text(WEB_COPY, encoding="utf-8")
    record = extract_record(read_document(path, rules), rules)
    assert (record.issuer.parent, record.issuer.name) == ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert (record.number, record.date) == ("2156/KH-SGDĐT", "2024-09-27")
    signer = record.signer
    assert (signer.authority, signer.on_behalf_of, signer.title, signer.name) == (
        "KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Lộc")
    assert [r.name for r in record.recipients] == ["Bộ GDĐT (để b/c)", "Phòng GDĐT các huyện, thành phố, thị xã",
                                                   "VT, CTTT"]
    assert [(t.owner, t.deadline.end) for t in record.tasks] == [("Phòng GDĐT các huyện, thành phố, thị xã",
                                                                  "2024-10-15")]


# a school plan as the text a document app keeps of its Word file: each layout table's row one
# line, its cells joined by ' | ' (KH 45/KH-THCS&THPTĐBK Đồng Tháp, samples/inbox/unseen69)
APP_TEXT = "\n".join([
    "SỞ GDĐT TỈNH ĐỒNG THÁP TRƯỜNG THCS VÀ THPT ĐỐC BINH KIỀU ──────── Số: 45/KH-THCS&THPTĐBK | CỘNG HÒA XÃ HỘI "
    "CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ────────────────────────── Đồng Tháp, ngày 28 tháng 9 năm 2026",
    "",
    "KẾ HOẠCH",
    "Tổ chức dạy học 2 buổi/ngày năm học 2026 - 2027",
    "────────────────",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Giáo viên bộ môn: Thực hiện nghiêm túc kế hoạch dạy học buổi 2 đã được phê duyệt.",
    "",
    "Nơi nhận: - Sở GDĐT Đồng Tháp (để báo cáo); - Các tổ chuyên môn, văn phòng (để thực hiện); - Lưu: VT, CM. | "
    "KT. HIỆU TRƯỞNG PHÓ HIỆU TRƯỞNG Nguyễn Minh Trí",
])


def test_a_layout_row_joined_by_bars_in_plain_text_reads_column_by_column(rules, tmp_path):
    """The number after the issuer in one cell, the box-drawing rule under the trích yếu and the
    signer's cell after the Nơi nhận are read where a printed page has them."""
    from pipeline.extract import extract_record

    path = tmp_path / "kh45.txt"
    path.write_text(APP_TEXT, encoding="utf-8")
    doc = read_document(path, rules)
    assert [ln.block for ln in doc.lines[:4]] == ["header-left"] * 2 + ["header-right"] * 2
    record = extract_record(doc, rules)
    assert (record.issuer.parent, record.issuer.name) == ("SỞ GDĐT TỈNH ĐỒNG THÁP", "TRƯỜNG THCS VÀ THPT ĐỐC BINH KIỀU")
    assert (record.number, record.date) == ("45/KH-THCS&THPTĐBK", "2026-09-28")
    assert record.title == "Tổ chức dạy học 2 buổi/ngày năm học 2026 - 2027"
    signer = record.signer
    assert (signer.authority, signer.on_behalf_of, signer.title, signer.name) == (
        "KT.", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Nguyễn Minh Trí")
    assert [r.name for r in record.recipients] == ["Sở GDĐT Đồng Tháp (để báo cáo)",
                                                   "Các tổ chuyên môn, văn phòng (để thực hiện)", "VT, CM"]


def test_a_line_with_bars_that_is_no_layout_row_stays_whole(rules, tmp_path):
    path = tmp_path / "row.txt"
    path.write_text("Nội dung | Thời gian\nHọp phụ huynh | Tháng 9\n", encoding="utf-8")
    lines = read_document(path, rules).lines
    assert {ln.block for ln in lines} == {"body"} and "Họp phụ huynh | Tháng 9" in " ".join(ln.text for ln in lines)


# the text layer of a signed công văn that gave its header after the first lines of the body,
# inside a sentence, then the page number (CV 3223/SGDĐT-TCCB Đồng Tháp, samples/inbox/unseen70)
LATE_HEADER = "\n".join([
    "Căn cứ Quyết định số 87/2026/QĐ-UBND ngày 31 tháng 7 năm 2026 của",
    "Ủy ban nhân dân tỉnh Đồng Tháp ban hành Quy định về DTHT;",
    "Sở GDĐT đề nghị các đơn vị trực thuộc Sở thực hiện các nội dung sau:",
    "1. Hiệu trưởng các đơn vị trực thuộc Sở GDĐT; Hiệu trưởng các đơn vị trực thuộc UBND xã,",
    "UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc",
    "Số: /SGDĐT-TCCB Đồng Tháp, ngày tháng 8 năm 2026",
    "V/v tăng cường công tác quản lí",
    "hoạt động dạy thêm, học thêm",
    "Kính gửi: Thủ trưởng các đơn vị trực thuộc Sở.",
    "",
    "",
    "2",
    "phường tiến hành xây dựng kế hoạch kiểm tra hoạt động DTHT.",
])


def test_a_header_the_text_layer_gave_after_the_first_lines_is_read_on_top(rules, tmp_path):
    """The header block goes first; the căn cứ before it are read, and the sentence it cut goes on."""
    from pipeline.extract import extract_record

    path = tmp_path / "cv3223.txt"
    path.write_text(LATE_HEADER, encoding="utf-8")
    doc = read_document(path, rules)
    assert doc.lines[0].text.startswith("UBND TỈNH ĐỒNG THÁP")
    record = extract_record(doc, rules)
    assert (record.issuer.name, record.place) == ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Đồng Tháp")
    assert record.title == "V/v tăng cường công tác quản lí hoạt động dạy thêm, học thêm"
    assert [c.number for c in record.citations] == ["87/2026/QĐ-UBND"]
    assert any(t.owner == "Hiệu trưởng các đơn vị trực thuộc UBND xã, phường" for t in record.tasks)


def test_a_page_that_opens_with_its_header_is_left_as_it_is(rules):
    doc = read_document(INBOX / "d1a_pgddt-namdan-kh-duoinuoc-2024.txt", rules)
    assert doc.lines[0].text == "UBND HUYỆN NAM ĐÀN"
