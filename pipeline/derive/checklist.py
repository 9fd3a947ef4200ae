"""The task checklist of a child plan: one row per task and occurrence, as Excel, CSV and
iCalendar; and the batch summary workbook of every unit's rows.

A recurring task gives one dated row per occurrence over the plan's period (a monthly
report across a school year is nine or ten rows). Document text is data: a cell that
would start with '=', '+', '-', '@', a tab or a carriage return is neutralised (a leading
apostrophe in CSV; a text cell with Excel's quote prefix in the workbook), so no text of
a dispatch ever runs as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from ..rules import Rules
from . import ChildPlan
from .schedule import RECURRENCE_WORDS

COLUMNS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Định kỳ",
           "Sản phẩm / số lượng", "Căn cứ", "Trạng thái")
WIDTHS = (6, 70, 28, 24, 13, 14, 22, 24, 16)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    number: int
    task: str
    owner: str
    cooperating: str
    due: dt.date | None
    deadline_text: str  # the phrase, for a task without a calendar date ('trong vòng 24 giờ')
    recurrence: str
    product: str
    source: str
    status: str


def rows(plan: ChildPlan, rules: Rules) -> list[Row]:
    """The checklist rows of a plan: duties first, then assignments, each occurrence dated."""
    status = rules.derive.statuses[0]
    out: list[Row] = []
    for task in plan.tasks:
        dates = [dt.date.fromisoformat(d) for d in task.due] or [None]
        for due in dates:
            out.append(Row(
                number=len(out) + 1, task=task.action, owner=task.owner, cooperating=", ".join(task.cooperating),
                due=due, deadline_text=task.deadline.text if task.deadline and due is None else "",
                recurrence=RECURRENCE_WORDS.get(task.recurrence or "", ""),
                product=task.quantity.text if task.quantity else "", source=task.source, status=status))
    return out


def neutral(text: str) -> str:
    """Text that a spreadsheet shows as written and never evaluates (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cells(row: Row) -> list[object]:
    due: object = row.due if row.due else row.deadline_text
    return [row.number, row.task, row.owner, row.cooperating, due, row.recurrence, row.product, row.source,
            row.status]


def checklist_csv(table: list[Row]) -> bytes:
    """CSV in UTF-8 with a BOM, so that Excel opens the Vietnamese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in table:
        cells = _cells(row)
        writer.writerow([c.strftime("%d/%m/%Y") if isinstance(c, dt.date) else
                         neutral(c) if isinstance(c, str) else c for c in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def checklist_xlsx(table: list[Row], title: str, rules: Rules, with_unit: bool = False) -> bytes:
    """The workbook: frozen header, filters, widths, a drop-down status, A4 landscape print."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    columns = list(COLUMNS)
    widths = list(WIDTHS)
    if with_unit:
        columns.insert(1, "Đơn vị nhận")
        widths.insert(1, 26)
        columns.insert(2, "Văn bản giao")
        widths.insert(2, 20)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in table:
        values = _cells(row)
        if with_unit and isinstance(row, SummaryRow):
            values[1:1] = [row.unit, row.document]
        sheet.append([None] * len(values))
        for column, value in enumerate(values, start=1):
            _put(sheet.cell(row=sheet.max_row, column=column), value)
    due_column = get_column_letter(columns.index("Thời hạn") + 1)
    for cell in sheet[due_column][1:]:
        if isinstance(cell.value, dt.date):
            cell.number_format = "DD/MM/YYYY"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = get_column_letter(len(columns))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    statuses = ",".join(rules.derive.statuses)
    status_column = get_column_letter(len(columns))
    validation = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True)
    sheet.add_data_validation(validation)
    if sheet.max_row > 1:
        validation.add(f"{status_column}2:{status_column}{sheet.max_row}")
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = title.replace("&", "&&")[:250]  # '&' starts a header code
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _put(cell, value: object) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True


def checklist_ics(plan: ChildPlan, unit_name: str) -> bytes:
    """An iCalendar file: one all-day event per dated task, recurring occurrences as RDATEs
    (each moved to its own working day, so no rule would give them)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//vanban//checklist//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{unit_name}: {plan.parent.number or 'kế hoạch'}")
    for index, task in enumerate(plan.tasks):
        if not task.due:
            continue
        days = [dt.date.fromisoformat(d) for d in task.due]
        event = Event()
        seed = f"{plan.parent.source.sha256}|{plan.unit.class_id}|{unit_name}|{index}"
        event.add("uid", hashlib.sha1(seed.encode("utf-8")).hexdigest() + "@vanban")
        event.add("summary", f"{task.owner}: {task.action[:120]}")
        event.add("description", f"{task.action}\nThời hạn: {task.deadline.text if task.deadline else ''}\n"
                                 f"Căn cứ: {task.source}")
        event.add("dtstart", days[0])
        event.add("dtend", days[0] + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.combine(days[0], dt.time(), tzinfo=dt.timezone.utc))
        if len(days) > 1:
            event.add("rdate", days[1:])
        calendar.add_component(event)
    return calendar.to_ical()


@dataclass(frozen=True)
class SummaryRow(Row):
    unit: str = ""
    document: str = ""


def summary_rows(plans: list[ChildPlan], rules: Rules) -> list[SummaryRow]:
    """Every row of every plan, sorted by deadline (undated last), numbered anew."""
    out = []
    for plan in plans:
        for row in rows(plan, rules):
            out.append(SummaryRow(**row.__dict__, unit=plan.unit.name, document=plan.parent.number or ""))
    out.sort(key=lambda r: (r.due is None, r.due or dt.date.max, r.unit))
    return [SummaryRow(**{**r.__dict__, "number": i}) for i, r in enumerate(out, start=1)]
