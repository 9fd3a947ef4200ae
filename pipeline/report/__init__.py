"""The batch report: OUT/report/index.html and a page per document, static and offline.

The index has the batch in numbers (documents, tasks, findings by kind), every finding
with its evidence and suggested correction, the citation graph (graph.py), every unit's
deadlines on a timeline (timeline.py), the coverage of parent plans by their children,
and the documents. A document's page shows its clean text with each field of its record
and each finding marked where it came from, beside the record. Everything from a document
is escaped; a Content-Security-Policy forbids loading anything, so the pages work offline
and no text of a dispatch can run or fetch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from collections.abc import Callable
from pathlib import Path

from ..audit import Audit
from ..derive.files import Derived, unit_slug
from ..derive.schedule import vn_date
from ..export import kept, safe_name, write_atomic
from ..extract.checks import vn_datetime
from ..html import mark_spans
from ..record import Finding, Record
from ..rules import Rules
from ..version import code_version
from .graph import MAX_DOCUMENTS, citation_svg
from .timeline import timeline_svg

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#212121;background:#fafafa}
header{background:#1a237e;color:#fff;padding:.8rem 1.2rem}header a{color:#fff}
main{padding:1rem 1.2rem;max-width:1400px}
h1{font-size:1.3rem;margin:0}h2{font-size:1.1rem;border-bottom:1px solid #c5cae9;padding-bottom:.2rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;background:#fff}
th,td{border:1px solid #e0e0e0;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#e8eaf6}
.cards{display:flex;gap:.8rem;flex-wrap:wrap}
.card{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}
.error{color:#b71c1c;font-weight:bold}.warning{color:#e65100}.info{color:#546e7a}
q{background:#fff3e0;quotes:none}
.graph svg{max-width:100%;height:auto}
.doc{display:flex;gap:1rem;align-items:flex-start}
.text{flex:3;background:#fff;border:1px solid #e0e0e0;padding:1rem;white-space:pre-wrap;
  font-family:"DejaVu Serif",serif;line-height:1.5}
.record{flex:2;position:sticky;top:0;max-height:100vh;overflow:auto}
mark{background:#ffe08a;border-radius:2px}mark[title^="citations"]{background:#b8e0ff}
mark[title^="tasks"]{background:#c8f0c0}mark[title^="recipients"]{background:#f5c6f0}
mark.finding{background:#ffcdd2;outline:2px solid #c62828}
.page{border-top:1px dashed #999;margin-top:1rem;color:#777;font-size:.8rem}
"""


def write_report(folder: Path, records: list[Record], texts: dict[str, tuple[str, ...]], result: Audit,
                 derived: list[Derived], rules: Rules, today: dt.date | None = None,
                 intact: Callable[[Path], bool] | None = None, digests: dict[str, str] | None = None) -> list[Path]:
    """Write index.html and one page per document; pages of documents gone are removed.
    `today` draws the timeline's line for today (the real day unless given). With `intact`
    (a file is as the last run left it), a page whose key, all it shows, is the one
    .keys.json remembers is not made again (issue 17); `digests` gives each document's
    digest (store.document_digest) when the batch has it."""
    today = today or dt.date.today()
    names = {r.source.path: r.name() for r in records}
    page_of = {doc.path: f"doc-{safe_name(doc.path)}.html" for doc in result.documents}
    for record in records:
        page_of.setdefault(record.source.path, f"doc-{safe_name(record.source.path)}.html")
    written = [folder / "index.html"]
    write_atomic(written[0], _index(records, result, derived, page_of, names, rules, today))
    # each document's findings and the documents its citations resolve to, gathered once: asked
    # of every finding and link for every page they took a second at 1,000 documents (issue 17)
    concerning: dict[str, list[Finding]] = {}
    for finding in result.findings:
        for document in dict.fromkeys(finding.documents):
            concerning.setdefault(document, []).append(finding)
    cited = {(link.citing.path, link.index): link.cited for link in result.links}
    known = _known_keys(folder) if intact is not None else {}
    keys: dict[str, str] = {}
    for record in records:
        path = folder / page_of[record.source.path]
        pages, findings = texts.get(record.source.path, ()), concerning.get(record.source.path, [])
        key = _page_key(record, pages, findings, cited, page_of, names, rules, (digests or {}).get(record.source.path))
        if intact is not None and known.get(path.name) == key and intact(path):
            kept(path)
        else:
            write_atomic(path, _document_page(record, pages, findings, cited, page_of, names, rules))
        keys[path.name] = key
        written.append(path)
    write_atomic(folder / KEYS, json.dumps(keys, ensure_ascii=False, indent=1))
    keep = {p.name for p in written}
    for stale in folder.glob("doc-*.html"):
        if stale.name not in keep:
            stale.unlink()
    return written


