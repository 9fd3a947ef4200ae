"""Every unit's deadlines, as SVG: one row per unit that owes work, on a time axis.

A row is the owner a task names ('Các trường THCS', 'Phòng GDĐT Nam Đàn'), in the order the
chain of plans first names it (the plan, then the plans citing it); each deadline is a dot
whose tip names the document and the task. A child deadline later than its parent's is a
red dot joined to the parent's by a red line. The axis keeps its labels readable however
long the batch runs: months over a school year, quarters over a few years, years beyond;
a line marks today. Drawn by hand: a few lines, circles and texts, every label escaped.
"""

from __future__ import annotations

import datetime as dt
import html

from ..audit import Audit
from ..normalise import bare
from ..record import Finding, Record

ROW, LEFT, WIDTH, TOP = 26, 230, 960, 34
MAX_ROWS = 40  # units drawn; past it the units with most deadlines, the rest counted below
# the longest axis ticked by month, then by quarter: a label keeps about 50 px of the axis
MONTHS_BY_MONTH, MONTHS_BY_QUARTER = 15, 36
_ROMAN = ("I", "II", "III", "IV")


def timeline_svg(result: Audit, page_of: dict[str, str], today: dt.date) -> str | None:
    late = _late_tasks(result.findings, [doc.record for doc in result.documents])
    units = _units(result, late)
    if not units:
        return None
    hidden = max(len(units) - MAX_ROWS, 0)
    if hidden:
        late_rows = {key for key, dots in units.items() if any(bad for *_, bad in dots)}
        kept = sorted(units, key=lambda k: (k not in late_rows, -len(units[k])))[:MAX_ROWS]
        units = {k: v for k, v in units.items() if k in set(kept)}
    days = [day for dots in units.values() for _, _, day, _ in dots]
    start = dt.date(min(days).year, min(days).month, 1)
    end = _next_month(max(days))
    span = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        return LEFT + (day - start).days / span * (WIDTH - LEFT - 10)

    height = TOP + ROW * len(units) + (28 if hidden else 10)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Thời hạn theo đơn vị">']
    for day, label, major in _ticks(start, end):
        parts.append(f'<line x1="{x(day):.1f}" y1="{TOP - 6}" x2="{x(day):.1f}" y2="{height - 6}" '
                     f'stroke="{"#b0bec5" if major else "#e0e0e0"}"/>'
                     f'<text x="{x(day) + 2:.1f}" y="{TOP - 12}" font-size="10" fill="#555">{label}</text>')
    parts.append(_today(today, start, end, x, height))
    where: dict[tuple[str, int], tuple[float, float]] = {}
    for row, dots in enumerate(units.values()):
        y = TOP + row * ROW + ROW / 2
        name = dots[0][0].record.tasks[dots[0][1]].owner  # as the first document writes it
        parts.append(f'<text x="4" y="{y + 4:.1f}" font-size="11" fill="#1a237e"><title>{html.escape(name)}</title>'
                     f'{html.escape(_short(name, 34))}</text>')
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - 10}" y2="{y:.1f}" stroke="#cfd8dc"/>')
        for doc, index, day, bad in dots:
            task = doc.record.tasks[index]
            where[(doc.path, index)] = (x(day), y)
            tip = html.escape(f"{day:%d/%m/%Y} – {doc.record.number or doc.path}: {task.action[:120]}")
            parts.append(f'<a href="{html.escape(page_of[doc.path], quote=True)}">'
                         f'<circle cx="{x(day):.1f}" cy="{y:.1f}" r="{6 if bad else 4}" '
                         f'fill="{"#c62828" if bad else "#1565c0"}" class="{"late" if bad else "due"}">'
                         f'<title>{tip}</title></circle></a>')
    for (child, child_index), (parent, parent_index) in late.items():
        if (child, child_index) in where and (parent, parent_index) in where:
            (x1, y1), (x2, y2) = where[(child, child_index)], where[(parent, parent_index)]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#c62828" '
                         'stroke-width="2" stroke-dasharray="4 2"/>')
    if hidden:
        parts.append(f'<text x="4" y="{height - 8}" font-size="11" fill="#555">và {hidden} đơn vị khác '
                     "(ít thời hạn hơn)</text>")
    parts.append("</svg>")
    return "".join(parts)


