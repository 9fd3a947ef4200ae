"""Load `rules/` once into a frozen, validated, compiled `Rules` object.

What varies by province, sector or year lives in `rules/` as JSON; nothing reads it at
import time. `load()` takes the project's own folder plus any overlay folders (a province
adds a file, not code): an overlay file with the same name is merged key by key over the
base, lists of patterns are extended. Bad rules raise `RulesError` naming the file, the
entry and what would have been accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
RULES_ENV = "VANBAN_RULES"


class RulesError(ValueError):
    """A rules file is missing, malformed or contradicts its own examples."""


@dataclass(frozen=True)
class LegacyEncoding:
    """One pre-Unicode font encoding (TCVN3 or VNI) compiled for fast conversion."""

    name: str
    font_prefixes: tuple[str, ...]
    capital_font_suffix: str | None
    table: tuple[tuple[str, str], ...]
    pattern: regex.Pattern

    def decode(self, text: str) -> str:
        mapping = dict(self.table)
        return self.pattern.sub(lambda m: mapping[m.group(0)], text)

    def encode(self, text: str) -> str:
        """Unicode to the legacy spelling; the test helpers use it to make legacy-font files."""
        reverse: dict[str, str] = {}
        for legacy, uni in self.table:
            if legacy != uni:
                reverse.setdefault(uni, legacy)
        return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))

    def matches_font(self, font: str | None) -> bool:
        return bool(font) and any(font.startswith(p) for p in self.font_prefixes)

    def is_capital_font(self, font: str | None) -> bool:
        return bool(font and self.capital_font_suffix and font.rstrip().endswith(self.capital_font_suffix))


@dataclass(frozen=True)
class IngestLimits:
    max_file_bytes: int
    max_pages: int
    max_image_pixels: int
    zip_max_total_bytes: int
    zip_max_ratio: float
    ocr_languages: str
    ocr_dpi: int
    ocr_min_text_chars: int
    ocr_max_skew_degrees: float
    max_cid_share: float
    max_invalid_syllable_share: float
    min_words_for_syllable_check: int
    page_number_patterns: tuple[regex.Pattern, ...]
    min_pages_for_repeat: int


@dataclass(frozen=True)
class Syllables:
    onsets: frozenset[str]
    rhymes: frozenset[str]
    rhyme_onsets: tuple[tuple[str, frozenset[str]], ...] = ()

    def allows(self, onset: str, rhyme: str) -> bool:
        if onset not in self.onsets or rhyme not in self.rhymes:
            return False
        for restricted, onsets in self.rhyme_onsets:
            if rhyme == restricted:
                return onset in onsets
        return True


@dataclass(frozen=True)
class Rules:
    """Everything the stages read from `rules/`, validated and compiled."""

    version: str
    legacy: tuple[LegacyEncoding, ...]
    ingest: IngestLimits
    syllables: Syllables

    def legacy_encoding(self, name: str) -> LegacyEncoding:
        for enc in self.legacy:
            if enc.name == name:
                return enc
        raise KeyError(f"no legacy encoding {name!r}; known: {[e.name for e in self.legacy]}")


def load(*overlays: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> Rules:
    """Read and compile the rules: `base` (default `rules/` of the project, or $VANBAN_RULES)
    and then each overlay folder in order."""
    folders = [Path(base or os.environ.get(RULES_ENV) or RULES_DIR), *map(Path, overlays)]
    raw: dict[str, dict[str, Any]] = {}
    digest_parts: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            raise RulesError(f"rules folder {folder} does not exist")
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise RulesError(f"{path}: not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise RulesError(f"{path}: the top level must be a JSON object")
            raw[path.stem] = _merge(raw.get(path.stem, {}), data)
            digest_parts.append(path.name + ":" + path.read_text(encoding="utf-8"))
    for required in ("legacy_encodings", "ingest", "syllables"):
        if required not in raw:
            raise RulesError(f"rules file {required}.json is missing from {folders[0]}")
    version = hashlib.sha256("\n".join(digest_parts).encode("utf-8")).hexdigest()[:16]
    return Rules(
        version=version,
        legacy=_compile_legacy(raw["legacy_encodings"]),
        ingest=_compile_ingest(raw["ingest"]),
        syllables=_compile_syllables(raw["syllables"]),
    )


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def _need(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise RulesError(f"{where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise RulesError(f"{where}.{key}: expected {kind}, got {type(value).__name__}")
    return value


def _compile_legacy(data: dict[str, Any]) -> tuple[LegacyEncoding, ...]:
    encodings = []
    for name, spec in data.items():
        if name.startswith("#"):
            continue
        where = f"legacy_encodings.{name}"
        table = _need(spec, "map", dict, where)
        for legacy, uni in table.items():
            if not legacy or not uni:
                raise RulesError(f"{where}.map: empty entry {legacy!r} -> {uni!r}")
        keys = sorted(table, key=len, reverse=True)
        pattern = regex.compile("|".join(regex.escape(k) for k in keys))
        enc = LegacyEncoding(
            name=name,
            font_prefixes=tuple(_need(spec, "font_prefixes", list, where)),
            capital_font_suffix=spec.get("capital_font_suffix"),
            table=tuple(table.items()),
            pattern=pattern,
        )
        for legacy, expected in spec.get("examples", {}).items():
            got = enc.decode(legacy)
            if got != expected:
                raise RulesError(f"{where}: example {legacy!r} decodes to {got!r}, expected {expected!r}")
        encodings.append(enc)
    return tuple(encodings)


def _compile_ingest(data: dict[str, Any]) -> IngestLimits:
    where = "ingest"
    zip_ = _need(data, "zip", dict, where)
    ocr = _need(data, "ocr", dict, where)
    layer = _need(data, "text_layer", dict, where)
    running = _need(data, "running_lines", dict, where)
    patterns = []
    for p in _need(running, "page_number_patterns", list, f"{where}.running_lines"):
        try:
            patterns.append(regex.compile(p))
        except regex.error as exc:
            raise RulesError(f"{where}.running_lines: pattern {p!r} does not compile: {exc}") from exc
    for ex in running.get("examples", []):
        if not any(p.match(ex) for p in patterns):
            raise RulesError(f"{where}.running_lines: example {ex!r} is matched by no page_number_pattern")
    for ex in running.get("non_examples", []):
        if any(p.match(ex) for p in patterns):
            raise RulesError(f"{where}.running_lines: non-example {ex!r} is matched by a page_number_pattern")
    return IngestLimits(
        max_file_bytes=int(float(_need(data, "max_file_mb", (int, float), where)) * 1024 * 1024),
        max_pages=int(_need(data, "max_pages", int, where)),
        max_image_pixels=int(_need(data, "max_image_pixels", int, where)),
        zip_max_total_bytes=int(float(_need(zip_, "max_total_mb", (int, float), f"{where}.zip")) * 1024 * 1024),
        zip_max_ratio=float(_need(zip_, "max_ratio", (int, float), f"{where}.zip")),
        ocr_languages=str(_need(ocr, "languages", str, f"{where}.ocr")),
        ocr_dpi=int(_need(ocr, "dpi", int, f"{where}.ocr")),
        ocr_min_text_chars=int(_need(ocr, "min_text_chars", int, f"{where}.ocr")),
        ocr_max_skew_degrees=float(_need(ocr, "max_skew_degrees", (int, float), f"{where}.ocr")),
        max_cid_share=float(_need(layer, "max_cid_share", (int, float), f"{where}.text_layer")),
        max_invalid_syllable_share=float(
            _need(layer, "max_invalid_syllable_share", (int, float), f"{where}.text_layer")
        ),
        min_words_for_syllable_check=int(_need(layer, "min_words", int, f"{where}.text_layer")),
        page_number_patterns=tuple(patterns),
        min_pages_for_repeat=int(_need(running, "min_pages_for_repeat", int, f"{where}.running_lines")),
    )


def _compile_syllables(data: dict[str, Any]) -> Syllables:
    where = "syllables"
    syl = Syllables(
        onsets=frozenset(_need(data, "onsets", list, where)),
        rhymes=frozenset(_need(data, "rhymes", list, where)),
        rhyme_onsets=tuple((k, frozenset(v)) for k, v in data.get("rhyme_onsets", {}).items()
                           if not k.startswith("#")),
    )
    for rhyme, _ in syl.rhyme_onsets:
        if rhyme not in syl.rhymes:
            raise RulesError(f"{where}.rhyme_onsets: {rhyme!r} is not in rhymes")
    from .normalise import is_valid_syllable

    for word in data.get("valid_examples", []):
        if not is_valid_syllable(word, syl):
            raise RulesError(f"{where}: valid example {word!r} is not accepted; add its rhyme or onset")
    for word in data.get("invalid_examples", []):
        if is_valid_syllable(word, syl):
            raise RulesError(f"{where}: invalid example {word!r} is accepted")
    return syl
