"""Ruled tables of a PDF page: an assignment table row by row, the closing table column by column."""
from types import SimpleNamespace

from pipeline.document import Line
from pipeline.ingest.pdftables import ruled_rows


def _table(grid, bbox=(70.0, 400.0, 700.0, 760.0)):
    """A stand-in for pdfplumber's Table: its grid's text and each cell's box."""
    x0, top, x1, bottom = bbox
    width, height = (x1 - x0) / len(grid[0]), (bottom - top) / len(grid)
    rows = [SimpleNamespace(cells=[(x0 + c * width, top + r * height, x0 + (c + 1) * width, top + (r + 1) * height)
                                   for c in range(len(cells))]) for r, cells in enumerate(grid)]
    return SimpleNamespace(bbox=bbox, rows=rows, extract=lambda: grid)


def _page(table):
    return SimpleNamespace(find_tables=lambda: [table])


def _laid_out(texts, bbox=(80.0, 410.0, 690.0, 750.0)):
    return [Line(text, 3, "table", bbox) for text in texts]


def test_an_assignment_table_gives_one_line_per_row():
    grid = [["TT", "Nội dung", "Đơn vị chủ trì"], ["1", "Rà soát hồ sơ\nđất đai", "Phòng Kinh tế"]]
    lines = ruled_rows(_page(_table(grid)), _laid_out(["TT Nội dung", "1 Rà soát hồ sơ", "đất đai Phòng Kinh tế"]), 3)
    assert [(line.text, line.block) for line in lines] == [
        ("TT | Nội dung | Đơn vị chủ trì", "table"), ("1 | Rà soát hồ sơ đất đai | Phòng Kinh tế", "table")]


def test_a_ruled_closing_table_is_read_column_by_column():
    """A Word re-typing that left the closing table's borders on (NQ 33/2022/NQ-HĐND Cao Bằng):
    the Nơi nhận list in its column, then the signer's office and name, each cell's line a line
    with the cell's box, so that a list running on to the next page goes on in its column."""
    grid = [[None, "Nơi nhận:", None, "CHỦ TỊCH\nTriệu Đình Lê"], [None, "– Chính phủ;", None, None],
            [None, "– Huyện ủy, HĐND, UBND các huyện,\nthành phố;", None, None]]
    lines = ruled_rows(_page(_table(grid)), _laid_out(["Nơi nhận: CHỦ TỊCH", "– Chính phủ;", "– Huyện ủy"]), 3)
    assert [(line.text, line.block) for line in lines] == [
        ("Nơi nhận:", "footer-left"), ("– Chính phủ;", "footer-left"),
        ("– Huyện ủy, HĐND, UBND các huyện,", "footer-left"), ("thành phố;", "footer-left"),
        ("CHỦ TỊCH", "footer-right"), ("Triệu Đình Lê", "footer-right")]
    left, right = lines[0].bbox, lines[-1].bbox
    assert left[2] <= right[0]  # the columns' boxes part where the next page's lines are cut
