"""Crawled copies: the parts of a header or a closing run together on one line.

A page of a legal-text site saved as text by a crawler loses the line breaks of the page's
layout. The place and date, the type name, the trích yếu and the decider then share one line
('Hà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH ... NĂM 2015 BỘ TRƯỞNG BỘ TƯ
PHÁP', QĐ 173/QĐ-BTP; 'Số: 1056/QĐ-CT Tuyên Quang, ngày 16 tháng 8 năm 2010 QUYẾT ĐỊNH ... CHỦ
TỊCH UỶ BAN NHÂN DÂN TỈNH', QĐ 1056/QĐ-CT Tuyên Quang; 'Hà Nội, ngày 05 tháng 04 năm 2019 Kính
gửi: Bộ Kế hoạch và Đầu tư.', CV 2739/VPCP-ĐMDN), and the signer follows the archive line or
runs on into the plan the decision issues ('- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ
NHIỆM Mai Tiến Dũng'; 'KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI ...').

Such a line is cut back into the lines a printed page has, so that the readers after find each
part where they look for it. The cuts are narrow: in the header's first lines a line is cut
after a place and date only when a capital follows, and only what follows that date is cut
again at its type name, its decider and its grounds; in the closing an archive line is cut
before the signer's office, and a signer's name before a type name in capitals. A line an
office typed whole stays whole. The site's own notes in square brackets ('[... được hướng dẫn
bởi Công văn 4530/NHCS-TDNN ...]', rules/ingest.json site_notes) are no words of the document and
are dropped.
"""

from __future__ import annotations

import functools

import regex

from ..grammar import phrases
from ..normalise import is_caps
from ..record import AUTHORITIES
from ..rules import Rules, unanchored

HEADER_LINES = 12  # the lines of a first page that may hold the header's parts

_NUMBER_LEAD = regex.compile(r"^\s*Số\s*:?\s*\S+\s+")  # 'Số: 1056/QĐ-CT ' before the place
_ADDRESSEE = regex.compile(r"(?<=\S)\s+(?=Kính\s+gửi\s*:)")
_GROUNDS = regex.compile(r"\s+(?=(?:Căn\s+cứ|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị)\s)")
_LABEL_ALONE = regex.compile(r"^\s*\d{1,2}[.)]?\s*$")
_OWN_LABEL = regex.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s")  # '2. ', '2.1. ', 'a) ' open an item
_ARCHIVE = regex.compile(r"^\s*[-–•+]?\s*Lưu\b")
_RULE = regex.compile(r"[-–_=*.]{3,}")  # the rule printed under a name ('--------')
_PERSON = regex.compile(r"(?:\p{Lu}\p{Ll}+\s+){1,4}\p{Lu}\p{Ll}+")
_BEFORE_OFFICE = regex.compile(r"(?<!\p{L})(?:CỦA|CHO|VỚI|VÀ|VỀ|ĐỐI\s+VỚI)\s*$")


def split_run_ons(lines: list[tuple[str, str]], rules: Rules, header: bool = True) -> list[tuple[str, str]]:
    """(text, block) lines of a text page with each run-on body line of the closing cut apart,
    and of the header too on a first page (`header`); a table's lines stay as they are."""
    out: list[tuple[str, str]] = []
    seen = 0
    names: list[str] = []  # the bodies named in capitals at the head of the page, the issuer among them
    label = ""  # a number alone on its line: the label of the line after it
    for text, block in lines:
        seen += bool(text.strip())
        if block != "body":
            out.append((text, block))
            continue
        if _LABEL_ALONE.match(text):
            # '3' / '- Uỷ ban nhân dân các huyện, thành phố:' (QĐ 1056/QĐ-CT Tuyên Quang): the
            # crawler put the item's number on a line of its own
            label += text.strip() + " "
            continue
        if label and text.strip():
            if _OWN_LABEL.match(text):
                # '3' / '2. Hướng dẫn, kiểm tra việc thực hiện ...' (QĐ 87/2026/QĐ-UBND Đồng Tháp,
                # its text layer): a line that opens with its own label has no label above it,
                # the number alone after a page's end is the page's number
                label = ""
            text, label = label + text.lstrip(), ""
        if rules.ingest.site_notes is not None:
            text = rules.ingest.site_notes.sub("", text)
        in_header = header and text.strip() and seen <= HEADER_LINES
        pieces = _header_pieces(text, rules, names) if in_header else [text]
        if in_header and is_caps(name := _RULE.sub("", text).strip()):
            names.append(name)
        out.extend((cut, block) for piece in pieces for cut in _closing_pieces(piece, rules))
    if label:
        out.append((label.strip(), "body"))
    return out


