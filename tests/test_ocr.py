"""Tesseract kept loaded (pipeline/ingest/tesslib.py) against a process a reading."""

from __future__ import annotations

import threading

import pytest

from pipeline.ingest import ocr, tesslib
from tests.variants import _font_files

LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 2627/QĐ-BGDĐT ngày 12 tháng 9 năm 2025",
         "Căn cứ Luật Giáo dục đại học số 08/2012/QH13;", "Điều 1. Phê duyệt danh mục ngành đào tạo.")


def _page(mode: str = "L"):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_files()[0], 34)
    image = Image.new(mode, (1400, 60 + 70 * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(LINES):
        draw.text((60, 40 + 70 * i), text, font=font, fill="black")
    return image


def _by_process(monkeypatch) -> None:
    monkeypatch.setattr(tesslib, "engine", lambda data, languages: None)


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_the_loaded_engine_reads_what_a_tesseract_process_reads(monkeypatch, rules, mode):
    """The same library and data: the same words, boxes and confidence, whichever way."""
    page = _page(mode)
    loaded = ocr.tesseract_words(page, 300.0, rules)
    assert loaded[0] and " ".join(w.text for w in loaded[0]).startswith("CỘNG HÒA")
    with monkeypatch.context() as patch:
        _by_process(patch)
        assert ocr.tesseract_words(page, 300.0, rules) == loaded
    assert ocr.tesseract_words(page, 300.0, rules, psm=6) == ocr.tesseract_words(page, 300.0, rules, psm=6)


def test_one_engine_a_thread_made_once(rules):
    first = tesslib.engine(None, rules.ingest.ocr_languages)
    assert first is not None
    assert tesslib.engine(None, rules.ingest.ocr_languages) is first
    other = []
    thread = threading.Thread(target=lambda: other.append(tesslib.engine(None, rules.ingest.ocr_languages)))
    thread.start()
    thread.join()
    assert other[0] is not None and other[0] is not first


def test_options_hold_for_one_reading(monkeypatch, rules):
    """A stamp's blacklist (rules/ingest.json ocr.stamp) applies to its reading only, on the
    loaded engine as on a process."""
    page = _page()
    config = "-c tessedit_char_blacklist=ỘĐ"
    words, _ = ocr.tesseract_words(page, 300.0, rules, config=config)
    assert not any(ch in w.text for w in words for ch in "ỘĐ")
    with monkeypatch.context() as patch:
        _by_process(patch)
        assert ocr.tesseract_words(page, 300.0, rules, config=config)[0] == words
    again, _ = ocr.tesseract_words(page, 300.0, rules)
    assert any("Ộ" in w.text for w in again)


@pytest.mark.parametrize("config, variables", [
    ("", []),
    ("-c tessedit_char_blacklist=§Š¡", [("tessedit_char_blacklist", "§Š¡")]),
    ("-c a=1 -c b=x=y", [("a", "1"), ("b", "x=y")]),
    ("--oem 1", None),  # only the command line takes it: a process reads
    ("-c", None),
])
def test_options_the_loaded_engine_takes(config, variables):
    assert ocr._variables(config) == variables


def test_a_missing_library_falls_back_to_a_process(monkeypatch, rules):
    page = _page()
    expected = ocr.tesseract_words(page, 300.0, rules)
    monkeypatch.setattr(tesslib, "_LIBRARY", [None])
    monkeypatch.setattr(tesslib, "_LOCAL", threading.local())
    assert ocr.tesseract_words(page, 300.0, rules) == expected


@pytest.mark.parametrize("user", [None, "4"])
def test_loading_the_library_leaves_the_environment_as_it_was(monkeypatch, user):
    import os

    if user is None:
        monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    else:
        monkeypatch.setenv("OMP_THREAD_LIMIT", user)
    monkeypatch.setattr(tesslib, "_LIBRARY", [])
    assert tesslib._library() is not None
    assert os.environ.get("OMP_THREAD_LIMIT") == user


def test_leptonica_complains_to_the_log_not_to_stderr(capfd, caplog):
    """Leptonica's 'Error in ...' lines (a speck at a scan's edge) reach the log at debug level,
    and nothing reaches the user's terminal."""
    import ctypes
    import ctypes.util
    import logging

    assert tesslib._library() is not None
    leptonica = ctypes.CDLL(ctypes.util.find_library("lept") or ctypes.util.find_library("leptonica"))
    leptonica.boxClipToRectangle.restype = ctypes.c_void_p
    leptonica.boxClipToRectangle.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    with caplog.at_level(logging.DEBUG, logger=tesslib.__name__):
        assert leptonica.boxClipToRectangle(None, 10, 10) is None  # no box: Leptonica complains
    assert "boxClipToRectangle" in caplog.text
    assert "boxClipToRectangle" not in capfd.readouterr().err


def _scan(path, pages: int = 3):
    """A scanned PDF of `pages` pages: page images without a text layer."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(_font_files()[0], 34)
    images = []
    for number in range(1, pages + 1):
        image = _page("RGB")
        ImageDraw.Draw(image).text((60, image.height - 40), f"Trang {number} của văn bản", font=font, fill="black")
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150.0)
    return path


def _threads_seen(monkeypatch) -> list[str]:
    seen: list[str] = []
    read = ocr.read_page_image

    def recorded(*args, **kwargs):
        seen.append(threading.current_thread().name)
        return read(*args, **kwargs)

    monkeypatch.setattr(ocr, "read_page_image", recorded)
    return seen


def test_the_pages_of_a_scan_read_on_threads_read_the_same(tmp_path, monkeypatch, rules):
    from pipeline.ingest import read_document

    path = _scan(tmp_path / "scan.pdf")
    alone = read_document(path, rules)
    seen = _threads_seen(monkeypatch)
    with ocr.page_threads(2):
        together = read_document(path, rules)
    assert len(seen) == 3 and any(name.startswith("vanban-ocr") for name in seen)
    assert [(p.number, p.ocr, p.lines) for p in together.pages] == [(p.number, p.ocr, p.lines) for p in alone.pages]
    assert all("Điều 1. Phê duyệt" in page.text for page in together.pages)


def test_one_file_with_two_workers_has_its_pages_read_two_at_a_time(tmp_path, monkeypatch, rules):
    from pipeline.workers import process_all

    path = _scan(tmp_path / "scan.pdf")
    seen = _threads_seen(monkeypatch)
    results = {}
    process_all([(path, "scan.pdf")], rules, 2, results.__setitem__)
    assert results["scan.pdf"].record is not None
    assert any(name.startswith("vanban-ocr") for name in seen)
    seen.clear()
    process_all([(path, "scan.pdf")], rules, 1, results.__setitem__)
    assert seen and not any(name.startswith("vanban-ocr") for name in seen)


def test_the_frames_of_a_tiff_read_on_threads_read_the_same(tmp_path, monkeypatch, rules):
    from pipeline.ingest import read_document

    path = tmp_path / "scan.tif"
    frames = [_page() for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300))
    alone = read_document(path, rules)
    seen = _threads_seen(monkeypatch)
    with ocr.page_threads(2):
        together = read_document(path, rules)
    assert len(seen) == 3 and any(name.startswith("vanban-ocr") for name in seen)
    assert [(p.number, p.lines) for p in together.pages] == [(p.number, p.lines) for p in alone.pages]
    assert [p.number for p in together.pages] == [1, 2, 3]


@pytest.mark.parametrize("degrees", [0.25, -1.5, 4.75])
def test_a_turned_page_is_turned_where_it_is_cropped_as_a_whole_page_would_be(degrees):
    """The signature zone of a page whose skew was undone is cut from the colour page turned
    the same way; only the zone is turned, with the same pixels."""
    from PIL import Image, ImageDraw

    page = _page("RGB")
    ImageDraw.Draw(page).ellipse((900, 120, 1200, 330), outline=(214, 40, 46), width=9)  # a seal
    whole = page.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    turned = ocr.TurnedPage(page, degrees, Image.BICUBIC)
    assert turned.size == whole.size
    for box in ((850, 100, 1250, 350), (0, 0, 300, 120), (-40, 200, 500, whole.height + 30),
                (whole.width - 100, whole.height - 80, whole.width + 60, whole.height + 40)):
        assert turned.crop(box).tobytes() == whole.crop(box).tobytes(), box


def test_the_median_of_a_page_is_pillows_median_filter():
    """The speckle filter gives Pillow's MedianFilter(3) pixel for pixel, at the edges too
    and on images one pixel wide or high."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(17)
    for height, width in ((1, 1), (1, 7), (6, 1), (2, 2), (31, 17), (120, 90)):
        for values in (np.arange(256), np.array([0, 255]), np.array([0, 96, 128, 255])):
            image = Image.fromarray(rng.choice(values, size=(height, width)).astype(np.uint8))
            assert ocr.median3(image).tobytes() == image.filter(ImageFilter.MedianFilter(3)).tobytes()
    page = _page("L")
    assert ocr.median3(page).tobytes() == page.filter(ImageFilter.MedianFilter(3)).tobytes()


def test_a_page_whose_lines_run_down_it_is_turned_and_read(rules):
    """A landscape table printed across a page scanned upright (the appendix of KH
    1254/KH-BGDĐT): Tesseract reads its words well, one under another, standing tall. The
    share of tall words (rules ingest.ocr.sideways_share) has the page turned and read across."""
    sideways = _page("L").rotate(90, expand=True, fillcolor=255)
    upright = ocr.read_page_image(_page("L"), 1, 300, rules)
    turned = ocr.read_page_image(sideways, 1, 300, rules)
    assert not upright.warnings and not upright.turns
    assert any("turned" in w for w in turned.warnings) and turned.turns
    read = " ".join(w.text for w in sorted(turned.words, key=lambda w: (round(w.top / 20), w.x0)))
    assert "Phê duyệt danh mục" in read


WIDE, TALL = (0, 0, 60, 20), (0, 0, 20, 60)


@pytest.mark.parametrize("words, sideways", [
    ([(WIDE, "chữ")] * 9 + [(TALL, "chữ")], False),  # upright, a dropped capital
    ([(TALL, "chữ")] * 9 + [(WIDE, "chữ")], True),   # lying on its side
    ([(TALL, "1")] * 10, False),                     # only short words: no evidence
])
def test_a_page_is_sideways_when_most_of_its_long_words_stand_tall(words, sideways):
    read = [ocr.Word(*box, text) for box, text in words]
    assert ocr._sideways(read, 0.5) is sideways
