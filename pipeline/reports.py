"""Incoming reports (issue 16): a báo cáo (or công văn) a named unit sends about a plan of
the batch marks that unit's report task of the plan done, with the document as evidence.

`answers` is pure. A document answers a task when all of this holds, else it marks
nothing: its type is one of `ledger.reports.doc_types` (rules/derive.json); its issuer is
a unit of the units file (Trường THCS Kim Liên, by its name compared as units are); it
cites a document of the batch (the audit's citation links resolve the citation); and of
that document's report tasks (`ledger.reports.task`: 'gửi ... về', 'báo cáo') with a
ledger row for the unit, one is clearly the one its title speaks of. The title's words,
without the words every report has (`generic`) and those that name the cited plan (its
type and title: every task of the plan shares them), are compared with each task's action: the best must
hold `min_share` of them and lead the next by `margin`. When unsure, nothing is marked and
a note says why, so the office can set the row by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .audit.crossref import Link
from .ledger import Row
from .record import Record
from .roster import Roster
from .rules import Rules


@dataclass(frozen=True)
class Answer:
    """A report that answers the (task, unit) row of the ledger."""

    task_id: str
    unit: str
    document: str  # the report's document key (identity.document_key)
    source: str  # the report as a person finds it: '45/BC-THCS (bao-cao/kim-lien.txt)'
    day: str | None  # the report's own date: the day the task was done
    score: float


def answers(documents: Iterable[Record], links: Iterable[Link], keys: dict[str, str], rows: Iterable[Row],
            rules: Rules, roster: Roster | None) -> tuple[list[Answer], list[tuple[str, str]]]:
    """The rows the batch's incoming reports answer, and (path, why) for each report of a
    named unit citing a plan of the batch that answers none for sure."""
    settings = rules.derive.reports
    if settings is None or roster is None:
        return [], []
    kinds = {k.casefold() for k in settings.doc_types}
    cited: dict[str, list[Record]] = {}
    for link in links:
        if link.cited is not None and link.cited.path != link.citing.path:
            cited.setdefault(link.citing.path, []).append(link.cited.record)
    open_rows: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        if not row.gone and settings.task.search(row.action):
            open_rows.setdefault((row.document, row.unit), []).append(row)
    found: list[Answer] = []
    unsure: list[tuple[str, str]] = []
    for record in documents:
        if (record.doc_type or "").casefold() not in kinds or not cited.get(record.source.path):
            continue
        unit = _issuer_unit(record, roster, rules)
        if unit is None:
            continue
        for plan in {id(p): p for p in cited[record.source.path]}.values():
            tasks = open_rows.get((keys.get(plan.source.path, ""), unit), [])
            if not tasks:
                continue
            # the words that name the cited plan (its type, its title) are in every task of it
            title = _words(record.title or "") - settings.generic - _words(f"{plan.doc_type or ''} {plan.title or ''}")
            source = f"{record.number} ({record.source.path})" if record.number else record.source.path
            if len(title) < settings.min_words:
                unsure.append((record.source.path, f"its title says too little to tell which task of {plan.number} "
                                                   f"it answers for {unit}; not marked"))
                continue
            scored = sorted(((len(title & _words(t.action)) / len(title), t) for t in tasks),
                            key=lambda item: (-item[0], item[1].task_id))
            best, task = scored[0]
            runner = scored[1][0] if len(scored) > 1 else 0.0
            if best >= settings.min_share and best - runner >= settings.margin:
                found.append(Answer(task.task_id, unit, keys.get(record.source.path, record.source.path), source,
                                    record.date, best))
            else:
                unsure.append((record.source.path, f"cannot tell which report task of {plan.number} it answers for "
                                                   f"{unit} (best '{_short(task.action)}' {best:.2f}, next "
                                                   f"{runner:.2f}); not marked"))
    return found, unsure


def _issuer_unit(record: Record, roster: Roster, rules: Rules) -> str | None:
    """The named unit that issued the record, by its name (with its place when the header
    gives one), or None."""
    issuer = record.issuer
    if issuer is None or not issuer.name:
        return None
    named = roster.find(issuer.name, rules.hierarchy)
    if named is None and record.place:
        named = roster.find(f"{issuer.name} {record.place}", rules.hierarchy)
    return named.name if named is not None else None


_WORD = regex.compile(r"\p{L}+")


def _words(text: str) -> set[str]:
    """The syllables of a text, in small letters with their diacritics (without them,
    'hồ' and 'họ' would be one word)."""
    return {w.casefold() for w in _WORD.findall(text)}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"
