"""Ruled tables of a scanned page read cell by cell.

Tesseract reads a page line by line, so a table whose cells wrap over several lines comes out
with the lines of its cells interleaved and each printed line a row of its own: the landscape
appendix of KH 1254/KH-BGDĐT (TT | Nhiệm vụ | Thời gian | Sản phẩm | Đơn vị chủ trì | Đơn vị
phối hợp) gave 'Xây dựng tài liệu, tổ chức tập huấn, hội thảo, hội | huấn,' and 'nghị, tọa đàm
để đào tạo ... | Vụ GDTC và các' where the page has one row of six cells, and no task came
from its 29 rows. An assignment table is drawn with rules, and the rules are in the image:
long dark runs across the page (the rows' borders) and down it (the columns'). The words whose
middles fall between two row borders and two column borders are one cell; each row becomes one
line of cells parted by ' | ', as a born-digital table's (pdftables.py) and a DOCX table's are,
so the same reading of columns serves all three. A row whose cell spans the others (a group's
heading, 'Giai đoạn 2025-2030') keeps only its text.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# a pixel darker than this (of 255) is ink: a scan prints a thin rule grey where it prints
# letters black (the top border of the appendix of KH 1254/KH-BGDĐT reads 110-180)
INK = 200
# a horizontal rule runs at least this share of the page's width: a table's row border crosses
# the table, and tables of plans span most of the page; a heading's underline is shorter
RULE_ACROSS = 0.25
# a column border inks this share of its row's height at least (a scan breaks rules here and
# there); the tallest stroke of a letter is under a line's height, and a row is taller
RULE_COVER = 0.85
# a row of a table is at least this tall (points): a line of 11 pt text and its margins; two rules
# closer than this are a double border, not a row
BAND_PT = 12.0
# how far (points) a rule printed straight wanders up or down along the page once scanned
RULE_SAG_PT = 1.0
# gaps a scan leaves in a printed rule (points) are closed before runs are measured
RULE_GAP_PT = 1.5
# a rule is painted out this far (points) each side of its middle: its thickness and a scan's
# blur, short of a cell's margin (the letters keep 3 pt or more from the rules)
ERASE_PT = 2.0
# rules closer than this (points) are one rule printed thick or doubled
SAME_RULE_PT = 4.0


@dataclass(frozen=True)
class Band:
    """One row of a ruled table, in points: its borders above and below, and the x of the
    rules that part its cells, its left border first and its right border last."""

    top: float
    bottom: float
    edges: tuple[float, ...]


@dataclass(frozen=True)
class Grid:
    """A ruled table: the x of each of its column rules, and its rows."""

    columns: tuple[float, ...]
    bands: tuple[Band, ...]


def find_grids(gray, dpi: float) -> list[Grid]:
    """The ruled tables of a page image (a greyscale PIL image read at `dpi`, its skew undone):
    two rows and three columns at least, as pdftables asks of a born-digital page."""
    ink = np.asarray(gray) < INK
    scale = 72.0 / dpi
    gap = max(1, round(RULE_GAP_PT / scale))
    # a rule bowed by the scanner's glass wanders a few pixels up and down across the page (the
    # table's top border of QĐ 146/QĐ-TTg sags 6 px at its middle): measured on rows thickened by
    # that much, it runs whole along one of them
    rows = _grown(ink, max(1, round(RULE_SAG_PT / scale)), axis=0)
    rules = _merge(_runs(_closed(rows, gap), max(1, round(RULE_ACROSS * ink.shape[1]))),
                   max(1, round(SAME_RULE_PT / scale)))
    grids: list[Grid] = []
    bands: list[Band] = []
    for (y0, a0, a1), (y1, b0, b1) in zip(rules, rules[1:]):
        edges = _edges(ink, y0, y1, min(a0, b0), max(a1, b1), gap) if y1 - y0 >= BAND_PT / scale else []
        if len(edges) >= 2:
            bands.append(Band(y0 * scale, y1 * scale, tuple(x * scale for x in edges)))
            continue
        grids.extend(_grid(bands))
        bands = []
    grids.extend(_grid(bands))
    return grids


def _grid(bands: list[Band]) -> list[Grid]:
    """The table of consecutive ruled rows: its column rules are those that part the cells of
    two rows at least (a tall letter in a short row, the 'I' of 'I | Giai đoạn 2021-2025',
    can ink its row's height once); its outer borders bound every row, however faint in one."""
    if len(bands) < 2:
        return []
    found = _clusters(sorted(x for band in bands for x in band.edges), SAME_RULE_PT)
    columns = tuple(sum(xs) / len(xs) for xs in found if len(xs) >= 2)
    if len(columns) < 4:
        return []
    rows = []
    for band in bands:
        edges = {c for c in columns if any(abs(c - x) <= SAME_RULE_PT for x in band.edges)}
        rows.append(Band(band.top, band.bottom, tuple(sorted(edges | {columns[0], columns[-1]}))))
    return [Grid(columns, tuple(rows))]


def erased(gray, grids: list[Grid], dpi: float):
    """A copy of `gray` with the rules of its tables painted white: Tesseract reads a ruled
    table poorly, taking rules for letters and narrow columns for pictures (the owner column of
    KH 1254/KH-BGDĐT, 'Vụ GDMN', gave no word at all), and well once they are gone; it reads
    the page faster too, with less to lay out."""
    from PIL import ImageDraw

    out = gray.copy()
    draw = ImageDraw.Draw(out)
    k, half = dpi / 72.0, ERASE_PT * dpi / 72.0
    for grid in grids:
        left, right = grid.columns[0] * k, grid.columns[-1] * k
        for band in grid.bands:
            for y in (band.top * k, band.bottom * k):
                draw.rectangle((left - half, y - half, right + half, y + half), fill=255)
            for x in band.edges:
                draw.rectangle((x * k - half, band.top * k - half, x * k + half, band.bottom * k + half), fill=255)
    return out


def split_words(words: list, grids: list[Grid]) -> tuple[list, list[list[list]]]:
    """The words outside every table, and for each table its words by row: a word belongs where
    its middle falls."""
    outside: list = []
    inside: list[list[list]] = [[[] for _ in grid.bands] for grid in grids]
    for word in words:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        at = next(((g, r) for g, grid in enumerate(grids) if grid.columns[0] < x < grid.columns[-1]
                   for r, band in enumerate(grid.bands) if band.top < y < band.bottom), None)
        if at is None:
            outside.append(word)
        else:
            inside[at[0]][at[1]].append(word)
    return outside, inside


def row_cells(band: Band, columns: tuple[float, ...], words: list,
              text: Callable[[list], str]) -> list[str | None]:
    """A row's cells column by column, as pdfplumber gives a born-digital table's: a cell that
    spans several columns (no rule parts them in this row) has its text in the first and None in
    the others. `text` lays a cell's words out as lines joined."""
    cells: list[str | None] = []
    for left in columns[:-1]:
        if left in band.edges:
            start = band.edges.index(left)
            end = band.edges[start + 1]
            cells.append(text([w for w in words if left < (w.x0 + w.x1) / 2 < end]))
        else:
            cells.append(None)
    return cells


def _edges(ink: np.ndarray, y0: float, y1: float, x0: int, x1: int, gap: int) -> list[float]:
    """The x of the vertical rules that cross a band from its top border to its bottom border,
    left to right: columns of pixels inked over nearly all the band (a letter's stroke is
    shorter than the band, whose height is a line of text and its margins at least)."""
    inside = ink[int(y0) + 2 * gap:int(y1) - 2 * gap + 1, max(0, x0 - 2 * gap):x1 + 2 * gap + 1]
    if inside.shape[0] == 0:
        return []
    cover = inside.mean(axis=0)
    # a rule a pixel or two off the vertical: the best of the neighbouring columns
    near = np.max([np.roll(cover, step) for step in range(-gap, gap + 1)], axis=0)
    edges = _clusters([int(c) for c in np.nonzero(near >= RULE_COVER)[0]], 2 * gap + 1)
    return [max(0, x0 - 2 * gap) + (run[0] + run[-1]) / 2 for run in edges]


def _clusters(values: list, near: float) -> list[list]:
    """Sorted `values` in runs, each value within `near` of the one before it."""
    runs: list[list] = []
    for value in values:
        if runs and value - runs[-1][-1] <= near:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _grown(ink: np.ndarray, steps: int, axis: int) -> np.ndarray:
    """`ink` spread `steps` pixels each way along `axis` (a dilation)."""
    grown = ink.copy()
    for step in range(1, steps + 1):
        grown |= np.roll(ink, step, axis=axis) | np.roll(ink, -step, axis=axis)
    return grown


def _closed(ink: np.ndarray, gap: int) -> np.ndarray:
    """`ink` with gaps of up to `gap` pixels along its rows filled (a dilation then an erosion)."""
    grown = _grown(ink, gap, axis=1)
    shrunk = grown.copy()
    for step in range(1, gap + 1):
        shrunk &= np.roll(grown, step, axis=1) & np.roll(grown, -step, axis=1)
    return shrunk | ink


def _runs(ink: np.ndarray, least: int) -> list[tuple[int, int, int]]:
    """(row, first, last) of each run of ink along the rows of `ink` at least `least` long."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    change = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # row-major order pairs each start with its end
    long = (ends - starts) >= least
    return [(int(r), int(s), int(e) - 1) for r, s, e in zip(rows_s[long], starts[long], ends[long])]


def _merge(runs: list[tuple[int, int, int]], near: int) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows that overlap as one rule: (its middle, first, last). A run that
    touches two rules joins them (a rule broken in two on one row of pixels and whole on the next)."""
    rules: list[list[int]] = []  # [first row, last row, first, last]
    for row, first, last in sorted(runs):
        touched = [rule for rule in rules if row - rule[1] <= near and first <= rule[3] and last >= rule[2]]
        joined = [min([row, *(r[0] for r in touched)]), row,
                  min([first, *(r[2] for r in touched)]), max([last, *(r[3] for r in touched)])]
        rules = [rule for rule in rules if all(rule is not r for r in touched)] + [joined]
    return sorted(((r[0] + r[1]) / 2, r[2], r[3]) for r in rules)
