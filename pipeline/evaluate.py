"""`make eval`: the records of the samples scored against their hand-made gold files.

The rules are those of the spec (samples/gold conventions, ../shared/spec/record.md) and
of the reference scorer `tools/score_reference.py`, which this module must agree with:
`tests/test_evaluate.py` runs both on the same records. Besides the reference's accuracy
for single values, it prints precision, recall and F1 for every field (a null prediction
is a miss, a value where the gold says null is a false one), and fails when a figure is
below its floor in `samples/floors.json`.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SIM = 0.85
SCALARS = ("number", "doc_type", "place", "date", "title")


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s)).casefold().replace("ð", "đ")
    s = re.sub(r"\s*([/\-,.;:()])\s*", r"\1", s)
    return re.sub(r"\s+", " ", s).strip(" .;,")


def norm_number(s):
    if s is None:
        return None
    s = norm(s).replace(" ", "")
    s = re.sub(r"^(số|so)[:.]?", "", s)
    s = s.replace("ð", "đ").replace("đ", "d")
    return re.sub(r"^0+(\d)", r"\1", s)


def nospace(s):
    return None if s is None else norm(s).replace(" ", "")


def similar(a, b) -> bool:
    a, b = norm(a), norm(b)
    if a is None or b is None:
        return a == b
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIM


def words(s) -> set[str]:
    return set(re.findall(r"\w+", norm(s) or ""))


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Field:
    """Counts for one field: accuracy (as the reference) and precision/recall."""

    right: int = 0
    total: int = 0
    tp: int = 0
    npred: int = 0
    ngold: int = 0
    kind: str = "acc"

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def f1(self) -> float:
        return prf(self.tp, self.npred, self.ngold)[2]

    def value(self) -> float:
        """The figure the reference prints: accuracy, or F1 for lists."""
        return self.accuracy if self.kind == "acc" else self.f1


@dataclass
class Score:
    fields: dict[str, Field] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def acc(self, name: str, ok: bool, gold_value, pred_value) -> None:
        f = self.fields.setdefault(name, Field())
        f.right += bool(ok)
        f.total += 1
        f.npred += pred_value not in (None, "")
        f.ngold += gold_value not in (None, "")
        f.tp += bool(ok) and gold_value not in (None, "")

    def counts(self, name: str, tp: int, npred: int, ngold: int) -> None:
        f = self.fields.setdefault(name, Field(kind="prf"))
        f.tp += tp
        f.npred += npred
        f.ngold += ngold

    def lines(self) -> list[str]:
        out = []
        for name, f in self.fields.items():
            p, r, f1 = prf(f.tp, f.npred, f.ngold)
            if f.kind == "acc":
                out.append(f"{name:24s} acc {f.accuracy:.3f} ({f.right}/{f.total})  P {p:.3f} R {r:.3f} F1 {f1:.3f}")
            else:
                out.append(f"{name:24s} P {p:.3f} R {r:.3f} F1 {f1:.3f}  (tp {f.tp}, pred {f.npred}, gold {f.ngold})")
        return out


def _match(gold: list, pred: list, same) -> list[tuple]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def score_record(g: dict, p: dict | None, score: Score, stem: str) -> None:
    p = p or {}
    compare = {"number": lambda a, b: norm_number(a) == norm_number(b),
               "doc_type": lambda a, b: nospace(a) == nospace(b),
               "place": lambda a, b: nospace(a) == nospace(b),
               "date": lambda a, b: a == b,
               "title": similar}
    for key in SCALARS:
        if key in g:
            ok = compare[key](g[key], p.get(key))
            score.acc(key, ok, g[key], p.get(key))
            if not ok:
                score.diffs.append(f"{stem}: {key}: gold {g[key]!r} got {p.get(key)!r}")
    if g.get("issuer") is not None and "name" in g["issuer"]:
        gi, pi = g["issuer"], p.get("issuer") or {}
        ok = similar(gi["name"], pi.get("name"))
        score.acc("issuer.name", ok, gi["name"], pi.get("name"))
        if not ok:
            score.diffs.append(f"{stem}: issuer.name: gold {gi['name']!r} got {pi.get('name')!r}")
    if "signer" in g:
        gs, ps = g["signer"], p.get("signer") or {}
        if gs is None:
            score.acc("signer.name", not ps or not ps.get("name"), None, ps.get("name"))
        else:
            for k in ("name", "title", "authority"):
                if k in gs:
                    ok = similar(gs[k], ps.get(k)) if gs[k] else not ps.get(k)
                    score.acc(f"signer.{k}", ok, gs[k], ps.get(k))
                    if not ok:
                        score.diffs.append(f"{stem}: signer.{k}: gold {gs[k]!r} got {ps.get(k)!r}")
    if "citations" in g:
        _citations(g["citations"], p.get("citations") or [], score, stem)
    if "recipients" in g:
        gr = [r for r in g["recipients"] if r.get("role") != "archive"]
        pr = [r for r in (p.get("recipients") or []) if r.get("role") != "archive"]
        pairs = _match(gr, pr, lambda a, b: similar(a.get("name"), b.get("name")))
        score.counts("recipients", len(pairs), len(pr), len(gr))
        for a, b in pairs:
            if a.get("role"):
                score.acc("recipients.role", a["role"] == b.get("role"), a["role"], b.get("role"))
        matched = {id(a) for a, _ in pairs}
        score.diffs += [f"{stem}: recipient missed: {a.get('name')}" for a in gr if id(a) not in matched]
    if "tasks" in g:
        _tasks(g["tasks"], p.get("tasks") or [], score, stem)


def _citations(gc: list, pc: list, score: Score, stem: str) -> None:
    def same(a, b):
        if a.get("number"):
            return norm_number(a["number"]) == norm_number(b.get("number"))
        return not b.get("number") and similar(a.get("title"), b.get("title"))

    exact = _match(gc, pc, lambda a, b: same(a, b) and a.get("date") == b.get("date"))
    rest_g = [a for a in gc if all(a is not x for x, _ in exact)]
    rest_p = [b for b in pc if all(b is not y for _, y in exact)]
    pairs = exact + _match(rest_g, rest_p, same)
    score.counts("citations", len(pairs), len(pc), len(gc))
    matched_g, matched_p = {id(a) for a, _ in pairs}, {id(b) for _, b in pairs}
    score.diffs += [f"{stem}: citation missed: {a.get('number') or a.get('title')}"
                    for a in gc if id(a) not in matched_g]
    score.diffs += [f"{stem}: citation extra: {b.get('number') or b.get('title')}"
                    for b in pc if id(b) not in matched_p]
    for a, b in pairs:
        if "date" in a:
            ok = a["date"] == b.get("date")
            score.acc("citations.date", ok, a["date"], b.get("date"))
            if not ok:
                score.diffs.append(f"{stem}: citation {a.get('number')} date: gold {a['date']} got {b.get('date')}")
        if a.get("issuer"):
            ok = similar(a["issuer"], b.get("issuer"))
            score.acc("citations.issuer", ok, a["issuer"], b.get("issuer"))
            if not ok:
                score.diffs.append(f"{stem}: citation {a.get('number')} issuer: "
                                   f"gold {a['issuer']!r} got {b.get('issuer')!r}")


def _tasks(gt: list, pt: list, score: Score, stem: str) -> None:
    def same(a, b):
        if not similar(a.get("owner"), b.get("owner")):
            return False
        wa, wb = words(a.get("action")), words(b.get("action"))
        return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5

    pairs = _match(gt, pt, same)
    score.counts("tasks", len(pairs), len(pt), len(gt))
    owners = {norm(a.get("owner")) for a in gt}
    hit = sum(any(similar(o, b.get("owner")) for b in pt) for o in owners)
    score.counts("tasks.owner", hit, len({norm(b.get("owner")) for b in pt}), len(owners))
    matched = {id(a) for a, _ in pairs}
    score.diffs += [f"{stem}: task missed: [{a.get('owner')}] {str(a.get('action'))[:70]}" for a in gt
                    if id(a) not in matched]
    for a, b in pairs:
        gd, bd = a.get("deadline") or {}, b.get("deadline") or {}
        if gd:
            ok = gd.get("end") == bd.get("end") and gd.get("start") == bd.get("start")
            score.acc("tasks.deadline", ok, gd.get("end") or gd.get("start"), bd.get("end") or bd.get("start"))
            if not ok:
                score.diffs.append(f"{stem}: task deadline: gold {gd.get('start')}..{gd.get('end')} "
                                   f"got {bd.get('start')}..{bd.get('end')}")
        if "recurrence" in a:
            score.acc("tasks.recurrence", a["recurrence"] == b.get("recurrence"), a["recurrence"], b.get("recurrence"))


def load_records(path: Path) -> dict[str, dict]:
    """Records by the stem of `source.path`, from a records.jsonl or a folder of JSON."""
    records = []
    if path.is_dir():
        for f in sorted(path.rglob("*.json")):
            try:
                records.append(json.loads(f.read_text(encoding="utf-8")))
            except (OSError, json.JSONDecodeError):
                continue
    else:
        records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    out = {}
    for r in records:
        src = (r.get("source") or {}).get("path") or ""
        if src:
            out[Path(src).stem] = r
    return out


def score_folder(gold_dir: Path, records: dict[str, dict], stems: set[str] | None = None) -> Score:
    """The records scored against the gold files of `gold_dir` (those of `stems` only, when given)."""
    score = Score()
    for gold_file in sorted(gold_dir.glob("*.json")):
        if stems is not None and gold_file.stem not in stems:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = records.get(gold_file.stem)
        if pred is None:
            score.missing.append(gold_file.stem)
        score_record(gold, pred, score, gold_file.stem)
    return score


def group_of(record: dict | None) -> str | None:
    """The inbox folder a record's file sits in ('signed', 'real'), None at the top."""
    parts = Path(((record or {}).get("source") or {}).get("path") or "").parts
    return parts[0] if len(parts) > 1 else None


