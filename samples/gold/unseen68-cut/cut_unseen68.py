"""Cut three dispatches out of src/data/persistedDirectives.json of nguyenminhtridbk-create/H-S-CHUY-N-M-N
(commit 1f0869dc057cb8a3ca0660f4873ef55be727b82c) into plain text: each object's "fullContent" value.

Input: the page files in pages/ -- the "text" value of read_file pages of that file, written as
JSON-string bodies exactly as read_file shows them (pd_00000 = chars 0-15,999, pd_16000 = 16,000-31,999,
pd_32000_head = 32,000 to just after the QD 87 object). Output: the three inbox .txt files.

The "fullContent" string literal of each object is decoded as JSON (json.JSONDecoder.raw_decode) and
written unchanged (UTF-8, no normalisation, no folding, no newline added).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"


def page(name):
    body = (PAGES / name).read_text(encoding="utf-8").rstrip("\n")
    return json.loads('"' + body + '"')          # the file's own characters


def full_content(raw, obj_id):
    at = raw.index('"id": "%s"' % obj_id)
    head = '"fullContent": '
    at = raw.index(head, at) + len(head)
    value, _ = json.JSONDecoder().raw_decode(raw, at)
    return value


JOBS = [
    ("z531_kh-1251-ubnd-dongthap-dayhoc-2buoi-2026.txt", "directive-1251-ubnd", ("pd_00000.jstr", "pd_16000.jstr")),
    ("z532_kh-2890-sgddt-dongthap-dayhoc-2buoi-2026.txt", "directive-2buoi-sgddt", ("pd_16000.jstr", "pd_32000_head.jstr")),
    ("z533_qd-87-ubnd-dongthap-daythem-hocthem-2026.txt", "directive-qd87-ubnd", ("pd_32000_head.jstr",)),
]

if __name__ == "__main__":
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    for name, obj_id, parts in JOBS:
        raw = "".join(page(p) for p in parts)
        text = full_content(raw, obj_id)
        (outdir / name).write_bytes(text.encode("utf-8"))
        print(name, len(text), "chars")
