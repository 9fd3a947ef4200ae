"""The header of Nghị định 30/2020: issuer, number, place and date, type and title.

The reader hands the header columns over as blocks (header-left: the issuer, its parent
and Số; header-right: the quốc hiệu and the date line). Text that lost its columns (a
scrape, seed 004) is read line by line instead. A value the header does not hold is
None with a warning: never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ..record import Issuer, Span
from ..rules import Rules, unanchored
from .base import Lines, Ref, bare, clean_value, is_caps, ocr_int, squash
from .dates import parse_date

ZONE_LINES = 16  # the header never runs further down page 1 than this


@dataclass
class Header:
    issuer: Issuer | None = None
    number: str | None = None
    doc_type: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    title_end: int = -1  # index of the last line of the title, -1 when none
    # the first day of the month a date line prints when its day was left blank ('ngày ... tháng 12
    # năm 2025', a draft): the day deadlines are counted from, never the record's date
    month_start: str | None = None
    year_start: str | None = None  # a date line that prints only its year: 1 January of it


def find_number(text: str, rules: Rules) -> regex.Match | None:
    return rules.pattern("number").search(text)


def normalise_number(match: regex.Match) -> str:
    """Số và ký hiệu as printed, without spaces (`292 /KH-SGDĐT` → `292/KH-SGDĐT`) or a dot typed
    after the number written in by hand (`3070. /KH-UBND` → `3070/KH-UBND`), or a footnote's mark
    glued on. A word glued to the symbol (`2307 /QĐ-UBNDngày`, `174/2008/QĐ-TTgngày`) is never in
    the match: the number pattern's symbol_part ends before it (rules/header.json). A spaced dash
    before a department's code is a hyphen (`2881/UBND – VP` → `2881/UBND-VP`)."""
    number = regex.sub(r"^(\d+)(?:\.|_+)/", r"\1/", regex.sub(r"\s+", "", match.group(0))).rstrip(".")
    number = regex.sub(r"[–—]", "-", number)
    return _FOOTNOTE_MARK.sub("", number)


# a footnote's mark that a signed PDF's text layer glues to the number it follows ('Luật số
# 42/2024/QH151', 'Nghị định số 105/2025/NĐ-CP2', 'Thông tư số 47/2024/TT-BGTVT4', CV 3686/UBND-XD
# Lào Cai, one document so far): the Quốc hội's code ends in its term ('QH15'), the Government's and a
# Bộ's in letters; a digit after them is no part of the number
_FOOTNOTE_MARK = regex.compile(r"(?<=[-/](?:UBTV)?QH1\d)\d{1,2}$|(?<=[-/](?:CP|B\p{Lu}{2,8}))\d{1,2}$")


def repair_type_code(number: str, rules: Rules, ocr: bool = True) -> str:
    """OCR doubles a letter of the type code ('2605/QĐĐ-BGDĐT'): when the code is unknown and
    collapsing a doubled letter makes it a known one, collapse it. Only OCR does that: a
    text layer prints what the issuer typed ('79/TTTT-CTGD', Trung tâm Thông tin và
    Chương trình Giáo dục of TP.HCM, is no Thông tư)."""
    parts = number.split("/", 1)
    if not ocr:
        return number
    if len(parts) != 2 or "-" not in parts[1]:
        return number
    code, rest = parts[1].split("-", 1)
    if rules.doc_type_by_code(code) or code.isdigit():
        return number
    collapsed = regex.sub(r"(\p{Lu})\1", r"\1", code)
    if collapsed != code and rules.doc_type_by_code(collapsed):
        return f"{parts[0]}/{collapsed}-{rest}"
    return number


def issuer_code(number: str, rules: Rules) -> str | None:
    """The issuer code inside a number: `1008/KH-SGDĐT` → SGDĐT, `7991/BGDĐT-GDTrH` → BGDĐT."""
    match = find_number(number, rules)
    if not match:
        return None
    parts = regex.split(r"\s*[-/]\s*", match.group("symbol"))
    if match.group("sep") == "-":  # party form 29-NQ/TW: the body is after the slash
        return parts[-1] if len(parts) > 1 else None
    if len(parts) >= 2 and rules.doc_type_by_code(parts[0]):
        return parts[1]
    return parts[0]


