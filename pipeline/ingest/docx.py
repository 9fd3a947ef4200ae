"""DOCX via python-docx: paragraphs and tables in document order, layout tables by column.

The official layout (Nghị định 30/2020) puts the header in a borderless two-column
table (issuer and Số left, quốc hiệu and the date line right) and the Nơi nhận and the
signer in another; each column comes out as its own block. Runs typed in TCVN3 or VNI
fonts are converted by the run's font name.
"""

from __future__ import annotations

import io

import regex

from .. import normalise
from ..document import Line, Page
from ..errors import InputError
from ..rules import LegacyEncoding, Rules
from .safety import check_zip


def read_docx(data: bytes, name: str, rules: Rules) -> tuple[list[Page], str | None, list[str]]:
    check_zip(data, name, rules)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise InputError(name, "not a Word document (no word/document.xml in the package)") from exc
    reader = _Reader(document, rules)
    reader.read()
    return reader.pages(), reader.legacy, reader.warnings


class _Reader:
    def __init__(self, document, rules: Rules) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.document = document
        self.rules = rules
        self.lines: list[Line] = []
        self.page = 1
        self.legacy: str | None = None
        self.warnings: list[str] = []
        self.default_font = self._default_font()
        self.seen_body_text = False
        self.footnotes = self._footnotes()
        self.noted: set[str] = set()

    # -- structure ---------------------------------------------------------------------

    def read(self) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        margin_top, margin_bottom = self._margins()
        for text in margin_top:
            self.lines.append(Line(text, 1, "margin"))
        for child in body.iterchildren():
            tag = child.tag
            if tag == self.qn("w:p"):
                self._paragraph(Paragraph(child, self.document), "body")
            elif tag == self.qn("w:tbl"):
                self._table(Table(child, self.document))
            elif tag == self.qn("w:sdt"):
                for p in child.iter(self.qn("w:p")):
                    self._paragraph(Paragraph(p, self.document), "body")
        for text in margin_bottom:
            self.lines.append(Line(text, self.page, "margin"))
        if self.legacy is None:
            self._legacy_by_statistics()

    def pages(self) -> list[Page]:
        by_page: dict[int, list[Line]] = {}
        for line in self.lines:
            by_page.setdefault(line.page, []).append(line)
        return [Page(n, tuple(by_page.get(n, []))) for n in range(1, max(by_page, default=1) + 1)]

    def _paragraph(self, paragraph, block: str) -> None:
        p = paragraph._p
        if self._breaks_before(p):
            self.page += 1
        text, extra_pages = self._paragraph_text(paragraph)
        for part in text.split("\n"):
            clean = normalise.clean_line(part)
            if clean:
                self.lines.append(Line(clean, self.page, block))  # type: ignore[arg-type]
                if block == "body" and len(clean) >= 40:
                    self.seen_body_text = True
        self.page += extra_pages
        for clean in self._box_lines(p):
            self.lines.append(Line(clean, self.page, block))  # type: ignore[arg-type]
        for mark in p.iter(self.qn("w:footnoteReference")):
            number = mark.get(self.qn("w:id"))
            if number in self.footnotes and number not in self.noted:
                self.noted.add(number)
                self.lines.extend(Line(text, self.page, "note") for text in self.footnotes[number])

    def _footnotes(self) -> dict[str, list[str]]:
        """The footnotes of the file by their id, each as its lines. A footnote is the
        document's own text where its mark stands: the documents a plan rests on may be cited
        there only ('Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị ...; Hướng dẫn số
        36-HD/BTCTW ...' behind a mark in KH 01/KH-TBTTKT of the Tiểu ban of xã Phố Bảng)."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import parse_xml
        from docx.text.paragraph import Paragraph

        part = next((rel.target_part for rel in self.document.part.rels.values()
                     if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not rel.is_external), None)
        if part is None:
            return {}
        try:
            root = parse_xml(part.blob)
        except Exception:  # a damaged footnotes part: the body is still read
            self.warnings.append("the footnotes of the file could not be read")
            return {}
        notes: dict[str, list[str]] = {}
        for note in root.iter(self.qn("w:footnote")):
            if note.get(self.qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            # a line break inside a footnote's paragraph only wraps it ('... quản lý nhà nước đối với' /
            # 'hoạt động thăm dò, khai thác ...', the footnote of the KH on Chỉ thị 11-CT/TU of UBND Lào Cai)
            texts = (self._paragraph_text(Paragraph(p, self.document))[0] for p in note.iter(self.qn("w:p")))
            lines = [c for c in (normalise.clean_line(t.replace("\n", " ")) for t in texts) if c]
            if lines:
                notes[note.get(self.qn("w:id"))] = lines
        return notes

    def _box_lines(self, p) -> list[str]:
        """The lines of the text boxes anchored in a paragraph (only the modern copy of each)."""
        from docx.text.paragraph import Paragraph

        out = []
        for box in p.iter(self.qn("w:txbxContent")):
            if _inside_fallback(box):
                continue
            for inner in box.iter(self.qn("w:p")):
                t, _ = self._paragraph_text(Paragraph(inner, self.document))
                out.extend(c for c in (normalise.clean_line(part) for part in t.split("\n")) if c)
        return out

    def _table(self, table) -> None:
        inner = self._wrapped_table(table)
        if inner is not None:
            # a table whose one filled cell holds only another table is a frame around it: the copy of
            # QĐ 26/2018/QĐ-TTg saved from a law website wraps its header table (issuer, number | tiêu
            # ngữ, place and date) so, and its Nơi nhận/signer table (one document so far)
            self._table(inner)
            return
        rows = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            rows.append(cells)
        # an empty row is no part of the layout: the copy of QĐ 26/2018/QĐ-TTg saved from a law website
        # opens its Nơi nhận/signer table with one empty merged cell over the three of the row below
        rows = [r for r in rows if any(self._cell_lines(c) for c in r)]
        filled = self._layout_columns(rows)
        if filled:
            texts = [t for r in rows for i in filled for t in self._cell_lines(r[i])]
            kind = normalise.layout_table_kind(texts, first=not self.seen_body_text)
            if kind:
                for column, side in zip(filled, ("left", "right")):
                    for row in rows:
                        for text in self._cell_lines(row[column]):
                            self.lines.append(Line(text, self.page, f"{kind}-{side}"))  # type: ignore[arg-type]
                return
        for row in rows:
            cells = [_cell_text(self._cell_lines(c)) for c in row]
            while cells and not cells[-1]:
                cells.pop()
            # an empty cell keeps its place: an assignment table's columns are read by position
            text = " | ".join(cells) if any(cells) else ""
            if text:
                self.lines.append(Line(text, self.page, "table"))

    def _wrapped_table(self, table):
        """The one table inside `table` when that is all `table` holds, else None."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        found = None
        for row in table.rows:
            for cell in {id(c._tc): c for c in row.cells}.values():
                for child in cell._tc.iterchildren():
                    if child.tag == self.qn("w:tbl"):
                        if found is not None:
                            return None
                        found = Table(child, cell)
                    elif child.tag == self.qn("w:p") and self._paragraph_text(Paragraph(child, cell))[0].strip():
                        return None
        return found

    def _layout_columns(self, rows: list[list]) -> list[int]:
        """The two columns of a small table that may be the header or the closing of the official
        layout, else []. A column empty in every row of a wider table only spaces the two others
        apart: such tables are often three columns with an empty middle one ('UBND TỈNH LÀO CAI | |
        CỘNG HOÀ ...', 'Nơi nhận: ... | | KT. GIÁM ĐỐC ...' in the DOCX draft plan of Sở Công
        Thương Lào Cai, 2026); of two columns, both count even when one is empty (a signer alone
        on the right, TB 03/TB-ĐTĐH)."""
        width = len(rows[0]) if rows else 0
        if not rows or len(rows) > 4 or width > 4 or any(len(r) != width for r in rows):
            return []
        if width == 2:
            return [0, 1]
        filled = [i for i in range(width) if any(self._cell_lines(r[i]) for r in rows)]
        return filled if len(filled) == 2 else []

    def _cell_lines(self, cell) -> list[str]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        out = []
        for child in cell._tc.iterchildren():
            if child.tag == self.qn("w:p"):
                text, _ = self._paragraph_text(Paragraph(child, cell))
                out.extend(c for c in (normalise.clean_line(t) for t in text.split("\n")) if c)
            elif child.tag == self.qn("w:tbl"):
                for row in Table(child, cell).rows:
                    out.append(" | ".join(" ".join(self._cell_lines(c)) for c in row.cells))
        return out

    # -- runs and fonts ----------------------------------------------------------------

    def _paragraph_text(self, paragraph) -> tuple[str, int]:
        from docx.text.run import Run

        p = paragraph._p
        parts = []
        breaks = 0
        for r in p.iter(self.qn("w:r")):
            if _nested_in_box(r, p):
                continue
            run = Run(r, paragraph)
            text = run.text
            for br in r.iter(self.qn("w:br")):
                if br.get(self.qn("w:type")) == "page":
                    breaks += 1
            breaks += sum(1 for _ in r.iter(self.qn("w:lastRenderedPageBreak")))
            if not text:
                continue
            font = self._run_font(run, paragraph)
            encoding = self._legacy_for(font)
            if encoding is not None:
                text = normalise.decode_legacy(text, encoding, encoding.is_capital_font(font))
                self.legacy = self.legacy or encoding.name
            elif self._caps(run):
                text = text.upper()
            parts.append(text)
        return "".join(parts), breaks

    def _legacy_for(self, font: str | None) -> LegacyEncoding | None:
        for enc in self.rules.legacy:
            if enc.matches_font(font):
                return enc
        return None

    @staticmethod
    def _caps(run) -> bool:
        try:
            return bool(run.font.all_caps)
        except Exception:  # odd run properties are not worth failing a document for
            return False

    def _run_font(self, run, paragraph) -> str | None:
        r_pr = run._r.rPr
        font = _rfonts(r_pr, self.qn) if r_pr is not None else None
        if font:
            return font
        style = getattr(run, "style", None)
        font = _style_font(style)
        if font:
            return font
        font = _style_font(getattr(paragraph, "style", None))
        return font or self.default_font

    def _default_font(self) -> str | None:
        try:
            styles = self.document.styles.element
        except Exception:
            return None
        for r_fonts in styles.iter(self.qn("w:rFonts")):
            parent = r_fonts.getparent()
            if parent is not None and parent.getparent() is not None and \
                    parent.getparent().tag == self.qn("w:rPrDefault"):
                return r_fonts.get(self.qn("w:ascii")) or r_fonts.get(self.qn("w:hAnsi"))
        return None

    def _breaks_before(self, p) -> bool:
        p_pr = p.pPr
        if p_pr is None:
            return False
        flag = p_pr.find(self.qn("w:pageBreakBefore"))
        return flag is not None and flag.get(self.qn("w:val"), "true") not in ("0", "false")

    def _margins(self) -> tuple[list[str], list[str]]:
        top, bottom = [], []
        for section in self.document.sections:
            for part, sink in ((section.header, top), (section.footer, bottom)):
                try:
                    if part.is_linked_to_previous and sink:
                        continue
                    paragraphs = part.paragraphs
                except Exception:
                    continue
                for paragraph in paragraphs:
                    text = normalise.clean_line(self._paragraph_text(paragraph)[0])
                    if text and text not in sink:
                        sink.append(text)
                    # a text box in the page's header may hold the issuer's block ('ƯBND TỈNH AN
                    # GIANG / TRƯỜNG ĐẠI HỌC AN GIANG' in word/header1.xml, QĐ 2442/QĐ-ĐHAG)
                    for line in self._box_lines(paragraph._p):
                        if line not in sink:
                            sink.append(line)
        return top, bottom

    def _legacy_by_statistics(self) -> None:
        """Fonts were not named (or were renamed), yet the text reads as TCVN3 or VNI."""
        text = "\n".join(line.text for line in self.lines)
        name = normalise.detect_legacy(text, self.rules)
        if name is None:
            return
        enc = self.rules.legacy_encoding(name)
        self.legacy = name
        from dataclasses import replace

        self.lines = [replace(ln, text=normalise.to_nfc(enc.decode(ln.text))) for ln in self.lines]
        self.warnings.append(f"[legacy] text reads as {name} although no {name} font is named; converted")


