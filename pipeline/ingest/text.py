"""Plain text and Markdown: decode whatever encoding the office used, drop the markup."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from .. import normalise
from ..document import Line, Page
from ..rules import Rules
from .runon import split_run_ons


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    legacy: str | None = None


def decode_bytes(data: bytes, rules: Rules) -> Decoded:
    """Decode text bytes: BOMs first, then every plausible reading scored by how Vietnamese it is.

    Candidates are UTF-8, UTF-16 without BOM, Windows-1258, and bytes typed in a TCVN3
    or VNI font; UTF-8 that was already read once as Windows-1252 is repaired. The
    reading whose words are most often valid Vietnamese syllables wins.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _settle(data.decode(codec, errors="replace"), codec, rules)
    if len(data) >= 4 and data[1::2].count(0) > 0.4 * (len(data) // 2):
        return _settle(data.decode("utf-16-le", errors="replace"), "utf-16-le", rules)
    if len(data) >= 4 and data[0::2].count(0) > 0.4 * (len(data) // 2):
        return _settle(data.decode("utf-16-be", errors="replace"), "utf-16-be", rules)
    try:
        return _settle(data.decode("utf-8"), "utf-8", rules)
    except UnicodeDecodeError:
        pass
    candidates = [Decoded(normalise.to_nfc(data.decode("cp1258", errors="replace")), "cp1258")]
    latin = data.decode("cp1252", errors="replace")
    for enc in rules.legacy:
        candidates.append(Decoded(enc.decode(latin), "cp1252", enc.name))
    return max(candidates, key=lambda c: _vietnamese_score(c.text, rules))


def _settle(text: str, codec: str, rules: Rules) -> Decoded:
    """Text that decoded cleanly may still be mojibake or typed in a legacy font."""
    text = normalise.repair_mojibake(text)
    legacy = normalise.detect_legacy(text, rules)
    if legacy:
        converted = rules.legacy_encoding(legacy).decode(text)
        if _vietnamese_score(converted, rules) > _vietnamese_score(text, rules):
            return Decoded(converted, codec, legacy)
    return Decoded(text, codec)


def _vietnamese_score(text: str, rules: Rules) -> float:
    share, count = normalise.invalid_syllable_share(text[:20000], rules.syllables)
    return (1.0 - share) if count else 0.0


# --- Markdown ---------------------------------------------------------------------------

_MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
_MD_TABLE = regex.compile(r"^\s*\|.*\|\s*$")
_MD_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HR = regex.compile(r"^\s{0,3}(?:\*\s*){3,}$|^\s{0,3}(?:_\s*){3,}$")
_MD_STRONG = regex.compile(r"(\*\*|__)(?=[^\s*_])(.{1,300}?)(?<=[^\s*_])\1", regex.DOTALL)
_MD_EM = regex.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_LINK = regex.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_HTML_BREAK = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_CELL_ITEM = regex.compile(r"(?<=[;:.)])\s+(?=-\s)")
# inside a layout cell copied as one line: the rule printed under a name ('────────', '-------')
# and the number line after the issuer's are lines of their own
_CELL_BREAK = regex.compile(r"\s*[─━_=-]{4,}\s*|\s+(?=Số\s*:)")
# a plain-text line that a copy made of a Word table's row: its cells joined by ' | '
_JOINED_CELLS = regex.compile(r"\s+\|\s+")


def looks_like_markdown(text: str) -> bool:
    lines = text.splitlines()
    headings = sum(bool(_MD_HEADING.match(ln)) for ln in lines)
    tables = sum(bool(_MD_TABLE.match(ln)) for ln in lines)
    strong = len(_MD_STRONG.findall(text))
    return headings >= 1 or tables >= 2 or strong >= 2


def _inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(r"\1", text)
    return _MD_ESCAPE.sub(r"\1", text)


def markdown_lines(text: str) -> list[tuple[str, str]]:
    """(line, block) pairs of Markdown text with the markup removed.

    Tables stay as lines. A small two-column table is the official header or footer
    flattened by a scraper (issuer | quốc hiệu, Nơi nhận | signer): its columns come out
    one after the other, the dashed items of a flattened Nơi nhận cell one per line.
    """
    out: list[tuple[str, str]] = []
    # bold may span a hard line break ('**KT. GIÁM ĐỐC  \nPHÓ GIÁM ĐỐC**', seed 004)
    lines = _MD_STRONG.sub(r"\2", _HTML_BREAK.sub("\n", text)).splitlines()
    i = 0
    seen_text = False
    while i < len(lines):
        line = lines[i]
        if _MD_TABLE.match(line):
            rows = []
            while i < len(lines) and _MD_TABLE.match(lines[i]):
                if not _MD_TABLE_RULE.match(lines[i]):
                    rows.append([_inline(c.strip()) for c in lines[i].strip().strip("|").split("|")])
                i += 1
            out.extend(_table_lines(rows, header=not seen_text))
            seen_text = True
            continue
        i += 1
        if _MD_TABLE_RULE.match(line) or _MD_HR.match(line):
            continue
        clean = _inline(_MD_HEADING.sub("", line))
        if clean.strip() and not _MD_HEADING.match(line):
            seen_text = seen_text or len(clean.strip()) >= 40
        out.append((clean, "body"))
    return out


def _table_lines(rows: list[list[str]], header: bool) -> list[tuple[str, str]]:
    if rows and all(len(r) == 2 for r in rows) and len(rows) <= 4:
        kind = normalise.layout_table_kind((c for r in rows for c in r), first=header)
        if kind:
            out = []
            for column, side in ((0, "left"), (1, "right")):
                for row in rows:
                    for piece in _CELL_ITEM.split(row[column]):
                        for part in _CELL_BREAK.split(piece):
                            if part.strip():
                                out.append((part.strip(), f"{kind}-{side}"))
            return out
    return [(_row_text(row), "table") for row in rows if any(row)]


def _row_text(cells: list[str]) -> str:
    """A table's row as one line, an empty cell kept in its place as in a DOCX row: a header
    that spans two columns leaves the second empty ('Đơn vị thực hiện | ' over 'Chủ trì |
    Phối hợp', the appendices of QĐ 59/QĐ-BTNMT; 'Cấp trình và thời gian trình | | ' over
    three levels), and the rows below are read by position. The empty cells after the last
    filled one are dropped."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


# --- the reader --------------------------------------------------------------------------


def read_text(data: bytes, rules: Rules, markdown: bool | None = None) -> tuple[list[Page], str | None]:
    """Pages of clean lines from text bytes, and the legacy encoding if there was one."""
    decoded = decode_bytes(data, rules)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if markdown is None:
        markdown = looks_like_markdown(text)
    pages = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(number, tuple(_page_lines(chunk, number, markdown, rules))))
    return pages, decoded.legacy


def _page_lines(chunk: str, page: int, markdown: bool, rules: Rules) -> list[Line]:
    pairs = markdown_lines(chunk) if markdown else _plain_lines(chunk)
    if page == 1 and not markdown:
        pairs = _header_first(pairs, rules)
    # a crawled copy runs the header's and the closing's parts into one line (ingest/runon.py)
    pairs = split_run_ons(pairs, rules, header=page == 1)
    lines: list[Line] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            lines.extend(_columns(plain, page))
            plain.clear()

    for text, block in pairs:
        if block == "body":
            plain.append(text)
        else:
            flush()
            lines.append(Line(normalise.clean_line(text), page, block))  # type: ignore[arg-type]
    flush()
    joined = normalise.join_paragraphs(lines)
    return [ln for ln in joined if ln.text]


def _plain_lines(chunk: str) -> list[tuple[str, str]]:
    """(line, block) pairs of plain text. A line that holds the two cells of the official
    header or footer joined by ' | ' (the text a document app keeps of a Word file: 'SỞ GDĐT
    TỈNH ĐỒNG THÁP TRƯỜNG THCS VÀ THPT ĐỐC BINH KIỀU ──────── Số: 45/KH-THCS&THPTĐBK | CỘNG HÒA
    XÃ HỘI CHỦ NGHĨA VIỆT NAM ...', and 'Nơi nhận: - Sở GDĐT Đồng Tháp (để báo cáo); ... | KT.
    HIỆU TRƯỞNG PHÓ HIỆU TRƯỞNG Nguyễn Minh Trí', KH 45/KH-THCS&THPTĐBK Đồng Tháp) is read as
    that table is in Markdown: column by column. Other lines with bars stay as they are."""
    out: list[tuple[str, str]] = []
    for line in chunk.split("\n"):
        cells = _JOINED_CELLS.split(line.strip())
        if len(cells) == 2 and all(cells) and normalise.layout_table_kind(cells, first=False):
            laid = _table_lines([cells], header=False)
            if laid and laid[0][1] != "table":
                out.extend(laid)
                continue
        out.append((line, "body"))
    return out


_HEADER_PART = regex.compile(r"^\s*(?:Số\s*:|Kính\s+gửi)", regex.IGNORECASE)
_PAGE_NUMBER = regex.compile(r"^\s*\d{1,3}\s*$")
HEADER_SEARCH_LINES = 80  # how far down the first page a text layer may have put its header


def _header_first(pairs: list[tuple[str, str]], rules: Rules) -> list[tuple[str, str]]:
    """The first page with its header on top, as the page is printed. The text layer of a
    signed PDF may give the header's two columns after the first lines of the body: the căn
    cứ, the lead-in and two items, then 'UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM' down to the Kính gửi list, then the page number and the rest of the sentence the
    header cut ('... trực thuộc UBND xã,' / header / '2' / 'phường chịu trách nhiệm ...', CV
    3223/SGDĐT-TCCB Đồng Tháp, one document so far). The header block (from the quốc hiệu
    line, with the issuer's lines in capitals just above it, to the first empty line, holding
    a 'Số:' or a 'Kính gửi' line) is put first, and the body goes on across the place it left."""
    texts = [text for text, _ in pairs[:HEADER_SEARCH_LINES]]
    quoc_hieu = rules.pattern("quoc_hieu")
    motto = next((i for i, text in enumerate(texts) if quoc_hieu.search(text)), None)
    if motto is None or any(block != "body" for _, block in pairs[:motto + 1]):
        return pairs
    start = motto
    while start > 0 and texts[start - 1].strip() and normalise.is_caps(texts[start - 1]):
        start -= 1  # the issuer's name printed above the motto
    body = [text for text in texts[:start] if text.strip()]
    if len(body) < 3 or normalise.is_caps(body[0]) or normalise.HEADER_HINT.search(body[0]):
        return pairs  # the page opens with its header already (or with nothing to move)
    end = start
    while end < len(pairs) and pairs[end][0].strip():
        end += 1
    if not any(_HEADER_PART.match(text) for text, _ in pairs[start:end]):
        return pairs
    rest = end
    while rest < len(pairs) and (not pairs[rest][0].strip() or _PAGE_NUMBER.match(pairs[rest][0])):
        rest += 1  # the empty lines and the page number between the header and the sentence it cut
    return [*pairs[start:end], ("", "body"), *pairs[:start], *pairs[rest:]]


def _columns(raw: list[str], page: int) -> list[Line]:
    """Body text: find the two-column header and footer of text laid out with spaces."""
    rows = normalise.text_rows(raw)
    # the layout width is that of the rows set out in columns; paragraphs typed as one
    # long line each (most scraped text) would otherwise stretch the page
    width = max((r.x1 for r in rows if len(r.segments) >= 2), default=0.0)
    width = max(width, 60.0)
    return [Line(normalise.clean_line(ln.text), page, ln.block, ln.bbox)
            for ln in normalise.split_columns(rows, width, page, first_page=page == 1)]
