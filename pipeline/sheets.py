"""Tables people open in Excel: workbooks and CSV files written the same way everywhere.

A `Table` is a title, columns with widths, and rows of values (text, numbers, dates).
The workbook has a bold frozen header, filters, wrapped text, dates as date cells, an
optional drop-down column, and an A4 landscape print layout that repeats the header. The
CSV is UTF-8 with a BOM (so that Excel reads the Vietnamese). Text from documents never
becomes a formula in either (pipeline/export.py: neutral; _cell below).
"""

from __future__ import annotations

import ast
import contextlib
import csv
import datetime as dt
import functools
import importlib.util
import io
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .export import FORMULA_START, neutral, zip_members


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name and the printed page header
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    rows: list[list[object]] = field(default_factory=list)
    choices: tuple[str, tuple[str, ...]] | None = None  # (column, allowed values): a drop-down
    hidden: tuple[str, ...] = ()  # columns kept for vanban to read back, not shown


def workbook(tables: list[Table]) -> bytes:
    """One sheet per table, as SpreadsheetML written here.

    openpyxl made these files until issue 17: 17 ms a checklist, the checklists of 1,000
    documents half a minute, most of it its cell and style objects. The workbook has the
    same parts, styles and settings as openpyxl wrote (tests read it back with openpyxl,
    as pipeline/returned.py does a unit's filled-in copy), with the few cell styles fixed
    in advance (_STYLES) rather than registered cell by cell."""
    names = _sheet_names(tables)
    members = [("docProps/app.xml", _APP), ("docProps/core.xml", _CORE),
               ("xl/theme/theme1.xml", _theme())]
    members += [(f"xl/worksheets/sheet{n}.xml", _sheet_xml(table)) for n, table in enumerate(tables, start=1)]
    members += [("xl/styles.xml", _STYLES), ("_rels/.rels", _ROOT_RELS),
                ("xl/workbook.xml", _workbook_xml(tables, names)),
                ("xl/_rels/workbook.xml.rels", _workbook_rels(len(tables))),
                ("[Content_Types].xml", _content_types(len(tables)))]
    return zip_members(members)


# cell styles (cellXfs) by index: what openpyxl registered for the same cells
_HEADER, _BODY, _QUOTED, _DATE = 1, 2, 3, 4
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_APP = (b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>Microsoft Excel Compatible / vanban</Application><AppVersion>3.1</AppVersion></Properties>")
_CORE = (b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">'
         b'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">vanban</dc:creator>'
         b'<dcterms:created xmlns:dcterms="http://purl.org/dc/terms/" '
         b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z'
         b'</dcterms:created><dcterms:modified xmlns:dcterms="http://purl.org/dc/terms/" '
         b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z'
         b"</dcterms:modified></cp:coreProperties>")
_ALIGN_BODY = '<alignment vertical="top" wrapText="1"/>'
_STYLES = (
    f'<styleSheet xmlns="{_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
    '<fonts count="2"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/>'
    '<scheme val="minor"/></font><font><b val="1"/></font></fonts>'
    '<fills count="3"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="00DDEBF7"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyAlignment="1" xfId="0">'
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" xfId="0">{_ALIGN_BODY}</xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" quotePrefix="1" xfId="0">'
    f"{_ALIGN_BODY}</xf>"
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" applyAlignment="1" xfId="0">'
    f"{_ALIGN_BODY}</xf></cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
).encode()
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL}"><Relationship Type="{_REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/>'
    f'<Relationship Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/>'
    f'<Relationship Type="{_REL}/extended-properties" Target="docProps/app.xml" Id="rId3"/></Relationships>'
).encode()
# what an XML 1.0 document cannot hold (openpyxl refused such a cell: IllegalCharacterError)
_ILLEGAL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its day 60 is a 29/02/1900 that never was)


@functools.cache
def _theme() -> bytes:
    """openpyxl's default theme (Excel's), read out of its module's source rather than
    imported: importing openpyxl for it took half a second of every run in a fresh process
    that writes a workbook (issue 17). Imported where the source cannot be read."""
    spec = importlib.util.find_spec("openpyxl")
    if spec is not None and spec.origin:
        try:
            tree = ast.parse((Path(spec.origin).parent / "writer" / "theme.py").read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            tree = None
        for node in tree.body if tree else ():
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id == "theme_xml"):
                with contextlib.suppress(ValueError):
                    return ast.literal_eval(node.value).encode("utf-8")
    from openpyxl.writer.theme import theme_xml

    return theme_xml.encode("utf-8")


def _text(value: str) -> str:
    """Text for an XML element or attribute (xml.sax.saxutils.escape and '"', in one pass of
    replaces: a checklist's cells are a few hundred a plan, issue 17)."""
    if not value.isprintable():  # what _ILLEGAL removes is never printable
        value = _ILLEGAL.sub("", value)
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace('"', "&quot;")