def extract_header(lines: Lines, rules: Rules) -> Header:
    header = Header()
    zone = _zone(lines, rules)
    _number(zone, header, lines, rules)
    _date(zone, header, lines, rules)
    if header.date is None and header.month_start is None and header.year_start is None:
        _passed_on(lines, header, rules)
    _issuer(zone, header, lines, rules)
    _type_and_title(zone, header, lines, rules)  # after the issuer, whose name under the title ends it
    return header


def _zone(lines: Lines, rules: Rules) -> list[Ref]:
    """The header lines: the header blocks, or the top of page 1 down to the title."""
    blocks = [r for r in lines if r.block.startswith("header")]
    if blocks:
        # the first run of header lines only: a regulation attached to a decision has a
        # header of its own pages later (QĐ 70/2024/QĐ-UBND Hà Nội and its Quy định)
        run = blocks[:1]
        for ref in blocks[1:]:
            if ref.index != run[-1].index + 1:
                break
            run.append(ref)
        blocks = run
        # a first header row the column pass did not split ('BỘ GIÁO DỤC ... CỘNG HÒA ...')
        above = [r for r in lines.refs[:blocks[0].index][-4:]
                 if r.line.page == 1 and (rules.pattern("quoc_hieu").search(r.text) or is_caps(r.text))]
        blocks = above + blocks
        # stacked lines just under the columns still belong to the header (05: 'Số:' below)
        last = blocks[-1].index
        extra = [r for r in lines.refs[last + 1:last + 6]
                 if r.line.page == 1 and _is_header_line(r.text, rules)
                 and not rules.pattern("body_start").match(r.text)]
        return blocks + extra
    top = [r for r in lines.refs[:ZONE_LINES] if r.line.page == 1]
    out = []
    for at, ref in enumerate(top):
        if _type_name(ref.text, rules) or rules.pattern("body_start").match(ref.text):
            if not any(rules.pattern("date_line").search(r.text) for r in out):
                # a header read column by column sets the right column, the quốc hiệu and the
                # date line, after the left one's title and Kính gửi list ('V/v khẩn trương ...',
                # 'Kính gửi: - Phòng giáo dục ...', then 'CỘNG HOÀ ...', 'Đà Nẵng, ngày 26 tháng 7
                # năm 2020': CV 1906/SGDĐT-CTTTT, an OCR copy, one document so far)
                late = next((i for i in range(at, min(len(top), at + LATE_COLUMN_LINES))
                             if rules.pattern("quoc_hieu").search(top[i].text)), None)
                if late is not None:
                    out += [r for r in top[late:late + 3] if _is_header_line(r.text, rules)]
            break
        out.append(ref)
    return out


LATE_COLUMN_LINES = 12  # how far below the title the right column of a header read column by column may start


def _is_header_line(text: str, rules: Rules) -> bool:
    return bool(rules.pattern("number_line").match(text) and find_number(text, rules)) or bool(
        rules.pattern("date_line").search(text)) or bool(rules.pattern("quoc_hieu").search(text))


_SPACED_DIGITS = regex.compile(r"^\s*(\d(?: \d){1,4})(?=\s*[/-])")
_ALL_SPACED = regex.compile(r"^\s*\d(?: \S){4,}\s*$")


