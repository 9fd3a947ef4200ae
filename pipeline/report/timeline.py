"""Every unit's deadlines across the school year, as SVG.

One row per document with dated tasks, a child plan right under the plan it cites, each
deadline a dot on a time axis of months; a child deadline later than its parent's is a
red dot joined to the parent's by a red line. Drawn by hand: a few rectangles, circles
and lines, every label escaped.
"""

from __future__ import annotations

import datetime as dt
import html

from ..audit import Audit
from ..record import Finding, Record

ROW, LEFT, WIDTH, TOP = 26, 230, 900, 34


def timeline_svg(result: Audit, page_of: dict[str, str]) -> str | None:
    rows = _rows(result)
    dated = [(doc, [(i, dt.date.fromisoformat(t.deadline.end)) for i, t in enumerate(doc.record.tasks)
                    if t.deadline and t.deadline.end]) for doc in rows]
    dated = [(doc, dots) for doc, dots in dated if dots]
    if not dated:
        return None
    days = [d for _, dots in dated for _, d in dots]
    start = dt.date(min(days).year, min(days).month, 1)
    end_month = max(days)
    end = dt.date(end_month.year + end_month.month // 12, end_month.month % 12 + 1, 1)
    span = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        return LEFT + (day - start).days / span * (WIDTH - LEFT - 10)

    height = TOP + ROW * len(dated) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Thời hạn theo đơn vị">']
    month = start
    while month < end:
        parts.append(f'<line x1="{x(month):.1f}" y1="{TOP - 6}" x2="{x(month):.1f}" y2="{height - 6}" '
                     f'stroke="#e0e0e0"/>'
                     f'<text x="{x(month) + 2:.1f}" y="{TOP - 12}" font-size="10" fill="#555">'
                     f'{month.month:02d}/{month.year}</text>')
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    where: dict[tuple[str, int], tuple[float, float]] = {}
    late = _late_tasks(result.findings, [doc.record for doc, _ in dated])
    for row, (doc, dots) in enumerate(dated):
        y = TOP + row * ROW + ROW / 2
        label = html.escape(f"{doc.record.number or doc.path}"[:34])
        parts.append(f'<a href="{html.escape(page_of[doc.path], quote=True)}"><text x="4" y="{y + 4:.1f}" '
                     f'font-size="11" fill="#1a237e">{label}</text></a>')
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - 10}" y2="{y:.1f}" stroke="#cfd8dc"/>')
        for index, day in dots:
            task = doc.record.tasks[index]
            bad = (doc.path, index) in late
            where[(doc.path, index)] = (x(day), y)
            tip = html.escape(f"{day.strftime('%d/%m/%Y')} – {task.owner}: {task.action[:120]}")
            parts.append(f'<circle cx="{x(day):.1f}" cy="{y:.1f}" r="{6 if bad else 4}" '
                         f'fill="{"#c62828" if bad else "#1565c0"}" class="{"late" if bad else "due"}">'
                         f'<title>{tip}</title></circle>')
    for (child, child_index), (parent, parent_index) in late.items():
        if (child, child_index) in where and (parent, parent_index) in where:
            (x1, y1), (x2, y2) = where[(child, child_index)], where[(parent, parent_index)]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#c62828" '
                         'stroke-width="2" stroke-dasharray="4 2"/>')
    parts.append("</svg>")
    return "".join(parts)


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
