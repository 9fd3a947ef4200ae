"""One document, however many files bring it.

An office receives the same dispatch as a signed PDF and as the DOCX it was typed in, or a
second copy of it: each file is read (its record is kept under OUT/records), but the batch
counts the document once. Files whose records have the same number, issuer and day (the
number compared as citations compare it, the titles not different) are one document; files
without a number are one document when their texts are the same. Of the copies, the record
kept is the one read most directly (a text layer before OCR; the issued PDF before a DOCX
before a text), and its `source.copies` lists the others. Two different documents that share
a number keep their own records: the audit reports them (duplicate-number).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from dataclasses import replace

from .extract.citations import number_key
from .normalise import bare
from .record import Record

# the reader a copy was read with, most direct first
_FORMATS = ("pdf", "docx", "doc", "md", "txt", "image")
SAME_TITLE = 0.85  # titles at least this similar (difflib ratio) name the same document
CUT_TITLE_CHARS = 30  # a title this long may be the start of a longer one (same_title)


def documents(records: list[Record], texts: dict[str, tuple[str, ...]]) -> list[Record]:
    """One record per document, in the order of the first file of each; the kept record lists
    the other files in `source.copies`."""
    groups: list[list[Record]] = []
    keyed: dict[tuple, list[list[Record]]] = {}
    for record in records:
        key = _key(record, texts)
        group = next((g for g in keyed.get(key, []) if same_title(g[0].title, record.title)), None)
        if group is None:
            group = [record]
            keyed.setdefault(key, []).append(group)
            groups.append(group)
        else:
            group.append(record)
    out = []
    for group in groups:
        kept = min(group, key=_rank)
        others = tuple(r.source.path for r in group if r is not kept)
        out.append(replace(kept, source=replace(kept.source, copies=others)) if others else kept)
    return out


def document_key(record: Record, texts: dict[str, tuple[str, ...]]) -> str:
    """The document's identity as one string, the same for every copy and every run:
    'number|1008/kh-sgddt|SO GIAO DUC VA DAO TAO|2022-07-06', or 'text|<sha256>' for a
    document without a number."""
    return "|".join(str(part) for part in _key(record, texts))


@functools.lru_cache(maxsize=1 << 14)  # the ledger, the checklists and the summary ask again (issue 17)
def task_id(document: str, owner: str, action: str) -> str:
    """A task's short id (10 hex digits) from its document's key and its owner and action
    as words: the same whatever the order of the batch or the rows of the store, and
    unchanged by spacing, case or punctuation (issue 16)."""
    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", bare(text).lower()))

    seed = "\x1f".join((document, words(owner), words(action)))
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


def _key(record: Record, texts: dict[str, tuple[str, ...]]) -> tuple:
    if record.number:
        issuer = bare((record.issuer.name if record.issuer else None) or "")
        return ("number", number_key(record.number), issuer, record.date)
    pages = texts.get(record.source.path, ())
    folded = " ".join(" ".join(pages).casefold().split())
    if not folded:
        return ("file", record.source.path)
    return ("text", hashlib.sha256(folded.encode("utf-8")).hexdigest())


def same_title(a: str | None, b: str | None) -> bool:
    """Two trích yếu of one document: equal but for reading damage (OCR, an old font), or one
    cut short where a PDF header lost its second line ('… chất độc hóa' of the same 3354/
    VPCP-KGVX whose DOCX goes on '… học/dioxin do Mỹ sử dụng …'; a scan whose title ran under
    the stamp). The shorter is compared with as much of the longer, when it is long enough
    to tell ('V/v' alone is not); a missing title does not part copies."""
    if not a or not b:
        return True
    ta, tb = bare(a).lower(), bare(b).lower()
    n = min(len(ta), len(tb))
    if n >= CUT_TITLE_CHARS:
        ta, tb = ta[:n], tb[:n]
    return difflib.SequenceMatcher(None, ta, tb).ratio() >= SAME_TITLE


def _rank(record: Record) -> tuple:
    fmt = record.source.format
    return (record.source.ocr, _FORMATS.index(fmt) if fmt in _FORMATS else len(_FORMATS), record.source.path)