def _number(zone: list[Ref], header: Header, lines: Lines, rules: Rules) -> None:
    for ref in zone:
        line = rules.pattern("number_line").match(ref.text)
        if not line:
            continue
        rest = line.group("rest")
        all_spaced = bool(_ALL_SPACED.match(rest))
        if all_spaced:
            # every character set apart ('S ố : 3 2 6 / Q Đ - U B N D', QĐ 326/QĐ-UBND Gia Lai):
            # one number, read with its spaces taken out; its evidence is the whole line
            rest = rest.replace(" ", "")
        # a text layer that spaces the letters of a line spaces its digits too ('Số: 4 4 2 4
        # /SGDĐT-CTTT', CV 4424/SGDĐT-CTTT Hà Nội, its day 'ngày 1 6 tháng 12'): one number
        spaced = _SPACED_DIGITS.match(rest)
        removed = spaced.group(1).count(" ") if spaced else 0
        if spaced:
            rest = rest[:spaced.start(1)] + spaced.group(1).replace(" ", "") + rest[spaced.end(1):]
        match = find_number(rest, rules)
        if match and match.start() > 0 and not (rest[match.start() - 1].isspace() or rest[match.start() - 1] in ":."):
            # a digit glued to a glyph that is none ('Số: ¿02 /QĐĐ-UBND' for a handwritten 209, the scan
            # of QĐ 209/QĐ-UBND Bạc Liêu): OCR lost a digit there, and the rest is no number
            header.warnings.append(f"[number] a digit of the number is unreadable on the line {ref.text[:60]!r}")
            return
        if match:
            start, end = line.start("rest") + match.start(), line.start("rest") + match.end() + removed
            if all_spaced:
                start, end = line.start("rest"), len(ref.text.rstrip())
            number = repair_type_code(normalise_number(match), rules, lines.is_ocr(ref))
            second = rules.pattern("number_second_code").match(ref.text, end)
            if second:  # '998 /SGDĐT-GDTrH, GDTX': drafted by two departments
                number, end = f"{number},{second['code']}", second.end("code")
            header.number = number
            header.evidence["number"] = lines.span(ref, start, end)
            return
        header.warnings.append(f"[number] cannot read the number on the line {ref.text[:60]!r}")
        return
    header.warnings.append("[number] no 'Số:' line in the header")


def _date(zone: list[Ref], header: Header, lines: Lines, rules: Rules) -> None:
    pattern = rules.pattern("date_line")
    for i, ref in enumerate(zone):
        text = ref.text
        qh = rules.pattern("quoc_hieu").search(text)
        match = pattern.search(text, qh.end() if qh and qh.start() == 0 else 0)
        if not match:
            match = _date_inside(text, rules)
        following = zone[i + 1] if i + 1 < len(zone) else None
        if not match and following is not None and following.block == ref.block and "tháng" in text:
            # a narrow header column wraps the line: 'Thanh Chương, ngày 27 tháng 01 năm' / '2024'
            text = f"{text} {following.text}"
            match = pattern.search(text)
        if not match:
            continue
        place = clean_value(regex.sub(r"^.*?(?:Hạnh\s*phúc|[-–_]{3,})\s*", "", match.group("place")))
        header.place = place or None
        if place and match.end("place") <= len(ref.text):
            header.evidence["place"] = lines.span(ref, match.start("place"), match.end("place"))
        day, month, year = (ocr_int(match.group(k)) for k in ("d", "m", "y"))
        if _one_stroke(match.group("d")):
            # a day of one stroke that is no digit ('Hà Nội, ngày | tháng 8 năm 2026' under a
            # handwritten day, KH 106/KH-ĐHCĐ scanned) is a mark, not a 1: a day below 10 is
            # written with its 0 (Nghị định 30/2020, Phụ lục I), and '|]' still reads 11
            day = None
        if day is None or month is None or year is None:
            header.warnings.append(f"[date] the date line is not filled in: {text[:70]!r}")
            if month is not None and year is not None and 1 <= month <= 12:
                header.month_start = dt.date(year, month, 1).isoformat()
            elif year is not None and 1990 <= year <= 2100:
                # 'Lào Cai, ngày tháng năm 2026' (a draft for the văn thư to fill): its year is the
                # document's, in which a deadline without one falls (spec)
                header.year_start = dt.date(year, 1, 1).isoformat()
            return
        try:
            header.date = dt.date(year, month, day).isoformat()
            header.evidence["date"] = lines.span(ref, match.start(), min(match.end(), len(ref.text)))
        except ValueError:
            header.warnings.append(f"[date] {day}/{month}/{year} is not a date: {text[:70]!r}")
        return
    header.warnings.append("[date] no place-and-date line in the header")


def _one_stroke(day: str) -> bool:
    """Whether a day field is a single mark that OCR could take for a 1 ('|', 'l', 'I')."""
    marks = day.strip(" .…_")
    return len(marks) == 1 and not marks.isdigit()


