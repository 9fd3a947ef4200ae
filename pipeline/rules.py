"""Load `rules/` once into a frozen, validated, compiled `Rules` object.

What varies by province, sector or year lives in `rules/` as JSON; nothing reads it at
import time. `load()` takes the project's own folder plus any overlay folders (a province
adds a file, not code): an overlay file with the same name is merged key by key over the
base, lists of patterns are extended. Bad rules raise `RulesError` naming the file, the
entry and what would have been accepted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import regex

from .grammar import GrammarError, TaskGrammar, compile_tasks
from .hierarchy import Hierarchy, compile_hierarchy
from .names import Names, compile_names
from .roster import RosterRules, compile_roster

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
RULES_ENV = "VANBAN_RULES"


class RulesError(ValueError):
    """A rules file is missing, malformed or contradicts its own examples."""


@dataclass(frozen=True)
class LegacyEncoding:
    """One pre-Unicode font encoding (TCVN3 or VNI) compiled for fast conversion."""

    name: str
    font_prefixes: tuple[str, ...]
    capital_font_suffix: str | None
    table: tuple[tuple[str, str], ...]
    pattern: regex.Pattern

    def decode(self, text: str) -> str:
        mapping = dict(self.table)
        return self.pattern.sub(lambda m: mapping[m.group(0)], text)

    def encode(self, text: str) -> str:
        """Unicode to the legacy spelling; the test helpers use it to make legacy-font files."""
        reverse: dict[str, str] = {}
        for legacy, uni in self.table:
            if legacy != uni:
                reverse.setdefault(uni, legacy)
        return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))

    def matches_font(self, font: str | None) -> bool:
        return bool(font) and any(font.startswith(p) for p in self.font_prefixes)

    def is_capital_font(self, font: str | None) -> bool:
        return bool(font and self.capital_font_suffix and font.rstrip().endswith(self.capital_font_suffix))


@dataclass(frozen=True)
class SignatureZone:
    """rules/ingest.json ocr.signature_zone: where and how the signature block is read again."""

    height: float
    min_half_width: float
    chroma: int
    dark: int


@dataclass(frozen=True)
class SpacedLetters:
    """rules/ingest.json text_layer.spaced_letters: how far letters set apart are joined back
    into a word ('G I Á M ĐỐC' → 'GIÁM ĐỐC', normalise.join_spaced_letters)."""

    max_piece: int  # letters in one piece of a broken word ('ươ n g': 2)
    max_run: int  # pieces in one word ('G I Á M': 4)


@dataclass(frozen=True)
class IngestLimits:
    max_file_bytes: int
    max_pages: int
    max_image_pixels: int
    zip_max_total_bytes: int
    zip_max_ratio: float
    ocr_languages: str
    ocr_dpi: int
    ocr_min_text_chars: int
    ocr_max_skew_degrees: float
    ocr_sideways_share: float  # of a page's words standing tall, above which it is turned (ingest/ocr.py)
    max_cid_share: float
    max_invalid_syllable_share: float
    min_words_for_syllable_check: int
    page_number_patterns: tuple[regex.Pattern, ...]
    min_pages_for_repeat: int
    # a publication's running head at the start of a page's first line (running_lines.header_patterns)
    header_patterns: tuple[regex.Pattern, ...] = ()
    ocr_repairs: tuple[tuple[regex.Pattern, str], ...] = ()
    max_seconds_per_file: float = 0.0
    signature_zone: SignatureZone | None = None
    stamp_ocr_config: str = ""
    spaced_letters: SpacedLetters | None = None
    text_engine: str = "pdfplumber"  # or "pdfium" (ingest/pdftext.py, issue 17)
    signing_note: regex.Pattern | None = None  # a signature widget's 'Ký bởi ... Giờ ký: ...'
    site_notes: regex.Pattern | None = None  # a legal-text site's '[... được hướng dẫn bởi ...]'


TEXT_ENGINES = ("pdfplumber", "pdfium")


@dataclass(frozen=True)
class Syllables:
    onsets: frozenset[str]
    rhymes: frozenset[str]
    rhyme_onsets: tuple[tuple[str, frozenset[str]], ...] = ()
    loanwords: frozenset[str] = frozenset()  # foreign words offices write as is ('video', 'link')

    def allows(self, onset: str, rhyme: str) -> bool:
        if onset not in self.onsets or rhyme not in self.rhymes:
            return False
        for restricted, onsets in self.rhyme_onsets:
            if rhyme == restricted:
                return onset in onsets
        return True


@dataclass(frozen=True)
class DocType:
    name: str  # sentence case, as records spell it: "Kế hoạch"
    code: str | None  # the ký hiệu of Phụ lục III: "KH"

    @property
    def printed(self) -> str:
        return self.name.upper()


@dataclass(frozen=True)
class Units:
    issuer_heads: tuple[str, ...]
    signer_units: tuple[tuple[str, str], ...]
    sectors: tuple[str, ...]
    signer_titles: tuple[str, ...]
    not_names: tuple[str, ...]
    signer_offices: tuple[str, ...] = ()
    office_min_ratio: float = 1.0
    deputy: regex.Pattern = regex.compile(r"(?!)")  # the deputy words, compiled at load
    in_charge: regex.Pattern = regex.compile(r"(?!)")  # the words of a deputy who runs the body
    deputy_of: tuple[tuple[str, str], ...] = ()  # a head's deputy where it is not 'PHÓ' + the head ('BỘ TRƯỞNG')
    # the parent and the issuer set on one line ('UBND TỈNH NGHỆ AN SỞ GIÁO DỤC VÀ ĐÀO TẠO'),
    # compiled from units.issuer_in_one_line at load
    one_line: regex.Pattern = regex.compile(r"(?!)")

    def split_issuer(self, line: str) -> tuple[str, str] | None:
        """(parent, issuer) of a header line that names both, else None."""
        found = self.one_line.match(line)
        return (found["parent"], found["issuer"]) if found else None

    def office(self, text: str) -> str | None:
        """The signature-block office `text` is, read through OCR damage, or None.

        Compared on bare letters without spaces ('THÔ TRU ỐNG' → 'THOTRUONG'), the nearest
        office at `office_min_ratio` or more wins; a tie goes to the one nearer with its
        diacritics."""
        from difflib import SequenceMatcher

        from .normalise import bare

        def key(value: str) -> str:
            return regex.sub(r"[^A-Z]", "", bare(value))

        if text in self.signer_offices:
            return text
        probe = key(text)
        if len(probe) < 3:
            return None
        best, best_score = None, (self.office_min_ratio, 0.0)
        for office in self.signer_offices:
            known = key(office)
            if 2 * min(len(probe), len(known)) / (len(probe) + len(known)) < self.office_min_ratio:
                continue  # lengths alone keep the ratio under the bar
            score = (SequenceMatcher(None, probe, known).ratio(),
                     SequenceMatcher(None, text.upper(), office).ratio())
            if score >= best_score:
                best, best_score = office, score
        return best

    def deputy_office(self, head: str) -> str:
        """The office of `head`'s deputy: 'CHỦ TỊCH' → 'PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG' → 'THỨ TRƯỞNG'."""
        return dict(self.deputy_of).get(head.upper(), f"PHÓ {head}")

    def is_deputy(self, office: str) -> bool:
        """A deputy signs for the head; a deputy in charge of a body with no head signs in his own name."""
        return bool(self.deputy.match(office)) and not self.in_charge.search(office)


