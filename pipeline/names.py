"""Personal names as OCR reads them in signature blocks (rules/names.json).

On a scanned decision the signature ink and the red seal cross the printed name, and
Tesseract misreads a letter or two of it ('Nguyễa Văn Phúc', 'Xgọc Thưởng'), or the
whole surname ('Nơn yến Văn Phúc'). A reading is settled in two steps:

1. against the known signers of the issuing body: a damaged reading close enough to one
   of them, and clearly closer than to the next, is that person;
2. syllable by syllable: a syllable that is no name syllable but one letter away from
   exactly one is read as that one.

A reading whose syllables are all name syllables is trusted as printed; the known signers
only give it back its diacritics ('Lê Tân Dũng' → 'Lê Tấn Dũng'). Born-digital text never
comes here: its letters are what was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Any

import regex

from .normalise import bare

_LETTERS = regex.compile(r"[^\p{L}]+")
# abbreviations closed by full stops at the head of a line: 'PGS.TS. ', 'NGND. PGS. TS. '
_ABBREVIATIONS = regex.compile(r"^\s*(?:\p{L}{1,6}\.\s*)+(?=\p{Lu})")


@dataclass(frozen=True)
class KnownSigner:
    name: str
    issuer: str  # bare key of the issuing body
    title: str | None  # bare key of the office, e.g. 'THU TRUONG'
    start: date | None = None
    end: date | None = None

    def serves(self, issuer: str | None, title: str | None, on: date | None) -> bool:
        if issuer is None or not _same_body(self.issuer, bare(issuer)):
            return False
        if title and self.title and self.title not in bare(title):
            return False
        if on and ((self.start and on < self.start) or (self.end and on > self.end)):
            return False
        return True


@dataclass(frozen=True)
class NameReading:
    name: str
    note: str | None = None  # said when the reading was changed


@dataclass(frozen=True)
class Names:
    syllables: frozenset[str]  # every name syllable, lower case NFC
    surnames: frozenset[str]
    signers: tuple[KnownSigner, ...] = ()
    min_ratio: float = 0.72
    margin: float = 0.08
    is_syllable: Callable[[str], bool] = lambda word: True
    honorifics: frozenset[str] = frozenset()  # casefolded, without their full stop
    ranks: tuple[str, ...] = ()  # casefolded, in words ('trung tá')

    def without_honorifics(self, text: str) -> str:
        """'NGND.PGS.TS. Huỳnh Thanh Nhã' → 'Huỳnh Thanh Nhã': a leading run of abbreviations
        closed by full stops goes when one of them is a known title (the others may be OCR's
        garbling of one: 'NGNPĐ.'); so does a rank of the police or the army ('Trung tá Ngô
        Văn Công' → 'Ngô Văn Công')."""
        match = _ABBREVIATIONS.match(text)
        if match and any(w.casefold() in self.honorifics for w in regex.findall(r"\p{L}+", match.group(0))):
            return text[match.end():]
        words = text.split()
        for rank in self.ranks:
            size = len(rank.split())
            if len(words) > size and " ".join(words[:size]).casefold() == rank:
                return " ".join(words[size:])
        return text

    def read(self, text: str, *, issuer: str | None = None, title: str | None = None,
             on: date | None = None) -> NameReading | None:
        """The name an OCR line of a signature block prints, or None when the line is no
        name (seal text, a scribble read as letters)."""
        words = [w for w in (_LETTERS.sub("", t) for t in self.without_honorifics(text).split()) if w]
        if not 2 <= len(words) <= 6 or not any(w[0].isupper() for w in words):
            return None  # a name is printed with capitals: OCR may lose one, not all
        clean = all(w.casefold() in self.syllables for w in words)
        known = self._known(words, clean, issuer, title, on)
        if known:
            return known
        repaired = [self._syllable(w) for w in words]
        # a name may have one rare syllable the list lacks, if it has three or more and
        # that one is at least shaped like a Vietnamese syllable
        unknown = [w for w in repaired if w.casefold() not in self.syllables]
        if unknown and (len(unknown) > 1 or len(repaired) < 3 or not self.is_syllable(unknown[0])):
            return None
        if repaired[0].casefold() not in self.surnames and not clean:
            return None
        name = " ".join(w[:1].upper() + w[1:].lower() for w in repaired)
        printed = " ".join(words)
        note = None if name == printed else f"[signer] OCR read the name as {printed!r}: taken as {name!r}"
        return NameReading(name, note)

    def _known(self, words: list[str], clean: bool, issuer: str | None, title: str | None,
               on: date | None) -> NameReading | None:
        probe = "".join(bare(w) for w in words)
        scored = sorted(((SequenceMatcher(None, probe, bare(p.name).replace(" ", "")).ratio(), p.name)
                         for p in self.signers if p.serves(issuer, title, on)), reverse=True)
        if not scored:
            return None
        best, name = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        printed = " ".join(words)
        if clean:
            accepted = best == 1.0  # a name as printed is only given back its diacritics
        else:
            accepted = best >= self.min_ratio and best - runner_up >= self.margin
        if not accepted:
            return None
        note = None if printed == name else (f"[signer] OCR read the name as {printed!r}: "
                                              f"taken as the known signer {name!r}")
        return NameReading(name, note)

    def _syllable(self, word: str) -> str:
        """`word`, or the one name syllable a letter or a diacritic away from it."""
        folded = word.casefold()
        if folded in self.syllables:
            return word
        near = [s for s in self.syllables if _distance(folded, s) == 1 or bare(s) == bare(folded)]
        if not near:
            return word
        # nearest on letters and diacritics apart ('quần' is one mark from 'quân', two from
        # 'quan'); at a tie, the one with the same letters: OCR loses marks more than letters
        marks = sorted(((_distance(_nfd(folded), _nfd(s)), bare(s) != bare(folded)), s) for s in near)
        if len(marks) > 1 and marks[0][0] == marks[1][0]:
            return word
        return marks[0][1]


def _same_body(known: str, issuer: str) -> bool:
    return known == issuer or SequenceMatcher(None, known, issuer).ratio() >= 0.85


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the plain table is fast enough)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _words(data: dict[str, Any], key: str) -> list[str]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"honorifics.{key}: expected a list of words, got {words!r}")
    return words


