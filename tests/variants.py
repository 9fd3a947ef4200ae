"""Test helpers: the same dispatch in every format an office receives.

From a document's clean text (as vanban reads it) this makes: a DOCX in the official
two-column layout of Nghị định 30/2020, the same DOCX typed in TCVN3 (.VnTime) and in
VNI (VNI-Times) fonts, a born-digital PDF, and a scanned PDF (the PDF's pages rendered,
turned a little, speckled, and saved as images). `python -m tests.variants OUT SRC...`
writes them as OUT/<stem>.<variant>.<ext>.
"""

from __future__ import annotations

import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline import load_rules, read_document
from pipeline.document import Document

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
             "/usr/share/fonts/truetype/liberation")
_DATE_LINE = regex.compile(r",?\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}")
_RIGHT_HEADER = regex.compile(r"CỘNG\s+H(?:OÀ|ÒA)|Độc\s+lập")
_RULE_LINE = regex.compile(r"^[-_=\s]+$")
_LEFT_FOOTER = regex.compile(r"^\s*(?:Nơi\s+nhận|[-+•]\s|Lưu\b)")


@dataclass
class Layout:
    """A document split the way the official layout prints it."""

    before: list[str]  # what a scraper put above the header (a page title)
    header_left: list[str]
    header_right: list[str]
    body: list[str]
    footer_left: list[str]
    footer_right: list[str]
    after: list[str]  # what follows the signature: appendices, an attached plan


def layout_of(document: Document) -> Layout:
    """Split a read document into header, body and footer columns.

    Blocks the reader already found are kept; a text that lost its columns (seed 004:
    'Số:' and the date line on lines of their own) is split by the fixed words of the
    layout: the quốc hiệu and the date line go right, the rest of the header left.
    """
    lines = [ln for ln in document.lines if ln.text and ln.block != "margin"]
    layout = Layout([], [], [], [], [], [], [])
    first_header = next((i for i, ln in enumerate(lines) if ln.block.startswith("header")), 0)
    found_header = any(ln.block.startswith("header") for ln in lines)
    footer_start = next((i for i, ln in enumerate(lines)
                         if ln.block.startswith("footer") or regex.match(r"\s*Nơi\s+nhận", ln.text)), len(lines))
    title_at = next((i for i, ln in enumerate(lines)
                     if ln.block == "body" and _is_type_name(ln.text)), 0)
    footer_end = footer_start
    while footer_end < len(lines):
        ln = lines[footer_end]
        if not ln.block.startswith("footer") and footer_end > footer_start and (
                (len(ln.text) >= 60 and not _LEFT_FOOTER.match(ln.text)) or _is_type_name(ln.text)):
            break
        footer_end += 1
    side = "left"
    for i, ln in enumerate(lines):
        if i >= footer_end:
            layout.after.append(ln.text)
        elif i < first_header:
            layout.before.append(ln.text)
        elif ln.block == "header-left":
            layout.header_left.append(ln.text)
        elif ln.block == "header-right":
            layout.header_right.append(ln.text)
        elif i >= footer_start:
            if ln.block == "footer-left" or (ln.block != "footer-right" and _LEFT_FOOTER.match(ln.text)):
                layout.footer_left.append(ln.text)
            else:
                layout.footer_right.append(ln.text)
        elif not found_header and i < title_at:
            if _RULE_LINE.match(ln.text):  # the rule under a block belongs to that block
                (layout.header_right if side == "right" else layout.header_left).append(ln.text)
            elif _RIGHT_HEADER.search(ln.text) or _DATE_LINE.search(ln.text):
                side = "right"
                layout.header_right.append(ln.text)
            else:
                side = "left"
                layout.header_left.append(ln.text)
        else:
            layout.body.append(ln.text)
    return layout


def _is_type_name(text: str) -> bool:
    return bool(regex.fullmatch(r"(?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|THÔNG\s+BÁO|CÔNG\s+VĂN|BÁO\s+CÁO|CHỈ\s+THỊ|"
                                r"HƯỚNG\s+DẪN|TỜ\s+TRÌNH|CHƯƠNG\s+TRÌNH|KẾ HOẠCH)\s*:?", text.strip()))


# --- DOCX -------------------------------------------------------------------------------


