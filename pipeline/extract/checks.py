"""Contradictions inside one document, found while its text is at hand.

Dates that do not exist, weekdays that disagree with their dates, one programme given two
periods, a number whose type code is not the document's type, gaps in the outline, a
missing Nơi nhận or signer, and deadlines already over on the document's own date. Each is
a `Finding` with the quoted text and its page; the audit adds those between documents.
Patterns, weekday names and severities are in rules/audit.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from dataclasses import dataclass

import regex

from ..ingest.signatures import HARMLESS
from ..record import Deadline, Finding, Quote, Record
from ..rules import Rules
from .base import Lines, Ref, bare, compiled
from .citations import serial_and_code
from .dates import parse_date
from .deadlines import find_deadline

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
# the item letters of a Vietnamese outline: no f, j, w, z (and đ after d)
_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
            "v", "x", "y")
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass
class Checker:
    """rules/audit.json compiled once per rules version."""

    rules: Rules

    def __post_init__(self) -> None:
        data = self.rules.table("audit")
        weekdays = data["weekdays"]
        self.weekday_names = {k: v for k, v in weekdays["names"].items() if not k.startswith("#")}
        self.after_date = regex.compile(weekdays["after_date"])
        self.before_date = regex.compile(weekdays["before_date"])
        self.date = regex.compile(data["dates"]["pattern"])
        periods = data["periods"]
        self.period = regex.compile(periods["pattern"])
        self.period_words = int(periods["words"])
        self.period_overlap = float(periods["min_overlap"])
        # each kind word as itself and as a whole word ('ke hoach', not inside another word)
        self.period_kinds = tuple((k, regex.compile(rf"(?<!\p{{L}}){regex.escape(k)}(?!\p{{L}})"))
                                  for k in (bare(w).lower() for w in periods.get("kinds", [])))
        self.schedule = [bare(w) for w in data["schedule_sections"]["words"]]
        self.forward_types = frozenset(data["schedule_sections"]["types"])
        self.severity = {k: v["severity"] for k, v in data["kinds"].items() if not k.startswith("#")}
        self.signing_days = int(data["signatures"]["max_days_apart"])
        self.own_reference = regex.compile(self.rules.table("citations")["own_reference"]["pattern"])

    def finding(self, kind: str, message: str, documents: tuple[str, ...], evidence: tuple[Quote, ...] = (),
                suggestion: str | None = None) -> Finding:
        return Finding(kind=kind, severity=self.severity[kind], message=message, documents=documents,
                       evidence=evidence, suggestion=suggestion)


def check_document(lines: Lines, record: Record, rules: Rules) -> list[Finding]:
    """The findings inside one document whose record (all but findings) is `record`."""
    checker = compiled(rules, Checker)
    path = record.source.path
    out: list[Finding] = []
    out += _dates_and_weekdays(lines, path, checker)
    out += _periods(lines, path, checker, record.doc_type)
    out += _type_code(record, checker, rules)
    out += _outline(lines, record, checker)
    if not record.recipients:
        out.append(checker.finding("missing-recipients", "văn bản không có phần Nơi nhận (cũng không có Kính gửi)",
                                   (path,), suggestion="bổ sung phần Nơi nhận (Nghị định 30/2020/NĐ-CP)"))
    if record.signer is None:
        out.append(checker.finding("missing-signer", "văn bản không có phần chữ ký (chức vụ, họ tên người ký)", (path,),
                                   suggestion="bổ sung chức vụ và họ tên người ký"))
    out += _past_deadlines(lines, record, checker, rules)
    out += _signatures(record, checker)
    out += _own_references(lines, record, checker)
    return out


def _own_references(lines: Lines, record: Record, checker: Checker) -> list[Finding]:
    """An appendix that says which document it comes with, under the document's own code
    but with another number or day: the number stamped at issue (or typed in the header)
    and the one typed in the appendix cannot both be right."""
    if not record.number or "/" not in record.number:
        return []
    path = record.source.path
    own_serial, own_code = serial_and_code(record.number)
    stamped = any(span.source == "stamp" for key, span in record.evidence.items() if key in ("number", "date"))
    where = "trên dấu chữ ký số" if stamped else "ở phần đầu văn bản"
    out = []
    for ref in lines.refs:
        for match in checker.own_reference.finditer(ref.text):
            serial, code = serial_and_code(match["number"])
            if code != own_code:
                continue  # another document of the same type: a citation, not the document itself
            date = parse_date(match["date"]) if match["date"] else None
            quote = _quote(lines, ref, path, match.start("ref"), match.end("ref"))
            if serial != own_serial:
                printed = regex.sub(r"\s+", "", match["number"])
                out.append(checker.finding(
                    "own-number-differs", f"số văn bản ghi {where} là {record.number}, nhưng chỗ khác trong văn bản "
                    f"ghi {printed}", (path,), (quote,),
                    suggestion="đối chiếu với sổ đăng ký văn bản đi và thống nhất số của văn bản"))
            elif date and record.date and date != record.date:
                out.append(checker.finding(
                    "own-number-differs", f"văn bản số {record.number} ghi ngày {where} là "
                    f"{dt.date.fromisoformat(record.date):%d/%m/%Y}, nhưng chỗ khác trong văn bản ghi ngày "
                    f"{dt.date.fromisoformat(date):%d/%m/%Y}", (path,), (quote,),
                    suggestion="đối chiếu với sổ đăng ký văn bản đi và thống nhất ngày của văn bản"))
    return out

def _signatures(record: Record, checker: Checker) -> list[Finding]:
    """A signed PDF whose signatures no longer hold, or whose printed date is far from the
    signing: the signatures are what make the file the issued document."""
    path = record.source.path
    out = []

    def who(signature) -> str:
        time = f", ký lúc {vn_datetime(signature.time)}" if signature.time else ""
        name = signature.signer or "người ký không rõ"
        return f"chữ ký số {signature.field or ''} của {name}{time}".replace("  ", " ")

    for signature in record.signatures:
        if signature.intact is False:
            out.append(checker.finding(
                "signature-invalid", f"{who(signature)} không còn khớp với nội dung tệp: văn bản đã bị sửa sau khi ký",
                (path,), (Quote(path, who(signature)),),
                suggestion="đề nghị cơ quan ban hành gửi lại bản điện tử gốc"))
    checked = [s for s in record.signatures if s.whole_file is not None]
    if checked and not any(s.whole_file for s in checked) and checked[-1].later_changes not in HARMLESS:
        last = checked[-1]
        out.append(checker.finding(
            "signed-then-changed", f"tệp có phần được thêm vào sau chữ ký số cuối cùng ({who(last)}): "
            "phần thêm đó không được chữ ký nào xác thực", (path,), (Quote(path, who(last)),),
            suggestion="đối chiếu với bản gốc trên hệ thống quản lý văn bản của cơ quan ban hành"))
    # the văn thư stamps the number and the day with the last signature, when the document
    # is issued; the drafters sign days before (CV 4728 of the Sở GDĐT TP.HCM: signed from
    # 14/11, issued on 18/11/2025 with the last signature on 20/11)
    times = [s.time for s in record.signatures if s.time]
    if record.date and times:
        printed = dt.date.fromisoformat(record.date)
        far = dt.datetime.fromisoformat(times[-1]).date()
        if abs((far - printed).days) > checker.signing_days:
            span = record.evidence.get("date")
            out.append(checker.finding(
                "signing-date-far", f"ngày ghi trên văn bản ({printed:%d/%m/%Y}) cách thời điểm ký số ({far:%d/%m/%Y}) "
                f"{abs((far - printed).days)} ngày", (path,),
                (Quote.of(path, span, record.date),) if span else ()))
    return out


def vn_datetime(iso: str) -> str:
    """'2025-11-21T11:02:43+07:00' → '11:02 ngày 21/11/2025', as an office writes a moment."""
    moment = dt.datetime.fromisoformat(iso)
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def _quote(lines: Lines, ref: Ref, path: str, start: int = 0, end: int | None = None) -> Quote:
    return Quote.of(path, lines.span(ref, start, end))


def _dates_and_weekdays(lines: Lines, path: str, checker: Checker) -> list[Finding]:
    out = []
    for ref in lines:
        text = ref.text
        scanned = lines.is_ocr(ref)
        for match in checker.date.finditer(text):
            day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
            if 1 <= month <= 12 and _exists(day, month, year) is None:
                last = calendar.monthrange(year, month)[1]
                said = f"{match.group(0)!r} không phải là ngày có thật: tháng {month}/{year} chỉ có {last} ngày"
                # on a scan, a day no month has ('43/5/2026') is a digit Tesseract misread: the
                # reader is asked to look at the page; a day this month lacks (31/02) stays an
                # error, as a weekday that disagrees does: a misread digit rarely makes a date
                doubt = scanned and day > 31
                out.append(checker.finding(
                    "scan-date-doubt" if doubt else "impossible-date",
                    f"{said} (đọc từ bản quét, có thể nhận dạng sai chữ số)" if doubt else said,
                    (path,), (_quote(lines, ref, path, match.start(), match.end()),),
                    suggestion="đối chiếu ngày với bản quét" if doubt else f"kiểm tra lại ngày (tối đa {last})"))
        for pattern in (checker.after_date, checker.before_date):
            for match in pattern.finditer(text):
                day = _exists(int(match["d"]), int(match["m"]), int(match["y"]))
                said = checker.weekday_names.get(regex.sub(r"^thứ\s+", "", " ".join(match["w"].lower().split())))
                if day is None or said is None or day.weekday() == said:
                    continue
                real = _weekday_name(day.weekday(), checker)
                out.append(checker.finding(
                    "weekday-mismatch", f"{match.group(0)!r}: ngày {day.strftime('%d/%m/%Y')} là {real}, "
                                        f"không phải {match['w']}", (path,),
                    (_quote(lines, ref, path, match.start(), match.end()),),
                    suggestion=f"sửa thành {real} hoặc sửa lại ngày"))
    return out


def _exists(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_name(weekday: int, checker: Checker) -> str:
    for name, value in checker.weekday_names.items():
        if value == weekday and not name.isdigit() and name != "cn":
            return "Chủ nhật" if name == "chủ nhật" else f"Thứ {name}"
    return str(weekday)


def _periods(lines: Lines, path: str, checker: Checker, own_type: str | None = None) -> list[Finding]:
    """One programme, two periods: 'giáo dục mầm non giai đoạn 2018-2025' and, later,
    '... cơ sở giáo dục mầm non giai đoạn 2021-2025'."""
    seen: list[tuple[set[str], str, Ref, regex.Match, str | None]] = []
    out = []
    reported: set[tuple[str, str]] = set()
    for ref in lines:
        for match in checker.period.finditer(ref.text):
            before = bare(ref.text[:match.start()]).lower().split()[-checker.period_words:]
            words = set(before)
            # the kind word may stand before a long name: look twice as far back for it
            kind = _kind(" ".join(bare(ref.text[:match.start()]).lower().split()[-2 * checker.period_words:]), checker)
            # a period with no kind word near it is the document's own (its title: 'Cải cách hành
            # chính nhà nước giai đoạn 2026 - 2030' under KẾ HOẠCH)
            kind = kind or (_kind(bare(own_type).lower(), checker) if own_type else None)
            period = f"{match['a']}-{match['b']}"
            for other_words, other_period, other_ref, other, other_kind in seen:
                if other_period == period or not words or not other_words:
                    continue
                if kind and other_kind and kind != other_kind:
                    continue  # a programme and a plan under it: two things, two periods
                if int(match["a"]) > int(other["b"]) or int(other["a"]) > int(match["b"]):
                    continue  # one phase after another ('2016-2019', then '2020-2022'), not a conflict
                overlap = len(words & other_words) / min(len(words), len(other_words))
                key = tuple(sorted((period, other_period)))
                if overlap >= checker.period_overlap and key not in reported:
                    reported.add(key)
                    out.append(checker.finding(
                        "period-conflict", f"cùng một chương trình được ghi hai giai đoạn: giai đoạn {other_period} "
                                           f"và giai đoạn {period}", (path,),
                        (_quote(lines, other_ref, path, other.start(), other.end()),
                         _quote(lines, ref, path, match.start(), match.end())),
                        suggestion=f"thống nhất một giai đoạn (theo văn bản gốc: giai đoạn {other_period}?)"))
            seen.append((words, period, ref, match, kind))
    return out


def _kind(before: str, checker: Checker) -> str | None:
    """The kind word nearest before a period ('ke hoach', 'chuong trinh'), or None."""
    found = [(before.rfind(k), k) for k, word in checker.period_kinds if word.search(before)]
    return max(found)[1] if found else None


def _type_code(record: Record, checker: Checker, rules: Rules) -> list[Finding]:
    if not record.number or not record.doc_type:
        return []
    parts = regex.split(r"[-/]", record.number)
    coded = next((rules.doc_type_by_code(p) for p in parts[1:3] if rules.doc_type_by_code(p)), None)
    if coded is None or coded.name == record.doc_type:
        return []
    quote = Quote(document=record.source.path, text=record.number,
                  page=record.evidence["number"].page if "number" in record.evidence else None)
    return [checker.finding("type-code-mismatch", f"số {record.number} mang ký hiệu {coded.code} "
                                                  f"({coded.name}) nhưng văn bản là {record.doc_type}",
                            (record.source.path,), (quote,),
                            suggestion=f"đánh số theo ký hiệu của {record.doc_type}")]


def _outline(lines: Lines, record: Record, checker: Checker) -> list[Finding]:
    out = []

    def gaps(labels: list[str], where: str) -> None:
        for order in (_ROMAN, tuple(str(i) for i in range(1, 100)), _LETTERS):
            if labels and all(label in order for label in labels):
                positions = [order.index(label) for label in labels]
                for a, b in itertools.pairwise(positions):
                    if b > a + 1:
                        missing = ", ".join(order[a + 1:b])
                        label = rf"\s*{regex.escape(order[b])}\s*[.)]"
                        heading = next((r for r in lines if regex.match(label, r.text)),
                                       None)
                        evidence = (_quote(lines, heading, record.source.path),) if heading else ()
                        out.append(checker.finding(
                            "outline-gap", f"đề mục{where} nhảy từ {order[a]} sang {order[b]}: thiếu {missing}",
                            (record.source.path,), evidence, suggestion=f"đánh số lại các mục sau {order[a]}"))
                return

    top = [s.label for s in record.sections if s.label]
    gaps(top, "")
    for section in record.sections:
        labels = [c.label for c in section.children if c.label and regex.fullmatch(r"[\p{L}\d]+", c.label)]
        gaps(_first_run(labels), f" trong mục {section.label}")
    return out


def _first_run(labels: list[str]) -> list[str]:
    """The labels of one level: a list restarts ('1', '2', '1', '2') under sub-headings."""
    out: list[str] = []
    for label in labels:
        if label in out:
            break
        out.append(label)
    return out


def _past_deadlines(lines: Lines, record: Record, checker: Checker, rules: Rules) -> list[Finding]:
    """Deadlines over on the document's own date, in its tasks and in its schedule sections;
    a list of quarters is checked quarter by quarter ('quý II, III' of a July plan)."""
    if not record.date or record.doc_type not in checker.forward_types:
        return []
    date = dt.date.fromisoformat(record.date)
    path = record.source.path
    phrases: list[tuple[Deadline, Ref | None]] = [(t.deadline, None) for t in record.tasks if t.deadline]
    in_schedule = False
    for ref in lines:
        heading = regex.match(r"^\s*[IVX]{1,5}\s*(?:[.)]|[-–](?=\s*\p{Lu}))\s*(.*)$", ref.text)
        if heading:
            in_schedule = any(w in bare(heading.group(1)) for w in checker.schedule)
            continue
        if in_schedule:
            found = find_deadline(ref.text, record.date, rules)
            if found:
                phrases.append((found, ref))
    over: dict[str, list[Quote]] = {}
    for deadline, ref in phrases:
        past = _past_part(deadline, date, rules)
        if past is None:
            continue
        quotes = over.setdefault(past, [])
        for line in ([ref] if ref else [r for r in lines if deadline.text in r.text]):
            at = line.text.find(deadline.text)
            quote = _quote(lines, line, path, max(at, 0), max(at, 0) + len(deadline.text))
            if quote not in quotes:
                quotes.append(quote)
    return [checker.finding("deadline-before-document",
                            f"{past} đã qua vào ngày ban hành văn bản ({date.strftime('%d/%m/%Y')})", (path,),
                            tuple(quotes), suggestion="điều chỉnh thời gian thực hiện về sau ngày ban hành")
            for past, quotes in over.items()]


def _past_part(deadline: Deadline, date: dt.date, rules: Rules) -> str | None:
    """What part of a deadline is over on `date`, or None."""
    quarter = rules.pattern("dl_quarter").search(deadline.text)
    if quarter:
        year = int(quarter["y"]) if quarter["y"] else date.year
        listed = [q for q in regex.split(r"\s*,\s*", quarter["q"]) if q in _QUARTERS]
        over = [q for q in listed if _quarter_end(year, _QUARTERS[q]) < date]
        return f"quý {', '.join(over)}/{year}" if over else None
    if deadline.end and dt.date.fromisoformat(deadline.end) < date:
        return repr(deadline.text)
    return None


def _quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year, quarter * 3, calendar.monthrange(year, quarter * 3)[1])
