"""The hierarchy of units (rules/hierarchy.json): which class of unit an owner phrase names.

An owner phrase in a task ('Phòng Giáo dục và Đào tạo huyện, thành phố', 'các cơ sở giáo
dục mầm non', 'Các trường Mầm non, Tiểu học, THCS') covers one or more classes of unit.
Phrases are compared on a key: abbreviations expanded (rules/abbreviations.json), letters
without diacritics, lower case, single spaces; the class patterns are written for that key.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from .normalise import bare


@dataclass(frozen=True)
class UnitClass:
    id: str
    name: str  # how a task names the class: 'Phòng Giáo dục và Đào tạo', 'Các trường Mầm non'
    one: str  # a single unit of it: 'Trường Mầm non'
    head: str  # the office that signs its plans: 'HIỆU TRƯỞNG'
    short: str  # as a Nơi nhận line writes it: 'Phòng GDĐT'
    code: str  # the issuer code of its plans' numbers: 'PGDĐT'
    parent_body: str  # the cơ quan chủ quản line of its plans, with {place}
    children: tuple[str, ...]
    names: tuple[regex.Pattern, ...]
    exclude: regex.Pattern | None = None
    children_share_place: bool = False  # the units under it are in its place (a Phòng's district)
    named_units: bool = False  # each unit has a name of its own ('Trường Tiểu học Nam Giang')

    def named_in(self, key: str) -> bool:
        if self.exclude is not None and self.exclude.search(key):
            return False
        return any(p.search(key) for p in self.names)


@dataclass(frozen=True)
class Abbreviations:
    """rules/abbreviations.json 'expand': the short forms of unit names, written out."""

    pattern: regex.Pattern
    expansions: tuple[tuple[str, str], ...]

    def expand(self, text: str) -> str:
        """`text` without its bracketed tags ('(để t/h)') and with every short form written
        out ('MN' → 'mầm non'), spaced apart from its neighbours."""
        table = dict(self.expansions)
        text = regex.sub(r"\([^)]*\)", " ", text)
        return self.pattern.sub(lambda m: " " + table[m.group(1)] + " ", text)


def unit_words(name: str, abbreviations: Abbreviations, ignore: frozenset[str]) -> set[str]:
    """The words that tell one unit from another: short forms written out, no diacritics,
    lower case, without the `ignore` words of abbreviations.json (places, function words):
    'Phòng GD&ĐT Nam Đàn' and 'Phòng Giáo dục và Đào tạo huyện Nam Đàn' have the same."""
    words = regex.findall(r"[\p{L}\d/]+", bare(abbreviations.expand(name)).lower())
    return {w for w in words if w not in ignore}


def compile_abbreviations(data: dict[str, Any]) -> Abbreviations:
    expand = {k: v for k, v in data.get("expand", {}).items() if not k.startswith("#")}
    pattern = regex.compile(
        r"(?<![\p{L}&])(" + "|".join(regex.escape(k) for k in sorted(expand, key=len, reverse=True)) + r")(?![\p{L}&])")
    return Abbreviations(pattern, tuple(expand.items()))


_NOT_WORD = regex.compile(r"[^\p{L}\d-]+")


@functools.cache
def _place_pattern(place_words: tuple[str, ...]) -> regex.Pattern | None:
    """A name's place after one of `place_words` at its end, as one pattern made once
    (split_place escaped and compiled it for every name, issue 17); None without words."""
    words = "|".join(regex.escape(w) for w in sorted(place_words, key=len, reverse=True))
    if not words:
        return None
    return regex.compile(rf"(?i)\s+(?:{words})\s+(\p{{Lu}}[\p{{L}}]*(?:\s+\p{{Lu}}[\p{{L}}]*){{0,4}})$")


# the shape of a Vietnamese syllable without its marks: an acronym has another ('UBND', 'GDĐT')
_SYLLABLE = regex.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}"
                          r"(?:ng|nh|ch|[cmnpt])?$", regex.IGNORECASE)


def _written_names(bodies: list[str], place_words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The names running_name writes, each with its words bare: bodies longest first, then the
    place words (a body's name is tried before the place word it may hold: 'Tỉnh ủy')."""
    ordered = sorted(bodies, key=lambda n: -len(n.split())) + list(place_words)
    return tuple((name, tuple(bare(w) for w in name.split())) for name in ordered)