@dataclass(frozen=True)
class SchoolRole:
    """A role inside a school and the words of the duties it takes (derive.json school_roles)."""

    role: str
    words: regex.Pattern
    levels: frozenset[str] = frozenset()  # the kinds of school that have it; empty: all
    names: regex.Pattern | None = None  # how a duty that opens by naming its doer names this role


@dataclass(frozen=True)
class SchoolRoles:
    head: str  # who takes a duty no role's words name
    levels: frozenset[str]  # the classes of unit that are schools
    roles: tuple[SchoolRole, ...]
    head_words: regex.Pattern | None = None  # what only the head does ('ra quyết định thành lập ...')
    head_names: regex.Pattern | None = None  # a duty that opens by naming the head ('Hiệu trưởng ...')

    def role_for(self, action: str, class_id: str) -> str:
        """The role of a school of `class_id` that does `action`: the one the duty names as its
        doer in its first words ('Hiệu trưởng ra quyết định ...', 'Giáo viên chủ nhiệm thông báo
        ...'), else the head for what only the head does, else the first role whose words it
        holds, else the head."""
        present = [r for r in self.roles if not r.levels or class_id in r.levels]
        opening = [r for r in present if r.names is not None and r.names.match(action)]
        if opening:  # the longest name wins: 'Phó Hiệu trưởng' over 'Hiệu trưởng'
            return max(opening, key=lambda r: len(r.names.match(action).group(0))).role  # type: ignore[union-attr]
        if self.head_names is not None and self.head_names.match(action):
            return self.head
        if self.head_words is not None and self.head_words.search(action):
            return self.head
        for role in present:
            if role.words.search(action):
                return role.role
        return self.head


@dataclass(frozen=True)
class ReportRules:
    """derive.json's ledger.reports: when an incoming report marks a report task done."""

    doc_types: tuple[str, ...]
    task: regex.Pattern
    generic: frozenset[str]
    min_words: int
    min_share: float
    margin: float


@dataclass(frozen=True)
class DeriveSettings:
    """rules/derive.json: lead times, the working calendar, the fixed text of a child plan."""

    default_unit: str | None
    lead_report: int
    lead_default: int
    report_words: tuple[str, ...]
    holidays_country: str
    extra_days_off: tuple[tuple[str, str], ...]
    extra_working_days: tuple[tuple[str, str], ...]
    statuses: tuple[str, ...]
    plan_text: tuple[tuple[str, str], ...]
    pass_down_verbs: tuple[str, ...] = ()
    basis_types: tuple[str, ...] = ()  # the kinds of the parent's bases a child plan cites too
    done: tuple[str, ...] = ()  # the statuses that finish a task (ledger.done)
    deadline_classes: tuple[tuple[str, str], ...] = ()  # done_on_time, ... → the words offices report in
    within_days: int = 7  # how far ahead `vanban due` looks
    school_roles: SchoolRoles | None = None  # who inside a school takes each duty of its plan
    reports: ReportRules | None = None  # which incoming reports answer a task (ledger.reports)
    alarm_working_days: int = 3  # the .ics alarm, in working days before a deadline (calendar)
    alarm_hour: int = 8  # ... at this hour of that day

    def text(self, name: str, **values: str) -> str:
        return dict(self.plan_text)[name].format(**values)


@dataclass(frozen=True)
class RemindText:
    """rules/remind.json: the templates of the công văn đôn đốc and of the message to each
    late unit, by name ('letter.opening', 'message.task'), with the fields each may use."""

    templates: tuple[tuple[str, str | tuple[str, ...]], ...]
    reply_working_days: int

    def text(self, name: str, **values: object) -> str:
        template = dict(self.templates)[name]
        if not isinstance(template, str):
            raise KeyError(f"remind.{name} is a list: use lines()")
        return template.format(**values)

    def lines(self, name: str, **values: object) -> list[str]:
        return [line.format(**values) for line in dict(self.templates)[name]]


