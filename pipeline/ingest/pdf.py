"""PDF via pdfplumber, page by page; pages without a sound text layer go to OCR.

A page is read from its text layer when that layer is there and sound. It goes to
Tesseract when it has no text (a scan), when most glyphs are unmapped `(cid:N)`, or
when its words are too often not Vietnamese syllables: a layer that drops letters
('CỘNG HÒ XÃ HỘI CHỦ NGHĨ VIỆT NM', shared/real/04) while the page image is right.
Letters a layer merely sets apart ('G I Á M ĐỐC') are joined in text first
(normalise.join_spaced_letters): such a page needs no OCR. A page whose every glyph runs
sideways (a landscape table printed on a portrait page, TB 222/TB-THPTUVK) is read from
its text layer turned upright, as OCR would turn its image: not by OCR (issue 17).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, replace

import regex

from .. import normalise
from ..document import Line, Page
from ..errors import InputError
from ..rules import Rules
from . import ocr, pdftables, pdftext, signature, stamps

# pdfplumber's default x_tolerance (3 pt) glues words of tightly set lines together
# ('Căn cứThôngtưsố32/2018', shared/real/01); letters of a word sit closer than 1.5 pt.
X_TOLERANCE = 1.5


def read_pdf(data: bytes, name: str, rules: Rules) -> tuple[list[Page], list[str]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as exc:
        if _caused_by(exc, PDFPasswordIncorrect):
            raise InputError(name, "password-protected PDF; save an unprotected copy") from exc
        raise InputError(name, f"damaged PDF, cannot be opened ({type(exc).__name__}: {exc})".rstrip()) from exc
    pages: list[Page] = []
    warnings: list[str] = []
    with pdf, _StampSource(data, warnings) as stamp_source, _Pdfium(data, rules) as document, \
            _Renderer(data, rules) as render, \
            ocr.ReadAhead(lambda: _textless_pages(data), lambda index: render(index, pdf.pages[index]),
                          rules) as ahead:
        if count == 0:
            raise InputError(name, "PDF has no pages")
        if count > rules.ingest.max_pages:
            raise InputError(name, f"PDF has {count} pages, over the limit of {rules.ingest.max_pages} "
                                   "(raise max_pages in rules/ingest.json)")
        ocr_reason: str | None = None
        footer_cut: float | None = None  # the page before ended inside its Nơi nhận/signer table
        for index in range(count):
            number = index + 1
            page = _Page(pdf, index, document)
            if index:
                footer_cut = normalise.open_footer_cut(pages[-1].lines)
            pictures = stamp_source.image_boxes(index)
            stamped = _without_signing_note(stamp_source.words(index), rules)
            lines_shaped = tuple(box for box in pictures if _line_shaped(box))
            if lines_shaped:
                stamped += _read_pictures(render, index, page, lines_shaped, rules, warnings)
            try:
                words = page.words()
                hidden = lines_shaped
                if page.turned:  # the stamps and pictures in the frame the words were turned to
                    stamped = tuple(replace(w, **dict(zip(("x0", "top", "x1", "bottom"),
                                                                 _turn_box((w.x0, w.top, w.x1, w.bottom), page))))
                                    for w in stamped)
                    hidden = tuple(_turn_box(box, page) for box in hidden)
                lines, verdict = _judge(words, page.width, number, rules, footer_cut, stamped, hidden=hidden)
            except Exception as exc:  # one broken page must not lose the others
                lines, verdict = [], f"text layer unreadable ({type(exc).__name__})"
            if verdict is None:
                if page.turned is None:  # the signer's zone is looked for in the page image's frame
                    lines = pdftables.ruled_rows(page, lines, number)
                    lines = _signature_image(render, index, page, lines, rules, warnings, pictures)
                else:
                    warnings.append(f"[ingest] page {number}: the text runs sideways; read turned upright")
                pages.append(Page(number, tuple(lines)))
                continue
            if ocr_reason is None:
                ocr_reason = ocr.tesseract_ready(rules.ingest.ocr_languages) or ""
            if ocr_reason:
                warnings.append(f"[ocr] page {number}: {verdict}, but {ocr_reason}")
                pages.append(Page(number, tuple(lines)))
                continue
            reading = ahead.take(index)  # a scan's pages are read on several threads when cores are idle
            if reading is None:
                image, dpi = render(index, page)
                if _blank(image, dpi):  # nothing to read: the words Tesseract would find there (none)
                    warnings.append(f"[ocr] page {number}: almost no text found on the scanned page")
                    pages.append(Page(number, (), ocr=True))
                    continue
                reading = ocr.read_page_image(image, number, dpi, rules)
            ocr_lines, notes = ocr.page_lines(reading, rules, footer_cut)
            ocr_lines = _mark_stamped(ocr_lines, stamped)
            warnings.extend(notes)
            if lines:
                warnings.append(f"[ocr] page {number}: {verdict}; read by OCR instead")
            pages.append(Page(number, tuple(ocr_lines), ocr=True))
    pages = remove_running_lines(pages, rules)
    if not any(ln.text for p in pages for ln in p.lines) and ocr_reason:
        raise InputError(name, f"scanned PDF with no text layer: {ocr_reason}", stage="ocr")
    return pages, warnings


_WHITE = {(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0), (1,), (1, 1, 1), (0, 0, 0, 0)}


def _white(ch) -> bool:
    """A glyph filled with white (gray 1, RGB 1 1 1, CMYK 0 0 0 0): invisible on the page."""
    color = ch.get("non_stroking_color")
    return isinstance(color, tuple | list) and tuple(color) in _WHITE and not ch["text"].isspace()


def _caused_by(exc: BaseException, kind: type) -> bool:
    """pdfplumber wraps pdfminer's errors; look through the wrapping."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind) or any(isinstance(a, kind) for a in getattr(exc, "args", ())):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


