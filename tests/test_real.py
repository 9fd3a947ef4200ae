"""The real PDFs of shared/real: born-digital notices and scanned decisions of the Bộ."""

from __future__ import annotations

import pytest
import regex

from tests.conftest import REAL, read_cached

BORN = sorted(p for p in REAL.glob("0[1-5]_*.pdf") if "brokentext" not in p.name)
# OCR costs seconds a page: the test suite reads two scans; `make run` reads them all.
SCANS = [REAL / "07_bgddt_qd2750_scan.pdf", REAL / "14_bgddt_qd2605_scan.pdf"]


@pytest.mark.parametrize("pdf", BORN, ids=lambda p: p.stem[:8])
def test_born_digital_notice_reads_from_its_text_layer(pdf):
    doc = read_cached(str(pdf))
    assert doc.format == "pdf" and doc.pages
    texts = [ln.text for ln in doc.lines]
    assert any(t.startswith("Số:") for t in texts)
    assert any(regex.search(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM", t) for t in texts)
    assert any(ln.block.startswith("header") for ln in doc.lines)


def test_words_of_tight_lines_are_kept_apart():
    # pdfplumber's default tolerance printed 'Căn cứThôngtưsố32/2018/TT-BGDĐTngày26'
    doc = read_cached(str(REAL / "01_thptuvk_tb25_tohop_mon_lop10.pdf"))
    assert "Căn cứ Thông tư số 32/2018/TT-BGDĐT ngày 26 tháng 12 năm 2018" in doc.text


def test_damaged_text_layer_is_read_by_ocr():
    doc = read_cached(str(REAL / "04_thptuvk_tb137_tuutruong_brokentext.pdf"))
    assert doc.pages[0].ocr
    assert any("read by OCR instead" in w for w in doc.warnings)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.text  # the layer says 'CỘNG HÒ ... VIỆT NM'
    assert "An Giang" in doc.text


@pytest.mark.parametrize("pdf", SCANS, ids=lambda p: p.stem[:8])
def test_scanned_decision_is_read_by_ocr(pdf):
    doc = read_cached(str(pdf))
    assert doc.ocr and all(p.ocr for p in doc.pages)
    number = pdf.stem.split("_qd")[1].split("_")[0]
    assert number in doc.text
    assert "BỘ GIÁO DỤC VÀ ĐÀO TẠO" in doc.text
    assert regex.search(r"QUY.T ĐỊNH", doc.text)  # Tesseract often reads Ế as É
