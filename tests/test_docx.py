"""DOCX structure: page headers and footers, text boxes, fonts named by styles, page breaks."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from pipeline.ingest import read_document

TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
)


def _save(document, path):
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(buf.getvalue())


def _read_back(document, path, rules) -> list[tuple[str, str]]:
    """(block, text) of every line of `document`, saved to `path` and read as the pipeline reads it."""
    _save(document, path)
    return [(ln.block, ln.text) for ln in read_document(path, rules).lines]


def test_margins_text_boxes_and_page_breaks(tmp_path, rules):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Sở Giáo dục và Đào tạo Nghệ An"
    document.add_paragraph("Trang một của kế hoạch.")
    p = document.add_paragraph("Đoạn có hộp chữ.")
    p._p.append(parse_xml(TEXTBOX))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Trang hai của kế hoạch.")
    path = tmp_path / "x.docx"
    _save(document, path)
    doc = read_document(path, rules)
    texts = [(ln.page, ln.block, ln.text) for ln in doc.lines]
    assert (1, "margin", "Sở Giáo dục và Đào tạo Nghệ An") in texts
    assert (1, "body", "DỰ THẢO") in texts
    assert (2, "body", "Trang hai của kế hoạch.") in texts
    assert len(doc.pages) == 2


def test_a_text_box_in_the_page_header_is_read_with_the_margin(tmp_path, rules):
    """The issuer's block in a text box of the page's header (QĐ 2442/QĐ-ĐHAG, word/header1.xml)."""
    document = docx.Document()
    box = TEXTBOX.replace("<w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p>",
                          "<w:p><w:r><w:t>UBND TỈNH AN GIANG</w:t></w:r></w:p>"
                          "<w:p><w:r><w:t>TRƯỜNG ĐẠI HỌC AN GIANG</w:t></w:r></w:p>")
    document.sections[0].header.paragraphs[0]._p.append(parse_xml(box))
    document.add_paragraph("Nội dung của quyết định.")
    path = tmp_path / "header-box.docx"
    texts = _read_back(document, path, rules)
    assert texts[:2] == [("margin", "UBND TỈNH AN GIANG"), ("margin", "TRƯỜNG ĐẠI HỌC AN GIANG")]


def test_legacy_font_named_by_the_paragraph_style(tmp_path, rules):
    enc = rules.legacy_encoding("tcvn3")
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph(enc.encode("Phòng Giáo dục và Đào tạo huyện Mai Sơn"))
    path = tmp_path / "style.docx"
    _save(document, path)
    doc = read_document(path, rules)
    assert doc.lines[0].text == "Phòng Giáo dục và Đào tạo huyện Mai Sơn"
    assert doc.legacy_encoding == "tcvn3"


def test_vntimeh_capital_face(tmp_path, rules):
    enc = rules.legacy_encoding("tcvn3")
    document = docx.Document()
    run = document.add_paragraph().add_run(enc.encode("kế hoạch"))
    run.font.name = ".VnTimeH"
    path = tmp_path / "caps.docx"
    _save(document, path)
    assert read_document(path, rules).lines[0].text == "KẾ HOẠCH"


def test_layout_tables_with_an_empty_middle_column_and_a_cell_of_names(tmp_path, rules):
    """The header and the closing of the official layout as three columns, the middle one empty
    ('UBND TỈNH LÀO CAI | | CỘNG HOÀ ...', 'Nơi nhận: ... | | KT. GIÁM ĐỐC ...'), and an
    assignment table whose cell names one person a paragraph (the DOCX draft plan of Sở Công
    Thương Lào Cai, 2026): the columns are read apart, the names as a list."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=3)
    for row, (left, right) in zip(header.rows, [("UBND TỈNH LÀO CAI", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                                ("SỞ CÔNG THƯƠNG", "Độc lập - Tự do - Hạnh phúc")]):
        row.cells[0].text, row.cells[2].text = left, right
    document.add_paragraph("KẾ HOẠCH")
    closing = document.add_table(rows=1, cols=3)
    closing.rows[0].cells[0].text = "Nơi nhận:\n- Ban Giám đốc Sở;\n- Lưu: VT."
    closing.rows[0].cells[2].text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHoàng Văn Thuân"
    alone = document.add_table(rows=1, cols=2)  # two columns, the left one empty: still the closing
    alone.rows[0].cells[1].text = "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nLê Ngô Thục Vi"
    rows = document.add_table(rows=2, cols=3)
    for cell, text in zip(rows.rows[0].cells, ("TT", "Nhiệm vụ thực hiện", "Người thực hiện")):
        cell.text = text
    rows.rows[1].cells[1].text = "Tổ chức kiểm tra"
    people = rows.rows[1].cells[2]
    people.text = "Đỗ Mạnh Cường"
    people.add_paragraph("Nguyễn Thị Loan")
    path = tmp_path / "three-columns.docx"
    lines = _read_back(document, path, rules)
    assert ("header-left", "SỞ CÔNG THƯƠNG") in lines
    assert ("footer-right", "Hoàng Văn Thuân") in lines
    assert ("footer-left", "- Ban Giám đốc Sở;") in lines
    assert ("footer-right", "Lê Ngô Thục Vi") in lines
    assert ("table", " | Tổ chức kiểm tra | Đỗ Mạnh Cường; Nguyễn Thị Loan") in lines


def test_a_table_that_frames_another_and_an_empty_row_of_the_closing(tmp_path, rules):
    """A copy saved from a law website frames its header table in a table of its own and opens
    its Nơi nhận/signer table with an empty merged row (QĐ 26/2018/QĐ-TTg, one document so far):
    the frame and the empty row are no part of the layout, the columns are still read apart."""
    document = docx.Document()
    frame = document.add_table(rows=2, cols=3)
    header = frame.rows[0].cells[0].add_table(rows=1, cols=3)
    header.rows[0].cells[0].text = "THỦ TƯỚNG CHÍNH PHỦ\n-------------\nSố: 26/2018/QĐ-TTg"
    header.rows[0].cells[2].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 22 tháng 6 năm 2018"
    document.add_paragraph("QUYẾT ĐỊNH")
    closing = document.add_table(rows=2, cols=3)
    closing.rows[0].cells[0].merge(closing.rows[0].cells[2])
    closing.rows[1].cells[0].text = "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT, KTTH (2). XH"
    closing.rows[1].cells[2].text = "THỦ TƯỚNG\nNguyễn Xuân Phúc"
    path = tmp_path / "framed.docx"
    lines = _read_back(document, path, rules)
    assert ("header-left", "Số: 26/2018/QĐ-TTg") in lines
    assert ("header-right", "Hà Nội, ngày 22 tháng 6 năm 2018") in lines
    assert ("footer-left", "- Ban Bí thư Trung ương Đảng;") in lines
    assert ("footer-right", "Nguyễn Xuân Phúc") in lines


def test_a_footnote_is_read_after_the_paragraph_of_its_mark(rules):
    """A Word footnote is the document's own text where its mark stands: the documents a plan
    rests on may be cited only there (KH 01/KH-TBTTKT of xã Phố Bảng). It cites; it gives no work.
    A line break inside it only wraps it (the KH on Chỉ thị 11-CT/TU of UBND Lào Cai)."""
    from pipeline.extract import extract_record
    from tests.conftest import SAMPLES, read_cached

    document = read_cached(str(SAMPLES / "inbox/unseen88/z731_kh-01-tbttkt-phobang-tuyentruyen-baucu-2025.docx"))
    lines = [line for page in document.pages for line in page.lines]
    first = next(i for i, line in enumerate(lines) if line.block == "note")
    assert lines[first].text.startswith("Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị")
    assert lines[first - 1].block == "body" and "Ủy ban bầu của tỉnh và các cơ quan chức năng" in lines[first - 1].text
    record = extract_record(document, rules)
    assert {"46-CT/TW", "36-HD/BTCTW", "28/CT-TTg"} <= {c.number for c in record.citations}
    assert not any(t.action.startswith(("Chỉ thị số 46", "Hiến pháp")) for t in record.tasks)
    wrapped = read_cached(str(SAMPLES / "inbox/unseen26/z111_kh-nonum-ubnd-laocai-khoangsan-ct11-2026.docx"))
    notes = [line.text for page in wrapped.pages for line in page.lines if line.block == "note"]
    assert len(notes) == 1 and "quản lý nhà nước đối với hoạt động thăm dò" in notes[0]