class _Pdfium:
    """The file opened in pdfium for its text (pdftext.py) when the rules choose that engine;
    None inside otherwise, or when pdfium cannot open it: every page is then pdfplumber's."""

    def __init__(self, data: bytes, rules: Rules) -> None:
        import pypdfium2 as pdfium

        self.document = None
        if rules.ingest.text_engine == "pdfium":
            try:
                self.document = pdfium.PdfDocument(data)
            except Exception:  # pdfplumber opened it: its pages are read there
                self.document = None

    def __enter__(self):
        return self.document

    def __exit__(self, *_exc) -> None:
        if self.document is not None:
            self.document.close()
            self.document = None


class _Page:
    """One page as the reader needs it: its size, its words and its images, from pdfium
    where pdftext.py reads the page as pdfplumber would (issue 17: a tenth of the time),
    else from pdfplumber, opened only then."""

    def __init__(self, pdf, index: int, document) -> None:
        self._pdf, self._index = pdf, index
        self._page = None  # pdfium's
        self._plumber = None
        self._chars: list[dict] | None = None  # pdfium's characters, once its words were read
        self.reason: str | None = "pdfium cannot open the file"  # why pdfplumber reads it
        self.turned: str | None = None  # 'up' or 'down' when the words were read turned (_sideways)
        if document is not None:
            try:
                page = document[index]
                self.reason = pdftext.plain_page(page)
            except Exception as exc:
                self.reason = f"pdfium cannot open the page ({type(exc).__name__})"
            else:
                if self.reason is None:
                    self._page = page
        # pdfplumber's size, as the PDF writes it (pdfium's is a float32: 594.96 for 594.95996);
        # reading it parses nothing of the page. `width` is that of the frame the words are
        # placed in: the page's height once they were read turned
        self.width, self.height = float(self.plumber.width), float(self.plumber.height)
        self.page_width = self.width

    @property
    def plumber(self):
        if self._plumber is None:
            self._plumber = self._pdf.pages[self._index]
        return self._plumber

    def find_tables(self) -> list:
        """pdfplumber's ruled tables of the page (`Page.find_tables`); where pdfium read the
        page, found among pdfium's drawn lines and characters (pdftext.edges), which spares
        pdfminer's parse of the whole page (issue 17: about a second a page of KH 4644)."""
        if self._chars is None:
            return self.plumber.find_tables()
        from pdfplumber.table import TableFinder

        drawn = _Drawn(pdftext.edges(self._page, self.height), pdftext.with_spaces(self._chars),
                       (0.0, 0.0, self.width, self.height))
        return TableFinder(drawn).tables

    def words(self) -> list[dict]:
        if self._page is not None:
            textpage = self._page.get_textpage()
            try:
                chars = pdftext.page_chars(textpage, self.height)
            finally:
                textpage.close()
            if not isinstance(chars, str):
                self._chars = chars
                return pdftext.words(chars)
            self.reason = chars
        words, self.turned = _plumber_reading(self.plumber)
        if self.turned:
            self.width = self.height
        return words

    def images(self) -> list[stamps.Box]:
        if self._page is not None:
            return pdftext.image_boxes(self._page, self.height)
        return [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in self.plumber.images]


