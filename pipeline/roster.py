"""Named units (issue 16): the schools and offices an office declares once, and which of
them a task's owner names.

An office passes `--units FILE` (CSV or XLSX, a header row; columns name, kind, parent,
contact as rules/roster.json spells them in Vietnamese or English). Each row is one unit;
its kind gives its classes of rules/hierarchy.json ('THCS' → thcs; a liên cấp school the
classes of its own name). A task whose owner is a class ('Các trường Tiểu học') is then
tracked once per named unit of that class under the running office; a task that names a
unit ('Trường THCS Kim Liên') stays that unit's. Names are compared as the rest of the
project compares unit names (pipeline/extract/units.py: abbreviations expanded, letters
without diacritics, place and function words dropped), so 'Phòng GD&ĐT Nam Đàn' is
'Phòng Giáo dục và Đào tạo huyện Nam Đàn'.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .hierarchy import Hierarchy
from .normalise import bare

FIELDS = ("name", "kind", "parent", "contact")
_REQUIRED = ("name", "kind")
_FROM_NAME = "name"  # the alias value that reads a unit's classes from its name


class UnitsFileError(ValueError):
    """A units file that cannot be used: one line, `file: row N: cause`."""

    def __init__(self, path: str, row: int | None, cause: str) -> None:
        where = f"{path}: row {row}" if row is not None else path
        super().__init__(f"{where}: {cause}")


@dataclass(frozen=True)
class RosterRules:
    """rules/roster.json compiled: the headers of each column and the kinds of units."""

    columns: tuple[tuple[str, tuple[str, ...]], ...]  # field → folded headers
    aliases: tuple[tuple[str, tuple[str, ...] | str], ...]  # folded kind → classes, or "name"
    hierarchy: Hierarchy
    shown: tuple[str, ...] = ()  # the kinds of the examples, as a message lists them

    def field_of(self, header: str) -> str | None:
        folded = _fold(header)
        return next((name for name, headers in self.columns if folded in headers), None)

    def classes_of(self, kind: str, name: str) -> tuple[str, ...]:
        """The classes a unit of `kind` named `name` belongs to; () when the kind names none."""
        alias = dict(self.aliases).get(_fold(kind))
        if alias == _FROM_NAME:
            return self.hierarchy.classes_named(name)
        if alias is not None:
            return tuple(alias)
        # a kind is typed by hand: 'thcs' is the THCS the abbreviations know
        return self.hierarchy.classes_named(kind) or self.hierarchy.classes_named(kind.upper())

    def known_kinds(self) -> str:
        return "kinds such as " + ", ".join(self.shown)


def compile_roster(data: dict[str, Any], hierarchy: Hierarchy) -> RosterRules:
    """rules/roster.json → RosterRules; ValueError naming the entry that is wrong."""
    columns = {k: v for k, v in data.get("columns", {}).items() if not k.startswith("#")}
    for name in _REQUIRED:
        if not columns.get(name):
            raise ValueError(f"columns.{name}: the headers of the required column are missing")
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise ValueError(f"columns: unknown fields {sorted(unknown)}; known: {list(FIELDS)}")
    kinds = data.get("kinds", {})
    ids = {u.id for u in hierarchy.classes}
    aliases: list[tuple[str, tuple[str, ...] | str]] = []
    for kind, classes in kinds.get("aliases", {}).items():
        if kind.startswith("#"):
            continue
        if classes != _FROM_NAME and (not isinstance(classes, list) or not set(classes) <= ids):
            raise ValueError(f"kinds.aliases.{kind}: expected {_FROM_NAME!r} or a list of classes of "
                             f"hierarchy.json ({sorted(ids)}), got {classes!r}")
        aliases.append((_fold(kind), classes if classes == _FROM_NAME else tuple(classes)))
    examples = kinds.get("examples", [])
    rules = RosterRules(tuple((k, tuple(_fold(h) for h in v)) for k, v in columns.items()), tuple(aliases), hierarchy,
                        tuple(dict.fromkeys(kind for kind, _, _ in examples)))
    for kind, name, expected in examples:
        got = rules.classes_of(kind, name)
        if list(got) != expected:
            raise ValueError(f"kinds: example {kind!r} ({name!r}) gives {list(got)}, not {expected}")
    for kind, name in kinds.get("non_examples", []):
        if rules.classes_of(kind, name):
            raise ValueError(f"kinds: non-example {kind!r} ({name!r}) gives {list(rules.classes_of(kind, name))}")
    return rules


@dataclass(frozen=True)
class NamedUnit:
    """One unit of the units file: `classes` are its classes of rules/hierarchy.json."""

    name: str
    kind: str  # as the file writes it
    classes: tuple[str, ...]
    parent: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Roster:
    """The named units of an office, and how a task's owner maps onto them."""

    units: tuple[NamedUnit, ...]
    keys: tuple[frozenset[str], ...]  # each unit's name as compared (same order as units)

    def find(self, name: str, hierarchy: Hierarchy) -> NamedUnit | None:
        """The named unit `name` is, compared on the words that tell units apart."""
        key = frozenset(hierarchy.name_words(name))
        return next((u for u, k in zip(self.units, self.keys, strict=True) if k == key), None)

    def under(self, head: NamedUnit | None) -> tuple[NamedUnit, ...]:
        """`head` and every unit below it (by the parent column); every unit without one."""
        if head is None:
            return self.units
        by_name = {u.name: u for u in self.units}
        out = []
        for unit in self.units:
            current, seen = unit, set()
            while current is not None and current.name not in seen:
                if current.name == head.name:
                    out.append(unit)
                    break
                seen.add(current.name)
                current = by_name.get(current.parent or "")
        return tuple(out)