@dataclass(frozen=True)
class Rules:
    """Everything the stages read from `rules/`, validated and compiled."""

    version: str
    legacy: tuple[LegacyEncoding, ...]
    ingest: IngestLimits
    syllables: Syllables
    doc_types: tuple[DocType, ...] = ()
    units: Units | None = None
    patterns: tuple[tuple[str, regex.Pattern], ...] = ()
    data: tuple[tuple[str, Any], ...] = ()
    hierarchy: Hierarchy | None = None
    derive: DeriveSettings | None = None
    names: Names | None = None
    trust_roots: tuple[bytes, ...] = ()  # certificates a signed PDF's signatures may chain to
    tasks: TaskGrammar | None = None  # the grammar of assignment (rules/tasks.json)
    deadline_kinds: tuple[str, ...] = ()  # the deadline patterns in the order they are tried
    roster: RosterRules | None = None  # the columns and kinds of a units file (rules/roster.json)
    remind: RemindText | None = None  # the wording of vanban remind (rules/remind.json)

    def pattern(self, name: str) -> regex.Pattern:
        for key, compiled in self.patterns:
            if key == name:
                return compiled
        raise KeyError(f"no pattern {name!r} in rules; known: {[k for k, _ in self.patterns]}")

    def table(self, name: str) -> Any:
        """A rules file's raw data (validated by its own compiler), by file stem."""
        for key, value in self.data:
            if key == name:
                return value
        raise KeyError(f"no rules file {name}.json")

    def doc_type_by_code(self, code: str) -> DocType | None:
        folded = code.replace("Đ", "D").upper()
        for dt in self.doc_types:
            if dt.code and dt.code.replace("Đ", "D").upper() == folded:
                return dt
        return None

    def doc_type_by_name(self, text: str) -> DocType | None:
        folded = " ".join(text.split()).casefold()
        for dt in self.doc_types:
            if dt.name.casefold() == folded:
                return dt
        return None

    def legacy_encoding(self, name: str) -> LegacyEncoding:
        for enc in self.legacy:
            if enc.name == name:
                return enc
        raise KeyError(f"no legacy encoding {name!r}; known: {[e.name for e in self.legacy]}")