class _StampSource:
    """The words the form fields of each page print (ingest/stamps.py), from a copy of
    the PDF opened only when the file has widgets."""

    def __init__(self, data: bytes, warnings: list[str]) -> None:
        self._document = None
        self._warnings = warnings
        if stamps.may_have_stamps(data):
            import pypdfium2 as pdfium

            try:
                self._document = pdfium.PdfDocument(data)
            except Exception as exc:  # the page text is still there; only the stamps are lost
                warnings.append(f"[stamp] the form fields could not be read ({type(exc).__name__})")

    def image_boxes(self, index: int) -> tuple[stamps.Box, ...]:
        """The boxes of the stamps printed as pictures; asked before `words`, which empties
        the page of the copy."""
        return self._read(stamps.image_stamp_boxes, index)

    def words(self, index: int) -> tuple[ocr.Word, ...]:
        return self._read(stamps.stamped_words, index)

    def _read(self, reader, index: int) -> tuple:
        """What `reader` finds on page `index` of the copy; nothing, and a warning line, when
        its form fields cannot be read (the page's own text is still there)."""
        if self._document is None:
            return ()
        try:
            return reader(self._document, index)
        except Exception as exc:
            self._warnings.append(f"[stamp] page {index + 1}: the form fields could not be read "
                                  f"({type(exc).__name__})")
            return ()

    def __enter__(self) -> _StampSource:
        return self

    def __exit__(self, *_exc) -> None:  # closed whether the pages were read or one raised
        if self._document is not None:
            self._document.close()
            self._document = None


# a stamp picture one line high ('Số: 2860/SGDĐT-HSSVPC', 'Quảng Nam, ngày 31 tháng 12 năm
# 2021'), not the seal or the signature, which the signer's zone reads (_signature_image)
LINE_STAMP_MAX_HEIGHT = 36.0  # points
LINE_STAMP_MIN_RATIO = 3.0  # width / height


def _line_shaped(box: stamps.Box) -> bool:
    x0, top, x1, bottom = box
    return bottom - top <= LINE_STAMP_MAX_HEIGHT and x1 - x0 >= LINE_STAMP_MIN_RATIO * (bottom - top)


def _read_pictures(render, index: int, page, boxes: tuple[stamps.Box, ...], rules: Rules,
                   warnings: list[str]) -> tuple[ocr.Word, ...]:
    """The words of the stamps printed as pictures, read by OCR from the page as issued
    (rendered with its form fields), one line each, as stamped words at their place."""
    reason = ocr.tesseract_ready(rules.ingest.ocr_languages)
    if reason:
        warnings.append(f"[stamp] page {index + 1}: the number or date is stamped as a picture, but {reason}")
        return ()
    image, dpi = render.crops(index, page)
    scale, margin = dpi / 72.0, 2.0
    words: list[ocr.Word] = []
    for x0, top, x1, bottom in boxes:
        x0, top = max(x0 - margin, 0.0), max(top - margin, 0.0)
        crop = ocr.to_gray(image.crop((int(x0 * scale), int(top * scale), int((x1 + margin) * scale),
                                       int((bottom + margin) * scale))))
        found, _ = ocr.tesseract_words(crop, dpi, rules, psm=7, origin=(x0, top),
                                       config=rules.ingest.stamp_ocr_config)
        if found:  # one line: its text repaired as OCR lines are ('Số: 261 6/SGDĐT' → 'Số: 2616/SGDĐT')
            text = normalise.repair(" ".join(w.text for w in found), rules.ingest.ocr_repairs)
            words.append(ocr.Word(min(w.x0 for w in found), min(w.top for w in found), max(w.x1 for w in found),
                                  max(w.bottom for w in found), text, stamp=True))
    if words:
        warnings.append(f"[stamp] page {index + 1}: the number or date is stamped as a picture; read by OCR")
    return tuple(words)


