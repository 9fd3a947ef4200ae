"""Pure text clean-up between the readers and extraction.

Every function here takes text (or lines) and returns new text: no files, no clock.
Readers call them in one order (`clean_line`), and the column and paragraph passes
rebuild the layout a person sees: the two header columns apart, hard-wrapped PDF lines
joined back into paragraphs, headings and list items kept on lines of their own.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from .document import Block, Line

if TYPE_CHECKING:
    from .rules import LegacyEncoding, Rules, SpacedLetters, Syllables

# Look-alikes that OCR and old fonts put where Vietnamese has Đ/đ (U+0110/U+0111).
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110",
                             "\u2044": "/", "\u2215": "/"})  # OCR prints fraction slashes in numbers
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CID = regex.compile(r"\(cid:\d+\)")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_nfc(text: str) -> str:
    """Unicode NFC, with the look-alike Ð (U+00D0) read as Đ."""
    return unicodedata.normalize("NFC", text).translate(_LOOKALIKES)


def fold_space(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces become one space; invisible marks go."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def strip_cid(text: str) -> str:
    """Drop `(cid:N)` glyphs that pdfminer emits for characters with no Unicode mapping."""
    return _CID.sub("", text)


def cid_share(text: str) -> float:
    """Share of the characters of `text` that were unmapped `(cid:N)` glyphs."""
    cids = len(_CID.findall(text))
    visible = len(_CID.sub("x", text).replace(" ", ""))
    return cids / visible if visible else 0.0


# a bullet a word processor draws from a symbol font (Symbol, Wingdings: U+F0D8, U+F0B7, U+F0A7
# in the private use area) or as a shape ('➢', '●', '▪'): the list item it opens reads as a list
# mark, one per kind so that the levels stay apart: an arrow '•', a dot '-', a square '+'
# ('\uf0d8 Quy định chung' over '\uf0b7 Sinh viên phải thực hiện đầy đủ các nhiệm vụ ...', KH
# 46/KH-KHMT VKU)
_BULLETS = (
    (regex.compile(r"^[\uf0d8\uf0e0\uf0e8\uf0f0\uf0fc\u27a2\u27a4\u25ba\u25b6]\s*"), "• "),
    (regex.compile(r"^[\uf0b7\uf06c\uf09f\u25cf]\s*"), "- "),
    (regex.compile(r"^[\uf000-\uf0ff\u25aa\u25ab\u25a0\u25e6\u2756\u2666]\s*"), "+ "),
)


# a scanner reads the specks of the margin before a dash or plus item as stray punctuation, and
# the item no longer opens with its mark: the specks go ('_ . - Nâng cao nhận thức: Các cơ sở
# giáo dục cần ...', '.. +Chỉ đạo các cơ sở giáo dục ...', CV 3456/BGDĐT-GDPT; '__- Địa điểm trụ
# sở: ...', QĐ 2646/QĐ-BGDĐT; '_+ Hướng dẫn việc thực hiện ...', QĐ 707/QĐ-TTg). Only marks no
# line opens with: an ellipsis of three dots may open a quoted line and stays.
_SPECKS = regex.compile(r"^(?!\.{3}|…)[_.,„=~`|¬]+(?:\s+[_.,„=~`|¬]+)*\s*(?=[-+]\s*\p{Lu})")


def _bullet(text: str) -> str:
    text = _SPECKS.sub("", text, count=1)
    for pattern, mark in _BULLETS:
        if pattern.match(text):
            return pattern.sub(mark, text, count=1)
    return text


def clean_line(text: str) -> str:
    """The per-line clean-up every reader applies: NFC, look-alikes, cid glyphs, spaces, bullets."""
    return _bullet(fold_space(strip_cid(to_nfc(text))))


def repair(text: str, repairs: Iterable[tuple[regex.Pattern, str]]) -> str:
    """`text` with each (pattern, replacement) substitution applied in turn."""
    for pattern, replacement in repairs:
        text = pattern.sub(replacement, text)
    return text


def fold_tones(text: str) -> str:
    """A matching key that folds old and new tone placement (`hoà` = `hòa`, `thuỷ` = `thủy`).

    The tone mark of each word is moved to the end of the word, so every placement of
    the same tone gives the same key. For matching only: the document keeps its spelling.
    """
    out = []
    for word in regex.split(r"(\W+)", unicodedata.normalize("NFD", text)):
        tones = [ch for ch in word if ch in _TONE_MARKS]
        if not tones:
            out.append(word)
            continue
        out.append("".join(ch for ch in word if ch not in _TONE_MARKS) + tones[-1])
    return unicodedata.normalize("NFC", "".join(out))


# --- Vietnamese syllables: a sound text layer is made of them ------------------------

_WORD = regex.compile(r"\p{L}+")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:vn|com|org|net)\b\S*", regex.IGNORECASE)
_FOREIGN = regex.compile(r"[fjwz]")
# 'để b/c', 'th/h', 'p/h': the abbreviations of Nơi nhận lines are letters around a slash
_SLASHED = regex.compile(r"\b\p{L}{1,3}/\p{L}{1,3}\b")


def _toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))


def is_valid_syllable(word: str, syllables: Syllables) -> bool:
    """True when `word` has the shape onset + rhyme of a Vietnamese syllable."""
    bare = _toneless(word)
    for size in (3, 2, 1, 0):
        onset, rhyme = bare[:size], bare[size:]
        if syllables.allows(onset, rhyme):
            return True
    # "gi" and "qu" onsets swallow the vowel: gì, gìn are onset g + rhyme i/in
    return bare.startswith("gi") and bare[1:] in syllables.rhymes


def invalid_syllable_share(text: str, syllables: Syllables) -> tuple[float, int]:
    """(share of lower-case words that are not Vietnamese syllables, words counted).

    Capitalised words and abbreviations are left out (names, THPT, UBND); a text layer
    that drops letters ('thng báo', 'An Ging') shows up as a high share.
    """
    text = _SLASHED.sub(" ", _URL.sub(" ", to_nfc(text)))
    # f, j, w, z are not Vietnamese letters: such words are foreign (form, web), not damage;
    # nor are the loanwords of the rules ('video', 'poster'), whole words a school writes
    words = [w for w in _WORD.findall(text) if w.islower() and len(w) > 1 and not _FOREIGN.search(w)
             and w not in syllables.loanwords]
    if not words:
        return 0.0, 0
    bad = sum(not is_valid_syllable(w, syllables) for w in words)
    return bad / len(words), len(words)


# a piece of a word set apart: letters, with punctuation before the first piece or after
# the last ('(B Ộ', 'n g,')
_PIECE = regex.compile(r"(\p{P}*)(\p{L}+)(\p{P}*)")


def join_spaced_letters(text: str, syllables: Syllables, settings: SpacedLetters) -> str:
    """`text` with the letters a text layer set apart joined back into words: 'G I Á M ĐỐC'
    → 'GIÁM ĐỐC', 'trung ươ n g' → 'trung ương'.

    A run of pieces is joined when they are all capitals or all small letters, none of more
    than one letter is a syllable by itself (a word stays whole: 'điểm b và c' keeps its
    'và'), one is no syllable by itself, and together they make one syllable
    (rules/syllables.json); the longest such run wins. Two small letters alone stay apart:
    they are a list label and a word ('tại điểm b ở trên') as often as a broken word.
    """
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        end = _spaced_run(tokens, i, syllables, settings)
        if end > i + 1:
            first, last = _PIECE.fullmatch(tokens[i]), _PIECE.fullmatch(tokens[end - 1])
            letters = "".join(_PIECE.fullmatch(t).group(2) for t in tokens[i:end])  # type: ignore[union-attr]
            out.append(first.group(1) + letters + last.group(3))  # type: ignore[union-attr]
            i = end
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def _spaced_run(tokens: list[str], start: int, syllables: Syllables, settings: SpacedLetters) -> int:
    """The end of the longest run of pieces from `start` that joins into a word (`start`
    itself when none does)."""
    pieces: list[str] = []
    valid: list[bool] = []  # each piece a syllable by itself
    for token in tokens[start:start + settings.max_run]:
        match = _PIECE.fullmatch(token)
        if match is None or len(match.group(2)) > settings.max_piece or (pieces and match.group(1)):
            break
        piece = match.group(2)
        ok = _piece_is_syllable(piece, syllables)
        if ok and len(piece) > 1:
            break  # a piece that is a word by itself stays one ('điểm b và c' is no 'vàc')
        pieces.append(piece)
        valid.append(ok)
        if match.group(3):  # punctuation after the piece ends the word
            break
    for size in range(len(pieces), 1, -1):
        if _joins(pieces[:size], valid[:size], syllables):
            return start + size
    return start


# the short pieces of a page are the same few words again and again ('và', 'các', 'số')
_piece_is_syllable = functools.lru_cache(maxsize=8192)(is_valid_syllable)


def _joins(pieces: list[str], valid: list[bool], syllables: Syllables) -> bool:
    word = "".join(pieces)
    # 'T rường' and 'Văn B ở' are not told apart: left; a capital word broken after two letters
    # or more is ('Điề u 2.', QĐ 326/QĐ-UBND Gia Lai; 'Nh à trường'): its first piece is no name's
    # initial
    title = word[:1].isupper() and word[1:].islower() and len(pieces[0]) > 1
    if not (word.isupper() or word.islower() or title):
        return False
    if word.islower() and len(pieces) == 2 and all(len(p) == 1 for p in pieces):  # see join_spaced_letters
        return False
    return not all(valid) and is_valid_syllable(word, syllables)


# --- legacy fonts ---------------------------------------------------------------------

_VIET_UNICODE = regex.compile(r"[ĂăĐđĨĩŨũƠơƯưẠ-ỹ]")


def legacy_signature(text: str, encoding: LegacyEncoding) -> int:
    """How many characters of `text` only make sense in `encoding`."""
    return sum(1 for m in encoding.pattern.finditer(text) if m.group(0) not in _SAFE_LATIN)


# Latin-1 letters that plain Unicode Vietnamese uses too: they prove nothing alone.
_SAFE_LATIN = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def detect_legacy(text: str, rules: Rules) -> str | None:
    """Name the legacy encoding (`tcvn3`, `vni`) that `text` was typed in, or None.

    Unicode Vietnamese is full of ư, ơ, đ and the U+1EA0 block; text typed in a legacy
    font and decoded as Windows-1252 has none of them but many of its own signature
    characters ('Gi¸o dôc', 'Giaùo duïc').
    """
    native = len(_VIET_UNICODE.findall(text))
    best, best_score = None, 0
    for enc in rules.legacy:
        score = legacy_signature(text, enc)
        if score > best_score:
            best, best_score = enc.name, score
    if best is not None and best_score >= 5 and native < 0.2 * best_score:
        return best
    return None


def decode_legacy(text: str, encoding: LegacyEncoding, capitals: bool = False) -> str:
    """Convert legacy-font text to Unicode; `capitals` for the .VnTimeH-style faces."""
    out = encoding.decode(text)
    return out.upper() if capitals else out


_MOJIBAKE = regex.compile(r"(?:Ã[\u0080-\u00bf]|á»|áº|Ä[\u0080-\u00bf]|Æ°|Æ¡)")


def _as_1252_bytes(text: str) -> bytes:
    """The bytes a Windows-1252 reading came from; its five unused codes read as Latin-1."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read once as Windows-1252 or Latin-1 ('Sá»Ÿ GiÃ¡o dá»¥c' → 'Sở Giáo dục')."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    try:
        fixed = _as_1252_bytes(text).decode("utf-8")
        if len(_VIET_UNICODE.findall(fixed)) > len(_VIET_UNICODE.findall(text)):
            return fixed
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass

    def fix(match: regex.Match) -> str:  # mixed text: repair each mis-decoded run alone
        chunk = match.group(0)
        try:
            return _as_1252_bytes(chunk).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return chunk

    return regex.sub(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u2122]{1,3}", fix, text)


