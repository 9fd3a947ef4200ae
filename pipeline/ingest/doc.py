"""Old Word (.doc): converted to .docx by LibreOffice headless, then read as DOCX."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import Page
from ..errors import InputError
from ..rules import Rules

INSTALL_HINT = "install LibreOffice to read .doc files: apt-get install libreoffice-writer-nogui"
TIMEOUT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# the directory entry of the main stream of a Word 97-2003 file, as OLE2 stores names
WORD_STREAM = "WordDocument".encode("utf-16-le")


def kind_of(head: bytes, data: bytes) -> str | None:
    """What a file named .doc really holds: Word 97-2003, RTF or a web page saved as .doc
    (e-office systems do), which LibreOffice reads; None for anything else, which
    LibreOffice would import as plain text and so hide that the file is broken."""
    if head.startswith(OLE2):
        return "word" if WORD_STREAM in data else None
    stripped = head.lstrip(b"\xef\xbb\xbf \r\n\t")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped[:1] == b"<" or stripped.upper().startswith(b"MIME-VERSION"):
        return "html"
    return None


def read_doc(path: Path, name: str, rules: Rules) -> tuple[list[Page], str | None, list[str]]:
    program = soffice()
    if program is None:
        raise InputError(name, f"cannot read .doc: LibreOffice is not installed; {INSTALL_HINT}")
    data = path.read_bytes()
    if kind_of(data[:512], data) is None:
        raise InputError(name, "not a Word document: neither Word 97-2003 (no WordDocument stream), RTF nor "
                               "a web page saved as .doc; the file is damaged or misnamed")
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        source = Path(tmp) / "input.doc"  # a copy: the input is never touched, its name never used
        shutil.copyfile(path, source)
        profile = Path(tmp) / "profile"
        try:
            subprocess.run(
                [program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                 "--convert-to", "docx", "--outdir", tmp, str(source)],
                check=True, capture_output=True, timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired as exc:
            raise InputError(name, f"LibreOffice took over {TIMEOUT_SECONDS} s to convert the .doc") from exc
        except subprocess.CalledProcessError as exc:
            raise InputError(name, f"LibreOffice could not convert the .doc (exit {exc.returncode})") from exc
        converted = Path(tmp) / "input.docx"
        if not converted.exists():
            raise InputError(name, "LibreOffice could not convert the .doc (no output)")
        from .docx import read_docx

        return read_docx(converted.read_bytes(), name, rules)
