"""One checklist per named unit, from the ledger (issue 16): what the office sends each
school, and what the school fills in and sends back.

The checklists of derive/ are per plan and per receiving unit (the Phòng's checklist of
the Sở's plan); a school named in the units file has no plan of its own there, yet it is
the one that knows what it has done. `unit_rows` (pure) gives each unit of the ledger one
row per task and occurrence, every task of every document of the batch that the ledger
gives it, with the ledger's status and the hidden columns a returned copy is read back by;
`write_unit_checklists` writes them as OUT/checklists/<unit-slug>.xlsx (the name a slug of
the unit's name, never a path it could choose) and removes those of units no longer in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .derive.checklist import Row, checklist_xlsx
from .derive.files import unit_slug
from .derive.schedule import RECURRENCE_WORDS, occurrences, plan_period
from .export import write_atomic
from .ledger import Row as LedgerRow
from .record import Deadline
from .rules import Rules


def unit_rows(rows: Iterable[LedgerRow]) -> dict[str, list[Row]]:
    """Each unit's checklist rows, by deadline (undated last), a recurring task one row per
    occurrence up to the end of its school year."""
    by_unit: dict[str, list[tuple[dt.date | None, LedgerRow]]] = {}
    for row in rows:
        if row.gone:
            continue
        deadline = Deadline(text=row.deadline_text or "", start=row.deadline_start, end=row.deadline_end)
        first = dt.date.fromisoformat(row.deadline_end) if row.deadline_end else None
        days = occurrences(deadline, row.recurrence, plan_period(first)[1]) if first else []
        for day in days or [None]:
            by_unit.setdefault(row.unit, []).append((day, row))
    out: dict[str, list[Row]] = {}
    for unit, items in by_unit.items():
        items.sort(key=lambda item: (item[0] is None, item[0] or dt.date.max, item[1].task_id))
        out[unit] = [Row(
            number=n, task=row.action, owner=unit, cooperating="", due=day,
            deadline_text=(row.deadline_text or "") if day is None else "",
            recurrence=RECURRENCE_WORDS.get(row.recurrence or "", ""), product="",
            source=row.number or row.path or "", status=row.status, note=row.note or "", task_id=row.task_id,
            ledger_unit=unit) for n, (day, row) in enumerate(items, start=1)]
    return out


def write_unit_checklists(folder: Path, rows: Iterable[LedgerRow], rules: Rules) -> list[Path]:
    """OUT/checklists/<unit-slug>.xlsx for every unit of the ledger; returns the paths."""
    written: list[Path] = []
    taken: set[str] = set()
    for unit, table in sorted(unit_rows(rows).items()):
        slug, stem, number = unit_slug(unit), unit_slug(unit), 2
        while stem in taken:  # two names that fold to one slug keep a file each
            stem, number = f"{slug}-{number}", number + 1
        taken.add(stem)
        path = folder / f"{stem}.xlsx"
        write_atomic(path, checklist_xlsx(table, f"{unit} - theo dõi nhiệm vụ", rules))
        written.append(path)
    if folder.is_dir():
        for stale in folder.glob("*.xlsx"):
            if stale not in written:
                stale.unlink()
    return written
