"""Cut the HTML conversions of three Đồng Tháp dispatches (nguyenminhtridbk-create/H-S-CHUY-N-M-N)
into plain text, one line per <p> (and per <br/>/<div> inside a layout cell) or per data-table row.

Input: the page files in pages/ (the text of read_file pages, written as JSON-string bodies, i.e.
exactly as read_file's "text" value shows them). Output: the three inbox .txt files.

Rules: HTML entities unescaped (html.unescape); runs of ASCII white space folded to one space, as a
browser renders them; every line stripped; empty lines dropped; NFC. Layout tables (class
"vb-plain") give one line per paragraph of each cell, row by row, left cell first; data tables
(class "doc-table") give one line per row, cells joined by " | ", a cell's paragraphs by " ".
"""
import html, json, re, sys, unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"


def page(name):
    body = (PAGES / name).read_text(encoding="utf-8").rstrip("\n")
    return json.loads('"' + body + '"')          # the file's own characters


def js_string(literal_body):
    return json.loads('"' + literal_body + '"')   # the JSON/TS string literal -> HTML


BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table"}


class Cutter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur = [], []
        self.tables = []          # stack of ("layout"|"data", row_cells or None)
        self.cell = None          # list of paragraph strings of the current data cell

    # -- helpers
    def _flush(self):
        text = "".join(self.cur)
        self.cur = []
        if self.cell is not None:
            if text.strip():
                self.cell.append(text)
            return
        self.lines.append(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._flush()
            kind = "data" if "doc-table" in (a.get("class") or "") else "layout"
            self.tables.append([kind, None])
        elif tag == "tr" and self.tables and self.tables[-1][0] == "data":
            self.tables[-1][1] = []
        elif tag == "td" and self.tables and self.tables[-1][0] == "data":
            self.cell = []
        elif tag in BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag == "td" and self.tables and self.tables[-1][0] == "data" and self.cell is not None:
            self._flush()
            self.tables[-1][1].append(" ".join(self.cell))
            self.cell = None
        elif tag == "tr" and self.tables and self.tables[-1][0] == "data":
            row = self.tables[-1][1] or []
            self.lines.append(" | ".join(row))
            self.tables[-1][1] = None
        elif tag == "table":
            self._flush()
            if self.tables:
                self.tables.pop()
        elif tag in BLOCK or tag == "td":
            self._flush()

    def handle_data(self, data):
        self.cur.append(data)


def cut(html_text):
    c = Cutter()
    c.feed(html_text)
    c.close()
    c._flush()
    out = []
    for line in c.lines:
        line = re.sub(r"[ \t\r\n]+", " ", line).strip()
        line = unicodedata.normalize("NFC", line)
        if line.strip() and line.strip(" |"):
            out.append(line.strip())
    return "\n".join(out) + "\n"


def kh195():
    frag = (page("kh195_a_tail96000.jstr") + page("kh195_b_112000.jstr")
            + page("kh195_c_128000_head.jstr"))
    head = '"directive-kh195-sgddt": {"html": "'
    assert frag.startswith(head)
    body = js_string(frag[len(head):]) + js_string(page("kh195_d_224000_footnote.jstr"))
    return cut(body)


def tb_nls():
    return cut(js_string(page("tb_288000_html.jstr")))


def cv471():
    src = page("cv471_00000.jstr") + page("cv471_16000.jstr")
    parts = dict(re.findall(r'export const (CV471_\w*HTML) = "((?:[^"\\]|\\.)*)";', src))
    return "".join(cut(js_string(parts[k])) for k in ("CV471_HTML", "CV471_PLI_HTML", "CV471_PLII_HTML"))


if __name__ == "__main__":
    outdir = Path(sys.argv[1])
    for name, fn in [("z511_kh-195-sgddt-dongthap-khung-nang-luc-so-2025.txt", kh195),
                     ("z512_tb-truong-dongthap-taphuan-nang-luc-so-2025.txt", tb_nls),
                     ("z513_cv-471-sgddt-dongthap-kiemtra-danhgia-thcs-thpt-2025.txt", cv471)]:
        (outdir / name).write_text(fn(), encoding="utf-8")
        print(name)
