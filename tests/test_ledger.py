"""Follow-through (issue 16): named units, the ledger that lasts across runs, `vanban
status` and `vanban due` against a fixed day."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.extract import extract_record
from pipeline.identity import document_key, task_id
from pipeline.ledger import (
    LEDGER_VERSION,
    Change,
    Entry,
    Ledger,
    LedgerError,
    Row,
    _v1,
    due_rows,
    ledger_entries,
    ledger_version,
)
from pipeline.record import Record
from pipeline.roster import UnitsFileError, load_units
from pipeline.store import Store
from tests.conftest import INBOX, ROOT, read_cached

UNITS = ROOT / "samples" / "units.csv"
HEAD = "Phòng Giáo dục và Đào tạo huyện Nam Đàn"
D1 = "d1_sgddt-nghean-kh-duoinuoc-2024"
D1A = "d1a_pgddt-namdan-kh-duoinuoc-2024"
SCHOOLS = ["Trường Mầm non Xuân Hòa", "Trường Mầm non Kim Liên", "Trường Tiểu học Nam Giang",
           "Trường Tiểu học Kim Liên", "Trường THCS Kim Liên", "Trường TH và THCS Nam Cát"]


def record_of(stem: str, rules) -> Record:
    return extract_record(read_cached(str(INBOX / f"{stem}.txt")), rules)


@pytest.fixture(scope="module")
def roster(rules):
    return load_units(UNITS, rules.roster)


# --- the units file ----------------------------------------------------------------------
# fmt: off
HEADERS = [
    "tên đơn vị,loại,đơn vị cấp trên,địa chỉ liên hệ",
    "Tên đơn vị;Loại;Đơn vị cấp trên;Địa chỉ liên hệ",
    "name,kind,parent,contact",
    "NAME\tKIND\tPARENT\tCONTACT",
    "ten don vi,loai,don vi cap tren,dia chi lien he",
]
# fmt: on


@pytest.mark.parametrize("header", HEADERS)
def test_units_file_headers_in_vietnamese_or_english(tmp_path, rules, header):
    sep = ";" if ";" in header else "\t" if "\t" in header else ","
    path = tmp_path / "units.csv"
    path.write_text("\n".join([header, sep.join(["Trường THCS Kim Liên", "THCS", "Phòng GD&ĐT Nam Đàn", "a@b.vn"])]),
                    encoding="utf-8")
    (unit,) = load_units(path, rules.roster).units
    assert (unit.name, unit.kind, unit.classes, unit.parent, unit.contact) == (
        "Trường THCS Kim Liên", "THCS", ("thcs",), "Phòng GD&ĐT Nam Đàn", "a@b.vn")


def test_the_sample_units_file(roster):
    assert [u.name for u in roster.units] == ["Phòng GD&ĐT Nam Đàn", *SCHOOLS]
    by_name = {u.name: u for u in roster.units}
    assert by_name["Trường TH và THCS Nam Cát"].classes == ("tieu_hoc", "thcs")
    assert by_name["Phòng GD&ĐT Nam Đàn"].classes == ("phong",)
    # 'Phòng GDĐT Nam Đàn' and 'Phòng GD&ĐT Nam Đàn' are one unit: every school is under it
    assert {u.parent for u in roster.units[1:]} == {"Phòng GD&ĐT Nam Đàn"}


def test_units_file_as_xlsx(tmp_path, rules):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Tên đơn vị", "Loại"])
    book.active.append(["Trường Mầm non Xuân Hòa", "mầm non"])
    book.save(tmp_path / "units.xlsx")
    (unit,) = load_units(tmp_path / "units.xlsx", rules.roster).units
    assert unit.classes == ("mam_non",)


# fmt: off
BAD_FILES = [
    (b"", "units.csv: empty file"),
    ("tên,liên hệ\nTrường A,x".encode(), "units.csv: row 1: no column for kind"),
    ("tên đơn vị,loại\nTrường Mầm non A,mầm non\n,THCS".encode(), "units.csv: row 3: the unit has no name"),
    ("tên đơn vị,loại\nTrường Mầm non A,".encode(), "units.csv: row 2: 'Trường Mầm non A' has no kind"),
    ("tên đơn vị,loại\nTrường Đại học Vinh,đại học".encode(), "units.csv: row 2: kind 'đại học' of 'Trường Đại học Vinh' is no known kind"),  # noqa: E501
    ("tên đơn vị,loại\nTrường THCS A,THCS\nTrường Trung học cơ sở A,THCS".encode(), "units.csv: row 3: 'Trường Trung học cơ sở A' is listed twice (first on row 2)"),  # noqa: E501
    (b"ten don vi,loai\nTr\xb0\xeang THCS Kim Li\xean,THCS", "units.csv: row 2: not UTF-8 text"),  # Windows-1258
    (b"ten don vi,loai\n", "units.csv: no unit below the header row"),
]
# fmt: on


@pytest.mark.parametrize("content, message", BAD_FILES)
def test_a_bad_units_file_says_file_row_and_cause(tmp_path, rules, content, message):
    path = tmp_path / "units.csv"
    path.write_bytes(content)
    with pytest.raises(UnitsFileError) as caught:
        load_units(path, rules.roster)
    assert str(caught.value).startswith(str(tmp_path / message.split(":")[0]) + message[len("units.csv"):])
    assert "\n" not in str(caught.value)


def test_a_bad_units_file_exits_2_with_one_line(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("tên đơn vị,loại\nTrường Đại học Vinh,đại học\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["derive", str(INBOX / f"{D1}.txt"), "--out", str(tmp_path / "o"),
                                       "--units", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{path}: row 2: kind 'đại học' of 'Trường Đại học Vinh' is no known kind "
        "(kinds such as mầm non, MN, tiểu học, THCS, THPT, Phòng GD&ĐT, liên cấp, TH&THCS)")


# fmt: off
KINDS = [
    ("mầm non", "Trường Mầm non Xuân Hòa", ("mam_non",)),
    ("Tiểu học", "Trường Tiểu học Nam Giang", ("tieu_hoc",)),
    ("thcs", "Trường THCS Kim Liên", ("thcs",)),
    ("THPT", "Trường THPT Nam Đàn 1", ("thpt",)),
    ("Phòng GD&ĐT", "Phòng GD&ĐT Nam Đàn", ("phong",)),
    ("Phòng", "Phòng GD&ĐT Nam Đàn", ("phong",)),
    ("liên cấp", "Trường TH và THCS Nam Cát", ("tieu_hoc", "thcs")),
    ("Liên cấp", "Trường THCS và THPT Vinh", ("thcs", "thpt")),
    ("liên cấp", "Trường Quốc tế", ()),
    ("đại học", "Trường Đại học Vinh", ()),
]
# fmt: on


@pytest.mark.parametrize("kind, name, classes", KINDS)
def test_kinds_of_units(rules, kind, name, classes):
    assert rules.roster.classes_of(kind, name) == classes


# --- which named units a task's owner gives work to -----------------------------------
# fmt: off
OWNERS = [
    ("Các trường Tiểu học", "phong", ["Trường Tiểu học Nam Giang", "Trường Tiểu học Kim Liên", "Trường TH và THCS Nam Cát"]),  # noqa: E501
    ("các trường THCS", "phong", ["Trường THCS Kim Liên", "Trường TH và THCS Nam Cát"]),
    ("các cơ sở giáo dục mầm non", "phong", ["Trường Mầm non Xuân Hòa", "Trường Mầm non Kim Liên"]),
    ("Các trường Mầm non, Tiểu học, THCS", "phong", SCHOOLS),
    ("các đơn vị trực thuộc", "phong", SCHOOLS),
    ("các trường học", "phong", SCHOOLS),
    ("Phòng GDĐT huyện, thành phố", "so", ["Phòng GD&ĐT Nam Đàn"]),
    # a task for a named unit stays that unit's, however the document writes its name
    ("Trường THCS Kim Liên", "phong", ["Trường THCS Kim Liên"]),
    ("Trường Trung học cơ sở Kim Liên", "phong", ["Trường THCS Kim Liên"]),
    ("Hiệu trưởng trường MN Xuân Hòa", "phong", ["Trường Mầm non Xuân Hòa"]),
    # none of the office's units
    ("Các trường Trung học phổ thông", "so", []),
    ("Phòng Chính trị, tư tưởng", "so", []),
]
# fmt: on


@pytest.mark.parametrize("owner, issuer, units", OWNERS)
def test_a_class_owner_becomes_each_named_unit_of_it(rules, roster, owner, issuer, units):
    from pipeline.ledger import units_of

    assert sorted(units_of(owner, issuer, rules.hierarchy, roster, roster.units)) == sorted(units)


def test_units_under_the_running_office_only(rules, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(UNITS.read_text(encoding="utf-8") + "Phòng GD&ĐT Thanh Chương,Phòng GD&ĐT,Sở GD&ĐT Nghệ An,\n"
                    "Trường THCS Thanh Chương,THCS,Phòng GD&ĐT Thanh Chương,\n", encoding="utf-8")
    roster = load_units(path, rules.roster)
    entries = ledger_entries([record_of(D1A, rules)], _keys([record_of(D1A, rules)]), rules, roster, HEAD)
    assert {e.unit for e in entries} == {"Phòng GD&ĐT Nam Đàn", *SCHOOLS}
    # a Sở that lists both districts: the Phòng Nam Đàn's plan still gives work to its own schools only
    everyone = ledger_entries([record_of(D1A, rules)], _keys([record_of(D1A, rules)]), rules, roster)
    assert {e.unit for e in everyone} == {"Phòng GD&ĐT Nam Đàn", *SCHOOLS}
    # and the Sở's plan (its work below is for the Phòng and the THPT schools) to both Phòng
    both = ledger_entries([record_of(D1, rules)], _keys([record_of(D1, rules)]), rules, roster)
    assert {e.unit for e in both} == {"Phòng GD&ĐT Thanh Chương", "Phòng GD&ĐT Nam Đàn"}


def _keys(records):
    return {r.source.path: document_key(r, {}) for r in records}


# --- task ids ----------------------------------------------------------------------------
def test_task_ids_are_short_and_ignore_spacing_case_and_punctuation():
    doc, other = "number|178/kh-pgddt|x|2024-10-03", "number|179/kh-pgddt|x|2024-10-03"
    one = task_id(doc, "Các trường Mầm non", "Gửi báo cáo trước ngày 03/01/2025.")
    assert len(one) == 10 and int(one, 16) >= 0
    assert task_id(doc, "các trường  mầm non", "Gửi báo cáo trước ngày 03/01/2025") == one
    assert task_id(other, "Các trường Mầm non", "Gửi báo cáo trước ngày 03/01/2025.") != one
    assert task_id(doc, "Các trường Tiểu học", "Gửi báo cáo trước ngày 03/01/2025.") != one


def test_ids_do_not_depend_on_the_order_of_the_batch(rules, roster):
    records = [record_of(D1, rules), record_of(D1A, rules)]
    forward = ledger_entries(records, _keys(records), rules, roster, HEAD)
    backward = ledger_entries(records[::-1], _keys(records), rules, roster, HEAD)
    assert {(e.task_id, e.unit) for e in forward} == {(e.task_id, e.unit) for e in backward}
    assert len(forward) == len({(e.task_id, e.unit) for e in forward})


def test_a_document_without_a_number_is_known_by_its_text(rules):
    record = replace(record_of(D1A, rules), number=None)
    texts = {record.source.path: ("một", "hai")}
    moved = replace(record, source=replace(record.source, path="elsewhere.txt"))
    assert document_key(record, texts) == document_key(moved, {"elsewhere.txt": ("một", "hai")})
    assert document_key(record, texts).startswith("text|")


# --- the ledger's tables -----------------------------------------------------------------
RUN = Change("test", "2024-10-05T08:00:00+07:00", "2024-10-05", "run")


def _entry(action: str, unit: str = "Trường THCS Kim Liên", end: str | None = "2024-11-15",
           recurrence: str | None = None) -> Entry:
    return Entry(task_id("doc", "Các trường THCS", action), unit, "doc", "178/KH-PGDĐT", "a.txt", "Các trường THCS",
                 action, end and f"trước ngày {end}", None, end, recurrence)


@pytest.fixture
def ledger(tmp_path, rules):
    store = Store(tmp_path / "vanban.sqlite")
    yield store.ledger
    store.close()


def test_a_rerun_keeps_statuses_and_marks_what_is_gone(ledger, rules):
    statuses = rules.derive.statuses
    a, b = _entry("Rà soát các điểm nguy hiểm"), _entry("Gửi báo cáo sơ kết")
    assert ledger.sync([a, b], RUN, statuses).added == 2
    ledger.set_status(a.task_id, a.unit, "Đã hoàn thành", replace(RUN, origin="cli"), statuses)
    later = replace(RUN, at="2024-10-20T08:00:00+07:00", day="2024-10-20")
    result = ledger.sync([a], later, statuses)
    assert (result.added, result.kept, result.gone) == (0, 1, 1)
    rows = {r.task_id: r for r in ledger.rows(include_gone=True)}
    assert rows[a.task_id].status == "Đã hoàn thành" and not rows[a.task_id].gone
    assert rows[b.task_id].gone and rows[b.task_id].gone_at == later.at
    assert [r.task_id for r in ledger.rows()] == [a.task_id], "gone rows are kept, not listed"
    # the task comes back (the document restored): the row and its history are its own again
    assert ledger.sync([a, b], later, statuses).back == 1
    assert [h[2:5] for h in ledger.history(b.task_id)] == [("row", None, "added"), ("gone", "0", "1"),
                                                           ("gone", "1", "0")]
    assert [h[2:5] + h[8:] for h in ledger.history(a.task_id)] == [
        ("row", None, "added", "run"), ("status", "Chưa thực hiện", "Đã hoàn thành", "cli")]


def test_a_changed_deadline_is_refreshed_and_said(ledger, rules):
    first = _entry("Rà soát các điểm nguy hiểm")
    ledger.sync([first], RUN, rules.derive.statuses)
    ledger.sync([replace(first, deadline_end="2024-11-20")], RUN, rules.derive.statuses)
    (row,) = ledger.rows()
    assert row.deadline_end == "2024-11-20"
    assert ("deadline_end", "2024-11-15", "2024-11-20") in [h[2:5] for h in ledger.history()]


# fmt: off
STATUS_ERRORS = [
    ("ffffffffff", "Trường THCS Kim Liên", "Đã hoàn thành", "unknown task 'ffffffffff'"),
    (None, "Trường Mầm non Xuân Hòa", "Đã hoàn thành", "has no unit 'Trường Mầm non Xuân Hòa'; its units: Trường THCS Kim Liên"),  # noqa: E501
    (None, "Trường THCS Kim Liên", "Xong rồi", "unknown status 'Xong rồi'; use one of: Chưa thực hiện, Đang thực hiện"),
]
# fmt: on


@pytest.mark.parametrize("task, unit, status, message", STATUS_ERRORS)
def test_status_of_an_unknown_task_unit_or_status(ledger, rules, task, unit, status, message):
    entry = _entry("Rà soát")
    ledger.sync([entry], RUN, rules.derive.statuses)
    with pytest.raises(LedgerError, match=message.replace("(", r"\(")):
        ledger.set_status(task or entry.task_id, unit, status, RUN, rules.derive.statuses, rules.hierarchy)


def test_status_finds_the_unit_as_people_write_it(ledger, rules):
    entry = _entry("Rà soát")
    ledger.sync([entry], RUN, rules.derive.statuses)
    row = ledger.set_status(entry.task_id[:6], "truong thcs kim lien", "đang thực hiện", RUN, rules.derive.statuses,
                            rules.hierarchy, note="đã rà 3/5 điểm", person="Cô Lan")
    assert (row.status, row.note, row.person) == ("Đang thực hiện", "đã rà 3/5 điểm", "Cô Lan")
    again = ledger.set_status(entry.task_id, "Trường Trung học cơ sở Kim Liên", "Đã hoàn thành", RUN,
                              rules.derive.statuses, rules.hierarchy)
    assert again.status == "Đã hoàn thành"


def test_the_ledger_survives_a_store_rebuild(tmp_path, rules):
    path = tmp_path / "vanban.sqlite"
    with Store(path) as store:
        store.ledger.sync([_entry("Rà soát")], RUN, rules.derive.statuses)
        store.db.execute("PRAGMA user_version = 0")  # as a store of an older layout
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] > 0
        assert [r.action for r in store.ledger.rows()] == ["Rà soát"]
        assert len(store.ledger.history()) == 1


def test_a_v1_ledger_is_migrated(tmp_path, rules):
    path = tmp_path / "vanban.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT)")
    _v1(db)
    db.execute("INSERT INTO ledger_meta VALUES ('version', '1')")
    db.execute("INSERT INTO ledger_rows (task_id, unit, status, document, action, owner, added_at) "
               "VALUES ('abcdef0123', 'Trường THCS Kim Liên', 'Đã hoàn thành', 'doc', 'Rà soát', 'Các trường THCS', "
               "'2024-10-01T08:00:00+07:00')")
    db.execute("INSERT INTO ledger_history (task_id, unit, field, old, new, who, at, origin) VALUES "
               "('abcdef0123', 'Trường THCS Kim Liên', 'status', 'Chưa thực hiện', 'Đã hoàn thành', 'lan', "
               "'2024-10-09T16:30:00+07:00', 'cli')")
    db.commit()
    assert ledger_version(db) == 1
    ledger = Ledger(db)
    assert ledger_version(db) == LEDGER_VERSION
    (row,) = ledger.rows()
    assert (row.status, row.person) == ("Đã hoàn thành", None)
    assert ledger.completions(rules.derive.done) == {("abcdef0123", "Trường THCS Kim Liên"): [dt.date(2024, 10, 9)]}
    db.close()


def test_a_newer_ledger_is_refused(tmp_path):
    db = sqlite3.connect(tmp_path / "vanban.sqlite")
    db.execute("CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO ledger_meta VALUES ('version', ?)", (str(LEDGER_VERSION + 1),))
    with pytest.raises(LedgerError, match="newer than this vanban"):
        Ledger(db)


def test_a_failed_sync_writes_nothing(ledger, rules):
    good = _entry("Rà soát")
    broken = replace(_entry("Gửi báo cáo"), action=None)  # NOT NULL: the insert fails half-way
    with pytest.raises(sqlite3.IntegrityError):
        ledger.sync([good, broken], RUN, rules.derive.statuses)
    assert ledger.rows(include_gone=True) == [] and ledger.history() == []


# --- against today -------------------------------------------------------------------------
def _row(end: str | None, status: str = "Chưa thực hiện", recurrence: str | None = None) -> Row:
    return Row("abcdef0123", "Trường THCS Kim Liên", status, None, None, end and f"trước ngày {end}", None, end,
               recurrence, "doc", "178/KH-PGDĐT", "a.txt", "Rà soát", "Các trường THCS", False, None, "2024-10-01")


D = dt.date.fromisoformat
# fmt: off
CLASSES = [
    # deadline, completions, today, expected class of each occurrence
    ("2024-11-15", [], "2024-11-10", ["open_on_time"]),
    ("2024-11-15", [], "2024-11-15", ["open_on_time"]),
    ("2024-11-15", [], "2024-11-16", ["open_late"]),
    ("2024-11-15", ["2024-11-14"], "2024-11-20", ["done_on_time"]),
    ("2024-11-15", ["2024-11-15"], "2024-11-20", ["done_on_time"]),
    ("2024-11-15", ["2024-11-18"], "2024-11-20", ["done_late"]),
    ("2024-11-15", ["2024-11-18"], "2024-11-17", ["open_late"]),  # done after the day asked about
]
# fmt: on


@pytest.mark.parametrize("end, done, today, expected", CLASSES)
def test_deadline_classes_against_today(end, done, today, expected):
    found = due_rows([_row(end)], {("abcdef0123", "Trường THCS Kim Liên"): [D(d) for d in done]}, D(today),
                     D(today) + dt.timedelta(days=7))
    assert [d.deadline_class for d in found] == expected


def test_a_monthly_deadline_is_due_every_month():
    """'trước ngày 20 hằng tháng' from October: the October report was sent on time, the
    November one late, December's is not due yet."""
    done = {("abcdef0123", "Trường THCS Kim Liên"): [D("2024-10-18"), D("2024-11-22")]}
    found = due_rows([_row("2024-10-20", recurrence="monthly")], done, D("2024-12-10"), D("2024-12-31"))
    assert [(d.due.isoformat(), d.deadline_class) for d in found] == [
        ("2024-10-20", "done_on_time"), ("2024-11-20", "done_late"), ("2024-12-20", "open_on_time")]


