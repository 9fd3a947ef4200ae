"""Ruled tables of a scanned page read cell by cell (pipeline/ingest/scantables.py)."""

from __future__ import annotations

import pytest

from pipeline.ingest import ocr, scantables
from tests.variants import _font_files

# column rules of the drawn table (pixels at 300 dpi), and its rows: each cell's printed lines
COLUMNS = (100, 220, 1100, 1550, 1950)
ROWS = (
    (("TT",), ("Nội dung công việc",), ("Đơn vị chủ trì",), ("Thời gian",)),
    (("1",), ("Xây dựng kế hoạch chuyển đổi số", "của nhà trường năm học mới"), ("Tổ chuyên môn",), ("Tháng 10/2025",)),
    (("2",), ("Tổ chức kiểm tra nội bộ về", "hồ sơ sổ sách của giáo viên"), ("Phó Hiệu trưởng",), ("Tháng 3/2026",)),
)
SPANNING = "Giai đoạn hai"  # a group's heading: one cell across the row


def _table_page(gaps: bool = False):
    """A page of two paragraphs and a ruled table between them, drawn at 300 dpi; `gaps`: its
    rules broken every few pixels as a worn scanner prints them."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_files()[0], 36)
    image = Image.new("L", (2100, 1500), "white")
    draw = ImageDraw.Draw(image)
    draw.text((100, 60), "Phân công thực hiện các nội dung như sau:", font=font, fill="black")
    top, tops = 160, []
    for row in (*ROWS[:2], SPANNING, ROWS[2]):
        tops.append(top)
        if isinstance(row, str):  # the heading's one cell, from the second column on
            draw.text((COLUMNS[1] + 20, top + 20), row, font=font, fill="black")
            top += 90
            continue
        for left, cell in zip(COLUMNS, row):
            for k, line in enumerate(cell):
                draw.text((left + 20, top + 20 + 50 * k), line, font=font, fill="black")
        top += 40 + 50 * max(len(cell) for cell in row)
    tops.append(top)
    spanning = tops[2]
    for y in tops:
        draw.line((COLUMNS[0], y, COLUMNS[-1], y), fill="black", width=4)
    for i, x in enumerate(COLUMNS):
        inner = 0 < i < len(COLUMNS) - 1
        if inner and i > 1:  # the heading row's cell spans every column but the first
            draw.line((x, tops[0], x, spanning), fill="black", width=4)
            draw.line((x, tops[3], x, tops[-1]), fill="black", width=4)
        else:
            draw.line((x, tops[0], x, tops[-1]), fill="black", width=4)
    draw.text((100, top + 60), "Các đơn vị báo cáo kết quả về Phòng trước ngày 30/5/2026.", font=font, fill="black")
    if gaps:
        for x in range(0, image.width, 37):
            draw.line((x, 0, x, image.height), fill="white", width=2)
        for y in range(0, image.height, 41):
            draw.line((0, y, image.width, y), fill="white", width=2)
    return image


@pytest.fixture(scope="module")
def table_lines(rules):
    reading = ocr.read_page_image(_table_page(), 1, 300, rules)
    return reading, ocr.page_lines(reading, rules)[0]


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.split("|")]


def test_a_ruled_table_of_a_scan_is_read_a_row_a_line(table_lines):
    """A cell that wraps over two printed lines is one cell of its row, as a born-digital or a
    DOCX table gives it: the row keeps its owner and its time beside its whole work."""
    _, lines = table_lines
    rows = [_cells(line.text) for line in lines if line.block == "table"]
    assert rows[0] == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian"]
    assert rows[1] == ["1", "Xây dựng kế hoạch chuyển đổi số của nhà trường năm học mới", "Tổ chuyên môn",
                       "Tháng 10/2025"]
    assert rows[3] == ["2", "Tổ chức kiểm tra nội bộ về hồ sơ sổ sách của giáo viên", "Phó Hiệu trưởng", "Tháng 3/2026"]


def test_a_cell_across_a_row_is_its_text_alone(table_lines):
    """A group's heading spans the row ('Giai đoạn 2025-2030' in the appendix of KH
    1254/KH-BGDĐT): its row holds its text alone, so that it is not read as an assignment."""
    _, lines = table_lines
    assert [line.text for line in lines if line.block == "table"][2] == SPANNING


def test_the_text_around_a_table_keeps_its_place(table_lines):
    _, lines = table_lines
    texts = [line.text for line in lines]
    assert texts[0].startswith("Phân công thực hiện")
    assert texts[-1].startswith("Các đơn vị báo cáo kết quả")
    assert all(line.block == "table" for line in lines[1:-1])


def test_a_ruled_table_is_found_though_its_rules_are_broken(table_lines):
    grid = scantables.find_grids(_table_page(gaps=True), 300)
    found = table_lines[0].grids
    assert len(grid) == len(found) == 1
    assert len(grid[0].bands) == len(found[0].bands) == 4
    assert grid[0].columns == pytest.approx(found[0].columns, abs=2)
    assert grid[0].columns == pytest.approx([x * 72 / 300 for x in COLUMNS], abs=2)


def test_a_page_of_text_has_no_table():
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_files()[0], 36)
    page = Image.new("L", (2100, 900), "white")
    draw = ImageDraw.Draw(page)
    for i in range(10):
        draw.text((100, 60 + 70 * i), "Lịch kiểm tra | Tổ chuyên môn | Hiệu trưởng | lớp 1", font=font, fill="black")
    draw.line((100, 800, 1900, 800), fill="black", width=4)  # a long underline alone
    assert scantables.find_grids(page, 300) == []


def test_a_sideways_table_is_turned_and_its_skew_undone_before_its_rules_are_sought(rules):
    """The skew measured on a page lying on its side is measured across its lines, and is no
    skew: the page is turned, its skew measured again, and the rules of its table run straight."""
    page = _table_page().rotate(90.6, expand=True, fillcolor=255, resample=3)
    reading = ocr.read_page_image(page, 1, 300, rules)
    assert reading.turns and len(reading.grids) == 1 and len(reading.grids[0].bands) == 4


@pytest.mark.parametrize("bands, columns", [
    # a tall letter inks a short row once ('I | Giai đoạn 2021-2025'): not a column
    ([(0, 20, (10, 30, 60, 90, 120)), (20, 30, (10, 15, 30, 60, 90, 120)), (30, 50, (10, 30, 60, 90, 120))],
     (10, 30, 60, 90, 120)),
    # an outer border faint in one row still bounds it
    ([(0, 20, (10, 30, 60, 90, 120)), (20, 40, (30, 60, 90)), (40, 60, (10, 30, 60, 90, 120))],
     (10, 30, 60, 90, 120)),
])
def test_the_columns_of_a_table_are_rules_two_rows_share(bands, columns):
    grids = scantables._grid([scantables.Band(top, bottom, edges) for top, bottom, edges in bands])
    assert len(grids) == 1 and grids[0].columns == pytest.approx(columns)
    assert all(band.edges[0] == columns[0] and band.edges[-1] == columns[-1] for band in grids[0].bands)


def test_a_row_whose_cell_spans_columns_has_none_in_the_columns_it_covers():
    word = ocr.Word(40, 5, 50, 15, "Nhóm")
    band = scantables.Band(0, 20, (10, 30, 120))
    cells = scantables.row_cells(band, (10, 30, 60, 90, 120), [word], lambda words: " ".join(w.text for w in words))
    assert cells == ["", "Nhóm", None, None]
