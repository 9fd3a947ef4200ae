"""make eval's scorer agrees with the reference scorer on the same records."""

from __future__ import annotations

import copy
import importlib.util
import json
import random

import pytest

from pipeline import evaluate
from tests.conftest import ROOT, SAMPLES

GOLD = SAMPLES / "gold"


def _reference():
    spec = importlib.util.spec_from_file_location("score_reference", ROOT / "tools" / "score_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed(seed: int) -> dict[str, dict]:
    """Gold records with values dropped, changed and invented: every path of the scorer."""
    rng = random.Random(seed)
    out = {}
    for path in sorted(GOLD.glob("*.json")):
        record = copy.deepcopy(json.loads(path.read_text(encoding="utf-8")))
        for key in ("number", "date", "title", "place", "doc_type"):
            if key in record and rng.random() < 0.3:
                record[key] = rng.choice([None, "sai", record[key]])
        for key in ("citations", "tasks", "recipients"):
            items = record.get(key) or []
            rng.shuffle(items)
            record[key] = items[: max(0, len(items) - rng.randrange(3))]
            if items and rng.random() < 0.5:
                extra = copy.deepcopy(items[0])
                if key == "tasks":
                    extra["owner"] = "Đơn vị khác"
                record[key].append(extra)
        if record.get("signer") and rng.random() < 0.4:
            record["signer"]["name"] = "Người Khác"
        record["source"] = {"path": f"x/{path.stem}.txt"}
        out[path.stem] = record
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_the_reference_scorer(seed):
    ref = _reference()
    records = _perturbed(seed)
    tally, diffs = ref.Tally(), []
    ours = evaluate.Score()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        ref.score_doc(gold, records.get(path.stem), tally, diffs, path.stem)
        evaluate.score_record(gold, records.get(path.stem), ours, path.stem)
    assert set(tally.rows) == set(ours.fields)
    for name in tally.rows:
        assert tally.value(name) == pytest.approx(ours.fields[name].value()), name
    assert sorted(diffs) == sorted(ours.diffs)


def test_perfect_records_score_one():
    records = {p.stem: {**json.loads(p.read_text(encoding="utf-8")), "source": {"path": p.name}}
               for p in GOLD.glob("*.json")}
    score = evaluate.score_folder(GOLD, records)
    assert all(f.value() == 1.0 for f in score.fields.values())
    assert not evaluate.check_floors(score, {"number": 1.0, "citations": 1.0})


def test_floors_report_what_is_short():
    score = evaluate.Score()
    score.acc("number", False, "1/KH-X", None)
    assert evaluate.check_floors(score, {"number": 0.5, "date": 0.5}) == ["number 0.000 < 0.5", "date not scored"]
