"""Every format of the same dispatch reads back to the same clean text.

The variants in samples/inbox/variants/ are made by tests/variants.py (`make samples`)
from the gold texts: DOCX in the official layout, TCVN3 and VNI DOCX, born-digital PDF,
and two scanned PDFs.
"""

from __future__ import annotations

import pytest

from tests.conftest import GOLD_DOCS, VARIANTS, read_cached, similarity, words
from tests.variants import layout_of, make_docx, make_pdf

CASES = [(doc, kind) for doc in GOLD_DOCS for kind in ("layout.docx", "tcvn3.docx", "vni.docx", "born.pdf")]


@pytest.mark.parametrize("doc,kind", CASES, ids=[f"{d.stem[:12]}-{k}" for d, k in CASES])
def test_variant_reads_like_the_original(doc, kind):
    variant = VARIANTS / f"{doc.stem}.{kind}"
    assert variant.exists(), f"{variant.name} missing: run `make samples`"
    original = read_cached(str(doc))
    got = read_cached(str(variant))
    assert similarity(words(original), words(got)) >= 0.97
    expected_legacy = {"tcvn3.docx": "tcvn3", "vni.docx": "vni"}.get(kind)
    assert got.legacy_encoding == expected_legacy
    assert not got.ocr


@pytest.mark.parametrize("kind", ["layout.docx", "born.pdf", "tcvn3.docx"])
def test_header_columns_come_out_as_blocks_in_order(kind):
    got = read_cached(str(VARIANTS / f"d1_sgddt-nghean-kh-duoinuoc-2024.{kind}"))
    header = [(ln.block, ln.text) for ln in got.lines if ln.block.startswith("header")]
    blocks = [b for b, _ in header]
    assert blocks == sorted(blocks), "left column first, then right, never interleaved"
    left = [t for b, t in header if b == "header-left"]
    right = [t for b, t in header if b == "header-right"]
    assert any("2156/KH-SGDĐT" in t for t in left)
    assert any("CỘNG HÒA" in t for t in right) and any("ngày 27 tháng 9 năm 2024" in t for t in right)


@pytest.mark.parametrize("kind", ["layout.docx", "born.pdf"])
def test_footer_columns(kind):
    got = read_cached(str(VARIANTS / f"004_4454b9fc8f55b7a4.{kind}"))
    left = [ln.text for ln in got.lines if ln.block == "footer-left"]
    right = [ln.text for ln in got.lines if ln.block == "footer-right"]
    assert left[0].startswith("Nơi nhận") and left[-1].startswith("- Lưu")
    assert "Phạm Xuân Bình" in " ".join(right) and "KT. GIÁM ĐỐC" in " ".join(right)


def test_scanned_pdf_reads_close_to_the_born_digital_one():
    born = read_cached(str(VARIANTS / "d1d_thpt-cualo-kh-duoinuoc-2024.born.pdf"))
    scan = read_cached(str(VARIANTS / "d1d_thpt-cualo-kh-duoinuoc-2024.scan.pdf"))
    pages = len(scan.pages)
    assert scan.ocr and all(p.ocr for p in scan.pages)
    assert similarity(words(born, pages), words(scan, pages)) >= 0.90
    assert scan.lines[0].block == "header-left"


def test_variants_are_reproducible(tmp_path):
    """The committed variants are what the helpers make today (DOCX text, not bytes)."""
    doc = read_cached(str(GOLD_DOCS[0]))
    layout = layout_of(doc)
    (tmp_path / "x.docx").write_bytes(make_docx(layout))
    (tmp_path / "x.pdf").write_bytes(make_pdf(layout))
    fresh = read_cached(str(tmp_path / "x.docx"))
    committed = read_cached(str(VARIANTS / f"{GOLD_DOCS[0].stem}.layout.docx"))
    assert [ln.text for ln in fresh.lines] == [ln.text for ln in committed.lines]