def _without_signing_note(words: tuple[ocr.Word, ...], rules: Rules) -> tuple[ocr.Word, ...]:
    """The stamped words without a signature's note ('Ký bởi ... Giờ ký: 2020-07-27T17:53...',
    rules/ingest.json signing_note): who signed and when is the signature's, not the page's
    text, and laid over the signer's block it splits the office ('PHÓ GIÁM Ký bởi ĐỐC')."""
    pattern = rules.ingest.signing_note
    if pattern is None or not words:
        return words
    spans, at = [], 0
    for word in words:
        spans.append((at, at + len(word.text)))
        at += len(word.text) + 1
    text = " ".join(w.text for w in words)
    notes = [m.span() for m in pattern.finditer(text)]
    if not notes:
        return words
    return tuple(w for w, (a, b) in zip(words, spans) if not any(s <= a and b <= e + 1 for s, e in notes))


def _mark_stamped(lines: list[Line], stamped: tuple[ocr.Word, ...]) -> list[Line]:
    """OCR lines that overlap a stamp's words (a scan whose number the văn thư stamped
    on after scanning: the rendered page shows it, OCR reads it)."""
    if not stamped:
        return lines

    def overlaps(line: Line) -> bool:
        if line.bbox is None:
            return False
        x0, top, x1, bottom = line.bbox
        return any(w.x0 < x1 and w.x1 > x0 and w.top < bottom and w.bottom > top for w in stamped)

    return [replace(ln, stamped=True) if overlaps(ln) else ln for ln in lines]


def _text_layer(page, number: int, rules: Rules, footer_cut: float | None = None,
                stamped: tuple[ocr.Word, ...] = (), hidden: tuple[stamps.Box, ...] = ()
                ) -> tuple[list[Line], str | None]:
    """`_judge` on a pdfplumber page's words."""
    words, turned = _plumber_reading(page)
    width = float(page.height if turned else page.width)
    return _judge(words, width, number, rules, footer_cut, stamped, hidden)


def _plumber_words(page) -> list[dict]:
    """pdfplumber's words of the page, without the glyphs nobody sees and the doubles of fake bold."""
    return _plumber_reading(page)[0]


@dataclass(frozen=True)
class _Drawn:
    """What pdfplumber's table finder reads of a page: its drawn lines, its characters, its box."""

    edges: list[dict]
    chars: list[dict]
    bbox: tuple[float, float, float, float]


def _plumber_reading(page) -> tuple[list[dict], str | None]:
    """`_plumber_words`, and which way they were turned (`_sideways`): then they are placed in
    the page turned upright, as wide as the page is high."""
    if any(_white(ch) for ch in page.chars):
        # digits typed in white keep a blank's width for the number stamped later ('Số: 0 7/2024'
        # under the '70' of QĐ 70/2024/QĐ-UBND Hà Nội): nobody reading the page sees them
        page = page.filter(lambda obj: obj.get("object_type") != "char" or not _white(obj))
    if pdftext.doubled(page.chars):  # the cheap test that spares most pages the slow dedupe
        page = page.dedupe_chars(tolerance=1)  # fake bold prints each glyph twice, a hair apart
    turned = _sideways(page.chars)
    if turned:
        size = (float(page.width), float(page.height))
        chars = []
        for ch in page.chars:
            x0, top, x1, bottom = _turn_box((ch["x0"], ch["top"], ch["x1"], ch["bottom"]), turned, *size)
            chars.append({"text": ch["text"], "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
                          "upright": True})
        return pdftext.words(chars), turned
    return page.extract_words(x_tolerance=X_TOLERANCE, y_tolerance=3, keep_blank_chars=False), None


def _sideways(chars: list[dict]) -> str | None:
    """'up' when every glyph of the page runs from the bottom up (its text matrix turns it a
    quarter left: a landscape table printed on a portrait page, TB 222/TB-THPTUVK), 'down'
    when every one runs from the top down; else None. pdfplumber's words of such a page are
    its letters one by one, which the damage check sends to OCR (4 s a page, issue 17);
    turned upright they are the words a reader sees. A page only partly sideways (a margin
    note) is read as it is."""
    way = None
    for ch in chars:
        if ch["text"].isspace():
            continue
        a, b, c, d = ch["matrix"][:4]
        size = max(abs(b), abs(c))
        if size == 0 or max(abs(a), abs(d)) > 0.01 * size:
            return None
        this = "up" if b > 0 > c else "down" if c > 0 > b else None
        if this is None or way not in (None, this):
            return None
        way = this
    return way