def task_tables(gold_dir: Path, records: dict[str, dict]) -> list[str]:
    """Tasks P/R/F1 and deadline accuracy per shape (the gold's "shape" tags: a document
    counts under each of its shapes) and per document, worst first: where the grammar of
    assignment falls short shows by shape before it shows in the total."""
    per_doc: dict[str, Field] = {}
    deadlines: dict[str, Field] = {}
    shapes: dict[str, list[str]] = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "tasks" not in gold:
            continue
        one = Score()
        score_record(gold, records.get(gold_file.stem), one, gold_file.stem)
        per_doc[gold_file.stem] = one.fields.get("tasks", Field(kind="prf"))
        deadlines[gold_file.stem] = one.fields.get("tasks.deadline", Field())
        for shape in gold.get("shape") or ["untagged"]:
            shapes.setdefault(shape, []).append(gold_file.stem)

    def row(label: str, stems: list[str]) -> str:
        tp, npred, ngold = (sum(getattr(per_doc[s], k) for s in stems) for k in ("tp", "npred", "ngold"))
        right, total = (sum(getattr(deadlines[s], k) for s in stems) for k in ("right", "total"))
        p, r, f1 = prf(tp, npred, ngold)
        deadline = f"  deadline {right / total:.3f} ({right}/{total})" if total else ""
        return f"{label:44s} P {p:.3f} R {r:.3f} F1 {f1:.3f}  (tp {tp}, pred {npred}, gold {ngold}){deadline}"

    out = ["tasks by shape:"]
    out += ["  " + row(f"{shape} ({len(stems)})", stems) for shape, stems in sorted(shapes.items())]
    out.append("tasks by document, worst first:")
    worst = sorted(per_doc, key=lambda s: (per_doc[s].f1, s))
    out += ["  " + row(stem[:44], [stem]) for stem in worst]
    return out


