"""PDF rules pinned on small generated pages: fake bold, running lines, scans."""

from __future__ import annotations

import io

import pytest

from pipeline.ingest import read_document
from tests.variants import _font_files


def _pdf(pages: list[list[tuple[float, float, str]]], doubled: bool = False,
         white: tuple[tuple[float, float, str], ...] = ()) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, _ = _font_files()
    if "VBTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VBTest", regular))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    for page in pages:
        c.setFont("VBTest", 12)
        for x, y, text in page:
            c.drawString(x, y, text)
            if doubled:  # how Word's 'fake bold' prints: the same glyphs again, 0.3 pt right
                c.drawString(x + 0.3, y, text)
        c.setFillGray(1.0)
        for x, y, text in white:
            c.drawString(x, y, text)
        c.setFillGray(0.0)
        c.showPage()
    c.save()
    return buf.getvalue()


WORDS = ["một", "hai", "ba", "bốn", "năm", "sáu"]
BODY = [(70, 760 - 18 * i, f"Dòng nội dung thứ {w} của kế hoạch phòng, chống đuối nước cho học sinh.")
        for i, w in enumerate(WORDS)]


def test_fake_bold_glyphs_are_read_once(tmp_path, rules):
    path = tmp_path / "bold.pdf"
    path.write_bytes(_pdf([BODY], doubled=True))
    doc = read_document(path, rules)
    assert "Dòng nội dung thứ một của kế hoạch" in doc.text
    assert "DDòòng" not in doc.text


def test_glyphs_in_white_are_not_read(tmp_path, rules):
    """QĐ 70/2024/QĐ-UBND Hà Nội keeps the number's blank with white digits ('0    7') that
    the stamped '70' covers; a reader of the page sees none of them."""
    path = tmp_path / "white.pdf"
    page = [(70, 780, "Số:"), (140, 780, "/2024/QĐ-UBND"), *BODY]
    path.write_bytes(_pdf([page], white=((95, 780, "0    7"),)))
    doc = read_document(path, rules)
    first = doc.pages[0].lines[0].text
    assert first.startswith("Số:") and "/2024/QĐ-UBND" in first
    assert "0" not in first.split("/")[0] and "7" not in first


def test_page_numbers_and_repeated_headers_are_removed(tmp_path, rules):
    pages = [[(250, 810, "Kế hoạch số 12/KH-PGDĐT"),
              *[(x, y, f"{t} Trang {WORDS[n]}.") for x, y, t in BODY], (290, 40, str(n))] for n in range(1, 4)]
    path = tmp_path / "numbered.pdf"
    path.write_bytes(_pdf(pages))
    doc = read_document(path, rules)
    assert len(doc.pages) == 3
    for page in doc.pages:
        texts = [ln.text for ln in page.lines]
        assert texts[-1].startswith("Dòng nội dung thứ sáu")
        assert not any(t.startswith("Kế hoạch số 12") for t in texts)


def test_blank_scanned_page_warns_instead_of_inventing(tmp_path, rules):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 255).save(path, dpi=(150, 150))
    doc = read_document(path, rules)
    assert doc.ocr and doc.text.strip() == ""
    assert any("no text" in w or "almost no text" in w for w in doc.warnings)


