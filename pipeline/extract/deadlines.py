"""Deadlines (thời hạn) in the calendar of Vietnamese offices.

The phrases are patterns in rules/deadlines.json; this module turns a match into ISO
dates: a single deadline has only `end`, a period has both; quarters span three
months, a school year runs September to May, semesters follow rules/calendar.json; a
year left unwritten is the document's own; a recurring deadline is dated at its first
occurrence on or after the document's date.
"""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from ..record import Deadline
from ..rules import Rules

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _last(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def school_year_of(day: dt.date) -> int:
    """The first calendar year of the school year a day falls in (Sept–Aug)."""
    return day.year if day.month >= 8 else day.year - 1


def find_deadline(text: str, doc_date: str | None, rules: Rules) -> Deadline | None:
    """The first deadline phrase of `text`, with its dates when they can be settled.

    The phrases are the spans the spaCy component `vanban_rules` finds with the deadline
    patterns of rules/deadlines.json (extract/nlp.py); the kinds are tried in the order of
    deadlines.json (`rules.deadline_kinds`), the first span of a kind wins."""
    from .nlp import find_spans

    base = dt.date.fromisoformat(doc_date) if doc_date else None
    first: dict[str, int] = {}
    for start, _, label in find_spans(text, rules):
        first.setdefault(label, start)
    for name in rules.deadline_kinds:
        if name in first:
            match = rules.pattern(name).match(text, first[name])
            start, end = _dates(name, match, base, rules)
            return Deadline(text=match.group(0).strip(), start=start, end=end)
    return None


_TEN_DAYS = {"đầu": (1, 10), "giữa": (11, 20), "cuối": (21, 31)}  # the thirds of a month a plan names


def month_bounds(year: int, month: int, edge: str | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of a month, or of its first, middle or last ten days ('đầu tháng
    6/2023': 1 to 10 June, KH 2198/KH-UBND Bình Thuận; 'cuối tháng 6/2023': from the 21st)."""
    first, last = _TEN_DAYS.get(edge.casefold(), (1, 31)) if edge else (1, 31)
    return dt.date(year, month, first), (dt.date(year, month, last) if last <= 20 else _last(year, month))


def _months_from(base: dt.date):
    """(year, month) from the month of `base` on, a year and a month ahead: where a day of every
    month ('trước ngày 25 hằng tháng', 'từ ngày 25 đến 30 hàng tháng') falls next."""
    month, y = base.month, base.year
    for _ in range(13):
        yield y, month
        month, y = (1, y + 1) if month == 12 else (month + 1, y)


def _next_weekday(m: regex.Match, base: dt.date | None, weekdays: dict[str, int]) -> dt.date | None:
    """The first day on or after `base` that is the weekday `m` names, every week ('thứ Sáu hàng
    tuần') or in the week of each month it counts ('Thứ hai, tuần 1 hàng tháng': the first
    Monday; 'tuần cuối': the last)."""
    weekday = weekdays.get(m["wd"].lower())
    if base is None or weekday is None:
        return None
    if m["per"].lower() == "tuần":
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    week = (m["n"] or "").lower()
    if not week:
        return None
    for y, month in _months_from(base):
        days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if dt.date(y, month, d).weekday() == weekday]
        at = -1 if week == "cuối" else (0 if week.startswith("đầu") else int(week) - 1)
        if at < len(days) and dt.date(y, month, days[at]) >= base:
            return dt.date(y, month, days[at])
    return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dates(name: str, m: regex.Match, base: dt.date | None, rules: Rules) -> tuple[str | None, str | None]:
    year = base.year if base else None
    cal = rules.table("calendar")
    if name == "dl_day_monthly":
        if base is None:
            return None, None
        day = int(m["d"])
        for y, month in _months_from(base):
            found = _day(y, month, min(day, calendar.monthrange(y, month)[1]))
            if found and found >= base:
                return None, found.isoformat()
        return None, None
    if name == "dl_days_monthly":
        if base is None:
            return None, None
        first, last = int(m["d1"]), int(m["d"])
        for y, month in _months_from(base):
            days = calendar.monthrange(y, month)[1]
            end = _day(y, month, min(last, days))
            if end and end >= base and first <= last:
                return _iso(_day(y, month, min(first, days))), end.isoformat()
        return None, None
    if name == "dl_day_yearly":
        if base is None:
            return None, None
        found = _day(base.year, int(m["m"]), int(m["d"]))
        if found and found < base:
            found = _day(base.year + 1, int(m["m"]), int(m["d"]))
        return None, _iso(found)
    if name == "dl_day_next_year":
        return (None, _iso(_day(base.year + 1, int(m["m"]), int(m["d"])))) if base else (None, None)
    if name == "dl_daily":
        return None, _iso(base)
    if name == "dl_weekday":
        return None, _iso(_next_weekday(m, base, cal.get("weekdays", {})))
    if name == "dl_month_yearly":
        month = int(m["m"])
        if base is None or not 1 <= month <= 12:
            return None, None
        y = base.year if _last(base.year, month) >= base else base.year + 1
        return (None if m["by"] else dt.date(y, month, 1).isoformat()), _last(y, month).isoformat()
    if name == "dl_opening_day":
        if base is None or "opening_day" not in cal:
            return None, None
        month, day = (int(part) for part in cal["opening_day"].split("-"))
        found = _day(base.year, month, day)
        if found and found < base:
            found = _day(base.year + 1, month, day)
        return None, _iso(found)
    if name == "dl_before_date":
        y = int(m["y"]) if m["y"] else year
        return (None, _iso(_day(y, int(m["m"]), int(m["d"])))) if y else (None, None)
    if name in ("dl_from_to", "dl_range"):
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m.groupdict().get("y1") else y2
        end = _day(y2, int(m["m2"]), int(m["d2"])) if m.groupdict().get("m2") else dt.date(y2, 12, 31)
        return _iso(_day(y1, int(m["m1"]), int(m["d1"]))), _iso(end)
    if name == "dl_from_date":
        return _iso(_day(int(m["y"]), int(m["m"]), int(m["d"]))), None
    if name == "dl_from_month":
        month = int(m["m"])
        return (f"{int(m['y'])}-{month:02d}-01", None) if 1 <= month <= 12 else (None, None)
    if name == "dl_month_span":
        y1, m1, y2, m2 = int(m["y1"]), int(m["m1"]), int(m["y2"]), int(m["m2"])
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y1, m1) >= (y2, m2):
            return None, None
        return month_bounds(y1, m1, m["e1"])[0].isoformat(), month_bounds(y2, m2, m["e2"])[1].isoformat()
    if name == "dl_quarter_span":
        y1, y2, q2 = int(m["y1"]), int(m["y2"]), _ROMAN.get(m["q2"].upper())
        if m["q1"]:
            q1 = _ROMAN.get(m["q1"].upper())
            first = dt.date(y1, 3 * q1 - 2, 1) if q1 else None
        else:
            first = dt.date(y1, int(m["m1"]), 1) if 1 <= int(m["m1"]) <= 12 else None
        if first is None or q2 is None:
            return None, None
        last = _last(y2, 3 * q2)
        return (first.isoformat(), last.isoformat()) if first < last else (None, None)
    if name == "dl_year_span":
        y1, y2 = int(m["y1"]), int(m["y2"])
        return (f"{y1}-01-01", f"{y2}-12-31") if y1 < y2 else (None, None)
    if name == "dl_month":
        y, month = int(m["y"]) if m["y"] else year, int(m["m"])
        if y is None:
            return None, None
        if not 1 <= month <= 12:
            return None, None
        first, last = month_bounds(y, month, m.groupdict().get("edge"))
        start = None if m.groupdict().get("by") else first.isoformat()
        return start, last.isoformat()
    if name == "dl_months":
        y, first, last = int(m["y"]), int(m["m1"]), int(m["m"])
        if not 1 <= first < last <= 12:
            return None, None
        return dt.date(y, first, 1).isoformat(), _last(y, last).isoformat()
    if name == "dl_half_year":
        y = int(m["y"]) if m["y"] else year
        if y is None:
            return None, None
        return (f"{y}-01-01", f"{y}-06-30") if m["h"].casefold() == "đầu" else (f"{y}-07-01", f"{y}-12-31")
    if name == "dl_week_of_month":
        month = int(m["m"])
        if not 1 <= month <= 12 or (base is None and not m["y"]):
            return None, None
        y = int(m["y"]) if m["y"] else (base.year if _last(base.year, month) >= base else base.year + 1)
        if m["w"].casefold().startswith("đầu"):
            return dt.date(y, month, 1).isoformat(), dt.date(y, month, 7).isoformat()
        end = _last(y, month)
        return (end - dt.timedelta(days=6)).isoformat(), end.isoformat()
    if name == "dl_quarter":
        named = regex.split(r"\s*(?:,|và)\s*(?:[Qq]u[ýí]\s+)?", m["q"])
        quarters = [_ROMAN[q.strip()] for q in named if q.strip() in _ROMAN]
        y = int(m["y"]) if m["y"] else year
        if not quarters or y is None:
            return None, None
        first, last = min(quarters), max(quarters)
        return dt.date(y, 3 * first - 2, 1).isoformat(), _last(y, 3 * last).isoformat()
    if name == "dl_year_end":
        y = int(m["y"]) if m["y"] else year
        return (None, f"{y}-12-31") if y else (None, None)
    if name in ("dl_semester", "dl_end_of_year", "dl_school_year", "dl_from_school_year"):
        if m.groupdict().get("y1"):
            y1 = int(m["y1"])
        elif base is not None:
            y1 = school_year_of(base)
        else:
            return None, None
        key = f"{y1}-{y1 + 1}"
        sy = cal["school_year"]
        start = f"{y1}-{sy['start']}"
        end = f"{y1 + 1}-{sy['end']}"
        if name == "dl_end_of_year":
            return None, end
        if name == "dl_school_year":
            return start, end
        if name == "dl_from_school_year":
            return start, None
        semester = "I" if m["s"] in ("I", "1") else "II"
        known = cal["semesters"].get(key, {}).get(semester)
        if known:
            return known[0], known[1]
        s0, s1 = cal["default_semesters"][semester]
        y_start = y1 if semester == "I" else y1 + 1
        return f"{y_start}-{s0}", f"{y1 + 1}-{s1}"
    if name == "dl_from_year":
        return f"{int(m['y'])}-01-01", None
    if name == "dl_year":
        y = int(m["y"]) if m["y"] else year  # 'Cả năm': the document's own year
        return (f"{y}-01-01", f"{y}-12-31") if y else (None, None)
    return None, None