def test_a_row_without_a_date_has_no_class():
    (found,) = due_rows([_row(None)], {}, D("2024-12-10"), D("2024-12-31"))
    assert (found.due, found.deadline_class) == (None, None)


# --- the command line, end to end ------------------------------------------------------------
def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def run_chain(tmp_path_factory) -> tuple[Path, Path, tuple]:
    """d1 and d1a in a fresh inbox, run for the Phòng with the sample units: (inbox, out, the
    arguments of that run, to run it again)."""
    inbox = tmp_path_factory.mktemp("inbox")
    for stem in (D1, D1A):
        shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    out = tmp_path_factory.mktemp("out")
    run = ("run", inbox, "--out", out, "--units", UNITS, "--as", HEAD, "--date", "2024-10-04", "-j", "1")
    result = invoke(*run)
    assert result.exit_code == 0, result.output
    return inbox, out, run


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    inbox, out, _ = run_chain(tmp_path_factory)
    return inbox, out


def _ledger_rows(out: Path) -> list[Row]:
    with Store(out / "vanban.sqlite") as store:
        return store.ledger.rows(include_gone=True)


def _id(out: Path, unit: str, words: str) -> str:
    (tid,) = {r.task_id for r in _ledger_rows(out) if r.unit == unit and words in r.action}
    return tid