def test_mixed_pdf_reads_text_pages_and_ocrs_scanned_ones(tmp_path, rules):
    """A PDF of one typed page and one scanned page is handled page by page."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    typed = _pdf([BODY])
    image = pdfium.PdfDocument(typed)[0].render(scale=300 / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("VBTest", 12)
    for x, y, text in BODY:
        c.drawString(x, y, text.replace("Dòng", "Mục"))
    c.showPage()
    c.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buf.getvalue())
    doc = read_document(path, rules)
    assert [p.ocr for p in doc.pages] == [False, True]
    assert "Mục nội dung thứ một" in doc.pages[0].text
    assert "Dòng nội dung thứ một" in doc.pages[1].text


def test_page_turned_sideways_is_put_upright(tmp_path, rules):
    import pypdfium2 as pdfium

    typed = _pdf([BODY])
    image = pdfium.PdfDocument(typed)[0].render(scale=300 / 72, grayscale=True).to_pil()
    image = image.crop((0, 0, image.width, image.height // 4)).rotate(90, expand=True)
    path = tmp_path / "sideways.png"
    image.save(path, dpi=(300, 300))
    doc = read_document(path, rules)
    assert "nội dung thứ một" in doc.text
    assert any("turned" in w for w in doc.warnings)


def test_letters_set_apart_are_joined_and_spare_the_page_ocr(tmp_path, rules, monkeypatch):
    """Issue 17: a text layer that sets letters apart ('G I Á M ĐỐC', 'trung ươ n g') looked
    damaged and went to OCR at seconds a page; joined against the syllables, it reads as printed."""
    from dataclasses import replace

    import pdfplumber

    from pipeline.ingest import ocr, pdf

    page = [(70, 800, "B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI")]
    page += [(70, 770 - 18 * i, f"Dòng thứ {w}: dự toán ngân sách trung ươ n g cho c h ư ơ n g trình năm 2020.")
             for i, w in enumerate(WORDS)]
    page += [(380, 600, "G I Á M ĐỐC"), (380, 530, "Nguyễn Văn An")]
    path = tmp_path / "spaced.pdf"
    path.write_bytes(_pdf([page]))
    with pdfplumber.open(path) as opened:  # as the layer was judged before: damaged
        whole = replace(rules, ingest=replace(rules.ingest, spaced_letters=None))
        _, verdict = pdf._text_layer(opened.pages[0], 1, whole)
    assert verdict is not None and "damaged" in verdict

    def no_ocr(*args, **kwargs):
        raise AssertionError("the page was sent to OCR")

    monkeypatch.setattr(ocr, "read_page_image", no_ocr)
    document = read_document(path, rules)
    assert not document.pages[0].ocr
    assert "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" in document.text
    assert document.text.count("trung ương cho chương trình") == len(WORDS)
    assert "GIÁM ĐỐC" in document.text and not document.warnings


def test_a_signatures_note_is_no_text_of_the_page():
    """A signature widget's note over the signer's block (CV 2405/SGDĐT-CTTT Hà Nội) is dropped
    from the stamped words; the number stamped beside it stays."""
    from pipeline import load_rules
    from pipeline.ingest.ocr import Word
    from pipeline.ingest.pdf import _without_signing_note

    texts = ["2405", "Ký", "bởi", "Sở", "Giáo", "dục", "và", "Đào", "tạo", "vanthu_sogddt@hanoi.gov.vn", "Giờ", "ký:",
             "2020-07-", "27T17:53:21.5178398+07:00"]
    words = tuple(Word(0, i * 10, 10, i * 10 + 8, text, stamp=True) for i, text in enumerate(texts))
    assert [w.text for w in _without_signing_note(words, load_rules())] == ["2405"]


def _sideways_pdf(degrees: int) -> bytes:
    """A portrait page whose lines of BODY are printed turned by `degrees` (a landscape table
    printed on a portrait page)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, _ = _font_files()
    if "VBTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VBTest", regular))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("VBTest", 12)
    c.translate(*((500, 60) if degrees == 90 else (95, 780)))
    c.rotate(degrees)
    for _, y, text in BODY:
        c.drawString(0, y - 760, text)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("degrees, way", [(90, "up"), (-90, "down")])
def test_text_running_sideways_is_read_turned_upright_not_by_ocr(tmp_path, rules, monkeypatch, degrees, way,
                                                                  engine):
    """Lines printed turned a quarter (TB 222/TB-THPTUVK's landscape tables) are read from the
    text layer turned upright, as OCR would turn the image, and in their order."""
    from dataclasses import replace

    import pdfplumber

    from pipeline.ingest import ocr, pdf

    path = tmp_path / "sideways.pdf"
    path.write_bytes(_sideways_pdf(degrees))
    with pdfplumber.open(path) as opened:
        assert pdf._sideways(opened.pages[0].chars) == way
    monkeypatch.setattr(ocr, "read_page_image", lambda *a, **k: pytest.fail("OCR was asked"))
    engine_rules = replace(rules, ingest=replace(rules.ingest, text_engine=engine))
    document = read_document(path, engine_rules)
    assert not document.ocr
    assert [ln.text for ln in document.pages[0].lines] == [text for _, _, text in BODY]


@pytest.mark.parametrize("matrices, way", [
    ([(0, 12, -12, 0), (0, 11, -11, 0)], "up"),
    ([(0, -12, 12, 0)], "down"),
    ([(12, 0, 0, 12), (0, 12, -12, 0)], None),  # a margin note turned on an upright page
    ([(0, 12, -12, 0), (0, -12, 12, 0)], None),
    ([(12, 0, 0, 12)], None),
    ([(8.5, 8.5, -8.5, 8.5)], None),  # slanted: left as it is
])
def test_a_page_runs_sideways_only_when_every_glyph_does(matrices, way):
    from pipeline.ingest import pdf

    chars = [{"text": "a", "matrix": (*m, 0, 0)} for m in matrices] + [{"text": " ", "matrix": (1, 0, 0, 1, 0, 0)}]
    assert pdf._sideways(chars) == way


