"""Signer names read by OCR (rules/names.json, pipeline/names.py) and the signature zone
read again without its colours (pipeline/ingest/signature.py)."""

from __future__ import annotations

import io
import json
import os
import shutil
from datetime import date

import pytest

from pipeline.extract import extract_record
from pipeline.ingest import read_document
from pipeline.ingest.signature import drop_colour
from pipeline.rules import RulesError, load
from tests.variants import _font_files

BGDDT = "Bộ Giáo dục và Đào tạo"


@pytest.mark.parametrize("read, name", [
    ("Nguyễa Văn Phúc", "Nguyễn Văn Phúc"),  # one letter off a name syllable
    ("Trần Xgọc Lan", "Trần Ngọc Lan"),
    ("xê Quân", "Lê Quân"),  # the capital lost to the signature stroke
    (";.ê Quần", "Lê Quân"),  # one mark from 'quân', two from 'quan': the nearer wins
    ("Huỳnh Bao Toàn", "Huỳnh Bảo Toàn"),  # the hook lost
    ("Võ Hữu Tính", "Võ Hữu Tính"),
    ("Nguyễn Thị Kim Chi", "Nguyễn Thị Kim Chi"),
])
def test_a_name_is_read_syllable_by_syllable(rules, read, name):
    reading = rules.names.read(read)
    assert reading is not None and reading.name == name
    assert (reading.note is None) == (read == name)


@pytest.mark.parametrize("read, name", [
    ("NGND.PGS.TS. Huỳnh Thanh Nhã", "Huỳnh Thanh Nhã"),  # TB 635/TB-ĐHKTCN Cần Thơ
    ("NGNPĐ.PGS.TS. Huỳnh Thanh Nhã", "Huỳnh Thanh Nhã"),  # the same, its first title garbled
    ("PGS.TS. Nguyễn Hiệp Thương", "Nguyễn Hiệp Thương"),  # KH 106/KH-ĐHCĐ
    ("ThS. Trần Ngọc Lan", "Trần Ngọc Lan"),
    ("Trung tá Ngô Văn Công", "Ngô Văn Công"),  # a police rank (CV 115/CV-PA83 Công an Đà Nẵng)
    ("Đại uý Trần Văn Hùng", "Trần Văn Hùng"),
])
def test_titles_before_a_name_are_the_persons_not_the_name(rules, read, name):
    reading = rules.names.read(read)
    assert reading is not None and reading.name == name


def test_a_run_of_abbreviations_without_a_known_title_stays(rules):
    """'Q. Lê Văn Tám' is no titled name: Q. (quyền) is an authority, no honour."""
    assert rules.names.without_honorifics("Q. Lê Văn Tám") == "Q. Lê Văn Tám"


@pytest.mark.parametrize("text", [
    "xàz=— xà»", "TT", "Í r4f", "LLÃK _", "\\ CỦ Âuyu", "“tả lu", "Lưu: VT, VP",
    "THỨ TRƯỞNG XX",  # not a name: no syllable of it is one
    "Đan Ngọc Thướng",  # a surname that is no known one, with no known signer to say who
])
def test_what_is_no_name_stays_none(rules, text):
    assert rules.names.read(text) is None


@pytest.mark.parametrize("read, name", [
    ("Đan Ngọc Thướng", "Phạm Ngọc Thưởng"),
    ("Plam: Xgọc Thưởng", "Phạm Ngọc Thưởng"),
    ("Nơn yến Văn Phúc", "Nguyễn Văn Phúc"),
    ("Lê zân Dũng", "Lê Tấn Dũng"),
    ("Lê Tân Dũng", "Lê Tấn Dũng"),  # a clean reading only gets its diacritics back
])
def test_a_garbled_name_is_the_known_signer_it_is_closest_to(rules, read, name):
    reading = rules.names.read(read, issuer=BGDDT, title="THỨ TRƯỞNG", on=date(2025, 9, 1))
    assert reading is not None and reading.name == name
    assert "known signer" in reading.note


def test_known_signers_are_bounded_by_body_title_term_and_a_clean_reading(rules):
    names = rules.names
    # another body's deputy minister is not the Bộ GDĐT's
    assert names.read("Đan Ngọc Thướng", issuer="Bộ Y tế", title="THỨ TRƯỞNG") is None
    # a minister is not matched against the deputies
    assert names.read("Nơn yến Văn Phúc", issuer=BGDDT, title="BỘ TRƯỞNG") is None
    # out of a known term of office
    assert names.read("Phùng Xuâx Nhạ", issuer=BGDDT, title="BỘ TRƯỞNG", on=date(2016, 5, 1)).name == "Phùng Xuân Nhạ"
    later = names.read("Phùng Xuâx Nhạ", issuer=BGDDT, title="BỘ TRƯỞNG", on=date(2024, 5, 1))
    assert "known signer" not in (later.note or "")
    # a name read cleanly that is close to, but not, a known signer is someone else
    assert names.read("Lê Quang", issuer=BGDDT, title="THỨ TRƯỞNG").name == "Lê Quang"