def compile_names(data: dict[str, Any], is_syllable: Callable[[str], bool]) -> Names:
    """rules/names.json → Names; every example must read as it says (ValueError otherwise)."""
    def nfc(word: str) -> str:
        return unicodedata.normalize("NFC", word).casefold()

    surnames = frozenset(nfc(w) for w in data.get("surnames", []))
    given = frozenset(nfc(w) for w in data.get("given", []))
    if not surnames or not given:
        raise ValueError("needs 'surnames' and 'given' lists")
    known = data.get("known_signers", {})
    signers = []
    for person in known.get("people", []):
        try:
            signers.append(KnownSigner(
                name=unicodedata.normalize("NFC", person["name"]),
                issuer=bare(person["issuer"]),
                title=bare(person["title"]) if person.get("title") else None,
                start=date.fromisoformat(person["from"]) if person.get("from") else None,
                end=date.fromisoformat(person["to"]) if person.get("to") else None))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"known_signers: bad entry {person!r}: {exc}") from exc
    names = Names(syllables=surnames | given, surnames=surnames, signers=tuple(signers),
                  min_ratio=float(known.get("min_ratio", 0.72)), margin=float(known.get("margin", 0.08)),
                  is_syllable=is_syllable,
                  honorifics=frozenset(nfc(w) for w in data.get("honorifics", {}).get("words", [])),
                  ranks=tuple(nfc(w) for w in _words(data.get("honorifics", {}), "ranks")))
    examples = data.get("examples", {})
    for case in examples.get("known", []):
        got = names.read(case["read"], issuer=case.get("issuer"), title=case.get("title"),
                         on=date.fromisoformat(case["date"]) if case.get("date") else None)
        if got is None or got.name != case["name"]:
            raise ValueError(f"example {case['read']!r} reads as {got and got.name!r}, not {case['name']!r}")
    for read, expected in examples.get("syllables", []):
        got = names.read(read)
        if got is None or got.name != expected:
            raise ValueError(f"example {read!r} reads as {got and got.name!r}, not {expected!r}")
    for text in examples.get("not_names", []):
        got = names.read(text)
        if got is not None:
            raise ValueError(f"non-example {text!r} reads as the name {got.name!r}")
    return names
