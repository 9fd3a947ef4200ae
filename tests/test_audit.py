"""Audit: number identities, citation checks, duplicates and copies, coverage, the seeded
corpus (every fault found, nothing on the clean chains) and the files it writes."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from pipeline import load_rules
from pipeline.audit import audit
from pipeline.audit.corpus import build, score
from pipeline.audit.crossref import _digit_edits, issuer_agrees
from pipeline.audit.files import write_audit
from pipeline.audit.index import documents, identity
from pipeline.extract import extract_record
from pipeline.record import Record
from tests.conftest import GOLD_DOCS, SAMPLES, read_cached


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rules = load_rules()
    return score(build(SAMPLES, tmp_path_factory.mktemp("audit-corpus"), rules), rules)


def test_every_seeded_fault_is_found(corpus):
    assert corpus.missed == []
    assert corpus.expected and all(corpus.recall(kind) == 1.0 for kind in corpus.expected)


# the faults of a digital signature live in a PDF's bytes, not in its text: the seeded text
# corpus cannot carry them, tests/test_signed.py builds signed PDFs with each of them
SIGNATURE_KINDS = {"signature-invalid", "signed-then-changed", "signing-date-far"}
# a doubt about a date read by OCR lives on a page read by OCR: tests/test_checks.py builds such pages
SCAN_KINDS = {"scan-date-doubt"}


def test_every_kind_of_finding_is_seeded(corpus, rules):
    kinds = {k for k in rules.table("audit")["kinds"] if not k.startswith("#")}
    assert set(corpus.expected) == kinds - SIGNATURE_KINDS - SCAN_KINDS


def test_no_finding_on_the_clean_chains(corpus):
    assert corpus.false == []


@pytest.mark.parametrize("a, b", [
    ("292 /KH-SGDĐT", "292/KH-SGDÐT"),      # a stray space; OCR's Ð for Đ
    ("09/2017/NĐ-CP", "9/2017/nđ-cp"),
    ("1008/KH-SGDĐT", "1008/KH-SGDDT"),
])
def test_number_identity_is_tolerant(a, b):
    assert identity(a, "2022-07-06") == identity(b, "2022-07-06")


def test_number_identity_keeps_years_apart():
    assert not identity("02/CT-TTg", "2018-01-01").same_number(identity("02/CT-TTg", "2019-01-01"))
    assert identity("02/CT-TTg", None).same_number(identity("02/CT-TTg", "2019-01-01"))


@pytest.mark.parametrize("a, b, edits", [("2156", "2165", 1), ("2156", "2157", 1), ("2156", "256", 1),
                                         ("2156", "2156", 0), ("2156", "3267", 4)])
def test_digit_edits(a, b, edits):
    assert _digit_edits(a, b) == edits


def test_issuer_code_examples_of_the_rules(rules):
    data = rules.table("audit")["issuer_codes"]
    codes = {k: v for k, v in data["codes"].items() if not k.startswith("#")}
    from pipeline.extract.header import issuer_code

    for number, cases in data["examples"].items():
        for issuer, agrees in cases.items():
            assert issuer_agrees(issuer, issuer_code(number, rules), codes, rules.hierarchy) is agrees, issuer


def _record(stem: str, rules) -> Record:
    return extract_record(read_cached(str(next(d for d in GOLD_DOCS if d.stem.startswith(stem)))), rules)


def test_seed_000_cites_a_phong_number_as_the_so(rules):
    """Seed 000 cites 'Kế hoạch số 105/KH-PGDĐT ... của Sở Giáo dục và Đào tạo'."""
    findings = audit([_record("000", rules)], rules).findings
    (mismatch,) = [f for f in findings if f.kind == "citation-issuer-mismatch"]
    assert "105/KH-PGDĐT" in mismatch.message and mismatch.evidence[0].page == 1


def test_copies_of_one_document_are_one_document(rules):
    """The same plan received as text and as a scan is no duplicate number."""
    record = _record("d1a", rules)
    copy = Record.from_dict({**record.to_dict(), "source": {**record.source.to_dict(), "path": "scan.pdf"},
                             "title": record.title[:40]})
    assert len(documents([record, copy])) == 1
    assert audit([record, copy], rules).findings == []


def test_coverage_ratio_of_the_clean_chain(rules):
    result = audit([_record(stem, rules) for stem in ("d1_", "d1a", "d1b", "d1c", "d1d")], rules)
    assert result.findings == []
    assert {(c.child.path[:3], c.unit, c.ratio) for c in result.coverage} == {
        ("d1a", "phong", 1.0), ("d1b", "phong", 1.0), ("d1c", "tieu_hoc", 1.0), ("d1d", "thpt", 1.0)}


def test_audit_files_escape_formulas(tmp_path, rules):
    record = _record("000", rules)
    hostile = Record.from_dict({**record.to_dict(), "number": None, "doc_type": None,
                                "title": "=HYPERLINK(\"http://x\")",
                                "source": {**record.source.to_dict(), "path": "=cmd|' /C calc'!A0.txt"}})
    written = write_audit(tmp_path, audit([hostile], rules), rules)
    assert [p.name for p in written] == ["audit.csv", "audit.xlsx"]
    rows = list(csv.reader(io.StringIO((tmp_path / "audit.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Mức độ", "Loại", "Văn bản"] and rows[0][9] == "Tệp"
    assert len(rows) > 1
    assert all(row[3].startswith("'=HYPERLINK") and row[9].startswith("'=cmd") for row in rows[1:])
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "audit.xlsx")
    assert book.sheetnames == ["Phát hiện", "Độ bao phủ", "Trích dẫn"]
    assert book["Phát hiện"]["D2"].data_type == "s"


def test_audit_files_name_documents_by_number_and_title(tmp_path, rules):
    """An office knows a document by its số hiệu and trích yếu; the file it came in is a
    column of its own, and dates read dd/mm/yyyy (issue 15)."""
    records = [_record(stem, rules) for stem in ("d1_", "d1a")]
    result = audit(records, rules)
    copy = Record.from_dict({**records[1].to_dict(), "source": {**records[1].source.to_dict(), "path": "copy.pdf"},
                             "findings": [{"kind": "missing-signer", "severity": "warning", "message": "m",
                                           "documents": ["copy.pdf", records[0].source.path]}]})
    result.findings.append(copy.findings[0])
    result.documents[1] = replace(result.documents[1], copies=(copy,))
    write_audit(tmp_path, result, rules)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "audit.xlsx")
    row = [c.value for c in book["Phát hiện"][book["Phát hiện"].max_row]]
    assert row[3] == records[1].name() and row[3].startswith(records[1].number + " – ")
    assert row[4] == records[0].name() and row[9] == f"copy.pdf; {records[0].source.path}"
    cited = [[c.value for c in r] for r in book["Trích dẫn"].iter_rows(min_row=2)]
    in_batch = [r for r in cited if r[5] != "ngoài lô"]
    assert in_batch and all(r[0] == records[1].name() and r[5] == records[0].name() for r in in_batch)
    assert all(r[3] is None or (len(r[3]) == 10 and r[3][2] == "/" and r[3][5] == "/") for r in cited)
    coverage = [[c.value for c in r] for r in book["Độ bao phủ"].iter_rows(min_row=2)]
    assert coverage == [[records[0].name(), records[1].name(), records[1].source.path, "Phòng Giáo dục và Đào tạo",
                         10, 10, 1.0]]


def test_a_child_deadline_is_compared_with_the_clause_it_carries(rules):
    """The real chain d1 → d1a, d1b, as issued in PDF: no child deadline is reported later than
    the parent's. In `make run` over all the samples the Sở's 'Xây dựng kế hoạch …; chỉ đạo …
    gửi kế hoạch về Sở GDĐT trước ngày 15/10/2024' was compared with the Phòng's 'báo cáo sơ kết
    học kỳ I … trước ngày 08/01/2025' (they share the plan's topic words, weighed over the whole
    batch) and reported late; each dated clause is now compared with the child task that
    carries it best (issue 15)."""
    # the chain as issued in PDF (the variants of the samples), among the other samples of the
    # batch, whose tasks weigh the words (tf-idf), as `make run` sees them
    chain = ("d1_sgddt-nghean-kh-duoinuoc-2024", "d1a_pgddt-namdan-kh-duoinuoc-2024",
             "d1b_pgddt-thanhchuong-kh-duoinuoc-2024")
    records = [extract_record(read_cached(str(SAMPLES / "inbox" / "variants" / f"{s}.born.pdf")), rules)
               for s in chain]
    records += [extract_record(read_cached(str(doc)), rules) for doc in GOLD_DOCS if doc.stem not in chain]
    checked = audit(records, rules)
    assert [f for f in checked.findings if f.kind == "child-deadline-later"] == []


def test_the_dated_clauses_of_a_parent_task_are_compared_apart(rules):
    """The day of 'Xây dựng kế hoạch …; chỉ đạo … gửi kế hoạch về Sở GDĐT trước ngày 15/10/2024' is
    the day of sending the plans: the clause that carries it is what a child task is held to;
    a task of one clause is itself (issue 15: 'a sentence with several deadlines is compared
    whole')."""
    from pipeline.audit.coverage import _clauses
    from pipeline.record import Deadline, Task

    task = Task(owner="Phòng GDĐT", action="Xây dựng kế hoạch phòng, chống đuối nước trên địa bàn; chỉ đạo các trường "
                "xây dựng kế hoạch, gửi kế hoạch về Sở GDĐT trước ngày 15/10/2024; báo cáo kết quả trước ngày "
                "25 hằng tháng", deadline=Deadline(text="trước ngày 15/10/2024", end="2024-10-15"))
    parts = _clauses(task, "2024-09-27", rules)
    assert [(p.action.split()[0], p.deadline.end) for p in parts] == [("chỉ", "2024-10-15"), ("báo", "2024-10-25")]
    single = Task(owner="Phòng GDĐT", action="Gửi báo cáo về Sở GDĐT trước ngày 15/10/2024",
                  deadline=Deadline(text="trước ngày 15/10/2024", end="2024-10-15"))
    assert _clauses(single, "2024-09-27", rules) == [single]


def test_the_corpus_score_gives_precision_per_kind():
    """make eval prints, per kind of finding, how many of those reported were seeded faults."""
    from pipeline.audit.corpus import CorpusScore

    score = CorpusScore(found={"duplicate-number": 1}, expected={"duplicate-number": 1},
                        reported={"duplicate-number": 2, "child-deadline-later": 1},
                        right={"duplicate-number": 1}, stray=["c1: duplicate-number in b.txt: …"])
    assert score.precision("duplicate-number") == 0.5 and score.precision("child-deadline-later") == 0.0
    assert score.precision("task-not-carried") == 1.0  # none reported, none wrong
    lines = score.lines()
    assert "audit duplicate-number           precision 0.500 (1/2)" in lines
    assert lines[-1].endswith("that were no seeded fault: 1")


@pytest.mark.parametrize("deadline, day, before", [
    ("2024-09-15", "2024-09-27", True),    # the seeded fault of the audit corpus: due before the plan existed
    ("2024-10-15", "2024-09-27", False),
    ("2024-09-27", "2024-09-27", False),   # due the day it is issued: tight, not impossible
    (None, "2024-09-27", False),
    ("2024-09-15", None, False),           # a plan without a date cannot tell
])
def test_a_parent_deadline_over_before_the_parent_binds_no_child(deadline, day, before):
    """The parent's impossible deadline is reported on the parent (deadline-before-document);
    a child is not 'later' than it."""
    from pipeline.audit.coverage import _before_issue
    from pipeline.record import Deadline, Task

    due = Deadline("trước ngày …", deadline, deadline) if deadline else None
    task = Task("Các trường", "Gửi kế hoạch về Phòng", due)
    assert _before_issue(task, day) is before
