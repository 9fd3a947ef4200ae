"""Citations between the documents of a batch, and numbers used twice.

Each citation is resolved to a document of the batch by its number's identity (index.py),
else it is external. Findings: the cited number exists with another date; the cited
date, type and issuer match a document whose number differs by a digit; the issuer after
'của' is not the body the number's code names; the cited document is dated after the
citing one; two different documents carry the same number, issuer and year.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..derive.schedule import vn_date
from ..extract.checks import Checker
from ..extract.header import issuer_code
from ..hierarchy import Hierarchy
from ..record import Citation, Finding, Quote, Record
from ..rules import Rules
from .index import Document, NumberIndex, identity


@dataclass(frozen=True)
class Link:
    """A citation and the document of the batch it names (None: external)."""

    citing: Document
    index: int  # the citation's position in the citing record
    citation: Citation
    cited: Document | None


def _vn(iso: str | None) -> str:
    return vn_date(iso) or "?"


def _quote(record: Record, index: int, citation: Citation) -> Quote:
    return Quote.of(record.source.path, record.evidence.get(f"citations[{index}]"),
                    citation.text or citation.number or citation.title or "")


def resolve(docs: list[Document], index: NumberIndex) -> list[Link]:
    """Every citation of every document, with the document it names when it is in the batch."""
    links = []
    for doc in docs:
        for i, citation in enumerate(doc.record.citations):
            key = identity(citation.number, citation.date)
            links.append(Link(doc, i, citation, index.find(key, doc) if key is not None else None))
    return links


def citation_findings(links: list[Link], index: NumberIndex, rules: Rules, checker: Checker) -> list[Finding]:
    out: list[Finding] = []
    data = rules.table("audit")
    codes = {k: v for k, v in data["issuer_codes"]["codes"].items() if not k.startswith("#")}
    for link in links:
        record, citation = link.citing.record, link.citation
        quote = _quote(record, link.index, citation)
        if citation.number and citation.issuer:
            code = issuer_code(citation.number, rules)
            if code and not issuer_agrees(citation.issuer, code, codes, rules.hierarchy):
                out.append(checker.finding(
                    "citation-issuer-mismatch",
                    f"số {citation.number} là văn bản của cơ quan ký hiệu {code}, "
                    f"nhưng văn bản ghi 'của {citation.issuer}'",
                    (record.source.path,), (quote,),
                    suggestion=f"kiểm tra lại cơ quan ban hành văn bản {citation.number}"))
        if link.cited is None:
            if citation.number and citation.date:
                typo = _near_number(citation, index, link.citing, data["identity"]["max_digit_edits"])
                if typo is not None:
                    out.append(checker.finding(
                        "citation-number-mismatch",
                        f"trong lô không có văn bản {citation.number}, nhưng văn bản {typo.record.number} có cùng "
                        f"ngày {_vn(citation.date)}, cùng loại và cơ quan ban hành",
                        (record.source.path, typo.path), (quote,),
                        suggestion=f"sửa thành {typo.record.number}"))
            continue
        cited = link.cited.record
        if citation.date and cited.date and citation.date != cited.date:
            out.append(checker.finding(
                "citation-date-mismatch",
                f"{citation.number} được trích dẫn là ngày {_vn(citation.date)}, "
                f"nhưng văn bản ban hành ngày {_vn(cited.date)}",
                (record.source.path, link.cited.path), (quote,),
                suggestion=f"sửa thành ngày {_vn(cited.date)}"))
        if cited.date and record.date and cited.date > record.date:
            out.append(checker.finding(
                "citation-from-future",
                f"{citation.number} ban hành ngày {_vn(cited.date)}, "
                f"sau ngày của văn bản trích dẫn nó ({_vn(record.date)})",
                (record.source.path, link.cited.path), (quote,),
                suggestion="kiểm tra lại số được trích dẫn hoặc ngày của hai văn bản"))
    return out


def issuer_agrees(issuer: str, code: str, codes: dict[str, list[str]], hierarchy: Hierarchy | None) -> bool:
    """Whether the issuer written after 'của' can be the body the code names; an unknown
    code agrees with anything. Only an issuer that names another body of the table contradicts
    the code ('Thông tư số .../TT-BGDĐT ... của Bộ Y tế', 'Kế hoạch số 2156/KH-SGDĐT ... của UBND
    tỉnh'); one cut short or written in small letters ('của Bộ trưởng Bộ', 'của Sở giáo dục và
    Đào tạo Vĩnh Long', 'của Bộ tài chính', KH 25/KH-SGDĐT Bắc Giang, KH 168/KH-THCS Tân Thành,
    KH 145/KH-THCSTT Lai Vung) names none, and nothing is said of it."""
    expected = next((v for k, v in codes.items() if k.replace("&", "") == code.replace("&", "")), None)
    if expected is None or hierarchy is None:
        return True
    key = hierarchy.key(issuer)
    if len(key.split()) < 2 or any(phrase in key for phrase in expected):
        return True  # 'của Bộ', 'của Sở': the document's own body named short, nothing to judge
    return not any(phrase in key for other, phrases in codes.items() if other != code for phrase in phrases)


def _near_number(citation: Citation, index: NumberIndex, citing: Document, edits: int) -> Document | None:
    """The document whose number differs from the cited one by `edits` digits at most,
    with the cited date and the same symbol."""
    key = identity(citation.number, citation.date)
    for other, doc in index.same_symbol(key, citing):
        if doc.record.date == citation.date and 0 < _digit_edits(key.seq, other.seq) <= edits:
            return doc
    return None


def _digit_edits(a: str, b: str) -> int:
    """Edit distance of two digit strings (a digit changed, added, dropped or two swapped)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    swapped = any(a[:i] + a[i + 1] + a[i] + a[i + 2:] == b for i in range(len(a) - 1)) if len(a) == len(b) else False
    return 1 if swapped else previous[-1]


def duplicate_numbers(docs: list[Document], checker: Checker) -> list[Finding]:
    """Two different documents (not copies of one) with the same number, issuer and year."""
    out = []
    seen: dict[object, list[Document]] = {}
    for doc in docs:
        key = identity(doc.record.number, doc.record.date)
        if key is None:
            continue
        for other in seen.get(key, []):
            out.append(checker.finding(
                "duplicate-number",
                f"số {doc.record.number} được dùng cho hai văn bản: {other.record.title or other.path!r} "
                f"({_vn(other.record.date)}) và {doc.record.title or doc.path!r} ({_vn(doc.record.date)})",
                (doc.path, other.path),
                (Quote(document=other.path, text=other.record.number or ""),
                 Quote(document=doc.path, text=doc.record.number or "")),
                suggestion="cấp cho văn bản sau số tiếp theo trong sổ đăng ký văn bản đi"))
        seen.setdefault(key, []).append(doc)
    return out