def _passed_on(lines: Lines, header: Header, rules: Rules) -> None:
    """The day a law or a resolution of the Quốc hội or its Ủy ban Thường vụ was passed, its date
    where it prints no place-and-date line ('Nghị quyết này được Ủy ban Thường vụ Quốc hội ...
    thông qua ngày 26 tháng 9 năm 2025', NQ 105/2025/UBTVQH15; 'Luật này được Quốc hội ... thông
    qua ngày ...', every law): rules/header.json passed_on."""
    pattern = rules.pattern("passed_on")
    for ref in reversed(lines.refs):
        match = pattern.search(ref.text)
        if match:
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            header.date = day.isoformat()
            header.evidence["date"] = lines.span(ref, match.start("d"), match.end("y"))
            header.warnings[:] = [w for w in header.warnings if not w.startswith("[date] no place-and-date")]
            return


def _date_inside(text: str, rules: Rules) -> regex.Match | None:
    """A date line printed after other header text on the same line (columns not split; a
    page copied flat: 'Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH ...', QĐ
    435/QĐ-UBND Kon Tum as thuvienphapluat.vn prints it)."""
    date_line = unanchored(rules.pattern("date_line"))
    for match in regex.finditer(r"(?<=\s)(?=\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}\s*,?\s*ngày)", text):
        found = date_line.match(text, match.start())
        if found:
            return found
    return None


def _type_name(text: str, rules: Rules):
    stripped = text.strip().rstrip(":").strip()
    if not is_caps(stripped):
        return None
    # OCR misreads diacritics ('QUYÉT ĐỊNH'): compare the bare letters
    key = bare(stripped)
    for doc_type in rules.doc_types:
        if bare(doc_type.name) == key:
            return doc_type
    return None


def _type_and_title(zone: list[Ref], header: Header, lines: Lines, rules: Rules) -> None:
    after = zone[-1].index + 1 if zone else 0
    # 'QUYẾT ĐỊNH:' after the grounds opens the operative articles; the type name stands
    # alone, without a colon, under the header (a header zone that ran on over the issuing
    # authority's line 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' may hold it)
    named = [(ref, found) for ref in [*zone, *lines.refs[after:after + 12]] if (found := _type_name(ref.text, rules))]
    if named:
        ref, found = min(named, key=lambda pair: pair[0].text.strip().endswith(":"))  # the first without a colon
        header.doc_type = found.name
        header.evidence["doc_type"] = lines.span(ref)
        _title_after(ref, header, lines, rules)
        return
    # a công văn prints no type name: its trích yếu is the 'V/v' under the number
    for ref in zone + lines.refs[after:after + 3]:
        match = rules.pattern("vv").search(ref.text)
        # 'Về việc' in full names a công văn's subject only in the header's zone: below it, a
        # line may begin so in the body
        if match and (match.group("vv").startswith("V/v") or ref in zone):
            header.doc_type = rules.table("doc_types")["cong_van"]
            parts = [match.group("vv")]
            # a trích yếu in the header's narrow column may wrap over six lines (CV 7432/UBND-XD
            # Lào Cai: 'V/v triển khai thực hiện Quyết định số' ... 'đảm yêu cầu về phòng cháy và
            # chữa cháy'); it ends at the column's end, a rule or the body
            for nxt in lines.refs[ref.index + 1:ref.index + 8]:
                if nxt.block != ref.block or _is_header_line(nxt.text, rules) or \
                        rules.pattern("rule_line").match(nxt.text) or rules.pattern("body_start").match(nxt.text):
                    break
                if ref.block == "body":
                    break
                parts.append(nxt.text)
            header.title = clean_value(" ".join(parts))
            header.evidence["title"] = lines.span(ref, match.start("vv"))
            header.title_end = ref.index
            return
    if _type_and_title_on_one_line(zone, after, header, lines, rules):
        return
    if header.number:
        parts = regex.split(r"[-/]", header.number)
        if len(parts) >= 2:
            code = parts[1] if not parts[1].isdigit() else (parts[2] if len(parts) > 2 else "")
            found = rules.doc_type_by_code(code)
            if found:
                header.doc_type = found.name
                header.warnings.append(f"[doc_type] no type line; taken from the code {code} of the number")
    header.warnings.append("[title] no trích yếu found under the header")