def test_run_writes_a_row_per_named_unit(batch):
    _, out = batch
    rows = _ledger_rows(out)
    assert {r.unit for r in rows} == {"Phòng GD&ĐT Nam Đàn", *SCHOOLS}
    survey = [r for r in rows if r.action.startswith("Rà soát, thống kê các ao")]
    assert sorted(r.unit for r in survey) == sorted(SCHOOLS) and {r.number for r in survey} == {"178/KH-PGDĐT"}
    assert {r.status for r in rows} == {"Chưa thực hiện"}


def test_status_and_due_from_the_command_line(batch):
    _, out = batch
    survey = _id(out, "Trường THCS Kim Liên", "Rà soát, thống kê các ao")
    done = invoke("status", out, survey, "--unit", "Trường THCS Kim Liên", "--set", "Đã hoàn thành",
                  "--date", "14/11/2024", "--by", "Nguyễn Văn An", "--note", "đã gửi danh sách")
    assert done.exit_code == 0 and done.output.strip() == f"{survey}\tTrường THCS Kim Liên\tĐã hoàn thành"
    late = invoke("status", out, survey, "--unit", "Trường MN Xuân Hòa", "--set", "Đã hoàn thành",
                  "--date", "2024-11-18")
    assert late.exit_code == 0, late.output
    found = json.loads(invoke("due", out, "--today", "20/11/2024", "--within", "5", "--all", "--json").stdout)
    mine = {d["unit"]: d for d in found if d["task_id"] == survey}
    assert {u: d["class"] for u, d in mine.items()} == {
        "Trường THCS Kim Liên": "hoàn thành đúng hạn", "Trường Mầm non Xuân Hòa": "hoàn thành quá hạn",
        **{u: "chưa hoàn thành quá hạn" for u in SCHOOLS if u not in ("Trường THCS Kim Liên",
                                                                      "Trường Mầm non Xuân Hòa")}}
    assert set(mine["Trường THCS Kim Liên"]) == {"task_id", "unit", "action", "deadline", "deadline_text",
                                                 "recurrence", "status", "class", "done_on", "document"}
    assert mine["Trường THCS Kim Liên"]["deadline"] == "2024-11-15"
    assert mine["Trường THCS Kim Liên"]["document"] == "178/KH-PGDĐT"
    # without --all: only what is overdue or due within the days asked, none of it done
    late_or_soon = json.loads(invoke("due", out, "--today", "20/11/2024", "--within", "5", "--json").stdout)
    assert late_or_soon and {d["class"] for d in late_or_soon} <= {"chưa hoàn thành quá hạn",
                                                                   "chưa hoàn thành trong hạn"}
    assert all(d["deadline"] <= "2024-11-25" for d in late_or_soon)
    assert survey not in {d["task_id"] for d in late_or_soon if d["unit"] == "Trường THCS Kim Liên"}
    # the monthly report 'trước ngày 20 hằng tháng' is due in October and November
    monthly = [d for d in late_or_soon if d["unit"] == "Trường THCS Kim Liên" and d["recurrence"] == "monthly"
               and "20 hằng tháng" in d["deadline_text"]]
    assert [(d["deadline"], d["class"]) for d in monthly] == [("2024-10-20", "chưa hoàn thành quá hạn"),
                                                              ("2024-11-20", "chưa hoàn thành trong hạn")]


