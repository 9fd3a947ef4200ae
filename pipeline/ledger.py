"""The ledger (issue 16): who must do what, by when, and what they have done, kept in
OUT/vanban.sqlite across runs.

One row per task and unit. The batch's own tables are rebuilt on every run and dropped
when their layout changes (pipeline/store.py); the ledger's tables are neither: a run adds
rows for new tasks, refreshes the deadline and source of the rows it finds again, keeps
their status, and marks rows whose task is no longer in the batch as gone instead of
deleting them. Every change, by a run or by `vanban status`, is a row of the history
(who, when, from where). The ledger has its own version in `ledger_meta` and migrates
itself step by step (`migrate`).

Task ids come from the document's identity and the task's owner and action
(identity.task_id), never from positions, so a row keeps its id and its status whatever
the order of the inbox. With named units (pipeline/roster.py), a task for a class of units
is one row per named unit of that class under the office; without them, one row per task
under its owner as written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .derive import ChildPlan, ChildTask, issuer_class
from .derive.checklist import Standing, StatusOf
from .hierarchy import Hierarchy
from .identity import task_id
from .normalise import bare
from .record import Deadline, Record
from .roster import NamedUnit, Roster
from .rules import Rules

LEDGER_VERSION = 3


class LedgerError(ValueError):
    """A request the ledger cannot do (an unknown task, unit or status): one line."""


# --- which rows the batch asks for (pure) ---------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One (task, unit) row as the batch gives it."""

    task_id: str
    unit: str
    document: str  # the document's key (identity.document_key)
    number: str | None
    path: str  # the source path of the document's kept file
    owner: str  # as the document writes it
    action: str
    deadline_text: str | None = None
    deadline_start: str | None = None
    deadline_end: str | None = None
    recurrence: str | None = None


def units_of(owner: str, issuer: str | None, hierarchy: Hierarchy, roster: Roster | None,
             scope: tuple[NamedUnit, ...]) -> tuple[str, ...]:
    """The ledger units of a task's owner: the named units of `scope` the owner names
    ('Trường THCS Kim Liên'), else those of the classes it names ('Các trường Tiểu học');
    without a roster, the owner as written. () when it names none of the office's units."""
    if roster is None:
        return (" ".join(owner.split()),)
    words = hierarchy.name_words(owner)
    keys = dict(zip((u.name for u in roster.units), roster.keys, strict=True))
    named = tuple(u.name for u in scope if keys[u.name] and keys[u.name] <= words)
    if named:
        return named
    classes = set(hierarchy.classes_named(owner, issuer))
    return tuple(u.name for u in scope if classes & set(u.classes))


def ledger_entries(documents: Iterable[Record], keys: dict[str, str], rules: Rules, roster: Roster | None = None,
                   head: str | None = None) -> list[Entry]:
    """The rows the batch asks for: every task of every document (`keys`: source path →
    document key) for each of its units. With a roster, units are those under `head` (the
    office that runs vanban, by name), or every named unit when it is not one of them."""
    hierarchy = rules.hierarchy
    if hierarchy is None:
        raise ValueError("the rules have no hierarchy.json: the ledger needs it")
    scope: tuple[NamedUnit, ...] = ()
    if roster is not None:
        scope = roster.under(roster.find(head, hierarchy) if head else None)
    out: dict[tuple[str, str], Entry] = {}
    for record in documents:
        key = keys[record.source.path]
        own = issuer_class(record, hierarchy)
        mine = _issued_under(record, roster, scope, hierarchy) if roster is not None else scope
        for task in record.tasks:
            tid = task_id(key, task.owner, task.action)
            deadline = task.deadline or Deadline(text="")
            for unit in units_of(task.owner, own, hierarchy, roster, mine):
                out.setdefault((tid, unit), Entry(
                    tid, unit, key, record.number, record.source.path, task.owner, task.action,
                    deadline.text or None, deadline.start, deadline.end, task.recurrence))
    return list(out.values())


def _issued_under(record: Record, roster: Roster, scope: tuple[NamedUnit, ...],
                  hierarchy: Hierarchy) -> tuple[NamedUnit, ...]:
    """The units of `scope` a document can give work to: when its issuer is a named unit
    (the plan of Phòng GDĐT Nam Đàn, whose header prints the district above it), the units
    under that one; 'các trường THCS' of Nam Đàn's plan are not the schools of another
    district a Sở lists in the same file."""
    issuer = record.issuer
    if issuer is None or not issuer.name:
        return scope
    place = hierarchy.place_of(issuer.parent or "") or record.place
    named = (roster.find(f"{issuer.name} {place}", hierarchy) if place else None) or roster.find(issuer.name, hierarchy)
    if named is None:
        return scope
    under = set(roster.under(named))
    return tuple(u for u in scope if u in under)


