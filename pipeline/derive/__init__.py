"""Derive: from a parent's record, the child plan and the task checklist of a unit below it.

For the receiving unit (a class of rules/hierarchy.json, perhaps with its own name), the
parent's tasks whose owner names the unit's class are its duties; tasks the parent gives
to classes under the unit, and duties that direct those classes ('Chỉ đạo các trường
...'), become its assignments. Every deadline moves earlier by the lead time of
rules/derive.json in working days. Pure: records and rules in, a `ChildPlan` out; the
writers (plan_docx, checklist) turn it into files.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace

import regex

from ..hierarchy import Hierarchy, UnitClass
from ..normalise import bare
from ..record import Deadline, Quantity, Record, Task
from ..rules import Rules
from .schedule import WorkCalendar, child_deadline, plan_period, vn_date


@dataclass(frozen=True)
class Unit:
    """The unit a child plan is written for: a class, with a name of its own when known."""

    class_id: str
    name: str
    place: str | None = None


@dataclass(frozen=True)
class ChildTask:
    owner: str  # who acts in the child plan: the unit itself, or units below it
    action: str  # the parent's action, its deadline phrase replaced by the child's
    deadline: Deadline | None  # the child's
    parent_deadline: Deadline | None
    due: tuple[str, ...]  # ISO date of every occurrence (a recurring task has several)
    recurrence: str | None
    quantity: Quantity | None
    cooperating: tuple[str, ...]
    source: str  # where the parent gives it: '1008/KH-SGDĐT, mục V'
    note: str = ""  # what the unit should know: the parent's deadline was over when it was issued
    origin: Task | None = None  # the parent's task as written: the ledger knows the row by it


@dataclass(frozen=True)
class ChildPlan:
    parent: Record
    unit: Unit
    duties: tuple[ChildTask, ...]
    assignments: tuple[ChildTask, ...]
    period: tuple[str | None, str | None]
    warnings: tuple[str, ...] = ()
    date: str | None = None  # the child plan's own day: every derived deadline comes after it

    @property
    def tasks(self) -> tuple[ChildTask, ...]:
        """Every task of the plan once: a duty a school gives to one of its roles is listed
        under the role that does it (the checklist a head of school chases)."""
        given = {(t.action, t.source) for t in self.assignments}
        return tuple(t for t in self.duties if (t.action, t.source) not in given) + self.assignments


def unit_named(name: str, rules: Rules) -> Unit:
    """The Unit of a name such as 'Phòng Giáo dục và Đào tạo huyện Mai Sơn'; ValueError
    when no class of rules/hierarchy.json names it."""
    hierarchy = _hierarchy(rules)
    class_id = hierarchy.class_of_unit(name)
    if class_id is None:
        known = ", ".join(u.one for u in hierarchy.classes)
        raise ValueError(f"{name!r} is no unit class of rules/hierarchy.json (known: {known})")
    return Unit(class_id, " ".join(name.split()), hierarchy.place_of(name))


def issuer_class(record: Record, hierarchy: Hierarchy) -> str | None:
    """The class of the body that issued the record, from its name or its code."""
    if record.issuer is None:
        return None
    found = hierarchy.class_of_unit(record.issuer.name) if record.issuer.name else None
    if found:
        return found
    code = (record.issuer.code or "").replace("&", "")
    return next((u.id for u in hierarchy.classes if u.code == code), None)


def units_addressed(record: Record, rules: Rules) -> list[Unit]:
    """The classes below the issuer that the record gives work to, in hierarchy order,
    each as a Unit with its class name."""
    hierarchy = _hierarchy(rules)
    own = issuer_class(record, hierarchy)
    allowed = set(hierarchy.below(own)) if own else {u.id for u in hierarchy.classes}
    named: set[str] = set()
    for task in record.tasks:
        named.update(hierarchy.classes_named(task.owner, own))
    return [Unit(u.id, u.name) for u in hierarchy.classes if u.id in named & allowed]


def derive_plan(parent: Record, unit: Unit, rules: Rules, on: dt.date | None = None) -> ChildPlan | None:
    """The child plan of `unit` for `parent`, dated `on` (by default the first working day
    after the parent's date, the earliest a unit can issue its own), or None when the parent
    gives it no work. Every derived deadline comes after `on` and no later than the parent's."""
    hierarchy = _hierarchy(rules)
    calendar = WorkCalendar(rules.derive)
    own = issuer_class(parent, hierarchy)
    on = on or _first_day(parent, calendar)
    start, end = plan_period(on)
    below = set(hierarchy.below(unit.class_id))
    warnings: list[str] = []
    duties: list[ChildTask] = []
    assignments: list[ChildTask] = []
    for task in parent.tasks:
        if not _WORDED.search(task.action):
            # a duty with no word in it is a piece a page or a table broke off, or a cell read alone (a phone
            # number and its note '096.808.7683 (2)' of QĐ 2280/QĐ-UBND Hà Nội, '_ 5' of TT 16/2026/TT-BGDĐT):
            # no unit can carry it out, and the user is told. A duty named by its product alone is one ('Luật
            # Hộ tịch (sửa đổi)' in the table of NQ 105/2025/UBTVQH15), and is passed down
            warnings.append(f"nội dung “{task.action}” của văn bản cấp trên không nêu việc phải làm (có thể là một "
                            "phần câu bị ngắt): không giao xuống, cần đối chiếu bản gốc")
            continue
        classes = set(hierarchy.classes_named(task.owner, own))
        if unit.class_id in classes:
            duty = _child(task, unit.name, calendar, on, end, parent)
            if rules.pattern("own_plan").search(task.action):
                # the duty to write this very plan is done by issuing it; what it directs the
                # units below to do is still passed down
                warnings.append(f"nhiệm vụ “{_short(task.action)}” được thực hiện bằng việc ban hành kế hoạch này")
            else:
                duties.append(duty)
            classes, directed = _directed(task.action, unit.class_id, hierarchy, rules)
            for class_id in classes:
                # the unit passes the duty down: the units below finish earlier still
                passed = replace(task, action=_reports_to(directed, own, unit, hierarchy, rules),
                                 deadline=_moved(task, duty))
                assignments.append(_child(passed, hierarchy.get(class_id).name, calendar, on, end, parent, task))
        elif classes & below:
            passed = replace(task, action=_reports_to(task.action, own, unit, hierarchy, rules))
            assignments.append(_child(passed, task.owner, calendar, on, end, parent, task))
        note = _overdue_note(task, parent)
        if note:
            warnings.append(note)
    roles = rules.derive.school_roles
    if roles and unit.class_id in roles.levels and not below:
        # a school has no units below: each of its duties goes to the role inside it that does
        # such work (Hiệu trưởng, Tổ chuyên môn, Giáo viên chủ nhiệm ...), by rules
        assignments += [replace(duty, owner=roles.role_for(duty.action, unit.class_id)) for duty in duties]
    warnings += [t.note for t in duties + assignments if t.note]
    if not duties and not assignments:
        return None
    return ChildPlan(parent, unit, tuple(duties), tuple(assignments),
                     (start.isoformat() if start else None, end.isoformat() if end else None),
                     tuple(dict.fromkeys(warnings)), on.isoformat() if on else None)


_WORDED = regex.compile(r"\p{L}{2}")  # a word of two letters at the least


def _short(text: str, words: int = 20) -> str:
    """The first words of a task, for a note."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _first_day(parent: Record, calendar: WorkCalendar) -> dt.date | None:
    """The first working day after the parent's date: the earliest a unit can issue its plan."""
    if not parent.date:
        return None
    day = dt.date.fromisoformat(parent.date) + dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _reports_to(action: str, parent_class: str | None, unit: Unit, hierarchy: Hierarchy, rules: Rules) -> str:
    """A task passed down sends its reports to the unit that passes it down, not over its
    head to the parent ('gửi về Sở GDĐT' → 'gửi về Phòng Giáo dục và Đào tạo huyện Nam Đàn')."""
    if parent_class is None:
        return action
    pattern = rules.pattern("report_to")
    out, last = [], 0
    for found in pattern.finditer(action):
        if parent_class in hierarchy.classes_named(found["to"]):
            out += [action[last:found.start("to")], unit.name]
            # the parent's own department it routes through is no part of the new address
            via = _VIA.match(action, found.end("to"))
            last = via.end() if via else found.end("to")
    return "".join(out) + action[last:]


_VIA = regex.compile(r"\s*\((?:qua|thông\s+qua)\s[^)]*\)")


def parent_reference(record: Record, rules: Rules) -> str:
    """'Kế hoạch số 1008/KH-SGDĐT ngày 06/7/2022 của Sở Giáo dục và Đào tạo'; the issuer
    by its class's name when it has one (headers print it in capitals)."""
    parts = [record.doc_type or "Văn bản"]
    if record.number:
        parts.append(f"số {record.number}")
    if record.date:
        day = dt.date.fromisoformat(record.date)
        parts.append(f"ngày {day.day:02d}/{day.month}/{day.year}")
    own = issuer_class(record, _hierarchy(rules))
    if own:
        parts.append(f"của {_hierarchy(rules).get(own).one}")
    elif record.issuer and record.issuer.name:
        parts.append(f"của {_hierarchy(rules).running_name(record.issuer.name)}")
    return " ".join(parts)


def about_title(record: Record) -> str:
    """' về <trích yếu>' to follow a reference to the record, or ''. A công văn's trích yếu
    is written 'V/v ...' (về việc) and a decision's may begin 'Về ...': the 'về' is said once
    ('Công văn số 6103/BGDĐT-GDTrH ... về triển khai cuộc thi ...', not 'về v/v triển khai')."""
    title = regex.sub(r"(?i)^\s*(?:v/v|về\s+việc|về)\s+", "", record.title or "").strip()
    if title and not regex.search(r"\p{Ll}", title):
        title = _running_case(title)
    return f" về {title[:1].lower()}{title[1:]}" if title else ""


def _is_code(word: str) -> bool:
    """A word without a vowel ('GDĐT', 'THPT', 'UBND') or with a digit ('COVID-19'): a code or
    an acronym, kept as printed."""
    return not regex.search(r"[AEIOUY]", bare(word)) or regex.search(r"\d", word) is not None


def _running_case(title: str) -> str:
    """A trích yếu printed in capitals, as decisions and decrees print it under their type
    ('TÍN DỤNG ĐỐI VỚI HỌC SINH, SINH VIÊN THEO HỌC CÁC NGÀNH STEM', QĐ 29/2025/QĐ-TTg), in
    the small letters of running text, its codes and acronyms as printed ('... THPT', 'COVID-19');
    a proper name in it is lowered too, which a reader forgives more than 'tÍN DỤNG ...'."""
    return regex.sub(r"[^\s,;:()/.]+", lambda word: word[0] if _is_code(word[0]) else word[0].lower(), title)


def _child(task: Task, owner: str, calendar: WorkCalendar, on: dt.date | None, period_end: dt.date | None,
           parent: Record, origin: Task | None = None) -> ChildTask:
    fitted = child_deadline(task, calendar, on or dt.date.min, period_end)
    deadline, due = fitted.deadline, fitted.due
    action = task.action
    if deadline is not None and task.deadline is not None and deadline.text != task.deadline.text:
        if task.deadline.text and task.deadline.text in action:
            action = action.replace(task.deadline.text, deadline.text, 1)
        else:
            action = f"{action.rstrip(' .;')}, thời hạn: {deadline.text}"
    source = ", ".join(p for p in (parent.number, f"mục {task.section}" if task.section else None) if p)
    return ChildTask(owner=owner, action=action, deadline=deadline, parent_deadline=task.deadline,
                     due=tuple(d.isoformat() for d in due), recurrence=task.recurrence,
                     quantity=task.quantity, cooperating=task.cooperating, source=source,
                     note="; ".join(n for n in (_overdue_note(task, parent), fitted.note) if n),
                     origin=origin or task)


def _overdue_note(task: Task, parent: Record) -> str:
    """A parent deadline already over on the parent's own date: the child's is over too."""
    if task.deadline and task.deadline.end and parent.date and task.deadline.end < parent.date:
        return (f"thời hạn “{task.deadline.text}” của văn bản cấp trên đã qua vào ngày ban hành "
                f"{vn_date(parent.date)}: thời hạn của cấp dưới cũng đã qua")
    return ""


def _directed(action: str, unit_class: str, hierarchy: Hierarchy, rules: Rules) -> tuple[list[str], str]:
    """The classes below the unit that a duty's action directs, and what they must do:
    'Chỉ đạo các trường tiểu học, THCS lồng ghép ...' → ([tieu_hoc, thcs], 'Lồng ghép ...');
    'chỉ đạo các cơ sở giáo dục' directs every class under the unit."""
    pattern = _pass_down(rules.derive.pass_down_verbs)
    match = pattern.search(action) if pattern else None
    if not match:
        return [], action
    object_phrase = regex.split(r"[;.:(]", action[match.end():], maxsplit=1)[0]
    below = set(hierarchy.below(unit_class))
    classes = [c for c in hierarchy.classes_named(object_phrase, unit_class) if c in below]
    # what the units are directed to do is said in the same clause: in 'giám sát và đôn đốc
    # các trường dự thi; hướng dẫn các đơn vị ...' (CV 6103/BGDĐT-GDTrH) the guidance after
    # the semicolon is the directing unit's own work, not the schools'
    clause_end = match.end() + len(object_phrase)
    verb = rules.tasks.verb.search(action, match.end(), clause_end) if rules.tasks else None
    if not classes or verb is None:
        return [], action
    rest = action[verb.start():]
    return classes, rest[:1].upper() + rest[1:]


@functools.cache
def _pass_down(verbs: tuple[str, ...]) -> regex.Pattern | None:
    """The verbs by which a duty directs the units below, as one pattern (compiled once: it
    was escaped and compiled for every task of every plan)."""
    if not verbs:
        return None
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{'|'.join(regex.escape(v) for v in verbs)})(?!\p{{L}})")


def _moved(task: Task, duty: ChildTask) -> Deadline | None:
    """The deadline of a duty passed down: that of the duty, its phrase as the task writes it."""
    if duty.deadline is None or task.deadline is None:
        return task.deadline
    return Deadline(text=task.deadline.text, start=duty.deadline.start, end=duty.deadline.end)


def _hierarchy(rules: Rules) -> Hierarchy:
    if rules.hierarchy is None or rules.derive is None:
        raise ValueError("the rules have no hierarchy.json or derive.json: derive needs both")
    return rules.hierarchy


__all__ = ["ChildPlan", "ChildTask", "Unit", "UnitClass", "derive_plan", "issuer_class", "parent_reference",
           "unit_named", "units_addressed"]
