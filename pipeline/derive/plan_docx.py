"""The child plan draft as a DOCX laid out per Nghị định 30/2020 (Phụ lục I).

A4, margins 20/20/30/15 mm, Times New Roman 13–14 pt. The header is a borderless
two-column table: the cơ quan chủ quản and the unit with 'Số: .../KH-<code>' left blank for
the văn thư on the left; the quốc hiệu, tiêu ngữ and the place-and-date line on the right,
with the solid rule the decree draws under the unit's name (a third of its column) and under
the tiêu ngữ (as long as it). Then KẾ HOẠCH and its title, the căn cứ, sections I–III, and
the Nơi nhận/signer table. Pages are numbered from the second, centred in the top margin
(the first page shows none). Every text comes from the record or the rules as plain runs:
the page number is the only field, and nothing becomes a hyperlink or a macro.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import zipfile
from dataclasses import dataclass

import regex

from ..export import zip_members
from ..record import Citation
from ..rules import Rules
from . import ChildPlan, ChildTask, about_title, issuer_class, parent_reference
from .schedule import vn_date

FONT = "Times New Roman"


NAME_BLANK = "........"  # where a unit drafted for as one of a class writes its own name


def plan_docx(plan: ChildPlan, rules: Rules) -> bytes:
    """The DOCX bytes of the child plan draft."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    hierarchy = rules.hierarchy
    unit_class = hierarchy.get(plan.unit.class_id)
    parent = plan.parent
    reference = parent_reference(parent, rules)
    unit_name = plan.unit.name if plan.unit.name != unit_class.name else unit_class.one

    document = _Draft()
    centre = WD_ALIGN_PARAGRAPH.CENTER
    # the issuer's place heads the plan of a unit it is the cơ quan chủ quản of ('PHÒNG GIÁO
    # DỤC VÀ ĐÀO TẠO NAM ĐÀN'), and dates it where the units under the issuer share its place
    # (a Phòng's district); a Sở under the Bộ, a Phòng under the Sở are elsewhere: '...'
    own = issuer_class(parent, hierarchy)
    under = own is not None and plan.unit.class_id in hierarchy.get(own).children and bool(parent.place)
    body_place = plan.unit.place or (parent.place if under and hierarchy.heads(own, plan.unit.class_id) else "...")
    place = plan.unit.place or (parent.place if under and hierarchy.get(own).children_share_place else "...")
    body_name = hierarchy.split_place(unit_name)[0]
    if plan.unit.name == unit_class.name and unit_class.named_units:
        # drafted for every school of the class: the school writes its own name in the blank
        body_name = f"{body_name} {NAME_BLANK}"
    document.header(unit_class, body_name, place, "Số: .../KH-" + unit_class.code, plan.date, body_place=body_place)

    document.para()
    document.para("KẾ HOẠCH", bold=True, align=centre)
    document.para(f"Thực hiện {reference}{about_title(parent)}", bold=True, align=centre)

    # the parent is cited once, by 'Thực hiện' (the intro below); of its bases only those
    # that bind the unit too (laws, decrees, circulars), not the plans and letters behind it
    kinds = {k.casefold() for k in rules.derive.basis_types}
    for citation in parent.citations:
        line = _basis(citation) if (citation.doc_type or "").casefold() in kinds else None
        if line:
            document.para(line, indent=True)
    document.para(rules.derive.text("intro", parent=reference, unit=unit_name), indent=True)

    document.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    document.para("1. Mục đích", bold=True)
    document.para("- " + rules.derive.text("purpose", parent=reference), indent=True)
    document.para("2. Yêu cầu", bold=True)
    document.para("- " + rules.derive.text("requirement"), indent=True)

    document.para("II. NHIỆM VỤ", bold=True)
    document.para(f"1. {unit_name}", bold=True)
    for task in plan.duties:
        document.para("- " + _item(task), indent=True)

    document.para("III. TỔ CHỨC THỰC HIỆN", bold=True)
    document.para(f"1. {unit_name}", bold=True)
    document.para(f"- Chủ trì, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tổng hợp kết quả, báo cáo "
                  f"theo {reference}.", indent=True)
    groups: dict[str, list[ChildTask]] = {}
    roles = rules.derive.school_roles
    # a school's roles: the head first, then in the order of the rules; units below in their order
    order = [roles.head, *(r.role for r in roles.roles)] if roles else []
    inside = bool(order) and all(task.owner in order for task in plan.assignments) and bool(plan.assignments)
    for task in sorted(plan.assignments, key=lambda t: order.index(t.owner)) if inside else plan.assignments:
        groups.setdefault(task.owner, []).append(task)
    for number, (owner, tasks) in enumerate(groups.items(), start=2):
        document.para(f"{number}. {owner[0].upper()}{owner[1:]}", bold=True)
        for task in tasks:
            document.para("- " + _item(task), indent=True)
    document.para(rules.derive.text("closing_school" if inside else "closing", unit_short=unit_name), indent=True)

    issuer = reference.split(" của ", 1)[1] if " của " in reference else "Cơ quan cấp trên"
    if own and own != "bo" and parent.place:  # 'Phòng GDĐT Nam Đàn', 'Sở GDĐT Nghệ An': the parent itself
        issuer = f"{hierarchy.get(own).short} {parent.place}"
    staff = [rules.derive.text("staff_recipients")] if inside else groups  # a school sends it to its staff
    recipients = [f"{issuer} (để báo cáo)", *(f"{owner} (để thực hiện)" for owner in staff)]
    document.closing(recipients, unit_class.head)
    return document.save(parent.date)


