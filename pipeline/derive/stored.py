"""Child plans kept between runs: a plan is a pure function of its parent's record, the unit,
the plan's day, the rules and the code, so a run that finds all of these as they were takes
the plans from the store rather than derive them again (issue 17: deriving the plans of a
thousand unchanged documents was most of a run that added one).

A plan is stored as JSON without its parent (the batch has the record): each task's origin,
always one of the parent's tasks, as its index there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from ..record import Deadline, Quantity, Record
from ..rules import Rules
from . import ChildPlan, ChildTask, Unit
from .files import plans_for


def plan_to_dict(plan: ChildPlan) -> dict[str, Any]:
    """A plan as plain JSON types, its parent left out."""
    return {"unit": [plan.unit.class_id, plan.unit.name, plan.unit.place],
            "duties": [_task_to_dict(t, plan.parent) for t in plan.duties],
            "assignments": [_task_to_dict(t, plan.parent) for t in plan.assignments],
            "period": list(plan.period), "warnings": list(plan.warnings), "date": plan.date}


def plan_from_dict(data: dict[str, Any], parent: Record) -> ChildPlan:
    """The plan `plan_to_dict` gave, of `parent`."""
    return ChildPlan(parent=parent, unit=Unit(*data["unit"]),
                     duties=tuple(_task_from_dict(t, parent) for t in data["duties"]),
                     assignments=tuple(_task_from_dict(t, parent) for t in data["assignments"]),
                     period=tuple(data["period"]), warnings=tuple(data["warnings"]), date=data["date"])


def _task_to_dict(task: ChildTask, parent: Record) -> dict[str, Any]:
    if task.origin is None:
        origin = None
    else:  # the parent's own task object, else an equal one: the first of them
        origin = next((i for i, t in enumerate(parent.tasks) if t is task.origin), None)
        origin = parent.tasks.index(task.origin) if origin is None else origin
    return {"owner": task.owner, "action": task.action,
            "deadline": task.deadline.to_dict() if task.deadline else None,
            "parent_deadline": task.parent_deadline.to_dict() if task.parent_deadline else None,
            "due": list(task.due), "recurrence": task.recurrence,
            "quantity": task.quantity.to_dict() if task.quantity else None,
            "cooperating": list(task.cooperating), "source": task.source, "note": task.note, "origin": origin}


def _task_from_dict(data: dict[str, Any], parent: Record) -> ChildTask:
    # a deadline and a quantity hold plain values, and these are the dicts their to_dict
    # gave: made directly, not through from_dict's checks (15,000 tasks at 1,000 documents)
    deadline, before, quantity = data["deadline"], data["parent_deadline"], data["quantity"]
    return ChildTask(owner=data["owner"], action=data["action"],
                     deadline=Deadline(**deadline) if deadline else None,
                     parent_deadline=Deadline(**before) if before else None,
                     due=tuple(data["due"]), recurrence=data["recurrence"],
                     quantity=Quantity(**quantity) if quantity else None,
                     cooperating=tuple(data["cooperating"]), source=data["source"], note=data["note"],
                     origin=parent.tasks[data["origin"]] if data["origin"] is not None else None)


class PlanMemo:
    """The plans of each record, taken from those the last run derived when the record (its
    `digests` entry: record, text, rules and code), the unit and the day are the same; else
    derived. `used` holds every run's plans as JSON, for the store to keep for the next run."""

    def __init__(self, stored: dict[str, str], digests: dict[str, str]) -> None:
        self.stored = stored
        self.digests = digests
        self.used: dict[str, str] = {}

    def plans_for(self, record: Record, rules: Rules, unit: Unit | None, on: dt.date | None) -> list[ChildPlan]:
        digest = self.digests.get(record.source.path)
        if digest is None:  # a record the batch has no digest of: nothing says what it is made from
            return plans_for(record, rules, unit, on)
        key = hashlib.sha256(repr((digest, repr(unit), on.isoformat() if on else None)).encode("utf-8")).hexdigest()
        data = self.stored.get(key)
        if data is None:
            plans = plans_for(record, rules, unit, on)
            data = json.dumps([plan_to_dict(p) for p in plans], ensure_ascii=False)
        else:
            plans = [plan_from_dict(p, record) for p in json.loads(data)]
        self.used[key] = data
        return plans
