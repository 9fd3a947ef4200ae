"""Old Word .doc files, converted by LibreOffice (a system package the setup installs).

The .doc files are made here from the sample DOCX variants, the way an office's old Word
saves them; each must read like its .docx: the same text, the same record.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from pipeline import load_rules, read_document
from pipeline.extract import extract_record
from pipeline.ingest.doc import soffice

from .conftest import VARIANTS, read_cached

STEMS = ("d1a_pgddt-namdan-kh-duoinuoc-2024", "03_qd-254-ubnd-sonla-kh-baove-bmnn-2023")
pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed (make installs it)")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The .doc of each DOCX variant, converted in one LibreOffice run."""
    import docx

    folder = tmp_path_factory.mktemp("doc")
    sources = []
    for stem in STEMS:
        source = folder / f"{stem}.docx"
        # Word always ends a document with a paragraph; the variants end with the footer
        # table, which LibreOffice's .doc export would then merge into one paragraph
        document = docx.Document(str(VARIANTS / f"{stem}.layout.docx"))
        document.add_paragraph()
        document.save(str(source))
        sources.append(str(source))
    profile = folder / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "doc:MS Word 97", "--outdir", str(folder / "out"), *sources],
                   check=True, capture_output=True, timeout=180)
    return {stem: folder / "out" / f"{stem}.doc" for stem in STEMS}


@pytest.mark.parametrize("stem", STEMS)
def test_a_doc_reads_like_its_docx(docs, stem):
    rules = load_rules()
    document = read_document(docs[stem], rules)
    assert document.format == "doc"
    docx = read_cached(str(VARIANTS / f"{stem}.layout.docx"))
    assert document.text.split() == docx.text.split()
    record, expected = extract_record(document, rules), extract_record(docx, rules)
    for key in ("number", "date", "place", "title", "doc_type", "signer", "recipients", "citations", "tasks"):
        assert getattr(record, key) == getattr(expected, key), key


def test_a_doc_batch_in_parallel_and_a_broken_doc(docs, tmp_path):
    """Two workers convert at once (each conversion has its own LibreOffice profile); a
    broken .doc costs one line in errors.jsonl and the batch goes on."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in docs.values():
        shutil.copy(path, inbox / path.name)
    (inbox / "hong.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(inbox), "--out", str(out), "-j", "2"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 1  # one file failed, the others were written
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["number"] for r in records) == ["178/KH-PGDĐT", "254/QĐ-UBND"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["path"] for e in errors] == ["hong.doc"] and "not a Word document" in errors[0]["cause"]
    assert run.stderr.count("hong.doc") == 1