# --- columns: the header and footer tables of Nghị định 30 --------------------------


@dataclass(frozen=True)
class Segment:
    """A run of text on one printed row, with its horizontal extent."""

    x0: float
    x1: float
    text: str
    stamp: bool = False  # some of its words were printed by a form field (ingest/stamps.py)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Row:
    segments: tuple[Segment, ...]
    top: float = 0.0
    bottom: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


# The fixed words of the Nghị định 30/2020 layout that tell the two tables apart. The Số line opens
# with a capital: a line that opens 'số 6332/VPCP-KSTT ...' goes on with a list of documents wrapped
# before it ('... và Công văn' / 'số 6332/VPCP-KSTT ngày 06/9/2024 của Văn phòng Chính phủ', CV 397/UBND
# Phường 1 Vũng Tàu)
HEADER_HINT = regex.compile(r"CỘNG\s+H(?:OÀ|ÒA)\s+XÃ|Độc\s+lập\s*[-–]|^\s*(?-i:S)ố\s*[:.]?\s*\d", regex.IGNORECASE)
RECIPIENTS_HINT = regex.compile(r"^\s*Nơi\s+nhận", regex.IGNORECASE)  # the Nơi nhận's label
FOOTER_HINT = regex.compile(rf"{RECIPIENTS_HINT.pattern}|^\s*(?:KT\.|TL\.|TM\.|TUQ\.|Q\.\s)", regex.IGNORECASE)


