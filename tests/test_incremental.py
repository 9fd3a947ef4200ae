"""Issue 17: a run that finds one document new, changed or removed redoes only what that
document touches, and leaves what a fresh run over the same inbox would leave, byte for byte.

Each test runs the batch twice over one output folder, the inbox changed between, and once
over a fresh folder on the changed inbox; every output file and every table of the store
must be the same (the store's row ids are not results, the ledger keeps the rows of
documents gone and the times rows came, and the manifest holds file times)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import pipeline.batch as batch
from pipeline.batch import run_batch
from tests.conftest import INBOX, copy_inbox

BATCH = ("d1_sgddt-nghean-kh-duoinuoc-2024", "d1b_pgddt-thanhchuong-kh-duoinuoc-2024",
         "d1c_th-namgiang-kh-duoinuoc-2024", "004_4454b9fc8f55b7a4", "05_cv-7991-bgddt-gdtrh-kiemtra-danhgia-thcs-thpt")
CHILD = "d1a_pgddt-namdan-kh-duoinuoc-2024"  # cites d1: its coverage, graph and pages change with it


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = copy_inbox(tmp_path / "inbox", BATCH)
    shutil.copy(INBOX / f"{BATCH[0]}.txt", folder / "copy-of-d1.txt")  # one document, two files
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")  # a file that fails
    return folder


def _files(out: Path) -> dict[str, bytes]:
    """Every output file and its bytes, but the store and the manifest (times of files)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith("vanban.sqlite") and p.name != batch.RUN_MANIFEST}


TABLES = {
    "documents": "SELECT path, sha256, number, doc_type, issuer, issuer_code, place, date, title, signer, pages, record"
                 " FROM documents ORDER BY path",
    "citations": "SELECT d.path, c.position, c.doc_type, c.number, c.date, c.issuer, c.title, t.path FROM citations c"
                 " JOIN documents d ON d.id = c.document_id LEFT JOIN documents t ON t.id = c.cited_id"
                 " ORDER BY d.path, c.position",
    "tasks": "SELECT d.path, t.position, t.owner, t.action, t.deadline_text, t.deadline_start, t.deadline_end,"
             " t.recurrence, t.quantity, t.section FROM tasks t JOIN documents d ON d.id = t.document_id"
             " ORDER BY d.path, t.position",
    "recipients": "SELECT d.path, r.name, r.role FROM recipients r JOIN documents d ON d.id = r.document_id"
                  " ORDER BY d.path, r.rowid",
    "findings": "SELECT kind, severity, message, document, documents, evidence, suggestion FROM findings ORDER BY id",
    "documents_fts": "SELECT path, number, title, text, folded FROM documents_fts ORDER BY path",
    "cache": "SELECT sha256, rules FROM cache ORDER BY sha256",  # a record kept under the path it was first read at
    "ledger": "SELECT task_id, unit, status, note, deadline_text, deadline_start, deadline_end, recurrence, document,"
              " number, path, action, owner, person FROM ledger_rows WHERE NOT gone ORDER BY task_id, unit",
}