class _Draft:
    """A plan's document.xml written as text: each paragraph the XML python-docx makes for
    its style (_prototype, serialized once) with the text put in, the header and the closing
    tables serialized once and copied. Building the body in lxml and serializing it was most
    of a plan's DOCX (25 µs a paragraph, 50 paragraphs a plan; issue 17); the bytes are those
    of para(), header(), closing() and save(), which make any text this does not (tabs and
    line breaks, characters XML cannot hold)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def para(self, text: str = "", *, bold: bool = False, italic: bool = False, size: float = 14,
             align=None, indent: bool = False) -> None:
        before, after = _para_xml(bool(text), bold, italic, size, align, indent)
        if not text:
            self.parts.append(before)
        elif not text.isprintable() and _AS_TEXT.search(text):  # as python-docx writes it (w:tab, w:br), or refuses it
            self.parts.append(_fragment(lambda document: para(document, text, bold=bold, italic=italic, size=size,
                                                              align=align, indent=indent)))
        else:
            self.parts += (before, _PRESERVE if len(text.strip()) < len(text) else ">", _escape(text), after)

    def header(self, unit_class, body_name: str, place: str, number_line: str, day: str | None,
               about: str | None = None, body_place: str | None = None) -> None:
        self.parts.append(_header_xml(unit_class.parent_body, body_name, place, number_line, about, body_place, day))

    def closing(self, recipients: list[str], head: str) -> None:
        self.parts.append(_closing_xml(tuple(recipients), head))

    def save(self, day: str | None) -> bytes:
        head, tail = _envelope()
        return _package((head + "".join(self.parts) + tail).encode("utf-8"), day)


_AS_TEXT = regex.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # for python-docx and lxml to write
_PRESERVE = ' xml:space="preserve">'


def _escape(text: str) -> str:
    """Text as lxml writes it in an element (its other escapes are of what _AS_TEXT sends to it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fragment(build) -> str:
    """The XML text of what `build(document)` adds to an empty document's body, as save()
    serializes it inside the document."""
    from docx.opc.oxml import serialize_part_xml

    document = new_document()
    build(document)
    xml = serialize_part_xml(document.element).decode("utf-8")
    return xml[xml.index("<w:body>") + len("<w:body>"):xml.rindex("<w:sectPr")]


@functools.cache
def _envelope() -> tuple[str, str]:
    """document.xml of an empty draft, cut where its body's content goes."""
    from docx.opc.oxml import serialize_part_xml

    xml = serialize_part_xml(new_document().element).decode("utf-8")
    cut = xml.index("<w:body>") + len("<w:body>")
    if not xml.startswith("<w:sectPr", cut):
        raise AssertionError("the template's body holds more than its section")
    return xml[:cut], xml[cut:]


@functools.cache
def _para_xml(has_text: bool, bold: bool, italic: bool, size: float, align, indent: bool) -> tuple[str, str]:
    """A paragraph of this style as XML text: whole when empty, else cut where its text goes
    (before it '<w:t', to be closed with or without xml:space)."""
    xml = _fragment(lambda document: para(document, "x" if has_text else "", bold=bold, italic=italic, size=size,
                                          align=align, indent=indent))
    if not has_text:
        return xml, ""
    before, after = xml.split("<w:t>x</w:t>")
    return before + "<w:t", "</w:t>" + after


@functools.lru_cache(maxsize=256)
def _header_template(parent_body: str | None, body_name: str, place: str, number_line: str, about: str | None,
                     body_place: str | None) -> tuple[str, str]:
    """The header table as XML text, cut around the text of its last line (the place and the day)."""
    xml = _fragment(lambda document: _append(document, _header(parent_body, body_name, place, number_line, about,
                                                               body_place)))
    start = xml.rindex("<w:t")
    return xml[:start], xml[xml.index("</w:t>", start):]


def _header_xml(parent_body: str | None, body_name: str, place: str, number_line: str, about: str | None,
                body_place: str | None, day: str | None) -> str:
    line = f"{place}, {_date_line(day)}"
    if _AS_TEXT.search(line):
        return _fragment(lambda document: _set_date_line(
            _append(document, _header(parent_body, body_name, place, number_line, about, body_place)), place, day))
    before, after = _header_template(parent_body, body_name, place, number_line, about, body_place)
    return f"{before}<w:t{_PRESERVE if line != line.strip() else '>'}{_escape(line)}{after}"


@functools.lru_cache(maxsize=256)
def _closing_xml(recipients: tuple[str, ...], head: str) -> str:
    return _fragment(lambda document: closing(document, list(recipients), head))


# --- the layout of Nghị định 30/2020 Phụ lục I, shared by every document vanban drafts ---
def new_document():
    """An empty A4 document: margins 20/20/30/15 mm, Times New Roman 14 pt, pages numbered
    from the second. Write it with save(), which gives it the template's other parts."""
    from docx.document import Document

    template = _template()
    # a child plan took 50 ms, a fifth of it opening python-docx's template and most of the
    # rest styling runs and deflating its 0.8 MB of styles (issue 17): the template is made
    # once per process and each draft gets a copy of its (empty) body alone; the parts it
    # shares with the template (styles, section header) are only read
    return Document(copy.deepcopy(template.document.element), template.document.part)


@dataclass(frozen=True)
class _Template:
    document: object  # the python-docx Document every draft copies its body from
    members: tuple[tuple[str, bytes], ...]  # the zip members of the saved template, in order


@functools.cache
def _template() -> _Template:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Word falls back per script otherwise
    normal.paragraph_format.space_after = Pt(3)
    _page_numbers(section, size=13)
    # parts of python-docx's template that Word and LibreOffice do without, 16 KB of a 38 KB
    # draft (issue 17): Word 2010's copy of the styles, the thumbnail of an empty page, and a
    # customXml item, an empty list of bibliography sources; nothing in the document refers to them
    for rels in (document.part.package.rels, document.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _NOT_NEEDED]:
            del rels[rid]
    _keep_styles(document.styles.element, STYLES_USED)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as saved:
        members = tuple((item.filename, saved.read(item)) for item in saved.infolist())
    return _Template(document, members)


# the styles a draft names (w:pStyle, w:rStyle, w:tblStyle); tests/test_derive.py checks that every
# style a draft refers to is in its styles.xml
STYLES_USED = ("Header",)


def _keep_styles(styles, used: tuple[str, ...]) -> None:
    """Only the styles a draft uses, the defaults and those they are based on or linked to.
    python-docx's template defines 164 styles (tables in six accents, list bullets, …) in
    0.35 MB, 12 KB deflated: more than half of every draft's file (issue 17), for styles no
    draft names; Word and LibreOffice list the built-in ones anyway (latentStyles stays)."""
    from docx.oxml.ns import qn

    by_id = {element.get(qn("w:styleId")): element for element in styles.iterchildren(qn("w:style"))}
    todo = [sid for sid, element in by_id.items() if element.get(qn("w:default")) in ("1", "true")]
    todo += used
    keep: set[str] = set()
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        todo += [ref.get(qn("w:val")) for tag in ("w:basedOn", "w:link", "w:next")
                 for ref in by_id[sid].iterchildren(qn(tag))]
    for sid, element in by_id.items():
        if sid not in keep:
            styles.remove(element)


_NOT_NEEDED = ("http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
               "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
               "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml")


def para(container, text: str = "", *, bold: bool = False, italic: bool = False, size: float = 14,
         align=None, indent: bool = False):
    """A paragraph of one plain run; `indent`: a body paragraph, first line 1 cm, justified."""
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    # a copy of the paragraph python-docx makes for this style, its text put in: python-docx
    # styling each run itself cost 0.4 ms a paragraph, 40 paragraphs a plan (issue 17)
    p = _prototype(bool(text), bold, italic, size, align, indent).__deepcopy__(None)
    if text:
        if "\t" in text or "\n" in text or "\r" in text:  # python-docx makes w:tab and w:br of these
            Paragraph(p, container).runs[0].text = text
        else:
            t = p.find(_RUN_TEXT)
            t.text = text
            if len(text.strip()) < len(text):
                t.set(_XML_SPACE, "preserve")
    block = container._body if isinstance(container, Document) else container
    sect = block._element.find(_SECT_PR) if block._element.tag == _BODY else None
    if sect is not None:  # a document's body ends with its section's properties
        sect.addprevious(p)
    else:
        block._element.append(p)
    return Paragraph(p, block)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT, _SECT_PR, _BODY = f"{_W}r/{_W}t", f"{_W}sectPr", f"{_W}body"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@functools.cache
def _prototype(has_text: bool, bold: bool, italic: bool, size: float, align, indent: bool):
    """The w:p python-docx makes for one paragraph style, with the text 'x' when `has_text`."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = new_document().add_paragraph()
    if not has_text and size < 14:  # an empty line as small as asked, not a full line of Normal
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(size)
    if has_text:
        run = paragraph.add_run("x")
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph._p


def two_columns(document, widths: tuple[float, float]):
    """The two cells of a borderless one-row table `widths` cm wide, each empty."""
    from docx.oxml.ns import qn
    from docx.table import Table

    table = copy.deepcopy(_table_prototype(widths))  # python-docx's add_table took 2 ms (issue 17)
    document.element.body.find(qn("w:sectPr")).addprevious(table)
    return Table(table, document._body).rows[0].cells


@functools.cache
def _table_prototype(widths: tuple[float, float]):
    """The w:tbl python-docx makes for the two columns."""
    from docx.shared import Cm

    table = new_document().add_table(rows=1, cols=2)
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths):
        column.width = cell.width = Cm(width)  # the grid for LibreOffice, the cell for Word
        cell._element.remove(cell.paragraphs[0]._element)  # start each cell empty
    return table._tbl


# the header's two columns (cm) of the 16.5 cm between the margins: the quốc hiệu in 12 pt bold
# Times New Roman is 8.77 cm and a cell's margins 0.38 cm, so the right column takes 9.5 (at 9.0 the
# line broke before 'NAM', which Nghị định 30 prints on one line)
HEADER_COLUMNS = (7.0, 9.5)


def header(document, unit_class, body_name: str, place: str, number_line: str, day: str | None,
           about: str | None = None, body_place: str | None = None) -> None:
    """The two-column header: the cơ quan chủ quản (in `body_place`, by default `place`),
    the unit (`body_name`, its place taken off), the rule under it and the
    Số line (and a công văn's 'V/v ...' under it) left; the quốc hiệu, the tiêu ngữ with its
    rule and the place-and-date line right (the page numbers are new_document's)."""
    table = _append(document, _header(unit_class.parent_body, body_name, place, number_line, about, body_place))
    _set_date_line(table, place, day)


def _set_date_line(table, place: str, day: str | None) -> None:
    line = table.findall(f".//{_W}t")[-1]  # the last line: the place and the plan's own day
    line.text = f"{place}, {_date_line(day)}"
    if line.text == line.text.strip():  # as para() would have it: the placeholder ended in a space
        line.attrib.pop(_XML_SPACE, None)


def closing(document, recipients: list[str], head: str) -> None:
    """Nơi nhận left (each recipient a line, then 'Lưu: VT.'), the signer's office right
    with room for the signature and a dotted line for the name."""
    _append(document, _closing(tuple(recipients), head))


# the header and the closing are the same for every plan of a unit on a day: each is made
# once and copied (issue 17), like the paragraphs (_prototype)
@functools.lru_cache(maxsize=256)
def _header(parent_body: str | None, body_name: str, place: str, number_line: str, about: str | None,
            body_place: str | None = None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    centre = WD_ALIGN_PARAGRAPH.CENTER
    scratch = new_document()
    left, right = two_columns(scratch, HEADER_COLUMNS)
    if parent_body:
        para(left, parent_body.format(place=body_place or place).upper().strip(), size=13, align=centre)
    para(left, body_name.upper(), bold=True, size=13, align=centre)
    _rule(para(left, size=4, align=centre), column=HEADER_COLUMNS[0], length=2.5)
    para(left, number_line, size=13, align=centre)
    if about:
        para(left, about, size=12, align=centre)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=centre)  # one line: 12 pt
    para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=centre)
    _rule(para(right, size=4, align=centre), column=HEADER_COLUMNS[1], length=6.2)
    para(right, f"{place}, ", italic=True, size=14, align=centre)  # header() adds the day
    return scratch.element.body[0]


@functools.lru_cache(maxsize=256)
def _closing(recipients: tuple[str, ...], head: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    scratch = new_document()
    left, right = two_columns(scratch, (8.0, 8.5))
    para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for recipient in recipients:
        para(left, f"- {recipient};", size=11)
    para(left, "- Lưu: VT.", size=11)
    para(right, head, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(3):
        para(right)
    para(right, "........................", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    return scratch.element.body[0]


def _append(document, block):
    """A copy of `block` (a table) at the end of the document's body, before its section."""
    copied = block.__deepcopy__(None)
    document.element.body.find(_SECT_PR).addprevious(copied)
    return copied


def save(document, day: str | None) -> bytes:
    """The bytes, the same for the same content on every run (dated `day`): the template's
    parts with this document's body."""
    from docx.opc.oxml import serialize_part_xml

    return _package(serialize_part_xml(document.element), day)


def _package(body: bytes, day: str | None) -> bytes:
    """The DOCX of the template's parts with `body` as word/document.xml."""
    members = [(name, body if name == "word/document.xml" else content) for name, content in _template().members]
    return zip_members(members, f"{day or '2000-01-01'}T00:00:00Z")


def _rule(paragraph, column: float, length: float) -> None:
    """A solid rule `length` cm long, centred in a column `column` cm wide: the bottom border of
    an empty paragraph indented from both sides."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    side = Cm(max(column - length, 0) / 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_numbers(section, size: float) -> None:
    """The page number centred in the top margin, from page 2: a first page of its own with an
    empty header, and a PAGE field in the header of the others."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _date_line(day: str | None) -> str:
    """'ngày 07 tháng 10 năm 2024': a day under 10 and the months 1 and 2 with a zero before them
    (Nghị định 30/2020, Phụ lục I); dots for a plan not yet dated."""
    if not day:
        return "ngày ... tháng ... năm ...."
    when = dt.date.fromisoformat(day)
    month = f"{when.month:02d}" if when.month < 3 else str(when.month)
    return f"ngày {when.day:02d} tháng {month} năm {when.year}"


def _item(task: ChildTask) -> str:
    """One task line: the action with the child's deadline, its product, where it comes from."""
    text = task.action.rstrip(" .;")
    text = text[:1].upper() + text[1:]
    if task.quantity and task.quantity.text not in text:
        text += f"; sản phẩm: {task.quantity.text}"
    if task.cooperating:
        text += f"; phối hợp: {', '.join(task.cooperating)}"
    if task.source:
        text += f" (theo {task.source})"
    return text + "."


def _basis(citation: Citation) -> str | None:
    """A căn cứ line for one of the parent's own legal bases, or None when the parent does
    not identify it: a căn cứ names its document by number or by day (Nghị định 30, Phụ lục
    I: 'Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019'); a law only mentioned in the body
    ('... kiến thức về Luật Giao thông đường bộ', CV 6103/BGDĐT-GDTrH) is no ground of a plan."""
    if not (citation.number or citation.date or regex.search(r"năm\s+\d{4}", citation.title or "")):
        return None
    if citation.number:
        parts = [citation.doc_type or "Văn bản", f"số {citation.number}"]
        if citation.date:
            parts.append(f"ngày {vn_date(citation.date)}")
        if citation.issuer:
            parts.append(f"của {citation.issuer}")
        if citation.title:
            parts.append(citation.title)
        return "Căn cứ " + " ".join(parts) + ";"
    if citation.title:
        day = f" ngày {vn_date(citation.date)}" if citation.date else ""
        return f"Căn cứ {citation.title}{day};"
    return None
