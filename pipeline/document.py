"""The clean text of one file, as the ingest stage hands it to extraction.

A `Document` is pages of `Line`s. Each line keeps its page, the layout block it came
from (the two columns of the header and of the Nơi nhận/signer footer are separate
blocks, never interleaved) and, for PDF and OCR, its box on the page. The clean text of
a page is its lines joined by newlines; evidence offsets point into that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .record import Signature

# 'note': a footnote of a Word file, read after the paragraph that holds its mark
Block = Literal["body", "header-left", "header-right", "footer-left", "footer-right", "table", "margin", "note"]
PAGE_BREAK = "\n\f\n"


@dataclass(frozen=True)
class Line:
    text: str
    page: int = 1
    block: Block = "body"
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points
    stamped: bool = False  # carries text a form field prints on the page (a ký số stamp)


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[Line, ...]
    ocr: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def line_offsets(self) -> list[int]:
        """Start offset of each line in `text`."""
        offsets, pos = [], 0
        for line in self.lines:
            offsets.append(pos)
            pos += len(line.text) + 1
        return offsets


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    format: str
    pages: tuple[Page, ...]
    legacy_encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())
    signatures: tuple[Signature, ...] = ()  # a signed PDF's digital signatures (ingest/signatures.py)

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)

    @property
    def text(self) -> str:
        """The whole clean text, pages separated by a form feed line."""
        return PAGE_BREAK.join(p.text for p in self.pages)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    def locate(self, offset: int) -> tuple[int, int]:
        """Map an offset in `text` to (page number, offset in that page's text)."""
        pos = 0
        for page in self.pages:
            end = pos + len(page.text)
            if offset <= end:
                return page.number, offset - pos
            pos = end + len(PAGE_BREAK)
        raise ValueError(f"offset {offset} is past the end of the document ({pos} characters)")