def _turn_box(box: stamps.Box, way, width: float = 0.0, height: float = 0.0) -> stamps.Box:
    """The box (x0, top, x1, bottom, points from the top left) in the page turned so that text
    running `way` ('up', 'down') runs left to right: a quarter turn right for 'up', left for
    'down'. `way` may be a `_Page` read turned, which gives its way and size."""
    if isinstance(way, _Page):
        way, width, height = way.turned, way.page_width, way.height
    x0, top, x1, bottom = box
    if way == "up":
        x0, x1, top, bottom = height - bottom, height - top, x0, x1
    else:
        x0, x1, top, bottom = top, bottom, width - x1, width - x0
    return x0, top, x1, bottom


def _judge(words: list[dict], width: float, number: int, rules: Rules, footer_cut: float | None = None,
           stamped: tuple[ocr.Word, ...] = (), hidden: tuple[stamps.Box, ...] = ()
           ) -> tuple[list[Line], str | None]:
    """Lines of the text layer's `words` with the words its form fields print (`stamped`),
    without the words a stamp's picture covers (`hidden`: the template words under it), and
    why the layer cannot be trusted (None when it can)."""
    raw = " ".join(w["text"] for w in words)
    limits = rules.ingest
    if len(regex.sub(r"\s|\(cid:\d+\)", "", raw)) < limits.ocr_min_text_chars:
        return [], "no text layer"
    if normalise.cid_share(raw) > limits.max_cid_share:
        return [], "most glyphs have no Unicode mapping (cid)"
    share, count = normalise.invalid_syllable_share(raw, rules.syllables)
    spaced = limits.spaced_letters
    if spaced is not None and share > limits.max_invalid_syllable_share:
        # letters set apart ('G I Á M ĐỐC') are joined before the page is judged damaged
        share, count = normalise.invalid_syllable_share(normalise.join_spaced_letters(raw, rules.syllables, spaced),
                                                        rules.syllables)
    items = [ocr.Word(w["x0"], w["top"], w["x1"], w["bottom"], w["text"]) for w in words
             if not _under(w, hidden)]
    items.extend(stamped)
    lines = ocr.layout_words(items, width, number, footer_cut=footer_cut)
    if spaced is not None:
        lines = [replace(ln, text=normalise.join_spaced_letters(ln.text, rules.syllables, spaced)) for ln in lines]
    if count >= limits.min_words_for_syllable_check and share > limits.max_invalid_syllable_share:
        return lines, f"text layer looks damaged ({share:.0%} of words are not Vietnamese)"
    return lines, None


def _under(word: dict, boxes: tuple[stamps.Box, ...]) -> bool:
    """Whether the word's middle lies inside one of the boxes."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _signature_image(render, index: int, page, lines: list[Line], rules: Rules,
                     warnings: list[str], pictures: tuple[stamps.Box, ...] = ()) -> list[Line]:
    """A born-digital page whose signer's name is only in an image (the seal, the signature
    and the typed name scanned together, in the page or in a signature stamp's picture):
    that part of the page is read by OCR."""
    found = signature.zone(lines, float(page.width), rules)
    if found is None:
        return lines
    left, top, right, bottom = found[1]
    images = page.images() + list(pictures)
    if not any(x1 - x0 >= 20 and y1 - y0 >= 20 and x0 < right and x1 > left and y0 < bottom and y1 > top
               for x0, y0, x1, y1 in images):
        return lines
    if ocr.tesseract_ready(rules.ingest.ocr_languages):
        return lines
    number = index + 1
    out = signature.reread(lines, float(page.width), number, rules,
                           lambda: render.crops(index, page))
    if out is not lines:
        warnings.append(f"[ocr] page {number}: the signer's name is in an image; read by OCR")
    return out


def _textless_pages(data: bytes) -> list[int]:
    """The pages without a character of text: a scan's, which go to OCR."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except Exception:  # pdfplumber opened it: its pages are read one by one
        return []
    try:
        found = []
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            try:
                if textpage.count_chars() == 0:
                    found.append(index)
            finally:
                textpage.close()
        return found
    finally:
        document.close()


