"""The signature block read a second time, without its colours.

On a Vietnamese decision the red seal overlaps the signer's printed name and the blue
or purple signature runs across it; Tesseract, reading the page as a whole, loses the
name or misreads it. The printed name is black: dropping every coloured pixel leaves it
alone on white paper. When the first reading gives no name under the signer's office (the
last office line in the right part of the page), that zone is read again that way, and the
second reading replaces the first when it gives a better name (rules/names.json says what
a name is).

A born-digital page sometimes carries the seal, the signature and the typed name as one
image; when its signer has no printed name and an image lies in the zone, the zone is
rendered and read the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import regex

from .. import normalise
from ..document import Line
from ..rules import Rules, SignatureZone

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points
_AUTHORITY = regex.compile(r"^\s*(?:KT|Kf|TL|TM|TUQ|Q)\s*[.,]\s*")  # a scan reads KT. as Kf.


def zone(lines: Sequence[Line], page_width: float, rules: Rules) -> tuple[int, Box] | None:
    """(index of the signer's office line, the box under it where the name is printed)."""
    settings = rules.ingest.signature_zone
    if settings is None or rules.units is None:
        return None
    anchor = None
    for index in range(len(lines) - 1, -1, -1):  # the last office on the page is the signer's
        line = lines[index]
        if line.bbox is None or len(line.text) > 60 or (line.bbox[0] + line.bbox[2]) / 2 < 0.4 * page_width:
            continue
        text = _AUTHORITY.sub("", line.text).strip()
        if text and text == text.upper() and regex.search(r"\p{L}", text) and rules.units.office(text):
            anchor = index
            break
    if anchor is None:
        return None
    x0, _, x1, bottom = lines[anchor].bbox  # type: ignore[misc]
    middle = (x0 + x1) / 2
    half = max(settings.min_half_width, (x1 - x0) / 2 + 40)
    left, right = max(0.0, middle - half), min(page_width, middle + half)
    end = bottom + settings.height
    for line in lines[anchor + 1:]:
        # a line wider than the zone on both sides (the body going on, a table) ends it;
        # a Nơi nhận line OCR ran into the seal reaches in from the left only
        if line.bbox and line.bbox[1] >= bottom and line.bbox[0] < left - 5 and line.bbox[2] > right + 5:
            end = min(end, line.bbox[1])
            break
    return anchor, (left, bottom, right, end)


def inside(line: Line, box: Box) -> bool:
    if line.bbox is None:
        return False
    x0, top, x1, bottom = line.bbox
    middle = (top + bottom) / 2
    return box[1] <= middle <= box[3] and x0 >= box[0] - 5 and x1 <= box[2] + 5


def drop_colour(image, settings: SignatureZone):
    """Black print on white: coloured ink (seal, signature) and light pixels become paper."""
    import numpy as np
    from PIL import Image

    # computed channel by channel on the bytes: numpy's max and min over the last axis of three
    # cost 0.15 s on a zone of 300 dpi (issue 17), six times the whole of this. The weighted
    # sum stays in int32, and floor(sum / 1000) < dark is sum < 1000 * dark (dark a whole number)
    rgb = np.asarray(image.convert("RGB"))
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    coloured = (np.maximum(np.maximum(red, green), blue) - np.minimum(np.minimum(red, green), blue)) > settings.chroma
    weighted = red * np.int32(299) + green * np.int32(587) + blue * np.int32(114)
    ink = (weighted < settings.dark * 1000) & ~coloured
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))


def read_box(image, dpi: float, box: Box, page: int, block: str, rules: Rules) -> list[Line]:
    """The lines Tesseract reads in `box` of the page image, without colours, in points."""
    from .ocr import group_rows, median3, tesseract_words

    pixels = tuple(round(v * dpi / 72.0) for v in box)
    crop = image.crop(pixels)
    if crop.width < 20 or crop.height < 10:
        return []
    clean = median3(drop_colour(crop, rules.ingest.signature_zone))
    # one block of text (psm 6); every mark kept: OCR splits a name's first letter off
    words, _ = tesseract_words(clean, dpi, rules, psm=6, origin=(box[0], box[1]), noise_conf=0.0)
    lines = []
    for row in group_rows(words):
        text = normalise.clean_line(" ".join(s.text for s in row.segments))
        if text:
            lines.append(Line(text, page, block, (row.segments[0].x0, row.top, row.segments[-1].x1, row.bottom)))
    return lines


def _legible(text: str, rules: Rules) -> bool:
    """A line worth keeping from the second reading: a name, or mostly Vietnamese words
    (what is left of the seal's rim and the signature's strokes is neither)."""
    from ..normalise import is_valid_syllable

    words = [w for w in regex.split(r"[^\p{L}]+", text) if w]
    if not words:
        return False
    if rules.names is not None and rules.names.read(text):
        return True
    good = sum(len(w) > 1 and is_valid_syllable(w.casefold(), rules.syllables) for w in words)
    return good * 2 > len(words)


def _printed_name(lines: Iterable[Line], rules: Rules) -> bool:
    """Whether one of the lines is a name as it is printed, with nothing to mend."""
    if rules.names is None:
        return False
    return any((reading := rules.names.read(line.text)) is not None and reading.note is None for line in lines)


def name_score(lines: Sequence[Line], rules: Rules) -> int:
    """How good a name the zone's lines give: 0 for none, else 1 + the syllables of the
    name that are name syllables as printed (a reading that needed no repair wins)."""
    if rules.names is None:
        return 0
    best = 0
    for line in lines:
        reading = rules.names.read(line.text)
        if reading:
            printed = [w for w in regex.split(r"[^\p{L}]+", line.text) if w]
            best = max(best, 1 + sum(w.casefold() in rules.names.syllables for w in printed))
    return best


def reread(lines: list[Line], page_width: float, page: int, rules: Rules,
           render: Callable[[], tuple[object, float]]) -> list[Line]:
    """The page's lines with its signature zone read again when the first reading gives no
    signer's name there, and the second reading a better one.

    `render` gives the page image and its dpi (called only when the zone is read). A zone
    whose first reading has a name as printed is not read again (issue 17: the second
    Tesseract run cost about 2 s a scanned page). A reading that is a name only once mended
    ('Đã ký' taken as 'Lã Kỳ') is no name yet: the seal may have crossed it."""
    found = zone(lines, page_width, rules)
    if found is None:
        return lines
    anchor, box = found
    old = [i for i in range(anchor + 1, len(lines)) if inside(lines[i], box)]
    if _printed_name((lines[i] for i in old), rules):
        return lines
    old_score = name_score([lines[i] for i in old], rules)
    image, dpi = render()
    new = [ln for ln in read_box(image, dpi, box, page, lines[anchor].block, rules) if _legible(ln.text, rules)]
    if name_score(new, rules) <= old_score:
        return lines
    at = old[0] if old else anchor + 1
    kept = [ln for i, ln in enumerate(lines) if i not in set(old)]
    position = at - sum(1 for i in old if i < at)
    return kept[:position] + new + kept[position:]
