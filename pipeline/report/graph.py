"""The citation graph of a batch as SVG, laid out by Graphviz.

Documents of the batch are boxes (red edge: an error found in it, orange: a warning),
documents cited from outside the batch are grey ellipses, citations are arrows, and an
arrow with a fault (wrong date, wrong number, issuer, cited later) is red. Each box links
to the document's page. Without Graphviz's `dot` the report lists the links instead.

A batch of a thousand dispatches still fits a screen: past MAX_DOCUMENTS, the documents of
the batch that cite no other and have no finding are one box per issuer ('Sở GDĐT Nghệ An:
212 văn bản khác'), and past MAX_EXTERNALS the documents cited from outside are one ellipse
per type and issuer ('Ngoài lô: 14 Thông tư – BGDĐT'), each arrow drawn once.
"""

from __future__ import annotations

import shutil

from ..audit import Audit
from ..extract.header import issuer_code
from ..record import Citation, Finding
from ..rules import Rules

_CITATION_KINDS = {"citation-date-mismatch", "citation-number-mismatch", "citation-issuer-mismatch",
                   "citation-from-future"}
_COLOURS = {"error": "#c62828", "warning": "#ef6c00"}
# a graph people can read, and that Graphviz lays out in seconds: past this many documents
# only those linked to another document of the batch or with a finding are drawn
MAX_DOCUMENTS = 150
MAX_EXTERNALS = 40  # distinct documents cited from outside the batch drawn one by one


def graph_available() -> bool:
    return shutil.which("dot") is not None


def citation_svg(result: Audit, page_of: dict[str, str], rules: Rules) -> str | None:
    """The graph as an SVG element (text), or None when Graphviz is not installed."""
    if not graph_available():
        return None
    import graphviz

    graph = graphviz.Digraph("citations", graph_attr={"rankdir": "LR", "bgcolor": "transparent", "fontsize": "10"},
                             node_attr={"fontname": "DejaVu Sans", "fontsize": "10"},
                             edge_attr={"color": "#607d8b"})
    worst = _worst_by_document(result.findings)
    drawn = _drawn(result, worst)
    ids = {}
    for i, doc in enumerate(drawn):
        ids[doc.path] = f"d{i}"
        record = doc.record
        label = f"{record.number or '(không số)'}\n{(record.title or doc.path)[:40]}"
        colour = _COLOURS.get(worst.get(doc.path, ""), "#37474f")
        graph.node(f"d{i}", graphviz.escape(label), shape="box", style="rounded,filled", fillcolor="#ffffff",
                   color=colour, penwidth="2" if doc.path in worst else "1", URL=page_of[doc.path],
                   tooltip=graphviz.escape(record.title or doc.path))
    for i, (issuer, count) in enumerate(_others(result, ids).items()):
        graph.node(f"o{i}", graphviz.escape(f"{issuer}: {count} văn bản khác"), shape="box", style="rounded,dashed",
                   color="#90a4ae", fontcolor="#546e7a")
    faulty = {(f.documents[0], q.start) for f in result.findings if f.kind in _CITATION_KINDS for q in f.evidence}
    external = [link for link in result.links if link.cited is None and link.citing.path in ids
                and (link.citation.number or link.citation.title)]
    grouped = len({_external_key(link.citation) for link in external}) > MAX_EXTERNALS
    counts: dict[str, set[str]] = {}
    for link in external:
        counts.setdefault(_external_group(link.citation, rules), set()).add(_external_key(link.citation))
    outside = {(link.citing.path, link.index) for link in external}
    externals: dict[str, str] = {}
    drawn_edges: set[tuple[str, str]] = set()
    for link in result.links:
        if link.citing.path not in ids:
            continue
        if link.cited is not None:
            if link.cited.path not in ids:
                continue
            target = ids[link.cited.path]
        elif (link.citing.path, link.index) in outside:
            key = _external_group(link.citation, rules) if grouped else _external_key(link.citation)
            if key not in externals:
                externals[key] = f"x{len(externals)}"
                label = f"Ngoài lô: {len(counts[key])} {key}" if grouped else key[:40]
                graph.node(externals[key], graphviz.escape(label), shape="ellipse", color="#9e9e9e",
                           fontcolor="#616161", style="dashed")
            target = externals[key]
        else:
            continue
        span = link.citing.record.evidence.get(f"citations[{link.index}]")
        bad = (link.citing.path, span.start if span else None) in faulty
        if (ids[link.citing.path], target) in drawn_edges and not bad:
            continue
        drawn_edges.add((ids[link.citing.path], target))
        graph.edge(ids[link.citing.path], target, color="#c62828" if bad else "#607d8b",
                   penwidth="2" if bad else "1")
    svg = graph.pipe(format="svg", encoding="utf-8")
    return svg[svg.index("<svg"):]


def _drawn(result: Audit, worst: dict[str, str]) -> list:
    """The documents the graph shows: all of a small batch; in a large one, those that cite
    or are cited by another document of the batch or have a finding, up to MAX_DOCUMENTS."""
    if len(result.documents) <= MAX_DOCUMENTS:
        return list(result.documents)
    linked = {p for link in result.links if link.cited is not None for p in (link.citing.path, link.cited.path)}
    chosen = [d for d in result.documents if d.path in linked or d.path in worst]
    chosen.sort(key=lambda d: (d.path not in worst, worst.get(d.path) != "error"))
    return chosen[:MAX_DOCUMENTS]


def _others(result: Audit, ids: dict[str, str]) -> dict[str, int]:
    """The documents of the batch not drawn one by one, counted by issuer."""
    counts: dict[str, int] = {}
    for doc in result.documents:
        if doc.path not in ids:
            issuer = doc.record.issuer.name if doc.record.issuer and doc.record.issuer.name else "Không rõ cơ quan"
            counts[issuer] = counts.get(issuer, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _external_key(citation: Citation) -> str:
    return citation.number or citation.title or ""


def _external_group(citation: Citation, rules: Rules) -> str:
    """'Thông tư – BGDĐT': the type and the issuer's code a cited number carries, or the
    issuer as the citing text names it."""
    kind = citation.doc_type or "văn bản"
    issuer = (issuer_code(citation.number, rules) if citation.number else None) or citation.issuer
    return f"{kind} – {issuer}" if issuer else kind


def _worst_by_document(findings: list[Finding]) -> dict[str, str]:
    order = {"error": 0, "warning": 1, "info": 2}
    worst: dict[str, str] = {}
    for finding in findings:
        path = finding.documents[0]
        if finding.severity != "info" and order[finding.severity] < order.get(worst.get(path, "info"), 2):
            worst[path] = finding.severity
    return worst