def test_turned_pages_of_a_real_notice_are_read_from_the_text_layer():
    """TB 222/TB-THPTUVK: pages 2–4 are a landscape table printed sideways; OCR read them at
    4 s a page, the text layer has them exactly."""
    from tests.conftest import REAL, read_cached

    doc = read_cached(str(REAL / "02_thptuvk_tb222_niemyet_sgk10.pdf"))
    assert not any(page.ocr for page in doc.pages[1:])
    assert "Sách giáo khoa lớp 10 sử dụng trong trường THPT Ung Văn Khiêm" in doc.text
    assert "Toán 10 và chuyên đề học tập Toán 10 (Chân trời sáng tạo)" in doc.text


@pytest.mark.parametrize("ink, read", [
    ((), False),  # an empty page: nothing for OCR
    (((300, 400, 300.5, 400.5),), False),  # a speck under one square point
    (((300, 400, 310, 402),), True),  # a stroke: Tesseract looks
])
def test_an_empty_page_without_text_is_not_sent_to_ocr(tmp_path, rules, monkeypatch, ink, read):
    """KH 230/KH-THPT ends on an empty page; Tesseract took 2 s to find nothing there."""
    from reportlab.pdfgen import canvas

    from pipeline.ingest import ocr

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    for x0, y0, x1, y1 in ink:
        c.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
    c.showPage()
    c.save()
    path = tmp_path / "empty.pdf"
    path.write_bytes(buf.getvalue())
    asked = []
    real = ocr.read_page_image
    monkeypatch.setattr(ocr, "read_page_image", lambda *a, **k: asked.append(1) or real(*a, **k))
    monkeypatch.setattr(ocr, "tesseract_ready", lambda *a, **k: None)
    document = read_document(path, rules)
    assert bool(asked) is read
    if not read:
        assert document.pages[0].ocr and any("almost no text" in w for w in document.warnings)