def load(*overlays: str | os.PathLike[str], base: str | os.PathLike[str] | None = None,
         trust_roots: Sequence[str | os.PathLike[str]] = ()) -> Rules:
    """Read and compile the rules: `base` (default `rules/` of the project, or $VANBAN_RULES)
    and then each overlay folder in order. The certificates of a `trust_roots/` folder in
    any of them, and of the folders `trust_roots`, are the roots signatures are checked
    against."""
    folders = [Path(base or os.environ.get(RULES_ENV) or RULES_DIR), *map(Path, overlays)]
    raw: dict[str, dict[str, Any]] = {}
    digest_parts: list[str] = []
    roots = _load_trust_roots([f / TRUST_ROOTS_DIR for f in folders] + [Path(t) for t in trust_roots],
                              explicit=len(trust_roots))
    digest_parts.extend(hashlib.sha256(cert).hexdigest() for cert in roots)
    for folder in folders:
        if not folder.is_dir():
            raise RulesError(f"rules folder {folder} does not exist")
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise RulesError(f"{path}: not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise RulesError(f"{path}: the top level must be a JSON object")
            raw[path.stem] = _merge(raw.get(path.stem, {}), data)
            digest_parts.append(path.name + ":" + path.read_text(encoding="utf-8"))
    for required in ("legacy_encodings", "ingest", "syllables", "doc_types", "units", "header"):
        if required not in raw:
            raise RulesError(f"rules file {required}.json is missing from {folders[0]}")
    _check_calendar(raw.get("calendar", {}))
    version = hashlib.sha256("\n".join(digest_parts).encode("utf-8")).hexdigest()[:16]
    syllables = _compile_syllables(raw["syllables"])
    patterns = _compile_patterns(raw)
    hierarchy = _compile_hierarchy(raw.get("hierarchy"), raw.get("abbreviations", {}))
    return Rules(
        version=version,
        legacy=_compile_legacy(raw["legacy_encodings"]),
        ingest=_compile_ingest(raw["ingest"], syllables),
        syllables=syllables,
        doc_types=_compile_doc_types(raw["doc_types"]),
        units=_compile_units(raw["units"]),
        patterns=tuple(patterns.items()),
        data=tuple((k, v) for k, v in raw.items()),
        hierarchy=hierarchy,
        derive=_compile_derive(raw.get("derive")),
        names=_compile_names(raw.get("names"), syllables),
        trust_roots=roots,
        tasks=_compile_grammar(raw.get("tasks"), [f for f in folders if (f / "tasks.json").is_file()]),
        deadline_kinds=_deadline_kinds(raw.get("deadlines", {}), patterns),
        roster=_compile_roster(raw.get("roster"), hierarchy),
        remind=_compile_remind(raw.get("remind")),
    )


# the named groups extract/deadlines.py reads from a match of each kind of deadline: a
# kind missing from here has no dates of its own (its phrase is kept as text)
DEADLINE_GROUPS: dict[str, frozenset[str]] = {
    "dl_day_monthly": frozenset({"d"}),
    "dl_days_monthly": frozenset({"d1", "d"}),
    "dl_day_yearly": frozenset({"d", "m"}),
    "dl_day_next_year": frozenset({"d", "m"}),
    "dl_month_yearly": frozenset({"m", "by"}),
    "dl_daily": frozenset(),
    "dl_weekday": frozenset({"wd", "n", "per"}),
    "dl_before_date": frozenset({"d", "m", "y"}),
    "dl_from_to": frozenset({"d1", "m1", "y1", "d2", "m2", "y2"}),
    "dl_range": frozenset({"d1", "m1", "d2", "m2", "y2"}),
    "dl_from_date": frozenset({"d", "m", "y"}),
    "dl_from_month": frozenset({"m", "y"}),
    "dl_month_span": frozenset({"e1", "m1", "y1", "e2", "m2", "y2"}),
    "dl_quarter_span": frozenset({"q1", "m1", "y1", "q2", "y2"}),
    "dl_month": frozenset({"m", "y"}),
    "dl_months": frozenset({"m1", "m", "y"}),
    "dl_half_year": frozenset({"h", "y"}),
    "dl_week_of_month": frozenset({"w", "m", "y"}),
    "dl_quarter": frozenset({"q", "y"}),
    "dl_semester": frozenset({"s", "y1"}),
    "dl_end_of_year": frozenset(),
    "dl_opening_day": frozenset(),
    "dl_from_school_year": frozenset({"y1"}),
    "dl_from_year": frozenset({"y"}),
    "dl_year_span": frozenset({"y1", "y2"}),
    "dl_school_year": frozenset({"y1"}),
    "dl_year_end": frozenset({"y"}),
    "dl_year": frozenset({"y"}),
    "dl_text_only": frozenset(),
}


def _check_calendar(data: dict[str, Any]) -> None:
    """calendar.json's days: the opening day as 'MM-DD', the weekdays' names to 0 (Monday) .. 6."""
    opening = data.get("opening_day", "09-05")
    if not (isinstance(opening, str) and regex.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", opening)):
        raise RulesError(f"calendar.opening_day: expected a day 'MM-DD', got {opening!r}")
    weekdays = data.get("weekdays", {})
    if not isinstance(weekdays, dict):
        raise RulesError("calendar.weekdays: expected an object of day names to 0 (Monday) .. 6")
    for name, number in weekdays.items():
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= 6 or name != name.lower():
            raise RulesError(f"calendar.weekdays.{name}: expected a name in small letters to a day 0 (Monday) .. 6, "
                             f"got {number!r}")


def _deadline_kinds(data: dict[str, Any], patterns: dict[str, regex.Pattern]) -> tuple[str, ...]:
    """deadlines.json's `order`: each kind known, with its pattern and the named groups its
    dates are read from."""
    order = data.get("order", [])
    if not isinstance(order, list):
        raise RulesError("deadlines.json: order: expected a list of deadline kinds")
    for name in order:
        if name not in DEADLINE_GROUPS:
            raise RulesError(f"deadlines.json: order: unknown kind {name!r}; known: {sorted(DEADLINE_GROUPS)}")
        if name not in patterns:
            raise RulesError(f"deadlines.json: order: kind {name!r} has no pattern")
        missing = DEADLINE_GROUPS[name] - set(patterns[name].groupindex)
        if missing:
            raise RulesError(f"deadlines.json: pattern {name!r} lacks the named groups {sorted(missing)}")
    return tuple(order)


def _compile_grammar(data: dict[str, Any] | None, sources: list[Path]) -> TaskGrammar | None:
    if data is None:
        return None
    try:
        return compile_tasks(data)
    except GrammarError as exc:
        where = ", ".join(str(f / "tasks.json") for f in sources)
        raise RulesError(f"{where}: {exc}") from exc


TRUST_ROOTS_DIR = "trust_roots"
_CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}


def _load_trust_roots(folders: list[Path], explicit: int) -> tuple[bytes, ...]:
    """The certificate files of the folders (the last `explicit` ones were named by the user
    and must exist); a file that is not a certificate is refused at load, by name."""
    from asn1crypto import pem, x509

    out: list[bytes] = []
    for position, folder in enumerate(folders):
        if not folder.is_dir():
            if position >= len(folders) - explicit:
                raise RulesError(f"trust roots folder {folder} does not exist")
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in _CERT_SUFFIXES:
                continue
            blob = path.read_bytes()
            try:
                ders = [der for _, _, der in pem.unarmor(blob, multiple=True)] if pem.detect(blob) else [blob]
                for der in ders:
                    x509.Certificate.load(der).native  # noqa: B018 (parses it whole)
            except Exception as exc:
                raise RulesError(f"{path}: not an X.509 certificate (PEM or DER): {exc}") from exc
            out.append(blob)
    return tuple(out)


def _compile_hierarchy(data: dict[str, Any] | None, abbreviations: dict[str, Any]) -> Hierarchy | None:
    if data is None:
        return None
    try:
        return compile_hierarchy(data, abbreviations)
    except ValueError as exc:
        raise RulesError(f"hierarchy: {exc}") from exc


def _compile_roster(data: dict[str, Any] | None, hierarchy: Hierarchy | None) -> RosterRules | None:
    if data is None or hierarchy is None:
        return None
    try:
        return compile_roster(data, hierarchy)
    except ValueError as exc:
        raise RulesError(f"roster: {exc}") from exc


def _compile_names(data: dict[str, Any] | None, syllables: Syllables) -> Names | None:
    if data is None:
        return None
    from .normalise import is_valid_syllable

    try:
        return compile_names(data, lambda word: is_valid_syllable(word.casefold(), syllables))
    except ValueError as exc:
        raise RulesError(f"names: {exc}") from exc


def _compile_derive(data: dict[str, Any] | None) -> DeriveSettings | None:
    if data is None:
        return None
    where = "derive"
    lead = _need(data, "lead_days", dict, where)

    def days(key: str) -> tuple[tuple[str, str], ...]:
        table = {k: v for k, v in data.get(key, {}).items() if not k.startswith("#")}
        for day in table:
            try:
                date.fromisoformat(day)
            except ValueError as exc:
                raise RulesError(f"{where}.{key}: {day!r} is not a date YYYY-MM-DD") from exc
        return tuple(sorted(table.items()))

    plan = {k: v for k, v in _need(data, "plan", dict, where).items() if not k.startswith("#")}
    for name in ("purpose", "requirement", "intro", "closing", "closing_school", "staff_recipients"):
        _need(plan, name, str, f"{where}.plan")
    return DeriveSettings(
        default_unit=data.get("default_unit"),
        lead_report=int(_need(lead, "report", int, f"{where}.lead_days")),
        lead_default=int(_need(lead, "default", int, f"{where}.lead_days")),
        report_words=tuple(lead.get("report_words", [])),
        holidays_country=str(data.get("holidays_country", "VN")),
        extra_days_off=days("extra_days_off"),
        extra_working_days=days("extra_working_days"),
        statuses=tuple(_need(data, "statuses", list, where)),
        plan_text=tuple(plan.items()),
        pass_down_verbs=tuple(data.get("pass_down_verbs", {}).get("words", [])),
        basis_types=tuple(data.get("basis_types", {}).get("types", [])),
        school_roles=_school_roles(data.get("school_roles"), f"{where}.school_roles"),
        **_ledger_settings(data, where),
        **_calendar_settings(data, where),
    )


def _words(words: list[str]) -> regex.Pattern | None:
    """Any of `words`, whole, in any case; None for no words."""
    if not words:
        return None
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\p{L})", regex.IGNORECASE)


