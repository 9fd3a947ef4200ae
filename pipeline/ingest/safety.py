"""Checks made before a library is allowed to expand or parse an untrusted file."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..rules import Rules


def check_zip(data: bytes, name: str, rules: Rules) -> None:
    """Refuse a .docx that is not a zip, or whose members would expand past the limits."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(name, "not a valid .docx: the file is not a zip package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"not a valid .docx: damaged zip package ({exc})") from exc
    total = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    limits = rules.ingest
    if total > limits.zip_max_total_bytes:
        raise InputError(name, f"refused: the package expands to {total / 2**20:.0f} MB, over the limit of "
                               f"{limits.zip_max_total_bytes / 2**20:.0f} MB (possible zip bomb)")
    if total / packed > limits.zip_max_ratio and total > 10 * 2**20:
        raise InputError(name, f"refused: the package expands {total / packed:.0f} times, over the limit of "
                               f"{limits.zip_max_ratio:.0f} (possible zip bomb)")
    if not any(m.filename == "word/document.xml" for m in members):
        raise InputError(name, "not a Word document: word/document.xml is missing from the package")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                head = archive.read(member)
                # Office never writes a DTD: one in a package is an entity attack (billion
                # laughs, external files); python-docx would not resolve it, refuse it anyway
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputError(name, f"refused: {member.filename} declares a DOCTYPE or entities, "
                                           "which Word documents never do")