def _type_and_title_on_one_line(zone: list[Ref], after: int, header: Header, lines: Lines, rules: Rules) -> bool:
    """A document without a type line of its own and without a 'V/v' may print its type and
    its trích yếu on one line in capitals under the header ('NỘI QUY LỚP HỌC TRỰC TUYẾN' of THPT
    Huỳnh Thúc Kháng; 'KẾ HOẠCH TỔ CHỨC HỘI THI ...' typed on one line in a school's plan): the
    type is the line's first words, the title the rest of it."""
    for ref in [*zone, *lines.refs[after:after + 12]]:
        text = ref.text.strip()
        if not is_caps(text) or _authority_line(text, rules):
            continue
        words = text.split()
        for n in range(min(4, len(words) - 1), 0, -1):
            found = _type_name(" ".join(words[:n]), rules)
            if found and found.name != rules.table("doc_types")["cong_van"] and len(words) - n >= 2:
                header.doc_type = found.name
                header.evidence["doc_type"] = lines.span(ref)
                start = ref.text.find(words[n])
                header.title = clean_value(ref.text[start:])
                header.evidence["title"] = lines.span(ref, start)
                header.title_end = ref.index
                return True
    return False


def _title_after(type_ref: Ref, header: Header, lines: Lines, rules: Rules) -> None:
    parts: list[Ref] = []
    for ref in lines.refs[type_ref.index + 1:type_ref.index + 9]:
        text = ref.text.strip()
        if ref.block.startswith("header") and ref.block != type_ref.block:
            continue  # the other column of the header, read after the type line's column
        if not text or rules.pattern("rule_line").match(text):
            break
        if rules.pattern("body_start").match(text) and (parts or not rules.pattern("title_opener").match(text)):
            break
        if parts and (_authority_line(text, rules) or (is_caps(text) and not is_caps(parts[-1].text))):
            break  # the decider under a trích yếu in sentence case: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'
        if parts and _names_issuer(text, parts[-1].text, header):
            # a council decides in its own name, printed under the trích yếu in capitals as the
            # trích yếu is ('... TRÊN ĐỊA BÀN TỈNH CAO BẰNG' / 'HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG' /
            # 'KHÓA XVII KỲ HỌP THỨ 8', NQ 33/2022/NQ-HĐND Cao Bằng; NQ 11/2025/NQ-HĐND Hà Nội)
            break

        if len(parts) >= 1 and not is_caps(text) and is_caps(parts[-1].text) and len(text) > 80:
            break
        if parts and len(text) > 120 and not is_caps(text) and _SENTENCE_INSIDE.search(text):
            # a trích yếu holds no full stop inside it: a long line with a sentence ended in its
            # middle is the body's first paragraph ('Về việc treo cờ Tổ quốc' / 'Nhân dịp Đại hội
            # ..., nhiệm kỳ 2026 -2031. Ủy ban nhân dân thành phố Hà Nội đề nghị ...', TB
            # 453/TB-UBND Hà Nội, one document so far); a trích yếu in capitals may list documents
            # with semicolons ('... NĂM 2024; SỐ 02/NQ-CP NGÀY 05/01/2024 ...', QĐ 59/QĐ-BTNMT)
            break
        parts.append(ref)
        # a semicolon at a line's end may part the bodies a trích yếu lists ('... thuộc thẩm quyền giải quyết
        # của Sở Giao thông vận tải;' / 'Sở Xây dựng; Ủy ban nhân dân cấp huyện;' / 'Ủy ban nhân dân cấp xã
        # trên địa bàn tỉnh Bạc Liêu (Lĩnh vực: Đường bộ)', the scan of QĐ 209/QĐ-UBND Bạc Liêu): the lines
        # after it end the title only as any line does
        if text.endswith(".") or len(" ".join(p.text for p in parts)) > 400:
            break
    if not parts:
        header.warnings.append("[title] the type line is not followed by a trích yếu")
        return
    if _authority_line(parts[0].text, rules):
        header.warnings.append("[title] the type line is followed by the issuing authority, not a trích yếu")
        return
    header.title = clean_value(" ".join(p.text for p in parts))
    header.evidence["title"] = lines.span(parts[0])
    header.title_end = parts[-1].index


_SENTENCE_INSIDE = regex.compile(r"[\p{Ll}\d][.;]\s+\p{Lu}")  # a sentence's end, then the next one's start


