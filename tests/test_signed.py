"""Digitally signed dispatches: the number and day the stamps print, and the signatures.

Real signed dispatches of 2025 (samples/inbox/signed, from shared/real/signed) and PDFs
signed here with a self-signed certificate (tests/signed.py), one per case: a stamp over a
blank, a stamp glued to the word before it, a revision added after signing, a tampered
byte, trust roots given or not, and a scan whose number was stamped on after scanning.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import load_rules, read_document
from pipeline.extract import extract_record
from pipeline.rules import RulesError

from . import signed
from .conftest import INBOX

SIGNED = INBOX / "signed"
GOLD = INBOX.parent / "gold"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    return signed.make_identity(tmp_path_factory.mktemp("identity"))


@pytest.fixture(scope="module")
def dispatch(identity, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("signed") / "kh230.pdf"
    path.write_bytes(signed.signed_dispatch(identity))
    return path


def _record(path: Path, rules=None):
    rules = rules or load_rules()
    return extract_record(read_document(path, rules), rules)


def test_stamped_number_and_day_are_read_as_the_page_shows_them(dispatch):
    record = _record(dispatch)
    assert (record.number, record.date, record.place) == ("230/KH-THPT", "2025-11-14", "Hà Nội")
    # the day was stamped flush against 'ngày': the words stay apart all the same
    assert "ngày 14 tháng 11 năm 2025" in read_document(dispatch, load_rules()).text
    # evidence names the page and says the value came from a stamp
    assert record.evidence["number"].page == 1 and record.evidence["number"].source == "stamp"
    assert record.evidence["date"].source == "stamp"
    assert "source" not in record.evidence["title"].to_dict()


def test_every_signature_is_listed_with_its_time(dispatch):
    signatures = _record(dispatch).signatures
    assert [s.field for s in signatures] == ["SoVanBan", "NgayVanBan"]
    assert all(s.signer == "Nguyễn Văn An" and s.organisation == "TRƯỜNG THPT THỬ NGHIỆM" for s in signatures)
    assert all(s.time and s.time_source == "claimed" for s in signatures)
    assert all(s.intact for s in signatures)
    # the first signature covers the revision before the second one was added
    assert [s.whole_file for s in signatures] == [False, True]
    assert all(s.trusted is None and s.revocation == "not checked" for s in signatures)


def test_a_signature_read_holds_plain_values_that_go_between_processes():
    """pyHanko names a field with a string object that keeps its reader: the record must hold
    plain values, or a batch with workers cannot send it back (make run on the samples failed
    so once the reader became a class of its own)."""
    import pickle

    from pipeline.ingest.signatures import read_signatures

    signatures, _ = read_signatures((SIGNED / "21_sgddt-hcm_kh4644_cuocthi_vovinam.pdf").read_bytes())
    assert signatures and all(type(s.field) is str for s in signatures)
    assert pickle.loads(pickle.dumps(signatures)) == signatures


def test_a_revision_added_after_signing_is_an_error(dispatch, tmp_path):
    path = tmp_path / "changed.pdf"
    path.write_bytes(signed.add_revision(dispatch.read_bytes()))
    record = _record(path)
    assert record.signatures[-1].whole_file is False and record.signatures[-1].later_changes == "other"
    found = [f for f in record.findings if f.kind == "signed-then-changed"]
    assert len(found) == 1 and found[0].severity == "error" and "sau chữ ký số cuối cùng" in found[0].message


def test_a_tampered_byte_breaks_the_signatures(dispatch, tmp_path):
    path = tmp_path / "tampered.pdf"
    path.write_bytes(signed.tamper(dispatch.read_bytes()))
    record = _record(path)
    assert [s.intact for s in record.signatures] == [False, False]
    found = [f for f in record.findings if f.kind == "signature-invalid"]
    assert len(found) == 2 and all(f.severity == "error" for f in found)
    assert "NgayVanBan của Nguyễn Văn An" in found[1].message


def test_the_signing_time_far_from_the_printed_date_is_told(dispatch):
    # the fixture is signed today and dated 14/11/2025
    found = [f for f in _record(dispatch).findings if f.kind == "signing-date-far"]
    assert len(found) == 1 and found[0].severity == "info"
    assert "14/11/2025" in found[0].message and found[0].evidence[0].page == 1


def test_trust_roots_decide_trusted(dispatch, identity, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "root.pem").write_bytes(identity.cert_pem)
    assert {s.trusted for s in _record(dispatch, load_rules(trust_roots=[mine])).signatures} == {True}
    other = signed.make_identity(tmp_path / "other", "Người khác")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "root.crt").write_bytes(other.cert_pem)
    assert {s.trusted for s in _record(dispatch, load_rules(trust_roots=[theirs])).signatures} == {False}


def test_a_trust_root_that_is_no_certificate_is_refused_by_name(tmp_path):
    (tmp_path / "broken.pem").write_text("not a certificate")
    with pytest.raises(RulesError, match="broken.pem: not an X.509 certificate"):
        load_rules(trust_roots=[tmp_path])


def test_show_prints_the_signatures_and_trust_roots_exit_2_when_bad(dispatch, tmp_path):
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", str(dispatch)], capture_output=True)
    assert out.returncode == 0
    record = json.loads(out.stdout)
    assert [s["field"] for s in record["signatures"]] == ["SoVanBan", "NgayVanBan"]
    (tmp_path / "bad.cer").write_bytes(b"\x00\x01")
    bad = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", str(dispatch), "--trust-roots",
                          str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 2 and "bad.cer" in bad.stderr


def test_a_scan_stamped_after_scanning_reads_its_stamp(identity, tmp_path):
    """An image-only page whose number the văn thư stamped on: the stamp is part of the
    page that OCR reads."""
    page, boxes = signed.blank_page()
    scan = signed.as_scan(page)
    path = tmp_path / "scan.pdf"
    path.write_bytes(signed.sign(scan, identity, "SoVanBan", boxes["number"], "230"))
    document = read_document(path, load_rules())
    assert document.ocr
    record = extract_record(document, load_rules())
    assert record.number == "230/KH-THPT"
    assert record.evidence["number"].source == "stamp"


@pytest.fixture(scope="module")
def real_records():
    rules = load_rules()
    return {p.stem: extract_record(read_document(p, rules, display=p.name), rules)
            for p in sorted(SIGNED.glob("*.pdf"))}


def test_real_signed_dispatches_header_as_issued(real_records):
    assert len(real_records) == 6
    for stem, record in real_records.items():
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        assert (record.number, record.date, record.place) == (gold["number"], gold["date"], gold["place"]), stem
        assert record.evidence["number"].source == "stamp", stem
        assert record.signatures and all(s.time and s.intact for s in record.signatures), stem
        last = record.signatures[-1]  # long-term validation data may follow it (21)
        assert last.whole_file or last.later_changes == "validation data", stem
        assert not [f for f in record.findings if f.kind in ("signature-invalid", "signed-then-changed")], stem


def test_real_signing_days_after_the_printed_date_are_told(real_records):
    """CV 4646 is dated 14/11/2025 and signed 19-21/11/2025 (shared/real/signed/SOURCES.md)."""
    found = [f for f in real_records["23_sgddt-hcm_cv4646_bonhiem_cdnn"].findings if f.kind == "signing-date-far"]
    assert len(found) == 1 and "21/11/2025" in found[0].message
    assert not [f for f in real_records["22_sgddt-hcm_cv4728_phongchong_matuy"].findings
                if f.kind == "signing-date-far"]


def test_the_report_shows_who_signed_when_and_whether_it_holds(dispatch, tmp_path):
    from pipeline.report import _signatures_table

    html = _signatures_table(_record(dispatch))
    assert "<h2>Chữ ký số</h2>" in html and html.count("Nguyễn Văn An") == 2
    assert html.count("còn nguyên vẹn") == 2
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(signed.tamper(dispatch.read_bytes()))
    assert _signatures_table(_record(tampered)).count("KHÔNG còn khớp với tệp") == 2


@pytest.mark.parametrize("data, opened", [
    (b"%PDF-1.7 ... /Annots [5 0 R] ... /Subtype /Widget /FT /Sig", True),
    # saved with object streams: the widget's dictionary is compressed, the signature's is not
    (b"%PDF-1.7 ... /Type /ObjStm /Filter /FlateDecode ... /Type /Sig /Contents <3082>", True),
    (b"%PDF-1.7 ... /Type /ObjStm /Filter /FlateDecode ... /Type /Page", False),
])
def test_a_file_that_may_hold_stamps_is_opened_again(data, opened):
    from pipeline.ingest.stamps import may_have_stamps

    assert may_have_stamps(data) is opened


def test_stamps_of_a_file_saved_with_object_streams_are_read():
    """KH 362/KH-SGDĐT of the Sở GDĐT Đồng Tháp (2026) keeps its widget annotations in object
    streams: its number and day, printed only by the signature widgets, are read as issued."""
    rules = load_rules()
    path = INBOX / "unseen2" / "k02_kh-362-sgddt-dongthap-doan-kiemtra-stem-2026.pdf"
    record = extract_record(read_document(path, rules), rules)
    assert (record.number, record.date) == ("362/KH-SGDĐT", "2026-04-14")


@pytest.mark.parametrize("stem, number, date, signer", [
    # the Sở GDĐT Quảng Nam (2021): number and date stamped as pictures over '#SoKyHieuVanBan
    # #DiaDiemNgayBanHanh'; the 8 read as '§' by the Vietnamese model, the 1 of 2021 as 'i'
    ("n05_cv-878-sgddt-quangnam-khaibao-yte-2021", "878/SGDĐT-VP", "2021-05-05", "Hà Thanh Quốc"),
    # UBND tỉnh Quảng Nam (2021): the pictures over the blanks 'Số: /UBND-KGVX' and the date line
    ("n04_cv-2532-ubnd-quangnam-khaibao-yte-2021", "2532/UBND-KGVX", "2021-05-04", "Trần Văn Tân"),
])
def test_a_number_and_date_stamped_as_pictures_are_read_as_the_page_shows_them(stem, number, date, signer):
    rules = load_rules()
    document = read_document(INBOX / "unseen4" / f"{stem}.pdf", rules)
    record = extract_record(document, rules)
    assert (record.number, record.date, record.place) == (number, date, "Quảng Nam")
    assert record.signer.name == signer
    assert record.evidence["number"].source == "stamp"
    text = "\n".join(line.text for page in document.pages for line in page.lines)
    assert "#SoKyHieuVanBan" not in text and "#DiaDiemNgayBanHanh" not in text  # hidden under the pictures


def _both_ways(data: bytes, monkeypatch):
    """The signatures read over their byte ranges (None where that path declines), and as
    pyHanko reads the whole file."""
    from pipeline.ingest import signatures

    fast = signatures._read_detached(data)
    with monkeypatch.context() as patched:
        patched.setattr(signatures, "_read_detached", lambda _data: None)
        whole = signatures.read_signatures(data)
    return fast, whole


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SIGNED.glob("*.pdf")) if not p.stem.startswith("21_")]
                         + ["n04_cv-2532-ubnd-quangnam-khaibao-yte-2021",
                            "q01_cv-2405-sgddt-hanoi-phongchong-covid-2020"])
def test_signatures_read_over_their_byte_ranges_are_pyhankos(stem, monkeypatch):
    """Issue 17: without trust roots and with the last signature covering the file, each
    signature is checked over its own byte range, not by pyHanko's reading of the whole file;
    every field of the record is the same."""
    path = next(INBOX.rglob(f"{stem}.pdf"))
    fast, whole = _both_ways(path.read_bytes(), monkeypatch)
    assert fast is not None and fast == whole and fast[0]


@pytest.mark.parametrize("change, read_fast", [
    (lambda data: data, True),
    (signed.tamper, True),  # the digests no longer match: intact False both ways
    (signed.add_revision, False),  # what the later revision changes: pyHanko's difference analysis
])
def test_the_byte_range_reading_declines_what_it_cannot_tell(dispatch, monkeypatch, change, read_fast):
    fast, whole = _both_ways(change(dispatch.read_bytes()), monkeypatch)
    assert (fast is not None) is read_fast
    if fast is not None:
        assert fast == whole


def test_long_term_validation_data_after_the_last_signature_goes_to_pyhanko(monkeypatch):
    """KH 4644/SGDĐT-CTTT: validation data added after the last signature; only pyHanko's
    comparison of the revisions can tell that it is no more than that."""
    fast, whole = _both_ways((SIGNED / "21_sgddt-hcm_kh4644_cuocthi_vovinam.pdf").read_bytes(), monkeypatch)
    assert fast is None and whole[0][-1].later_changes == "validation data"
