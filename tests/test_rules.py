"""Every rules file loads, compiles and agrees with its own examples; overlays extend it."""

from __future__ import annotations

import json

import pytest

from pipeline import rules as rules_module
from pipeline.normalise import is_valid_syllable
from tests.conftest import ROOT

RULES = ROOT / "rules"


def _json(name):
    return json.loads((RULES / name).read_text(encoding="utf-8"))


def test_every_rules_file_is_canonical_json():
    for path in RULES.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict), f"{path.name}: top level must be an object"


LEGACY = _json("legacy_encodings.json")


@pytest.mark.parametrize("name", [k for k in LEGACY if not k.startswith("#")])
def test_legacy_examples_decode(rules, name):
    enc = rules.legacy_encoding(name)
    for legacy, expected in LEGACY[name]["examples"].items():
        assert enc.decode(legacy) == expected


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_legacy_encode_round_trips_every_vietnamese_letter(rules, name):
    enc = rules.legacy_encoding(name)
    letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    text = f"Sở Giáo dục và Đào tạo {letters}"
    assert enc.decode(enc.encode(text)) == text
    if name == "vni":
        assert enc.decode(enc.encode(text.upper())) == text.upper()


def test_legacy_map_has_no_duplicate_targets(rules):
    for enc in rules.legacy:
        targets = [uni for legacy, uni in enc.table if legacy != uni]
        assert len(targets) == len(set(targets)), f"{enc.name}: a Unicode letter has two legacy spellings"


SYL = _json("syllables.json")


@pytest.mark.parametrize("word", SYL["valid_examples"])
def test_valid_syllables(rules, word):
    assert is_valid_syllable(word, rules.syllables)


@pytest.mark.parametrize("word", SYL["invalid_examples"])
def test_invalid_syllables(rules, word):
    assert not is_valid_syllable(word, rules.syllables)


def test_page_number_patterns(rules):
    running = _json("ingest.json")["running_lines"]
    for ex in running["examples"]:
        assert any(p.match(ex) for p in rules.ingest.page_number_patterns), ex
    for ex in running["non_examples"]:
        assert not any(p.match(ex) for p in rules.ingest.page_number_patterns), ex


def test_overlay_changes_a_limit_and_keeps_the_rest(tmp_path, rules):
    (tmp_path / "ingest.json").write_text(json.dumps({"max_file_mb": 1}), encoding="utf-8")
    merged = rules_module.load(tmp_path)
    assert merged.ingest.max_file_bytes == 2**20
    assert merged.ingest.ocr_dpi == rules.ingest.ocr_dpi
    assert merged.version != rules.version


def test_bad_overlay_names_the_file(tmp_path):
    (tmp_path / "ingest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="ingest.json"):
        rules_module.load(tmp_path)


def test_example_that_contradicts_its_table_is_refused(tmp_path):
    bad = {"tcvn3": {"examples": {"Gi¸o": "Giao"}}}
    (tmp_path / "legacy_encodings.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="Gi¸o"):
        rules_module.load(tmp_path)


# fmt: off
BAD_DERIVE = [
    ({"calendar": {"alarm_working_days": -1}}, "derive.calendar.alarm_working_days: expected a number"),
    ({"calendar": {"alarm_hour": 25}}, "derive.calendar.alarm_hour: expected an hour"),
    ({"ledger": {"reports": {"min_share": 2}}}, "derive.ledger.reports.min_share: expected a share"),
    ({"ledger": {"reports": {"task": {"examples": ["Tổ chức tập huấn"]}}}},
     "derive.ledger.reports.task: the example 'Tổ chức tập huấn' is not matched"),
    ({"ledger": {"reports": {"task": {"non_examples": ["gửi danh sách"]}}}},
     "derive.ledger.reports.task: the non-example 'gửi danh sách' is matched"),
]
# fmt: on


def test_a_bad_rank_or_in_charge_list_names_the_entry(tmp_path):
    (tmp_path / "names.json").write_text(json.dumps({"honorifics": {"ranks": "Trung tá"}}), encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="names: honorifics.ranks: expected a list of words"):
        rules_module.load(tmp_path)
    (tmp_path / "names.json").unlink()
    (tmp_path / "units.json").write_text(json.dumps({"deputy_words": {"in_charge": [3]}}), encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="deputy_words.in_charge: expected a list of words"):
        rules_module.load(tmp_path)


@pytest.mark.parametrize("overlay, message", [
    ({"weekdays": {"hai": 7}}, "calendar.weekdays.hai: expected a name in small letters to a day 0 (Monday) .. 6"),
    ({"weekdays": {"Hai": 0}}, "calendar.weekdays.Hai: expected a name in small letters"),
    ({"opening_day": "5/9"}, "calendar.opening_day: expected a day 'MM-DD'"),
])
def test_a_bad_calendar_names_the_entry(tmp_path, overlay, message):
    (tmp_path / "calendar.json").write_text(json.dumps(overlay, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(rules_module.RulesError) as caught:
        rules_module.load(tmp_path)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("overlay, message", BAD_DERIVE)
def test_a_bad_ledger_or_calendar_setting_names_the_entry(tmp_path, overlay, message):
    (tmp_path / "derive.json").write_text(json.dumps(overlay, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(rules_module.RulesError) as caught:
        rules_module.load(tmp_path)
    assert str(caught.value).startswith(message)


def test_the_ledger_and_calendar_settings_load(rules):
    reports = rules.derive.reports
    assert (rules.derive.alarm_working_days, rules.derive.alarm_hour) == (3, 8)
    assert reports.doc_types == ("Báo cáo", "Công văn") and "báo" in reports.generic
    assert reports.task.search("gửi danh sách về Phòng GDĐT") and not reports.task.search("Cử cán bộ tập huấn")


def test_spaced_letters_check_their_examples(tmp_path):
    """An overlay's example of letters set apart must hold: a non-example that would be joined
    stops the load, naming it."""
    (tmp_path / "ingest.json").write_text(json.dumps(
        {"text_layer": {"spaced_letters": {"non_examples": ["ngân sách trung ươ n g"]}}}, ensure_ascii=False),
        encoding="utf-8")
    with pytest.raises(rules_module.RulesError, match="spaced_letters: non-example 'ngân sách trung ươ n g'"):
        rules_module.load(tmp_path)
