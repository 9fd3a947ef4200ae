"""Cut one dispatch out of src/data/persistedDirectives.json of nguyenminhtridbk-create/H-S-CHUY-N-M-N
(commit 1f0869dc057cb8a3ca0660f4873ef55be727b82c) into plain text: the object's "fullContent" value.

Input: pages/pd_44000_cv3223.jstr -- the "text" value of the read_file page at offset 44,000 of that file,
from its first character up to the end of the CV 3223 object (file chars 44,000-49,113), written as a
JSON-string body exactly as read_file shows it. Output: the inbox .txt file.

The "fullContent" string literal of the object is decoded as JSON (json.JSONDecoder.raw_decode) and
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
    ("z551_cv-3223-sgddt-dongthap-daythem-hocthem-2026.txt", "directive-cv3223-sgddt", ("pd_44000_cv3223.jstr",)),
]

if __name__ == "__main__":
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    for name, obj_id, parts in JOBS:
        raw = "".join(page(p) for p in parts)
        text = full_content(raw, obj_id)
        (outdir / name).write_bytes(text.encode("utf-8"))
        print(name, len(text), "chars")
