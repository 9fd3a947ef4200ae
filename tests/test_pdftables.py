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


def test_a_header_cut_into_pieces_is_read_column_by_column():
    """The Phụ lục of KH 289/KH-UBND Gia Lai (2026): the header's wrapped cells come out of the
    grid as three rows of pieces, the middle one spanned over most of its cells; joined column
    by column they are one header, and the rows below keep their places under it."""
    grid = [["", "", None, None, None, "", "Cơ quan", "Kết quả, sản", "Thời gian thực"],
            ["TT", "Nhiệm vụ", None, None, None, "Cơ quan chủ trì", None, None, None],
            [None, None, None, None, None, None, "phối hợp", "phẩm", "hiện"],
            ["1", "Tổ chức truyền thông", None, None, None, "Sở Văn hoá,\nThể thao và Du lịch", "Sở Công\nThương",
             "Các sản phẩm", "Hằng năm"]]
    lines = ruled_rows(_page(_table(grid)), _laid_out(["TT Nhiệm vụ Cơ quan", "chủ trì", "1 Tổ chức"]), 3)
    assert [line.text for line in lines] == [
        "TT | Nhiệm vụ |  |  |  | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả, sản phẩm | Thời gian thực hiện",
        "1 | Tổ chức truyền thông |  |  |  | Sở Văn hoá, Thể thao và Du lịch | Sở Công Thương | Các sản phẩm "
        "| Hằng năm"]


def test_a_title_row_over_the_header_is_not_joined_to_it():
    """A row that fills one cell (a title over the table) is no piece of the header."""
    grid = [["PHỤ LỤC PHÂN CÔNG NHIỆM VỤ", None, None], ["TT", "Nội dung", "Đơn vị chủ trì"],
            ["1", "Rà soát hồ sơ", "Phòng Kinh tế"]]
    lines = ruled_rows(_page(_table(grid)), _laid_out(["PHỤ LỤC", "TT Nội dung", "1 Rà soát"]), 3)
    assert [line.text for line in lines] == ["PHỤ LỤC PHÂN CÔNG NHIỆM VỤ", "TT | Nội dung | Đơn vị chủ trì",
                                             "1 | Rà soát hồ sơ | Phòng Kinh tế"]
