"""Writing results: atomic files, safe names, JSON that keeps Vietnamese readable.

Every file is written to a temporary file beside its target and renamed over it, so a
reader (or an interrupted run) never sees half a file. Output names come from input
file names only, never from document text.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    """Write `content` to `path` through a temporary file and a rename. Inside together(),
    a file that already holds `content` is left as it is, and the rename waits until the
    file is on disk with the others."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    writes = _WRITES.get()
    if writes is not None and path not in writes.waiting and _holds(path, data):
        writes.unchanged.append(path)
        return
    if writes is not None and writes.staging is not None:
        # a folder of this run's own: numbered names, made with the umask's permissions (no
        # mkstemp, no chmod: half a millisecond a file, 8,000 files at 1,000 documents)
        tmp = str(writes.staging / f"{len(writes.written)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600: outputs are for the office to read
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if writes is None:
                fh.flush()
                os.fsync(fh.fileno())
        if writes is None:
            os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    if writes is not None:
        writes.add(tmp, path)


@dataclass
class Writes:
    """What a run wrote (in place once together() ends) and what it found already written."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # held what the run would write: untouched
    staging: Path | None = None  # where the files wait to be put in place (else beside each)
    _pending: list[tuple[str, Path]] = field(default_factory=list)  # (temporary file, target)
    waiting: set[Path] = field(default_factory=set)  # targets of _pending: what is on disk is not theirs yet

    def add(self, tmp: str, path: Path) -> None:
        self._pending.append((tmp, path))
        self.waiting.add(path)
        self.written.append(path)
        if len(self._pending) >= _BATCH:
            self.put_in_place()

    def put_in_place(self) -> None:
        """The temporary files on disk, then each renamed over its target, in order. They are
        in the staging folder: one syncfs of its file system puts them all on disk (an fsync
        of each, even side by side, took 0.6 s of the 8,000 files of 1,000 documents, issue
        17); without one, or where there is no syncfs, each is fsynced, side by side."""
        pending, placed = self._pending, 0
        try:
            if pending and not (self.staging is not None and _syncfs(self.staging)):
                with ThreadPoolExecutor(max_workers=16) as pool:
                    list(pool.map(_fsync, (tmp for tmp, _ in pending)))
            folders: set[Path] = set()
            for tmp, path in pending:
                if path.parent not in folders:  # a writer may have removed a folder it found empty meanwhile
                    path.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(path.parent)
                os.replace(tmp, path)
                placed += 1
        finally:
            for tmp, _ in pending[placed:]:  # what could not be put in place leaves nothing behind
                _unlink(tmp)
            pending.clear()
            self.waiting.clear()


def kept(path: Path) -> None:
    """Inside together(): `path`, not made again because what it is made from has not
    changed, counts as found unchanged."""
    writes = _WRITES.get()
    if writes is not None:
        writes.unchanged.append(path)


_WRITES: contextvars.ContextVar[Writes | None] = contextvars.ContextVar("writes", default=None)
_BATCH = 512  # files put in place at once: open descriptors and temporary files stay few


@contextmanager
def together(staging: Path | None = None) -> Iterator[Writes]:
    """Files written inside (write_atomic) are flushed to disk many at once, each then
    renamed into place as before: never half a file, only complete ones renamed; and a file
    that already holds what would be written is not written again (an unchanged re-run
    changes no file, not even its time).

    One fsync after another cost 3.6 ms a file here, four seconds of a 100-file run and
    most of derive once its files were cheap to make (issue 17); fsyncs issued together
    share the journal's commits. A file is in place once the block ends (or after the
    next _BATCH files), not as soon as written: nothing inside reads what it wrote.

    `staging`, a folder on the targets' file system, holds the files meanwhile, in a folder
    of this process's own (two runs over one OUT do not touch each other's): what a run
    killed then leaves is removed by the next, and no folder of results shows it."""
    if staging is not None:
        _sweep(staging)
        staging = staging / str(os.getpid())
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
    writes = Writes(staging=staging)
    token = _WRITES.set(writes)
    try:
        yield writes
    finally:
        try:
            writes.put_in_place()
        finally:
            _WRITES.reset(token)
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
                with contextlib.suppress(OSError):  # another run's folder may still be there
                    staging.parent.rmdir()


def _sweep(staging: Path) -> None:
    """The folders in `staging` of processes no longer running: files a killed run never
    put in place."""
    try:
        names = os.listdir(staging)
    except OSError:
        return
    for name in names:
        if not name.isdigit():
            continue
        try:
            os.kill(int(name), 0)
        except ProcessLookupError:
            shutil.rmtree(staging / name, ignore_errors=True)
        except OSError:  # running, as another user
            pass


def _syncfs(folder: Path) -> bool:
    """Everything written to the file system of `folder` put on disk (Linux's syncfs: the
    data and the metadata of every file, the journal committed); False where there is no
    syncfs. An error writing any of it back is an OSError, as from fsync (Linux 5.8 on)."""
    call = _syncfs_call()
    if call is None:
        return False
    import ctypes

    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if call(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number), str(folder))
    finally:
        os.close(fd)
    return True


@functools.cache
def _syncfs_call():
    """libc's syncfs, or None (not Linux, or a libc without it)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes, call.restype = [ctypes.c_int], ctypes.c_int
    return call


def _fsync(tmp: str) -> None:
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def write_json(path: Path, data: Any, unchanged_ok: bool = False) -> None:
    """JSON, indented; with `unchanged_ok`, a file that already holds it is left alone
    (an unchanged re-run writes nothing)."""
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if unchanged_ok and _WRITES.get() is None and _holds(path, content.encode("utf-8")):
        return  # (inside together(), write_atomic leaves it alone and counts it)
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
    same in every draft (styles.xml is 0.35 MB of python-docx's template): each is deflated
    once per process (_deflated), which was a third of the time a child plan took (issue 17)."""
    out = bytearray()
    central = bytearray()
    stamp = when.encode("ascii")
    for name, content in members:
        if name == "docProps/core.xml":
            content = _W3CDTF.sub(lambda found: found[1] + stamp + found[2], content)  # noqa: B023 (used at once)
        local, head, encoded = _entry(name, content)
        central += head + struct.pack("<I", len(out)) + encoded
        out += local
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


_DOS_1980 = (1 << 5) | 1  # 1980-01-01 as an MS-DOS date: the earliest a zip can say


@functools.lru_cache(maxsize=64)
def _entry(name: str, content: bytes) -> tuple[bytes, bytes, bytes]:
    """A member's local header and data, its central directory entry up to the offset of the
    local header, and its name as the zip has it: the same in every draft for most members."""
    crc, packed = _deflated(content)
    encoded = name.encode("utf-8")
    flags = 0 if encoded.isascii() else 0x800  # bit 11: the name is UTF-8
    common = struct.pack("<HHHHHIIIH", 20, flags, 8, 0, _DOS_1980, crc, len(packed), len(content), len(encoded))
    local = struct.pack("<I", 0x04034B50) + common + struct.pack("<H", 0) + encoded + packed
    head = struct.pack("<IH", 0x02014B50, 0x0314) + common + struct.pack("<HHHHI", 0, 0, 0, 0, 0o644 << 16)
    return local, head, encoded


@functools.lru_cache(maxsize=64)
def _deflated(content: bytes) -> tuple[int, bytes]:
    """(CRC-32, raw deflate at zlib's default level) of one member, as zipfile makes it."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(content), packer.compress(content) + packer.flush()
