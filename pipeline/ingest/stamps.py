"""What a PDF's form fields print on the page: the number and day an e-office system stamps.

A dispatch signed in an e-office system (ký số) is printed with blanks where the văn thư
writes the number and the day (`Số:      /KH-SGDĐT`, `ngày    tháng 4 năm 2026`); at
signing the system lays signature widgets over the blanks whose appearance streams
print the values. The page as issued, and as a reader sees it, shows them; the text
layer does not. Here every widget's appearance is drawn alone (the page's own content
taken away, the annotations flattened onto the empty page by pdfium) and its letters
come back as positioned words, marked as stamped, for the layout pass to place among
the printed words (shared/real/signed: 20–25).

Some systems stamp a picture of the text instead (the Sở GDĐT and UBND tỉnh Quảng Nam in
2021: 'Số: 2860/SGDĐT-HSSVPC' and 'Quảng Nam, ngày 31 tháng 12 năm 2021' are images laid
over template words '#SoKyHieuVanBan #DiaDiemNgayBanHanh'). Those widgets' boxes are
returned apart (`image_stamp_boxes`): the reader sees the picture, not what lies under it,
so the PDF reader reads the picture by OCR and drops the words it covers.
"""

from __future__ import annotations

from .ocr import Word

# a gap wider than this share of the font size starts a new word (pdfium reports no
# spaces inside a stamp's text runs, only the glyphs' boxes)
WORD_GAP = 0.25


def may_have_stamps(data: bytes) -> bool:
    """A cheap look at the bytes: only a file with widget annotations is opened again. A file
    saved with object streams keeps its annotation dictionaries compressed, where '/Widget'
    cannot be seen (KH 362/KH-SGDĐT Đồng Tháp, signed in 2026): it is opened whenever it
    holds a signature or a form."""
    return b"/Widget" in data or (b"/ObjStm" in data and (b"/Sig" in data or b"/AcroForm" in data))


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points from the top left


def image_stamp_boxes(document, index: int) -> tuple[Box, ...]:
    """The boxes of the widgets of page `index` whose appearance is a picture and holds no
    text. Call it before `stamped_words`, which empties the page."""
    import pypdfium2.raw as raw

    page = document[index]
    boxes = []
    try:
        height = page.get_height()
        for n in range(raw.FPDFPage_GetAnnotCount(page)):
            annot = raw.FPDFPage_GetAnnot(page, n)
            try:
                if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                    continue
                kinds: set[int] = set()
                for k in range(raw.FPDFAnnot_GetObjectCount(annot)):
                    _object_kinds(raw.FPDFAnnot_GetObject(annot, k), kinds, raw)
                if raw.FPDF_PAGEOBJ_IMAGE in kinds and raw.FPDF_PAGEOBJ_TEXT not in kinds:
                    rect = raw.FS_RECTF()
                    if raw.FPDFAnnot_GetRect(annot, rect) and rect.right > rect.left and rect.top > rect.bottom:
                        boxes.append((rect.left, height - rect.top, rect.right, height - rect.bottom))
            finally:
                raw.FPDFPage_CloseAnnot(annot)
    finally:
        page.close()
    return tuple(boxes)


def _object_kinds(obj, kinds: set[int], raw) -> None:
    """The kinds of page object inside `obj`, through nested forms."""
    kind = raw.FPDFPageObj_GetType(obj)
    kinds.add(kind)
    if kind == raw.FPDF_PAGEOBJ_FORM:
        for k in range(raw.FPDFFormObj_CountObjects(obj)):
            _object_kinds(raw.FPDFFormObj_GetObject(obj, k), kinds, raw)


def stamped_words(document, index: int) -> tuple[Word, ...]:
    """The words the widget appearances of page `index` print, in points from the top
    left like pdfplumber's (none when it has no widget with an appearance). `document` is an open
    pypdfium2 PdfDocument that this function changes (pages emptied, annotations
    flattened): open a copy for it, never the one the page image is rendered from."""
    import pypdfium2.raw as raw

    page = document[index]
    try:
        if not _has_widget_appearance(page, raw):
            return ()
        height = page.get_height()
        for n in range(raw.FPDFPage_CountObjects(page) - 1, -1, -1):
            obj = raw.FPDFPage_GetObject(page, n)
            if raw.FPDFPage_RemoveObject(page, obj):
                raw.FPDFPageObj_Destroy(obj)
        raw.FPDFPage_GenerateContent(page)
        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
    finally:
        page.close()
    page = document[index]  # flattening leaves the loaded page stale: load it again
    try:
        text = page.get_textpage()
        try:
            words = _words(text, height, raw)
        finally:
            text.close()
    finally:
        page.close()
    return tuple(words)


def _has_widget_appearance(page, raw) -> bool:
    for n in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, n)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            # an empty appearance is the two bytes of an empty UTF-16 string
            if raw.FPDFAnnot_GetAP(annot, raw.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0) > 2:
                return True
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return False


def _words(text, height: float, raw) -> list[Word]:
    """Glyphs grouped into words: a space, a line change or a gap ends a word."""
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float, float]] = []

    def flush() -> None:
        if current:
            words.append(Word(min(c[1] for c in current), min(c[2] for c in current),
                              max(c[3] for c in current), max(c[4] for c in current),
                              "".join(c[0] for c in current), stamp=True))
            current.clear()

    for i in range(text.count_chars()):
        code = raw.FPDFText_GetUnicode(text, i)
        char = chr(code) if code else ""
        if not char or char.isspace() or raw.FPDFText_IsGenerated(text, i) == 1:
            flush()
            continue
        left, bottom, right, top = text.get_charbox(i, loose=True)
        size = raw.FPDFText_GetFontSize(text, i) or (top - bottom)
        box = (char, left, height - top, right, height - bottom, size)
        if current:
            prev = current[-1]
            same_row = abs((prev[2] + prev[4]) / 2 - (box[2] + box[4]) / 2) < 0.5 * max(1.0, prev[4] - prev[2])
            if not same_row or left - prev[3] > WORD_GAP * size or left < prev[1]:
                flush()
        current.append(box)
    flush()
    return words
