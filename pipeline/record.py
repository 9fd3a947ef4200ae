"""The record every dispatch becomes (../shared/spec/record.md), as typed dataclasses.

Keys are English; values keep the document's own Vietnamese. Every class is frozen,
lists are tuples, and `to_dict()` / `from_dict()` round-trip through plain JSON types:
`Record.from_dict(r.to_dict()) == r`.

Glossary of the terms used here: `number` (số và ký hiệu), `issuer` (cơ quan ban hành),
`title` (trích yếu), `recipients` (Nơi nhận), `signer` (người ký), `deadline` (thời hạn).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")

Role = Literal["action", "info", "archive"]
Severity = Literal["error", "warning", "info"]
Recurrence = Literal["daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "school-year"]
AUTHORITIES = ("KT.", "TL.", "TM.", "Q.", "TUQ.")
NAME_TITLE_CHARS = 70  # of a trích yếu, where a document is named in a list (Record.name)


class _Model:
    """JSON round trip shared by every record part."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}.from_dict needs a JSON object, got {type(data).__name__}")
        loaders, known = _loaders(cls)
        if not known.issuperset(data):
            unknown = set(data) - known
            raise ValueError(f"{cls.__name__}: unknown keys {sorted(unknown)}; known keys are {sorted(known)}")
        return cls(**{k: loaders[k](v) for k, v in data.items()})


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """The type hints and field names of a record class, resolved once (they are slow)."""
    return typing.get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls))


def _dump(value: Any) -> Any:
    if isinstance(value, _Model):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


Loader = Callable[[Any], Any]


@functools.cache
def _loaders(cls: type) -> tuple[dict[str, Loader], frozenset[str]]:
    """A loader for each field of a record class, made once from its type hints: asking
    typing what a hint is for every value took most of reading a cached record (three
    seconds for the 1,000 records of a re-run, issue 17)."""
    hints, known = _fields(cls)
    return {name: _loader(hints[name]) for name in known}, known