def test_due_prints_a_table_by_unit(batch):
    _, out = batch
    result = invoke("due", out, "--today", "20/11/2024", "--unit", "Trường TH Nam Giang")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Ngày 20/11/2024: ") and "quá hạn" in lines[0]
    assert lines[2] == "Trường Tiểu học Nam Giang"
    assert "15/11/2024" in result.output and "chưa hoàn thành quá hạn" in result.output
    assert "2024-" not in result.output, "dates as dd/mm/yyyy"


# fmt: off
CLI_ERRORS = [
    (["status", "{out}", "ffffffffff", "--unit", "Trường THCS Kim Liên", "--set", "Đã hoàn thành"], "vanban status: unknown task 'ffffffffff'"),  # noqa: E501
    (["status", "{out}", "{id}", "--unit", "Trường THPT Nam Đàn 1", "--set", "Đã hoàn thành"], "vanban status: task {id} has no unit 'Trường THPT Nam Đàn 1'"),  # noqa: E501
    (["status", "{out}", "{id}", "--unit", "Trường THCS Kim Liên", "--set", "Xong"], "vanban status: unknown status 'Xong'"),  # noqa: E501
    (["due", "{out}", "--unit", "Trường THPT Nam Đàn 1"], "vanban due: no unit 'Trường THPT Nam Đàn 1' in the ledger"),
]
# fmt: on


