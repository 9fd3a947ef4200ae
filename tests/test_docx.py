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
    _save(document, path)
    texts = [(ln.block, ln.text) for ln in read_document(path, rules).lines]
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
