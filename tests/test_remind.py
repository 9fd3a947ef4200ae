"""`vanban remind` (issue 16): the công văn đôn đốc and the messages to the late units, and
the wording of rules/remind.json."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil

import pytest

from pipeline import rules as rules_module
from pipeline.derive import unit_named
from pipeline.remind import LETTER_NAME, LateTask, LateUnit, Reminder, write_reminders
from pipeline.rules import REMIND_TEMPLATES
from pipeline.store import Store
from tests.conftest import ROOT
from tests.test_ledger import HEAD, SCHOOLS, invoke, run_chain

KIM_LIEN = "Trường THCS Kim Liên"


def _letter_text(path) -> str:
    import docx

    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [p.text for t in document.tables for c in t.rows[0].cells for p in c.paragraphs]
    return "\n".join(cells + [p.text for p in document.paragraphs])


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """d1 and d1a with the sample units, run for the Phòng; Kim Liên THCS did all its work
    due by 20/11/2024 on time, the other schools none."""
    inbox, out, _ = run_chain(tmp_path_factory)
    late = json.loads(invoke("due", out, "--today", "20/11/2024", "--unit", KIM_LIEN, "--json").stdout)
    assert late, "the school has overdue work before it reports"
    for item in late:
        if item["class"] == "chưa hoàn thành quá hạn":
            done = invoke("status", out, item["task_id"], "--unit", KIM_LIEN, "--set", "Đã hoàn thành",
                          "--date", item["deadline"])
            assert done.exit_code == 0, done.output
    return out


@pytest.fixture(scope="module")
def reminded(batch):
    result = invoke("remind", batch, "--today", "20/11/2024")
    assert result.exit_code == 0, result.output
    return batch / "remind" / "2024-11-20", result


def test_remind_writes_a_letter_and_a_message_per_late_unit_only(reminded):
    folder, result = reminded
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [LETTER_NAME, "truong-mam-non-xuan-hoa.txt", "truong-mam-non-kim-lien.txt", "truong-tieu-hoc-nam-giang.txt",
         "truong-tieu-hoc-kim-lien.txt", "truong-th-va-thcs-nam-cat.txt"])
    assert result.output.splitlines()[0].startswith("Ngày 20/11/2024: 5 đơn vị có ")
    letter = _letter_text(folder / LETTER_NAME)
    for unit in SCHOOLS:
        assert (f"- {unit}" in letter) == (unit != KIM_LIEN), unit
    # the office that signs does not write to itself
    assert "Phòng GD&ĐT Nam Đàn" not in letter


def test_the_letter_is_a_cong_van_don_doc(reminded):
    folder, _ = reminded
    letter = _letter_text(folder / LETTER_NAME)
    for line in ("ỦY BAN NHÂN DÂN HUYỆN NAM ĐÀN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: .../PGDĐT",
                 "V/v đôn đốc thực hiện Kế hoạch số 178/KH-PGDĐT", "Nam Đàn, ngày 20 tháng 11 năm 2024",
                 "Kính gửi:", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TRƯỞNG PHÒNG"):
        assert line in letter.splitlines(), line
    # the source document with its number, date and trích yếu; each overdue task with its deadline
    assert ("Thực hiện Kế hoạch số 178/KH-PGDĐT ngày 03/10/2024 của Phòng Giáo dục và Đào tạo về phòng, chống "
            "đuối nước và bảo đảm an toàn cho học sinh trên địa bàn huyện Nam Đàn") in letter
    assert ("- Rà soát, thống kê các ao, hồ, sông, kênh mương, hố sâu có nguy cơ mất an toàn gần trường và trên "
            "tuyến đường học sinh đi học, gửi danh sách về Phòng GDĐT, thời hạn: 15/11/2024.") in letter
    # a monthly report keeps its rule and gives the month missed; November's is due today, not late
    assert "- Định kỳ trước ngày 20 hằng tháng, báo cáo tình hình" in letter
    assert "thời hạn: 20/10/2024." in letter and "20/11/2024." not in letter.replace("ngày 20/11/2024", "")
    assert "trước ngày 25/11/2024" in letter, "three working days to reply"


def test_the_message_names_the_units_overdue_tasks(reminded):
    folder, _ = reminded
    text = (folder / "truong-tieu-hoc-nam-giang.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "Kính gửi: Trường Tiểu học Nam Giang"
    assert lines[2].startswith("Phòng GDĐT Nam Đàn thông báo: tính đến ngày 20/11/2024, đơn vị còn 03 nhiệm vụ")
    assert any(line.startswith("3. Rà soát, thống kê các ao") and line.endswith(
        "- thời hạn: 15/11/2024 (theo Kế hoạch số 178/KH-PGDĐT).") for line in lines)
    assert lines[-1] == "Phòng GDĐT Nam Đàn"


def test_a_rerun_of_the_day_replaces_its_folder(batch, reminded):
    folder, _ = reminded
    result = invoke("remind", batch, "--today", "2024-11-20", "--unit", "Trường MN Xuân Hòa")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [LETTER_NAME, "truong-mam-non-xuan-hoa.txt"]
    assert [p.name for p in folder.parent.iterdir()] == ["2024-11-20"], "no half-built folder left"
    letter = _letter_text(folder / LETTER_NAME)
    assert "Kính gửi: Trường Mầm non Xuân Hòa." in letter and "Nam Giang" not in letter
    # a unit with nothing overdue: nothing to send, and the day's folder goes
    none = invoke("remind", batch, "--today", "2024-11-20", "--unit", KIM_LIEN)
    assert none.exit_code == 0 and none.output.startswith("Ngày 20/11/2024: 0 đơn vị")
    assert not folder.exists()


def test_remind_knows_the_office_from_the_run(batch):
    with Store(batch / "vanban.sqlite") as store:
        assert store.ledger.office() == HEAD


def test_remind_without_an_office_or_for_an_unknown_unit_says_so(batch, tmp_path):
    shutil.copy(batch / "vanban.sqlite", tmp_path / "vanban.sqlite")
    with Store(tmp_path / "vanban.sqlite") as store:
        store.db.execute("DELETE FROM ledger_meta WHERE key = 'office'")
        store.db.commit()
    nobody = invoke("remind", tmp_path, "--today", "20/11/2024")
    assert nobody.exit_code == 2 and nobody.stderr.startswith("vanban remind: which office signs? give --as")
    unknown = invoke("remind", batch, "--today", "20/11/2024", "--unit", "Trường THPT Nam Đàn 1")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("vanban remind: no unit 'Trường THPT Nam Đàn 1'")
    assert not (tmp_path / "remind").exists()


# fmt: off
HOSTILE = [
    "../../etc/passwd",
    "Trường /tmp/x\\..\\y",
    "",
    "Trường THCS Kim Liên",
    "Trường THCS Kim-Liên",  # folds to the same slug as the one above
    "cong van don doc",      # the letter's own name
]
# fmt: on


def test_paths_are_safe_from_hostile_unit_names(tmp_path, rules):
    task = LateTask("abcdef0123", "Gửi báo cáo", (dt.date(2024, 11, 15),), "Kế hoạch số 1/KH-X", "Kế hoạch số 1/KH-X")
    reminder = Reminder(unit_named(HEAD, rules), dt.date(2024, 11, 20), dt.date(2024, 11, 25),
                        tuple(LateUnit(name, (task,)) for name in HOSTILE))
    written = write_reminders(tmp_path, reminder, rules)
    folder = (tmp_path / "remind" / "2024-11-20").resolve()
    assert len(written) == 1 + len(HOSTILE) and len({p.name for p in written}) == len(written)
    assert all(p.resolve().parent == folder for p in written)
    assert all(p.name == LETTER_NAME or p.name[:-4].replace("-", "").isalnum() for p in written)
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["remind", "2024-11-20", *(p.name for p in written)])
    # each message still greets the unit by its name as written: text is data, not a path
    assert (folder / "truong-thcs-kim-lien-2.txt").read_text(encoding="utf-8").startswith(
        "Kính gửi: Trường THCS Kim-Liên\n")


@pytest.mark.parametrize("days, said", [
    ((dt.date(2024, 10, 20),), "20/10/2024"),
    ((dt.date(2024, 10, 20), dt.date(2024, 11, 20)), "20/10/2024 và 20/11/2024"),
    ((dt.date(2024, 9, 20), dt.date(2024, 10, 18), dt.date(2024, 11, 20)), "20/09/2024, 18/10/2024 và 20/11/2024"),
])
def test_the_deadlines_missed_as_a_letter_writes_them(days, said):
    from pipeline.remind import _deadlines

    assert _deadlines(days) == said


# --- the wording: rules/remind.json ---------------------------------------------------------
VALUES = {"document": "Kế hoạch số 178/KH-PGDĐT ngày 03/10/2024 của Phòng Giáo dục và Đào tạo về phòng, chống đuối "
                      "nước", "document_short": "Kế hoạch số 178/KH-PGDĐT", "today": "20/11/2024",
          "reply_by": "25/11/2024", "office": "Phòng Giáo dục và Đào tạo", "office_short": "Phòng GDĐT Nam Đàn",
          "office_head": "Phòng", "unit": "Trường THCS Kim Liên", "index": 1, "count": 2,
          "action": "Gửi danh sách về Phòng GDĐT", "deadline": "15/11/2024"}


@pytest.mark.parametrize("name", REMIND_TEMPLATES)
def test_every_template_loads_and_fills_in(rules, name):
    group, key = name.split(".")
    raw = json.loads((ROOT / "rules" / "remind.json").read_text(encoding="utf-8"))
    texts = rules.remind.lines(name, **VALUES) if isinstance(raw[group][key], list) else [
        rules.remind.text(name, **VALUES)]
    assert texts and all(t.strip() and "{" not in t for t in texts)


# fmt: off
BAD_REMIND = [
    ({"letter": {"task": "- {action} ({owner})"}}, "remind.letter.task: unknown field ['owner']"),
    ({"message": {"closing": 5}}, "remind.message.closing: expected a text"),
    ({"letter": {"footer": "x"}}, "remind.letter.footer: no entry in remind.fields"),
    ({"reply_working_days": 0}, "remind.reply_working_days: expected working days from 1 to 30"),
    ({"letter": {"unit": "{index. {unit}"}}, "remind.letter.unit: "),
]
# fmt: on


@pytest.mark.parametrize("overlay, message", BAD_REMIND)
def test_a_bad_remind_overlay_names_the_entry(tmp_path, overlay, message):
    (tmp_path / "remind.json").write_text(json.dumps(overlay, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(rules_module.RulesError) as caught:
        rules_module.load(tmp_path)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
