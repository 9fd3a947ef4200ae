"""A checklist a unit sends back (issue 16): the XLSX vanban wrote (derive/checklist.py),
its Trạng thái column filled in, dropped into the inbox.

It is no dispatch: it is known by its header row (the checklist's columns and the hidden
ID_COLUMNS) and read row by row into what the ledger needs, each row's task id, ledger
unit, the status written and the status returned. Anything else is not a returned
checklist (None), and goes on to be read, or refused, as any other file.

`apply_returned` sets what the unit changed, row by row, as three-way merges do: a row
whose returned status is the one written says nothing; one the unit changed is set in the
ledger when the ledger still has the status written, and is a conflict, reported and not
set, when the ledger changed since (the office set it by `vanban status`, or a report
came). A recurring task is several rows of one ledger row: each occurrence the unit marks
done is one completion. Applying the same file again changes nothing: the ledger already
has what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .derive.checklist import COLUMNS, ID_COLUMNS
from .ledger import Change, Ledger, LedgerError
from .normalise import bare

RETURNED_SUFFIXES = (".xlsx", ".xlsm")


class ReturnedError(ValueError):
    """A checklist that cannot be applied at all: one line."""


@dataclass(frozen=True)
class ReturnedRow:
    """One row of a returned checklist: `line` is its row number in the sheet."""

    line: int
    task_id: str
    unit: str  # the ledger's unit; '' for a row of several units
    written: str  # the status when vanban wrote the checklist
    status: str  # the status the unit returned


def read_returned(path: Path) -> tuple[ReturnedRow, ...] | None:
    """The rows of a returned checklist, or None when `path` is not one (another workbook,
    a damaged file: those are for the readers to judge). ReturnedError for a checklist
    whose hidden columns were taken out (copied into a new workbook, deleted)."""
    if path.suffix.lower() not in RETURNED_SUFFIXES:
        return None
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is no workbook
        return None
    try:
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(values, ())]
        if not set(COLUMNS) <= set(header):
            return None
        if not set(ID_COLUMNS) <= set(header):
            raise ReturnedError("a checklist without the hidden columns vanban wrote (Mã nhiệm vụ, …): it cannot "
                                "be applied; ask the unit to fill in and return the workbook vanban wrote")
        where = {name: header.index(name) for name in (*ID_COLUMNS, "Trạng thái")}
        out = []
        for line, row in enumerate(values, start=2):
            def cell(name: str, row=row) -> str:
                index = where[name]
                return " ".join(str(row[index]).split()) if index < len(row) and row[index] is not None else ""

            task = cell("Mã nhiệm vụ")
            if task:
                out.append(ReturnedRow(line, task, cell("Đơn vị theo dõi"), cell("Trạng thái khi lập"),
                                       cell("Trạng thái")))
        return tuple(out)
    finally:
        book.close()


@dataclass
class Applied:
    """What a returned checklist did: statuses set, and one line per row not applied."""

    changed: int = 0
    notes: list[str] = field(default_factory=list)


def apply_returned(ledger: Ledger, rows: tuple[ReturnedRow, ...], change: Change, statuses: tuple[str, ...],
                   done: tuple[str, ...]) -> Applied:
    """Set in `ledger` what the unit changed in its checklist (`change` says who, when and
    from which file); conflicts and rows that cannot be applied are notes, one line each."""
    out = Applied()
    known = {_fold(s): s for s in statuses}
    groups: dict[tuple[str, str], list[ReturnedRow]] = {}
    for row in rows:
        if not row.status or _fold(row.status) == _fold(row.written):
            continue  # a cell emptied says nothing: the status it had stands
        if _fold(row.status) not in known:
            out.notes.append(f"row {row.line}: status {row.status!r} is none of {', '.join(statuses)}; not applied")
            continue
        if not row.unit:
            out.notes.append(f"row {row.line}: task {row.task_id} is not one unit's row here; set each unit's "
                             "row with `vanban status`; not applied")
            continue
        groups.setdefault((row.task_id, row.unit), []).append(row)
    current = {(r.task_id, r.unit): r for r in ledger.rows(include_gone=True)}
    for (task, unit), changed in groups.items():
        row = current.get((task, unit))
        line = changed[-1].line
        if row is None or row.gone:
            out.notes.append(f"row {line}: task {task} for {unit} is {'gone from' if row else 'not in'} the ledger; "
                             "not applied")
            continue
        new, written = known[_fold(changed[-1].status)], known.get(_fold(changed[-1].written), changed[-1].written)
        if row.status == new:
            continue
        if row.status != written:
            out.notes.append(f"row {line}: conflict: task {task} for {unit} is '{new}' here, but the ledger changed "
                             f"from '{written}' to '{row.status}' after the checklist was written; the ledger keeps "
                             f"'{row.status}' (`vanban status` sets it if the checklist is right)")
            continue
        times = sum(known[_fold(r.status)] in done for r in changed) if new in done else 1
        try:
            for _ in range(max(times, 1)):
                ledger.set_status(task, unit, new, change, statuses)
        except LedgerError as exc:  # the row is there: only a changed rules file can refuse it
            out.notes.append(f"row {line}: {exc}; not applied")
            continue
        out.changed += 1
    return out


def _fold(text: str) -> str:
    return " ".join(bare(text).lower().split())
