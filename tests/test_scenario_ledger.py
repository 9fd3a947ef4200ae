"""Issue 16, done when: a Sở plan and its Phòng plan with a units file of named schools;
statuses set by command, by a returned checklist and by an incoming school report; `vanban
due --today` lists exactly the late rows; a re-run and an added document keep every
status; `vanban remind` writes a draft that names exactly the late units."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil

import pytest

from pipeline.store import Store
from tests.conftest import INBOX
from tests.test_ledger import D1A, SCHOOLS, invoke, run_chain
from tests.test_reports import SURVEY, _report

TODAY = "20/11/2024"
PHONG = "Phòng GD&ĐT Nam Đàn"
KIM_LIEN, NAM_CAT = "Trường THCS Kim Liên", "Trường TH và THCS Nam Cát"
PLAN_OWN = "Xây dựng kế hoạch phòng, chống đuối nước và bảo đảm an toàn cho học sinh năm học 2024-2025 của đơn vị"
MONTHLY = "Định kỳ trước ngày 20 hằng tháng, báo cáo tình hình"
SURVEYED = "Rà soát, thống kê các ao"


def _rows(out):
    with Store(out / "vanban.sqlite") as store:
        return {(r.task_id, r.unit): r for r in store.ledger.rows(include_gone=True)}


def _id(out, unit, start):
    (found,) = {t for (t, u), r in _rows(out).items() if u == unit and r.action.startswith(start)}
    return found


def _late(out) -> set[tuple[str, str]]:
    found = json.loads(invoke("due", out, "--today", TODAY, "--json").stdout)
    return {(d["unit"], d["task_id"]) for d in found if d["class"] == "chưa hoàn thành quá hạn"}


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    from openpyxl import load_workbook

    inbox, out, run = run_chain(tmp_path_factory)
    # by command: every school sent its own plan on 09/10; Nam Cát also its October report and its survey
    own = _id(out, KIM_LIEN, PLAN_OWN)
    for school in SCHOOLS:
        assert invoke("status", out, own, "--unit", school, "--set", "Đã hoàn thành", "--date", "09/10/2024"
                      ).exit_code == 0
    for start, day in ((MONTHLY, "18/10/2024"), (SURVEYED, "14/11/2024")):
        assert invoke("status", out, _id(out, NAM_CAT, start), "--unit", NAM_CAT, "--set", "Đã hoàn thành",
                      "--date", day).exit_code == 0
    # by a returned checklist: the Phòng's own checklist of its plan, its first duty done
    (sheet_path,) = (out / "derived").glob(f"*/{D1A}*.xlsx")
    book = load_workbook(sheet_path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    first = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("Đơn vị theo dõi")].value == PHONG)
    first[header.index("Trạng thái")].value = "Đã hoàn thành"
    duty = first[header.index("Mã nhiệm vụ")].value
    book.save(inbox / "phong-tra-ve.xlsx")
    saved = dt.datetime(2024, 10, 8, 10, 0).timestamp()
    os.utime(inbox / "phong-tra-ve.xlsx", (saved, saved))
    # by an incoming report: Kim Liên THCS reports its survey on 12/11
    _report(inbox, "bc-kim-lien.txt", SURVEY)
    result = invoke(*run)
    assert result.exit_code == 0, result.output
    return inbox, out, run, {"own": own, "duty": duty}


def test_statuses_come_by_command_checklist_and_report(week):
    _, out, _, ids = week
    rows = _rows(out)
    assert {rows[(ids["own"], s)].status for s in SCHOOLS} == {"Đã hoàn thành"}
    assert rows[(ids["duty"], PHONG)].status == "Đã hoàn thành"
    assert rows[(_id(out, KIM_LIEN, SURVEYED), KIM_LIEN)].status == "Đã hoàn thành"


def test_due_lists_exactly_the_late_rows_of_the_schools(week):
    _, out, _, ids = week
    late = _late(out)
    for school in SCHOOLS:
        expected = {_id(out, school, MONTHLY), _id(out, school, SURVEYED)}
        if school == NAM_CAT:
            expected = set()
        elif school == KIM_LIEN:
            expected -= {_id(out, school, SURVEYED)}
        assert {t for u, t in late if u == school} == expected, school
    assert (PHONG, ids["duty"]) not in late


def test_a_rerun_with_an_added_document_keeps_every_status(week):
    inbox, out, run, _ = week
    before = {k: r.status for k, r in _rows(out).items()}
    documents = len((out / "records.jsonl").read_text(encoding="utf-8").splitlines())
    # the plan Nam Giang primary school made of the Phòng's (its work is its own staff's: no rows)
    shutil.copy(INBOX / "d1c_th-namgiang-kh-duoinuoc-2024.txt", inbox / "d1c.txt")
    assert invoke(*run).exit_code == 0
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == documents + 1
    after = {k: r.status for k, r in _rows(out).items()}
    assert {k: after[k] for k in before} == before


def test_remind_names_exactly_the_late_units(week):
    import docx

    _, out, _, _ = week
    late_units = {u for u, _ in _late(out) if u != PHONG}
    assert invoke("remind", out, "--today", TODAY).exit_code == 0
    folder = out / "remind" / "2024-11-20"
    letter = docx.Document(io.BytesIO((folder / "cong-van-don-doc.docx").read_bytes()))
    lines = [p.text for p in letter.paragraphs]
    start = lines.index("Kính gửi:")
    addressed = {line[2:].rstrip(";.") for line in lines[start + 1:start + 1 + len(SCHOOLS)] if line.startswith("- ")}
    assert addressed == late_units == set(SCHOOLS) - {NAM_CAT}
    assert len([p for p in folder.glob("*.txt")]) == len(late_units)


def test_each_named_unit_has_its_own_checklist_from_the_ledger(week):
    from openpyxl import load_workbook

    _, out, _, _ = week
    assert sorted(p.name for p in (out / "checklists").iterdir()) == sorted(
        ["phong-gd-dt-nam-dan.xlsx", "truong-mam-non-xuan-hoa.xlsx", "truong-mam-non-kim-lien.xlsx",
         "truong-tieu-hoc-nam-giang.xlsx", "truong-tieu-hoc-kim-lien.xlsx", "truong-thcs-kim-lien.xlsx",
         "truong-th-va-thcs-nam-cat.xlsx"])
    sheet = load_workbook(out / "checklists" / "truong-thcs-kim-lien.xlsx").active
    header = [c.value for c in sheet[1]]
    table = list(sheet.iter_rows(min_row=2, values_only=True))
    monthly = [r for r in table if str(r[header.index("Nhiệm vụ")]).startswith(MONTHLY)]
    assert [r[header.index("Thời hạn")].month for r in monthly] == [10, 11, 12, 1, 2, 3, 4, 5]
    assert {r[header.index("Đơn vị theo dõi")] for r in table} == {KIM_LIEN}
    survey = next(r for r in table if str(r[header.index("Nhiệm vụ")]).startswith(SURVEYED))
    assert survey[header.index("Trạng thái")] == "Đã hoàn thành", "the report's mark shows on the school's sheet"
    assert sheet.column_dimensions["K"].hidden and header[10] == "Mã nhiệm vụ"


def test_a_schools_own_checklist_comes_back_filled_in(week):
    from openpyxl import load_workbook

    inbox, out, run, _ = week
    school = "Trường Tiểu học Nam Giang"
    book = load_workbook(out / "checklists" / "truong-tieu-hoc-nam-giang.xlsx")
    sheet = book.active
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if str(row[header.index("Nhiệm vụ")].value).startswith(SURVEYED):
            row[header.index("Trạng thái")].value = "Đã hoàn thành"
    book.save(inbox / "nam-giang-tra-ve.xlsx")
    saved = dt.datetime(2024, 11, 14, 9, 0).timestamp()  # the day the school saved it: on time
    os.utime(inbox / "nam-giang-tra-ve.xlsx", (saved, saved))
    result = invoke(*run)
    assert result.exit_code == 0, result.output
    assert _rows(out)[(_id(out, school, SURVEYED), school)].status == "Đã hoàn thành"
    assert (school, _id(out, school, SURVEYED)) not in _late(out)
