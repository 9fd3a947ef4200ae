"""Audit: the cross-references between the documents of a batch.

`audit(records, rules)` gathers the findings each record brought from extraction (faults
inside one document) and adds those between documents: citations resolved to the batch
(crossref.py), numbers used twice, and the coverage of parent tasks by the child plans
that cite them (coverage.py). Pure: records in, an `Audit` out; files.py writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.base import compiled
from ..extract.checks import Checker
from ..record import Finding, Record
from ..rules import Rules
from .coverage import Coverage, coverage_findings
from .crossref import Link, citation_findings, duplicate_numbers, resolve
from .index import Document, NumberIndex, documents

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Audit:
    documents: list[Document]
    links: list[Link]
    coverage: list[Coverage]
    findings: list[Finding]

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
        return dict(sorted(counts.items()))


def audit(records: list[Record], rules: Rules, between: bool = True) -> Audit:
    """The batch's findings. `between=False` (`vanban ingest`) keeps the findings inside each
    document and resolves the citations, without the checks between documents."""
    docs = documents(records)
    index = NumberIndex(docs)
    links = resolve(docs, index)
    findings = [f for doc in docs for f in doc.record.findings]
    table: list[Coverage] = []
    if between:
        checker = compiled(rules, Checker)
        findings += citation_findings(links, index, rules, checker)
        findings += duplicate_numbers(docs, checker)
        covered, table = coverage_findings(links, [d.record for d in docs], rules, checker)
        findings += covered
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.documents, f.kind))
    return Audit(docs, links, table, findings)


__all__ = ["Audit", "audit"]