def test_names_rules_check_their_examples(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree("rules", folder)
    data = json.loads((folder / "names.json").read_text(encoding="utf-8"))
    data["examples"]["syllables"].append(["Nguyễa Văn Phúc", "Nguyễa Văn Phúc"])
    (folder / "names.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulesError, match="names: example 'Nguyễa Văn Phúc'"):
        load(base=folder)


# --- the signature zone ----------------------------------------------------------------

def _font(size: int):
    from PIL import ImageFont

    regular, bold = _font_files()
    return ImageFont.truetype(regular, size), ImageFont.truetype(bold, size)


def _seal_and_signature(page, centre: tuple[int, int], radius: int) -> None:
    """A red seal ring with a star and a blue signature, stamped over the print the way
    ink is: the black under them stays black (a multiply, not a paint-over)."""
    from PIL import Image, ImageChops, ImageDraw

    ink = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(ink)
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=(214, 40, 46), width=36)
    draw.regular_polygon((x, y, 40), 5, fill=(214, 40, 46))
    for k in range(3):
        draw.line((x - 40 + 30 * k, y + 150, x + 280, y - 30 + 20 * k), fill=(28, 48, 170), width=5)
    page.paste(ImageChops.multiply(page, ink))


def _signed_page(name: str):
    """A 200-dpi colour page: body, Nơi nhận left, the deputy's office right, and the
    printed name crossed by the seal and the signature."""
    from PIL import Image, ImageDraw

    regular, bold = _font(30)
    page = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(page)
    for i in range(6):
        draw.text((160, 300 + 52 * i), f"Dòng nội dung thứ {i + 1} của kế hoạch phòng, chống đuối nước.",
                  font=regular, fill="black")
    draw.text((160, 800), "Nơi nhận:", font=bold, fill="black")
    for i, item in enumerate(["- Như trên;", "- Lưu: VT, GDTrH."]):
        draw.text((160, 850 + 44 * i), item, font=regular, fill="black")
    draw.text((1020, 800), "KT. GIÁM ĐỐC", font=bold, fill="black")
    draw.text((1000, 850), "PHÓ GIÁM ĐỐC", font=bold, fill="black")
    draw.text((1010, 1200), name, font=bold, fill="black")
    _seal_and_signature(page, (1060, 1090), 190)
    return page


def test_drop_colour_keeps_black_print_and_removes_seal_and_ink(rules):
    import numpy as np
    from PIL import Image

    swatch = Image.new("RGB", (4, 1))
    swatch.putdata([(20, 20, 24), (214, 40, 46), (28, 48, 170), (250, 250, 245)])
    out = np.asarray(drop_colour(swatch, rules.ingest.signature_zone)).tolist()[0]
    assert out == [0, 255, 255, 255]


def test_a_name_under_the_seal_and_the_signature_is_read(tmp_path, rules):
    path = tmp_path / "signed.png"
    _signed_page("Nguyễn Văn An").save(path, dpi=(200, 200))
    record = extract_record(read_document(path, rules), rules)
    assert record.signer is not None
    assert (record.signer.authority, record.signer.title) == ("KT.", "PHÓ GIÁM ĐỐC")
    assert record.signer.name == "Nguyễn Văn An"


def test_a_born_digital_page_with_the_name_in_an_image_reads_it(tmp_path, rules):
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, bold = _font_files()
    for face, file in (("VBSig", regular), ("VBSigBold", bold)):
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face, file))
    stamp = Image.new("RGB", (620, 420), "white")
    ImageDraw.Draw(stamp).text((150, 350), "Trần Thị Hạnh", font=_font(44)[1], fill="black")
    _seal_and_signature(stamp, (250, 230), 160)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("VBSigBold", 12)
    c.drawString(90, 780, "TRƯỜNG THPT KIÊN LƯƠNG")
    c.drawString(330, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.setFont("VBSig", 12)
    c.drawString(90, 760, "Số: 12/TB-THPT")
    c.drawString(320, 740, "Kiên Lương, ngày 05 tháng 8 năm 2024")
    c.setFont("VBSigBold", 13)
    c.drawString(250, 700, "THÔNG BÁO")
    c.drawString(190, 682, "Về lịch tựu trường năm học 2024-2025")
    c.setFont("VBSig", 12)
    for i in range(5):
        c.drawString(70, 640 - 18 * i, f"Nội dung thứ {i + 1}: học sinh tựu trường đúng giờ, mang theo sách vở.")
    c.drawString(70, 520, "Nơi nhận:")
    c.drawString(70, 504, "- Như trên;")
    c.drawString(70, 488, "- Lưu: VT.")
    c.setFont("VBSigBold", 12)
    c.drawString(390, 520, "HIỆU TRƯỞNG")
    c.drawImage(ImageReader(stamp), 340, 380, width=186, height=126)
    c.showPage()
    c.save()
    path = tmp_path / "stamped.pdf"
    path.write_bytes(buf.getvalue())
    document = read_document(path, rules)
    assert not document.pages[0].ocr  # the page keeps its text layer
    record = extract_record(document, rules)
    assert record.signer is not None and record.signer.title == "HIỆU TRƯỞNG"
    assert record.signer.name == "Trần Thị Hạnh"
    assert any("name is in an image" in w for w in record.warnings)


def _zone_lines(name: str | None) -> list:
    """A signed page's last lines as a reader gives them: Nơi nhận left, the office right and,
    when given, the printed name under it (points, A4)."""
    from pipeline.document import Line

    lines = [Line("Nơi nhận:", 1, "footer-left", (60, 520, 120, 532)),
             Line("- Lưu: VT.", 1, "footer-left", (60, 536, 120, 548)),
             Line("GIÁM ĐỐC", 1, "footer-right", (380, 520, 450, 532))]
    if name:
        lines.append(Line(name, 1, "footer-right", (370, 600, 470, 612)))
    return lines


@pytest.mark.parametrize("name, read_again", [
    ("Nguyễn Văn An", False),  # the first reading has the name: Tesseract is not run again
    (None, True),  # no name under the office: the zone is read again without its colours
    ("ĐÃ KÝ", True),  # a name only once mended ('Lã Kỳ'): perhaps the seal crossed it
])
def test_the_signature_zone_is_read_again_only_without_a_name(rules, name, read_again):
    """Issue 17: the second reading of the zone cost a Tesseract run on every scanned page."""
    from PIL import Image

    from pipeline.ingest.signature import reread

    rendered = []

    def render():
        rendered.append(True)
        return Image.new("RGB", (1240, 1754), "white"), 150.0

    lines = _zone_lines(name)
    assert reread(lines, 595.0, 1, rules, render) == lines
    assert bool(rendered) is read_again


def test_every_tesseract_process_runs_with_one_openmp_thread(tmp_path, monkeypatch, rules):
    """Issue 17: OpenMP threads of parallel Tesseract processes spin against each other on
    shared cores. Each process vanban starts gets OMP_THREAD_LIMIT=1; the user's own
    environment is not changed."""
    from PIL import Image

    from pipeline.ingest import ocr, tesslib

    monkeypatch.setattr(tesslib, "engine", lambda data, languages: None)  # a process a reading
    seen = tmp_path / "seen"
    fake = tmp_path / "bin" / "tesseract"
    fake.parent.mkdir()
    # what pytesseract asks for: --list-langs, --version, or IMAGE OUTBASE ... tsv (it reads OUTBASE.tsv)
    fake.write_text('#!/bin/sh\necho "$1 OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-unset} MINE=${MINE:-unset}" >> '
                    f'"{seen}"\n'
                    'if [ "$1" = --list-langs ]; then printf "List of available languages (1):\\nvie\\n"; exit 0; fi\n'
                    'if [ "$1" = --version ]; then echo "tesseract 5.3.0"; exit 0; fi\n'
                    'printf "level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth'
                    '\\theight\\tconf\\ttext\\n1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t200\\t80\\t-1\\t\\n" > "$2.tsv"\n',
                    encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setenv("MINE", "kept")
    ocr._list_langs.cache_clear()
    try:
        assert ocr.tesseract_ready("vie") is None
        assert ocr.tesseract_words(Image.new("L", (200, 80), 255), 300.0, rules) == ([], 0.0)
    finally:
        ocr._list_langs.cache_clear()  # the next test asks the real Tesseract again
    runs = seen.read_text(encoding="utf-8").splitlines()
    # --list-langs, pytesseract's --version (asked once a process) and the reading
    assert runs[0].startswith("--list-langs ") and sum(not run.startswith("--") for run in runs) == 1, runs
    assert all(run.endswith(" OMP_THREAD_LIMIT=1 MINE=kept") for run in runs), runs
    assert "OMP_THREAD_LIMIT" not in os.environ


def test_drop_colour_is_the_rule_on_every_colour(rules):
    """A colour is ink where its luminance ((299 R + 587 G + 114 B) // 1000) is under 'dark'
    and its channels differ by no more than 'chroma' (every third level of each channel)."""
    import numpy as np
    from PIL import Image

    settings = rules.ingest.signature_zone
    levels = np.arange(0, 256, 3, dtype=np.uint8)
    red, green, blue = np.meshgrid(levels, levels, levels, indexing="ij")
    colours = np.stack([red, green, blue], axis=-1).reshape(len(levels) ** 2, len(levels), 3)
    wide = colours.astype(np.int32)
    luminance = (wide[..., 0] * 299 + wide[..., 1] * 587 + wide[..., 2] * 114) // 1000
    ink = (luminance < settings.dark) & ((wide.max(axis=2) - wide.min(axis=2)) <= settings.chroma)
    out = np.asarray(drop_colour(Image.fromarray(colours), settings))
    assert np.array_equal(out, np.where(ink, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("office, deputy", [
    ("PHÓ GIÁM ĐỐC", True),
    ("THỨ TRƯỞNG", True),
    ("PHÓ TRƯỞNG PHÒNG PHỤ TRÁCH", False),  # runs the office with no head: no KT. (CV 115/CV-PA83)
    ("GIÁM ĐỐC", False),
])
def test_a_deputy_signs_for_the_head_unless_in_charge(rules, office, deputy):
    assert rules.units.is_deputy(office) is deputy
