"""Hostile and broken input, interrupted runs, full disks: nothing lost, nothing invented,
one clear line per fault."""

from __future__ import annotations

import hashlib
import io
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline.batch as batch
from pipeline import load_rules
from pipeline.batch import run_batch
from pipeline.document import Document, Line, Page
from pipeline.errors import InputError
from pipeline.extract import extract_record
from pipeline.ingest import read_document
from pipeline.record import Record
from tests.conftest import INBOX, VARIANTS, copy_inbox

VANBAN = [sys.executable, "-m", "pipeline.cli"]
STEMS = ["d1_sgddt-nghean-kh-duoinuoc-2024", "d1a_pgddt-namdan-kh-duoinuoc-2024",
         "d1b_pgddt-thanhchuong-kh-duoinuoc-2024", "d1c_th-namgiang-kh-duoinuoc-2024"]


@pytest.fixture()
def inbox(tmp_path):
    return copy_inbox(tmp_path / "inbox", tuple(STEMS), {f"{s}.docx": f"{s}.layout.docx" for s in STEMS})


def _tree(folder) -> dict[str, str]:
    """Every output file and its hash, less the store (its pages move while equal) and the
    run's manifest (it holds the times of the files it lists)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "vanban.sqlite" not in p.name
            and p.name != batch.RUN_MANIFEST}


def test_a_slow_file_is_stopped_and_the_batch_goes_on(inbox, tmp_path, monkeypatch):
    overlay = tmp_path / "rules"
    overlay.mkdir()
    (overlay / "ingest.json").write_text(json.dumps({"max_seconds_per_file": 5}), encoding="utf-8")
    rules = load_rules(overlay)
    (inbox / "slow.txt").write_text("KẾ HOẠCH\n", encoding="utf-8")
    original = batch.process_file

    def crawl(path, rel, r):
        if rel == "slow.txt":
            time.sleep(120)  # a pattern that crawls, an endless scan
        return original(path, rel, r)

    monkeypatch.setattr(batch, "process_file", crawl)
    for workers in (1, 2):
        start = time.monotonic()
        result = run_batch(inbox, tmp_path / f"out{workers}", rules, workers=workers)
        assert time.monotonic() - start < 90
        assert [(e.path, e.stage) for e in result.errors] == [("slow.txt", "timeout")]
        assert "max_seconds_per_file" in result.errors[0].cause and len(result.records) == 8


def test_a_docx_declaring_entities_is_refused(tmp_path, rules):
    source = VARIANTS / "d1c_th-namgiang-kh-duoinuoc-2024.layout.docx"
    evil = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(evil, "w") as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            out.writestr(item, data)
    path = tmp_path / "evil.docx"
    path.write_bytes(evil.getvalue())
    with pytest.raises(InputError, match="DOCTYPE or entities"):
        read_document(path, rules)


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:/-()–\n\t\"'" + "ĐÐ\u00a0\u200b\ufeff\x00"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, max_size=1500) | st.text(max_size=300))
def test_any_text_gives_a_valid_record(rules, text):
    lines = tuple(Line(t) for t in text.split("\n"))
    record = extract_record(Document("x.txt", "0" * 64, "txt", (Page(1, lines),)), rules)
    assert Record.from_dict(json.loads(json.dumps(record.to_dict()))) == record
    for span in record.evidence.values():
        assert 0 <= span.start <= span.end <= len(text) + 1


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Số: ", "Căn cứ Quyết định số ", "trước ngày ", "giai đoạn ", "- Phòng ", "ngày "]),
       st.integers(min_value=1, max_value=20000))
def test_long_repeated_text_stays_fast(rules, piece, times):
    """Millions of repeated characters or a very long line: every pattern runs in bounded time."""
    text = piece * min(times, 4000) + "x" * 200_000
    start = time.monotonic()
    extract_record(Document("x.txt", "0" * 64, "txt", (Page(1, (Line(text),)),)), rules)
    assert time.monotonic() - start < 20


def _cached_rows(store) -> int:
    try:
        with sqlite3.connect(store, timeout=1) as db:
            return db.execute("SELECT count(*) FROM cache").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_run_killed_part_way_is_finished_by_the_next(inbox, tmp_path):
    clean = tmp_path / "clean"
    assert subprocess.run([*VANBAN, "run", str(inbox), "--out", str(clean), "-j", "1"],
                          capture_output=True).returncode == 0
    out = tmp_path / "killed"
    run = subprocess.Popen([*VANBAN, "run", str(inbox), "--out", str(out), "-j", "1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _cached_rows(out / "vanban.sqlite") < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert not list(out.rglob("*.tmp")), "no half-written file"
    again = subprocess.run([*VANBAN, "run", str(inbox), "--out", str(out), "-j", "1"], capture_output=True)
    assert again.returncode == 0
    assert _tree(out) == _tree(clean)


def _no_big_files():
    # a disk that fills up: writes past 64 KB fail with EFBIG instead of killing the process
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_full_disk_is_one_clear_line_and_loses_nothing(inbox, tmp_path):
    out = tmp_path / "out"
    assert subprocess.run([*VANBAN, "run", str(inbox), "--out", str(out), "-j", "1"],
                          capture_output=True).returncode == 0
    before = _tree(out)
    (inbox / "more.txt").write_text((INBOX / "004_4454b9fc8f55b7a4.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    full = subprocess.run([*VANBAN, "run", str(inbox), "--out", str(out), "-j", "1"], capture_output=True,
                          text=True, preexec_fn=_no_big_files)
    assert full.returncode == 1
    last = full.stderr.strip().splitlines()[-1]
    assert "cannot write the outputs" in last and "Traceback" not in full.stderr
    assert not list(out.rglob("*.tmp"))
    after = _tree(out)
    assert {k: v for k, v in after.items() if k in before} == {k: v for k, v in before.items() if k in after}
    with sqlite3.connect(out / "vanban.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A second bad-input corpus, through the command line with a page limit of 4."""
    inbox = tmp_path_factory.mktemp("hostile")
    (inbox / "random.pdf").write_bytes(os.urandom(4096))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>unclosed")
    (inbox / "bad-xml.docx").write_bytes(broken.getvalue())
    (inbox / "letter.txt").write_text("Dear Sir,\nPlease find attached the invoice for March.\nBest regards,\nJohn\n",
                                      encoding="utf-8")
    for folder in ("a", "b"):
        (inbox / folder).mkdir()
        shutil.copy(INBOX / "d1c_th-namgiang-kh-duoinuoc-2024.txt", inbox / folder / "same.txt")
    shutil.copy(INBOX / "d1d_thpt-cualo-kh-duoinuoc-2024.txt", inbox / "new\nline 'q' \"x\".txt")
    shutil.copy(VARIANTS / "d1_sgddt-nghean-kh-duoinuoc-2024.born.pdf", inbox / "five-pages.pdf")
    shutil.copy(INBOX / "004_4454b9fc8f55b7a4.txt", inbox / "plan.txt")
    os.symlink("/etc", inbox / "etc-link")
    rules = inbox.parent / f"{inbox.name}-rules"
    rules.mkdir()
    (rules / "ingest.json").write_text(json.dumps({"max_pages": 4}), encoding="utf-8")
    before = {p: p.read_bytes() for p in inbox.rglob("*") if p.is_file() and not p.is_symlink()}
    out = inbox.parent / f"{inbox.name}-out"
    result = subprocess.run([*VANBAN, "run", str(inbox), "--out", str(out), "--rules", str(rules)],
                            capture_output=True, text=True)
    return inbox, out, result, before