def _units(result: Audit, late: dict[tuple[str, int], tuple[str, int]]) -> dict[str, list[tuple]]:
    """The owners with dated tasks, in chain order: key → [(document, task index, day, late)]."""
    units: dict[str, list[tuple]] = {}
    for doc in _rows(result):
        for index, task in enumerate(doc.record.tasks):
            if task.deadline and task.deadline.end:
                key = " ".join(bare(task.owner).lower().split())
                day = dt.date.fromisoformat(task.deadline.end)
                units.setdefault(key, []).append((doc, index, day, (doc.path, index) in late))
    return units


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str, bool]]:
    """(day, label, starts a year) for each line of the axis: labelled by month, quarter or
    year as the span asks; over years the quarters are lines without a label."""
    months = (end.year - start.year) * 12 + end.month - start.month
    by = "month" if months <= MONTHS_BY_MONTH else "quarter" if months <= MONTHS_BY_QUARTER else "year"
    day = start if by == "month" else dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    ticks = []
    while day < end:
        if day >= start:
            label = (f"{day.month:02d}/{day.year}" if by == "month" else
                     f"Quý {_ROMAN[(day.month - 1) // 3]}/{day.year}" if by == "quarter" else
                     str(day.year) if day.month == 1 else "")
            ticks.append((day, label, day.month == 1))
        for _ in range(1 if by == "month" else 3):
            day = _next_month(day)
    return ticks


def _today(today: dt.date, start: dt.date, end: dt.date, x, height: int) -> str:
    """A line for today on the axis; when today lies outside it, a word at the side it lies."""
    if start <= today < end:
        at = x(today)
        near_end = at > WIDTH - 110  # the word goes left of the line where it would leave the picture
        return (f'<line class="today" x1="{at:.1f}" y1="{TOP - 24}" x2="{at:.1f}" y2="{height - 6}" '
                f'stroke="#2e7d32" stroke-width="2"/><text x="{at - 3 if near_end else at + 3:.1f}" y="{TOP - 24}" '
                f'font-size="10" fill="#2e7d32" text-anchor="{"end" if near_end else "start"}">'
                f"Hôm nay {today:%d/%m/%Y}</text>")
    side = "sau" if today >= end else "trước"
    anchor, at = ("end", WIDTH - 10) if today >= end else ("start", LEFT)
    return (f'<text class="today" x="{at}" y="{TOP - 24}" font-size="10" fill="#2e7d32" text-anchor="{anchor}">'
            f"Hôm nay {today:%d/%m/%Y}: {side} mọi thời hạn trên trục</text>")


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _short(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[:chars - 1].rstrip() + "…"


def _rows(result: Audit):
    """Documents in chain order: each plan, then the plans citing it."""
    children: dict[str, list] = {}
    cited_by_batch = set()
    for link in result.links:
        if link.cited is not None:
            children.setdefault(link.cited.path, []).append(link.citing)
            cited_by_batch.add(link.citing.path)
    order, seen = [], set()

    def visit(doc) -> None:
        if doc.path in seen:
            return
        seen.add(doc.path)
        order.append(doc)
        for child in children.get(doc.path, []):
            visit(child)

    for doc in result.documents:
        if doc.path not in cited_by_batch:
            visit(doc)
    for doc in result.documents:
        visit(doc)
    return order


def _late_tasks(findings: list[Finding], records: list[Record]) -> dict[tuple[str, int], tuple[str, int]]:
    """(child path, task index) → (parent path, task index) for each later child deadline,
    found by the evidence spans of the finding."""
    by_span = {(r.source.path, span.page, span.start): (r.source.path, int(key[6:-1]))
               for r in records for key, span in r.evidence.items() if key.startswith("tasks[")}
    late = {}
    for finding in findings:
        if finding.kind != "child-deadline-later" or len(finding.evidence) < 2:
            continue
        child, parent = (by_span.get((q.document, q.page, q.start)) for q in finding.evidence[:2])
        if child and parent:
            late[child] = parent
    return late
