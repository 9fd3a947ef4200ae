"""pdfium as the text engine (issue 17): the words of pdfplumber where it reads a page, and
pdfplumber's where it may not give them."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from pipeline import rules as rules_module
from pipeline.ingest import pdf, pdftext, read_document
from tests.test_pdf import BODY, _pdf

# real dispatches whose every page pdfium reads or leaves to pdfplumber (a white digit:
# n04 page 2); a page of each signed set and Quảng Nam's stamped numbers
REAL = ["samples/inbox/signed/22_sgddt-hcm_cv4728_phongchong_matuy.pdf",
        "samples/inbox/unseen4/n04_cv-2532-ubnd-quangnam-khaibao-yte-2021.pdf",
        "samples/inbox/unseen4/n07_tb-1709-sgddt-quangnam-khaosat-gv-chuyen-2021.pdf"]


@pytest.fixture(scope="module")
def pdfium_rules(rules):
    return replace(rules, ingest=replace(rules.ingest, text_engine="pdfium"))


@pytest.mark.parametrize("path", REAL)
def test_pdfium_pages_give_pdfplumbers_lines(path, rules):
    """Page by page, the lines of pdfium's words are those of pdfplumber's, tone marks and all;
    a page pdftext leaves to pdfplumber says why."""
    data = Path(path).read_bytes()
    document = pdfium.PdfDocument(data)
    try:
        with pdfplumber.open(path) as opened:
            for index, plumber_page in enumerate(opened.pages):
                page = pdf._Page(opened, index, document)
                words = page.words()
                expected, verdict = pdf._text_layer(plumber_page, index + 1, rules)
                got, got_verdict = pdf._judge(words, page.width, index + 1, rules)
                assert [(ln.text, ln.block) for ln in got] == [(ln.text, ln.block) for ln in expected]
                assert got_verdict == verdict
    finally:
        document.close()


def test_white_glyphs_leave_the_page_to_pdfplumber(rules):
    """Digits typed in white under a stamped number (QĐ 70/2024 Hà Nội): pdfplumber's filter
    drops them by colour, so the page is pdfplumber's."""
    data = _pdf([BODY], white=((300, 500, "0 7"),))
    document = pdfium.PdfDocument(data)
    try:
        textpage = document[0].get_textpage()
        assert pdftext.page_chars(textpage, 842.0) == "text filled white"
    finally:
        document.close()


