"""Ruled tables of a PDF page read cell by cell.

A text layer is laid out line by line, so a table whose cells wrap over several lines comes
out with the lines of its cells interleaved ('Chỉ đạo, điều hành, kiểm tra, đôn | Theo phân
công của' / 'Phó Chủ tịch Phòng NN&MT và các cơ Tháng 7- Kết luận, văn', the Phụ lục of KH
155/KH-UBND Phong Châu): an assignment table then gives no row. Where the page draws the
table's rules, pdfplumber finds its grid, and each row becomes one line of cells parted by
' | ', a cell's lines joined, an empty cell kept in its place (the columns are read by
position, as a DOCX table's are). Finding the grid costs about a tenth of a second a page,
so it is looked for only on a page whose layout already shows table rows.
"""
from __future__ import annotations

from ..document import Line
from ..normalise import RECIPIENTS_HINT

# a page is searched for ruled tables when its layout has this many lines of a table
MIN_TABLE_LINES = 3


def ruled_rows(page, lines: list[Line], number: int) -> list[Line]:
    """`lines` with the lines inside each ruled table of the page (two rows and three columns
    at least) replaced by one line per row of the table. `page` finds its tables as
    pdfplumber's `Page.find_tables` does."""
    if sum(line.block == "table" for line in lines) < MIN_TABLE_LINES:
        return lines
    try:
        tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.rows[0].cells) >= 3]
    except Exception:  # a page whose drawing pdfplumber cannot follow keeps its lines as laid out
        return lines
    for table in tables:
        x0, top, x1, bottom = table.bbox
        inside = [i for i, line in enumerate(lines) if line.bbox and _within(line.bbox, top, bottom, x0, x1)]
        if not inside:
            continue
        grid = table.extract()
        rows = _closing_columns(table, grid, number) or [row_line(cells, number, table.bbox) for cells in grid]
        gone = set(inside)
        kept = [line for i, line in enumerate(lines) if i not in gone]
        at = inside[0]  # the first line inside: every line before it is kept
        lines = kept[:at] + [row for row in rows if row.text] + kept[at:]
    return lines


def _closing_columns(table, grid: list[list[str | None]], number: int) -> list[Line]:
    """The closing table drawn with rules (a Word re-typing that left the borders on, NQ
    33/2022/NQ-HĐND Cao Bằng): 'Nơi nhận:' with its list in one column, the signer's office and
    name in the ones to its right. Read as the official layout is, column by column, each line
    of a cell a line with its cell's box (a list that runs on to the next page goes on in the
    same columns there): the Nơi nhận list, then the signature. No such column: an empty list."""
    at = next(((r, c) for r, cells in enumerate(grid) for c, cell in enumerate(cells)
               if cell and RECIPIENTS_HINT.match(cell)), None)
    if at is None:
        return []
    column = at[1]
    left: list[Line] = []
    right: list[Line] = []
    for r in range(at[0], len(grid)):
        boxes = table.rows[r].cells if r < len(table.rows) else []
        for c, cell in enumerate(grid[r]):
            if c < column:
                continue
            box = tuple(boxes[c]) if c < len(boxes) and boxes[c] else tuple(table.bbox)
            sink, block = (left, "footer-left") if c == column else (right, "footer-right")
            sink.extend(Line(text, number, block, box) for text in _cell_lines(cell))
    return left + right


def _cell_lines(cell: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (cell or "").splitlines() if line.strip()]


def _within(box: tuple[float, float, float, float], top: float, bottom: float, x0: float, x1: float) -> bool:
    middle = (box[1] + box[3]) / 2
    return top <= middle <= bottom and box[0] >= x0 - 2 and box[2] <= x1 + 2


def row_line(cells: list[str | None], number: int, bbox) -> Line:
    """One row: a cell spread over the columns of others (a group's heading row, whose other
    cells are None) keeps only its text, so that the row is not read as an assignment."""
    texts = [" ".join(cell.split()) if cell else "" for cell in cells]
    if sum(cell is None for cell in cells) * 2 >= len(cells):
        texts = [t for t in texts if t]
    return Line(" | ".join(texts) if any(texts) else "", number, "table", tuple(bbox))
