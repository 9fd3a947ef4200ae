"""The digital signatures of a PDF (chữ ký số), read and checked with pyHanko.

An e-office system signs a dispatch with the signer's certificate and then the
organisation's, each as an incremental update of the file. For each signature this says
who signed (the certificate's common name and organisation), when (a time-stamp
authority's time when the signature carries one, else the time the signer's software
claims), whether the signed bytes still match, whether it covers the file as it is or
only an earlier revision, what the later revisions change, and whether the certificate
chains to a trust root the user gave (Vietnamese government and public CA certificates).
Nothing is fetched: revocation is reported as not checked.
"""

from __future__ import annotations

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
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
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


def _check(embedded, roots: list | None, skip_diff: bool) -> Signature:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    field = getattr(embedded, "field_name", None)
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
        subject = embedded.signer_cert.subject.native
    except Exception:
        return None, None
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