def test_hostile_inputs_each_cost_one_line(hostile):
    _, _, result, _ = hostile
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if not ln.startswith("vanban: ")]
    expected = {"random.pdf": "damaged PDF", "bad-xml.docx": "cannot read", "five-pages.pdf": "over the limit of 4",
                "etc-link": "symbolic link"}
    for name, cause in expected.items():
        hits = [ln for ln in lines if ln.startswith(f"{name}: ")]
        assert len(hits) == 1 and cause in hits[0], (name, lines)


def test_hostile_batch_keeps_the_good_files_apart_and_unchanged(hostile):
    inbox, out, _, before = hostile
    assert {p: p.read_bytes() for p in inbox.rglob("*") if p.is_file() and not p.is_symlink()} == before
    records = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    # two files with the same text are one document listing both; every file keeps its own record
    paths = sorted(p for r in records for p in (r["source"]["path"], *r["source"]["copies"]))
    assert paths == sorted(["a/same.txt", "b/same.txt", "letter.txt", "new\nline 'q' \"x\".txt", "plan.txt"])
    assert len(records) == 4
    names = [p.name for p in (out / "records").iterdir()]
    assert len(set(names)) == 5 and not any(ch in n for n in names for ch in "\n'\"/")
    letter = next(r for r in records if r["source"]["path"] == "letter.txt")
    assert all(letter[k] is None for k in ("number", "date", "doc_type", "title", "issuer", "signer", "place"))
    assert letter["warnings"] and letter["tasks"] == [] and letter["citations"] == []


def test_derived_documents_carry_no_field_or_macro(hostile):
    _, out, _, _ = hostile
    plans = list((out / "derived").rglob("*.docx"))
    assert plans, "the plan of the batch has its child plan"
    for plan in plans:
        with zipfile.ZipFile(plan) as package:
            names = package.namelist()
            body = package.read("word/document.xml")
        assert not any("vba" in n.lower() for n in names)
        assert b"w:fldSimple" not in body and b"w:instrText" not in body and b"w:hyperlink" not in body


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=600))
def test_normalisation_never_raises(rules, text):
    from pipeline import normalise

    for step in (normalise.to_nfc, normalise.fold_space, normalise.clean_line, normalise.fold_tones,
                 normalise.repair_mojibake, normalise.bare):
        assert isinstance(step(text), str)
    found = normalise.detect_legacy(text, rules)
    if found:
        assert isinstance(normalise.decode_legacy(text, rules.legacy_encoding(found)), str)
    joined = normalise.join_paragraphs([Line(t) for t in text.split("\n")])
    assert all(isinstance(line.text, str) for line in joined)


def test_an_image_over_the_pixel_limit_is_refused(tmp_path):
    from PIL import Image

    overlay = tmp_path / "rules"
    overlay.mkdir()
    (overlay / "ingest.json").write_text(json.dumps({"max_image_pixels": 10_000}), encoding="utf-8")
    path = tmp_path / "huge.png"
    Image.new("L", (400, 400), 255).save(path)
    with pytest.raises(InputError, match="larger than 10000 pixels"):
        read_document(path, load_rules(overlay))
