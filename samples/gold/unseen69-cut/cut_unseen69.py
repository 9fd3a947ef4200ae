"""Cut three documents of src/data/persistedDocuments.json (nguyenminhtridbk-create/H-S-CHUY-N-M-N
@ 336e8de64917e395c15f403f3dc28206a716431e) into the inbox files of set unseen69.

Input: pages/*.jstr, the text of read_file pages exactly as read_file's "text" value shows them
(JSON-string bodies); decoded they are exact slices of the file:
  p000000.jstr       chars      0 .. 15999  (16,000, checked)
  p016000_head.jstr  chars  16000 .. 28766  (ends with the '  {\n' after doc-kh-hsss-55; checked by
                                             read_file at 28740)
  p096000_head.jstr  chars  96000 .. 110195 (ends with the '  {\n' after doc-kh-2buoi; checked by
                                             read_file at 110150)
  p110150.jstr       chars 110150 .. 126149 (16,000, checked; holds the whole doc-kh-dtht-48)

Outputs (python cut_unseen69.py OUTDIR):
  z541 = doc-kh-2buoi "sourceText": the app's plain text of the school's original DOCX
         (/api/documents/source/two-session-plan.docx), written unchanged.
  z542 = doc-kh-dtht-48, z543 = doc-kh-hsss-55: these records have no sourceText/sourceHtml; they are
         rendered from their fields by a line-for-line port of the app's own Word export
         (src/utils/docxExport.ts, exportDocumentToDocx): one output line per Word paragraph, the
         two layout tables (header, Nơi nhận/signature) cell by cell, left cell first; the export's
         fixed strings (school name lines, quốc hiệu, "Căn cứ " prefix and ;/. endings of the legal
         bases, the "Nay Trường ... như sau:" transition of a plan, "Nơi nhận:", "- " before a
         recipient, upper-cased signer lines) exactly as the export writes them; section content split
         on newlines, blank lines dropped, each line trimmed; markdown inside content kept literally.
"""
import json, sys
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"


def page(name):
    return json.loads('"' + (PAGES / name).read_text(encoding="utf-8").rstrip("\n") + '"')


def objects():
    a = page("p000000.jstr") + page("p016000_head.jstr")          # 0 .. 28766
    assert len(a) == 28767
    b = page("p096000_head.jstr")                                  # 96000 .. 110195
    c = page("p110150.jstr")                                       # 110150 .. 126149
    assert len(b) == 14196 and len(c) == 16000
    assert b[-46:] == c[:46]                                       # overlap 110150 .. 110195
    dec = json.JSONDecoder()
    kh55, _ = dec.raw_decode(a, a.index("{"))
    # doc-kh-2buoi: only its "sourceText" value is in the fragment
    key = '"sourceText": '
    src45, _ = dec.raw_decode(b, b.index(key) + len(key))
    i = c.index('{\n    "id": "doc-kh-dtht-48"')
    kh48, _ = dec.raw_decode(c, i)
    assert kh55["id"] == "doc-kh-hsss-55" and kh48["id"] == "doc-kh-dtht-48"
    return src45, kh48, kh55


def render(doc):
    """Port of exportDocumentToDocx (docxExport.ts): the paragraphs' texts in document order."""
    out = []
    # header table, left cell then right cell
    out += [doc.get("issuingAuthorityTop") or "SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐỒNG THÁP",
            "TRƯỜNG THCS VÀ THPT", "ĐỐC BINH KIỀU",
            doc.get("documentNumber") or "Số:    /KH-THCS&THPTĐBK"]
    out += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            doc.get("signDate") or "Đồng Tháp, ngày 28 tháng 9 năm 2026"]
    out.append(doc["title"].upper())
    if doc.get("subTitle"):
        out.append(doc["subTitle"])
    bases = doc.get("legalBases") or []
    for idx, base in enumerate(bases):
        t = base if base.startswith("Căn cứ") else "Căn cứ " + base
        if idx == len(bases) - 1:
            if not t.endswith("."):
                t = (t[:-1] if t.endswith(";") else t) + "."
        else:
            if not t.endswith(";"):
                t = (t[:-1] if t.endswith(".") else t) + ";"
        out.append(t)
    if doc["type"] == "plan":
        st = doc.get("subTitle")
        if st:
            what = st if st.lower().startswith("kế hoạch") else "Kế hoạch " + st.lower()
        else:
            what = doc["title"] if doc["title"].lower().startswith("kế hoạch") else "Kế hoạch " + doc["title"].lower()
        out.append("Nay Trường THCS và THPT Đốc Binh Kiều xây dựng %s như sau:" % what)
    for sec in doc["sections"]:
        out.append(sec["heading"])
        out += [p.strip() for p in sec["content"].split("\n") if p.strip()]
    # footer table, left cell then right cell
    out.append("Nơi nhận:")
    for r in doc.get("recipients") or []:
        out.append(r if r.startswith("-") else "- " + r)
    out += [line.upper() for line in (doc.get("signerRole") or "HIỆU TRƯỞNG").split("\n")]
    out.append(doc.get("signerName") or "Nguyễn Minh Trí")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    outdir = Path(sys.argv[1])
    src45, kh48, kh55 = objects()
    files = {
        "z541_kh-45-thcs-thpt-docbinhkieu-day-hoc-2-buoi-2026.txt": src45,
        "z542_kh-48-thcs-thpt-docbinhkieu-day-them-hoc-them-2026.txt": render(kh48),
        "z543_kh-55-thcs-thpt-docbinhkieu-ho-so-so-sach-dien-tu-2026.txt": render(kh55),
    }
    for name, text in files.items():
        (outdir / name).write_text(text, encoding="utf-8", newline="\n")
        print(name, len(text), "chars", text.count("\n"), "lines")