def _blank(image, dpi: float) -> bool:
    """Whether the page image holds less than one square point of ink (pixels darker than mid
    grey): an empty page a dispatch ends on (KH 230/KH-THPT, page 6) has nothing OCR could
    read, and Tesseract took 2 s to say so (issue 17). A scan's speckles are ink: such a page
    is still read."""
    import numpy as np

    return int((np.asarray(image.convert("L")) < 128).sum()) < (dpi / 72.0) ** 2


class _Renderer:
    """The page images OCR reads, `render(index, page)` → (image, dpi): the file opened for
    them once, when the first is asked, and the last page's image kept, since a page whose
    number is a stamped picture and whose signer's name is an image asks twice (issue 17:
    rendering at 300 dpi cost up to 0.4 s a time on the Quảng Nam dispatches).

    `crops(index, page)` → (page, dpi) where only parts of the page are read (the stamps, the
    signer's zone): `page.crop(box)` is the rendered image's crop. A page rendered already
    gives it from pdfium's bitmap without making an image of the whole page (that image and
    its grey copy cost 0.06 s a page); a page not rendered has only the crop rendered, the
    same pixels pdfium puts there in the whole page (issue 17: 0.004 s for a stamp's line
    against 0.1 s for an A4 page at 300 dpi, on each of the Quảng Nam dispatches)."""

    def __init__(self, data: bytes, rules: Rules) -> None:
        self._data, self._rules = data, rules
        self._document = None
        self._last: list | None = None  # [index, bitmap, image or None, dpi]

    def __call__(self, index: int, page) -> tuple[object, float]:
        last = self._render(index, page)
        if last[2] is None:
            last[2] = last[1].to_pil()
        return last[2], last[3]

    def crops(self, index: int, page) -> tuple[_Crops | _CropRenderer, float]:
        if self._last is not None and self._last[0] == index:
            return _Crops(self._last), self._last[3]
        dpi = self._dpi(page)
        return _CropRenderer(self._pdfium_page(index), dpi), dpi

    def _dpi(self, page) -> float:
        dpi = float(self._rules.ingest.ocr_dpi)
        pixels = float(page.width) * float(page.height) * (dpi / 72.0) ** 2
        if pixels > self._rules.ingest.max_image_pixels:
            dpi *= (self._rules.ingest.max_image_pixels / pixels) ** 0.5
        return dpi

    def _pdfium_page(self, index: int):
        import pypdfium2 as pdfium

        if self._document is None:
            self._document = pdfium.PdfDocument(self._data)
            self._document.init_forms()  # the page as issued: what its form fields (stamps) print too
        return self._document[index]

    def _render(self, index: int, page) -> list:
        if self._last is not None and self._last[0] == index:
            return self._last
        dpi = self._dpi(page)
        bitmap = self._pdfium_page(index).render(scale=dpi / 72.0)  # colour: ocr.to_gray drops red seals
        self._last = [index, bitmap, None, dpi]
        return self._last

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *_exc) -> None:
        self._last = None
        if self._document is not None:
            self._document.close()
            self._document = None


class _Crops:
    """A rendered page (`_Renderer.crops`) that gives only its crops: `crop(box)` is the RGB
    image Pillow's `crop` of the page image gives, black beyond the page as Pillow pads it."""

    def __init__(self, last: list) -> None:
        self._last = last

    def crop(self, box: tuple[int, int, int, int]):
        import pypdfium2.raw as raw

        _, bitmap, image, _ = self._last
        x0, top, x1, bottom = box
        if image is not None or bitmap.format != raw.FPDFBitmap_BGR or x1 < x0 or bottom < top:
            if image is None:
                image = self._last[2] = bitmap.to_pil()
            return image.crop(box)  # made already, or a bitmap other than pdfium's default BGR
        pixels = bitmap.to_numpy()
        return _padded(box, bitmap.width, bitmap.height, lambda left, up, right, down: pixels[up:down, left:right])