def load_units(path: Path, rules: RosterRules) -> Roster:
    """Read and check a units file (CSV in UTF-8, or XLSX). Raises UnitsFileError naming
    the file, the row and the cause."""
    shown = str(path)
    tokens = rules.hierarchy.name_words
    rows = _xlsx_rows(path, shown) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path, shown)
    if not rows:
        raise UnitsFileError(shown, None, "empty file: expected a header row (tên đơn vị, loại, ...)")
    header = rows[0]
    fields: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = rules.field_of(cell)
        if field and field not in fields:
            fields[field] = index
    for name in _REQUIRED:
        if name not in fields:
            said = dict(rules.columns)[name]
            raise UnitsFileError(shown, 1, f"no column for {name} (headers accepted: {', '.join(said)})")
    units: list[NamedUnit] = []
    seen: dict[frozenset[str], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row=row) -> str:
            index = fields.get(field)
            return " ".join(row[index].split()) if index is not None and index < len(row) else ""

        name, kind = cell("name"), cell("kind")
        if not name:
            raise UnitsFileError(shown, number, "the unit has no name")
        if not kind:
            raise UnitsFileError(shown, number, f"{name!r} has no kind ({rules.known_kinds()})")
        classes = rules.classes_of(kind, name)
        if not classes:
            raise UnitsFileError(shown, number, f"kind {kind!r} of {name!r} is no known kind "
                                                f"({rules.known_kinds()})")
        key = frozenset(tokens(name))
        if key in seen:
            raise UnitsFileError(shown, number, f"{name!r} is listed twice (first on row {seen[key]})")
        seen[key] = number
        units.append(NamedUnit(name, kind, classes, cell("parent") or None, cell("contact") or None))
    if not units:
        raise UnitsFileError(shown, None, "no unit below the header row")
    # a parent written as the file writes the unit itself ('Phòng GDĐT Nam Đàn' for 'Phòng
    # GD&ĐT Nam Đàn') is that unit; one not listed is the office above the file's units
    by_key = {frozenset(tokens(u.name)): u.name for u in units}
    units = [NamedUnit(u.name, u.kind, u.classes, by_key.get(frozenset(tokens(u.parent)), u.parent)
                       if u.parent else None, u.contact) for u in units]
    return Roster(tuple(units), tuple(frozenset(tokens(u.name)) for u in units))


def _csv_rows(path: Path, shown: str) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise UnitsFileError(shown, line, "not UTF-8 text; save the file as CSV UTF-8") from exc
    except OSError as exc:
        raise UnitsFileError(shown, None, exc.strerror or str(exc)) from exc
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # one column, or commas only inside quotes
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(path: Path, shown: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or misnamed file
        raise UnitsFileError(shown, None, f"not a readable XLSX workbook ({type(exc).__name__})") from exc
    sheet = book.worksheets[0]
    rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _fold(text: str) -> str:
    return " ".join(bare(text).lower().split())
