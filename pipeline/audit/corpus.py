"""The audit corpus: chains of plans with faults seeded at known places, and clean chains.

samples/audit/faults.json names a clean chain (the d1 plans) and the faults to seed in it,
one fault a chain, each with the finding the audit must report. `build` writes every
chain as a folder of text files (plus the clean chain with the Phòng's plan drafted by
vanban derive); `score` runs the pipeline on each and measures the audit: its recall per
kind of fault, and every finding it reports on a clean chain (each one false).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..batch import discover, process_file
from ..errors import InputError
from ..rules import Rules
from . import audit


@dataclass(frozen=True)
class Chain:
    name: str
    folder: Path
    expect: tuple[tuple[str, str], ...] = ()  # (kind, document stem at fault); none: a clean chain


@dataclass
class CorpusScore:
    found: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # 'chain: kind in stem'
    false: list[str] = field(default_factory=list)  # 'chain: kind in document: message'
    # every finding above info the audit reported on the chains, and those that were a seeded
    # fault: the precision an office sees per kind of finding
    reported: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    stray: list[str] = field(default_factory=list)  # findings on seeded chains that were no seeded fault

    def recall(self, kind: str) -> float:
        return self.found.get(kind, 0) / self.expected[kind] if self.expected.get(kind) else 1.0

    def precision(self, kind: str) -> float:
        return self.right.get(kind, 0) / self.reported[kind] if self.reported.get(kind) else 1.0

    @property
    def total_recall(self) -> float:
        expected = sum(self.expected.values())
        return sum(self.found.values()) / expected if expected else 1.0

    def lines(self) -> list[str]:
        out = [f"audit {kind:<26} recall {self.recall(kind):.3f} ({self.found.get(kind, 0)}/{n})"
               for kind, n in sorted(self.expected.items())]
        out.append(f"audit {'all kinds':<26} recall {self.total_recall:.3f}")
        out += [f"audit {kind:<26} precision {self.precision(kind):.3f} ({self.right.get(kind, 0)}/{n})"
                for kind, n in sorted(self.reported.items())]
        out.append(f"audit false findings on clean chains: {len(self.false)}; findings on seeded chains "
                   f"that were no seeded fault: {len(self.stray)}")
        return out


def build(samples: Path, out: Path, rules: Rules) -> list[Chain]:
    """Write the chains under `out`; a fault whose text is not found once is an error."""
    spec = json.loads((samples / "audit" / "faults.json").read_text(encoding="utf-8"))
    texts = {stem: (samples / "inbox" / f"{stem}.txt").read_text(encoding="utf-8") for stem in spec["chain"]}
    chains = [_write(out / "clean", texts, ()), _drafted(out / "clean-drafted", texts, samples, rules)]
    for fault in spec["faults"]:
        changed = dict(texts)
        for edit in fault["edits"]:
            text = changed[edit["document"]]
            if text.count(edit["find"]) != 1:
                raise ValueError(f"faults.json: {fault['name']}: {edit['find'][:60]!r} occurs "
                                 f"{text.count(edit['find'])} times in {edit['document']}, not once")
            changed[edit["document"]] = text.replace(edit["find"], edit["replace"])
        expect = ((fault["expect"]["kind"], fault["expect"]["document"]),)
        chains.append(_write(out / fault["name"], changed, expect))
    return chains


def _write(folder: Path, texts: dict[str, str], expect: tuple[tuple[str, str], ...]) -> Chain:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in texts.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return Chain(folder.name, folder, expect)


def _drafted(folder: Path, texts: dict[str, str], samples: Path, rules: Rules) -> Chain:
    """The Sở's plan and the Phòng plan vanban drafts from it: a clean pair by construction."""
    from ..derive import derive_plan, unit_named
    from ..derive.plan_docx import plan_docx

    parent_stem = next(iter(texts))
    chain = _write(folder, {parent_stem: texts[parent_stem]}, ())
    parent = process_file(folder / f"{parent_stem}.txt", f"{parent_stem}.txt", rules).record
    plan = derive_plan(parent, unit_named("Phòng Giáo dục và Đào tạo huyện Nam Đàn", rules), rules)
    (folder / "draft-phong.docx").write_bytes(plan_docx(plan, rules))
    return chain


def score(chains: list[Chain], rules: Rules) -> CorpusScore:
    result = CorpusScore()
    for chain in chains:
        files, _ = discover(chain.folder)
        records = []
        for path, rel in files:
            try:
                records.append(process_file(path, rel, rules).record)
            except InputError as err:
                result.false.append(f"{chain.name}: {err}")
        findings = audit(records, rules).findings
        seeded = {(kind, f"{stem}.txt") for kind, stem in chain.expect}
        for f in findings:
            if f.severity == "info":
                continue
            result.reported[f.kind] = result.reported.get(f.kind, 0) + 1
            if (f.kind, f.documents[0]) in seeded:
                result.right[f.kind] = result.right.get(f.kind, 0) + 1
            elif chain.expect:
                result.stray.append(f"{chain.name}: {f.kind} in {f.documents[0]}: {f.message}")
        if not chain.expect:
            result.false += [f"{chain.name}: {f.kind} in {f.documents[0]}: {f.message}" for f in findings]
            continue
        for kind, stem in chain.expect:
            result.expected[kind] = result.expected.get(kind, 0) + 1
            if any(f.kind == kind and f.documents[0] == f"{stem}.txt" for f in findings):
                result.found[kind] = result.found.get(kind, 0) + 1
            else:
                result.missed.append(f"{chain.name}: {kind} in {stem}")
    return result