@pytest.mark.parametrize("args, message", CLI_ERRORS)
def test_cli_errors_are_one_line_and_exit_2(batch, args, message):
    _, out = batch
    tid = _id(out, "Trường THCS Kim Liên", "Rà soát, thống kê các ao")
    result = invoke(*[a.format(out=out, id=tid) for a in args])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(message.format(id=tid))


def test_a_rerun_keeps_statuses_shows_them_and_marks_gone_tasks(batch, tmp_path):
    from openpyxl import load_workbook

    inbox, out = batch
    tid = _id(out, "Trường Tiểu học Kim Liên", "Gửi báo cáo sơ kết học kỳ I")
    assert invoke("status", out, tid, "--unit", "Trường Tiểu học Kim Liên", "--set", "Đang thực hiện").exit_code == 0
    # the Phòng reissues its plan without the survey; the batch is read in another order
    changed = tmp_path / "inbox"
    changed.mkdir()
    text = (inbox / f"{D1A}.txt").read_text(encoding="utf-8")
    kept = "\n".join(line for line in text.splitlines() if "Rà soát, thống kê các ao" not in line)
    (changed / "0 kế hoạch phòng.txt").write_text(kept, encoding="utf-8")
    shutil.copy(inbox / f"{D1}.txt", changed / "1 kế hoạch sở.txt")
    result = invoke("run", changed, "--out", out, "--units", UNITS, "--as", HEAD, "--date", "2024-10-04", "-j", "1")
    assert result.exit_code == 0, result.output
    rows = {(r.task_id, r.unit): r for r in _ledger_rows(out)}
    assert rows[(tid, "Trường Tiểu học Kim Liên")].status == "Đang thực hiện"
    survey = [r for r in rows.values() if r.action.startswith("Rà soát, thống kê các ao")]
    assert len(survey) == len(SCHOOLS) and all(r.gone for r in survey)
    with Store(out / "vanban.sqlite") as store:
        assert ("gone", "0", "1", "run") in [(h[2], h[3], h[4], h[8]) for h in store.ledger.history(survey[0].task_id)]
    # the summary shows the ledger's status: the least advanced of the units, and how many are done
    sheet = load_workbook(out / "derived" / "summary.xlsx").active
    header = [c.value for c in sheet[1]]
    report = [r for r in sheet.iter_rows(min_row=2, values_only=True)
              if str(r[header.index("Nhiệm vụ")]).startswith("Gửi báo cáo sơ kết học kỳ I về")]
    assert report and {r[header.index("Trạng thái")] for r in report} == {"Chưa thực hiện"}
    solo = invoke("status", out, tid, "--unit", "Trường Tiểu học Kim Liên", "--set", "Đã hoàn thành")
    assert solo.exit_code == 0
    for unit in SCHOOLS:
        if unit != "Trường Tiểu học Kim Liên":
            invoke("status", out, tid, "--unit", unit, "--set", "Đã hoàn thành")
    assert invoke("run", changed, "--out", out, "--units", UNITS, "--as", HEAD, "--date", "2024-10-04",
                  "-j", "1").exit_code == 0
    sheet = load_workbook(out / "derived" / "summary.xlsx").active
    report = [r for r in sheet.iter_rows(min_row=2, values_only=True)
              if str(r[header.index("Nhiệm vụ")]).startswith("Gửi báo cáo sơ kết học kỳ I về")]
    assert {r[header.index("Trạng thái")] for r in report} == {"Đã hoàn thành"}
    # and so does the Phòng's own checklist of its plan
    (checklist,) = (out / "derived").glob("*/0*.csv")
    listed = list(csv.DictReader(io.StringIO(checklist.read_text(encoding="utf-8-sig"))))
    assert {r["Trạng thái"] for r in listed if r["Nhiệm vụ"].startswith("Gửi báo cáo sơ kết học kỳ I về")} == {
        "Đã hoàn thành"}


def test_without_a_units_file_a_row_per_task_and_owner(tmp_path, rules):
    records = [record_of(D1A, rules)]
    entries = ledger_entries(records, _keys(records), rules)
    assert len(entries) == len({(t.owner, t.action) for t in records[0].tasks})
    assert {e.unit for e in entries} == {t.owner for t in records[0].tasks}



def test_derive_knows_a_named_unit_by_its_kind(tmp_path):
    """A school whose name says no level ('Trường Hồng Sơn') is a primary school when the
    units file says so."""
    units = tmp_path / "units.csv"
    units.write_text("tên đơn vị,loại,đơn vị cấp trên\nTrường Hồng Sơn,tiểu học,Phòng GD&ĐT Nam Đàn\n",
                     encoding="utf-8")
    args = ["derive", INBOX / f"{D1A}.txt", "--as", "Trường Hồng Sơn", "--date", "2024-10-04", "--out", tmp_path / "o"]
    guessed = CliRunner().invoke(main, [str(a) for a in args])
    assert guessed.exit_code == 2 and "no unit class" in guessed.output
    named = invoke(*args, "--units", units)
    assert named.exit_code == 0, named.output
    assert all("/truong-hong-son/" in line for line in named.output.splitlines())
