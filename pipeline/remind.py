"""`vanban remind` (issue 16): for the units with overdue rows of the ledger, a công văn đôn
đốc to sign and a short message to each unit.

`late_units` is pure: the occurrences `vanban due` finds overdue against today (ledger.due_rows,
a monthly report late in October and in November is late twice), grouped by unit and task,
each task with its source document as a công văn cites it. `remind_docx` lays the công văn
out as Nghị định 30/2020 Phụ lục I does (the helpers of derive/plan_docx.py): the office's
header with 'V/v đôn đốc thực hiện ...' under the Số line, Kính gửi the late units, each unit
and its overdue tasks with their deadlines and sources, Nơi nhận and the signer's block left
to sign. `remind_text` is the message for mail or chat. Every wording is a template of
rules/remind.json.

`write_reminders` writes OUT/remind/<yyyy-mm-dd>/: the công văn and one `<unit-slug>.txt`
per late unit. Names come from slugs (derive/files.unit_slug), never from document text or
a unit's name as written. The day's folder is made beside its place and swapped in whole,
so a second run of the same day replaces what the first wrote and a reader never sees half.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from .derive import Unit, about_title, parent_reference
from .derive.files import unit_slug
from .derive.schedule import WorkCalendar, vn_date
from .export import write_atomic
from .ledger import Due, Row
from .record import Record
from .rules import Rules

LETTER_NAME = "cong-van-don-doc.docx"
STALE_SECONDS = 3600  # a half-built day's folder this old is an interrupted run's, not a running one's


@dataclass(frozen=True)
class LateTask:
    """One task of a unit with the deadlines it missed (several for a recurring task)."""

    task_id: str
    action: str
    deadlines: tuple[dt.date, ...]
    document: str  # 'Kế hoạch số 178/KH-PGDĐT ngày 03/10/2024 của Phòng Giáo dục và Đào tạo về ...'
    document_short: str  # 'Kế hoạch số 178/KH-PGDĐT'


@dataclass(frozen=True)
class LateUnit:
    unit: str
    tasks: tuple[LateTask, ...]


@dataclass(frozen=True)
class Reminder:
    """What one run of `vanban remind` says: who signs, on which day, to which units."""

    office: Unit
    today: dt.date
    reply_by: dt.date
    units: tuple[LateUnit, ...]


def late_units(due: Iterable[Due], rows: Iterable[Row], records: dict[str, Record], rules: Rules,
               office: str | None = None) -> list[LateUnit]:
    """The overdue occurrences of `due` by unit (in the order of the ledger) and task (by
    first deadline); `records` (source path → record) give each task's source document.
    The `office` that signs does not write to itself: its own rows are left out."""
    by_key = {(r.task_id, r.unit): r for r in rows}
    own = rules.hierarchy.name_words(office) if office else None
    grouped: dict[str, dict[str, list[Due]]] = {}
    for item in due:
        if own is not None and rules.hierarchy.name_words(item.unit) == own:
            continue
        if item.overdue and item.due is not None:
            grouped.setdefault(item.unit, {}).setdefault(item.task_id, []).append(item)
    out = []
    for unit, tasks in grouped.items():
        late = []
        for task_id, items in tasks.items():
            row = by_key.get((task_id, unit))
            record = records.get(row.path) if row is not None and row.path else None
            full, short = _source(record, items[0].number, row.path if row else None, rules)
            first = items[0]
            action = _without(first.action, first.deadline_text, first.recurrence)
            late.append(LateTask(task_id, action, tuple(sorted(i.due for i in items if i.due)), full, short))
        late.sort(key=lambda t: (t.deadlines[0], t.task_id))
        out.append(LateUnit(unit, tuple(late)))
    return out


def _source(record: Record | None, number: str | None, path: str | None, rules: Rules) -> tuple[str, str]:
    """How the công văn cites a task's document: in full, with its trích yếu, and short."""
    if record is None:
        said = f"văn bản số {number}" if number else f"văn bản {path or ''}".strip()
        return said, said
    full = parent_reference(record, rules)
    short = f"{record.doc_type or 'Văn bản'} số {record.number}" if record.number else full
    return full + about_title(record), short


def reply_day(today: dt.date, rules: Rules) -> dt.date:
    """The working day `remind.reply_working_days` working days after today."""
    calendar, day, left = WorkCalendar(rules.derive), today, rules.remind.reply_working_days
    while left:
        day += dt.timedelta(days=1)
        left -= calendar.is_working_day(day)
    return day


def _without(action: str, deadline: str | None, recurrence: str | None) -> str:
    """The action without its own deadline phrase: the line gives the deadline as a date
    ('..., gửi danh sách về Phòng GDĐT trước ngày 15/11/2024' → '..., gửi danh sách về
    Phòng GDĐT'). A recurring task keeps it ('Định kỳ trước ngày 20 hằng tháng, báo cáo
    ...'): the dates missed alone would not say it is due every month."""
    if deadline and not recurrence and len(deadline) > 4 and deadline in action:
        action = action.replace(deadline, " ", 1)
    action = regex.sub(r"\s+([,;.)])", r"\1", " ".join(action.split()))
    return regex.sub(r"([,;])(?:\s*[,;])+", r"\1", action).strip(" ,;.")


def _deadlines(days: tuple[dt.date, ...]) -> str:
    """'20/10/2024', '20/10/2024 và 20/11/2024', '20/9/…, 20/10/2024 và 20/11/2024'."""
    said = [vn_date(d.isoformat()) for d in days]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " và " + said[-1]