def _names_issuer(text: str, before: str, header: Header) -> bool:
    """Whether a line is the issuer's own name, not the next line of a trích yếu that ends on
    'của', 'cho' or the like ('... QUY CHẾ LÀM VIỆC CỦA' / 'ỦY BAN NHÂN DÂN TỈNH ...')."""
    if header.issuer is None or not is_caps(text):
        return False
    name = squash(header.issuer.name)
    if len(name) < 6 or not squash(text).startswith(name):
        return False
    return not regex.search(r"(?i)(?<!\p{L})(?:của|cho|với|về|và|tại|thuộc|đối\s+với)\s*$", before.strip())


def _authority_line(text: str, rules: Rules) -> bool:
    """'BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH': the decider's line."""
    if not is_caps(text):
        return False
    head = squash(text)
    return any(head.startswith(squash(t)) for t in rules.units.signer_titles)


def _issuer(zone: list[Ref], header: Header, lines: Lines, rules: Rules) -> None:
    names: list[str] = []
    first: Ref | None = None
    for ref in zone:
        if ref.block == "header-right":
            continue
        text = ref.text
        qh = rules.pattern("quoc_hieu").search(text)
        if qh:
            text = text[:qh.start()]
        if rules.pattern("number_line").match(text) or rules.pattern("vv").match(text.strip()):
            break
        if rules.pattern("date_line").search(text):
            continue
        text = regex.sub(r"[\s\-_–—=.*]{3,}$", "", text).strip()
        if not text or rules.pattern("rule_line").match(text) or not is_caps(text):
            continue
        names.append(text)
        first = first or ref
    if not names:
        return
    start = 0
    for i, name in enumerate(names):
        if any(squash(name).startswith(squash(h)) for h in rules.units.issuer_heads):
            start = i
    name = clean_value(" ".join(names[start:]))
    parent = clean_value(" ".join(names[:start])) or None
    split = rules.units.split_issuer(name) if parent is None else None
    if split:  # 'UBND TỈNH NGHỆ AN SỞ GIÁO DỤC VÀ ĐÀO TẠO' on one line (units.issuer_in_one_line)
        parent, name = split
    code = issuer_code(header.number, rules) if header.number else None
    header.issuer = Issuer(name=name, parent=parent, code=code)
    if first is not None:
        header.evidence["issuer"] = lines.span(first)


_ATTACHED_TO = regex.compile(r"(?i:kèm\s+theo)\s+(?:\p{L}+\s+){1,3}?số\s*:?\s*(?P<number>[\w/.&-]+(?:\s*/\s*[\w.&-]+)*)"
                            r"\s*,?\s+ngày\s+(?P<date>\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"
                            # the body that issued it, past the head who signs for it ('của Bộ trưởng Bộ
                            # Giáo dục và Đào tạo', QĐ 1819/QĐ-BGDĐT: the Bộ's decision); the Thủ tướng
                            # issues in his own name ('của Thủ tướng Chính phủ', QĐ 748/QĐ-TTg)
                            r"(?:\s+của\s+(?:(?:Bộ\s+trưởng|Chủ\s+tịch)\s+(?=\p{Lu}))?(?P<issuer>(?:(?:Ủy|Uỷ)\s+ban\s+"
                            r"nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Bộ(?!\s+trưởng)|Sở|Phòng|Trường"
                            r"|Thủ\s+tướng\s+Chính\s+phủ)(?:\s+[^()\n]{1,60}?)?)\s*\))?")


def date_of_attachment(lines: Lines, number: str) -> tuple[str | None, Ref | None]:
    """The day a document whose date line is lost prints over its appendix or attached plan:
    '(Kèm theo Quyết định số 1819/QĐ-BGDĐT ngày 22 tháng 6 năm 2023 của Bộ trưởng ...)' (QĐ
    1819/QĐ-BGDĐT), '(Kèm theo Kế hoạch số: 145/KH-UBND ngày 19/6/2023 của UBND Yên Bái)' (KH
    145/KH-UBND Yên Bái), the two pages saved without their header. Only the document's own
    number dates it: an appendix may say what it goes with elsewhere."""
    for match, ref in _attached_to(lines, number):
        day = parse_date(match["date"])
        return (day, ref) if day else (None, None)
    return None, None


