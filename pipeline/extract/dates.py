"""Dates as Vietnamese dispatches print them: `ngày 08 tháng 01 năm 2019`, `ngày 8/1/2019`."""

from __future__ import annotations

import datetime as dt

import regex

LONG = regex.compile(r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})")
SHORT = regex.compile(r"(?:ngày\s*)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})")
# what may stand between a number and the date of the document it names
_LEAD = regex.compile(r"\s*,?\s*(?:(?:được\s+)?ban\s+hành\s+)?(?=ngày)")


def iso(day: int, month: int, year: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_at(text: str, pos: int) -> tuple[str | None, int]:
    """The date a citation gives right after position `pos` ('..., ngày 27/9/2024'), and where it ends."""
    lead = _LEAD.match(text, pos)
    if not lead:
        return None, pos
    start = lead.end()
    for pattern in (LONG, SHORT):
        match = pattern.match(text, start)
        if match:
            value = iso(int(match["d"]), int(match["m"]), int(match["y"]))
            return value, match.end()
    return None, pos


def parse_date(text: str) -> str | None:
    """'12/3/2012' or '19 tháng 9 năm 2013' (with or without 'ngày') as an ISO date."""
    text = text.strip()
    for pattern in (LONG, SHORT):
        match = pattern.search(text if text.startswith("ngày") or pattern is SHORT else "ngày " + text)
        if match:
            return iso(int(match["d"]), int(match["m"]), int(match["y"]))
    return None