def _opening(names: list[str]) -> regex.Pattern | None:
    """A text that opens with one of `names` (after 'các', 'mỗi'), whole, in any case."""
    if not names:
        return None
    alternatives = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"^(?:(?:các|mỗi)\s+)?(?:{alternatives})(?!\p{{L}})", regex.IGNORECASE)


def _school_roles(data: dict[str, Any] | None, where: str) -> SchoolRoles | None:
    """The roles inside a school, each checked against its examples: every example of a role
    goes to that role (for a school of one of its levels), every example of `heads` to the head."""
    if data is None:
        return None
    levels = frozenset(_need(data, "levels", list, where))
    roles = []
    for i, entry in enumerate(_need(data, "roles", list, where)):
        at = f"{where}.roles[{i}]"
        pattern = _words(_need(entry, "words", list, at)) or regex.compile(r"(?!)")
        role_levels = frozenset(entry.get("levels", []))
        if role_levels - levels:
            raise RulesError(f"{at}: levels {sorted(role_levels - levels)} are not among the school levels")
        roles.append(SchoolRole(str(_need(entry, "role", str, at)), pattern, role_levels,
                                _opening(entry.get("names", []))))
    compiled = SchoolRoles(str(_need(data, "head", str, where)), levels, tuple(roles),
                           _words(data.get("head_words", [])), _opening(data.get("head_names", [])))
    for i, entry in enumerate(data["roles"]):
        level = next(iter(sorted(entry.get("levels", levels))))
        for example in entry.get("examples", []):
            got = compiled.role_for(example, level)
            if got != entry["role"]:
                raise RulesError(f"{where}.roles[{i}]: example {example!r} goes to {got!r}, not {entry['role']!r}")
    for example in data.get("heads", []):
        for level in levels:
            if compiled.role_for(example, level) != compiled.head:
                raise RulesError(f"{where}.heads: example {example!r} goes to "
                                 f"{compiled.role_for(example, level)!r}, not the head")
    return compiled


DEADLINE_CLASSES = ("done_on_time", "done_late", "open_on_time", "open_late")


def _ledger_settings(data: dict[str, Any], where: str) -> dict[str, Any]:
    """derive.json's `ledger`: its done statuses must be statuses, every class named."""
    ledger = data.get("ledger", {})
    statuses = data.get("statuses", [])
    done = tuple(ledger.get("done", statuses[-1:]))
    for status in done:
        if status not in statuses:
            raise RulesError(f"{where}.ledger.done: {status!r} is not one of the statuses {statuses}")
    classes = {k: v for k, v in ledger.get("classes", {}).items() if not k.startswith("#")}
    if ledger and set(classes) != set(DEADLINE_CLASSES):
        raise RulesError(f"{where}.ledger.classes: expected the keys {list(DEADLINE_CLASSES)}, got {sorted(classes)}")
    return {"done": done, "deadline_classes": tuple(classes.items()),
            "within_days": int(ledger.get("within_days", 7)),
            "reports": _report_rules(ledger.get("reports"), f"{where}.ledger.reports")}


def _report_rules(data: dict[str, Any] | None, where: str) -> ReportRules | None:
    """The task pattern compiled and held to its examples; the thresholds in range."""
    if data is None:
        return None
    pattern = _checked_pattern(_need(data, "task", dict, where), f"{where}.task")
    share, margin = data.get("min_share", 0.6), data.get("margin", 0.25)
    for name, value in (("min_share", share), ("margin", margin)):
        _share(value, f"{where}.{name}")
    return ReportRules(tuple(_need(data, "doc_types", list, where)), pattern,
                       frozenset(w.casefold() for w in data.get("generic", [])), int(data.get("min_words", 2)),
                       float(share), float(margin))


# the templates vanban remind fills in (pipeline/remind.py)
REMIND_TEMPLATES = ("letter.about_one", "letter.about_many", "letter.opening_one", "letter.opening", "letter.unit",
                    "letter.task_one", "letter.task",
                    "letter.closing", "letter.recipients", "message.greeting", "message.opening", "message.task",
                    "message.closing", "message.signature")


def _compile_remind(data: dict[str, Any] | None) -> RemindText | None:
    """rules/remind.json: every template present, each using only the fields it may."""
    import string

    if data is None:
        return None
    fields = {k: v for k, v in _need(data, "fields", dict, "remind").items() if not k.startswith("#")}
    templates: list[tuple[str, str | tuple[str, ...]]] = []
    for name, allowed in fields.items():
        group, _, key = name.partition(".")
        value = data.get(group, {}).get(key)
        if not isinstance(value, (str, list)) or (isinstance(value, list) and not all(isinstance(v, str)
                                                                                      for v in value)):
            raise RulesError(f"remind.{name}: expected a text (or a list of texts), got {value!r}")
        for text in [value] if isinstance(value, str) else value:
            try:
                used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            except ValueError as exc:
                raise RulesError(f"remind.{name}: {exc} in {text!r} (a brace is written {{{{ or }}}})") from exc
            unknown = used - set(allowed)
            if unknown:
                raise RulesError(f"remind.{name}: unknown field {sorted(unknown)} in {text!r}; "
                                 f"it may use {sorted(allowed)}")
        templates.append((name, value if isinstance(value, str) else tuple(value)))
    missing = [name for name in REMIND_TEMPLATES if name not in fields]
    if missing:
        raise RulesError(f"remind: the templates {missing} are missing (each with its fields in remind.fields)")
    for group in ("letter", "message"):
        for key in data.get(group, {}):
            if not key.startswith("#") and f"{group}.{key}" not in fields:
                raise RulesError(f"remind.{group}.{key}: no entry in remind.fields says which fields it may use")
    days = data.get("reply_working_days", 3)
    if not isinstance(days, int) or not 1 <= days <= 30:
        raise RulesError(f"remind.reply_working_days: expected working days from 1 to 30, got {days!r}")
    return RemindText(tuple(templates), days)