@dataclass(frozen=True)
class Hierarchy:
    classes: tuple[UnitClass, ...]
    collective: tuple[regex.Pattern, ...]  # every class directly under the issuer
    place_words: tuple[str, ...]
    abbreviations: Abbreviations
    ignore: frozenset[str] = frozenset()  # abbreviations.json 'ignore', folded
    schools: tuple[regex.Pattern, ...] = ()  # every class of school under the issuer
    direct: tuple[regex.Pattern, ...] = ()  # ... only those directly under it
    # names of bodies as running text writes them, then the place words, each with its words bare
    # (longest first): what running_name looks for
    body_names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def running_name(self, name: str) -> str:
        """A name printed in capitals as running text writes it (body_names): a known body's
        name as written there, a place word small, an acronym as printed, any other word a
        proper name with its capital ('ỦY BAN NHÂN DÂN TỈNH SƠN LA' → 'Ủy ban nhân dân tỉnh Sơn
        La'). A name with small letters is left as written."""
        if regex.search(r"\p{Ll}", name):
            return name
        words, out, at = name.split(), [], 0
        keys = [bare(word) for word in words]
        while at < len(words):
            found = next(((body, len(parts)) for body, parts in self.body_names
                          if tuple(keys[at:at + len(parts)]) == parts), None)
            if found:
                out.append(found[0])
                at += found[1]
                continue
            word = words[at]
            out.append(word[:1] + word[1:].lower() if _SYLLABLE.match(bare(word)) else word)  # 'UBND' as printed
            at += 1
        return " ".join(out)

    def name_words(self, name: str) -> set[str]:
        """A single unit's name as compared with another (unit_words)."""
        return unit_words(name, self.abbreviations, self.ignore)

    def get(self, class_id: str) -> UnitClass:
        for unit in self.classes:
            if unit.id == class_id:
                return unit
        raise KeyError(f"no unit class {class_id!r}; known: {[u.id for u in self.classes]}")

    def key(self, text: str) -> str:
        """The comparison key of a unit phrase: 'Các trường MN, TH' → 'cac truong mam non tieu hoc'."""
        text = self.abbreviations.expand(text)
        return " ".join(_NOT_WORD.sub(" ", bare(text).lower()).split())

    def classes_named(self, phrase: str, issuer: str | None = None) -> tuple[str, ...]:
        """The classes a phrase covers, in hierarchy order. A phrase that names the schools
        ('các trường', 'các cơ sở giáo dục') covers the classes of school under the `issuer`
        class (those directly under it when it says 'trực thuộc'); a collective phrase ('các
        đơn vị trực thuộc') covers the classes directly under the issuer."""
        # derive asks this of the same owners and issuers for every plan and every
        # checklist row (issue 17): remembered on the instance, which rules never change
        memo = self.__dict__.setdefault("_named", {})
        found = memo.get((phrase, issuer))
        if found is None:
            found = memo[(phrase, issuer)] = self._classes_named(phrase, issuer)
        return found

    def _classes_named(self, phrase: str, issuer: str | None) -> tuple[str, ...]:
        key = self.key(phrase)
        found = [u.id for u in self.classes if u.named_in(key)]
        if found or not issuer:
            return tuple(found)
        if any(p.search(key) for p in self.schools):
            direct = any(p.search(key) for p in self.direct)
            under = set(self.get(issuer).children if direct else self.below(issuer))
            return tuple(u.id for u in self.classes if self.is_school(u.id) and u.id in under)
        if any(p.search(key) for p in self.collective):
            return self.get(issuer).children
        return ()

    def heads(self, upper: str, lower: str) -> bool:
        """Whether units of class `upper` are the cơ quan chủ quản of units of class `lower`:
        the line above a school's name under a Phòng is 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO {place}'."""
        body = self.get(lower).parent_body.upper()
        return bool(body) and body.startswith(self.get(upper).name.upper())

    def is_school(self, class_id: str) -> bool:
        """A class with none under it is a class of school (of the units that do the work)."""
        return not self.get(class_id).children

    def class_of_unit(self, name: str) -> str | None:
        """The one class a single unit's name belongs to ('SỞ GIÁO DỤC VÀ ĐÀO TẠO' → so)."""
        found = self.classes_named(name)
        return found[0] if found else None

    def below(self, class_id: str) -> tuple[str, ...]:
        """Every class under `class_id`, nearest first."""
        out: list[str] = []
        queue = list(self.get(class_id).children)
        while queue:
            current = queue.pop(0)
            if current not in out:
                out.append(current)
                queue.extend(self.get(current).children)
        return tuple(out)

    def split_place(self, name: str) -> tuple[str, str | None]:
        """'Phòng Giáo dục và Đào tạo huyện Mai Sơn' → ('Phòng Giáo dục và Đào tạo', 'Mai Sơn')."""
        name = " ".join(name.split())
        pattern = _place_pattern(self.place_words)
        match = pattern.search(name) if pattern else None
        if not match:
            return name, None
        return name[:match.start()], match.group(1)

    def place_of(self, name: str) -> str | None:
        return self.split_place(name)[1]


