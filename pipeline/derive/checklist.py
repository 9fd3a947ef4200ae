"""The task checklist of a child plan: one row per task and occurrence, as Excel, CSV and
iCalendar; and the batch summary workbook of every unit's rows.

A recurring task gives one dated row per occurrence over the plan's period (a monthly
report across a school year is nine or ten rows). Document text is data: a cell that
would start with '=', '+', '-', '@', a tab or a carriage return is neutralised (a leading
apostrophe in CSV; a text cell with Excel's quote prefix in the workbook), so no text of
a dispatch ever runs as a formula.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from ..rules import Rules
from ..sheets import Table, csv_bytes, workbook
from . import ChildPlan, ChildTask
from .schedule import RECURRENCE_WORDS

COLUMNS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Định kỳ",
           "Sản phẩm / số lượng", "Căn cứ", "Trạng thái", "Ghi chú")
WIDTHS = (6, 70, 28, 24, 13, 14, 22, 24, 16, 30)


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
    note: str = ""  # the plan's warning about this task (a parent deadline already over)


# the status of a task of a plan as the ledger has it, and a note ('Đã hoàn thành: 2/5 đơn vị')
StatusOf = Callable[[ChildPlan, ChildTask], tuple[str, str]]


def rows(plan: ChildPlan, rules: Rules, status_of: StatusOf | None = None) -> list[Row]:
    """The checklist rows of a plan: duties first, then assignments, each occurrence dated;
    the status of each from the ledger when `status_of` is given, else the first status."""
    out: list[Row] = []
    for task in plan.tasks:
        status, said = status_of(plan, task) if status_of else (rules.derive.statuses[0], "")
        note = "; ".join(n for n in (task.note, said) if n)
        dates = [dt.date.fromisoformat(d) for d in task.due] or [None]
        for due in dates:
            out.append(Row(
                number=len(out) + 1, task=task.action, owner=task.owner, cooperating=", ".join(task.cooperating),
                due=due, deadline_text=task.deadline.text if task.deadline and due is None else "",
                recurrence=RECURRENCE_WORDS.get(task.recurrence or "", ""),
                product=task.quantity.text if task.quantity else "", source=task.source, status=status,
                note=note))
    return out


def _cells(row: Row) -> list[object]:
    due: object = row.due if row.due else row.deadline_text
    return [row.number, row.task, row.owner, row.cooperating, due, row.recurrence, row.product, row.source,
            row.status, row.note]


def checklist_table(table: list[Row], title: str, rules: Rules) -> Table:
    """The rows as a Table; summary rows also say which unit and which document."""
    columns, widths = list(COLUMNS), list(WIDTHS)
    summary = any(isinstance(row, SummaryRow) for row in table)
    if summary:
        columns[1:1], widths[1:1] = ["Đơn vị nhận", "Văn bản giao"], [26, 20]
    values = []
    for row in table:
        cells = _cells(row)
        if summary:
            cells[1:1] = [row.unit, row.document]
        values.append(cells)
    return Table(title, tuple(columns), tuple(widths), values, ("Trạng thái", rules.derive.statuses))


def checklist_csv(table: list[Row], rules: Rules) -> bytes:
    """CSV in UTF-8 with a BOM, so that Excel opens the Vietnamese text correctly."""
    return csv_bytes(checklist_table(table, "Nhiệm vụ", rules))


def checklist_xlsx(table: list[Row], title: str, rules: Rules) -> bytes:
    """The workbook: frozen header, filters, widths, a drop-down status, A4 landscape print."""
    return workbook([checklist_table(table, title, rules)])


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
                                 f"Căn cứ: {task.source}" + (f"\nLưu ý: {task.note}" if task.note else ""))
        event.add("dtstart", days[0])
        event.add("dtend", days[0] + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.combine(days[0], dt.time(), tzinfo=dt.UTC))
        if len(days) > 1:
            event.add("rdate", days[1:])
        calendar.add_component(event)
    return calendar.to_ical()


@dataclass(frozen=True)
class SummaryRow(Row):
    unit: str = ""
    document: str = ""


def summary_rows(plans: list[ChildPlan], rules: Rules, status_of: StatusOf | None = None) -> list[SummaryRow]:
    """Every row of every plan, sorted by deadline (undated last), numbered anew."""
    out = []
    for plan in plans:
        for row in rows(plan, rules, status_of):
            out.append(SummaryRow(**row.__dict__, unit=plan.unit.name, document=plan.parent.number or ""))
    out.sort(key=lambda r: (r.due is None, r.due or dt.date.max, r.unit))
    return [SummaryRow(**{**r.__dict__, "number": i}) for i, r in enumerate(out, start=1)]
