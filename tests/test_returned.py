"""Returned checklists (issue 16): a unit's checklist, filled in and dropped into the inbox,
is applied to the ledger, never read as a dispatch; a conflict is said, not overwritten."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import replace

import pytest

from pipeline.ledger import Change
from pipeline.returned import ReturnedRow, apply_returned, read_returned
from pipeline.store import Store
from tests.conftest import INBOX
from tests.test_ledger import D1, D1A, RUN, _entry, invoke, run_chain

PHONG = "Phòng GD&ĐT Nam Đàn"


# --- the merge, row by row ---------------------------------------------------------------
# fmt: off
MERGES = [
    # written, returned, the ledger now → the ledger after, a note that starts with
    ("Chưa thực hiện", "Chưa thực hiện", "Chưa thực hiện", "Chưa thực hiện", None),
    ("Chưa thực hiện", "Đã hoàn thành", "Chưa thực hiện", "Đã hoàn thành", None),
    ("Chưa thực hiện", "đã hoàn thành ", "Chưa thực hiện", "Đã hoàn thành", None),  # as typed
    ("Chưa thực hiện", "Đã hoàn thành", "Đã hoàn thành", "Đã hoàn thành", None),    # the office set it already
    ("Chưa thực hiện", "Đã hoàn thành", "Đang thực hiện", "Đang thực hiện", "row 2: conflict: task"),
    ("Đang thực hiện", "Đang thực hiện", "Đã hoàn thành", "Đã hoàn thành", None),   # the unit changed nothing
    ("Chưa thực hiện", "Xong rồi", "Chưa thực hiện", "Chưa thực hiện", "row 2: status 'Xong rồi' is none of"),
    ("Đang thực hiện", "", "Đang thực hiện", "Đang thực hiện", None),               # a cell emptied
]
# fmt: on


@pytest.fixture
def ledger(tmp_path):
    store = Store(tmp_path / "vanban.sqlite")
    yield store.ledger
    store.close()


@pytest.mark.parametrize("written, returned, now, after, note", MERGES)
def test_a_returned_row_is_merged_with_the_ledger(ledger, rules, written, returned, now, after, note):
    statuses = rules.derive.statuses
    entry = _entry("Rà soát")
    ledger.sync([entry], RUN, statuses)
    if now != statuses[0]:
        ledger.set_status(entry.task_id, entry.unit, now, replace(RUN, origin="cli"), statuses)
    change = Change("lan", "2024-11-15T08:00:00+07:00", "2024-11-14", "checklist", "tra-ve/kim-lien.xlsx", "ab12")
    applied = apply_returned(ledger, (ReturnedRow(2, entry.task_id, entry.unit, written, returned),), change,
                             statuses, rules.derive.done)
    (row,) = ledger.rows()
    assert row.status == after
    assert [n[:len(note)] for n in applied.notes] == ([note] if note else [])
    assert applied.changed == (after != now)
    if after != now:  # from where: the file
        assert ledger.sources(entry.task_id)[-1][5:] == ("2024-11-14", "checklist", "tra-ve/kim-lien.xlsx", "ab12")


def test_each_occurrence_marked_done_is_one_completion(ledger, rules):
    statuses = rules.derive.statuses
    entry = _entry("Báo cáo tình hình hằng tháng", end="2024-10-20", recurrence="monthly")
    ledger.sync([entry], RUN, statuses)
    rows = tuple(ReturnedRow(n, entry.task_id, entry.unit, statuses[0], s)
                 for n, s in ((2, "Đã hoàn thành"), (3, "Đã hoàn thành"), (4, statuses[0])))
    change = Change("lan", "2024-11-25T08:00:00+07:00", "2024-11-25", "checklist", "a.xlsx", "x")
    apply_returned(ledger, rows, change, statuses, rules.derive.done)
    assert ledger.completions(rules.derive.done)[(entry.task_id, entry.unit)] == [dt.date(2024, 11, 25)] * 2
    apply_returned(ledger, rows, change, statuses, rules.derive.done)  # the same file again: nothing more
    assert len(ledger.completions(rules.derive.done)[(entry.task_id, entry.unit)]) == 2


def test_a_row_of_several_units_or_an_unknown_task_is_said(ledger, rules):
    statuses = rules.derive.statuses
    ledger.sync([_entry("Rà soát")], RUN, statuses)
    rows = (ReturnedRow(5, "abcdef0123", "", statuses[0], "Đã hoàn thành"),
            ReturnedRow(6, "ffffffffff", "Trường THCS Kim Liên", statuses[0], "Đã hoàn thành"))
    applied = apply_returned(ledger, rows, RUN, statuses, rules.derive.done)
    assert applied.changed == 0
    assert applied.notes == [
        "row 5: task abcdef0123 is not one unit's row here; set each unit's row with `vanban status`; not applied",
        "row 6: task ffffffffff for Trường THCS Kim Liên is not in the ledger; not applied"]


# --- end to end ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """The Phòng's checklist of the Sở's plan, filled in: one task done, one under way, two
    months of the monthly report done, a passed-down row touched, and one task the office
    set meanwhile by command (the conflict)."""
    from openpyxl import load_workbook

    inbox, out, args = run_chain(tmp_path_factory)
    (written,) = (out / "derived").glob(f"*/{D1}*.xlsx")
    book = load_workbook(written)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    status, task, unit = (header.index(n) for n in ("Trạng thái", "Mã nhiệm vụ", "Đơn vị theo dõi"))
    lines = list(sheet.iter_rows(min_row=2))
    own = list(dict.fromkeys(r[task].value for r in lines if r[unit].value == PHONG))
    monthly = [r for r in lines if r[header.index("Định kỳ")].value == "hằng tháng" and r[unit].value == PHONG]
    passed = next(r for r in lines if not r[unit].value)
    done, going, clash = own[0], own[1], own[2]
    for row in (r for r in lines if r[unit].value == PHONG):
        if row[task].value in (done, clash):
            row[status].value = "Đã hoàn thành"
        elif row[task].value == going:
            row[status].value = "Đang thực hiện"
    for row in monthly[:2]:
        row[status].value = "Đã hoàn thành"
    passed[status].value = "Đã hoàn thành"
    (inbox / "tra-ve").mkdir()
    path = inbox / "tra-ve" / "phong gd.xlsx"
    book.save(path)
    saved = dt.datetime(2024, 11, 14, 16, 0).timestamp()
    os.utime(path, (saved, saved))
    meanwhile = invoke("status", out, clash, "--unit", PHONG, "--set", "Đang thực hiện", "--date", "2024-11-10")
    assert meanwhile.exit_code == 0
    result = invoke(*args)
    ids = {"done": done, "going": going, "clash": clash, "monthly": monthly[0][task].value,
           "passed_line": passed[0].row}
    return out, result, ids, args


def _rows(out):
    with Store(out / "vanban.sqlite") as store:
        return {(r.task_id, r.unit): r for r in store.ledger.rows()}, store.ledger.sources(), \
            store.ledger.completions(("Đã hoàn thành",))


def test_a_returned_checklist_applies_its_statuses(returned):
    out, result, ids, _ = returned
    assert result.exit_code == 0, result.output
    rows, sources, completions = _rows(out)
    assert rows[(ids["done"], PHONG)].status == "Đã hoàn thành"
    assert rows[(ids["going"], PHONG)].status == "Đang thực hiện"
    assert len(completions[(ids["monthly"], PHONG)]) == 2
    # from where: the file, and the day the unit saved it
    mine = [s for s in sources if s[0] == ids["done"]]
    assert [(s[4], s[5], s[6], s[7]) for s in mine] == [("Đã hoàn thành", "2024-11-14", "checklist",
                                                        "tra-ve/phong gd.xlsx")]
    assert "returned checklists: 1, 3 ledger rows changed, 2 rows not applied" in result.output


def test_a_conflict_is_reported_not_overwritten(returned):
    out, result, ids, _ = returned
    rows, _, _ = _rows(out)
    assert rows[(ids["clash"], PHONG)].status == "Đang thực hiện"
    (line,) = [ln for ln in result.stderr.splitlines() if "conflict" in ln]
    assert line.startswith("tra-ve/phong gd.xlsx: row ") and f"task {ids['clash']} for {PHONG} is 'Đã hoàn thành' " \
        "here, but the ledger changed from 'Chưa thực hiện' to 'Đang thực hiện'" in line
    warnings = [json.loads(ln) for ln in (out / "warnings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(w["path"], w["stage"]) for w in warnings} == {("tra-ve/phong gd.xlsx", "checklist")}
    assert any("conflict" in w["cause"] for w in warnings)
    assert any(w["cause"].startswith(f"row {ids['passed_line']}: task ") and "not one unit's row" in w["cause"]
               for w in warnings)


def test_a_returned_checklist_is_no_document(returned):
    out, result, _, _ = returned
    assert "2 files: 2 records, 0 failed" in result.output
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert not [p for p in (out / "records").iterdir() if "tra-ve" in p.name]
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_a_rerun_applies_nothing_twice_and_the_sheets_show_it(returned):
    from openpyxl import load_workbook

    out, _, ids, args = returned
    before = _rows(out)
    again = invoke(*args)
    assert again.exit_code == 0
    after = _rows(out)
    assert after[1] == before[1] and after[2] == before[2], "no second completion, no new history"
    (written,) = (out / "derived").glob(f"*/{D1}*.xlsx")
    sheet = load_workbook(written).active
    header = [c.value for c in sheet[1]]
    shown = {r[header.index("Mã nhiệm vụ")]: r[header.index("Trạng thái")] for r in sheet.iter_rows(min_row=2,
                                                                                                  values_only=True)}
    assert shown[ids["done"]] == "Đã hoàn thành"


def test_another_workbook_is_no_returned_checklist(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["STT", "Nhiệm vụ", "Trạng thái"])
    book.active.append([1, "Rà soát", "Đã hoàn thành"])
    book.save(tmp_path / "bang.xlsx")
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    assert read_returned(tmp_path / "bang.xlsx") is None
    assert read_returned(tmp_path / "hong.xlsx") is None
    assert read_returned(tmp_path / "a.txt") is None


def test_a_checklist_without_its_hidden_columns_is_one_error(tmp_path):
    from openpyxl import Workbook

    from pipeline.derive.checklist import COLUMNS
    from pipeline.returned import ReturnedError

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / f"{D1A}.txt", inbox / f"{D1A}.txt")
    book = Workbook()
    book.active.append(list(COLUMNS))  # copied into a new workbook: the ids are gone
    book.active.append([1, "Rà soát", "Trường THCS Kim Liên", "", None, "", "", "", "Đã hoàn thành", ""])
    book.save(inbox / "chep-lai.xlsx")
    with pytest.raises(ReturnedError, match="without the hidden columns"):
        read_returned(inbox / "chep-lai.xlsx")
    result = invoke("run", inbox, "--out", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    (error,) = [json.loads(ln) for ln in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (error["path"], error["stage"]) == ("chep-lai.xlsx", "checklist")
    assert "chep-lai.xlsx: a checklist without the hidden columns" in result.stderr
    assert "1 records, 1 failed" in result.output