def _header_pieces(text: str, rules: Rules, names: list[str]) -> list[str]:
    parts = [p for p in _ADDRESSEE.split(text) if p.strip()] or [text]
    out: list[str] = []
    for part in parts:
        lead = _NUMBER_LEAD.match(part)
        found = unanchored(rules.pattern("date_line")).search(part, lead.end() if lead else 0)
        rest = part[found.end():].strip() if found else ""
        if not found or not rest[:1].isupper() or (found.start() > 0 and not lead):
            out.append(part)
            continue
        if found.start() > 0:
            out.append(part[:found.start()].rstrip())
        out.append(part[found.start():found.end()])
        out.extend(_after_date(rest, rules, names))
    return out


def _after_date(rest: str, rules: Rules, names: list[str]) -> list[str]:
    """What ran on after the date: the type name, the trích yếu, the decider, the grounds."""
    pieces = _GROUNDS.split(rest, maxsplit=1)
    head, grounds = pieces[0], pieces[1:]
    if not is_caps(head):
        return [rest]
    out = []
    kind = _type_at_start(head, rules)
    if kind:
        out.append(head[:kind])
        head = head[kind:].strip()
    decider = _decider_at(head, rules, names)
    out += [head[:decider].rstrip(), head[decider:]] if decider else [head]
    return [p for p in out if p] + grounds


def _type_at_start(text: str, rules: Rules) -> int:
    """The end of a type name in capitals that opens `text` and is followed by more words."""
    for name in sorted((d.name.upper() for d in rules.doc_types), key=len, reverse=True):
        found = regex.match(phrases([name]) + r"(?=\s+\S)", text)
        if found:
            return found.end()
    return 0


def _decider_at(text: str, rules: Rules, names: list[str]) -> int:
    """Where the decider's line begins at the end of a trích yếu in capitals: the last office of
    the rules' signer titles ('... TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH', QĐ 1056/QĐ-CT
    Tuyên Quang), or a body named at the head of the page that decides in its own name ('...
    TRONG TÌNH HÌNH MỚI” ỦY BAN NHÂN DÂN TỈNH KON TUM', QĐ 435/QĐ-UBND Kon Tum), that heads at
    most ten words to the end, after a word that does not tie it to the title ('... CỦA THỦ
    TƯỚNG CHÍNH PHỦ' is the title's); 0 when there is none."""
    best = 0
    for title in [*rules.units.signer_titles, *names]:
        if title.startswith("PHÓ") or len(title.split()) < 2:
            continue  # a deputy decides for the head, and one word ('CHÁNH') is too loose
        for found in regex.finditer(r"(?<=\s)(?:" + phrases([title]) + r")(?=\s|$)", text):
            tail, head = text[found.start():], text[:found.start()]
            if len(tail.split()) <= 10 and len(head.split()) >= 2 and not _BEFORE_OFFICE.search(head):
                best = max(best, found.start())
    return best


def _closing_pieces(text: str, rules: Rules) -> list[str]:
    cut = _signer_after_archive(text, rules) if _ARCHIVE.match(text) else 0
    if cut:
        # the office and the name, each on its line as the page prints them
        name = _PERSON.search(text, cut)
        return [text[:cut].rstrip(), text[cut:name.start()].rstrip(), text[name.start():]]
    signer = _signer_then_paper(text, rules)
    return [text[:signer].rstrip(), text[signer:]] if signer else [text]


@functools.cache
def _office_pattern(titles: tuple[str, ...]) -> regex.Pattern:
    """An office in capitals, after an authority mark or not ('KT. BỘ TRƯỞNG', 'CHỦ TỊCH')."""
    marks = "|".join(regex.escape(a) for a in AUTHORITIES)
    offices = phrases(titles)
    return regex.compile(rf"(?:(?:{marks})\s*)?(?:{offices})(?!\p{{L}})")


def _signer_after_archive(text: str, rules: Rules) -> int:
    """Where the signer's office begins on an archive line ('- Lưu: VT, ĐMDN (2b). Trung Anh
    BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng'): an office in capitals followed by a person's name to
    the end of the line; 0 when the line is the archive alone."""
    for found in _office_pattern(rules.units.signer_titles).finditer(text):
        if found.start() == 0 or not text[found.start() - 1].isspace():
            continue
        rest = text[found.start():]
        name = _PERSON.search(rest)
        if name and name.end() == len(rest.rstrip()) and is_caps(rest[:name.start()]):
            return found.start()
    return 0


def _signer_then_paper(text: str, rules: Rules) -> int:
    """Where a paper's type name in capitals begins after a signer's block on its line ('KT. BỘ
    TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI ...'): the plan the decision issues
    begins there; 0 when the line holds no such run-on."""
    office = _office_pattern(rules.units.signer_titles).match(text.strip())
    if not office:
        return 0
    start = len(text) - len(text.lstrip())
    for name in _PERSON.finditer(text, start + office.end()):
        if not is_caps(text[start:name.start()]):
            return 0
        after = text[name.end():].lstrip()
        if _type_at_start(after, rules) and is_caps(after.split("(")[0]):
            return len(text) - len(after)
        return 0
    return 0
