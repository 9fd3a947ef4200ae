"""Coverage: for every child plan citing a parent of the batch, the parent's tasks for the
child's unit that the child does not carry, and child deadlines later than the parent's.

Tasks are matched by what they ask, not by their words alone: actions are compared on
words with abbreviations expanded and synonyms folded (rules/audit.json), each word
weighted by how rare it is among the batch's tasks (tf-idf), unigrams and bigrams, by
cosine similarity. Each parent task is matched to the child task most like it.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass, replace

import regex

from ..derive import issuer_class
from ..extract.checks import Checker
from ..extract.deadlines import find_deadline
from ..record import Finding, Quote, Record, Task
from ..rules import Rules
from .crossref import Link
from .index import Document

TIE = 0.05  # candidates this close to the best match carry the parent task as well as it does
_STOP = frozenset("các của và cho với trong trên tại để về theo được có là những một này đó khi từ đến "
                  "đã sẽ thì mà nếu hoặc cùng như".split())


@dataclass(frozen=True)
class Coverage:
    parent: Document
    child: Document
    unit: str  # the class of the child's issuer
    carried: int
    total: int

    @property
    def ratio(self) -> float:
        return self.carried / self.total if self.total else 1.0


class Similarity:
    """tf-idf cosine of task actions; idf from every task of the batch."""

    def __init__(self, records: list[Record], rules: Rules) -> None:
        groups = rules.table("audit")["coverage"]["synonyms"]["groups"]
        self.hierarchy = rules.hierarchy
        self.synonyms = [(regex.compile(r"(?<!\p{L})" + regex.escape(self.hierarchy.key(w)) + r"(?!\p{L})"),
                          self.hierarchy.key(group[0]).replace(" ", "_"))
                         for group in groups for w in sorted(group, key=len, reverse=True)]
        # an action's terms and vector, made once: the batch's tasks repeat their actions (a
        # document's copies, the same duty passed down), and folding synonyms is regex work
        # on every one (a fifth of the audit at 1,000 documents, issue 17)
        self._terms: dict[str, tuple[str, ...]] = {}
        self._vectors: dict[str, dict[str, float]] = {}
        self._actions = [t.action for r in records for t in r.tasks]
        self.default_idf = math.log(1 + len(self._actions)) + 1

    @functools.cached_property
    def idf(self) -> dict[str, float]:
        """Each term's idf over the batch's tasks, counted when a pair of documents is first
        compared: a batch whose documents cite none of each other never pays for it (the run
        that adds one document to a thousand, issue 17)."""
        counts = Counter(term for a in self._actions for term in set(self.terms(a)))
        return {term: math.log((1 + len(self._actions)) / (1 + n)) + 1 for term, n in counts.items()}

    def terms(self, action: str) -> tuple[str, ...]:
        known = self._terms.get(action)
        if known is not None:
            return known
        key = self.hierarchy.key(action)
        for pattern, folded in self.synonyms:
            key = pattern.sub(folded, key)
        words = [w for w in key.split() if w not in _STOP and not w.isdigit()]
        self._terms[action] = found = (*words, *(f"{a} {b}" for a, b in zip(words, words[1:])))
        return found

    def vector(self, action: str) -> dict[str, float]:
        """The action's unit tf-idf vector (the caller only reads it)."""
        known = self._vectors.get(action)
        if known is not None:
            return known
        counts = Counter(self.terms(action))
        vec = {t: n * self.idf.get(t, self.default_idf) for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        self._vectors[action] = found = {t: v / norm for t, v in vec.items()}
        return found

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        return sum(v * vb.get(t, 0.0) for t, v in va.items())

    def __call__(self, a: str, b: str) -> float:
        """The actions compared whole, and clause by clause: a plan often carries one clause
        of a parent task ('...; gửi kế hoạch về Sở trước ngày 15/10') in a task of its own."""
        best = self.cosine(a, b)
        clauses_a = [c for c in regex.split(r"\s*;\s*", a) if len(c.split()) >= 5]
        clauses_b = [c for c in regex.split(r"\s*;\s*", b) if len(c.split()) >= 5]
        if len(clauses_a) > 1 or len(clauses_b) > 1:
            for ca in clauses_a:
                for cb in clauses_b:
                    best = max(best, self.containment(ca, cb))
        return best

    def containment(self, a: str, b: str) -> float:
        """How much of the shorter clause the longer one says too, by weight of its terms."""
        ta, tb = set(self.terms(a)), set(self.terms(b))
        small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        total = sum(self.idf.get(t, self.default_idf) for t in small)
        return sum(self.idf.get(t, self.default_idf) for t in small & large) / total if total else 0.0


def coverage_findings(links: list[Link], records: list[Record], rules: Rules, checker: Checker
                      ) -> tuple[list[Finding], list[Coverage]]:
    similarity = Similarity(records, rules)
    settings = rules.table("audit")["coverage"]
    carry, late = float(settings["min_similarity"]), float(settings["late_similarity"])
    internal = regex.compile(r"^(?:các\s+)?(?:" + "|".join(regex.escape(w) for w in settings["internal_owners"])
                             + r")(?!\p{L})", regex.IGNORECASE)
    hierarchy = rules.hierarchy
    out: list[Finding] = []
    # a parent cited by several children is split into its dated clauses once
    clauses: dict[int, list[Task]] = {}
    table: list[Coverage] = []
    pairs = {(link.cited.path, link.citing.path): link for link in links if link.cited is not None}
    for link in pairs.values():
        parent, child = link.cited, link.citing
        unit = issuer_class(child.record, hierarchy)
        if unit is None:
            continue
        own = issuer_class(parent.record, hierarchy)
        duties = [t for t in parent.record.tasks if unit in hierarchy.classes_named(t.owner, own)]
        if not duties:
            continue
        mine = {unit, *hierarchy.below(unit)}
        kind = (child.record.doc_type or "văn bản").lower()  # how a finding names the child
        candidates = [t for t in child.record.tasks
                      if internal.match(t.owner) or set(hierarchy.classes_named(t.owner, unit)) & mine]
        carried = 0
        for task in duties:
            scored = sorted(((similarity(task.action, c.action), c) for c in candidates), key=lambda x: -x[0])
            if not scored or scored[0][0] < carry:
                where = " vào mục III" if kind == "kế hoạch" else ""
                out.append(checker.finding(
                    "task-not-carried",
                    f"{kind} chưa triển khai nhiệm vụ mà "
                    f"{parent.record.number or parent.path} giao cho "
                    f"{hierarchy.get(unit).name}: {task.action[:160]}",
                    (child.path, parent.path), (_task_quote(parent.record, task),),
                    suggestion=f"bổ sung nhiệm vụ{where}, ghi rõ đơn vị chủ trì và thời hạn"))
                continue
            carried += 1
            if id(task) not in clauses:
                clauses[id(task)] = _clauses(task, parent.record.date, rules)
            for part in clauses[id(task)]:
                if _before_issue(part, parent.record.date):
                    # a deadline already over when the parent was issued is the parent's own
                    # fault (deadline-before-document, found on the parent): it binds no child,
                    # and a child is not late against it
                    continue
                # each dated clause is compared with the child task that carries it best (and any
                # as good), never with a weaker one that only shares the plan's topic words, and
                # a sentence with several deadlines is not compared whole (issue 15)
                ranked = sorted(((similarity(part.action, c.action), c) for c in candidates), key=lambda x: -x[0])
                top = ranked[0][0] if ranked else 0.0
                later = next(((c, dates) for score, c in ranked
                              if score >= max(late, top - TIE) and (dates := _later(part, c))), None)
                if later:
                    best, (parent_text, child_text) = later
                    out.append(checker.finding(
                        "child-deadline-later",
                        f"{kind} đặt thời hạn {child_text} cho nhiệm vụ mà "
                        f"{parent.record.number or parent.path} "
                        f"giao thời hạn {parent_text}: {best.action[:140]}",
                        (child.path, parent.path), (_task_quote(child.record, best), _task_quote(parent.record, task)),
                        suggestion=f"đặt thời hạn không muộn hơn {parent_text}"))
        table.append(Coverage(parent, child, unit, carried, len(duties)))
    return out, table


def _clauses(task: Task, day: str | None, rules: Rules) -> list[Task]:
    """The clauses of a parent task that carry its deadlines, each as a task of its own: in
    'Xây dựng kế hoạch …; chỉ đạo … gửi kế hoạch về Sở GDĐT trước ngày 15/10/2024' (plan d1)
    the day is that of sending the plans, and the child task that carries it is the one that
    sends them; a task of one clause is itself."""
    clauses = [c for c in regex.split(r"\s*;\s*", task.action) if len(c.split()) >= 3]
    if len(clauses) < 2:
        return [task]
    dated = []
    for clause in clauses:
        deadline = find_deadline(clause, day, rules)
        if deadline is not None and deadline.end:
            dated.append(replace(task, action=clause, deadline=deadline))
    return dated or [task]


def _later(parent: Task, child: Task) -> tuple[str, str] | None:
    """(parent's deadline, child's) when the child's ends later; equal is not later."""
    if not parent.deadline or not child.deadline or not parent.deadline.end or not child.deadline.end:
        return None
    if child.deadline.end > parent.deadline.end:
        return parent.deadline.text, child.deadline.text
    return None


def _before_issue(task: Task, day: str | None) -> bool:
    """Whether the task's deadline ended before `day`, the date of the document giving it."""
    return bool(day and task.deadline and task.deadline.end and task.deadline.end < day)


def _task_quote(record: Record, task: Task) -> Quote:
    return Quote.of(record.source.path, record.evidence.get(f"tasks[{record.tasks.index(task)}]"), task.action)