def compile_hierarchy(data: dict[str, Any], abbreviations: dict[str, Any]) -> Hierarchy:
    """Compile rules/hierarchy.json; raises ValueError naming the entry at fault."""
    classes = []
    raw_classes = data.get("classes")
    if not isinstance(raw_classes, dict) or not raw_classes:
        raise ValueError("'classes' must be an object of unit classes")
    for class_id, entry in raw_classes.items():
        if class_id.startswith("#"):
            continue
        try:
            classes.append(UnitClass(
                id=class_id, name=entry["name"], one=entry.get("one", entry["name"]), head=entry.get("head", ""),
                short=entry.get("short", entry["name"]), code=entry["code"],
                parent_body=entry.get("parent_body", ""), children=tuple(entry.get("children", [])),
                names=tuple(regex.compile(p) for p in entry["names"]),
                exclude=regex.compile(entry["exclude"]) if entry.get("exclude") else None,
                children_share_place=bool(entry.get("children_share_place", False)),
                named_units=bool(entry.get("named_units", False))))
        except KeyError as exc:
            raise ValueError(f"classes.{class_id}: missing key {exc}") from exc
        except regex.error as exc:
            raise ValueError(f"classes.{class_id}: a pattern does not compile: {exc}") from exc
    collective = data.get("collective", {})
    schools = data.get("schools", {})
    hierarchy = Hierarchy(
        classes=tuple(classes),
        collective=tuple(regex.compile(p) for p in collective.get("names", [])),
        place_words=tuple(data.get("place_words", {}).get("words", [])),
        abbreviations=compile_abbreviations(abbreviations),
        ignore=frozenset(bare(w).lower() for w in abbreviations.get("ignore", [])),
        schools=tuple(regex.compile(p) for p in schools.get("names", [])),
        direct=tuple(regex.compile(p) for p in schools.get("direct", [])),
        body_names=_written_names(data.get("body_names", {}).get("names", []),
                                  tuple(data.get("place_words", {}).get("words", []))),
    )
    for printed, written in data.get("body_names", {}).get("examples", {}).items():
        if hierarchy.running_name(printed) != written:
            got = hierarchy.running_name(printed)
            raise ValueError(f"body_names: example {printed!r} reads {got!r}, not {written!r}")
    ids = {u.id for u in classes}
    for unit in classes:
        for child in unit.children:
            if child not in ids:
                raise ValueError(f"classes.{unit.id}: child {child!r} is not a class")
        entry = raw_classes[unit.id]
        for example in entry.get("examples", []):
            if unit.id not in hierarchy.classes_named(example):
                raise ValueError(f"classes.{unit.id}: example {example!r} is not named as {unit.id} "
                                 f"(got {hierarchy.classes_named(example)})")
        for example in entry.get("non_examples", []):
            if unit.id in hierarchy.classes_named(example):
                raise ValueError(f"classes.{unit.id}: non-example {example!r} is named as {unit.id}")
    for section, entry, patterns in (("collective", collective, hierarchy.collective),
                                     ("schools", schools, hierarchy.schools)):
        for example in entry.get("examples", []):
            if not any(p.search(hierarchy.key(example)) for p in patterns):
                raise ValueError(f"{section}: example {example!r} is not matched")
        for example in entry.get("non_examples", []):
            if any(p.search(hierarchy.key(example)) for p in patterns):
                raise ValueError(f"{section}: non-example {example!r} is matched")
    return hierarchy