def _rfonts(r_pr, qn) -> str | None:
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        return None
    return r_fonts.get(qn("w:ascii")) or r_fonts.get(qn("w:hAnsi")) or r_fonts.get(qn("w:cs"))


def _style_font(style) -> str | None:
    while style is not None:
        try:
            name = style.font.name
        except Exception:
            return None
        if name:
            return name
        style = getattr(style, "base_style", None)
    return None


def _nested_in_box(r, p) -> bool:
    node = r.getparent()
    while node is not None and node is not p:
        local = node.tag.rsplit("}", 1)[-1]
        if local in ("txbxContent", "Fallback"):
            return True
        node = node.getparent()
    return False


def _inside_fallback(node) -> bool:
    node = node.getparent()
    while node is not None:
        if node.tag.rsplit("}", 1)[-1] == "Fallback":
            return True
        node = node.getparent()
    return False


_OPEN_PARAGRAPH = regex.compile(r"[\p{L}\d)]$")  # a paragraph that ends in no stop
_NAME_PARAGRAPH = regex.compile(r"^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$")  # 'Nguyễn Thị Loan'


def _cell_text(paragraphs: list[str]) -> str:
    """A table cell's paragraphs as one line. Names of people put one a paragraph are a list: a
    cell 'Người thực hiện' of 'Đỗ Mạnh Cường' / 'Vũ Việt Linh' / 'Nguyễn Thị Loan' names three,
    parted by semicolons as a written list of names is (the DOCX draft plan of Sở Công Thương Lào
    Cai, 2026: one document so far); any other paragraphs of a cell are one text wrapped."""
    if len(paragraphs) > 1 and all(_NAME_PARAGRAPH.match(p) and _OPEN_PARAGRAPH.search(p) for p in paragraphs):
        return "; ".join(paragraphs)
    return " ".join(paragraphs)
