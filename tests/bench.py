"""`make bench`: files per second for each format, and the cost of ingest over raw pdfplumber.

Everything is measured in the same run on the samples: the born-digital PDFs (the
variants and the real notices), the DOCX variants, the text files and the scans.
The ratio compares `read_document` on the born-digital PDFs with pdfplumber's plain
`extract_text` on the same files, the floor any PDF reader pays.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline import load_rules, read_document
from pipeline.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"


def _time(paths, fn) -> float:
    start = time.perf_counter()
    for path in paths:
        fn(path)
    return time.perf_counter() - start


def _raw_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> int:
    rules = load_rules()

    def ingest(path: Path) -> None:
        try:
            read_document(path, rules)
        except InputError:
            pass

    groups = {
        "txt": sorted(INBOX.glob("*.txt")),
        "docx": sorted(INBOX.glob("variants/*.layout.docx")),
        "docx (TCVN3/VNI)": sorted(INBOX.glob("variants/*.tcvn3.docx")) + sorted(INBOX.glob("variants/*.vni.docx")),
        "pdf (born-digital)": sorted(INBOX.glob("variants/*.born.pdf")),
        # real notices: 02 has rotated table pages whose text layer is reversed, and 04 a
        # damaged layer; both go to OCR page by page
        "pdf (real notices)": sorted(INBOX.glob("real/0[1-5]_*.pdf")),
        "pdf (scan, OCR)": sorted(INBOX.glob("variants/*.scan.pdf"))[:1],
    }
    print(f"{'format':22s} {'files':>5s} {'seconds':>8s} {'files/s':>8s}")
    for label, paths in groups.items():
        if not paths:
            continue
        ingest(paths[0])  # warm imports and caches outside the timing
        seconds = _time(paths, ingest)
        print(f"{label:22s} {len(paths):5d} {seconds:8.2f} {len(paths) / seconds:8.2f}")
    pdfs = groups["pdf (born-digital)"]
    _raw_pdfplumber(pdfs[0])
    floor = _time(pdfs, _raw_pdfplumber)
    full = _time(pdfs, ingest)
    print(f"\nborn-digital PDFs: pdfplumber extract_text {floor:.2f} s, vanban ingest {full:.2f} s")
    print(f"ratio ingest / raw extract_text: {full / floor:.2f}x (overhead {full / floor - 1:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
