"""The command line end to end: a batch with good and bad files, exit codes, outputs."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import INBOX, REAL, VARIANTS

VANBAN = [sys.executable, "-m", "pipeline.cli"]


def run(*args, cwd=None):
    return subprocess.run([*VANBAN, *args], capture_output=True, text=True, cwd=cwd, encoding="utf-8")


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _password_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "Kế hoạch")
    c.save()
    return buf.getvalue()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (30 * 2**20))
    return buf.getvalue()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    sub = inbox / "Phòng GD" / "tháng 10"
    sub.mkdir(parents=True)
    shutil.copy(INBOX / "004_4454b9fc8f55b7a4.txt", inbox / "kế hoạch 1008.txt")
    shutil.copy(VARIANTS / "d1a_pgddt-namdan-kh-duoinuoc-2024.vni.docx", sub / "178 \"VNI\".docx")
    shutil.copy(REAL / "01_thptuvk_tb25_tohop_mon_lop10.pdf", sub / "01.pdf")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "truncated.pdf").write_bytes((REAL / "01_thptuvk_tb25_tohop_mon_lop10.pdf").read_bytes()[:1500])
    (inbox / "not-a-zip.docx").write_bytes(b"this is not a zip file at all")
    (inbox / "bomb.docx").write_bytes(_zip_bomb())
    (inbox / "locked.pdf").write_bytes(_password_pdf())
    (inbox / "invoice.xlsx").write_bytes(b"PK\x03\x04 not really")
    (inbox / "folder.pdf").mkdir()
    os.symlink("/etc/passwd", inbox / "link.txt")
    before = _digests(inbox)
    out = tmp_path_factory.mktemp("out")
    result = run("run", str(inbox), "--out", str(out))
    return inbox, out, result, before


def test_exit_status_is_1_when_some_files_fail(batch):
    _, _, result, _ = batch
    assert result.returncode == 1, result.stderr


def test_each_bad_file_costs_one_clear_line(batch):
    _, _, result, _ = batch
    lines = result.stderr.strip().splitlines()
    expected = {
        "empty.txt": "empty file",
        "truncated.pdf": "damaged PDF",
        "not-a-zip.docx": "not a zip",
        "bomb.docx": "zip bomb",
        "locked.pdf": "password-protected",
        "invoice.xlsx": "unsupported file type .xlsx",
        "link.txt": "symbolic link",
    }
    for name, cause in expected.items():
        hits = [ln for ln in lines if ln.startswith(f"{name}: ")]
        assert len(hits) == 1, f"{name}: {lines}"
        assert cause in hits[0], hits[0]


def test_good_files_still_produce_records(batch):
    _, out, _, _ = batch
    records = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    paths = sorted(r["source"]["path"] for r in records)
    assert paths == sorted(["kế hoạch 1008.txt", "Phòng GD/tháng 10/01.pdf", 'Phòng GD/tháng 10/178 "VNI".docx'])
    vni = next(r for r in records if r["source"]["path"].endswith(".docx"))
    assert vni["source"]["legacy_encoding"] == "vni" and vni["source"]["format"] == "docx"
    files = sorted(p.name for p in (out / "records").iterdir())
    assert len(files) == 3 and all(f.endswith(".json") and "/" not in f and '"' not in f for f in files)
    assert not [p for p in out.rglob("*.tmp")], "no half-written files"


def test_run_writes_child_plans_checklists_and_the_summary(batch):
    _, out, _, _ = batch
    unit = out / "derived" / "phong-giao-duc-va-dao-tao"
    names = sorted(p.name for p in unit.iterdir())
    stem = next(p.stem for p in (out / "records").iterdir() if p.name.startswith("k"))
    assert names == sorted(f"{stem}{s}" for s in (".csv", ".docx", ".ics", ".xlsx"))
    assert (out / "derived" / "summary.xlsx").stat().st_size > 0
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "records.jsonl").stat().st_mode & 0o777 == 0o666 & ~umask, "ordinary permissions, not 0600"


def test_ingest_writes_records_text_and_the_store_only(tmp_path):
    """`vanban ingest` stops after ingest (issue 17): records, text, errors and the store, whose
    tables serve search and tasks and resolve citations; no child plans, ledger, audit or report.
    `vanban run` on the same folder then makes them."""
    import sqlite3

    from click.testing import CliRunner

    from pipeline.cli import main

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for stem in ("d1_sgddt-nghean-kh-duoinuoc-2024", "d1a_pgddt-namdan-kh-duoinuoc-2024"):
        shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["errors.jsonl", "records", "records.jsonl", "text",
                                                     "vanban.sqlite", "warnings.jsonl"]
    assert len(list((out / "records").glob("*.json"))) == len(list((out / "text").glob("*.json"))) == 2
    assert "derived" not in result.output and "report" not in result.output
    with sqlite3.connect(out / "vanban.sqlite") as db:
        assert db.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0
        cited = db.execute("SELECT d.number FROM citations c JOIN documents d ON d.id = c.cited_id").fetchall()
        assert cited == [("2156/KH-SGDĐT",)]  # the Phòng's plan cites the Sở's, in the batch
        assert not db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'ledger%'").fetchall()  # untouched
    found = CliRunner().invoke(main, ["search", str(out), "duoi nuoc"])
    assert found.exit_code == 0 and found.output.count(".txt\t") == 2
    result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(out), "-j", "1", "--date", "2024-10-01"])
    assert result.exit_code == 0, result.output
    assert {"derived", "report", "audit.csv", "audit.xlsx"} <= {p.name for p in out.iterdir()}


def test_derive_for_a_named_unit(tmp_path):
    out = tmp_path / "d"
    result = run("derive", str(INBOX / "d1_sgddt-nghean-kh-duoinuoc-2024.txt"),
                 "--as", "Phòng Giáo dục và Đào tạo huyện Nam Đàn", "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert sorted(p.suffix for p in written) == [".csv", ".docx", ".ics", ".xlsx"]
    assert all(p.parent.name == "phong-giao-duc-va-dao-tao-huyen-nam-dan" and p.exists() for p in written)


def test_derive_on_a_day_of_the_users_choice(tmp_path):
    """--date is the day the child plan is issued: no derived day in its checklist comes
    before it without a note saying the parent's deadline was over."""
    out = tmp_path / "d"
    result = run("derive", str(INBOX / "d1_sgddt-nghean-kh-duoinuoc-2024.txt"), "--as",
                 "Phòng Giáo dục và Đào tạo huyện Nam Đàn", "--date", "20/11/2024", "--out", str(out))
    assert result.returncode == 0, result.stderr
    (table,) = [Path(line) for line in result.stdout.splitlines() if line.endswith(".csv")]
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    days = [(dt.datetime.strptime(r["Thời hạn"], "%d/%m/%Y").date(), r["Ghi chú"]) for r in rows
            if re.fullmatch(r"\d\d/\d\d/\d{4}", r["Thời hạn"])]
    assert days and all(day > dt.date(2024, 11, 20) or "đã qua" in note for day, note in days)
    assert any("đã qua trước ngày ban hành kế hoạch này (20/11/2024)" in note for _, note in days)