def make_docx(layout: Layout, encoding: str | None = None) -> bytes:
    """The official layout: header table, body paragraphs, Nơi nhận/signer table.

    With `encoding` ('tcvn3' or 'vni') every run is typed in that legacy font, the way
    documents from old offices arrive; TCVN3 capital lines use the .VnTimeH face.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    rules = load_rules()
    enc = rules.legacy_encoding(encoding) if encoding else None
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)

    def put(paragraph, text: str, bold: bool = False, size: int = 13) -> None:
        font_name = "Times New Roman"
        if enc is not None and enc.name == "tcvn3":
            capitals = text.isupper() and any(ch.isalpha() for ch in text)
            font_name = ".VnTimeH" if capitals else ".VnTime"
            text = enc.encode(text.lower() if capitals else text)
        elif enc is not None:
            font_name = "VNI-Times"
            text = enc.encode(text)
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        run.font.name = font_name

    def column_table(left: list[str], right: list[str]) -> None:
        if not left and not right:
            return
        table = document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (left, right)):
            cell.paragraphs[0].text = ""
            for n, text in enumerate(lines):
                p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                put(p, text, bold=text.isupper(), size=12)

    for text in layout.before:
        put(document.add_paragraph(), text)
    column_table(layout.header_left, layout.header_right)
    for text in layout.body:
        p = document.add_paragraph()
        if _is_type_name(text):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        put(p, text, bold=text.isupper())
    column_table(layout.footer_left, layout.footer_right)
    for text in layout.after:
        put(document.add_paragraph(), text, bold=text.isupper())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------


def _font_files() -> tuple[str, str]:
    for folder in FONT_DIRS:
        for regular, bold in (("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
                              ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")):
            if (Path(folder) / regular).exists() and (Path(folder) / bold).exists():
                return str(Path(folder) / regular), str(Path(folder) / bold)
    raise RuntimeError("no Vietnamese TrueType font found; apt-get install fonts-dejavu-core")


def make_pdf(layout: Layout) -> bytes:
    """A born-digital A4 PDF laid out like the printed dispatch."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _font_files()
    if "VBSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VBSerif", regular))
        pdfmetrics.registerFont(TTFont("VBSerif-Bold", bold))
    body = ParagraphStyle("body", fontName="VBSerif", fontSize=12, leading=16, alignment=TA_JUSTIFY,
                          spaceAfter=4)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, fontSize=11, leading=14, spaceAfter=0)
    title = ParagraphStyle("title", parent=centre, fontName="VBSerif-Bold", fontSize=13, leading=18)

    def para(text: str, style) -> Paragraph:
        return Paragraph(escape(text), style)

    def columns(left: list[str], right: list[str]):
        # one table row per printed line, so a long Nơi nhận can run onto the next page
        rows = max(len(left), len(right))
        cells = [[para(left[i], centre) if i < len(left) else "",
                  para(right[i], centre) if i < len(right) else ""] for i in range(rows)]
        table = Table(cells, colWidths=[7.5 * cm, 9 * cm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return table

    story = [para(text, body) for text in layout.before]
    if layout.header_left or layout.header_right:
        story += [columns(layout.header_left, layout.header_right), Spacer(1, 12)]
    for text in layout.body:
        story.append(para(text, title if _is_type_name(text) else body))
    if layout.footer_left or layout.footer_right:
        story += [Spacer(1, 12), columns(layout.footer_left, layout.footer_right)]
    for text in layout.after:
        story.append(para(text, title if _is_type_name(text) else body))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title="vanban test dispatch")
    doc.build(story)
    return buffer.getvalue()


def make_scan(pdf: bytes, dpi: int = 200, angle: float = 1.2, seed: int = 7, max_pages: int = 2) -> bytes:
    """A scanned copy of `pdf`: pages as grey images, turned by `angle`, with speckles."""
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(seed)
    source = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(min(len(source), max_pages)):
            image = source[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            pixels = image.load()
            for _ in range(image.width * image.height // 400):
                x, y = rng.randrange(image.width), rng.randrange(image.height)
                pixels[x, y] = rng.choice((0, 90, 180))
            images.append(image)
    finally:
        source.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


VARIANTS = ("layout.docx", "tcvn3.docx", "vni.docx", "born.pdf")


def make_variants(source: Path, out: Path, scan: bool = False) -> list[Path]:
    """Write every variant of `source` into `out`; returns the files written."""
    rules = load_rules()
    layout = layout_of(read_document(source, rules))
    made = {
        "layout.docx": make_docx(layout),
        "tcvn3.docx": make_docx(layout, "tcvn3"),
        "vni.docx": make_docx(layout, "vni"),
    }
    pdf = make_pdf(layout)
    made["born.pdf"] = pdf
    if scan:
        made["scan.pdf"] = make_scan(pdf)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, data in made.items():
        target = out / f"{source.stem}.{suffix}"
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m tests.variants OUT_DIR SOURCE... [--scan STEM ...]", file=sys.stderr)
        return 2
    out = Path(argv[0])
    scans = set()
    sources = []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--scan":
            scans.add(next(args))
        else:
            sources.append(Path(arg))
    for source in sources:
        for path in make_variants(source, out, scan=source.stem in scans):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
