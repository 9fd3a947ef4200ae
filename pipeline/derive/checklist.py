"""The task checklist of a child plan: one row per task and occurrence, as Excel, CSV and
iCalendar (a recurring task as one event with an RRULE and its moved instances); and the
batch summary workbook of every unit's rows.

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
from typing import NamedTuple

from ..rules import Rules
from ..sheets import Table, csv_bytes, workbook
from . import ChildPlan, ChildTask
from .schedule import RECURRENCE_WORDS

COLUMNS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Định kỳ",
           "Sản phẩm / số lượng", "Căn cứ", "Trạng thái", "Ghi chú")
WIDTHS = (6, 70, 28, 24, 13, 14, 22, 24, 16, 30)
# hidden columns of the workbook, so that a checklist a unit fills in and sends back is
# known row by row (issue 16, ingest/returned.py): the task's id in the ledger, the ledger
# unit when the row is one unit's, and the status the row had when it was written (what
# the unit changed, and whether the ledger changed since, are told apart by it)
ID_COLUMNS = ("Mã nhiệm vụ", "Đơn vị theo dõi", "Trạng thái khi lập")


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
    task_id: str = ""  # the task's id in the ledger ('' without one)
    ledger_unit: str = ""  # the ledger's unit when the row is one unit's ('' for several)


class Standing(NamedTuple):
    """A task of a plan as the ledger has it: its status, a note ('Đã hoàn thành: 2/5 đơn
    vị'), its id, and its unit when the checklist row is one unit's."""

    status: str
    note: str = ""
    task_id: str = ""
    unit: str = ""


StatusOf = Callable[[ChildPlan, ChildTask], Standing]


def rows(plan: ChildPlan, rules: Rules, status_of: StatusOf | None = None) -> list[Row]:
    """The checklist rows of a plan: duties first, then assignments, each occurrence dated;
    the status of each from the ledger when `status_of` is given, else the first status."""
    out: list[Row] = []
    for task in plan.tasks:
        standing = status_of(plan, task) if status_of else Standing(rules.derive.statuses[0])
        status, said = standing.status, standing.note
        note = "; ".join(n for n in (task.note, said) if n)
        dates = [dt.date.fromisoformat(d) for d in task.due] or [None]
        for due in dates:
            out.append(Row(
                number=len(out) + 1, task=task.action, owner=task.owner, cooperating=", ".join(task.cooperating),
                due=due, deadline_text=task.deadline.text if task.deadline and due is None else "",
                recurrence=RECURRENCE_WORDS.get(task.recurrence or "", ""),
                product=task.quantity.text if task.quantity else "", source=task.source, status=status,
                note=note, task_id=standing.task_id, ledger_unit=standing.unit))
    return out


def _cells(row: Row) -> list[object]:
    due: object = row.due if row.due else row.deadline_text
    # a duty read after its owner begins in small letters ('báo cáo kết quả ...'); a checklist's
    # line begins with a capital, as the plan's does
    task = row.task[:1].upper() + row.task[1:]
    return [row.number, task, row.owner, row.cooperating, due, row.recurrence, row.product, row.source,
            row.status, row.note]


def checklist_table(table: list[Row], title: str, rules: Rules, ids: bool = False) -> Table:
    """The rows as a Table; summary rows also say which unit and which document; with
    `ids`, the hidden columns a returned checklist is read back by."""
    columns, widths = list(COLUMNS), list(WIDTHS)
    summary = any(isinstance(row, SummaryRow) for row in table)
    if summary:
        columns[1:1], widths[1:1] = ["Đơn vị nhận", "Văn bản giao"], [26, 20]
    values = []
    for row in table:
        cells = _cells(row)
        if summary:
            cells[1:1] = [row.unit, row.document]
        if ids:
            cells += [row.task_id, row.ledger_unit, row.status if row.task_id else ""]
        values.append(cells)
    if ids:
        columns, widths = columns + list(ID_COLUMNS), widths + [12] * len(ID_COLUMNS)
    return Table(title, tuple(columns), tuple(widths), values, ("Trạng thái", rules.derive.statuses),
                 hidden=ID_COLUMNS if ids else ())


def checklist_csv(table: list[Row], rules: Rules) -> bytes:
    """CSV in UTF-8 with a BOM, so that Excel opens the Vietnamese text correctly."""
    return csv_bytes(checklist_table(table, "Nhiệm vụ", rules))


def checklist_xlsx(table: list[Row], title: str, rules: Rules) -> bytes:
    """The workbook: frozen header, filters, widths, a drop-down status, A4 landscape print,
    and the hidden columns that let vanban read it back when a unit returns it filled in."""
    return workbook([checklist_table(table, title, rules, ids=True)])


def checklist_ics(plan: ChildPlan, unit_name: str, rules: Rules) -> bytes:
    """An iCalendar file: one all-day event per dated task, its summary starting with the
    action (then the owner), an alarm `calendar.alarm_working_days` working days before.

    A recurring task is one event with an RRULE up to the end of the plan's period: Outlook
    and the phone calendars people keep drop events given only by RDATE. The checklist
    moves each occurrence to a working day (a 20th that is a Sunday is due on Friday the
    18th), which no rule gives: such an occurrence is the rule's instance moved, a VEVENT
    with the same UID and the RECURRENCE-ID of the day the rule gives (RFC 5545 3.8.4.4),
    which every calendar shows in place of it."""
    from .schedule import WorkCalendar

    # written here, not by icalendar: its objects and line folding took 3 ms a plan, as much
    # as the plan's DOCX and workbook together (issue 17); tests read it back with icalendar
    work = WorkCalendar(rules.derive)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vanban//checklist//VI",
             # as icalendar wrote it: a calendar's name is shown as it is, not unescaped
             f"X-WR-CALNAME:{unit_name}: {plan.parent.number or 'kế hoạch'}"]
    period_end = dt.date.fromisoformat(plan.period[1]) if plan.period[1] else None
    for index, task in enumerate(plan.tasks):
        if not task.due:
            continue
        days = [dt.date.fromisoformat(d) for d in task.due]
        seed = f"{plan.parent.source.sha256}|{plan.unit.class_id}|{unit_name}|{index}"
        uid = hashlib.sha1(seed.encode("utf-8")).hexdigest() + "@vanban"
        summary = _summary(task)
        description = (f"{task.action}\nĐơn vị chủ trì: {task.owner}\n"
                       f"Thời hạn: {task.deadline.text if task.deadline else ''}\nCăn cứ: {task.source}"
                       + (f"\nLưu ý: {task.note}" if task.note else ""))
        stamp = days[0]

        def event(start: dt.date, moved_from: dt.date | None = None, extra: tuple[str, ...] = (),
                  text=(uid, summary, description, stamp)) -> list[str]:
            return _event(*text, start, moved_from, extra, _alarm(start, text[1], work, rules))

        recurring = recurrence_rule(task.recurrence, days, period_end)
        if recurring is None:
            # a recurrence no rule can say: its days as they are
            more = (f"RDATE;VALUE=DATE:{','.join(_ics_day(d) for d in days[1:])}",) if len(days) > 1 else ()
            lines += event(days[0], extra=more)
            continue
        rule, first, moved = recurring
        lines += event(first, extra=(f"RRULE:{_rrule_text(rule)}",))
        for nominal, actual in moved:
            lines += event(actual, moved_from=nominal)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) for line in lines).encode("utf-8")


def _event(uid: str, summary: str, description: str, stamp: dt.date, start: dt.date,
           moved_from: dt.date | None, extra: tuple[str, ...], alarm: list[str]) -> list[str]:
    """One all-day VEVENT with its alarm; `moved_from`: the rule's day it replaces."""
    lines = ["BEGIN:VEVENT", "SUMMARY:" + _ics_text(summary), f"DTSTART;VALUE=DATE:{_ics_day(start)}",
             f"DTEND;VALUE=DATE:{_ics_day(start + dt.timedelta(days=1))}", f"DTSTAMP:{_ics_day(stamp)}T000000Z",
             f"UID:{uid}"]
    if moved_from is not None:
        lines.append(f"RECURRENCE-ID;VALUE=DATE:{_ics_day(moved_from)}")
    lines += [*extra, "DESCRIPTION:" + _ics_text(description), *alarm, "END:VEVENT"]
    return lines


def _ics_day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _ics_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, ';', ',' and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character,
    with its CRLF."""
    if len(line) <= 18 or (len(line) <= 75 and line.isascii()):  # 75 octets at most: no need to count them
        return line + "\r\n"
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with a space
    return "\r\n ".join(parts) + "\r\n"


def _rrule_text(rule: dict[str, object]) -> str:
    """'FREQ=MONTHLY;INTERVAL=3;UNTIL=20250531;BYMONTHDAY=18' from recurrence_rule's parts."""
    values = []
    for key, value in rule.items():
        values.append(f"{key.upper()}={_ics_day(value) if isinstance(value, dt.date) else value}")
    return ";".join(values)


# the RRULE frequency and interval of each recurrence that the checklists expand
_RRULE = {"weekly": ("WEEKLY", 1), "monthly": ("MONTHLY", 1), "quarterly": ("MONTHLY", 3),
          "semiannual": ("MONTHLY", 6), "yearly": ("YEARLY", 1), "school-year": ("YEARLY", 1)}
_SUMMARY_CHARS = 110  # what a phone's agenda line shows, give or take


def recurrence_rule(recurrence: str | None, days: list[dt.date], period_end: dt.date | None
                    ) -> tuple[dict[str, object], dt.date, list[tuple[dt.date, dt.date]]] | None:
    """The RRULE of a recurring task's days (its parts for icalendar), the first day the
    rule gives, and the occurrences moved off the rule as (the rule's day, the day due).

    The rule's day of the month (of the week, of the year) is the one most occurrences fall
    on, as the checklist chose it; UNTIL is the end of the plan's period, or the last
    deadline when the lead time leaves the rule's next day inside the period. When the rule does
    not give as many days as the checklist has (a 31st in a short month), the rule counts
    from the first day instead, and every other day is an instance moved. None for a task
    that does not recur or recurs daily (a daily task is one row, and one event)."""
    from dateutil import rrule as du

    if recurrence not in _RRULE or not days:
        return None
    freq, interval = _RRULE[recurrence]
    until = max(period_end or days[-1], days[-1])
    first = days[0]
    parts: dict[str, object] = {"freq": freq}
    if interval > 1:
        parts["interval"] = interval
    by: dict[str, object] = {}
    if freq == "MONTHLY":
        day = _most_common([d.day for d in days])
        by = {"bymonthday": day}
        anchor = _replace_day(first, first.month, day)
    elif freq == "WEEKLY":
        weekday = _most_common([d.weekday() for d in days])
        by = {"byweekday": weekday}
        anchor = first + dt.timedelta(days=weekday - first.weekday())
    else:
        month, day = _most_common([(d.month, d.day) for d in days])
        by = {"bymonth": month, "bymonthday": day}
        anchor = _replace_day(first, month, day)
    nominal: list[dt.date] = []
    if anchor is not None and anchor <= until:
        nominal = [when.date() for when in du.rrule(
            getattr(du, freq), interval=interval, dtstart=dt.datetime.combine(anchor, dt.time()),
            until=dt.datetime.combine(until, dt.time()), **by)]
    if len(nominal) > len(days) and nominal[:1] == [anchor]:
        # the lead time moved the last deadline away from the period's end (a weekly report
        # due on Friday the 23rd, the period ending on Saturday the 31st): the rule stops at
        # the last deadline instead of giving one more
        nominal = nominal[:len(days)]
        until = nominal[-1]
    if len(nominal) == len(days) and nominal[0] == anchor:
        names = {"bymonthday": "bymonthday", "bymonth": "bymonth", "byweekday": "byday"}
        for key, value in by.items():
            parts[names[key]] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[value] if key == "byweekday" else value
        parts["until"] = until
    else:
        nominal = [when.date() for when in du.rrule(getattr(du, freq), interval=interval, count=len(days),
                                                    dtstart=dt.datetime.combine(first, dt.time()))]
        parts["count"] = len(days)
    return parts, nominal[0], [(n, d) for n, d in zip(nominal, days, strict=True) if n != d]


def _most_common(values: list):
    """The value most occurrences have; of equals, the earliest."""
    return max(sorted(set(values)), key=values.count)


def _replace_day(day: dt.date, month: int, day_of_month: int) -> dt.date | None:
    try:
        return day.replace(month=month, day=day_of_month)
    except ValueError:
        return None


def _summary(task: ChildTask) -> str:
    """The action first, as a calendar's agenda line shows it, then who acts."""
    action = " ".join(task.action.split()).rstrip(" .;")
    if len(action) > _SUMMARY_CHARS:
        action = action[:_SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return f"{action[:1].upper()}{action[1:]} - {task.owner}"


def _alarm(day: dt.date, summary: str, work, rules: Rules) -> list[str]:
    """A display alarm `alarm_working_days` working days before `day`, at `alarm_hour`: an
    all-day event starts at midnight, so the trigger is that many calendar days back and
    then forward to the hour (a deadline on Monday with 3 working days warns on Wednesday)."""
    settings = rules.derive
    before = (day - work.working_days_before(day, settings.alarm_working_days)).days
    trigger = dt.timedelta(days=-before, hours=settings.alarm_hour)
    return ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _ics_text(f"Sắp đến hạn: {summary}"),
            f"TRIGGER:{_duration(trigger)}", "END:VALARM"]


def _duration(delta: dt.timedelta) -> str:
    """An iCalendar duration: -P4DT16H for 4 days and 16 hours before."""
    sign, delta = ("-", -delta) if delta < dt.timedelta(0) else ("", delta)
    hours, rest = divmod(delta.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return f"{sign}P{delta.days}D" + (f"T{time}" if time else "") if delta.days or not time else f"{sign}PT{time}"


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