ISSUED_WITH_LINES = 2  # how near under its title an attachment says what it was issued with


def issued_with(lines: Lines, title_end: int) -> tuple[str, str, Ref] | None:
    """The decision a document with no number of its own was issued with, as the line under its
    title says: 'QUY TRÌNH QUẢN LÝ VĂN BẢN' / '(Ban hành kèm theo Quyết định số: 148/QĐ-CTHADS ngày
    30/8/2023 của Cục trưởng Cục Thi hành án dân sự tỉnh Tuyên Quang)' (one document so far). A
    Quy trình, Quy chế or Quy định so issued bears that decision's day; the decision is the act that
    issues it, no document it cites. (its day, its number, the line)"""
    for ref in lines.refs[title_end + 1:title_end + 1 + ISSUED_WITH_LINES]:
        match = _ATTACHED_TO.search(ref.text)
        day = parse_date(match["date"]) if match and ref.text.lstrip().startswith("(") else None
        if day:
            return day, match["number"], ref
    return None


def _attached_to(lines: Lines, number: str) -> Iterator[tuple[regex.Match, Ref]]:
    """The 'Kèm theo ... số N ngày ...' headings that name the document's own number, in order."""
    own = regex.sub(r"\s+", "", number).casefold()
    for ref in lines:
        for match in _ATTACHED_TO.finditer(ref.text):
            if regex.sub(r"\s+", "", match["number"]).casefold() == own:
                yield match, ref


def issuer_of_attachment(lines: Lines, number: str | None) -> tuple[Issuer | None, str | None]:
    """The body a document whose header is lost names as its issuer over its appendix, on the line
    that dates it: '(Kèm theo Quyết định số 1255/QĐ-UBND ngày 19/6/2023 của UBND tỉnh Quảng Nam)'
    (QĐ 1255/QĐ-UBND Quảng Nam), '(Kèm theo Quyết định số: 22/2023/QĐ-UBND ngày 23 tháng 6 năm 2023
    của Ủy ban nhân dân tỉnh Đắk Nông)' (QĐ 22/2023/QĐ-UBND Đắk Nông), the crawled copies saved
    without their header. Only the document's own number names it (date_of_attachment)."""
    if not number:
        return None, None
    for match, _ in _attached_to(lines, number):
        if match["issuer"]:
            return Issuer(name=" ".join(match["issuer"].split())), \
                "[issuer] no header: the issuer is the body the appendix's heading names"
    return None, None


def issuer_from_body(lines: Lines, signer_title: str | None, rules: Rules) -> tuple[Issuer | None, str | None]:
    """When the header is lost (seed 000), the signer's office names the kind of body and
    the body text names it in full ('Phòng Giáo dục và Đào tạo xây dựng ... Kế hoạch')."""
    if not signer_title:
        return None, None
    unit = None
    folded = squash(signer_title)
    for title, word in rules.units.signer_units:
        if folded.endswith(squash(title)):
            unit = word
    if unit is None:
        return None, None
    # the full sector name wins over an abbreviation met earlier ('Sở GDĐT' in a list)
    for sector in sorted(rules.units.sectors, key=len, reverse=True):
        pattern = regex.compile(rf"(?<!\p{{L}})({regex.escape(unit)}\s+{regex.escape(sector)})(?!\p{{L}})")
        for ref in lines:
            match = pattern.search(ref.text)
            if match:
                return Issuer(name=match.group(1)), \
                    "[issuer] no header: the issuer is taken from the body and the signer's office"
    return None, None


PREAMBLE_LINES = 40  # the preamble of a plan whose header is lost: its first paragraphs


def issuer_from_preamble(lines: Lines, rules: Rules) -> tuple[Issuer | None, str | None]:
    """When the header is lost and no signer names the office (the crawled copies of plans), the
    preamble names who issues the plan: '..., Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch ...'
    (header.json self_named)."""
    pattern = rules.pattern("self_named")
    for ref in lines.refs[:PREAMBLE_LINES]:
        match = pattern.search(ref.text)
        if match:
            return Issuer(name=" ".join(match["issuer"].split())), \
                "[issuer] no header: the issuer is taken from the preamble, where the plan names who issues it"
    return None, None