# --- the tables ------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """A ledger row as stored."""

    task_id: str
    unit: str
    status: str
    person: str | None
    note: str | None
    deadline_text: str | None
    deadline_start: str | None
    deadline_end: str | None
    recurrence: str | None
    document: str
    number: str | None
    path: str | None
    action: str
    owner: str
    gone: bool
    gone_at: str | None
    added_at: str


_ROW_COLUMNS = ", ".join(Row.__dataclass_fields__)
_REFRESHED = ("deadline_text", "deadline_start", "deadline_end", "recurrence", "number", "path", "action", "owner")


def _v1(db: sqlite3.Connection) -> None:
    """The first layout: rows and their history."""
    db.executescript("""
CREATE TABLE ledger_rows (
    task_id TEXT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL, note TEXT,
    deadline_text TEXT, deadline_start TEXT, deadline_end TEXT, recurrence TEXT,
    document TEXT NOT NULL, number TEXT, path TEXT, action TEXT NOT NULL, owner TEXT NOT NULL,
    gone INTEGER NOT NULL DEFAULT 0, gone_at TEXT, added_at TEXT NOT NULL,
    PRIMARY KEY (task_id, unit));
CREATE TABLE ledger_history (
    id INTEGER PRIMARY KEY, task_id TEXT NOT NULL, unit TEXT NOT NULL, field TEXT NOT NULL,
    old TEXT, new TEXT, who TEXT, at TEXT NOT NULL, origin TEXT NOT NULL);
CREATE INDEX ledger_history_row ON ledger_history(task_id, unit);
""")


def _v2(db: sqlite3.Connection) -> None:
    """The person in charge of a row; and the day a change took effect, which may be
    earlier than when it was recorded (a school reported on Friday, the office records it
    on Monday): deadline classes are computed from it."""
    db.execute("ALTER TABLE ledger_rows ADD COLUMN person TEXT")
    db.execute("ALTER TABLE ledger_history ADD COLUMN day TEXT")
    db.execute("UPDATE ledger_history SET day = substr(at, 1, 10)")


def _v3(db: sqlite3.Connection) -> None:
    """Where a change came from when it was no person at the command line: the returned
    checklist's file or the report that answered the task (`source`, as a person reads it),
    and what identifies it for good (`source_key`: the file's hash, the document's key)."""
    db.execute("ALTER TABLE ledger_history ADD COLUMN source TEXT")
    db.execute("ALTER TABLE ledger_history ADD COLUMN source_key TEXT")


_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3}