def _names(reminder: Reminder, rules: Rules) -> dict[str, str]:
    """The office as its công văn names itself, with its place, and its leaders."""
    hierarchy = rules.hierarchy
    unit_class = hierarchy.get(reminder.office.class_id)
    office = hierarchy.split_place(reminder.office.name)[0] or unit_class.one
    short = f"{unit_class.short} {reminder.office.place}" if reminder.office.place else unit_class.short
    return {"office": office, "office_short": short, "office_head": unit_class.short.split()[0]}


def remind_docx(reminder: Reminder, rules: Rules) -> bytes:
    """The công văn đôn đốc as a DOCX to sign (Nghị định 30/2020, Phụ lục I)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from .derive.plan_docx import closing, header, new_document, para, save

    text = rules.remind
    unit_class = rules.hierarchy.get(reminder.office.class_id)
    names = _names(reminder, rules)
    documents = {t.document_short for u in reminder.units for t in u.tasks}
    about = (text.text("letter.about_one", document_short=next(iter(documents))) if len(documents) == 1
             else text.text("letter.about_many"))
    document = new_document()
    header(document, unit_class, names["office"], reminder.office.place or "...", f"Số: .../{unit_class.code}",
           reminder.today.isoformat(), about=about)
    para(document)
    units = [u.unit for u in reminder.units]
    if len(units) == 1:
        para(document, f"Kính gửi: {units[0]}.", align=WD_ALIGN_PARAGRAPH.CENTER)
    else:
        para(document, "Kính gửi:").paragraph_format.left_indent = Cm(3)
        for index, unit in enumerate(units):
            line = para(document, f"- {unit}{'.' if index == len(units) - 1 else ';'}")
            line.paragraph_format.left_indent = Cm(4.5)
    para(document)
    today = vn_date(reminder.today.isoformat())
    if len(documents) == 1:
        first = reminder.units[0].tasks[0]
        para(document, text.text("letter.opening_one", today=today, office=names["office"], document=first.document,
                                 document_short=first.document_short), indent=True)
    else:
        para(document, text.text("letter.opening", today=today, office=names["office"]), indent=True)
    cited: set[str] = set()  # a document is cited in full the first time, by its number after
    for index, late in enumerate(reminder.units, start=1):
        para(document, text.text("letter.unit", index=index, unit=late.unit), bold=True, indent=True)
        for task in late.tasks:
            values = {"action": _action(task.action), "deadline": _deadlines(task.deadlines)}
            if len(documents) == 1:
                para(document, text.text("letter.task_one", **values), indent=True)
                continue
            source = task.document_short if task.document_short in cited else task.document
            cited.add(task.document_short)
            para(document, text.text("letter.task", document=source, document_short=task.document_short, **values),
                 indent=True)
    para(document, text.text("letter.closing", reply_by=vn_date(reminder.reply_by.isoformat()), **names),
         indent=True)
    recipients = text.lines("letter.recipients", **names)
    closing(document, recipients, unit_class.head)
    return save(document, reminder.today.isoformat())


def remind_text(late: LateUnit, reminder: Reminder, rules: Rules) -> str:
    """The short message to one late unit, for mail or chat."""
    text, names = rules.remind, _names(reminder, rules)
    today, reply_by = vn_date(reminder.today.isoformat()), vn_date(reminder.reply_by.isoformat())
    lines = [text.text("message.greeting", unit=late.unit), "",
             text.text("message.opening", office_short=names["office_short"], today=today,
                       count=f"{len(late.tasks):02d}", unit=late.unit)]
    for index, task in enumerate(late.tasks, start=1):
        lines.append(text.text("message.task", index=index, action=_action(task.action),
                               deadline=_deadlines(task.deadlines), document=task.document,
                               document_short=task.document_short))
    lines += [text.text("message.closing", office_short=names["office_short"], reply_by=reply_by, unit=late.unit),
              "", text.text("message.signature", **{k: names[k] for k in ("office", "office_short")})]
    return "\n".join(lines) + "\n"


def _action(action: str) -> str:
    """A task's action as a line of a letter: capitalised, without its closing stop."""
    action = " ".join(action.split()).rstrip(" .;")
    return action[:1].upper() + action[1:]


def write_reminders(out: Path, reminder: Reminder, rules: Rules) -> list[Path]:
    """OUT/remind/<yyyy-mm-dd>/: the công văn and a message per late unit; the day's folder
    replaced whole. No late unit: the day's folder is removed. Returns the files written."""
    root = out / "remind"
    target = root / reminder.today.isoformat()
    root.mkdir(parents=True, exist_ok=True)
    for stale in root.glob(f".{target.name}.*"):  # what an interrupted run left (not one running now)
        if time.time() - stale.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(stale, ignore_errors=True)
    if not reminder.units:
        if target.exists():
            shutil.rmtree(target)
        return []
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=root))
    names: list[str] = []
    write_atomic(building / LETTER_NAME, remind_docx(reminder, rules))
    names.append(LETTER_NAME)
    taken = {Path(LETTER_NAME).stem}
    for late in reminder.units:
        slug = unit_slug(late.unit)
        stem, number = slug, 2
        while stem in taken:  # two names that fold to one slug keep a file each
            stem, number = f"{slug}-{number}", number + 1
        taken.add(stem)
        write_atomic(building / f"{stem}.txt", remind_text(late, reminder, rules))
        names.append(f"{stem}.txt")
    os.chmod(building, 0o755)  # mkdtemp makes 0700: the folder is for the office to read
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=root))
        os.replace(target, old / "day")
    os.replace(building, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [target / name for name in names]
