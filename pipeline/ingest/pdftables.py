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

import regex

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
        grid = _header_joined(table.extract())
        rows = _closing_columns(table, grid, number) or [row_line(cells, number, table.bbox) for cells in grid]
        gone = set(inside)
        kept = [line for i, line in enumerate(lines) if i not in gone]
        at = inside[0]  # the first line inside: every line before it is kept
        lines = kept[:at] + [row for row in rows if row.text] + kept[at:]
    return lines


# the first cell of a row of the table's body: a number or a letter ('1', 'I', 'a)', '1.2')
_ROW_LABEL = regex.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]?\s*$")
HEADER_PIECES = 4  # a header's cells wrap over at most this many rows of the grid


def _header_joined(grid: list[list[str | None]]) -> list[list[str | None]]:
    """The grid with its header in one row where pdfplumber cut it into pieces. A header cell
    that wraps, beside cells merged down over it, comes out as rows that each hold a piece of
    some cells, the others empty or spanned (None): 'Cơ quan' / 'phối hợp', 'Kết quả, sản' /
    'phẩm' and 'Thời gian thực' / 'hiện' over three rows, 'TT | Nhiệm vụ | Cơ quan chủ trì' in
    the middle one (the Phụ lục of KH 289/KH-UBND Gia Lai, 2026; a unit header over 'Chủ trì |
    Phối hợp' is drawn so too). Read alone, a row spanned over half its cells keeps only its
    texts and the columns are lost; read column by column, the pieces are the header. Joined
    only where such a row is among them, before the first row that begins with a row's label
    or is empty, each piece filling two cells at least."""
    pieces = 0
    for cells in grid[:HEADER_PIECES]:
        filled = [c for c in cells if c and c.strip()]
        if len(filled) < 2 or (cells[0] and _ROW_LABEL.match(cells[0])):
            break
        pieces += 1
    head = grid[:pieces]
    if pieces < 2 or not any(sum(c is None for c in cells) * 2 >= len(cells) for cells in head):
        return grid
    width = max(len(cells) for cells in head)
    joined: list[str | None] = []
    for at in range(width):
        texts = [" ".join(cells[at].split()) for cells in head if at < len(cells) and cells[at]]
        joined.append(" ".join(t for t in texts if t) if any(cells[at] is not None for cells in head
                                                                if at < len(cells)) else None)
    return [joined, *grid[pieces:]]


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