# Rows that open the body: they end a header band even when they sit on one side.
BAND_BREAK = regex.compile(r"^\s*(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|[IVX]{1,4}\.\s|Điều\s+\d)")


# The same on bare capitals, for OCR that spoils the diacritics ('HIỆU TRƯƠNG', 'KT. BỌ TRƯỞNG').
# the archive line is 'Lưu: VT' (OCR may drop the colon); 'Lưu ý:' opens a note in a table
_FOOTER_BARE = regex.compile(r"^\s*(?:KT|TL|TM|TUQ)\s*\.|^(?:HIEU|BO|THU|PHO)\s+TRU\S{0,2}NG\b|^GIAM\s+DOC\b|"
                             r"^CHU\s+TICH\b|^TRUONG\s+PHONG\b|^[-_\s]*LUU\s*(?:[:.,]|VT\b)|N?OI\s+NHAN\b")


def is_caps(text: str) -> bool:
    """Text in capitals: two letters at least, none small ('QUYẾT ĐỊNH', 'CHỦ TỊCH UBND')."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def bare(text: str) -> str:
    """Letters without any diacritic, upper case, single-spaced: a key OCR cannot spoil."""
    # derive asks for the same owners' and units' keys thousands of times a batch (issue 17:
    # a second of a 100-file run); short phrases are remembered, pages are not
    return _bare_phrase(text) if len(text) <= 300 else _bare(text)


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).upper().split())


_bare_phrase = functools.lru_cache(maxsize=1 << 14)(_bare)


def layout_table_kind(cells: Iterable[str], first: bool) -> str | None:
    """'header' or 'footer' for the two small tables of the official layout, else None."""
    cells = list(cells)
    if any(FOOTER_HINT.search(c) or _FOOTER_BARE.search(bare(c)) for c in cells):
        return "footer"
    if any(HEADER_HINT.search(c) for c in cells) or first:
        return "header"
    return None


def split_columns(rows: Sequence[Row], width: float, page: int, first_page: bool,
                  footer_cut: float | None = None) -> list[Line]:
    """Lines of one page, with two-column bands (header, Nơi nhận + signer) put column by column.

    A band starts at a row whose text sits in two groups far apart, one in the left part
    of the page and one in the right, and goes on while rows keep to one side, or keep
    clear of the band's dividing line; a row that crosses it (a centred title, a body
    paragraph) ends the band. Inside a band the left column comes out first, then the
    right, so the columns never interleave. `footer_cut` is the dividing line of a Nơi
    nhận/signer table that the page before ended in: a table row that breaks across a
    page (a long Nơi nhận list) goes on at the top of this one, column by column.
    """
    out: list[Line] = []
    i = 0
    seen_header = False
    if footer_cut is not None:
        left, right, i = _band(rows, 0, footer_cut, width, page, fixed=True)
        out.extend(replace(x, block="footer-left") for x in left)
        out.extend(replace(x, block="footer-right") for x in right)
    while i < len(rows):
        if not rows[i].segments:
            out.append(Line("", page, "body"))  # a blank row still ends a paragraph
            i += 1
            continue
        split = _split_point(rows[i], width)
        if split is None:
            out.append(_row_line(rows[i], page, "body"))
            i += 1
            continue
        left, right, j = _band(rows, i, split, width, page)
        first = first_page and not seen_header and _top_of_page(rows, i)
        kind = layout_table_kind((x.text for x in left + right), first)
        seen_header = seen_header or kind == "header"
        if kind is None:
            # an ordinary two-column table in the body: keep its rows as printed
            for row in (r for r in rows[i:j] if r.segments):
                out.append(Line(" | ".join(s.text for s in row.segments), page, "table",
                                (row.x0, row.top, row.x1, row.bottom), any(s.stamp for s in row.segments)))
        else:
            out.extend(replace(x, block=f"{kind}-left") for x in left)
            out.extend(replace(x, block=f"{kind}-right") for x in right)
        i = j
    return out


def _band(rows: Sequence[Row], start: int, split: float, width: float, page: int,
          fixed: bool = False) -> tuple[list[Line], list[Line], int]:
    """The left and right lines of the band that starts at `rows[start]`, split at `split`,
    and the index of the row after it. A later row is split at its own gap when it has
    one, else goes whole to the side it keeps to, else is split at the band's divide when
    it has text on both sides and none across (a long Nơi nhận item reaching close to the
    signer's column); any other row ends the band. `fixed`: a band carried over from the
    page before, `split` its divide."""
    left: list[Line] = []
    right: list[Line] = []
    j = start
    # the right column's text is centred and the left one's runs to its column's edge: the
    # divide lies just before the leftmost start of the right column's lines so far
    divide = split
    right_start, left_end = math.inf, -math.inf
    while j < len(rows):
        row = rows[j]
        if not row.segments:
            j += 1
            continue
        if (j > start or fixed) and BAND_BREAK.match(row.text):
            break
        here = _split_point(row, width) if j > start or fixed else split
        if here is not None:
            cut = here
        elif (side := _side(row, width)) is not None:
            cut = math.inf if side == "left" else -math.inf
        elif _two_sided(row, divide):
            cut = divide
        else:
            break
        lparts = [s for s in row.segments if s.centre < cut]
        rparts = [s for s in row.segments if s.centre >= cut]
        if lparts:
            left.append(_segments_line(lparts, row, page))
        if rparts:
            right.append(_segments_line(rparts, row, page))
        right_start = min(right_start, rparts[0].x0) if rparts else right_start
        left_end = max(left_end, lparts[-1].x1) if lparts else left_end
        if left_end < right_start - 1 < math.inf:
            divide = right_start - 1
        j += 1
    return left, right, j


def _two_sided(row: Row, divide: float) -> bool:
    """Text on both sides of the band's divide and none across it."""
    return (any(s.x1 <= divide for s in row.segments) and any(s.x0 >= divide for s in row.segments)
            and not any(s.x0 < divide < s.x1 for s in row.segments))


def open_footer_cut(lines: Sequence[Line]) -> float | None:
    """Where the Nơi nhận/signer table that ends this page divides its columns, when the
    page ends inside it (its last line is a footer line): the next page may go on with
    the same table."""
    body = [ln for ln in lines if ln.text]
    if not body or not body[-1].block.startswith("footer"):
        return None
    lefts = [ln.bbox[2] for ln in body if ln.block == "footer-left" and ln.bbox]
    rights = [ln.bbox[0] for ln in body if ln.block == "footer-right" and ln.bbox]
    if not lefts or not rights or max(lefts) >= min(rights):
        return None
    return min(rights) - 1


def _top_of_page(rows: Sequence[Row], index: int) -> bool:
    substantial = [r for r in rows[:index] if r.segments and len(r.text) >= 40]
    return len(substantial) == 0


def _split_point(row: Row, width: float) -> float | None:
    """The x of the gap between a left and a right column on this row, if there is one."""
    segs = row.segments
    if len(segs) < 2:
        return None
    best = None
    for a, b in zip(segs, segs[1:]):
        gap = b.x0 - a.x1
        if best is None or gap > best[0]:
            best = (gap, a, b)
    gap, a, b = best
    left = [s for s in segs if s.x1 <= a.x1]
    right = [s for s in segs if s.x0 >= b.x0]
    if len(left) > 1 and len(right) > 1 and len(segs) > 3:
        return None  # many cells: a table row, not two columns
    if gap < 0.03 * width:
        return None
    lcentre = (left[0].x0 + left[-1].x1) / 2
    rcentre = (right[0].x0 + right[-1].x1) / 2
    if lcentre <= 0.42 * width and rcentre >= 0.55 * width:
        return (a.x1 + b.x0) / 2
    return None


def _side(row: Row, width: float) -> str | None:
    centre = (row.x0 + row.x1) / 2
    if row.x1 <= 0.62 * width and centre <= 0.4 * width:
        return "left"
    if row.x0 >= 0.38 * width and centre >= 0.58 * width:
        return "right"
    return None


def _segments_line(parts: Sequence[Segment], row: Row, page: int) -> Line:
    return Line(" ".join(s.text for s in parts), page, "body",
                (parts[0].x0, row.top, parts[-1].x1, row.bottom), any(s.stamp for s in parts))


def _row_line(row: Row, page: int, block: Block) -> Line:
    return Line(row.text, page, block, (row.x0, row.top, row.x1, row.bottom),
                any(s.stamp for s in row.segments))


def text_rows(lines: Iterable[str], gap: int = 3) -> list[Row]:
    """Rows of a plain-text page: runs of `gap` or more spaces separate segments.

    Text extracted from PDFs with layout ('UBND HUYỆN NAM ĐÀN      CỘNG HÒA ...') keeps
    its columns this way; the column pass then treats it like a PDF page.
    """
    rows = []
    splitter = regex.compile(rf" {{{gap},}}")
    for n, raw in enumerate(lines):
        line = raw.expandtabs(8).rstrip()
        segments = []
        pos = 0
        for part in splitter.split(line):
            start = line.index(part, pos) if part else pos
            if part.strip():
                lead = len(part) - len(part.lstrip())
                segments.append(Segment(start + lead, start + len(part.rstrip()), part.strip()))
            pos = start + len(part)
        rows.append(Row(tuple(segments), float(n), float(n + 1)))
    return rows


# --- paragraphs: joining the hard line breaks of PDF text ----------------------------

_PARTS = r"Điều|Chương|Mục|Phần|Phụ\s+lục"  # the parts of a document, numbered: 'Điều 17', 'Phụ lục II'
_ITEM = regex.compile(
    r"""^(?:
        (?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[A-ZĐ])[.)/]\s   # I.  1.  1.2.  a)  b/
      | \d{1,3}(?:\.\d{1,2})+\s+(?=\p{Lu})                         # 2.1 without a dot, not 1.000
      | \d{1,2},\s+(?=\p{Lu}[\p{L}&])                              # 9, read by OCR for 9.
      | [-+•*–—]\s*\S                                             # dashes and bullets
      | (?:""" + _PARTS + r""")\s+[\dIVXLC]+                       # articles and parts
      | (?:Nơi\s+nhận|Kính\s+gửi|Số|Lưu|V/v)\b
      | (?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\s
    )""",
    regex.VERBOSE,
)
# the place-and-date line of the header never continues the line above it
_DATE_LINE = regex.compile(r"^(?:TP\.\s*)?\p{Lu}[\p{L}.]*(?:\s+\p{L}+){0,5}\s*,?\s*ngày\s*\S{0,6}\s*tháng")
_DASH_WRAP = regex.compile(r"^[-–]\s+\p{Lu}\p{Ll}")
# a line that opens with a day written with a capital opens a sentence of its own, never the rest of
# a line above: 'Ngày 12/11/2024, tại trụ sở UBND tỉnh, ...' under a Thông báo kết luận's trích yếu
# (TB 565/TB-UBND and TB 11/TB-UBND Quảng Ngãi)
_NAME_LIST = regex.compile(r":[^:;]+;[^;]+;$")  # 'X: A; B;': names after a colon, parted by semicolons
_DAY_OPENS = regex.compile(r"^Ngày\s+\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}")
_DASH_WRAP_SMALL = regex.compile(r"^[-–]\s+\p{Ll}")
_TERMINAL = regex.compile(r"[.;:!?]\s*$|\./\.\s*$")
_NUMBER_LABEL = regex.compile(r"(?<!\p{L})[Ss]ố\s*:?$")
_NUMBER_START = regex.compile(r"^\d{1,5}\s?/")  # a document number, not an item '2. Nội dung'
# a document number wrapped at a hyphen of its symbol: 'Quyết định 435/QĐ-' / 'BGDĐT ngày 09 tháng 02
# năm 2023' (CV 1174/PGDĐT Long Điền), 'Báo cáo thẩm tra số 84/BC-' / 'KTNS ngày ...' (NQ 11/2025/NQ-HĐND
# Hà Nội): a symbol never ends in a hyphen, so its code goes on in the next line
_NUMBER_CUT = regex.compile(r"(?<![\p{L}\d/])\d{1,5}\s?/\s?(?:\d{4}\s?/\s?)?\p{Lu}[\p{L}\d&.]*(?:-[\p{L}\d&.]+)*-$")
_CODE_GOES_ON = regex.compile(r"^\p{Lu}[\p{Lu}\d&.]*(?:-[\p{Lu}\d&.]+)*(?=[\s,;.)]|$)")
# a date wrapped after its month's word, a speck after it read as a stop: 'đến ngày 31 tháng.' /
# '12 năm 2021 về lĩnh vực Y tế dự phòng; ...' (the scanned KH 852/KH-SYT TP.HCM); a date is never
# cut by a sentence's end, so the two lines are one
_DATE_CUT = regex.compile(r"(?i)(?<!\p{L})ngày\s+\d{1,2}\s+tháng\s*[.,]?$")
_DATE_GOES_ON = regex.compile(r"^\d{1,2}\s+năm\s+\d{4}(?!\d)")
# words that never end a Vietnamese sentence: a line ending in one goes on below, however
# short it is ('... ngày 26 tháng 02 năm 2025 của' / 'Chính phủ quy định ...' on a scan)
_OPEN_END = regex.compile(r"(?<!\p{L})(?:của|và|về|số|ngày|tại|các|những|với|cho|theo|để|do|được|là|trên|từ)$")
# an article or an appendix named after such a word is what the sentence refers to, not a part
# of its own: 'theo quy định tại' / 'Điều 17 Thông tư số 23/2024/TT-BCT ...' (CV 193/UBND-KT Lào
# Cai), '... theo quy định tại' / 'Điều 8 Nghị định số 85/2024/NĐ-CP ...' and '... được quy định
# tại' / 'Phụ lục 01 kèm theo Quy định này.' (QĐ 70/2024/QĐ-UBND Hà Nội), '... theo Mẫu số 01 tại'
# / 'Phụ lục II ban hành kèm theo Nghị định này' (NĐ 335/2025/NĐ-CP)
_REFERENCE = regex.compile(rf"^(?:{_PARTS}|Khoản)\s+[\dIVXLC]+")


def is_heading_or_item(text: str) -> bool:
    """A line that starts an outline item, a list item or a block of its own."""
    stripped = text.strip()
    if _ITEM.match(stripped):
        return True
    letters = [ch for ch in stripped if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def join_paragraphs(lines: Sequence[Line], wrap_width: float | None = None) -> list[Line]:
    """Join hard-wrapped body lines back into paragraphs; blank lines are dropped.

    Line B continues line A when both are body lines of the same page, A does not end a
    sentence, B does not start a heading or list item, and either B starts in lower case
    or A reaches the wrap width (the text was wrapped there, not broken on purpose).
    `wrap_width` is the right edge of a full line: points for PDF, characters for text.
    A blank line ends a paragraph, except in text that puts a blank line after every
    line (PDF text pasted double-spaced, as in seed 000): there blank lines mean nothing.
    """
    if wrap_width is None:
        wrap_width = _typical_width(lines)
        if _widest(lines) > UNWRAPPED * wrap_width:
            # lines far longer than most were never wrapped at a margin: text with one paragraph a
            # line, as a crawler saves a page ('a) Phối hợp rà soát ... Luật dân tộc' / '- Đơn vị
            # chủ trì: Vụ Pháp luật hình sự - hành chính.', QĐ 173/QĐ-BTP; the Kon Tum QĐ 435/QĐ-UBND):
            # no line of it reaches a margin, and a dash opens an item, not a name's second half
            wrap_width = float("inf")
    blank_breaks = not _double_spaced(lines)
    out: list[Line] = []
    last: Line | None = None  # the last printed line of out[-1]: where the page wrapped it, if it did
    after_blank = False
    for line in lines:
        if not line.text.strip():
            after_blank = True
            continue
        if out and not (after_blank and blank_breaks) and _continues(out[-1], line, wrap_width, last):
            prev = out[-1]
            bbox = None
            if prev.bbox and line.bbox:
                bbox = (min(prev.bbox[0], line.bbox[0]), prev.bbox[1],
                        max(prev.bbox[2], line.bbox[2]), line.bbox[3])
            out[-1] = replace(prev, text=_glue(prev.text, line.text), bbox=bbox,
                              stamped=prev.stamped or line.stamped)
        else:
            out.append(line)
        last = line
        after_blank = False
    return out


def _double_spaced(lines: Sequence[Line]) -> bool:
    texts = [bool(ln.text.strip()) for ln in lines]
    full = sum(texts)
    if full < 6:
        return False
    followed = sum(1 for a, b in zip(texts, texts[1:]) if a and not b)
    return followed >= 0.6 * full


def _date_cut(a: str, b: str) -> bool:
    """Whether line `a` ends a date at its month's word and `b` goes on with the rest of it."""
    return bool(_DATE_CUT.search(a.strip()) and _DATE_GOES_ON.match(b.strip()))


def _number_cut(a: str, b: str) -> bool:
    """Whether line `a` ends a document number at a hyphen of its symbol and `b` goes on with its code."""
    return bool(_NUMBER_CUT.search(a.rstrip()) and _CODE_GOES_ON.match(b.lstrip()))


def _glue(a: str, b: str) -> str:
    # a word hyphenated across lines is rare in Vietnamese (syllables are short); keep both
    if _number_cut(a, b):
        return f"{a.rstrip()}{b.lstrip()}"  # one symbol: '84/BC-' + 'KTNS' is 84/BC-KTNS
    if _date_cut(a, b):
        a = a.rstrip().rstrip(".,")  # the speck after 'tháng' of a date cut in two
    return f"{a.rstrip()} {b.lstrip()}"


def _continues(prev: Line, line: Line, wrap_width: float, last: Line | None = None) -> bool:
    """Whether `line` goes on with the paragraph `prev`, whose last printed line is `last`: a
    paragraph was wrapped where its last line reaches the margin, not where any of its lines did
    ('3. Về việc kiểm tra định kì ... đối với cơ sở giáo dục có các khối lớp' / 'chưa hoàn thành
    kiểm tra định kì' / 'Khi học sinh được phép trở lại trường học, ...', TB 1638/TB-SGDĐT Hà Nội:
    a heading over two lines, then its paragraph)."""
    edge = last if last is not None and last.bbox and prev.bbox else prev
    if prev.block != "body" or line.block != "body" or prev.page != line.page:
        return False
    a, b = prev.text.strip(), line.text.strip()
    if _number_cut(a, b):
        return True  # before the date line's test: 'BGDĐT ngày 09 tháng 02 năm 2023' reads like one
    if not a or not b or a.endswith("./.") or _DATE_LINE.match(b) or HEADER_HINT.search(b) or _DAY_OPENS.match(b):
        return False
    if _date_cut(a, b):
        return True
    if _NUMBER_LABEL.search(a) and _NUMBER_START.match(b):
        return True  # '... năm học 2023-2024 số:' / '2647/TB-SGDĐT của Sở ...': one citation
    if _OPEN_END.search(a) and _REFERENCE.match(b):
        return True
    if is_heading_or_item(b):
        # 'Bộ Lao động' / '- Thương binh và Xã hội': a hyphenated name wrapped at the
        # dash, not a list item, when the line before runs to the margin unfinished; a dash
        # before a small letter is one whatever the margin: a list item opens with a
        # capital ('7. Đề nghị Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị' / '- xã hội
        # Thành phố:', KH 2144/KH-UBND Vũng Tàu)
        if _TERMINAL.search(a):
            return False
        return bool(_DASH_WRAP_SMALL.match(b)) or (bool(_DASH_WRAP.match(b)) and _reaches(edge, wrap_width))
    if is_heading_or_item(a) and a.isupper():
        return False
    if b[0].islower():
        # a list item ending in ';' and going on in lower case is one item wrapped (seed 000)
        return not a.endswith((".", "!", "?"))
    if a.endswith(";") and _reaches(edge, wrap_width) and _NAME_LIST.search(a):
        # a list of names parted by semicolons that runs to the margin goes on in the next line
        # ('- Phụ trách các đơn vị: Chi cục Thủy lợi; Trung tâm Nước sạch nông thôn;' / 'Phòng Tài
        # nguyên nước và Khí tượng thủy văn; ...', QĐ 899/QĐ-SNNMT Gia Lai)
        return True
    return not _TERMINAL.search(a) and (_reaches(edge, wrap_width) or bool(_OPEN_END.search(a)))


UNWRAPPED = 1.6  # the widest line this many times the typical one: the text was never wrapped


def _widest(lines: Sequence[Line]) -> float:
    return max((ln.bbox[2] if ln.bbox else len(ln.text) for ln in lines if ln.block == "body"), default=0.0)


def _reaches(line: Line, wrap_width: float) -> bool:
    right = line.bbox[2] if line.bbox else len(line.text)
    return right >= 0.85 * wrap_width


def _typical_width(lines: Sequence[Line]) -> float:
    rights = [ln.bbox[2] if ln.bbox else len(ln.text) for ln in lines if ln.block == "body" and ln.text.strip()]
    if not rights:
        return 0.0
    rights.sort()
    return rights[int(0.8 * (len(rights) - 1))] if len(rights) > 4 else max(rights)


