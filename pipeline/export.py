"""Writing results: atomic files, safe names, JSON that keeps Vietnamese readable.

Every file is written to a temporary file beside its target and renamed over it, so a
reader (or an interrupted run) never sees half a file. Output names come from input
file names only, never from document text.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import json
import os
import struct
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
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
    """Write `content` to `path` through a temporary file and a rename; inside together(),
    the rename waits until the file is on disk with the others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    pending = _PENDING.get()
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            if pending is None:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600: outputs are for the office to read
        if pending is None:
            os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    if pending is not None:
        pending.append((tmp, path))
        if len(pending) >= _BATCH:
            _put_in_place(pending)


# the files written inside together() and not yet in place: (temporary file, target)
_PENDING: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar("pending", default=None)
_BATCH = 512  # files put in place at once: open descriptors and temporary files stay few


@contextmanager
def together() -> Iterator[None]:
    """Files written inside (write_atomic) are flushed to disk many at once, each then
    renamed into place as before: never half a file, only complete ones renamed.

    One fsync after another cost 3.6 ms a file here, four seconds of a 100-file run and
    most of derive once its files were cheap to make (issue 17); fsyncs issued together
    share the journal's commits. A file is in place once the block ends (or after the
    next _BATCH files), not as soon as written: nothing inside reads what it wrote."""
    token = _PENDING.set([])
    try:
        yield
    finally:
        try:
            _put_in_place(_PENDING.get() or [])
        finally:
            _PENDING.reset(token)


def _put_in_place(pending: list[tuple[str, Path]]) -> None:
    """fsync the temporary files side by side, then rename each over its target, in order."""
    def flush(tmp: str) -> None:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    placed = 0
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(flush, (tmp for tmp, _ in pending)))
        for tmp, path in pending:
            os.replace(tmp, path)
            placed += 1
    finally:
        for tmp, _ in pending[placed:]:  # what could not be put in place leaves nothing behind
            _unlink(tmp)
        pending.clear()


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


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


_W3CDTF = regex.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(data: bytes, when: str = "2000-01-01T00:00:00Z") -> bytes:
    """An Office file (a zip) made byte for byte repeatable: every member dated 1980-01-01
    and the created/modified properties set to `when`. The same record then always gives
    the same .docx and .xlsx, so a re-run changes no output it need not change."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_members([(item.filename, source.read(item)) for item in source.infolist()], when)


def zip_members(members: list[tuple[str, bytes]], when: str = "2000-01-01T00:00:00Z") -> bytes:
    """The zip of `members` (name, content) in their order, as stable_zip makes it: each
    dated 1980-01-01, deflated, mode 0644, and docProps/core.xml dated `when`.

    Written here rather than by zipfile because most members of a drafted document are the
    same in every draft (styles.xml and stylesWithEffects.xml are 0.8 MB of python-docx's
    template): each is deflated once per process (_deflated), which was a third of the
    time a child plan took (issue 17)."""
    out = bytearray()
    central = bytearray()
    for name, content in members:
        if name == "docProps/core.xml":
            content = _W3CDTF.sub(rb"\g<1>" + when.encode("ascii") + rb"\g<2>", content)
        crc, packed = _deflated(content)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # bit 11: the name is UTF-8
        common = struct.pack("<HHHHHIIIH", 20, flags, 8, 0, _DOS_1980, crc, len(packed), len(content), len(encoded))
        central += (struct.pack("<IH", 0x02014B50, 0x0314) + common
                    + struct.pack("<HHHHII", 0, 0, 0, 0, 0o644 << 16, len(out)) + encoded)
        out += struct.pack("<I", 0x04034B50) + common + struct.pack("<H", 0) + encoded + packed
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


_DOS_1980 = (1 << 5) | 1  # 1980-01-01 as an MS-DOS date: the earliest a zip can say


@functools.lru_cache(maxsize=64)
def _deflated(content: bytes) -> tuple[int, bytes]:
    """(CRC-32, raw deflate at zlib's default level) of one member, as zipfile makes it."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(content), packer.compress(content) + packer.flush()