def ledger_version(db: sqlite3.Connection) -> int:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'ledger_meta'").fetchone():
        return 0
    row = db.execute("SELECT value FROM ledger_meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite3.Connection) -> int:
    """Bring the ledger's tables to LEDGER_VERSION, one step at a time, in one transaction;
    returns the version found. A ledger of a newer vanban is refused, never changed."""
    found = ledger_version(db)
    if found > LEDGER_VERSION:
        raise LedgerError(f"the ledger has version {found}, newer than this vanban's {LEDGER_VERSION}: "
                          "upgrade vanban before using this store")
    if found == LEDGER_VERSION:
        return found
    with db:
        db.execute("CREATE TABLE IF NOT EXISTS ledger_meta (key TEXT PRIMARY KEY, value TEXT)")
        for version in range(found + 1, LEDGER_VERSION + 1):
            _MIGRATIONS[version](db)
        db.execute("INSERT OR REPLACE INTO ledger_meta VALUES ('version', ?)", (str(LEDGER_VERSION),))
    return found


@dataclass(frozen=True)
class Change:
    """Who makes a change, when, and from where ('run', 'cli', 'checklist', 'report'); for
    the last two, the file or document it came from."""

    who: str
    at: str  # ISO timestamp of the recording
    day: str  # ISO date the change took effect
    origin: str
    source: str | None = None  # 'hoi-dap/kim-lien.xlsx', '45/BC-THCS (bao-cao.pdf)'
    source_key: str | None = None  # the file's sha256, the document's key

    @classmethod
    def now(cls, who: str, origin: str, day: dt.date | None = None, source: str | None = None,
            source_key: str | None = None) -> Change:
        moment = dt.datetime.now().astimezone()
        return cls(who, moment.isoformat(timespec="seconds"), (day or moment.date()).isoformat(), origin, source,
                   source_key)


@dataclass(frozen=True)
class SyncResult:
    added: int = 0
    kept: int = 0
    gone: int = 0
    back: int = 0


class Ledger:
    """The ledger's tables in an open store (sqlite3 connection); migrated on opening."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        migrate(db)

    def sync(self, entries: list[Entry], change: Change, statuses: tuple[str, ...]) -> SyncResult:
        """Make the ledger hold the batch's rows, in one transaction: new rows added with
        the first status, rows found again refreshed (their status kept), rows no longer
        asked for marked gone, and a gone row found again brought back."""
        added = kept = gone = back = 0
        with self.db:
            known = {(r.task_id, r.unit): r for r in self.rows(include_gone=True)}
            wanted = set()
            for entry in entries:
                key = (entry.task_id, entry.unit)
                wanted.add(key)
                row = known.get(key)
                if row is None:
                    self.db.execute(
                        "INSERT INTO ledger_rows (task_id, unit, status, deadline_text, deadline_start, deadline_end,"
                        " recurrence, document, number, path, action, owner, added_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (entry.task_id, entry.unit, statuses[0], entry.deadline_text, entry.deadline_start,
                         entry.deadline_end, entry.recurrence, entry.document, entry.number, entry.path,
                         entry.action, entry.owner, change.at))
                    self._history(entry.task_id, entry.unit, "row", None, "added", change)
                    added += 1
                    continue
                kept += 1
                for field in _REFRESHED:
                    old, new = getattr(row, field), getattr(entry, field)
                    if old != new:
                        self.db.execute(f"UPDATE ledger_rows SET {field} = ? WHERE task_id = ? AND unit = ?",  # noqa: S608
                                        (new, *key))
                        if field.startswith("deadline") or field == "recurrence":
                            self._history(*key, field, old, new, change)
                if row.gone:
                    self.db.execute("UPDATE ledger_rows SET gone = 0, gone_at = NULL WHERE task_id = ? AND unit = ?",
                                    key)
                    self._history(*key, "gone", "1", "0", change)
                    back += 1
            for key, row in known.items():
                if key not in wanted and not row.gone:
                    self.db.execute("UPDATE ledger_rows SET gone = 1, gone_at = ? WHERE task_id = ? AND unit = ?",
                                    (change.at, *key))
                    self._history(*key, "gone", "0", "1", change)
                    gone += 1
        return SyncResult(added, kept - back, gone, back)

    def set_status(self, task: str, unit: str, status: str, change: Change, statuses: tuple[str, ...],
                   hierarchy: Hierarchy | None = None, note: str | None = None, person: str | None = None) -> Row:
        """Set a row's status (and note, person), with a history row for each field that
        changes; setting a done status again records another completion (a recurring
        report sent once more). LedgerError for an unknown task, unit or status."""
        status_found = next((s for s in statuses if _fold(s) == _fold(status)), None)
        if status_found is None:
            raise LedgerError(f"unknown status {status!r}; use one of: {', '.join(statuses)}")
        row = self.find(task, unit, hierarchy)
        with self.db:
            key = (row.task_id, row.unit)
            self.db.execute("UPDATE ledger_rows SET status = ? WHERE task_id = ? AND unit = ?", (status_found, *key))
            self._history(*key, "status", row.status, status_found, change)
            for field, value in (("note", note), ("person", person)):
                if value is not None and value != getattr(row, field):
                    self.db.execute(f"UPDATE ledger_rows SET {field} = ? WHERE task_id = ? AND unit = ?",  # noqa: S608
                                    (value, *key))
                    self._history(*key, field, getattr(row, field), value, change)
        return self.find(row.task_id, row.unit)

    def find(self, task: str, unit: str, hierarchy: Hierarchy | None = None) -> Row:
        """The row of `task` (its id, or the start of it) for `unit` (its name as written,
        without diacritics or case, or, given the hierarchy, with abbreviations)."""
        task = task.strip().lower()
        rows = [r for r in self.rows(include_gone=True) if r.task_id.startswith(task)] if len(task) >= 4 else []
        if not {r.task_id for r in rows}:
            raise LedgerError(f"unknown task {task!r}: `vanban due OUT --all` lists the task ids")
        if len({r.task_id for r in rows}) > 1:
            raise LedgerError(f"task {task!r} is the start of several ids; give more of it")
        for same in (lambda r: r.unit == unit, lambda r: _fold(r.unit) == _fold(unit),
                     lambda r: hierarchy is not None and hierarchy.name_words(r.unit) == hierarchy.name_words(unit)):
            found = [r for r in rows if same(r)]
            if len(found) == 1:
                return found[0]
        raise LedgerError(f"task {rows[0].task_id} has no unit {unit!r}; its units: "
                          f"{'; '.join(r.unit for r in rows)}")

    def remember_office(self, name: str) -> None:
        """The office the batch was run for (`vanban run --as`): `vanban remind` signs for it."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO ledger_meta VALUES ('office', ?)", (" ".join(name.split()),))

    def office(self) -> str | None:
        row = self.db.execute("SELECT value FROM ledger_meta WHERE key = 'office'").fetchone()
        return row[0] if row else None

    def rows(self, include_gone: bool = False) -> list[Row]:
        sql = f"SELECT {_ROW_COLUMNS} FROM ledger_rows"  # noqa: S608  (fixed column names)
        if not include_gone:
            sql += " WHERE gone = 0"
        sql += " ORDER BY unit, deadline_end IS NULL, deadline_end, task_id"
        return [Row(*r[:14], bool(r[14]), *r[15:]) for r in self.db.execute(sql)]

    def digest(self) -> str:
        """A digest of every row, those of documents gone too, as stored: what a run finds
        the ledger to be, without making a Row of each (asked twice a run, issue 17)."""
        digest = hashlib.sha256()
        for row in self.db.execute(f"SELECT {_ROW_COLUMNS} FROM ledger_rows ORDER BY task_id, unit"):  # noqa: S608
            digest.update(repr(row).encode("utf-8"))
        return digest.hexdigest()

    def history(self, task: str | None = None, unit: str | None = None) -> list[tuple]:
        """(task_id, unit, field, old, new, who, at, day, origin) in the order they were made."""
        return self._changes("SELECT task_id, unit, field, old, new, who, at, day, origin FROM ledger_history "
                             "WHERE 1=1", task, unit)

    def completions(self, done: tuple[str, ...]) -> dict[tuple[str, str], list[dt.date]]:
        """The days each row was completed, in order: a done status set adds its day, a
        done status taken back removes the last one."""
        out: dict[tuple[str, str], list[dt.date]] = {}
        for tid, unit, old, new, day in self.db.execute(
                "SELECT task_id, unit, old, new, day FROM ledger_history WHERE field = 'status' ORDER BY id"):
            days = out.setdefault((tid, unit), [])
            if new in done:
                days.append(dt.date.fromisoformat(day))
            elif old in done and days:
                days.pop()
        return out

    def sources(self, task: str | None = None, unit: str | None = None) -> list[tuple]:
        """(task_id, unit, field, old, new, day, origin, source, source_key) of the changes
        that came from a file or a document, in the order they were made."""
        return self._changes("SELECT task_id, unit, field, old, new, day, origin, source, source_key "
                             "FROM ledger_history WHERE source IS NOT NULL", task, unit)

    def _changes(self, sql: str, task: str | None, unit: str | None) -> list[tuple]:
        """The rows of a history query (its WHERE already open), narrowed to one task and one
        unit when given, in the order the changes were made."""
        args = []
        if task:
            sql, args = sql + " AND task_id = ?", [*args, task]
        if unit:
            sql, args = sql + " AND unit = ?", [*args, unit]
        return self.db.execute(sql + " ORDER BY id", args).fetchall()

    def _history(self, task: str, unit: str, field: str, old: str | None, new: str | None, change: Change) -> None:
        self.db.execute("INSERT INTO ledger_history (task_id, unit, field, old, new, who, at, day, origin, source, "
                        "source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (task, unit, field, old, new, change.who, change.at, change.day, change.origin, change.source,
                         change.source_key))