def check_floors(score: Score, floors: dict[str, float]) -> list[str]:
    """The record fields below their floors; the audit's floors (audit.*) are checked on
    its corpus, not here."""
    short = []
    for name, floor in floors.items():
        if name.startswith(("#", "audit.")) or not isinstance(floor, int | float):
            continue
        if name not in score.fields:
            short.append(f"{name} not scored")
        elif score.fields[name].value() < floor:
            short.append(f"{name} {score.fields[name].value():.3f} < {floor}")
    return short


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("samples/gold"))
    parser.add_argument("--inbox", type=Path, default=Path("samples/inbox"))
    parser.add_argument("--out", type=Path, default=Path("out/eval"))
    parser.add_argument("--records", type=Path, help="score these records instead of running the pipeline")
    parser.add_argument("--floors", type=Path, default=Path("samples/floors.json"))
    parser.add_argument("--per-doc", action="store_true", help="print every difference")
    parser.add_argument("--no-audit", action="store_true", help="skip the audit corpus")
    args = parser.parse_args(argv)
    if args.records is None:
        from .batch import run_batch
        from .rules import load

        # the gold documents in their real formats; the generated variants are not scored
        result = run_batch(args.inbox, args.out, load(), exclude=("variants",))
        for err in result.errors:
            print(f"{err.path}: {err.cause}", file=sys.stderr)
        args.records = args.out / "records.jsonl"
    records = load_records(args.records)
    score = score_folder(args.gold, records)
    total = len(list(args.gold.glob("*.json")))
    print(f"documents: {total - len(score.missing)}/{total} have a record")
    for line in score.lines():
        print(line)
    if args.per_doc:
        for diff in score.diffs:
            print("  " + diff)
    floors = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.exists() else {}
    # a set of documents added later is held to its own floors (floors.json "groups", by
    # inbox folder), so that the older samples' floors keep guarding the older samples
    groups = {k: v for k, v in floors.get("groups", {}).items() if not k.startswith("#")}
    stems = [g.stem for g in sorted(args.gold.glob("*.json"))]
    short = []
    member_of = {s: group_of(records.get(s)) for s in stems}
    member_of = {s: g if g in groups else None for s, g in member_of.items()}
    for name in [None, *groups]:
        members = {s for s in stems if member_of[s] == name}
        part = score_folder(args.gold, records, members)
        label = f"inbox/{name}/" if name else "the other samples"
        print(f"\n{label}: {len(members)} documents")
        for line in part.lines():
            print(line)
        found = check_floors(part, groups[name] if name else floors)
        short += [f"{label}: {item}" for item in found]
    print()
    for line in task_tables(args.gold, records):
        print(line)
    if score.missing:
        short.append(f"{len(score.missing)} documents without a record")
    if not args.no_audit:
        short += _audit_corpus(args, floors)
    if short:
        print("BELOW THE FLOOR: " + "; ".join(short))
        return 1
    print("OK: every figure is at or above its floor")
    return 0


def _audit_corpus(args, floors: dict[str, float]) -> list[str]:
    """The audit on its corpus (samples/audit/faults.json): recall per kind of seeded fault,
    and false findings on the clean chains."""
    import shutil

    from .audit.corpus import build, score
    from .rules import load

    rules = load()
    folder = args.out / "audit-corpus"
    shutil.rmtree(folder, ignore_errors=True)
    result = score(build(args.inbox.parent, folder, rules), rules)
    for line in result.lines():
        print(line)
    if args.per_doc:
        for line in result.missed + result.false + result.stray:
            print("  " + line)
    short = []
    if result.total_recall < floors.get("audit.recall", 0.0):
        short.append(f"audit recall {result.total_recall:.3f} < {floors['audit.recall']}: missed {result.missed}")
    if len(result.false) > floors.get("audit.false_findings_max", float("inf")):
        short.append(f"audit false findings {len(result.false)}: {result.false[:3]}")
    if len(result.stray) > floors.get("audit.stray_findings_max", float("inf")):
        short.append(f"audit findings on seeded chains that were no seeded fault {len(result.stray)}: "
                     f"{result.stray[:3]}")
    return short


if __name__ == "__main__":
    sys.exit(main())
