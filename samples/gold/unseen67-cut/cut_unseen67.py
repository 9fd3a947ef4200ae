"""Cut the OCR text of two scanned dispatches out of src/data/directiveSources.json
(nguyenminhtridbk-create/H-S-CHUY-N-M-N @ 5457b683a678d28d8b6b168abba351e02e41c89c).

The two objects ("directive-cv3456-bgddt", "directive-tt16-bgddt") have an "html" that is only
<img> tags of the page scans, and a "text" that is the repository author's OCR of those scans.
The inbox file is that "text" string, JSON-decoded, unchanged otherwise (no folding, no NFC, no
stripping), plus one final "\n" where the string does not end with one.

- directive-tt16-bgddt: the whole "text" string.
- directive-cv3456-bgddt: the "text" string up to the line "BỘ GIÁO DỤC VÀ ĐÀO TẠO" that opens
  the Phụ lục (the letter's pages 1-6, ending with the page number "6"); the Phụ lục (OCR of
  framework tables, mostly unreadable) is left out.

Input: the page files in pages/ (read_file pages of 16,000 characters written as JSON-string
bodies, exactly as read_file's "text" value shows them; p328000_head.jstr is the first 11,099
characters of page 328000).  usage: python cut_unseen67.py OUTDIR
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"


def page(name):
    body = (PAGES / name).read_text(encoding="utf-8").rstrip("\n")
    return json.loads('"' + body + '"')           # the file's own characters


def raw():
    return page("p296000.jstr") + page("p312000.jstr") + page("p328000_head.jstr")


def text_of(src, key):
    """The "text" string literal of one object (may be cut at the end of the fragment)."""
    at = src.index('"%s": {"html": ' % key)
    _, end = json.JSONDecoder().raw_decode(src, at + len('"%s": {"html": ' % key))
    head = ', "text": '
    assert src[end:end + len(head)] == head, src[end:end + 20]
    start = end + len(head)
    try:
        value, _ = json.JSONDecoder().raw_decode(src, start)
        return value
    except json.JSONDecodeError:                  # literal runs past the fragment
        return json.loads(src[start:] + '"')


def tt16(src):
    t = text_of(src, "directive-tt16-bgddt")
    return t if t.endswith("\n") else t + "\n"


def cv3456(src):
    t = text_of(src, "directive-cv3456-bgddt")
    cut = t.index("\n\nBỘ GIÁO DỤC VÀ ĐÀO TẠO\nPHỤ LỤC\n")
    return t[:cut + 1]


if __name__ == "__main__":
    out = Path(sys.argv[1])
    src = raw()
    for name, fn in [("z521_cv-3456-bgddt-khung-nang-luc-so-2025.txt", cv3456),
                     ("z522_tt-16-bgddt-huongnghiep-phanluong-2026.txt", tt16)]:
        (out / name).write_text(fn(src), encoding="utf-8", newline="\n")
        print(name)