KEYS = ".keys.json"  # in the report's folder: what each document's page was made from


def _known_keys(folder: Path) -> dict[str, str]:
    """The pages' keys the last run wrote ({} when none can be read)."""
    try:
        known = json.loads((folder / KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _page_key(record: Record, pages: tuple[str, ...], findings: list[Finding], cited: dict,
              page_of: dict[str, str], names: dict[str, str], rules: Rules, digest: str | None) -> str:
    """A digest of all a document's page shows: the record and its text (`digest`, else
    made here), its findings, the page each citation links to, and the name and page of
    every document its findings name; and the rules and the code. A document new to the
    batch changes the pages that cite it or share a finding with it, no other."""
    if digest is None:
        digest = hashlib.sha256(repr((record, pages)).encode("utf-8")).hexdigest()
    targets = [page_of[target.path] if (target := cited.get((record.source.path, i))) else None
               for i in range(len(record.citations))]
    named = sorted({(d, page_of.get(d, "#"), names.get(d, d)) for f in findings for d in f.documents})
    payload = repr((digest, findings, targets, named, rules.version, code_version()))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str, back: bool = False) -> str:
    nav = '<a href="index.html">← Báo cáo lô văn bản</a>' if back else ""
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
            f"<header><h1>{_e(title)}</h1>{nav}</header><main>{body}</main></body></html>\n")


def _labels(rules: Rules) -> tuple[dict[str, str], dict[str, str]]:
    data = rules.table("audit")
    kinds = {k: v.get("label", k) for k, v in data["kinds"].items() if not k.startswith("#")}
    return kinds, {k: v for k, v in data["severities"].items() if not k.startswith("#")}


def _findings_table(findings: list[Finding], page_of: dict[str, str], names: dict[str, str], rules: Rules) -> str:
    if not findings:
        return '<p id="no-findings">Không có phát hiện nào.</p>'
    kinds, severities = _labels(rules)
    rows = []
    for finding in findings:
        docs = "<br>".join(f'<a href="{_e(page_of.get(d, "#"))}" title="{_e(d)}">{_e(names.get(d, d))}</a>'
                           for d in finding.documents)
        quotes = "<br>".join(f"<q>{_e(q.text)}</q>" + (f" (trang {q.page})" if q.page else "")
                             for q in finding.evidence)
        rows.append(f'<tr class="finding-row" data-kind="{_e(finding.kind)}">'
                    f'<td class="{_e(finding.severity)}">{_e(severities.get(finding.severity, finding.severity))}</td>'
                    f"<td>{_e(kinds.get(finding.kind, finding.kind))}</td><td>{docs}</td>"
                    f"<td>{_e(finding.message)}</td><td class=\"evidence\">{quotes}</td>"
                    f"<td>{_e(finding.suggestion or '')}</td></tr>")
    return ("<table id=\"findings\"><tr><th>Mức độ</th><th>Loại</th><th>Văn bản</th><th>Nội dung</th>"
            "<th>Trích dẫn</th><th>Đề xuất</th></tr>" + "".join(rows) + "</table>")


