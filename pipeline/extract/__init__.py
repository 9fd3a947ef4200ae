"""Extract: the clean text of a Document becomes a Record.

This stage fills `source` and carries the reader's `warnings`; the header, citations,
tasks, recipients, signer and outline extractors join it (issue 4).
"""

from __future__ import annotations

from ..document import Document
from ..record import Record, Source
from ..rules import Rules


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
    """The record of one document. Pure: no files, no clock."""
    return Record(source=source_of(document), warnings=document.warnings)
