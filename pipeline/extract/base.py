"""What every extractor shares: the document's lines with their positions, and Spans."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ..document import Document, Line
from ..normalise import bare, is_caps  # noqa: F401  (the extractors' matching key; text in capitals)
from ..record import Span

# OCR reads digits in handwritten blanks as letters: 'ngàyl6', 'Số: |]'
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "]": "1", "!": "1"})


@dataclass(frozen=True)
class Ref:
    """A line of the document with its index and its start offset in its page's text."""

    index: int
    line: Line
    offset: int

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def block(self) -> str:
        return self.line.block


class Lines:
    """The lines of a Document, indexable, each knowing where it sits on its page."""

    def __init__(self, document: Document) -> None:
        refs = []
        for page in document.pages:
            for line, offset in zip(page.lines, page.line_offsets()):
                refs.append(Ref(len(refs), line, offset))
        self.refs: list[Ref] = refs
        self._ocr_pages = frozenset(page.number for page in document.pages if page.ocr)
        self._spans: dict[int, list[tuple[int, int, str]]] | None = None

    def __iter__(self):
        return iter(self.refs)

    def __len__(self) -> int:
        return len(self.refs)

    def __getitem__(self, i):
        return self.refs[i]

    def is_ocr(self, ref: Ref) -> bool:
        """Whether the line was read by OCR (its letters may be misread)."""
        return ref.line.page in self._ocr_pages

    def spans(self, rules) -> dict[int, list[tuple[int, int, str]]]:
        """The rules' pattern spans (extract/nlp.py) of every line, offsets within the line."""
        if self._spans is None:
            from .nlp import find_spans

            starts, pos = [], 0
            for ref in self.refs:
                starts.append(pos)
                pos += len(ref.text) + 1
            by_line: dict[int, list[tuple[int, int, str]]] = {}
            text = "\n".join(ref.text for ref in self.refs)
            for start, end, label in find_spans(text, rules):
                i = bisect.bisect_right(starts, start) - 1
                if end <= starts[i] + len(self.refs[i].text):
                    by_line.setdefault(i, []).append((start - starts[i], end - starts[i], label))
            self._spans = by_line
        return self._spans

    def span(self, ref: Ref, start: int = 0, end: int | None = None) -> Span:
        end = len(ref.text) if end is None else end
        return Span(ref.line.page, ref.offset + start, ref.offset + end, ref.text[start:end],
                    "stamp" if ref.line.stamped else None)


_COMPILED: dict[tuple[str, type], object] = {}


def compiled(rules, kind: type):
    """One `kind(rules)` per rules version: the finders compile their regexes once, not
    once per document."""
    key = (rules.version, kind)
    if key not in _COMPILED:
        _COMPILED[key] = kind(rules)
    return _COMPILED[key]


def ocr_int(text: str) -> int | None:
    """An integer from a field OCR may have misread ('l6' → 16); None when it is blank."""
    cleaned = regex.sub(r"[\s.…_]", "", text.translate(_OCR_DIGITS))
    return int(cleaned) if cleaned.isdigit() else None


def squash(text: str) -> str:
    """Text without spaces, for comparing words that scraping or OCR split ('B Ộ')."""
    return regex.sub(r"\s+", "", text)


def clean_value(text: str) -> str:
    return " ".join(text.split()).strip(" ;,")
