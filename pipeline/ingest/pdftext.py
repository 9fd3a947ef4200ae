"""A PDF page's text layer through pdfium: the characters pdfplumber would give, at about a
quarter of the cost of the page's text layer (issue 17).

pdfplumber parses a page's content stream in Python (pdfminer): about 0.1–0.3 s a page on
the real dispatches, twice pdfplumber's own `extract_text` once the words are laid out
again (issue 17). pdfium reads the same stream in C. Its loose character boxes are
pdfminer's: the same left and right edges and the same baseline-and-descent bottom, the
top one font size above it; so the characters built here go through pdfplumber's own
word pass (`WordExtractor`) and give the same words.

Only where that is known to hold. A page is left to pdfplumber (`page_chars` returns why)
when some glyph has no Unicode mapping (pdfplumber's `(cid:N)` is what the damage check
counts), is rotated, or is filled white (pdfplumber's filter drops it by its colour space),
when glyphs are still printed twice (fake bold; pdfium itself drops most such doubles), or
where pdfium may have dropped a space (`_dropped_space`). Compared page by page on the 371
text pages of the sample PDFs (samples/inbox and ../shared/real, scans aside), the lines are
pdfplumber's on 352, 16 are left to pdfplumber, and 3 differ, each pdfium's the line as
printed (rules/ingest.json text_layer.engine, where pdfium is the default: make eval is the
same with either); tests/test_pdftext.py pins three real dispatches.
"""

from __future__ import annotations

import ctypes

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points from the top left

# glyphs of one word stand up to this share of the font size apart (kerning and tracking of
# justified lines: 0.56 pt at 12.5 pt in CV 4728/SGDĐT-CTTT of Sở GDĐT TP.HCM); a space
# pdfium dropped over the glyph before it leaves more ('- Cục': 1.24 pt at 11 pt)
LETTER_GAP = 0.07
# pdfplumber's extract_words with the tolerances of the PDF reader (pdf.X_TOLERANCE)
WORD_OPTIONS = {"x_tolerance": 1.5, "y_tolerance": 3, "keep_blank_chars": False}


def plain_page(page) -> str | None:
    """None when the page's boxes mean what pdfplumber's mean (not turned, its media box at
    the origin and cropped to nothing less), else why pdfplumber reads it."""
    if page.get_rotation():
        return "the page is turned"
    media = page.get_mediabox()
    if media[0] or media[1]:
        return "the media box is not at the origin"
    if tuple(page.get_cropbox()) != tuple(media):
        return "the page is cropped"
    return None