def _fold(text: str) -> str:
    return " ".join(bare(text).lower().split())


# --- against today (pure) ---------------------------------------------------------------
@dataclass(frozen=True)
class Due:
    """One occurrence of a row's deadline, classed against today."""

    task_id: str
    unit: str
    action: str
    due: dt.date | None
    deadline_text: str | None
    status: str
    deadline_class: str | None  # one of derive.json ledger.classes; None without a date
    number: str | None
    recurrence: str | None
    done_on: dt.date | None = None  # the completion that counts for this occurrence

    @property
    def overdue(self) -> bool:
        return self.deadline_class == "open_late"

    def to_dict(self, words: dict[str, str]) -> dict[str, object]:
        return {"task_id": self.task_id, "unit": self.unit, "action": self.action,
                "deadline": self.due.isoformat() if self.due else None, "deadline_text": self.deadline_text,
                "recurrence": self.recurrence, "status": self.status,
                "class": words.get(self.deadline_class or "", None), "done_on": self.done_on.isoformat()
                if self.done_on else None, "document": self.number}


def due_rows(rows: Iterable[Row], completions: dict[tuple[str, str], list[dt.date]], today: dt.date,
             until: dt.date) -> list[Due]:
    """Every occurrence of every row's deadline up to `until`, classed against `today`.

    A recurring deadline is expanded as the checklists expand it (schedule.occurrences).
    The completions count only up to today; each occurrence takes the first one after the
    occurrence before it (a monthly report set done in October does not finish November's),
    so a status is per row and a recurring row is set done once per occurrence. A row
    without a date gives one occurrence without a class."""
    from .derive.schedule import occurrences

    out: list[Due] = []
    for row in rows:
        deadline = Deadline(text=row.deadline_text or "", start=row.deadline_start, end=row.deadline_end)
        days = occurrences(deadline, row.recurrence, until) if row.deadline_end else []
        done = [d for d in completions.get((row.task_id, row.unit), []) if d <= today]
        if not days:
            out.append(Due(row.task_id, row.unit, row.action, None, row.deadline_text, row.status, None, row.number,
                           row.recurrence, done[-1] if done else None))
            continue
        previous: dt.date | None = None
        for day in days:
            if day > until:
                break
            taken = next((d for d in done if previous is None or d > previous), None)
            if taken is not None:
                done.remove(taken)
                kind = "done_on_time" if taken <= day else "done_late"
            else:
                kind = "open_late" if day < today else "open_on_time"
            out.append(Due(row.task_id, row.unit, row.action, day, row.deadline_text, row.status, kind, row.number,
                           row.recurrence, taken))
            previous = day
    out.sort(key=lambda d: (d.unit, d.due is None, d.due or dt.date.max, d.task_id))
    return out


