"""The digital signatures of a PDF (chữ ký số), read and checked with pyHanko.

An e-office system signs a dispatch with the signer's certificate and then the
organisation's, each as an incremental update of the file. For each signature this says
who signed (the certificate's common name and organisation), when (a time-stamp
authority's time when the signature carries one, else the time the signer's software
claims), whether the signed bytes still match, whether it covers the file as it is or
only an earlier revision, what the later revisions change, and whether the certificate
chains to a trust root the user gave (Vietnamese government and public CA certificates).
Nothing is fetched: revocation is reported as not checked.

pyHanko parses the whole file in Python to find the signatures: 0.2–0.5 s a signed
dispatch, a quarter of its reading (issue 17). Where the record needs no more than each
signature's own bytes (no trust roots given, and the last signature covers the file, so
no later revision has to be compared with the signed one) the signature dictionaries are
found through pdfminer, which pdfplumber brings, and each CMS signature is checked by
pyHanko over its byte range alone: the same fields, at half the cost. Anything else
(trust roots, a revision after the last signature, a signature that is not a plain
detached /Sig, any doubt in reading) goes the whole way through pyHanko.
"""

from __future__ import annotations

import functools
import inspect
import io
import logging
import warnings
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from ..record import Signature

# pyHanko logs every certificate path it cannot build (no roots given) with a traceback
_QUIET = ("pyhanko", "pyhanko_certvalidator")


def may_be_signed(data: bytes) -> bool:
    """A cheap look at the bytes: a signature dictionary has a /ByteRange."""
    return b"/ByteRange" in data


