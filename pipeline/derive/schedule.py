"""Dates of a child plan: working days, lead times and recurring deadlines.

A child's deadline comes a lead time (rules/derive.json) of working days before the
parent's: weekends, the public holidays of the `holidays` library (Tết and the other
lunar-calendar days included) and the extra days off of the rules are skipped. Recurring
deadlines are expanded with dateutil's rrule (RFC 5545) over the plan's period.
"""

from __future__ import annotations

import datetime as dt
import functools
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


@functools.cache
def _country_holidays(country: str):
    """The public holidays of `country`, made once per process: every plan and calendar asks
    (issue 17: building them was a millisecond a plan). The object adds years as asked."""
    import holidays

    return holidays.country_holidays(country)


_DAYS: dict[int, tuple[DeriveSettings, dict[dt.date, bool]]] = {}


def _days_of(settings: DeriveSettings) -> dict[dt.date, bool]:
    """The days already asked of a calendar of these settings, whether each is worked: every
    plan makes a calendar and asks some sixty days (issue 17: a tenth of derive); the entry
    holds the settings, so their id is not reused while it is there."""
    entry = _DAYS.get(id(settings))
    if entry is None or entry[0] is not settings:
        entry = _DAYS[id(settings)] = (settings, {})
    return entry[1]


@dataclass(frozen=True)
class WorkCalendar:
    settings: DeriveSettings

    @property
    def _holidays(self):
        return _country_holidays(self.settings.holidays_country)

    @cached_property
    def _off(self) -> frozenset[dt.date]:
        return frozenset(dt.date.fromisoformat(d) for d, _ in self.settings.extra_days_off)

    @cached_property
    def _worked(self) -> frozenset[dt.date]:
        return frozenset(dt.date.fromisoformat(d) for d, _ in self.settings.extra_working_days)

    @cached_property
    def _known(self) -> dict[dt.date, bool]:
        return _days_of(self.settings)

    def is_working_day(self, day: dt.date) -> bool:
        known = self._known
        answer = known.get(day)
        if answer is None:
            if day in self._worked:
                answer = True
            else:
                answer = day.weekday() < 5 and day not in self._holidays and day not in self._off
            known[day] = answer
        return answer

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


def plan_period(on: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The period a child plan's recurring work runs over: from the plan's own date to the
    end of that school year (31 May; a plan of the summer looks ahead to the next one)."""
    if on is None:
        return None, None
    return on, dt.date(on.year if on.month <= 5 else on.year + 1, 5, 31)


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


@dataclass(frozen=True)
class ChildDue:
    """The child's deadline for one parent task: its phrase and dates, every occurrence, and
    what the unit must be told when the lead time does not fit between the plan's date and
    the parent's deadline."""

    deadline: Deadline | None
    due: tuple[dt.date, ...]
    note: str = ""


def child_deadline(task: Task, calendar: WorkCalendar, on: dt.date, period_end: dt.date | None) -> ChildDue:
    """The child's deadline for a parent task, in the window the child plan has: after the
    plan's own date `on`, and no later than the parent's deadline.

    A dated deadline moves back by the task's lead time in working days. Where that would
    fall on or before the plan's date, the child gets the last working day after it that
    the parent's deadline allows, and the note says how short the time is; a parent
    deadline already over on the plan's date is kept and said, never moved before it. A
    recurring deadline keeps its recurrence from the plan's date on, each occurrence moved
    back; one without dates ('trong vòng 24 giờ') is kept as written.
    """
    parent = task.deadline
    if parent is None or parent.end is None:
        return ChildDue(parent, ())
    lead = calendar.lead_for(task)
    parent_due = occurrences(parent, task.recurrence, period_end)
    if task.recurrence and len(parent_due) > 1:
        parent_due = [day for day in parent_due if day > on] or parent_due[-1:]
    if task.recurrence == "monthly":
        return _monthly(parent_due, calendar, lead, on)
    due, note = _fitted(parent_due[0], calendar, lead, on, parent.text)
    rest = [_fitted(day, calendar, lead, on, parent.text)[0] for day in parent_due[1:]]
    start = parent.start if parent.start and dt.date.fromisoformat(parent.start) < due else None
    if task.recurrence:
        text = f"trước ngày {_vn(due)} ({RECURRENCE_WORDS.get(task.recurrence, '')})"
    elif start:
        text = f"từ ngày {_vn(dt.date.fromisoformat(start))} đến ngày {_vn(due)}"
    else:
        text = f"trước ngày {_vn(due)}"
    return ChildDue(Deadline(text=text, start=start, end=due.isoformat()), (due, *rest), note)


def _fitted(parent_day: dt.date, calendar: WorkCalendar, lead: int, on: dt.date, said: str) -> tuple[dt.date, str]:
    """The child's day for one parent day: `lead` working days before it, or as many as fit
    after the plan's date; the note says when the lead time was cut or the day is over."""
    day = calendar.working_days_before(parent_day, lead)
    if day > on:
        return day, ""
    if parent_day <= on:
        return parent_day, (f"thời hạn “{said}” của văn bản cấp trên ({_vn(parent_day)}) đã qua trước ngày ban hành "
                            f"kế hoạch này ({_vn(on)}): cần báo cáo cấp trên và thực hiện ngay")
    for fit in range(lead - 1, -1, -1):
        day = calendar.working_days_before(parent_day, fit)
        if day > on:
            return day, (f"từ ngày ban hành kế hoạch ({_vn(on)}) đến thời hạn của cấp trên ({_vn(parent_day)}) chỉ còn "
                         f"{fit} ngày làm việc dự phòng thay vì {lead} ngày")
    return parent_day, (f"từ ngày ban hành kế hoạch ({_vn(on)}) đến thời hạn của cấp trên ({_vn(parent_day)}) "
                        f"không còn ngày làm việc dự phòng")


def _monthly(parent_due: list[dt.date], calendar: WorkCalendar, lead: int, on: dt.date) -> ChildDue:
    """One day of the month for every month: the day the lead time gives in most months
    (a month whose days off would give an earlier one moves back only that month), each
    occurrence on a working day, after the plan's date and no later than the parent's."""
    moved = [calendar.working_days_before(p, lead) for p in parent_due]
    days = [m.day for m, p in zip(moved, parent_due) if m.month == p.month] or [1]
    day = max(set(days), key=lambda d: (days.count(d), -d))
    due, notes = [], []
    for p in parent_due:
        want = calendar.working_days_before(dt.date(p.year, p.month, min(day, p.day)), 0)
        if want <= on:  # the first month, when the plan's day leaves less than the lead time
            want, note = _fitted(p, calendar, lead, on, f"trước ngày {p.day:02d} hằng tháng")
            notes.append(note)
        due.append(want)
    return ChildDue(Deadline(text=f"trước ngày {day:02d} hằng tháng", end=due[0].isoformat()), tuple(due),
                    "; ".join(dict.fromkeys(n for n in notes if n)))


def _vn(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vn_date(iso: str | None) -> str:
    """'2024-10-15' → '15/10/2024', the way a Vietnamese document writes it."""
    return _vn(dt.date.fromisoformat(iso)) if iso else ""