class _CropRenderer:
    """A page not rendered whole (`_Renderer.crops`): `crop(box)` renders only the box, in the
    pixels of the whole page's image at the same dpi (pdfium draws the page at the offset the
    box cuts off: the pixels are those of the whole render, within one level of smoothing),
    black beyond the page as Pillow pads a crop."""

    def __init__(self, page, dpi: float) -> None:
        import math

        self._page, self._scale = page, dpi / 72.0
        self._width = math.ceil(page.get_width() * self._scale)  # pdfium's size of the whole render
        self._height = math.ceil(page.get_height() * self._scale)

    def crop(self, box: tuple[int, int, int, int]):
        return _padded(box, self._width, self._height, self._render)

    def _render(self, left: int, up: int, right: int, down: int):
        # pdfium cuts ceil(points × scale) pixels a side: a hair under each pixel edge is that edge
        cut = tuple(max(pixels - 0.001, 0.0) / self._scale
                    for pixels in (left, self._height - down, self._width - right, up))
        return self._page.render(scale=self._scale, crop=cut).to_numpy()[:down - up, :right - left]


def _padded(box: tuple[int, int, int, int], width: int, height: int, read):
    """The RGB image of `box` on a page image `width` × `height` pixels, black beyond the page as
    Pillow pads a crop; `read(left, up, right, down)` gives pdfium's BGR pixels of the part of
    the box on the page."""
    import numpy as np
    from PIL import Image

    x0, top, x1, bottom = box
    out = np.zeros((max(bottom - top, 0), max(x1 - x0, 0), 3), dtype=np.uint8)
    left, up = max(x0, 0), max(top, 0)
    right, down = min(x1, width), min(bottom, height)
    if left < right and up < down:
        pixels = read(left, up, right, down)
        rows, columns = pixels.shape[:2]
        out[up - top:up - top + rows, left - x0:left - x0 + columns] = pixels[:, :, ::-1]  # BGR → RGB
    return Image.fromarray(out)


def remove_running_lines(pages: list[Page], rules: Rules) -> list[Page]:
    """Drop page numbers near the top or bottom of a page, and a first or last line that
    repeats (digits aside) at the same edge of many pages: the running header or footer."""
    def key(text: str) -> str:
        return regex.sub(r"\d+", "#", text.strip().lower())

    def is_number(text: str) -> bool:
        return any(p.match(text) for p in rules.ingest.page_number_patterns)

    trimmed = []
    for page in pages:
        body = [ln for ln in page.lines if ln.text]
        edge = {id(x) for x in body[:2] + body[-2:]}
        kept = [ln for ln in page.lines if not (id(ln) in edge and is_number(ln.text))]
        first = next((ln for ln in kept if ln.text), None)
        lines = [_without_running_head(_without_page_number(ln, page.number), rules) if ln is first else ln
                 for ln in kept]
        trimmed.append([ln for ln in lines if ln is not None])
    counts: Counter = Counter()
    for lines in trimmed:
        body = [ln for ln in lines if ln.text]
        if body:
            counts[("top", key(body[0].text))] += 1
            counts[("bottom", key(body[-1].text))] += 1
    needed = rules.ingest.min_pages_for_repeat
    out = []
    for page, lines in zip(pages, trimmed):
        body = [ln for ln in lines if ln.text]
        drop = set()
        if len(pages) >= needed and body:
            if counts[("top", key(body[0].text))] >= needed:
                drop.add(id(body[0]))
            if counts[("bottom", key(body[-1].text))] >= needed:
                drop.add(id(body[-1]))
        out.append(Page(page.number, tuple(ln for ln in lines if id(ln) not in drop), page.ocr))
    return out


def _without_running_head(line: Line, rules: Rules) -> Line | None:
    """The first line of a page without a publication's running head at its start
    (running_lines.header_patterns: 'CÔNG BÁO/Số 302/Ngày 02-06-2026 72'), the sentence the
    layout joined to it kept; None for a line that is the head alone."""
    for pattern in rules.ingest.header_patterns:
        found = pattern.match(line.text)
        if found:
            rest = line.text[found.end():].strip()
            return replace(line, text=rest) if rest else None
    return line


def _without_page_number(line: Line, number: int) -> Line:
    """The first line of a page without the page's number that the layout laid on its row: a
    number printed at the head of the page beside a sentence going on from the page before ('3
    được giao.', TB 565/TB-UBND Quảng Ngãi; '9 dữ liệu đất đai;', KH 155/KH-UBND Phong Châu)
    would read as an item numbered 3 or 9."""
    glued = regex.match(rf"^{number}\s+(?=\p{{Ll}})", line.text) if number > 1 else None
    return replace(line, text=line.text[glued.end():]) if glued else line