def test_derive_from_a_record_and_with_a_bad_unit(tmp_path):
    record = tmp_path / "r.json"
    shown = run("show", str(INBOX / "004_4454b9fc8f55b7a4.txt"))
    record.write_text(shown.stdout, encoding="utf-8")
    ok = run("derive", str(record), "--out", str(tmp_path / "o"))
    assert ok.returncode == 0 and "phong-giao-duc-va-dao-tao" in ok.stdout
    bad = run("derive", str(record), "--as", "Công ty TNHH ABC", "--out", str(tmp_path / "o"))
    assert bad.returncode == 2 and "no unit class" in bad.stderr
    nothing = run("derive", str(record), "--as", "Trường THPT Cửa Lò", "--out", str(tmp_path / "o"))
    assert nothing.returncode == 1 and "gives no work" in nothing.stderr


def test_errors_jsonl_names_path_stage_and_cause(batch):
    _, out, _, _ = batch
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["path"] for e in errors} == {"empty.txt", "truncated.pdf", "not-a-zip.docx", "bomb.docx",
                                           "locked.pdf", "invoice.xlsx"}
    assert all(set(e) == {"path", "stage", "cause"} for e in errors)


def test_inputs_are_never_changed(batch):
    inbox, _, _, before = batch
    assert _digests(inbox) == before


def test_rerun_drops_records_of_removed_files(batch, tmp_path):
    inbox, out, _, _ = batch
    copy = tmp_path / "inbox"
    copy.mkdir()
    shutil.copy(inbox / "kế hoạch 1008.txt", copy / "a.txt")
    run("run", str(copy), "--out", str(out))
    assert len(list((out / "records").iterdir())) == 1


def test_text_prints_clean_utf8():
    result = run("text", str(INBOX / "004_4454b9fc8f55b7a4.txt"))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Số: 1008/KH-SGDĐT"
    assert "**" not in result.stdout


def test_show_prints_the_record():
    result = run("show", str(VARIANTS / "004_4454b9fc8f55b7a4.tcvn3.docx"))
    record = json.loads(result.stdout)
    assert record["source"]["legacy_encoding"] == "tcvn3"
    assert len(record["source"]["sha256"]) == 64


def test_show_of_a_bad_file_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    result = run("show", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith(f"{bad}: ")


def test_usage_errors_exit_2(tmp_path):
    assert run("run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")).returncode == 2
    assert run("frobnicate").returncode == 2
    inside = run("run", str(tmp_path), "--out", str(tmp_path / "out"))
    assert inside.returncode == 2 and "inside the inbox" in inside.stderr


def test_size_limit_from_an_overlay(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ingest.json").write_text('{"max_file_mb": 0.001}', encoding="utf-8")
    result = run("show", "--rules", str(rules), str(INBOX / "004_4454b9fc8f55b7a4.txt"))
    assert result.returncode == 1 and "over the limit of" in result.stderr


def test_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch, rules):
    from pipeline.errors import InputError
    from pipeline.ingest import doc, read_document

    monkeypatch.setattr(doc, "soffice", lambda: None)
    old = tmp_path / "cv.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(InputError, match="apt-get install libreoffice"):
        read_document(old, rules)


def test_default_unit_of_an_office_overlay(tmp_path):
    """An office sets its own unit once in a rules overlay; the batch derives for it."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "derive.json").write_text(json.dumps({"default_unit": "Phòng Giáo dục và Đào tạo huyện Mai Sơn"}),
                                       encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "004_4454b9fc8f55b7a4.txt", inbox / "1008.txt")
    result = run("run", str(inbox), "--out", str(tmp_path / "out"), "--rules", str(rules))
    assert result.returncode == 0, result.stderr
    units = sorted(p.name for p in (tmp_path / "out" / "derived").iterdir() if p.is_dir())
    assert units == ["phong-giao-duc-va-dao-tao-huyen-mai-son"]