def _index(records: list[Record], result: Audit, derived: list[Derived], page_of: dict[str, str],
           names: dict[str, str], rules: Rules, today: dt.date) -> str:
    kinds, _ = _labels(rules)
    tasks = sum(len(r.tasks) for r in records)
    errors = sum(1 for f in result.findings if f.severity == "error")
    cards = "".join(f'<div class="card" id="count-{key}"><b>{value}</b>{_e(label)}</div>' for key, value, label in (
        ("documents", len(records), "văn bản"), ("tasks", tasks, "nhiệm vụ"),
        ("findings", len(result.findings), "phát hiện"), ("errors", errors, "lỗi"),
        ("plans", len(derived), "kế hoạch cấp dưới (dự thảo)")))
    by_kind = "".join(f"<tr><td>{_e(kinds.get(k, k))}</td><td>{n}</td></tr>" for k, n in result.by_kind().items())
    graph = citation_svg(result, page_of, rules)
    note = (f"<p>Lô có {len(result.documents)} văn bản: sơ đồ vẽ riêng từng văn bản trích dẫn lẫn nhau hoặc có "
            f"phát hiện (tối đa {MAX_DOCUMENTS}), các văn bản còn lại gộp theo cơ quan ban hành và các văn bản "
            "ngoài lô gộp theo loại và cơ quan.</p>" if len(result.documents) > MAX_DOCUMENTS else "")
    graph_html = (f'{note}<div class="graph" id="graph">{graph}</div>' if graph else
                  '<p id="graph">Sơ đồ trích dẫn cần Graphviz (apt-get install graphviz).</p>')
    timeline = timeline_svg(result, page_of, today) or "<p>Không có thời hạn nào có ngày cụ thể.</p>"
    coverage = "".join(
        f"<tr><td><a href=\"{_e(page_of[c.parent.path])}\">{_e(c.parent.record.number or c.parent.path)}</a></td>"
        f"<td><a href=\"{_e(page_of[c.child.path])}\">{_e(c.child.record.number or c.child.path)}</a></td>"
        f"<td>{_e(rules.hierarchy.get(c.unit).name)}</td><td>{c.carried}/{c.total}</td><td>{c.ratio:.0%}</td></tr>"
        for c in result.coverage)
    plans = "".join(
        f"<tr><td>{_e(d.plan.unit.name)}</td><td><a href=\"{_e(page_of.get(d.plan.parent.source.path, '#'))}\">"
        f"{_e(d.plan.parent.number or d.plan.parent.source.path)}</a></td>"
        f"<td>{len(d.plan.duties)}</td><td>{len(d.plan.assignments)}</td><td>"
        + " ".join(f'<a href="../derived/{_e(unit_slug(d.plan.unit.name))}/{_e(d.name)}{suffix}">{suffix[1:]}</a>'
                   for suffix in (".docx", ".xlsx", ".csv", ".ics"))
        + f"</td><td>{'<br>'.join(_e(w) for w in d.plan.warnings)}</td></tr>" for d in derived)
    documents = "".join(
        f"<tr><td><a href=\"{_e(page_of[r.source.path])}\">{_e(r.number or '(không số)')}</a></td>"
        f"<td>{_e(r.doc_type or '')}</td><td>{_e(vn_date(r.date))}</td><td>{_e(r.title or '')}</td>"
        f"<td>{len(r.tasks)}</td><td>{_e(r.source.path)}</td></tr>" for r in records)
    body = (f'<div class="cards">{cards}</div>'
            f"<h2>Phát hiện theo loại</h2><table><tr><th>Loại</th><th>Số lượng</th></tr>{by_kind}</table>"
            f"<h2>Các phát hiện</h2>{_findings_table(result.findings, page_of, names, rules)}"
            f"<h2>Sơ đồ trích dẫn</h2>{graph_html}"
            f"<h2>Thời hạn theo đơn vị</h2>{timeline}"
            "<h2>Mức độ triển khai nhiệm vụ cấp trên</h2><table id=\"coverage\"><tr><th>Kế hoạch cấp trên</th>"
            f"<th>Kế hoạch cấp dưới</th><th>Đơn vị</th><th>Nhiệm vụ</th><th>Tỷ lệ</th></tr>{coverage}</table>"
            "<h2>Kế hoạch cấp dưới (dự thảo) và danh mục nhiệm vụ</h2><table id=\"plans\"><tr><th>Đơn vị</th>"
            "<th>Văn bản cấp trên</th><th>Nhiệm vụ của đơn vị</th><th>Giao cấp dưới</th><th>Tệp</th>"
            f"<th>Lưu ý</th></tr>{plans}</table>"
            "<h2>Văn bản</h2><table id=\"documents\"><tr><th>Số, ký hiệu</th><th>Loại</th><th>Ngày</th>"
            f"<th>Trích yếu</th><th>Nhiệm vụ</th><th>Tệp</th></tr>{documents}</table>")
    return _page("Báo cáo lô văn bản", body)