def _tables(out: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(out / "vanban.sqlite")
    try:
        return {name: db.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        db.close()


def _same_as_fresh(inbox: Path, out: Path, tmp_path: Path, rules) -> None:
    """`out`, updated by a run over `inbox`, holds what a first run over it makes."""
    again = run_batch(inbox, out, rules)
    fresh_out = tmp_path / "fresh"
    fresh = run_batch(inbox, fresh_out, rules)
    assert _files(out) == _files(fresh_out)
    assert _tables(out) == _tables(fresh_out)
    assert [e.to_dict() for e in again.errors] == [e.to_dict() for e in fresh.errors]
    assert [w.to_dict() for w in again.warnings] == [w.to_dict() for w in fresh.warnings]


def test_a_new_document_gives_what_a_fresh_run_gives(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    shutil.copy(INBOX / f"{CHILD}.txt", inbox / f"{CHILD}.txt")
    _same_as_fresh(inbox, out, tmp_path, rules)


def test_a_removed_document_gives_what_a_fresh_run_gives(inbox, tmp_path, rules):
    out = tmp_path / "out"
    shutil.copy(INBOX / f"{CHILD}.txt", inbox / f"{CHILD}.txt")
    run_batch(inbox, out, rules)
    (inbox / f"{CHILD}.txt").unlink()
    (inbox / f"{BATCH[1]}.txt").unlink()
    _same_as_fresh(inbox, out, tmp_path, rules)


def test_a_changed_document_gives_what_a_fresh_run_gives(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    path = inbox / f"{BATCH[0]}.txt"  # the parent of a chain, and copied: the copy stays as it was
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Nghệ An", "Hà Tĩnh", 1) + "\n", encoding="utf-8")
    _same_as_fresh(inbox, out, tmp_path, rules)


def test_a_removed_copy_and_a_mended_file_give_what_a_fresh_run_gives(inbox, tmp_path, rules):
    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    (inbox / "copy-of-d1.txt").unlink()
    (inbox / "broken.pdf").unlink()
    shutil.copy(INBOX / f"{CHILD}.txt", inbox / "broken.txt")
    _same_as_fresh(inbox, out, tmp_path, rules)


def _times(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_new_document_derives_and_shows_only_itself_again(inbox, tmp_path, rules, monkeypatch):
    """Its own plans are derived, the others' come from the store; the report pages of the
    documents it has nothing to do with are not made again."""
    import pipeline.derive.stored as stored

    out = tmp_path / "out"
    run_batch(inbox, out, rules)
    before = _times(out)
    derived = []
    original = stored.plans_for
    monkeypatch.setattr(stored, "plans_for", lambda record, *args: derived.append(record.source.path)
                        or original(record, *args))
    shutil.copy(INBOX / f"{CHILD}.txt", inbox / f"{CHILD}.txt")
    run_batch(inbox, out, rules)
    assert derived == [f"{CHILD}.txt"]
    after = _times(out)
    pages = {name for name in after if name.startswith("report/doc-") and before.get(name) != after[name]}
    assert any(CHILD.split("_")[0] in name for name in pages)
    unrelated = next(name for name in before if name.startswith("report/doc-05_"))
    assert unrelated not in pages


def test_a_failing_file_is_not_read_again_until_it_changes(inbox, tmp_path, rules, monkeypatch):
    out = tmp_path / "out"
    first = run_batch(inbox, out, rules)
    read = []
    original = batch.process_file
    monkeypatch.setattr(batch, "process_file", lambda path, rel, r: read.append(rel) or original(path, rel, r))
    (inbox / "broken-too.pdf").write_bytes((inbox / "broken.pdf").read_bytes())  # the same bytes, another name
    again = run_batch(inbox, out, rules)
    assert read == []
    failed = {e.path: e.to_dict() for e in first.errors}
    assert {e.path: e.to_dict() for e in again.errors if e.path == "broken.pdf"} == {"broken.pdf": failed["broken.pdf"]}
    assert [e.cause for e in again.errors if e.path == "broken-too.pdf"] == [failed["broken.pdf"]["cause"]]
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 still not")
    run_batch(inbox, out, rules)
    assert read == ["broken.pdf"]


def test_only_failures_of_the_file_itself_are_remembered():
    from pipeline.errors import InputError

    assert batch._lasting(InputError("a.pdf", "password-protected PDF; save an unprotected copy"))
    assert batch._lasting(InputError("a.txt", "extraction failed: ValueError: x", stage="extract"))
    for error in (InputError("a.pdf", "stopped after 60 s", stage="timeout"),
                  InputError("a.pdf", "the worker reading this file died", stage="worker"),
                  InputError("a.pdf", "cannot read a scan: tesseract is not installed", stage="ocr"),
                  InputError("a.doc", "cannot read .doc: LibreOffice is not installed; apt-get install …"),
                  InputError("a.pdf", "cannot open: Permission denied"),
                  InputError("a.pdf", "too large to read in memory")):
        assert not batch._lasting(error), error


def test_named_units_and_a_plan_day_give_what_a_fresh_run_gives(inbox, tmp_path, rules):
    """With --as, --units and --date: the ledger, the units' own checklists and the plans
    for the office after a new document are those of a fresh run."""
    import datetime as dt

    from pipeline.derive import unit_named
    from pipeline.roster import load_units
    from tests.conftest import ROOT

    options = {"unit": unit_named("Phòng Giáo dục và Đào tạo huyện Nam Đàn", rules), "on": dt.date(2024, 10, 7),
               "roster": load_units(ROOT / "samples" / "units.csv", rules.roster)}
    out = tmp_path / "out"
    run_batch(inbox, out, rules, **options)
    shutil.copy(INBOX / f"{CHILD}.txt", inbox / f"{CHILD}.txt")
    run_batch(inbox, out, rules, **options)
    fresh = tmp_path / "fresh"
    run_batch(inbox, fresh, rules, **options)
    assert any(name.startswith("checklists/") for name in _files(fresh))
    assert _files(out) == _files(fresh)
    assert _tables(out) == _tables(fresh)
