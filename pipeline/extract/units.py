"""Comparing unit names as offices write them: 'Các phòng GDĐT' and 'Phòng Giáo dục và Đào
tạo huyện, thành phố' are the same kind of unit; 'Các phòng thuộc Sở GDĐT' is not."""

from __future__ import annotations

import regex

from ..hierarchy import compile_abbreviations, unit_words
from ..rules import Rules
from .base import bare


class UnitMatcher:
    def __init__(self, rules: Rules) -> None:
        data = rules.table("abbreviations")
        self.abbreviations = compile_abbreviations(data)
        self.ignore = frozenset(bare(w).lower() for w in data["ignore"])
        offices = rules.units.signer_offices if rules.units else ()
        self.office_words = {w for o in offices for w in bare(o).lower().split()}
        levels = data.get("levels", {})
        self.levels = {name: regex.compile(rf"(?<!\p{{L}})(?:{'|'.join(regex.escape(bare(w)) for w in words)})"
                                           r"(?!\p{L})") for name, words in levels.items() if words}

    def level(self, name: str) -> str | None:
        """The level a unit's name says it is at ('tỉnh': the province; 'huyện', 'xã', 'phường': below
        it), when it says one and only one (rules/abbreviations.json levels)."""
        found = {level for level, words in self.levels.items() if words.search(bare(name))}
        return found.pop() if len(found) == 1 else None

    def tokens(self, name: str) -> set[str]:
        return unit_words(name, self.abbreviations, self.ignore)

    def covered_by(self, recipient: str, owners: list[str]) -> bool:
        """Whether a part of the recipient names no more than one of the owners does."""
        owner_tokens = [self.tokens(o) for o in owners]
        owner_levels = [self.level(o) for o in owners]
        parts = regex.split(r",|;", recipient)
        for part in parts:
            mine = self.tokens(part)
            if mine and mine <= self.office_words:
                # 'Chủ tịch, các PCT UBND tỉnh': an office alone belongs to the unit the
                # list ends with (the Chủ tịch of the UBND tỉnh, not of any UBND)
                mine = mine | self.tokens(parts[-1])
            level = self.level(part)
            if mine and any(mine <= theirs and not (level and theirs_level not in (None, level))
                            for theirs, theirs_level in zip(owner_tokens, owner_levels) if theirs):
                return True
        return False
