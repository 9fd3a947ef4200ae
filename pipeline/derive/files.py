"""Writing what derive makes: per unit a folder with, for each parent document, the plan
draft (.docx), the checklist (.xlsx, .csv) and the calendar (.ics); and the batch summary.

OUT/derived/<unit>/<document>.{docx,xlsx,csv,ics}, OUT/derived/summary.xlsx. The unit's
folder name is a slug of its name (ASCII letters, digits and '-'), the document's name the
safe name of its input path: no text of a dispatch chooses a path.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

from ..export import kept, write_atomic
from ..normalise import bare
from ..record import Record
from ..rules import Rules
from ..version import code_version
from . import ChildPlan, ChildTask, Unit, derive_plan, units_addressed
from .checklist import Standing, StatusOf, checklist_csv, checklist_ics, checklist_xlsx, rows, summary_rows
from .plan_docx import plan_docx

SUFFIXES = (".docx", ".xlsx", ".csv", ".ics")


@dataclass(frozen=True)
class Derived:
    name: str  # the safe name of the parent's input
    plan: ChildPlan


@functools.lru_cache(maxsize=1024)  # asked six times a plan (issue 17)
def unit_slug(name: str) -> str:
    """'Phòng Giáo dục và Đào tạo huyện Mai Sơn' → 'phong-giao-duc-va-dao-tao-huyen-mai-son'."""
    slug = regex.sub(r"[^a-z0-9]+", "-", bare(name).lower()).strip("-")
    return slug[:80].rstrip("-") or "don-vi"


def plans_for(record: Record, rules: Rules, unit: Unit | None = None, on: dt.date | None = None) -> list[ChildPlan]:
    """The child plans of one record, dated `on`: for `unit`, or for every class below its
    issuer that it gives work to."""
    units = [unit] if unit else units_addressed(record, rules)
    return [plan for plan in (derive_plan(record, u, rules, on) for u in units) if plan is not None]


def write_plan(folder: Path, derived: Derived, rules: Rules, status_of: StatusOf | None = None) -> list[Path]:
    """The four files of one child plan in `folder`/<unit>/; returns their paths. The
    checklist's statuses are the ledger's when `status_of` is given."""
    plan = derived.plan
    target = folder / unit_slug(plan.unit.name)
    title = f"{plan.unit.name} - {plan.parent.number or derived.name}"
    table = rows(plan, rules, status_of)
    files = {
        ".docx": plan_docx(plan, rules),
        ".xlsx": checklist_xlsx(table, title, rules),
        ".csv": checklist_csv(table, rules),
        ".ics": checklist_ics(plan, plan.unit.name, rules),
    }
    written = []
    for suffix, content in files.items():
        path = target / f"{derived.name}{suffix}"
        write_atomic(path, content)
        written.append(path)
    return written


def _key(derived: Derived, rules: Rules, status_of: StatusOf | None = None,
         parents: dict[int, str] | None = None) -> str:
    """What a plan's files depend on: the parent's record, the unit, the rules, the code,
    and the statuses of its tasks in the ledger. `parents` remembers each parent's digest
    (a parent has a plan for each of its units)."""
    parent = derived.plan.parent
    digest = (parents or {}).get(id(parent))
    if digest is None:
        # the record's repr holds every field of it and of its parts (none is left out of it)
        # at a third of the cost of its JSON (issue 17)
        digest = hashlib.sha256(repr(parent).encode("utf-8")).hexdigest()
        if parents is not None:
            parents[id(parent)] = digest
    statuses = [status_of(derived.plan, task) for task in derived.plan.tasks] if status_of else []
    payload = json.dumps([digest, derived.plan.unit.__dict__, derived.plan.date, rules.version, code_version(),
                          statuses], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _remembered(status_of: StatusOf) -> StatusOf:
    """`status_of` asked once a task: the key, the checklist and the summary each ask it
    (a second at 1,000 documents, issue 17). Plans and tasks outlive the call: ids are theirs."""
    known: dict[tuple[int, int], Standing] = {}

    def remembered(plan: ChildPlan, task: ChildTask) -> Standing:
        key = (id(plan), id(task))
        if key not in known:
            known[key] = status_of(plan, task)
        return known[key]

    return remembered


def write_derived(folder: Path, derived: list[Derived], rules: Rules, status_of: StatusOf | None = None,
                  intact: Callable[[Path], bool] = Path.exists, digests: dict[str, str] | None = None) -> list[Path]:
    """Every child plan's files and the summary workbook; files of plans no longer derived
    are removed, so the folder mirrors the batch. A plan whose parent, unit, rules, code
    and statuses are those of its files already written, each still `intact` (there, by
    default), is not made again (.keys.json remembers). `status_of` gives each task's status
    from the ledger; `digests`, each parent's digest by path when the batch knows it
    (store.document_digest: its record, text, rules and code)."""
    keys_path = folder / ".keys.json"
    try:
        known = json.loads(keys_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    keys: dict[str, str] = {}
    written: list[Path] = []
    # the records stay alive while `derived` holds them: ids are theirs
    parents = {id(d.plan.parent): digests[d.plan.parent.source.path] for d in derived
               if digests and d.plan.parent.source.path in digests}
    if status_of is not None:
        status_of = _remembered(status_of)
    for item in derived:
        target = folder / unit_slug(item.plan.unit.name)
        paths = [target / f"{item.name}{suffix}" for suffix in SUFFIXES]
        slot, key = f"{target.name}/{item.name}", _key(item, rules, status_of, parents)
        if known.get(slot) != key or not all(intact(p) for p in paths):
            paths = write_plan(folder, item, rules, status_of)
        else:
            for path in paths:
                kept(path)
        keys[slot] = key
        written.extend(paths)
    summary = folder / "summary.xlsx"
    keys["summary.xlsx"] = hashlib.sha256(json.dumps(sorted(keys.items())).encode("utf-8")).hexdigest()
    if known.get("summary.xlsx") != keys["summary.xlsx"] or not intact(summary):
        write_atomic(summary, checklist_xlsx(summary_rows([d.plan for d in derived], rules, status_of),
                                             "Tổng hợp nhiệm vụ", rules))
    else:
        kept(summary)
    written.append(summary)
    # one walk, the deepest folders first, and no resolve(): the paths compared are all made
    # from `folder` (resolving 8,000 of them twice took a second at 1,000 documents)
    keep = {os.path.normpath(p) for p in written}
    for here, _, names in os.walk(folder, topdown=False):
        for name in names:
            path = os.path.join(here, name)
            if os.path.splitext(name)[1] in SUFFIXES and os.path.normpath(path) not in keep:
                os.unlink(path)
        if here != str(folder) and not os.listdir(here):
            os.rmdir(here)
    write_atomic(keys_path, json.dumps(keys, ensure_ascii=False, indent=1))
    return written