def _calendar_settings(data: dict[str, Any], where: str) -> dict[str, Any]:
    """derive.json's `calendar`: the alarm of every deadline in the .ics files."""
    calendar = data.get("calendar", {})
    days, hour = calendar.get("alarm_working_days", 3), calendar.get("alarm_hour", 8)
    if not isinstance(days, int) or not 0 <= days <= 20:
        raise RulesError(f"{where}.calendar.alarm_working_days: expected a number of working days from 0 to 20, "
                         f"got {days!r}")
    if not isinstance(hour, int) or not 0 <= hour <= 23:
        raise RulesError(f"{where}.calendar.alarm_hour: expected an hour from 0 to 23, got {hour!r}")
    return {"alarm_working_days": days, "alarm_hour": hour}


@functools.lru_cache(maxsize=8)
def unanchored(pattern: regex.Pattern) -> regex.Pattern:
    """A rules pattern without its leading '^', to find it after other text on the same line
    (the date line run on after the number, ingest/runon.py and extract/header.py):
    `match(text, pos)` never finds a '^' at pos."""
    return regex.compile(pattern.pattern.removeprefix("^"), pattern.flags)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def _share(value: Any, where: str) -> float:
    """A share from 0 to 1, or the rules do not load."""
    if not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise RulesError(f"{where}: expected a share from 0 to 1, got {value!r}")
    return float(value)


