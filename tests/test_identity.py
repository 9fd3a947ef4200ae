"""One document, however many files bring it (issue 15): the same dispatch as text, as the DOCX
it was typed in and as a PDF is one document in the tasks, the search, derive, the audit
and the report; two different documents that share a number stay two, and are a finding."""

from __future__ import annotations

import shutil

from pipeline import load_rules
from pipeline.batch import run_batch
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