def _ruled_table_pdf() -> bytes:
    """A body paragraph, then an assignment table drawn with its rules whose cells wrap over
    two lines, as the Phụ lục of KH 155/KH-UBND Phong Châu prints it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, _ = _font_files()
    if "VBTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VBTest", regular))
    columns = [40, 70, 250, 370, 480, 560]  # TT | Nội dung | Chủ trì | Thời gian | Sản phẩm
    rows = [["TT", "Nội dung nhiệm vụ", "Chủ trì", "Thời gian", "Sản phẩm"],
            ["1", "Rà soát, thống kê hồ sơ|địa chính theo các nhóm.", "Phòng Nông nghiệp|và Môi trường",
             "Tháng 7-|12/2026", "Báo cáo|rà soát"],
            ["2", "Đối soát thông tin người|sử dụng đất.", "Công an phường", "Tháng 8/2026", "Dữ liệu|đối soát"],
            ["3", "Tuyên truyền tại cơ sở;|lập danh sách hộ.", "Tổ trưởng tổ dân|phố", "Tháng 7/2026", "Danh sách"]]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("VBTest", 10)
    c.drawString(70, 790, "PHỤ LỤC. BẢNG CHI TIẾT NHIỆM VỤ")
    top, height = 770, 30
    for r, row in enumerate(rows):
        y = top - r * height
        for x, cell in zip(columns, row):
            for k, part in enumerate(cell.split("|")):
                c.drawString(x + 3, y - 11 - 11 * k, part)
    for r in range(len(rows) + 1):
        c.line(columns[0], top - r * height, columns[-1], top - r * height)
    for x in columns:
        c.line(x, top, x, top - len(rows) * height)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_ruled_table_is_read_row_by_row(tmp_path, rules):
    """A table drawn with its rules gives one line per row, a cell's wrapped lines joined,
    so an assignment table in a PDF gives one task per row with its time column."""
    from pipeline.extract import extract_record

    path = tmp_path / "table.pdf"
    path.write_bytes(_ruled_table_pdf())
    doc = read_document(path, rules)
    rows = [ln.text for ln in doc.pages[0].lines if ln.block == "table"]
    assert rows == ["TT | Nội dung nhiệm vụ | Chủ trì | Thời gian | Sản phẩm",
                    "1 | Rà soát, thống kê hồ sơ địa chính theo các nhóm. | Phòng Nông nghiệp và Môi trường | "
                    "Tháng 7- 12/2026 | Báo cáo rà soát",
                    "2 | Đối soát thông tin người sử dụng đất. | Công an phường | Tháng 8/2026 | Dữ liệu đối soát",
                    "3 | Tuyên truyền tại cơ sở; lập danh sách hộ. | Tổ trưởng tổ dân phố | Tháng 7/2026 | Danh sách"]
    tasks = extract_record(doc, rules).tasks
    assert [(t.owner, t.deadline.start, t.deadline.end) for t in tasks] == [
        ("Phòng Nông nghiệp và Môi trường", "2026-07-01", "2026-12-31"),
        ("Công an phường", "2026-08-01", "2026-08-31"), ("Tổ trưởng tổ dân phố", "2026-07-01", "2026-07-31")]


def test_a_page_number_laid_on_the_first_line_is_dropped(rules):
    """The number at the head of page 3 laid on the row of a sentence going on from page 2
    ('3 được giao.', TB 565/TB-UBND Quảng Ngãi) would read as an item numbered 3; a numbered
    item that opens a page keeps its number."""
    from pipeline.document import Line, Page
    from pipeline.ingest.pdf import remove_running_lines

    pages = [Page(1, (Line("Số: 1/KH-UBND", 1), Line("a) Cần chủ động kiểm tra, đôn đốc thực hiện nhiệm vụ", 1))),
             Page(2, (Line("2 được giao.", 2), Line("b) Thường xuyên phối hợp với các đơn vị.", 2))),
             Page(3, (Line("3. Sở Tài chính hướng dẫn các đơn vị.", 3),))]
    out = remove_running_lines(pages, rules)
    assert [ln.text for ln in out[1].lines] == ["được giao.", "b) Thường xuyên phối hợp với các đơn vị."]
    assert out[2].lines[0].text == "3. Sở Tài chính hướng dẫn các đơn vị."


def test_the_crops_of_a_page_are_the_crops_of_its_image(rules):
    """The stamps and the signer's zone are cut from pdfium's bitmap without an image of the
    whole page when the page was rendered (the same pixels as the page image's crop), or
    rendered alone when it was not (issue 17: a twenty-fifth of the page's time; the same
    pixels within one level of smoothing, but for a few on the edge of a form field: 4 of
    64,000 in the stamp's line); black beyond the page as Pillow's."""
    import numpy as np
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf import _Renderer
    from tests.conftest import INBOX

    data = (INBOX / "unseen4" / "n02_cv-2860-sgddt-quangnam-cuocthi-atgt-2021.pdf").read_bytes()
    document = pdfium.PdfDocument(data)
    width, height = document[0].get_size()
    document.close()
    page = type("Size", (), {"width": width, "height": height})()
    with _Renderer(data, rules) as whole, _Renderer(data, rules) as rendered, _Renderer(data, rules) as alone:
        image, dpi = whole(0, page)
        rendered(0, page)
        for renderer, levels in ((rendered, 0), (alone, 1)):
            crops, crops_dpi = renderer.crops(0, page)
            assert crops_dpi == dpi
            for box in ((300, 480, 1100, 560), (0, 0, 40, 30), (-30, 3300, 900, image.height + 25),
                        (image.width - 200, 2900, image.width + 60, 3200), (500, 500, 500, 520)):
                cut, expected = crops.crop(box), image.crop(box)
                assert (cut.mode, cut.size) == (expected.mode, expected.size)
                difference = np.abs(np.asarray(cut).astype(int) - np.asarray(expected).astype(int)).max(axis=-1)
                assert (difference > levels).sum() <= difference.size // 10_000


def test_a_publications_running_head_leaves_the_first_line_of_each_page(rules):
    """The Công báo heads its pages 'CÔNG BÁO/Số 302/Ngày 02-06-2026 73' (CT 21/CT-TTg as
    published): the head goes, the sentence the layout joined to it stays, a head alone goes."""
    from pipeline.document import Line, Page
    from pipeline.ingest.pdf import remove_running_lines

    pages = [Page(1, (Line("THỦ TƯỚNG CHÍNH PHỦ", 1, "body"),)),
             Page(2, (Line("CÔNG BÁO/Số 302/Ngày 02-06-2026 71", 2, "body"),
                      Line("2. Trong quá trình ...", 2, "body"))),
             Page(3, (Line("72 CÔNG BÁO/Số 302/Ngày 02-06-2026 bố trí, sử dụng người hoạt động", 3, "body"),
                      Line("3. Đề nghị ...", 3, "body")))]
    out = remove_running_lines(pages, rules)
    assert [ln.text for ln in out[1].lines] == ["2. Trong quá trình ..."]
    assert [ln.text for ln in out[2].lines] == ["bố trí, sử dụng người hoạt động", "3. Đề nghị ..."]
