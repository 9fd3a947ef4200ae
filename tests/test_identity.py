"""One document, however many files bring it (issue 15): the same dispatch as text, as the DOCX
it was typed in and as a PDF is one document in the tasks, the search, derive, the audit
and the report; two different documents that share a number stay two, and are a finding."""

from __future__ import annotations

import shutil

import pytest

from pipeline import load_rules
from pipeline.audit.index import documents as audit_documents
from pipeline.batch import run_batch
from pipeline.identity import same_title
from pipeline.store import Store

from .conftest import INBOX


def test_the_same_dispatch_in_three_files_is_one_document(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    stem = "004_4454b9fc8f55b7a4"
    shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    shutil.copy(INBOX / "variants" / f"{stem}.layout.docx", inbox / "ban-docx.docx")
    shutil.copy(INBOX / f"{stem}.txt", inbox / "ban-sao.txt")  # a second copy under another name
    result = run_batch(inbox, tmp_path / "out", load_rules())
    assert result.ok and len(result.records) == 3
    (document,) = result.documents
    assert sorted([document.source.path, *document.source.copies]) == ["004_4454b9fc8f55b7a4.txt", "ban-docx.docx",
                                                                      "ban-sao.txt"]
    with Store(tmp_path / "out" / "vanban.sqlite") as store:
        tasks = store.tasks()
        assert len(tasks) == len(document.tasks)
        assert len(store.search(document.number.split("/")[0])) <= 1
    lines = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert not any("duplicate-number" in f.kind for f in document.findings)


def test_two_documents_sharing_a_number_stay_two(tmp_path):
    """Same number, issuer and day but another title: a văn thư's mistake, not a copy."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = (INBOX / "d1a_pgddt-namdan-kh-duoinuoc-2024.txt").read_text(encoding="utf-8")
    (inbox / "a.txt").write_text(text, encoding="utf-8")
    other = text.replace("Phòng, chống đuối nước và bảo đảm an toàn cho học sinh\n",
                         "Tổ chức Hội khỏe Phù Đổng cấp huyện\n", 1)
    assert other != text
    (inbox / "b.txt").write_text(other, encoding="utf-8")
    result = run_batch(inbox, tmp_path / "out", load_rules())
    assert len(result.documents) == 2
    rows = (tmp_path / "out" / "audit.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert any("Trùng số" in row or "duplicate-number" in row for row in rows)


ONE_DOCUMENT_TITLES = [
    # a PDF header that lost the end of its trích yếu (the variants of 3354/VPCP-KGVX)
    ("V/v ban hành Thông tư hướng dẫn về quy trình xác định, trình tự thủ tục hồ sơ xác nhận nạn nhân chất độc "
     "hóa học/dioxin do Mỹ sử dụng trong chiến tranh tại Việt Nam",
     "V/v ban hành Thông tư hướng dẫn về quy trình xác định, trình tự thủ tục hồ sơ xác nhận nạn nhân chất độc hóa"),
    # OCR damage of one word, and a title cut at its line end (Phòng GDĐT plan d1a)
    ("Phòng, chống đuối nước và bảo đảm an toàn cho học sinh trên địa bàn huyện",
     "Phòng, chống đuối nươc và bảo đảm an toàn cho học sinh"),
    (None, "Về việc tổ chức Hội khỏe Phù Đổng"),
]
TWO_DOCUMENT_TITLES = [
    ("Phòng, chống đuối nước và bảo đảm an toàn cho học sinh", "Tổ chức Hội khỏe Phù Đổng cấp huyện"),
    # a start too short to tell two documents apart is not read as a cut title
    ("V/v", "V/v tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2024-2025"),
]


@pytest.mark.parametrize(("a", "b"), ONE_DOCUMENT_TITLES)
def test_titles_of_one_document(a, b):
    assert same_title(a, b) and same_title(b, a)


@pytest.mark.parametrize(("a", "b"), TWO_DOCUMENT_TITLES)
def test_titles_of_two_documents(a, b):
    assert not same_title(a, b)


def test_the_audit_and_the_batch_fold_the_same_copies(tmp_path):
    """The text of 3354/VPCP-KGVX and its born-digital PDF, whose header lost the end of the
    trích yếu: one document in records.jsonl, as the audit already counted it."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    stem = "18_cv-3354-vpcp-kgvx-thongtu-nannhan-dioxin"
    shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    shutil.copy(INBOX / "variants" / f"{stem}.born.pdf", inbox / "ban-pdf.pdf")
    result = run_batch(inbox, tmp_path / "out", load_rules(), ingest_only=True)
    assert len(result.records) == 2
    assert [len(d.source.copies) for d in result.documents] == [1]
    assert len(audit_documents(result.records)) == 1