def _sheet_xml(table: Table) -> bytes:
    last = _column_letter(len(table.columns))
    height = len(table.rows) + 1
    out = [f'<worksheet xmlns="{_NS}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>'
           f'<pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{last}{height}"/>'
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
           'state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
           '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><cols>']
    for number, (name, width) in enumerate(zip(table.columns, table.widths), start=1):
        hidden = ' hidden="1"' if name in table.hidden else ""
        out.append(f'<col{hidden} width="{width}" customWidth="1" min="{number}" max="{number}"/>')
    out.append('</cols><sheetData><row r="1">')
    letters = [_column_letter(n) for n in range(1, len(table.columns) + 1)]
    for letter, name in zip(letters, table.columns):
        out.append(_cell(f"{letter}1", name, _HEADER))
    out.append("</row>")
    for row_number, values in enumerate(table.rows, start=2):
        out.append(f'<row r="{row_number}">')
        for letter, value in zip(letters, values):
            if value.__class__ is str and value:  # most cells: _cell's first case, without the call
                style = _QUOTED if value.startswith(FORMULA_START) else _BODY
                space = ' xml:space="preserve"' if value != value.strip() else ""
                out.append(f'<c r="{letter}{row_number}" s="{style}" t="inlineStr"><is><t{space}>{_text(value)}'
                           "</t></is></c>")
            elif value is None or value == "":
                out.append(f'<c r="{letter}{row_number}" s="{_BODY}"/>')
            else:
                out.append(_cell(f"{letter}{row_number}", value, _BODY))
        out.append("</row>")
    out.append(f'</sheetData><autoFilter ref="A1:{last}{height}"/>')
    if table.choices and table.rows:
        name, allowed = table.choices
        letter = letters[table.columns.index(name)]
        formula = _text('"' + ",".join(allowed) + '"')
        out.append(f'<dataValidations count="1"><dataValidation sqref="{letter}2:{letter}{height}" '
                   'showDropDown="0" showInputMessage="0" showErrorMessage="0" allowBlank="1" type="list">'
                   f"<formula1>{formula}</formula1></dataValidation></dataValidations>")
    header = _text("&C" + table.title.replace("&", "&&")[:250])  # '&' starts a header code
    out.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
               '<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>'
               f"<headerFooter><oddHeader>{header}</oddHeader></headerFooter></worksheet>")
    return "".join(out).encode("utf-8")


def _cell(ref: str, value: object, style: int) -> str:
    """One cell: text always as text (an inline string: never a formula, the quote prefix on
    text that looks like one), dates as date serials shown dd/mm/yyyy, numbers as numbers."""
    if value is None or value == "":  # openpyxl too kept no empty text: the cell reads back as None
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, str):
        if style == _BODY and value.startswith(FORMULA_START):
            style = _QUOTED
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value - dt.datetime(1899, 12, 30, tzinfo=value.tzinfo)).total_seconds() / 86400
        return f'<c r="{ref}" s="{_DATE if style == _BODY else style}" t="n"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{_DATE if style == _BODY else style}" t="n"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}" s="{style}" t="n"><v>{value!r}</v></c>'
    return _cell(ref, str(value), style)


def _workbook_xml(tables: list[Table], names: list[str]) -> bytes:
    sheets = "".join(f'<sheet xmlns:r="{_REL}" name="{_text(name)}" sheetId="{n}" state="visible" r:id="rId{n}"/>'
                     for n, name in enumerate(names, start=1))
    defined = []
    for index, (table, name) in enumerate(zip(tables, names)):
        quoted = _text("'" + name.replace("'", "''") + "'")
        last = f"${_column_letter(len(table.columns))}${len(table.rows) + 1}"
        defined.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
                       f"{quoted}!$A$1:{last}</definedName>"
                       f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">{quoted}!$1:$1</definedName>')
    return (f'<workbook xmlns="{_NS}"><workbookPr/><bookViews><workbookView visibility="visible" minimized="0" '
            'showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" '
            f'activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>{sheets}</sheets>'
            f'<definedNames>{"".join(defined)}</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/>'
            "</workbook>").encode()


def _workbook_rels(count: int) -> bytes:
    sheets = "".join(f'<Relationship Type="{_REL}/worksheet" Target="/xl/worksheets/sheet{n}.xml" Id="rId{n}"/>'
                     for n in range(1, count + 1))
    return (f'<Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Type="{_REL}/styles" Target="styles.xml" Id="rId{count + 1}"/>'
            f'<Relationship Type="{_REL}/theme" Target="theme/theme1.xml" Id="rId{count + 2}"/>'
            "</Relationships>").encode()


def _content_types(count: int) -> bytes:
    office = "application/vnd.openxmlformats-officedocument"
    overrides = [("/xl/styles.xml", f"{office}.spreadsheetml.styles+xml"),
                 ("/xl/theme/theme1.xml", f"{office}.theme+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", f"{office}.extended-properties+xml"),
                 *((f"/xl/worksheets/sheet{n}.xml", f"{office}.spreadsheetml.worksheet+xml")
                   for n in range(1, count + 1)),
                 ("/xl/workbook.xml", f"{office}.spreadsheetml.sheet.main+xml")]
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
            + "</Types>").encode("utf-8")


@functools.cache
def _column_letter(number: int) -> str:
    """1 → 'A', 27 → 'AA'."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_names(tables: list[Table]) -> list[str]:
    """Each table's sheet name, made unique as openpyxl did ('Phát hiện', 'Phát hiện1')."""
    names: list[str] = []
    for table in tables:
        name, number = _sheet_name(table.title), 1
        while name.casefold() in (n.casefold() for n in names):
            name, number = f"{_sheet_name(table.title)[:31 - len(str(number))]}{number}", number + 1
        names.append(name)
    return names


def csv_bytes(table: Table) -> bytes:
    """The table as CSV, UTF-8 with a BOM; dates as dd/mm/yyyy."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for values in table.rows:
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else
                         neutral(v) if isinstance(v, str) else "" if v is None else v for v in values])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"