# --- the checklists show the ledger -----------------------------------------------------
def status_lookup(rows: Iterable[Row], keys: dict[str, str], rules: Rules, roster: Roster | None = None,
                  head: str | None = None) -> StatusOf:
    """For the checklists and summary.xlsx (derive/checklist.StatusOf): the status of a
    plan's task as the ledger has it for the units of the checklist row. A row for several
    units ('Các trường Mầm non' with five named schools) has the status of the least
    advanced of them, and a note of how many are done."""
    hierarchy = rules.hierarchy
    statuses, done = rules.derive.statuses, rules.derive.done
    by_task: dict[str, dict[str, str]] = {}
    for row in rows:
        if not row.gone:
            by_task.setdefault(row.task_id, {})[row.unit] = row.status
    scope: tuple[NamedUnit, ...] = ()
    if roster is not None:
        scope = roster.under(roster.find(head, hierarchy) if head else None)

    def status_of(plan: ChildPlan, task: ChildTask) -> Standing:
        key = keys.get(plan.parent.source.path)
        tid = task_id(key, task.origin.owner, task.origin.action) if key and task.origin else ""
        units = by_task.get(tid, {})
        if not units:
            return Standing(statuses[0])
        owned = [u for u in units_of(task.owner, issuer_class(plan.parent, hierarchy), hierarchy, roster, scope)
                 if u in units]
        mine = owned or list(units)
        found = [units[u] for u in mine]
        least = min(found, key=lambda s: statuses.index(s) if s in statuses else 0)
        # a returned checklist may set a row only when it is its owner's own (a duty passed
        # down to the schools shows the Phòng's status, but is not the Phòng's to set there)
        one = owned[0] if len(owned) == 1 else ""
        finished = sum(s in done for s in found)
        if not 0 < finished < len(found):
            return Standing(least, "", tid, one)
        return Standing(least, f"{done[0]}: {finished}/{len(found)} đơn vị", tid, one)

    return status_of