def page_chars(textpage, height: float) -> list[dict] | str:
    """The page's characters as pdfplumber's dicts (text, x0, x1, top, bottom, upright), in
    the order of the content stream; or why this page is left to pdfplumber."""
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count < 0:
        return "pdfium cannot count the characters"
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[dict] = []
    overhang: list[int] = []  # characters whose right edge is the glyph's, not its advance
    current = None  # the text object of the last character: its size, colour, matrix asked once
    size = 0.0
    upright = True
    white = False
    for index in range(count):
        if raw.FPDFText_IsGenerated(textpage, index):
            # a space or line end pdfium adds where it sees a gap; pdfplumber splits words by
            # position alone, and the gap is told from the boxes (but see overhang below)
            if chars:
                chars[-1]["_gap"] = True
            continue
        if raw.FPDFText_HasUnicodeMapError(textpage, index):
            return "a glyph has no Unicode mapping"
        code = raw.FPDFText_GetUnicode(textpage, index)
        if not 1 < code < 0x110000 or 0xD800 <= code <= 0xDFFF or code in (0xFFFD, 0xFFFE):
            return "a glyph pdfium cannot name"
        # pdfium gives a hyphen that ends a line as 0x02 ('5555/BGDĐT-', CV 6103/BGDĐT-GDTrH)
        text = "-" if code == 2 else chr(code)
        key = ctypes.cast(raw.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value
        if key != current:
            current = key
            ok = raw.FPDFText_GetMatrix(textpage, index, matrix)
            upright = bool(ok) and matrix.a * matrix.d > 0 and matrix.b == 0 and matrix.c == 0
            size = raw.FPDFText_GetFontSize(textpage, index) * abs(matrix.d)
            white = bool(raw.FPDFText_GetFillColor(textpage, index, red, green, blue, alpha)) and \
                red.value == green.value == blue.value == 255
        if not upright:
            return "rotated text"
        if white and not text.isspace():
            return "text filled white"
        if not (raw.FPDFText_GetLooseCharBox(textpage, index, rect)
                and raw.FPDFText_GetCharOrigin(textpage, index, x, y)
                and raw.FPDFText_GetCharBox(textpage, index, left, right, low, high)):
            return "pdfium gives no box for a glyph"
        bottom = height - rect.bottom
        if right.value >= rect.right - 0.001 and not text.isspace():
            overhang.append(len(chars))
        chars.append({"text": text, "x0": x.value, "x1": rect.right, "top": bottom - size, "bottom": bottom,
                      "doctop": bottom - size, "upright": True, "_y": y.value})
    for at in overhang:
        # the loose box is the union of the advance and the glyph: where the glyph reaches
        # past the advance (the horn of ơ and ư, italics: 'Kế hoạch' set in Calibri Italic,
        # KH 133/KH-THCSTT), its right edge is not pdfplumber's. The next glyph of the line
        # tells: after a gap pdfium saw, the word ends (pdfium's gap is wider than the word
        # pass's 1.5 pt); else the glyph runs on into the next
        here = chars[at]
        if at + 1 < len(chars) and chars[at + 1]["_y"] == here["_y"] and here["x0"] < chars[at + 1]["x0"]:
            following = chars[at + 1]["x0"]
            if here.get("_gap"):
                here["x1"] = min(here["x1"], following - 2 * WORD_OPTIONS["x_tolerance"])
            else:
                here["x1"] = min(here["x1"], following)
            here["x1"] = max(here["x1"], here["x0"])
    if doubled(chars):
        return "glyphs printed twice"
    return _dropped_space(chars) or chars


def _dropped_space(chars: list[dict]) -> str | None:
    """Why pdfium may have left out a space that pdfplumber keeps, or None. pdfium drops a
    space that overlaps the glyph before it ('- Cục', CV 1247/BGDĐT-GDCTHSSV); pdfplumber's
    word pass splits at every space, and at any gap over 1.5 pt. So a page is left to
    pdfplumber where two glyphs of a line stand closer than a word gap but farther apart than
    letters of a word do. The same where a line of the stream ends (pdfium gives its own line
    break for the space there) and the line goes on later in the stream, after another line:
    '26.3 nguyên' of NQ 11/2025 Hà Nội, where pdfium's '3' and 'n' stood 1.3 pt apart and
    made '26.3nguyên'. Not caught: the spaces after the first of a run, which pdfium drops
    too ('K T . GIÁM ĐỐC', where pdfplumber sorts a run of another line between the letters;
    pdfium's 'KT. GIÁM ĐỐC' is the line as printed)."""
    gap = WORD_OPTIONS["x_tolerance"]

    def between(before: dict, after: dict) -> bool:
        distance = after["x0"] - before["x1"]
        return not before["text"].isspace() and not after["text"].isspace() and \
            LETTER_GAP * (before["bottom"] - before["top"]) < distance <= gap

    for before, after in zip(chars, chars[1:]):
        if before["_y"] != after["_y"] or after.get("_gap"):
            continue
        if between(before, after):
            return "a gap between letter and word spacing"
    ends = [at for at, ch in enumerate(chars[:-1]) if ch.get("_gap") and chars[at + 1]["_y"] != ch["_y"]]
    if ends:
        rows: dict[float, list[dict]] = {}
        for ch in chars:
            rows.setdefault(ch["_y"], []).append(ch)
        for at in ends:
            before = chars[at]
            if any(between(before, after) for after in rows[before["_y"]]):
                return "a line of the stream goes on after a gap between letter and word spacing"
    return None


def doubled(chars: list[dict]) -> bool:
    """Whether some glyph is printed twice at (almost) the same place: fake bold."""
    seen: set[tuple[str, int, int]] = set()
    for ch in chars:
        text = ch["text"]
        if text.isspace():
            continue
        x, y = int(ch["x0"]), int(ch["top"])
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if (text, x + dx, y + dy) in seen:
                    return True
        seen.add((text, x, y))
    return False


def with_spaces(chars: list[dict]) -> list[dict]:
    """The characters with a space where pdfium saw a gap before the next glyph of the line.
    pdfium gives the spaces a PDF prints as gaps of its own (`_gap`), which the word pass
    here finds by position; a table's cells are read by pdfplumber's `extract_text`, whose
    3 pt tolerance glues words a printed space of 3 pt parts ('Nộidung', the Phụ lục of KH
    155/KH-UBND Phong Châu) unless the space is a character, as pdfplumber's own are."""
    out: list[dict] = []
    for here, after in zip(chars, [*chars[1:], None]):
        out.append(here)
        if here.get("_gap") and after is not None and after["_y"] == here["_y"] and after["x0"] >= here["x1"]:
            out.append({**here, "text": " ", "x0": here["x1"], "x1": after["x0"], "_gap": None})
    return out


def words(chars: list[dict]) -> list[dict]:
    """pdfplumber's words of these characters."""
    from pdfplumber.utils.text import WordExtractor

    return WordExtractor(**WORD_OPTIONS).extract_words(chars)


def image_boxes(page, height: float) -> list[Box]:
    """The boxes of the page's images, those inside form XObjects too (as pdfplumber lists them:
    the signature image of TB 222/TB-THPTUVK is drawn inside a form)."""
    import pypdfium2.raw as raw

    boxes: list[Box] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj, outer in _leaf_objects(page):
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_IMAGE and \
                raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            points = [_apply(outer, x, y) for x, y in ((left.value, bottom.value), (left.value, top.value),
                                                        (right.value, bottom.value), (right.value, top.value))]
            xs, ys = [x for x, _ in points], [y for _, y in points]
            boxes.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    return boxes


def edges(page, height: float) -> list[dict]:
    """The page's drawn lines as pdfplumber's table finder takes them (`Page.edges`): each
    straight piece of a painted path, from one point to the next (a rectangle's four sides,
    a rule's one), 'h' or 'v' when it runs along an axis. pdfminer builds them from the same
    paths in Python, parsing every glyph of the page on the way: about a second a page of
    the plans whose tables are ruled (KH 4644/KH-SGDĐT, issue 17); pdfium lists them in C.
    A subpath is closed back to its start only when it is a rectangle (four corners), as
    pdfminer's rectangles are and its other shapes are not."""
    import pypdfium2.raw as raw

    found: list[dict] = []
    matrix = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj, outer in _leaf_objects(page):
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not (fill.value or stroke.value):
            continue  # a path nobody sees (only a clip) draws no rule
        own = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        if raw.FPDFPageObj_GetMatrix(obj, matrix):
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        transform = _compose(own, outer)
        subpaths: list[list[tuple[float, float]]] = []
        for index in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, index)
            if not raw.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = _apply(transform, x.value, y.value)
            if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
            else:
                subpaths[-1].append(point)
            if raw.FPDFPathSegment_GetClose(segment) and len(subpaths[-1]) == 4:
                subpaths[-1].append(subpaths[-1][0])
        for points in subpaths:
            for (x0, y0), (x1, y1) in zip(points, points[1:]):
                top, bottom = height - max(y0, y1), height - min(y0, y1)
                found.append({"object_type": "path_edge", "x0": min(x0, x1), "x1": max(x0, x1),
                              "top": top, "bottom": bottom, "doctop": top,
                              "width": abs(x1 - x0), "height": abs(y1 - y0),
                              "orientation": "v" if x0 == x1 else "h" if y0 == y1 else None})
    return found


def _leaf_objects(page):
    """The page's objects that are not forms, each with the matrix of the forms around it
    (a form's contents are in the form's space: its matrix, then the outer ones)."""
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()

    def walk(handle, count, get, outer):
        for n in range(count):
            obj = get(handle, n)
            if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
                inner = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
                if raw.FPDFPageObj_GetMatrix(obj, matrix):
                    inner = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                yield from walk(obj, raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject,
                                _compose(inner, outer))
            else:
                yield obj, outer

    yield from walk(page, raw.FPDFPage_CountObjects(page), raw.FPDFPage_GetObject, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))


def _apply(matrix: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies `inner`, then `outer` (PDF's row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)
