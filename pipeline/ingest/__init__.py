"""Ingest: every format a school office receives becomes a `Document` of clean lines.

`read_document(path, rules)` picks the reader by the file's suffix and content, checks
the limits of `rules/ingest.json` first, and raises `InputError` (one line: what is
wrong with which file) for anything it cannot read. Inputs are opened read-only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..document import Document, Page
from ..errors import InputError
from ..rules import Rules

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}
SUFFIXES = TEXT_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx", ".doc"}


def read_document(path: str | os.PathLike[str], rules: Rules, display: str | None = None) -> Document:
    """Read one file into a Document. `display` is the name used in messages and records."""
    path = Path(path)
    name = display or str(path)
    data = _read_bytes(path, name, rules)
    suffix = path.suffix.lower()
    sha = hashlib.sha256(data).hexdigest()
    from PIL import Image

    # Pillow keeps its bomb limit in a global: set it from these rules for every file, so
    # the limit of one set of rules never carries over to a file read under another
    Image.MAX_IMAGE_PIXELS = rules.ingest.max_image_pixels
    try:
        pages, fmt, legacy, warnings = _dispatch(path, data, suffix, name, rules)
    except InputError:
        raise
    except MemoryError as exc:
        raise InputError(name, "too large to read in memory") from exc
    except Exception as exc:  # a reader library choked: the file is damaged, not the program
        raise InputError(name, f"cannot read {suffix or 'file'}: {type(exc).__name__}: {exc}".strip()) from exc
    pages = _renumber(pages)
    if not any(line.text.strip() for page in pages for line in page.lines):
        warnings = [*warnings, "[empty] no text could be read from the file"]
    signatures: tuple = ()
    if fmt == "pdf":
        from .signatures import read_signatures

        signatures, notes = read_signatures(data, rules.trust_roots)
        warnings = [*warnings, *notes]
    return Document(path=name, sha256=sha, format=fmt, pages=tuple(pages),
                    legacy_encoding=legacy, warnings=tuple(warnings), signatures=signatures)


def _read_bytes(path: Path, name: str, rules: Rules) -> bytes:
    try:
        if path.is_dir():
            raise InputError(name, "is a folder, not a file")
        size = path.stat().st_size
    except InputError:
        raise
    except OSError as exc:
        raise InputError(name, f"cannot open: {exc.strerror or exc}") from exc
    if size == 0:
        raise InputError(name, "empty file (0 bytes)")
    limit = rules.ingest.max_file_bytes
    if size > limit:
        raise InputError(name, f"file is {size / 2**20:.1f} MB, over the limit of {limit / 2**20:.0f} MB "
                               "(raise max_file_mb in rules/ingest.json)")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc


def _dispatch(path: Path, data: bytes, suffix: str, name: str, rules: Rules
              ) -> tuple[list[Page], str, str | None, list[str]]:
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        if b"\x00" in data[:4096] and not _utf16_like(data):
            raise InputError(name, "binary data in a text file")
        pages, legacy = read_text(data, rules, markdown=True if suffix != ".txt" else None)
        return pages, suffix.lstrip(".").replace("markdown", "md"), legacy, []
    if suffix == ".docx" or (suffix == "" and data[:2] == b"PK"):
        from .docx import read_docx

        pages, legacy, warnings = read_docx(data, name, rules)
        return pages, "docx", legacy, warnings
    if suffix == ".pdf" or (suffix == "" and data[:5] == b"%PDF-"):
        from .pdf import read_pdf

        pages, warnings = read_pdf(data, name, rules)
        return pages, "pdf", None, warnings
    if suffix in IMAGE_SUFFIXES:
        from .ocr import read_image

        pages, warnings = read_image(data, name, rules)
        return pages, "image", None, warnings
    if suffix == ".doc":
        from .doc import read_doc

        pages, legacy, warnings = read_doc(path, name, rules)
        return pages, "doc", legacy, warnings
    accepted = ", ".join(sorted(SUFFIXES))
    raise InputError(name, f"unsupported file type {suffix or '(no suffix)'}; vanban reads {accepted}")


def _utf16_like(data: bytes) -> bool:
    head = data[:4096]
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1::2].count(0) > 0.4 * len(head[1::2]) or \
        head[0::2].count(0) > 0.4 * len(head[0::2])


def _renumber(pages: list[Page]) -> list[Page]:
    from dataclasses import replace

    out = []
    for number, page in enumerate(pages, start=1):
        lines = tuple(replace(line, page=number) for line in page.lines)
        out.append(Page(number, lines, page.ocr))
    return out
