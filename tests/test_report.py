"""The batch report: static checks on every page (escaped, offline), and what a person sees
when headless Chromium opens it (counts, a finding's evidence, the graph, the timeline)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import load_rules
from pipeline.batch import run_batch
from pipeline.record import Citation
from tests.conftest import INBOX, ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 77/KH-SGDĐT
Nghệ An, ngày 10 tháng 10 năm 2024
KẾ HOẠCH
<script>alert('x')</script> và <img src=http://evil.example/x.png>
I. MỤC ĐÍCH
- Tập trung học sinh ngày 28/8/2024 (Thứ hai) tại sân trường "<b>".
Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn A
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    for stem in ("d1_sgddt-nghean-kh-duoinuoc-2024", "d1a_pgddt-namdan-kh-duoinuoc-2024",
                 "d1b_pgddt-thanhchuong-kh-duoinuoc-2024", "000_762ef73121fcdda9"):
        shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    text = (INBOX / "d1b_pgddt-thanhchuong-kh-duoinuoc-2024.txt").read_text(encoding="utf-8")
    # a child deadline later than the parent's, for the timeline
    (inbox / "d1b_pgddt-thanhchuong-kh-duoinuoc-2024.txt").write_text(
        text.replace("tư tưởng) trước ngày 11 tháng 10 năm 2024.", "tư tưởng) trước ngày 25 tháng 10 năm 2024."),
        encoding="utf-8")
    (inbox / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = run_batch(inbox, out, load_rules())
    return out / "report", result


def test_every_document_has_a_page(report):
    folder, result = report
    pages = sorted(p.name for p in folder.glob("doc-*.html"))
    assert len(pages) == len(result.records) == 5


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_pages_escape_document_text_and_load_nothing(report):
    folder, _ = report
    for page in folder.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(html)
        names = {tag for tag, _ in parser.tags}
        assert not names & {"script", "img", "iframe", "link", "object", "embed"}, page.name
        for _, attrs in parser.tags:
            for key in ("src", "href", "xlink:href"):
                assert not re.match(r"(?:[a-z]+:)?//", attrs.get(key) or ""), (page.name, attrs)
        assert 'http-equiv="Content-Security-Policy"' in html and "default-src 'none'" in html
    hostile = next(p for p in folder.glob("doc-hostile*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in hostile


def test_the_index_links_pages_that_exist(report):
    folder, _ = report
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(doc-[^"#]+\.html)"', index))
    assert links and all((folder / link).exists() for link in links)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("headless Chromium is needed for the report test: apt-get install chromium (make test does)")
    return found


def _browse(url: str, *args: str, profile: Path) -> subprocess.CompletedProcess:
    # a closed network: no background requests, no first-run, a profile of its own
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--window-size=1400,2000"]
    return subprocess.run([_chromium(), *flags, *args, url], capture_output=True, text=True, timeout=120)


def test_a_person_sees_the_counts_the_evidence_and_the_graph(report, tmp_path):
    folder, result = report
    url = (folder / "index.html").as_uri()
    dom = _browse(url, "--dump-dom", profile=tmp_path / "p1").stdout
    assert re.search(r'id="count-documents"><b>5</b>', dom)
    findings = len(re.findall(r'class="finding-row"', dom))
    assert re.search(rf'id="count-findings"><b>{findings}</b>', dom) and findings >= 3
    assert "28/8/2024 (Thứ hai" in dom                       # the evidence of the weekday finding
    assert "105/KH-PGDĐT" in dom                            # seed 000 cites a Phòng number as the Sở's
    assert re.search(r'<div class="graph" id="graph"><svg', dom)
    assert 'class="late"' in dom                            # the later child deadline on the timeline
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    _browse(url, f"--screenshot={shot}", profile=tmp_path / "p2")
    assert shot.exists() and shot.stat().st_size > 10_000


def test_a_large_batch_draws_only_linked_documents(report, monkeypatch):
    """Past MAX_DOCUMENTS, the graph keeps the documents linked in the batch or with findings."""
    import pipeline.report.graph as graph
    from pipeline.audit import audit
    from pipeline.report.graph import _drawn, _worst_by_document

    _, result = report
    checked = audit(result.records, load_rules())
    monkeypatch.setattr(graph, "MAX_DOCUMENTS", 2)
    drawn = {d.path for d in _drawn(checked, _worst_by_document(checked.findings))}
    assert len(drawn) == 2 and "hostile.txt" in drawn  # an error first


def test_the_index_lists_the_child_plans_with_links_to_their_files(report):
    folder, _ = report
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\.\./derived/[^"]+)"', index)
    assert links and all((folder / link).resolve().exists() for link in links)
    assert {link.rsplit(".", 1)[1] for link in links} == {"docx", "xlsx", "csv", "ics"}


def test_findings_and_the_list_name_documents_as_an_office_does(report):
    """By số hiệu and trích yếu, dates as dd/mm/yyyy; the file is only a column of the list."""
    folder, _ = report
    index = (folder / "index.html").read_text(encoding="utf-8")
    findings = index[index.index('id="findings"'):index.index("</table>", index.index('id="findings"'))]
    named = re.findall(r'<a href="doc-[^"]+" title="[^"]*">([^<]+)</a>', findings)
    assert named and not any(name.endswith(".txt") for name in named)
    assert any(name.startswith("105/KH-PGDĐT – ") or " – " in name for name in named)
    documents = index[index.index('id="documents"'):]
    assert "10/10/2024" in documents and not re.search(r"\d{4}-\d{2}-\d{2}", documents.split("</table>")[0])


@pytest.mark.parametrize("start, end, labels", [
    ((2024, 9, 1), (2025, 6, 1), ["09/2024", "10/2024", "11/2024", "12/2024", "01/2025", "02/2025", "03/2025",
                                  "04/2025", "05/2025"]),                          # a school year: months
    ((2024, 9, 1), (2026, 1, 1), ["Quý IV/2024", "Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"]),
    ((2015, 5, 1), (2027, 1, 1), [str(year) for year in range(2016, 2027)]),      # a decade: years
])
def test_the_timeline_ticks_as_the_span_asks(start, end, labels):
    from pipeline.report.timeline import _ticks

    assert [label for _, label, _ in _ticks(dt.date(*start), dt.date(*end)) if label] == labels


def test_the_timeline_has_a_row_per_unit_and_a_line_for_today(report):
    from pipeline.audit import audit
    from pipeline.report.timeline import timeline_svg

    _, result = report
    checked = audit(result.records, load_rules())
    page_of = {d.path: "x.html" for d in checked.documents}
    inside = timeline_svg(checked, page_of, dt.date(2024, 11, 2))
    owners = {t.owner for r in result.records for t in r.tasks if t.deadline and t.deadline.end}
    rows = re.findall(r'<text x="4" [^>]*><title>([^<]+)</title>', inside)
    assert rows and len(rows) == len(set(rows)) and set(map(html.unescape, rows)) <= owners
    assert 'class="today"' in inside and "Hôm nay 02/11/2024" in inside and "<line class=\"today\"" in inside
    after = timeline_svg(checked, page_of, dt.date(2030, 1, 1))
    assert "Hôm nay 01/01/2030: sau mọi thời hạn trên trục" in after and "<line class=\"today\"" not in after


def test_a_large_batch_groups_what_it_cannot_draw_one_by_one(report, monkeypatch):
    """At a thousand documents the graph still fits: the rest of the batch one box per issuer,
    the documents cited from outside one ellipse per type and issuer code."""
    import pipeline.report.graph as graph
    from pipeline.audit import audit

    _, result = report
    checked = audit(result.records, load_rules())
    monkeypatch.setattr(graph, "MAX_DOCUMENTS", 2)
    monkeypatch.setattr(graph, "MAX_EXTERNALS", 1)
    svg = graph.citation_svg(checked, {d.path: "x.html" for d in checked.documents}, load_rules())
    assert re.search(r"văn bản khác", svg) and re.search(r"Ngoài lô: \d+ ", svg)
    externals = {link.citation.number for link in checked.links if link.cited is None and link.citation.number}
    assert len(re.findall(r'class="node"', svg)) < 2 + len(externals)


@pytest.mark.parametrize("citation, group", [
    (Citation(doc_type="Thông tư", number="45/2021/TT-BGDĐT"), "Thông tư – BGDĐT"),   # the code after the hyphen
    (Citation(doc_type="Kế hoạch", number="145/KH-UBND", issuer="UBND tỉnh An Giang"), "Kế hoạch – UBND"),
    (Citation(doc_type="Luật", title="Luật Trẻ em", issuer="Quốc hội"), "Luật – Quốc hội"),  # no number
    (Citation(number="1840/SGDĐT-CTTT"), "văn bản – SGDĐT"),        # a công văn: the issuer before the office
    (Citation(doc_type="Nghị quyết", number="29-NQ/TW"), "Nghị quyết – TW"),          # the party's form
])
def test_documents_from_outside_are_grouped_by_type_and_issuer(citation, group):
    from pipeline.report.graph import _external_group

    assert _external_group(citation, load_rules()) == group