def _signatures_table(record: Record) -> str:
    """Who signed, when, and whether each signature still holds, in an office's words."""
    if not record.signatures:
        return ""

    def state(signature) -> str:
        if signature.intact is None:
            return "không kiểm tra được" + (f" ({signature.problem})" if signature.problem else "")
        if not signature.intact:
            return "KHÔNG còn khớp với tệp"
        words = ["còn nguyên vẹn"]
        if signature.trusted is True:
            words.append("chứng thư tin cậy")
        elif signature.trusted is False:
            words.append("chứng thư không thuộc danh sách tin cậy")
        return ", ".join(words)

    rows = "".join(
        f"<tr><td>{_e(s.signer or '')}</td><td>{_e(s.organisation or '')}</td>"
        f"<td>{_e(vn_datetime(s.time) if s.time else '')}</td><td>{_e(state(s))}</td></tr>"
        for s in record.signatures)
    return ("<h2>Chữ ký số</h2><table><tr><th>Người ký</th><th>Tổ chức</th><th>Thời điểm ký</th>"
            f"<th>Tình trạng</th></tr>{rows}</table>")


def _document_page(record: Record, pages: tuple[str, ...], findings: list[Finding], cited: dict,
                   page_of: dict[str, str], names: dict[str, str], rules: Rules) -> str:
    """A document's page; `cited`: the document each (citing path, citation index) resolves to."""
    spans: dict[int, list[tuple[int, int, str, str]]] = {}
    for finding in findings:
        for quote in finding.evidence:
            if quote.document == record.source.path and quote.page and quote.start is not None:
                spans.setdefault(quote.page, []).append((quote.start, quote.end, finding.message, "finding"))
    for field, span in record.evidence.items():
        spans.setdefault(span.page, []).append((span.start, span.end, field, ""))
    text = "".join(f'<div class="page">trang {n}</div>{mark_spans(page, spans.get(n, []))}'
                   for n, page in enumerate(pages, start=1))
    fields = "".join(f"<tr><th>{_e(name)}</th><td>{_e(value)}</td></tr>" for name, value in (
        ("Số, ký hiệu", record.number or ""), ("Loại", record.doc_type or ""),
        ("Cơ quan ban hành", record.issuer.name if record.issuer else ""), ("Địa danh", record.place or ""),
        ("Ngày", vn_date(record.date)), ("Trích yếu", record.title or ""),
        ("Người ký", " ".join(filter(None, (record.signer.authority, record.signer.title, record.signer.name)))
         if record.signer else "")))
    citations = "".join(
        f"<tr><td>{_e(c.doc_type or '')}</td><td>"
        + (f'<a href="{_e(page_of[target.path])}">{_e(c.number or c.title or "")}</a>'
           if (target := cited.get((record.source.path, i))) else _e(c.number or c.title or ""))
        + f"</td><td>{_e(vn_date(c.date))}</td><td>{_e(c.issuer or '')}</td></tr>"
        for i, c in enumerate(record.citations))
    tasks = "".join(f"<tr><td>{_e(t.owner)}</td><td>{_e(t.action)}</td>"
                    f"<td>{_e(t.deadline.text if t.deadline else '')}</td></tr>" for t in record.tasks)
    aside = (f"<h2>Hồ sơ</h2><table>{fields}</table>{_signatures_table(record)}"
             f"<h2>Phát hiện</h2>{_findings_table(findings, page_of, names, rules)}"
             f"<h2>Văn bản được trích dẫn</h2><table><tr><th>Loại</th><th>Số</th><th>Ngày</th><th>Cơ quan</th></tr>"
             f"{citations}</table>"
             f"<h2>Nhiệm vụ</h2><table><tr><th>Đơn vị</th><th>Nhiệm vụ</th><th>Thời hạn</th></tr>{tasks}</table>")
    body = f'<div class="doc"><div class="text">{text}</div><div class="record">{aside}</div></div>'
    return _page(record.number or record.source.path, body, back=True)
