"""The closing of a dispatch: the Nơi nhận block (recipients) and the signature (signer).

In the official layout both sit in one borderless table, Nơi nhận left and the signer
right; the reader hands them over as footer blocks. In text that lost the table they
follow each other: the recipients end with the `Lưu:` line, the signer comes after.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

import regex

from ..names import NameReading
from ..record import AUTHORITIES, Recipient, Signer, Span
from ..rules import Rules
from .base import Lines, Ref, bare, clean_value, is_caps, squash

# OCR loses the N and misreads the marks ('Nơi nhân:', 'ơi nhận')
NOI_NHAN = regex.compile(r"^\s*(?:N|\p{L}(?=ơ))?[ơoớờ]i\s+nh[ậaâấầ]n\s*[:.]?\s*", regex.IGNORECASE)
KINH_GUI = regex.compile(r"^\s*Kính\s+gửi\s*[:.]?\s*(?:\|\s*)?", regex.IGNORECASE)
_LUU = regex.compile(r"^\s*Lưu\s*[:.]?\s*(?=\S)")
_ITEM = regex.compile(r"^\s*[-+•–*]\s*")
_AUTHORITY = regex.compile(r"^\s*(KT|TL|TM|TUQ|Q)\s*\.\s*")
_SEAL_DEBRIS = regex.compile(r"^[^\p{Lu}\s]{1,3}\s+(?P<office>\p{Lu}{2,}(?:\s+\p{Lu}{2,})+)$")  # 'vo THỨ TRƯỞNG'
_AUTHORITY_OCR = regex.compile(r"^\s*(K[Tf])\s*[.,]\s*")  # a scan reads 'KT.' as 'Kf.' or 'KT,'
_SIGNED = regex.compile(r"^\(?\s*(?:đã\s+ký|ký\s+tên.*|ký,?\s+ghi\s+rõ.*|chữ\s+ký.*|ký\s+bởi.*)\s*\)?$",
                        regex.IGNORECASE)
_SIGNED_MARK = regex.compile(r"\(\s*(?:đã\s+ký(?:\s+và\s+đóng\s+dấu)?|ký\s+tên,?\s+đóng\s+dấu)\s*\)", regex.IGNORECASE)
_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4}$")
# the text a digital signature's widget prints into the text layer: who signed as a body, its
# address and e-mail, the signing time ('Người ký: Sở Giáo dục / và Đào tạo / Email: ... / Cơ quan:
# Tỉnh An / Giang', KH 1070/KH-SGDĐT An Giang; 'Ký bởi Sở Giáo dục và Đào tạo / Thành phố Hà Nội /
# ... / Giờ ký: 2020-12-16T17:30:18+07:00', CV 4424/SGDĐT-CTTT Hà Nội; 'Phòng Giáo dục và Đào tạo /
# Huyện Long Điền, Tỉnh Bà Rịa - Vũng Tàu / 06-05-2020 08:49:34 +07:00', CV 334/PGDĐT-GDTrH)
_WIDGET = regex.compile(r"(?:Người\s+ký|Cơ\s+quan|Email|E-mail)\s*:|Ký\s+bởi|Giờ\s+ký|@|\d{1,2}:\d{2}:\d{2}")
# compared on bare letters: OCR prints 'Như Điêu 3'
# 'Như Điều 3' also as OCR reads it: 'Như Điều3', or with the number lost; OCR may join the words
# ('- Nhưtrên', CV 2265/BCT-ATMT scanned)
# '(để thực hiện)', '(t/h)', '(th/h)': sent to act; 'Như trên', 'Như kính gửi', 'Như Điều 3': the
# addressees themselves (CV 459/PGD&ĐT and KH 20/KH-PGD&ĐT Hiệp Hòa write 'Như kính gửi', '(để th/h)')
_ACTION_TAG = regex.compile(r"\(\s*(?:DE\s+)?(?:T/H|TH/H|TH|THUC\s+HIEN|T/HIEN)\s*\)"
                            r"|^NHU\s*(?:TREN|KINH\s*GUI|DIEU(?!\p{L}))")


@dataclass
class Closing:
    recipients: list[Recipient] = field(default_factory=list)
    signer: Signer | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    start: int | None = None  # index of the first line of the closing (Nơi nhận or signer)
    lines: set[int] = field(default_factory=set)  # every line of the closing


def extract_closing(lines: Lines, rules: Rules, issuer: str | None = None,
                    on: date | None = None) -> Closing:
    """Recipients and signer; `issuer` and `on` (the document's date) tell whose known
    signers a name read by OCR may be (rules/names.json)."""
    closing = Closing()
    left, right = _footer_blocks(lines, rules)
    if left or right:
        items = _list_begun_above(left, lines) + left
        signer_lines = right
        closing.start = min(r.index for r in left + right)
    else:
        items, signer_lines = _stacked(lines, rules)
        if items or signer_lines:
            closing.start = (items or signer_lines)[0].index
    closing.lines = {r.index for r in items} | {r.index for r in signer_lines}
    closing.recipients = _recipients(items, lines, closing)
    if not closing.recipients:
        closing.recipients = _kinh_gui(lines)
        if closing.recipients:
            closing.warnings.append("[recipients] no Nơi nhận block: the Kính gửi addressees are listed")
    closing.signer = _signer(signer_lines, lines, closing, rules, issuer, on)
    if closing.signer is None:
        closing.warnings.append("[signer] no signature block found")
    return closing


def _footer_blocks(lines: Lines, rules: Rules) -> tuple[list[Ref], list[Ref]]:
    """The first Nơi nhận/signer table: a dispatch with an attached plan has one per part.
    A table whose row breaks across a page goes on at the top of the next one, column by
    column again: its parts there belong to the same columns. Two columns before it that hold
    neither a Nơi nhận nor a signer's office are some other table laid out alike (the staff
    table of KH 145/KH-THCSTT Lai Vung: '1 Võ Văn Long' | 'Hiệu trưởng Chỉ đạo chung'); when
    no pair of columns holds either, the first is taken as before."""
    groups: list[tuple[list[Ref], list[Ref]]] = []
    left: list[Ref] = []
    right: list[Ref] = []
    for ref in lines:
        turned = bool(right) and ref.line.page > right[-1].line.page
        if ref.block in ("footer-left", "footer-right"):
            # a column that starts again after a gap below the table, on the same page
            ended = bool(left and right and ref.index > right[-1].index + 1 and not turned)
        else:
            ended = bool((left or right) and ref.text)
        if ended:
            groups.append((left, right))
            left, right = [], []
        if ref.block == "footer-left":
            left.append(ref)
        elif ref.block == "footer-right":
            right.append(ref)
    if left or right:
        groups.append((left, right))
    if not groups:
        return [], []
    return next((g for g in groups if any(NOI_NHAN.match(r.text) for r in g[0])), groups[0])


def _list_begun_above(left: list[Ref], lines: Lines) -> list[Ref]:
    """The first items of a Nơi nhận laid out as body text above the table's columns: where the
    signer's column starts lower down, a scan's layout sees two columns only from there, and the
    list's first lines ('Nơi nhận:', '- Ban Bí thư Trung ương Đảng;' ... of QĐ 146/QĐ-TTg, eight
    of its eighteen) come before them, with a seal's specks between ('+', '" —....'). Taken when
    the left column holds no 'Nơi nhận' and one opens a body line just above it."""
    if not left or any(NOI_NHAN.match(r.text) for r in left):
        return []
    first = left[0].index
    above = lines.refs[max(0, first - 30):first]
    start = next((i for i in range(len(above) - 1, -1, -1) if NOI_NHAN.match(above[i].text)), None)
    if start is None:
        return []
    taken = [r for r in above[start:] if regex.search(r"\p{L}{2}", r.text)]  # a seal's specks are no item
    if any(r.block != "body" or not (NOI_NHAN.match(r.text) or _ITEM.match(r.text)) for r in taken):
        return []  # text between that is no item: another part of the page
    return taken


def _stacked(lines: Lines, rules: Rules) -> tuple[list[Ref], list[Ref]]:
    """Nơi nhận and signer printed one after the other (no columns)."""
    start = next((r.index for r in lines if NOI_NHAN.match(r.text)), None)
    items: list[Ref] = []
    after = start
    if start is not None:
        for ref in lines.refs[start:start + 30]:
            if ref.index > start and _signer_like(ref.text, rules) and not _ITEM.match(ref.text):
                break
            items.append(ref)
            after = ref.index + 1
            if is_archive_line(ref.text):
                break
    else:
        # no Nơi nhận: look for the signature near the end of the body
        tail = [r for r in lines.refs[-12:]]
        for ref in tail:
            if _AUTHORITY.match(ref.text) or (is_caps(ref.text) and _signer_like(ref.text, rules)):
                after = ref.index
                break
        if after is None:
            return [], []
    items, offices = _column_run_in(items, rules)
    signer_lines: list[Ref] = offices
    for ref in lines.refs[after:after + 8]:
        text = ref.text.strip()
        if (_signer_like(text, rules) or _SIGNED.match(text) or _NAME.match(text) or _AUTHORITY.match(text)
                or _office_then_name(text, rules)):
            signer_lines.append(ref)
            if _NAME.match(text) and not is_caps(text):
                break
        elif signer_lines:
            break
    return items, signer_lines


def _column_run_in(items: list[Ref], rules: Rules) -> tuple[list[Ref], list[Ref]]:
    """The Nơi nhận lines less the signature column a text layer ran into them, and that
    column's office lines: a signed PDF read line by line prints both columns on one line
    ('Nơi nhận: KT. GIÁM ĐỐC', '- Giám đốc, Phó Giám đốc Sở GDĐT (để báo cáo); PHÓ GIÁM ĐỐC', CV
    3635/SGDĐT-GDPT Đồng Tháp; '...; KT. CHỦ TỊCH PHÓ CHỦ TỊCH', KH 831/KH-UBND Đồng Tháp)."""
    kept: list[Ref] = []
    offices: list[Ref] = []
    for ref in items:
        tail = _RUN_IN_OFFICE.search(ref.text)
        if tail and tail.start() > 0 and _signer_like(tail["office"], rules):
            kept.append(Ref(ref.index, replace(ref.line, text=ref.text[:tail.start()].rstrip()), ref.offset))
            # 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH': two lines of the column run into one, parted at the deputy word
            above, own = _split_flat(tail["office"], rules)
            offices += [Ref(ref.index, replace(ref.line, text=office), ref.offset + tail.start("office"))
                        for office in (above, own) if office]
        else:
            kept.append(ref)
    return kept, offices


_RUN_ON_ITEMS = regex.compile(r";\s+[-–]\s+")
# an office in capitals at the end of a line, with its authority: the signature column's
_RUN_IN_OFFICE = regex.compile(r"(?<=[\s;:.,)])\s*(?P<office>(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?\p{Lu}{2,}(?:\s+\p{Lu}{2,})+)"
                                r"\s*$")


def _office_then_name(text: str, rules: Rules) -> bool:
    """An office in capitals and the signer's name on one line, as a crawled copy joins the
    signature block's lines ('BỘ TRƯỞNG Đặng Quốc Khánh' under the Nơi nhận of QĐ 59/QĐ-BTNMT;
    with its authority, 'KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng', QĐ 173/QĐ-BTP)."""
    name = _TRAILING_NAME.search(text)
    return bool(name) and name.start() > 0 and _signer_like(text[:name.start()].strip(), rules)


_TRAILING_NAME = regex.compile(r"(?<=\s)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$")


def is_archive_line(text: str) -> bool:
    """The Lưu line that ends a Nơi nhận list ('- Lưu: VT, GDTrH.')."""
    return bool(_LUU.match(_ITEM.sub("", text)))


def _signer_like(text: str, rules: Rules, exact: bool = False) -> bool:
    """An upper-case line that names an office of the signature block (`exact`: letter for
    letter, marks included)."""
    if _AUTHORITY.match(text):
        return True
    if not is_caps(text) or len(text) > 80:
        return False
    head = squash(text)
    if any(squash(t) in head for t in rules.units.signer_titles):
        return True
    if exact:
        return False
    # an office of two words or more on bare letters, as whole words: a title mistyped or
    # misread in its marks ('HIỆU TRƯỜNG' for 'HIỆU TRƯỞNG', Nội quy of THPT Huỳnh Thúc Kháng;
    # 'GIAM ĐÓC' from OCR). One word ('PHÓ') is not compared so: bare, it is 'PHỐ' and 'PHỔ' too
    words = f" {bare(text)} "
    return any(f" {bare(t)} " in words for t in rules.units.signer_titles if len(t.split()) >= 2)


def _recipients(items: list[Ref], lines: Lines, closing: Closing) -> list[Recipient]:
    if not items:
        return []
    texts: list[tuple[str, Ref]] = []
    for ref in items:
        text = NOI_NHAN.sub("", ref.text) if NOI_NHAN.match(ref.text) else ref.text
        if text.strip():
            texts.append((text, ref))
    dashed = any(_ITEM.match(t) for t, _ in texts)
    entries: list[tuple[str, Ref]] = []
    for text, ref in texts:
        if dashed and not entries and not _ITEM.match(text) and len(regex.findall(r"\p{L}", text)) < 4:
            continue  # 'Nơi nhận: Ạệ.' over the dashes: a mark read with the label, no addressee (QĐ 2442/QĐ-ĐHAG)
        # an item ends at its semicolon: the line after is the next one, its dash lost or moved
        # onto the line above ('- - Như trên;' over 'Chủ tịch UBND tỉnh;' in the text layer of the
        # signed CV 7432/UBND-XD Lào Cai, as a dash the layout sets apart from its item); but a
        # list the item opens with a colon runs on ('- Các đ/c PGĐ: Phạm Văn Đại;' over 'Phạm
        # Xuân Tiến; Nguyễn Quang Tuấn;', TB 1638/SGDĐT Hà Nội)
        closed = (bool(entries) and entries[-1][0].rstrip().endswith(";") and text[:1].isupper()
                  and ":" not in entries[-1][0])
        if not dashed or _ITEM.match(text) or not entries or closed:
            while _ITEM.match(text):  # '- - Như trên;': a dash doubled is one
                text = _ITEM.sub("", text, count=1)
            entries.append((text, ref))
        else:
            entries[-1] = (entries[-1][0] + " " + text, entries[-1][1])
    # items a text layer ran onto one line keep their dashes ('- Bộ Giáo dục và Đào tạo; - CT, các PCT
    # UBND tỉnh; - Các sở, ban, ngành tỉnh;', KH 831/KH-UBND Đồng Tháp)
    entries = [(part, ref) for text, ref in entries for part in _RUN_ON_ITEMS.split(text)]
    out = []
    for text, ref in entries:
        if _LUU.match(text):
            name = clean_value(_LUU.sub("", text)).rstrip(".").strip()
            out.append(Recipient(name=name, role="archive"))
            continue
        name = clean_value(text).rstrip(".").strip()
        if not name:
            continue
        role = "action" if _ACTION_TAG.search(bare(name)) else "info"
        out.append(Recipient(name=name, role=role))
        closing.evidence[f"recipients[{len(out) - 1}]"] = lines.span(ref)
    return out


def _kinh_gui(lines: Lines) -> list[Recipient]:
    """A công văn without Nơi nhận addresses its recipients in 'Kính gửi:' (gold convention)."""
    for ref in lines.refs[:40]:
        match = KINH_GUI.match(ref.text)
        if not match:
            continue
        rest = ref.text[match.end():]
        # '- Bộ Quốc phòng; - Bộ Lao động - Thương binh và Xã hội': with semicolons, a dash
        # inside a name is part of it; without them, ' - ' is what separates the addressees
        separators = r"\s*;\s*-?\s*|^\s*-\s*" if ";" in rest else r"\s+-\s+|^\s*-\s*"
        parts = [p for p in regex.split(separators, rest) if p and p.strip(" -;.")]
        follow = lines.refs[ref.index + 1:ref.index + 8]
        for nxt in follow:
            if not _ITEM.match(nxt.text):
                break
            parts.append(_ITEM.sub("", nxt.text))
        return [Recipient(name=clean_value(p).rstrip(".;"), role="action") for p in parts if clean_value(p)]
    return []


def _signer(signer_lines: list[Ref], lines: Lines, closing: Closing, rules: Rules,
            issuer: str | None, on: date | None) -> Signer | None:
    texts: list[tuple[str, Ref]] = []
    stamp = False
    for ref in signer_lines:
        # '(Đã ký)' in brackets marks where the signature is, inside a block copied onto one
        # line too ('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký) Trần Văn Lộc', a table cell of a copy
        # from the web): the mark goes, the offices and the name stay
        text = " ".join(_SIGNED_MARK.sub(" ", ref.text).split())
        if any(squash(n) in squash(text) for n in rules.units.not_names):
            stamp = True  # a digital-signature stamp: its lines are not the signer's office
            continue
        if not text or _SIGNED.match(text) or (stamp and not _NAME.match(text)):
            continue
        texts.append((text, ref))
    if not texts:
        return None
    # with a signature widget in the block, its lines lie between the offices and the name: the
    # name is the last line that reads as a person's, and an office line the widget's words run
    # into is its capitals ('PHÓ GIÁM Ký ĐỐC bởi Sở Giáo dục và Đào tạo' is 'PHÓ GIÁM ĐỐC')
    widget = any(_WIDGET.search(text) for text, _ in texts)
    last_name = next((text for text, _ in reversed(texts) if _NAME.match(text)), None) if widget else None
    name = None
    reading: NameReading | None = None  # of OCR lines
    offices: list[str] = []
    for text, ref in texts:
        if name is not None:
            break  # the offices stand above the name
        if widget:
            capitals = " ".join(w for w in text.split() if w.isupper())
            if capitals != text and _office(capitals, not offices, False, rules):
                text = capitals
            elif text != last_name and not _office(text, not offices, False, rules):
                continue  # a line of the widget
            elif text == last_name:
                name = text
                continue
        ocr = lines.is_ocr(ref)
        office = _office(text, not offices, ocr, rules) if text else None
        if not office and ocr and (debris := _SEAL_DEBRIS.match(text)):
            # the seal laid over the block reads as a stray mark before an office in capitals ('KT.
            # BỘ TRƯỞNG' / 'vo THỨ TRƯỞNG' / 'Z© À' / 'Trương Thanh Hoài', CV 2265/BCT-ATMT scanned)
            office = _office(debris["office"], not offices, ocr, rules)
        if office:
            offices.append(office)
            continue
        if ocr and offices and rules.names is not None:
            # under the offices, a line OCR garbled may still be the name (the block's last
            # line: a later reading replaces an earlier one); anything else there is the
            # seal and the signature as OCR reads them
            reading = rules.names.read(text, issuer=issuer, title=offices[-1], on=on) or reading
            continue
        if offices and _caps_name(text, rules):
            # a name printed in capitals under the offices ('KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG /
            # NGUYỄN HỮU TUẤN', KH 174/KH-THCSNH Long Điền; 'NGUYỄN BÁ LUÂN', KH 168/KH-THCS Tân
            # Thành): a surname, then name syllables, no office
            name = text
            continue
        # a flattened block 'KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Sinh Hùng' ends with the name
        tail = regex.search(r"(?:\s|^)((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4})$", text)
        if tail and not is_caps(text):
            name = tail.group(1)
            text = text[:tail.start(1)].strip()
        if text:
            office = _office(text, not offices, ocr, rules)
            if office:
                offices.append(office)
    if name is None and reading is not None:
        name = reading.name
        if reading.note:
            closing.warnings.append(reading.note)
    if not offices and not name:
        return None
    authority = on_behalf = title = None
    match = _authority(offices[0], lines.is_ocr(texts[0][1])) if offices else None
    if match:
        authority = match.group(1).upper().replace("F", "T") + "."
        rest = [offices[0][match.end():].strip(), *offices[1:]]
        rest = [r for r in rest if r]
        if len(rest) >= 2:
            on_behalf, title = " ".join(rest[:-1]), rest[-1]
        elif rest:
            on_behalf, title = _split_flat(rest[0], rules)
    elif offices:
        title = " ".join(offices)
        if len(offices) >= 2 and rules.units.is_deputy(offices[-1]):
            on_behalf, title = " ".join(offices[:-1]), offices[-1]
        if rules.units.is_deputy(title):
            # a deputy signs for the head (KT.): the prefix was lost to the seal or the scan
            authority = "KT."
            closing.warnings.append(f"[signer] no authority printed before the deputy's office "
                                    f"{title!r}: read as KT.")
    if authority == "KT." and title and not rules.units.is_deputy(title) and (on_behalf is None or on_behalf == title):
        # only a deputy signs KT.: the head's office read twice, or alone, lost the deputy's line to the
        # seal ('KT.CHU TỊCH' / 'H CH TỊCH', the scan of QĐ 209/QĐ-UBND Bạc Liêu; units.json deputy_of)
        on_behalf, title = title, rules.units.deputy_office(title)
        closing.warnings.append(f"[signer] the deputy's office under 'KT. {on_behalf}' is unreadable: read as {title}")
    if authority not in AUTHORITIES:
        authority = None
    ref = signer_lines[-1]
    if name:
        closing.evidence["signer"] = lines.span(ref)
    return Signer(authority=authority, on_behalf_of=clean_value(on_behalf) if on_behalf else None,
                  title=clean_value(title) if title else None, name=name)


def _authority(text: str, ocr: bool) -> regex.Match[str] | None:
    """KT./TL./TM./Q./TUQ. at the head of an office line; on a scan 'Kf.' is KT."""
    return _AUTHORITY.match(text) or (_AUTHORITY_OCR.match(text) if ocr else None)


def _office(text: str, first: bool, ocr: bool, rules: Rules) -> str | None:
    """The office an upper-case line of the signature block names, or None for a line that
    is not one (seal text, a scribble read as letters). On a scan, an office close to a
    known one is read as that one."""
    text = regex.sub(r"^[^\p{L}]+", "", text)  # OCR puts seal specks before the first letter
    prefix = ""
    match = _authority(text, ocr)
    if match:
        prefix, text = text[:match.end()], text[match.end():]
    if not is_caps(text) and not (prefix and not text):
        return None
    if _signer_like(text, rules, exact=ocr):  # a scan's office is snapped to the known one below
        return prefix + text
    if ocr:
        office = rules.units.office(text)
        return prefix + office if office else (prefix or None)
    return prefix + text if first or prefix else None


def _caps_name(text: str, rules: Rules) -> bool:
    """A person's name written in capitals: three to five words, the first a surname and every
    one a name syllable (rules/names.json), and no office ('ĐÀO TẠO' of a wrapped 'SỞ GIÁO DỤC VÀ
    ĐÀO TẠO' is two name syllables, no name)."""
    words = text.split()
    if rules.names is None or not 3 <= len(words) <= 5 or not is_caps(text) or _signer_like(text, rules):
        return False
    folded = [unicodedata.normalize("NFC", w).casefold() for w in words]
    return folded[0] in rules.names.surnames and all(w in rules.names.syllables for w in folded)


def _split_flat(text: str, rules: Rules) -> tuple[str | None, str | None]:
    """'BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM' → ('BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM'):
    the signer's own office begins at the last deputy word."""
    match = None
    for m in rules.units.deputy.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isspace():
            match = m
    if match:
        return text[:match.start()].strip(" ,"), text[match.start():].strip()
    return None, text
