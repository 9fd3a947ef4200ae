"""Extract: the clean text of a Document becomes a Record.

Each extractor reads the document's lines and the rules and returns its part with
warnings and evidence; `extract_record` puts them together. Pure: no files, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import regex

from ..document import Document
from ..record import Citation, Issuer, Recipient, Record, Signature, Source, Task
from ..rules import Rules, RulesError
from .base import Lines, compiled
from .checks import Checker, check_document
from .citations import CitationFinder, extract_citations
from .closing import extract_closing
from .header import (
    Header,
    date_of_attachment,
    extract_header,
    issued_with,
    issuer_code,
    issuer_from_body,
    issuer_from_preamble,
    issuer_of_attachment,
)
from .tasks import extract_tasks
from .units import UnitMatcher


def check_rules(rules: Rules) -> None:
    """Build every finder the extractors compile from the rules' raw tables (citations,
    audit, abbreviations) at once: a broken entry in an overlay stops the command at start,
    naming its file, instead of failing every document."""
    for kind, stem in ((CitationFinder, "citations"), (Checker, "audit"), (UnitMatcher, "abbreviations")):
        try:
            compiled(rules, kind)
        except (KeyError, TypeError, ValueError, AttributeError, regex.error) as exc:
            detail = f"missing entry {exc}" if isinstance(exc, KeyError) else _broken_pattern(rules.table(stem), stem)
            raise RulesError(f"{stem}.json: {detail or exc}") from exc


def _broken_pattern(data, where: str) -> str | None:
    """The path of the first pattern in a raw rules table that does not compile, with why."""
    if isinstance(data, dict):
        items = [(f"{where}.{k}", v) for k, v in data.items() if not str(k).startswith("#")]
    elif isinstance(data, list):
        items = [(f"{where}[{i}]", v) for i, v in enumerate(data)]
    else:
        return None
    for path, value in items:
        if isinstance(value, str) and "pattern" in path.rsplit(".", 1)[-1]:
            try:
                regex.compile(value)
            except regex.error as exc:
                return f"{path}: the pattern does not compile ({exc})"
        found = _broken_pattern(value, path)
        if found:
            return found
    return None


def source_of(document: Document) -> Source:
    return Source(
        path=document.path,
        sha256=document.sha256,
        format=document.format,
        pages=len(document.pages),
        ocr=document.ocr,
        legacy_encoding=document.legacy_encoding,
    )


def extract_record(document: Document, rules: Rules) -> Record:
    """The record of one document."""
    lines = Lines(document)
    header = extract_header(lines, rules)
    if header.date is None:
        _date_from_signatures(header, document.signatures, rules)
    if header.date is None and header.number:
        header.date, attached = date_of_attachment(lines, header.number)
        if header.date and attached:
            header.evidence["date"] = lines.span(attached)
            header.warnings.append(f"[date] no date line: the date is the one the appendix's heading gives, "
                                   f"{header.date}")
    issuing = issued_with(lines, header.title_end) if header.number is None and header.title_end >= 0 else None
    if header.date is None and issuing:
        header.date, issuer_number, issued_line = issuing
        header.evidence["date"] = lines.span(issued_line)
        header.warnings.append(f"[date] no number or date of its own: the date is that of {issuer_number}, "
                               "which it was issued with")
    closing = extract_closing(lines, rules, header.issuer.name if header.issuer else None,
                              dt.date.fromisoformat(header.date) if header.date else None)
    warnings = [*document.warnings, *header.warnings, *closing.warnings]
    issuer = header.issuer
    if issuer is None:
        issuer, note = issuer_from_body(lines, closing.signer.title if closing.signer else None, rules)
        if issuer is None:
            issuer, note = issuer_from_preamble(lines, rules)
        if issuer is None:
            issuer, note = issuer_of_attachment(lines, header.number)
        warnings.append(note or "[issuer] the issuing body is named nowhere in the header")
        if issuer is not None and header.number:
            issuer = Issuer(name=issuer.name, parent=issuer.parent, code=issuer_code(header.number, rules))
    body_start = header.title_end + 1 if header.title_end >= 0 else 0
    skipped = closing.lines | {issuing[2].index} if issuing else closing.lines  # its issuing act, no citation
    citations, cited = extract_citations(lines, header.number, body_start, skipped, rules)
    # the day deadlines count from: the date, the month of a date left blank, the year the
    # plan's title names, the year a blank date line prints, or the day of the latest paper cited
    counted_from = header.date or header.month_start or _plan_year(header.title) or header.year_start
    if counted_from is None and (counted_from := _latest_cited(citations)):
        warnings.append(f"[deadline] no date: a deadline without its year is the first one after {counted_from}, "
                        "the day of the latest paper the document cites")
    tasks, sections, tasked = extract_tasks(lines, body_start, closing.lines, counted_from, rules,
                                            header.doc_type, header.title, header.number)
    if closing.signer and closing.signer.name:
        tasks = [_without_signature(t, closing.signer.name) for t in tasks]
    recipients = _roles(closing.recipients, [t.owner for t in tasks], rules)
    evidence = {**header.evidence, **closing.evidence, **cited, **tasked}
    record = Record(
        source=source_of(document),
        issuer=issuer,
        number=header.number,
        doc_type=header.doc_type,
        place=header.place,
        date=header.date,
        title=header.title,
        citations=tuple(citations),
        tasks=tuple(tasks),
        sections=tuple(sections),
        recipients=tuple(recipients),
        signer=closing.signer,
        warnings=tuple(warnings),
        evidence=evidence,
        signatures=document.signatures,
    )
    if record.number is None and not record.tasks and not record.citations and record.date is None:
        return record  # not a dispatch: nothing to hold it to
    return replace(record, findings=tuple(check_document(lines, record, rules)))


def _date_from_signatures(header: Header, signatures: tuple[Signature, ...], rules: Rules) -> None:
    """The date of a signed file whose page does not give it: the day printed in by hand is
    unreadable on the scan ('Hà Nội, ngày) tháng) năm 2026', CV 2265/BCT-ATMT) or left blank. The
    văn thư stamps the number and the day when the document is signed (rules audit.signatures), so
    the first signature's day is its date (CV 1666/UBND-VX and KH 68/KH-UBND Hải Phòng, KH 852/KH-SYT
    TP.HCM agree); a signed copy's day is only a hint, as a copy may be signed later (CT 11/CT-UBND
    Hà Nội, a day after)."""
    copies = tuple(rules.table("audit")["signatures"].get("copy_reasons", ()))
    signed_on = _signing_day(signatures, header, copies)
    if signed_on:
        header.date = signed_on
        header.warnings.append(f"[date] the printed day cannot be read: the date is the day of the digital "
                               f"signature, {signed_on}")
    elif copied := _signing_day(signatures, header, ()):
        header.warnings.append(f"[date] the printed day cannot be read; a copy of the document was signed on "
                               f"{copied}, which may be later than its date")


def _signing_day(signatures: tuple[Signature, ...], header: Header, copies: tuple[str, ...]) -> str | None:
    """The day of the first intact signature whose time is known and which signs no copy (rules
    audit.signatures.copy_reasons), in the month or year the date line prints, if it prints one."""
    days = sorted(s.time[:10] for s in signatures if s.intact and s.time and _ISO_DAY.match(s.time)
                  and not any(word in (s.reason or "").lower() for word in copies))
    printed = header.month_start[:7] if header.month_start else header.year_start[:4] if header.year_start else ""
    return next((day for day in days if day.startswith(printed)), None)


_ISO_DAY = regex.compile(r"^\d{4}-\d{2}-\d{2}")


def _plan_year(title: str | None) -> str | None:
    """A document whose date line was left blank (a draft, a signed PDF whose stamp is lost) and
    prints no month either still dates its deadlines in the year its title names: 'Kế hoạch cải
    cách hành chính năm 2026' (the UBND Lâm Đồng drafts). Its record keeps date null. A year the
    work aims at is no date of the plan: '... đến năm 2030, tầm nhìn đến năm 2045' (QĐ
    1819/QĐ-BGDĐT), '... giai đoạn 2023 - 2025, định hướng đến năm 2030' (KH 145/KH-UBND Yên Bái)."""
    years = regex.findall(r"(?<!(?:đến|ĐẾN|Đến|tới|TỚI)\s+)(?<!\d)(?:năm|Năm|NĂM)\s+(20\d\d)(?![\d-])", title or "")
    return f"{years[-1]}-01-01" if years else None


def _latest_cited(citations: Sequence[Citation]) -> str | None:
    """The day of the latest paper a document cites: a document is issued after every paper it
    cites, so a deadline it gives without a year falls after that day. A crawled copy that lost
    its date line (KH 110/KH-UBND Đắk Lắk, citing QĐ 426/QĐ-TTg of 21/4/2023, asks for a report
    'trước ngày 05/12 hằng năm': 05/12/2023; KH 396/KH-UBND Bắc Kạn, 'trước ngày 25/10 hàng năm')."""
    days = [c.date for c in citations if c.date]
    return max(days) if days else None


def _without_signature(task: Task, name: str) -> Task:
    """A scraper that flattens the page glues the signer's name to the last paragraph
    ('... đảm bảo tiến độ, chất lượng. Phạm Xuân Bình'): it is no part of the action."""
    action = task.action
    if action.endswith(name) and len(action) > len(name):
        return replace(task, action=action[:-len(name)].rstrip())
    return task


def _roles(recipients: list[Recipient], owners: list[str], rules: Rules) -> list[Recipient]:
    """A recipient the body gives work to acts (spec: role 'action'); the others are told."""
    matcher = compiled(rules, UnitMatcher)
    out = []
    for r in recipients:
        if r.role == "info" and owners and matcher.covered_by(r.name, owners):
            r = Recipient(name=r.name, role="action")
        out.append(r)
    return out