def read_signatures(data: bytes, trust_roots: Sequence[bytes] = ()) -> tuple[tuple[Signature, ...], list[str]]:
    """The signatures of a PDF and warnings for what could not be read. `trust_roots` are
    certificates (PEM or DER); without any, `trusted` is null."""
    if not may_be_signed(data):
        return (), []
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cryptography's deprecation notices on import
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign import validation  # noqa: F401 (imported here, with its notices silenced)
    if not trust_roots:
        found = _read_detached(data)
        if found is not None:
            return found
    try:
        reader = _reader_class(PdfFileReader)(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        return (), [f"[signature] the signatures cannot be read ({type(exc).__name__})"]
    roots = _certificates(trust_roots)
    out, notes = [], []
    for position, signature in enumerate(embedded):
        # what the revisions after a signature change is worth the cost of pyHanko's
        # difference analysis only for the last one: earlier signatures are followed by
        # the later signatures themselves, which the e-office system adds as it should
        checked = _check(signature, roots, skip_diff=position < len(embedded) - 1)
        out.append(checked)
        if checked.problem:
            notes.append(f"[signature] {checked.field or 'a signature'}: {checked.problem}")
    return tuple(out), notes


@functools.cache
def _reader_class(base: type) -> type:
    """pyHanko's PdfFileReader (`base`), reading each object stream's table of contents once.

    pyHanko finds an object of an object stream by parsing the stream's table of (number,
    offset) pairs from its start on every read, and the revisions its difference analysis
    compares are read without its cache: every object a quadratic cost. On a tagged PDF whose
    structure tree sits in streams of hundreds of objects (KH 4644/KH-SGDĐT, a validation-data
    update after the last signature), that was 2.5 s of a 4 s read (issue 17). The table is
    the same bytes each time, so it is parsed once per stream and kept; the object is then
    read as pyHanko reads it. Strict reading is left to pyHanko. A pyHanko whose method is not
    the one this replaces (another name or other parameters) keeps its own reader: slower, the
    same objects."""
    method = getattr(base, "_get_object_from_stream", None)
    if method is None or list(inspect.signature(method).parameters) != ["self", "idnum", "stmnum", "idx"]:
        return base

    class Reader(base):
        def _get_object_from_stream(self, idnum, stmnum, idx):
            if self.strict:
                return super()._get_object_from_stream(idnum, stmnum, idx)
            from pyhanko.pdf_utils import generic, misc
            from pyhanko.pdf_utils.reader import DecodePurpose

            stream = generic.Reference(stmnum, 0, self).get_object()
            assert isinstance(stream, generic.StreamObject)
            assert stream['/Type'] == '/ObjStm'
            if not (0 <= idx < stream['/N']):
                return generic.NullObject()
            tables = self.__dict__.setdefault("_vanban_tables", {})
            known = tables.get(stmnum)
            if known is None or known[0] is not stream:
                known = tables[stmnum] = (stream, *_stream_table(stream, misc, generic, DecodePurpose))
            _, data, offsets, failure = known
            if idnum not in offsets:
                if failure is not None and not isinstance(failure, ValueError):
                    raise failure  # where pyHanko's own parse of the table stops
                return generic.NullObject()
            stream_data = io.BytesIO(data)
            stream_data.seek(stream['/First'] + offsets[idnum])
            try:
                obj = generic.read_object(stream_data, generic.Reference(idnum, 0, self))
            except (misc.PdfStreamError, misc.PdfReadError):
                obj = generic.NullObject()
            if isinstance(obj, (generic.StreamObject, generic.IndirectObject)):
                return obj
            generic.read_non_whitespace(stream_data, seek_back=True, allow_eof=True)
            return obj

    return Reader


def _stream_table(stream, misc, generic, purpose) -> tuple[bytes, dict[int, int], Exception | None]:
    """The decoded data of an object stream, the offset of each object number's first entry in
    its table, and the error that stopped the parse of the table (None when it was read whole)."""
    data = stream.read_data(purpose.OBJECT_STREAM)
    stream_data = io.BytesIO(data)
    offsets: dict[int, int] = {}
    try:
        for _ in range(stream['/N']):
            misc.read_non_whitespace(stream_data, seek_back=True)
            objnum = generic.NumberObject.read_from_stream(stream_data)
            misc.read_non_whitespace(stream_data, seek_back=True)
            offset = generic.NumberObject.read_from_stream(stream_data)
            misc.read_non_whitespace(stream_data, seek_back=True)
            offsets.setdefault(objnum, offset)
    except Exception as exc:
        return data, offsets, exc
    return data, offsets, None


# the signatures whose CMS object is checked over the byte range alone (_read_detached)
_DETACHED = frozenset({"adbe.pkcs7.detached", "ETSI.CAdES.detached"})


def _read_detached(data: bytes) -> tuple[tuple[Signature, ...], list[str]] | None:
    """The signatures, when each is a detached /Sig whose byte range is the file but its
    own /Contents and the last one covers the whole file; None when pyHanko must read them
    (`read_signatures`). The same fields as `_check` gives without trust roots."""
    try:
        fields = _signature_fields(data)
        if not fields:
            return None
        fields.sort(key=lambda item: _end(item[1]))
        if _end(fields[-1][1]) != len(data):
            return None  # what the later revisions change: pyHanko's difference analysis
        out = [_check_detached(data, name, value, last=at == len(fields) - 1) for at, (name, value) in
               enumerate(fields)]
    except Exception:  # pyHanko reads it, and says what is wrong
        return None
    if any(s is None for s in out):
        return None
    notes = [f"[signature] {s.field or 'a signature'}: {s.problem}" for s in out if s.problem]
    return tuple(out), notes


def _end(value: dict) -> int:
    """Where the byte range of a signature dictionary ends."""
    from pdfminer.pdftypes import resolve1

    byte_range = [resolve1(x) for x in resolve1(value.get("ByteRange")) or ()]
    return byte_range[2] + byte_range[3] if len(byte_range) == 4 and all(isinstance(x, int) for x in byte_range) \
        else -1


def _signature_fields(data: bytes) -> list[tuple[str, dict]]:
    """(fully qualified name, signature dictionary) of every signed signature field, from the
    AcroForm's field tree as pdfminer reads it."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    document = PDFDocument(_hex_parser(PDFParser)(io.BytesIO(data)))
    form = resolve1(document.catalog.get("AcroForm"))
    found: list[tuple[str, dict]] = []
    seen: set[int] = set()

    def walk(items, prefix: str | None, kind) -> None:
        for ref in resolve1(items) or []:
            if getattr(ref, "objid", None) in seen:
                continue
            seen.add(getattr(ref, "objid", None))
            field = resolve1(ref)
            if not isinstance(field, dict):
                continue
            title = resolve1(field.get("T"))
            if isinstance(title, bytes):
                title = decode_text(title)
            name = ".".join(x for x in (prefix, title) if x)
            own = resolve1(field.get("FT", kind))
            if "Kids" in field:
                walk(field["Kids"], name, own)
            value = resolve1(field.get("V"))
            if isinstance(own, PSLiteral) and own.name == "Sig" and isinstance(value, dict):
                found.append((name, value))

    if isinstance(form, dict):
        walk(form.get("Fields"), None, None)
    return found


@functools.cache
def _hex_parser(base: type) -> type:
    """pdfminer's PDFParser (`base`), turning a hex string to bytes in one call.

    pdfminer decodes a hex string pair by pair through a regular expression and a Python
    function; a signature's /Contents is 8–16 kB of hex, so finding the signatures of a
    dispatch signed five times cost more than checking them (issue 17). A string of an even
    number of hex digits is the same bytes by `bytes.fromhex`; any other is left to pdfminer."""
    from pdfminer.psparser import END_HEX_STRING, SPC

    class Parser(base):
        def _parse_hexstring(self, s: bytes, i: int) -> int:
            end = END_HEX_STRING.search(s, i)
            if end is None:
                return super()._parse_hexstring(s, i)
            digits = SPC.sub(b"", self._curtoken + s[i:end.start(0)])
            if len(digits) % 2:
                return super()._parse_hexstring(s, i)
            self._add_token(bytes.fromhex(digits.decode("ascii")))
            self._parse1 = self._parse_main
            return end.start(0)

    return Parser


def _check_detached(data: bytes, field: str, value: dict, last: bool) -> Signature | None:
    """`_check` of one signature dictionary over its byte range, or None where pyHanko must."""
    import asyncio

    from asn1crypto import cms
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text
    from pyhanko.pdf_utils.generic import parse_pdf_date
    from pyhanko.sign.validation import generic_cms
    from pyhanko_certvalidator import ValidationContext

    def name(key: str) -> str | None:
        item = resolve1(value.get(key))
        return item.name if isinstance(item, PSLiteral) else None

    def text(key: str) -> str | None:
        item = resolve1(value.get(key))
        return _text(decode_text(item)) if isinstance(item, bytes) else None

    kind = name("Type")
    if kind not in (None, "Sig") or name("SubFilter") not in _DETACHED:
        return None
    byte_range = [resolve1(x) for x in resolve1(value.get("ByteRange")) or ()]
    contents = resolve1(value.get("Contents"))
    if len(byte_range) != 4 or not all(isinstance(x, int) for x in byte_range) or not isinstance(contents, bytes):
        return None
    start, first, second, length = byte_range
    end = second + length
    # the hole is exactly '<hex of /Contents>': what pyHanko's coverage check asks
    if start != 0 or second - first != 2 * len(contents) + 2 or end > len(data) or \
            data[first:first + 1] != b"<" or data[second - 1:second] != b">":
        return None
    whole = end == len(data)
    if last and not whole:
        return None  # what the later revisions change: pyHanko's difference analysis
    signed_data = cms.ContentInfo.load(contents)["content"]
    context = ValidationContext(trust_roots=[], allow_fetching=False, revocation_mode="soft-fail")
    status = asyncio.run(generic_cms.async_validate_detached_cms(
        data[:first] + data[second:end], signed_data, signer_validation_context=context))
    signer_info = signed_data["signer_infos"][0]
    claimed_at = generic_cms.extract_self_reported_ts(signer_info)
    if claimed_at is None and isinstance(resolve1(value.get("M")), bytes):
        claimed_at = parse_pdf_date(decode_text(resolve1(value.get("M"))), strict=False)
    claimed = _iso(claimed_at)
    stamp = getattr(status, "timestamp_validity", None)
    stamped = _iso(getattr(stamp, "timestamp", None), claimed_at) if stamp is not None else None
    signer, organisation = _subject_of(generic_cms.extract_certs_for_validation(signed_data).signer_cert)
    return Signature(field=field, signer=signer, organisation=organisation, reason=text("Reason"),
                     location=text("Location"), time=stamped or claimed,
                     time_source="timestamp" if stamped else ("claimed" if claimed else None),
                     intact=bool(status.intact), whole_file=whole, later_changes="none" if whole else None,
                     trusted=None)


def _check(embedded, roots: list | None, skip_diff: bool) -> Signature:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    # pyHanko's name of the field is a string object that keeps its reader (the whole file):
    # the record holds a plain string, cheap to send between processes
    field = getattr(embedded, "field_name", None)
    field = str(field) if field is not None else None
    signer, organisation = _subject(embedded)
    base = Signature(field=field, signer=signer, organisation=organisation,
                     reason=_text(embedded.sig_object.get("/Reason")),
                     location=_text(embedded.sig_object.get("/Location")))
    claimed_at = embedded.self_reported_timestamp
    claimed = _iso(claimed_at)
    try:
        context = ValidationContext(trust_roots=roots or [], allow_fetching=False, revocation_mode="soft-fail")
        status = validate_pdf_signature(embedded, signer_validation_context=context, skip_diff=skip_diff)
    except Exception as exc:  # a damaged or unsupported signature: say so, keep the rest
        return replace(base, time=claimed, time_source="claimed" if claimed else None,
                        problem=f"cannot be checked ({type(exc).__name__})")
    stamp = getattr(status, "timestamp_validity", None)
    stamped = _iso(getattr(stamp, "timestamp", None), claimed_at) if stamp is not None else None
    coverage = getattr(status.coverage, "name", "")
    level = getattr(getattr(status, "modification_level", None), "name", None)
    return replace(
        base,
        time=stamped or claimed,
        time_source="timestamp" if stamped else ("claimed" if claimed else None),
        intact=bool(status.intact),
        whole_file=coverage == "ENTIRE_FILE",
        later_changes="none" if coverage == "ENTIRE_FILE" else _LEVELS.get(level) if level else None,
        trusted=bool(status.trusted) if roots else None,
    )


# pyHanko's ModificationLevel, in the words of the record
_LEVELS = {"NONE": "none", "LTA_UPDATES": "validation data", "FORM_FILLING": "form filling",
           "ANNOTATIONS": "annotations", "OTHER": "other"}
# what may follow the last signature of an issued document: nothing, or the validation
# data (certificates, revocation answers) that long-term signatures add after signing
HARMLESS = frozenset({"none", "validation data"})


def _subject(embedded) -> tuple[str | None, str | None]:
    try:
        return _subject_of(embedded.signer_cert)
    except Exception:
        return None, None


def _subject_of(certificate) -> tuple[str | None, str | None]:
    """The common name and organisation of a certificate's subject."""
    subject = certificate.subject.native
    name = subject.get("common_name")
    organisation = subject.get("organization_name") or subject.get("organizational_unit_name")
    if isinstance(organisation, list):
        organisation = ", ".join(organisation)
    return _text(name), _text(organisation)


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _iso(moment, local: datetime | None = None) -> str | None:
    """ISO 8601; a time-stamp authority's UTC time is shown at the offset the signer's own
    clock gave (+07:00 in Việt Nam), as the office reads it."""
    if not isinstance(moment, datetime):
        return None
    if local is not None and local.tzinfo is not None and moment.tzinfo is not None:
        moment = moment.astimezone(local.tzinfo)
    return moment.isoformat()


def _certificates(blobs: Sequence[bytes]) -> list | None:
    """Trust roots from PEM or DER bytes; None when none were given."""
    if not blobs:
        return None
    from asn1crypto import pem, x509

    roots = []
    for blob in blobs:
        if pem.detect(blob):
            roots.extend(x509.Certificate.load(der) for _, _, der in pem.unarmor(blob, multiple=True))
        else:
            roots.append(x509.Certificate.load(blob))
    return roots
