"""Writing results: atomic files, safe names, JSON that keeps Vietnamese readable.

Every file is written to a temporary file beside its target and renamed over it, so a
reader (or an interrupted run) never sees half a file. Output names come from input
file names only, never from document text.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

_UNSAFE = regex.compile(r"[^\p{L}\p{N}._-]+")
MAX_NAME = 120
_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once: the process's umask, to give outputs ordinary permissions


def safe_name(relative: str) -> str:
    """A file name for the outputs of input `relative` (a path inside the inbox).

    Folders become `__`, anything but letters, digits, `.`, `_` and `-` becomes `_`, and
    a short hash of the original keeps distinct inputs distinct after the folding.
    """
    rel = unicodedata.normalize("NFC", relative).replace("\\", "/")
    parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
    folded = "__".join(_UNSAFE.sub("_", p).strip("._") or "_" for p in parts) or "file"
    digest = hashlib.sha1(rel.encode("utf-8")).hexdigest()[:8]
    if len(folded) > MAX_NAME:
        folded = folded[:MAX_NAME]
    return f"{folded}.{digest}"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600: outputs are for the office to read
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_json(path: Path, data: Any, unchanged_ok: bool = False) -> None:
    """JSON, indented; with `unchanged_ok`, a file that already holds it is left alone
    (an unchanged re-run writes nothing)."""
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if unchanged_ok and _holds(path, content.encode("utf-8")):
        return
    write_atomic(path, content)


def _holds(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def write_jsonl(path: Path, rows: Iterable[Any]) -> None:
    write_atomic(path, "".join(dumps(r) + "\n" for r in rows))


# a spreadsheet evaluates a cell that starts with one of these (OWASP: CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """Text that a spreadsheet shows as written and never evaluates: a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def put_cell(cell, value: object) -> None:
    """An openpyxl cell holding `value`; text is stored as text (never a formula), and text
    that looks like one gets Excel's quote prefix so editing it keeps it text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True


_W3CDTF = regex.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(data: bytes, when: str = "2000-01-01T00:00:00Z") -> bytes:
    """An Office file (a zip) made byte for byte repeatable: every member dated 1980-01-01
    and the created/modified properties set to `when`. The same record then always gives
    the same .docx and .xlsx, so a re-run changes no output it need not change."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "docProps/core.xml":
                content = _W3CDTF.sub(rb"\g<1>" + when.encode("ascii") + rb"\g<2>", content)
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