def _loader(hint: Any) -> Loader:
    """What turns a JSON value into a value of type `hint` (None stays None)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _loader(args[0]) if len(args) == 1 else _plain
    if origin is tuple:
        (item,) = {a for a in typing.get_args(hint) if a is not Ellipsis}
        each = _loader(item)
        if each is _plain:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(each(v) for v in value)
    if origin is dict:
        _, item = typing.get_args(hint)
        each = _loader(item)
        return lambda value: None if value is None else {k: each(v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, _Model):
        # the class's own loaders are looked up when a value comes: a class may hold itself
        return lambda value: None if value is None else hint.from_dict(value)
    return _plain


def _plain(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Source(_Model):
    """Where a record came from. `format` is the reader used (pdf, docx, txt, md, image, doc)."""

    path: str
    sha256: str
    format: str
    pages: int = 1
    ocr: bool = False
    legacy_encoding: str | None = None
    copies: tuple[str, ...] = ()  # other files of the same document (its DOCX, a second copy)


@dataclass(frozen=True)
class Issuer(_Model):
    """The issuing body (cơ quan ban hành); `parent` is the cơ quan chủ quản line above it."""

    name: str | None = None
    parent: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Citation(_Model):
    """A document this one refers to (căn cứ, thực hiện, theo ...)."""

    doc_type: str | None = None
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    text: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deadline(_Model):
    """When a task is due (thời hạn). `start` and `end` are ISO dates."""

    text: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Quantity(_Model):
    """A counted product of a task: `01 bài viết` is value 1, unit `bài viết`."""

    value: int | float | None
    unit: str | None
    text: str


@dataclass(frozen=True)
class Task(_Model):
    """One assignment of work to one owner."""

    owner: str
    action: str
    deadline: Deadline | None = None
    recurrence: Recurrence | None = None
    quantity: Quantity | None = None
    section: str | None = None
    cooperating: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recipient(_Model):
    """One line of the Nơi nhận block."""

    name: str
    role: Role


@dataclass(frozen=True)
class Signer(_Model):
    """The signature block: `KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / name`."""

    authority: str | None = None
    on_behalf_of: str | None = None
    title: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        if self.authority is not None and self.authority not in AUTHORITIES:
            raise ValueError(f"Signer.authority {self.authority!r} is not one of {AUTHORITIES}")


@dataclass(frozen=True)
class Signature(_Model):
    """One digital signature (chữ ký số) of a PDF, as its certificate and the file show it.

    `intact`: the signed bytes still match the signature. `whole_file`: it covers the file
    as it is; false when a later revision was added after signing (a further signature, a
    stamp, or a change). `later_changes`: what the revisions after it do, by pyHanko's
    difference analysis ('none', 'form filling', 'annotations', 'other').
    `trusted`: the certificate chains to one of the trust roots given; null when no roots
    are configured. Revocation is never looked up (nothing goes to the network)."""

    field: str | None = None
    signer: str | None = None  # the certificate's common name
    organisation: str | None = None
    time: str | None = None  # ISO 8601 with its offset
    time_source: str | None = None  # 'timestamp' (a time-stamp authority) or 'claimed' (/M)
    reason: str | None = None
    location: str | None = None
    intact: bool | None = None
    whole_file: bool | None = None
    later_changes: str | None = None
    trusted: bool | None = None
    revocation: str = "not checked"
    problem: str | None = None  # why the signature could not be checked, when it could not


@dataclass(frozen=True)
class Section(_Model):
    """One item of the outline (I., 1., a), -, +)."""

    label: str | None
    heading: str | None
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Span(_Model):
    """Where a value came from: character offsets into the clean text of one page (1-based)."""

    page: int
    start: int
    end: int
    text: str
    source: str | None = None  # 'stamp': the line carries what a form field prints (a ký số stamp)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Span offsets must satisfy 0 <= start <= end, got {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.source is None:
            del out["source"]  # the text layer, as almost every span: said only when it is not
        return out


@dataclass(frozen=True)
class Quote(_Model):
    """Text quoted from a document as evidence of a finding: where it stands, what it says."""

    document: str  # the source path of the document
    text: str
    page: int | None = None
    start: int | None = None
    end: int | None = None

    @classmethod
    def of(cls, document: str, span: Span | None, text: str = "") -> Quote:
        """The text a span points at, with its place; `text` alone when there is no span."""
        if span is None:
            return cls(document=document, text=text)
        return cls(document=document, text=span.text, page=span.page, start=span.start, end=span.end)


@dataclass(frozen=True)
class Finding(_Model):
    """Something the audit reports: a fault inside one document or between documents."""

    kind: str  # e.g. 'citation-date-mismatch', 'weekday-mismatch' (rules/audit.json lists them)
    severity: Severity
    message: str
    documents: tuple[str, ...]  # source paths, the document at fault first
    evidence: tuple[Quote, ...] = ()
    suggestion: str | None = None


@dataclass(frozen=True)
class Record(_Model):
    """Everything vanban knows about one dispatch."""

    source: Source
    issuer: Issuer | None = None
    number: str | None = None
    doc_type: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    citations: tuple[Citation, ...] = ()
    tasks: tuple[Task, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    signer: Signer | None = None
    sections: tuple[Section, ...] = ()
    warnings: tuple[str, ...] = ()
    evidence: dict[str, Span] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()  # contradictions inside the document (the audit adds those between documents)
    signatures: tuple[Signature, ...] = ()  # the digital signatures of a signed PDF

    def __hash__(self) -> int:  # evidence is a dict; records are compared, not hashed as keys
        return hash((self.source, self.number, self.date))

    def name(self, title_chars: int = NAME_TITLE_CHARS) -> str:
        """How an office names a document in a list: its số hiệu and the start of its trích
        yếu, never the file it came in ('105/KH-PGDĐT – Phòng, chống đuối nước cho học sinh …');
        a document without a number is named by its kind ('Thông báo không số – …')."""
        title = self.title or ""
        if len(title) > title_chars:
            title = title[:title_chars].rsplit(" ", 1)[0] + " …"
        number = self.number or (f"{self.doc_type} không số" if self.doc_type else "")
        return " – ".join(filter(None, (number, title))) or self.source.path
