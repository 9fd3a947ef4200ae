"""Dates of a child plan: working days, lead times and recurring deadlines.

A child's deadline comes a lead time (rules/derive.json) of working days before the
parent's: weekends, the public holidays of the `holidays` library (Tết and the other
lunar-calendar days included) and the extra days off of the rules are skipped. Recurring
deadlines are expanded with dateutil's rrule (RFC 5545) over the plan's period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from dateutil import rrule

from ..record import Deadline, Task
from ..rules import DeriveSettings

# rrule frequency and interval of each recurrence of the record
_FREQUENCIES = {
    "daily": (rrule.DAILY, 1),
    "weekly": (rrule.WEEKLY, 1),
    "monthly": (rrule.MONTHLY, 1),
    "quarterly": (rrule.MONTHLY, 3),
    "semiannual": (rrule.MONTHLY, 6),
    "yearly": (rrule.YEARLY, 1),
    "school-year": (rrule.YEARLY, 1),
}
RECURRENCE_WORDS = {
    "daily": "hằng ngày", "weekly": "hằng tuần", "monthly": "hằng tháng", "quarterly": "hằng quý",
    "semiannual": "06 tháng một lần", "yearly": "hằng năm", "school-year": "hằng năm học",
}
# a recurring deadline expands to dated rows only this often; a daily task stays one row
_EXPANDED = {"weekly", "monthly", "quarterly", "semiannual", "yearly", "school-year"}


@dataclass(frozen=True)
class WorkCalendar:
    settings: DeriveSettings

    @cached_property
    def _holidays(self):
        import holidays

        return holidays.country_holidays(self.settings.holidays_country)

    @cached_property
    def _off(self) -> frozenset[dt.date]:
        return frozenset(dt.date.fromisoformat(d) for d, _ in self.settings.extra_days_off)

    @cached_property
    def _worked(self) -> frozenset[dt.date]:
        return frozenset(dt.date.fromisoformat(d) for d, _ in self.settings.extra_working_days)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self._worked:
            return True
        return day.weekday() < 5 and day not in self._holidays and day not in self._off

    def working_days_before(self, day: dt.date, count: int) -> dt.date:
        """The working day `count` working days before `day` (a deadline that falls on a
        day off moves back to the working day before it first)."""
        current = day
        while not self.is_working_day(current):
            current -= dt.timedelta(days=1)
        for _ in range(count):
            current -= dt.timedelta(days=1)
            while not self.is_working_day(current):
                current -= dt.timedelta(days=1)
        return current

    def lead_for(self, task: Task) -> int:
        """Reports and submissions must reach the parent in time for its own report."""
        action = task.action.casefold()
        if any(word in action for word in self.settings.report_words):
            return self.settings.lead_report
        return self.settings.lead_default


def plan_period(doc_date: str | None, deadlines: list[Deadline | None]) -> tuple[dt.date | None, dt.date | None]:
    """The period a plan's recurring work runs over: from its date (else its first
    deadline) to the end of that school year (31 May; a plan of the summer looks ahead to
    the next one)."""
    ends = sorted(dt.date.fromisoformat(d.end) for d in deadlines if d and d.end)
    start = dt.date.fromisoformat(doc_date) if doc_date else (ends[0] if ends else None)
    if start is None:
        return None, None
    return start, dt.date(start.year if start.month <= 5 else start.year + 1, 5, 31)


def occurrences(deadline: Deadline | None, recurrence: str | None, period_end: dt.date | None) -> list[dt.date]:
    """The dates a deadline falls due: one, or every occurrence of a recurring one up to
    the end of the period. A recurring deadline without a date has none."""
    if deadline is None or deadline.end is None:
        return []
    first = dt.date.fromisoformat(deadline.end)
    if recurrence not in _EXPANDED or period_end is None or period_end <= first:
        return [first]
    freq, interval = _FREQUENCIES[recurrence]
    rule = rrule.rrule(freq, interval=interval, dtstart=dt.datetime.combine(first, dt.time()),
                       until=dt.datetime.combine(period_end, dt.time()))
    return [when.date() for when in rule]


def child_deadline(task: Task, calendar: WorkCalendar,
                   period_end: dt.date | None) -> tuple[Deadline | None, list[dt.date]]:
    """The child's deadline for a parent task, and its dated occurrences.

    A dated deadline moves back by the task's lead time in working days; a recurring one
    keeps its recurrence, each occurrence moved back; one without dates ('trong vòng 24
    giờ') is kept as written.
    """
    parent = task.deadline
    if parent is None or parent.end is None:
        return parent, []
    lead = calendar.lead_for(task)
    parent_due = occurrences(parent, task.recurrence, period_end)
    due = [calendar.working_days_before(day, lead) for day in parent_due]
    if task.recurrence == "monthly":
        # one day of the month for every month, on or before each moved occurrence
        day = min(d.day if d.month == p.month else 1 for d, p in zip(due, parent_due))
        due = [calendar.working_days_before(dt.date(p.year, p.month, day), 0) for p in parent_due]
        return Deadline(text=f"trước ngày {day:02d} hằng tháng", end=due[0].isoformat()), due
    first = due[0]
    start = parent.start if parent.start and dt.date.fromisoformat(parent.start) < first else None
    if task.recurrence:
        text = f"trước ngày {_vn(first)} ({RECURRENCE_WORDS.get(task.recurrence, '')})"
    elif start:
        text = f"từ ngày {_vn(dt.date.fromisoformat(start))} đến ngày {_vn(first)}"
    else:
        text = f"trước ngày {_vn(first)}"
    return Deadline(text=text, start=start, end=first.isoformat()), due


def _vn(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vn_date(iso: str | None) -> str:
    """'2024-10-15' → '15/10/2024', the way a Vietnamese document writes it."""
    return _vn(dt.date.fromisoformat(iso)) if iso else ""