def test_fake_bold_reads_as_pdfplumber_deduplicated_it(rules):
    """Word's fake bold prints each glyph again 0.3 pt right; pdfium keeps one of each, as
    pdfplumber's dedupe does."""
    data = _pdf([BODY], doubled=True)
    document = pdfium.PdfDocument(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as opened:
            page = pdf._Page(opened, 0, document)
            got, _ = pdf._judge(page.words(), page.width, 1, rules)
            expected, _ = pdf._text_layer(opened.pages[0], 1, rules)
        assert page.reason is None
        assert [ln.text for ln in got] == [ln.text for ln in expected]
        assert "Dòng nội dung thứ một" in got[0].text
    finally:
        document.close()


def test_a_gap_between_letter_and_word_spacing_leaves_the_page_to_pdfplumber():
    """pdfium drops a space that overlaps the glyph before it ('- Cục', CV 1247/BGDĐT): two
    glyphs farther apart than letters of a word (7 % of the font size) and closer than a word
    gap (1.5 pt) may have had one between them."""
    def char(text, x0, x1):
        return {"text": text, "x0": x0, "x1": x1, "top": 10.0, "bottom": 22.0, "_y": 22.0}

    assert pdftext._dropped_space([char("-", 85.1, 88.78), char("C", 90.02, 97.39)])
    assert pdftext._dropped_space([char("C", 90.02, 97.39), char("ụ", 97.34, 102.86)]) is None
    assert pdftext._dropped_space([char("u", 115.0, 121.0), char("y", 121.51, 127.5)]) is None  # tracking
    assert pdftext._dropped_space([char("c", 102.86, 107.77), char("A", 110.53, 118.5)]) is None


def test_the_pdfium_engine_reads_a_document_as_pdfplumber_does(rules, pdfium_rules):
    path = REAL[0]
    plumber_rules = replace(rules, ingest=replace(rules.ingest, text_engine="pdfplumber"))
    assert read_document(path, pdfium_rules).text == read_document(path, plumber_rules).text


def test_pdfium_is_the_default_engine(rules):
    """rules/ingest.json says why: the same make eval, pdfplumber's lines on all but 3 of the
    sample pages, and those 3 the lines as printed."""
    assert rules.ingest.text_engine == "pdfium"


def _char(text, x0, x1, y=22.0, gap=False):
    char = {"text": text, "x0": x0, "x1": x1, "top": y - 12.0, "bottom": y, "_y": y}
    if gap:
        char["_gap"] = True
    return char


@pytest.mark.parametrize("chars, left", [
    # NQ 11/2025 Hà Nội: '26.3 ' ends a line of the stream, another line comes next in the
    # stream, and 'nguyên' goes on 1.3 pt after the '3' where pdfium dropped the space
    ([_char("3", 87.86, 93.86, gap=True), _char("T", 95.18, 102.52, y=34.0), _char("n", 95.18, 101.18)], True),
    # the same line going on after a word gap: pdfplumber splits it too
    ([_char("3", 87.86, 93.86, gap=True), _char("T", 95.18, 102.52, y=34.0), _char("n", 96.86, 102.86)], False),
    # a line that ends where the next line of the stream begins: nothing of it comes later
    ([_char("3", 87.86, 93.86, gap=True), _char("T", 72.0, 79.0, y=34.0)], False),
    # letters of one word split over two text objects, no gap pdfium saw
    ([_char("n", 95.18, 101.18), _char("g", 101.18, 107.18)], False),
])
def test_a_line_of_the_stream_going_on_after_a_dropped_space_leaves_the_page_to_pdfplumber(chars, left):
    assert (pdftext._dropped_space(chars) is not None) is left


def test_the_engine_is_checked_at_load(tmp_path):
    (tmp_path / "ingest.json").write_text(json.dumps({"text_layer": {"engine": "pdfminer"}}), encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="text_layer.engine: 'pdfminer' is not one of"):
        rules_module.load(tmp_path)


def test_images_inside_a_form_are_placed_on_the_page():
    """The seal, signature and name of TB 222/TB-THPTUVK are one image drawn inside a form
    XObject: pdfium gives its bounds in the form's space, the page's are wanted (the signer's
    zone is read by OCR only where an image lies in it)."""
    path = "samples/inbox/real/02_thptuvk_tb222_niemyet_sgk10.pdf"
    document = pdfium.PdfDocument(path)
    try:
        with pdfplumber.open(path) as opened:
            page = opened.pages[0]
            expected = [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in page.images]
            got = pdftext.image_boxes(document[0], float(page.height))
        assert len(got) == len(expected) == 1
        assert all(abs(a - b) < 0.5 for a, b in zip(got[0], expected[0]))
    finally:
        document.close()


# ruled tables of two real plans: KH 4644/KH-SGDĐT's board lists and KH 155/KH-UBND's Phụ lục
RULED = [("samples/inbox/signed/21_sgddt-hcm_kh4644_cuocthi_vovinam.pdf", 1),
         ("samples/inbox/unseen9/t05_kh-155-ubnd-phongchau-dulieudatdai-2026.pdf", 11)]


def _axis_edges(edges) -> list[tuple]:
    return sorted((e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1), round(e["bottom"], 1))
                  for e in edges if e["orientation"])


@pytest.mark.parametrize(("path", "index"), RULED)
def test_drawn_lines_are_pdfplumbers_edges(path, index):
    """The table finder's lines from pdfium are pdfplumber's, side by side (rectangles' four
    sides, rules' one), to a tenth of a point."""
    document = pdfium.PdfDocument(path)
    try:
        with pdfplumber.open(path) as opened:
            page = document[index]
            got = _axis_edges(pdftext.edges(page, page.get_height()))
            expected = _axis_edges(opened.pages[index].edges)
        assert len(got) > 50
        assert got == expected
    finally:
        document.close()


@pytest.mark.parametrize(("path", "index"), RULED)
def test_ruled_tables_from_pdfium_are_pdfplumbers_grid(path, index):
    """The tables found among pdfium's lines and characters have pdfplumber's cells; their
    text keeps the printed spaces pdfplumber's own 3 pt tolerance glued ('Nộidung')."""
    document = pdfium.PdfDocument(path)
    try:
        with pdfplumber.open(path) as opened:
            page = pdf._Page(opened, index, document)
            page.words()
            got = page.find_tables()
            expected = opened.pages[index].find_tables()
            assert len(got) == len(expected) >= 1
            for mine, theirs in zip(got, expected):
                assert len(mine.cells) == len(theirs.cells)
                for cell, other in zip(mine.cells, theirs.cells):
                    assert cell == pytest.approx(other, abs=0.1)
            cells = [cell for t in got for row in t.extract() for cell in row if cell]
            assert not any(word in cell for cell in cells for word in ("Nộidung", "Chủtrì", "Phốihợp"))
    finally:
        document.close()


def test_printed_gaps_become_spaces_for_the_cells():
    chars = [{"text": "i", "x0": 107.76, "x1": 111.09, "_y": 700.0, "_gap": True},
             {"text": "d", "x0": 114.09, "x1": 120.76, "_y": 700.0},
             {"text": "x", "x0": 90.0, "x1": 95.0, "_y": 680.0}]
    chars[1]["_gap"] = True  # the line ends: no space runs to the next line's glyph
    spaced = pdftext.with_spaces(chars)
    assert [c["text"] for c in spaced] == ["i", " ", "d", "x"]
    assert (spaced[1]["x0"], spaced[1]["x1"]) == (111.09, 114.09)

