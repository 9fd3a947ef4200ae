"""Tables people open in Excel: workbooks and CSV files written the same way everywhere.

A `Table` is a title, columns with widths, and rows of values (text, numbers, dates).
The workbook has a bold frozen header, filters, wrapped text, dates as date cells, an
optional drop-down column, and an A4 landscape print layout that repeats the header. The
CSV is UTF-8 with a BOM (so that Excel reads the Vietnamese). Text from documents never
becomes a formula in either (pipeline/export.py: neutral, put_cell).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from .export import neutral, put_cell, stable_zip


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name and the printed page header
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    rows: list[list[object]] = field(default_factory=list)
    choices: tuple[str, tuple[str, ...]] | None = None  # (column, allowed values): a drop-down
    hidden: tuple[str, ...] = ()  # columns kept for vanban to read back, not shown


def workbook(tables: list[Table]) -> bytes:
    """One sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title))
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for row_number, values in enumerate(table.rows, start=2):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row_number, column=column)
                put_cell(cell, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        for column, width in enumerate(table.widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
            if table.columns[column - 1] in table.hidden:
                sheet.column_dimensions[get_column_letter(column)].hidden = True
        last = get_column_letter(len(table.columns))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
        if table.choices:
            name, allowed = table.choices
            letter = get_column_letter(table.columns.index(name) + 1)
            validation = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
            sheet.add_data_validation(validation)
            if sheet.max_row > 1:
                validation.add(f"{letter}2:{letter}{sheet.max_row}")
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = "1:1"
        sheet.oddHeader.center.text = table.title.replace("&", "&&")[:250]  # '&' starts a header code
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


def csv_bytes(table: Table) -> bytes:
    """The table as CSV, UTF-8 with a BOM; dates as dd/mm/yyyy."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for values in table.rows:
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else
                         neutral(v) if isinstance(v, str) else "" if v is None else v for v in values])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"
