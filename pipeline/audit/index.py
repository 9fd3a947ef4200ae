"""Which document of the batch a number names.

A number's identity is its sequence, its symbol and its year, compared tolerant of the
spacing, case and Đ/Ð differences of scraped and scanned text ('292 /KH-SGDĐT' and
'292/KH-SGDÐT' are one number). The year is the one inside a normative number
('09/2017/NĐ-CP'), else the year of the document's date. Copies of one document that
arrived in several formats (the .docx and its scan) are one document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from ..identity import same_title
from ..normalise import bare
from ..record import Record


@dataclass(frozen=True)
class Identity:
    seq: str  # '1008', without leading zeros
    symbol: str  # 'KH-SGDDT', bare and upper case
    year: int | None

    def same_number(self, other: Identity) -> bool:
        """Sequence and symbol equal, and the years too when both are known."""
        if (self.seq, self.symbol) != (other.seq, other.symbol):
            return False
        return self.year is None or other.year is None or self.year == other.year


@functools.lru_cache(maxsize=65536)
def identity(number: str | None, date: str | None = None) -> Identity | None:
    if not number:
        return None
    text = regex.sub(r"\s+", "", number).replace("Ð", "Đ")
    match = regex.match(r"(\d+)(?:/((?:19|20)\d\d))?[/-](.+)$", text)
    if not match:
        return None
    year = int(match.group(2)) if match.group(2) else (int(date[:4]) if date else None)
    return Identity(str(int(match.group(1))), bare(match.group(3)).replace(" ", ""), year)


@dataclass(frozen=True)
class Document:
    """One document of the batch: its record, and the copies of it that also arrived."""

    record: Record
    copies: tuple[Record, ...] = ()

    @property
    def path(self) -> str:
        return self.record.source.path


def same_document(a: Record, b: Record) -> bool:
    """Two records are copies of one document when number, date and title agree."""
    if not a.number or not b.number or a.date != b.date:
        return False
    return identity(a.number, a.date) == identity(b.number, b.date) and same_title(a.title, b.title)


def documents(records: list[Record]) -> list[Document]:
    """The distinct documents of a batch, copies folded into the first that arrived."""
    out: list[Document] = []
    # only documents with a number and the same date can be copies (same_document): each
    # record is compared with those, not with the whole batch (issue 17)
    numbered: dict[str | None, list[int]] = {}
    for record in records:
        candidates = numbered.get(record.date, ()) if record.number else ()
        twin = next((i for i in candidates if same_document(out[i].record, record)), None)
        if twin is None:
            out.append(Document(record))
            if record.number:
                numbered.setdefault(record.date, []).append(len(out) - 1)
        else:
            out[twin] = Document(out[twin].record, (*out[twin].copies, record))
    return out


class NumberIndex:
    """The documents of a batch by the symbol of their number: finding the document a
    citation names costs a look-up, not a pass over the batch."""

    def __init__(self, docs: list[Document]) -> None:
        self.by_symbol: dict[str, list[tuple[Identity, Document]]] = {}
        for doc in docs:
            key = identity(doc.record.number, doc.record.date)
            if key is not None:
                self.by_symbol.setdefault(key.symbol, []).append((key, doc))

    def same_symbol(self, key: Identity, citing: Document) -> list[tuple[Identity, Document]]:
        """The other documents whose number has the symbol of `key`, in batch order."""
        return [(k, d) for k, d in self.by_symbol.get(key.symbol, []) if d is not citing]

    def find(self, key: Identity, citing: Document) -> Document | None:
        """The first other document whose number is `key`'s."""
        return next((d for k, d in self.same_symbol(key, citing) if key.same_number(k)), None)