def _need(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise RulesError(f"{where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise RulesError(f"{where}.{key}: expected {kind}, got {type(value).__name__}")
    return value


def _compile_legacy(data: dict[str, Any]) -> tuple[LegacyEncoding, ...]:
    encodings = []
    for name, spec in data.items():
        if name.startswith("#"):
            continue
        where = f"legacy_encodings.{name}"
        table = _need(spec, "map", dict, where)
        for legacy, uni in table.items():
            if not legacy or not uni:
                raise RulesError(f"{where}.map: empty entry {legacy!r} -> {uni!r}")
        keys = sorted(table, key=len, reverse=True)
        pattern = regex.compile("|".join(regex.escape(k) for k in keys))
        enc = LegacyEncoding(
            name=name,
            font_prefixes=tuple(_need(spec, "font_prefixes", list, where)),
            capital_font_suffix=spec.get("capital_font_suffix"),
            table=tuple(table.items()),
            pattern=pattern,
        )
        for legacy, expected in spec.get("examples", {}).items():
            got = enc.decode(legacy)
            if got != expected:
                raise RulesError(f"{where}: example {legacy!r} decodes to {got!r}, expected {expected!r}")
        encodings.append(enc)
    return tuple(encodings)


def _compile_ingest(data: dict[str, Any], syllables: Syllables) -> IngestLimits:
    where = "ingest"
    zip_ = _need(data, "zip", dict, where)
    ocr = _need(data, "ocr", dict, where)
    layer = _need(data, "text_layer", dict, where)
    running = _need(data, "running_lines", dict, where)
    place = f"{where}.running_lines"
    patterns = _running_patterns(_need(running, "page_number_patterns", list, place), running.get("examples", []),
                                 running.get("non_examples", []), place, "page_number_pattern")
    heads = _running_patterns(running.get("header_patterns", []), running.get("header_examples", []), [], place,
                              "header_pattern")
    return IngestLimits(
        max_file_bytes=int(float(_need(data, "max_file_mb", (int, float), where)) * 1024 * 1024),
        max_pages=int(_need(data, "max_pages", int, where)),
        max_image_pixels=int(_need(data, "max_image_pixels", int, where)),
        zip_max_total_bytes=int(float(_need(zip_, "max_total_mb", (int, float), f"{where}.zip")) * 1024 * 1024),
        zip_max_ratio=float(_need(zip_, "max_ratio", (int, float), f"{where}.zip")),
        ocr_languages=str(_need(ocr, "languages", str, f"{where}.ocr")),
        ocr_dpi=int(_need(ocr, "dpi", int, f"{where}.ocr")),
        ocr_min_text_chars=int(_need(ocr, "min_text_chars", int, f"{where}.ocr")),
        ocr_max_skew_degrees=float(_need(ocr, "max_skew_degrees", (int, float), f"{where}.ocr")),
        ocr_sideways_share=_share(_need(ocr, "sideways_share", object, f"{where}.ocr"), f"{where}.ocr.sideways_share"),
        max_cid_share=float(_need(layer, "max_cid_share", (int, float), f"{where}.text_layer")),
        max_invalid_syllable_share=float(
            _need(layer, "max_invalid_syllable_share", (int, float), f"{where}.text_layer")
        ),
        min_words_for_syllable_check=int(_need(layer, "min_words", int, f"{where}.text_layer")),
        page_number_patterns=patterns,
        header_patterns=heads,
        min_pages_for_repeat=int(_need(running, "min_pages_for_repeat", int, f"{where}.running_lines")),
        ocr_repairs=_compile_repairs(ocr.get("repairs", {}).get("rules", []), f"{where}.ocr.repairs"),
        max_seconds_per_file=float(data.get("max_seconds_per_file", 0)),
        signature_zone=_compile_zone(ocr.get("signature_zone"), f"{where}.ocr.signature_zone"),
        stamp_ocr_config=_stamp_config(ocr.get("stamp", {}), f"{where}.ocr.stamp"),
        spaced_letters=_compile_spaced(layer.get("spaced_letters"), syllables, f"{where}.text_layer.spaced_letters"),
        text_engine=_text_engine(layer.get("engine", "pdfplumber"), f"{where}.text_layer.engine"),
        signing_note=_compile_note(data.get("signing_note"), f"{where}.signing_note"),
        site_notes=None if data.get("site_notes") is None else _checked_pattern(data["site_notes"],
                                                                                 f"{where}.site_notes"),
    )


def _compile_note(data: dict[str, Any] | None, where: str) -> regex.Pattern | None:
    """The signing note's pattern, checked on its examples (matched whole) and non-examples."""
    return None if data is None else _checked_pattern(data, where, regex.DOTALL, whole=True)


def _checked_pattern(data: dict[str, Any], where: str, flags: int = 0, whole: bool = False) -> regex.Pattern:
    """`data`'s pattern compiled and held to its examples (found in them, or matching them whole
    with `whole`) and its non-examples (found in none)."""
    try:
        pattern = regex.compile(_need(data, "pattern", str, where), flags)
    except regex.error as exc:
        raise RulesError(f"{where}.pattern: does not compile: {exc}") from exc
    for text in data.get("examples", []):
        if not (pattern.fullmatch(text) if whole else pattern.search(text)):
            raise RulesError(f"{where}: the example {text!r} is not matched{' whole' if whole else ''}; "
                             "widen the pattern or drop it")
    for text in data.get("non_examples", []):
        if pattern.search(text):
            raise RulesError(f"{where}: the non-example {text!r} is matched; narrow the pattern or drop it")
    return pattern


def _text_engine(value: Any, where: str) -> str:
    if value not in TEXT_ENGINES:
        raise RulesError(f"{where}: {value!r} is not one of {', '.join(TEXT_ENGINES)}")
    return value


def _compile_spaced(data: dict[str, Any] | None, syllables: Syllables, where: str) -> SpacedLetters | None:
    """The joining of letters set apart, with its examples: each [as read, joined] pair must
    come out joined, each non-example unchanged."""
    if data is None:
        return None  # an office that wants text layers left as they are leaves it out
    from .normalise import join_spaced_letters

    settings = SpacedLetters(max_piece=int(_need(data, "max_piece", int, where)),
                             max_run=int(_need(data, "max_run", int, where)))
    if settings.max_piece < 1 or settings.max_run < 2:
        raise RulesError(f"{where}: max_piece must be at least 1 and max_run at least 2")
    for read, joined in data.get("examples", []):
        got = join_spaced_letters(read, syllables, settings)
        if got != joined:
            raise RulesError(f"{where}: example {read!r} comes out as {got!r}, not {joined!r}")
    for text in data.get("non_examples", []):
        got = join_spaced_letters(text, syllables, settings)
        if got != text:
            raise RulesError(f"{where}: non-example {text!r} is changed into {got!r}")
    return settings


def _stamp_config(data: dict[str, Any], where: str) -> str:
    """Tesseract options for a number or date stamped as a picture: the characters it may
    not read there."""
    never = _need(data, "never_read", str, where) if data else ""
    if regex.search(r"\s", never):
        raise RulesError(f"{where}.never_read: no spaces: the characters are listed side by side")
    return f"-c tessedit_char_blacklist={never}" if never else ""


def _compile_zone(data: dict[str, Any] | None, where: str) -> SignatureZone | None:
    if data is None:
        return None  # an office that wants no second reading leaves the zone out
    zone = SignatureZone(
        height=float(_need(data, "height", (int, float), where)),
        min_half_width=float(_need(data, "min_half_width", (int, float), where)),
        chroma=int(_need(data, "chroma", int, where)),
        dark=int(_need(data, "dark", int, where)),
    )
    if zone.height <= 0 or zone.min_half_width <= 0 or not 0 < zone.chroma < 255 or not 0 < zone.dark < 255:
        raise RulesError(f"{where}: sizes must be positive and chroma, dark within 1..254")
    return zone


def _compile_repairs(entries: list[dict[str, Any]], where: str) -> tuple[tuple[regex.Pattern, str], ...]:
    """Substitutions with their examples: each [read, repaired] pair must come out right,
    each non-example must come out unchanged."""
    repairs = []
    for entry in entries:
        source = _need(entry, "pattern", str, where)
        try:
            pattern = regex.compile(source)
        except regex.error as exc:
            raise RulesError(f"{where}: pattern {source!r} does not compile: {exc}") from exc
        repairs.append((pattern, _need(entry, "replace", str, where)))
        for read, repaired in entry.get("examples", []):
            got = pattern.sub(repairs[-1][1], read)
            if got != repaired:
                raise RulesError(f"{where}: {source!r} turns example {read!r} into {got!r}, not {repaired!r}")
        for text in entry.get("non_examples", []):
            if pattern.sub(repairs[-1][1], text) != text:
                raise RulesError(f"{where}: {source!r} changes its non-example {text!r}")
    return tuple(repairs)


def _compile_syllables(data: dict[str, Any]) -> Syllables:
    where = "syllables"
    syl = Syllables(
        onsets=frozenset(_need(data, "onsets", list, where)),
        rhymes=frozenset(_need(data, "rhymes", list, where)),
        rhyme_onsets=tuple((k, frozenset(v)) for k, v in data.get("rhyme_onsets", {}).items()
                           if not k.startswith("#")),
        loanwords=frozenset(w.casefold() for w in data.get("loanwords", [])),
    )
    for rhyme, _ in syl.rhyme_onsets:
        if rhyme not in syl.rhymes:
            raise RulesError(f"{where}.rhyme_onsets: {rhyme!r} is not in rhymes")
    from .normalise import is_valid_syllable

    for word in data.get("valid_examples", []):
        if not is_valid_syllable(word, syl):
            raise RulesError(f"{where}: valid example {word!r} is not accepted; add its rhyme or onset")
    for word in data.get("invalid_examples", []):
        if is_valid_syllable(word, syl):
            raise RulesError(f"{where}: invalid example {word!r} is accepted")
    for word in syl.loanwords:
        if is_valid_syllable(word, syl):
            raise RulesError(f"{where}: loanword {word!r} is a Vietnamese syllable already; remove it")
    return syl


def _compile_doc_types(data: dict[str, Any]) -> tuple[DocType, ...]:
    where = "doc_types"
    types = []
    for entry in _need(data, "types", list, where):
        name = _need(entry, "name", str, f"{where}.types")
        types.append(DocType(name=name, code=entry.get("code")))
    names = [t.name for t in types]
    if len(set(names)) != len(names):
        raise RulesError(f"{where}: a type name is listed twice")
    found = {t.printed: t.name for t in types}
    for printed, name in data.get("examples", {}).items():
        if found.get(printed) != name:
            raise RulesError(f"{where}: example {printed!r} should give {name!r}, got {found.get(printed)!r}")
    return tuple(types)


def _compile_units(data: dict[str, Any]) -> Units:
    where = "units"
    signer_units = _need(data, "signer_units", dict, where)
    offices = data.get("signer_offices", {})
    units = Units(
        issuer_heads=tuple(sorted(_need(data, "issuer_heads", list, where), key=len, reverse=True)),
        signer_units=tuple((k, v) for k, v in signer_units.items() if not k.startswith("#")),
        sectors=tuple(_need(data, "sectors", list, where)),
        signer_titles=tuple(_need(data, "signer_titles", list, where)),
        not_names=tuple(data.get("not_names", [])),
        signer_offices=tuple(offices.get("offices", [])),
        office_min_ratio=float(offices.get("min_ratio", 1.0)),
        deputy=_words_pattern(data.get("deputy_words", {}).get("words", [])),
        in_charge=_words_pattern(_word_list(data.get("deputy_words", {}), "in_charge", f"{where}.deputy_words")),
        deputy_of=tuple((head, deputy) for head, deputy in data.get("deputy_words", {}).get("deputy_of", {}).items()
                        if not head.startswith("#")),
        one_line=_one_line_issuer(data.get("issuer_in_one_line", {}), where),
    )
    for line, issuer in data.get("issuer_in_one_line", {}).get("examples", {}).items():
        split = units.split_issuer(line)
        if (split[1] if split else None) != issuer:
            raise RulesError(f"{where}.issuer_in_one_line: example {line!r} should give {issuer!r}, "
                             f"got {split[1] if split else None!r}")
    for reading, office in offices.get("examples", {}).items():
        if units.office(reading) != office:
            raise RulesError(f"{where}.signer_offices: example {reading!r} should read as {office!r}, "
                             f"got {units.office(reading)!r}")
    return units


def _running_patterns(sources: list[str], examples: list[str], non_examples: list[str], where: str,
                      kind: str) -> tuple[regex.Pattern, ...]:
    """The patterns of one kind of running line (page numbers, a publication's head), each
    compiled, each example matched by one of them and no non-example."""
    patterns = []
    for source in sources:
        try:
            patterns.append(regex.compile(source))
        except regex.error as exc:
            raise RulesError(f"{where}: {kind} {source!r} does not compile: {exc}") from exc
    for example in examples:
        if not any(p.match(example) for p in patterns):
            raise RulesError(f"{where}: example {example!r} is matched by no {kind}")
    for example in non_examples:
        if any(p.match(example) for p in patterns):
            raise RulesError(f"{where}: non-example {example!r} is matched by a {kind}")
    return tuple(patterns)


def _one_line_issuer(data: dict[str, Any], where: str) -> regex.Pattern:
    """units.issuer_in_one_line as one pattern: a parent's word at the start, then the first
    subordinate body's word not preceded by a word of `not_after`."""
    if not data:
        return regex.compile(r"(?!)")
    def words(key: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(_need(data, key, list, f"{where}.issuer_in_one_line"),
                                                       key=len, reverse=True))
    pattern = (rf"^(?P<parent>(?:{words('parents')})\s+\S.*?)\s+(?<!(?<!\S)(?:{words('not_after')})\s+)"
               rf"(?P<issuer>(?:{words('subordinate')})\s+\S.*)$")
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise RulesError(f"{where}.issuer_in_one_line: the words do not make a pattern ({exc})") from exc


def _word_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise RulesError(f"{where}.{key}: expected a list of words, got {words!r}")
    return words


def _words_pattern(words: list[str]) -> regex.Pattern:
    """Any of `words` as whole words, spaces matching any run of white space; never
    matches when there are none."""
    if not words:
        return regex.compile(r"(?!)")
    return regex.compile("(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words) + r")\b")


_REF = regex.compile(r"\$(\w+)")


def _compile_patterns(raw: dict[str, dict[str, Any]]) -> dict[str, regex.Pattern]:
    """Every `patterns` section of every file: `$name` expanded, compiled, examples checked."""
    sources: dict[str, tuple[str, str]] = {}
    for stem, data in raw.items():
        for name, spec in data.get("patterns", {}).items():
            if name.startswith("#"):
                continue
            if name in sources:
                raise RulesError(f"{stem}.json: pattern {name!r} is defined in {sources[name][0]}.json too")
            sources[name] = (stem, _need(spec, "pattern", str, f"{stem}.patterns.{name}"))

    def expand(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in seen:
            raise RulesError(f"pattern {name!r} refers to itself through {' -> '.join(seen)}")
        if name not in sources:
            raise RulesError(f"pattern ${name} is used but not defined")
        return _REF.sub(lambda m: expand(m.group(1), (*seen, name)), sources[name][1])

    compiled = {}
    for name, (stem, _) in sources.items():
        text = expand(name)
        try:
            compiled[name] = regex.compile(text)
        except regex.error as exc:
            raise RulesError(f"{stem}.json: pattern {name!r} does not compile: {exc}") from exc
        spec = raw[stem]["patterns"][name]
        for example in spec.get("examples", []):
            if not compiled[name].search(example):
                raise RulesError(f"{stem}.json: pattern {name!r} does not match its example {example!r}")
        for example in spec.get("non_examples", []):
            if compiled[name].search(example):
                raise RulesError(f"{stem}.json: pattern {name!r} matches its non-example {example!r}")
    return compiled
