"""Incoming reports (issue 16): a báo cáo of a named unit that cites a plan of the batch and
answers one of its report tasks marks that unit's row done, with the report as evidence;
when unsure, nothing is marked."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest

from pipeline.audit import audit
from pipeline.extract import extract_record
from pipeline.identity import document_key
from pipeline.ingest import read_document
from pipeline.reports import answers
from pipeline.roster import load_units
from pipeline.store import Store
from tests.conftest import INBOX
from tests.test_ledger import D1, D1A, HEAD, SCHOOLS, UNITS, invoke, record_of

KIM_LIEN = "Trường THCS Kim Liên"
REPORT = """PHÒNG GD&ĐT NAM ĐÀN                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{issuer}                                   Độc lập - Tự do - Hạnh phúc
Số: {number}                                     {place}, ngày 12 tháng 11 năm 2024

                                   BÁO CÁO
     {title}

     Thực hiện Kế hoạch số 178/KH-PGDĐT ngày 03/10/2024 của Phòng Giáo dục và Đào tạo Nam Đàn về phòng, \
chống đuối nước và bảo đảm an toàn cho học sinh năm học 2024-2025, nhà trường báo cáo như sau:

     1. Trên địa bàn xã có 03 ao, 01 đoạn kênh mương có nguy cơ mất an toàn trên tuyến đường học sinh đi học.
     2. Nhà trường đã phối hợp với UBND xã đặt biển cảnh báo tại 02 điểm.

     Trên đây là báo cáo của nhà trường./.

Nơi nhận:                                               HIỆU TRƯỞNG
- Phòng GDĐT Nam Đàn (để b/c);
- Lưu: VT.                                                  (Đã ký)

                                                        Trần Văn Bình
"""
SURVEY = "Kết quả rà soát, thống kê các ao, hồ, sông, kênh mương có nguy cơ mất an toàn gần trường"


def _report(folder, name: str, title: str, issuer: str = "TRƯỜNG THCS KIM LIÊN", number: str = "45/BC-THCS",
            place: str = "Kim Liên"):
    path = folder / name
    path.write_text(REPORT.format(issuer=issuer, number=number, place=place, title=title), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plans(rules, tmp_path_factory):
    """The two plans, a report of Kim Liên THCS read once, the ledger rows of the batch."""
    folder = tmp_path_factory.mktemp("reports")
    path = _report(folder, "bc.txt", SURVEY)
    report = extract_record(read_document(path, rules, display="bc.txt"), rules)
    assert report.doc_type == "Báo cáo" and report.citations[0].number == "178/KH-PGDĐT"
    inbox = tmp_path_factory.mktemp("inbox")
    for stem in (D1, D1A):
        shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    out = tmp_path_factory.mktemp("out")
    assert invoke("run", inbox, "--out", out, "--units", UNITS, "--as", HEAD, "--date", "2024-10-04",
                  "-j", "1").exit_code == 0
    with Store(out / "vanban.sqlite") as store:
        rows = store.ledger.rows()
    return [record_of(D1, rules), record_of(D1A, rules)], report, rows


# fmt: off
TITLES = [
    # the report's title, its issuer, its type → the action of the task it answers (None: nothing)
    (SURVEY, "TRƯỜNG THCS KIM LIÊN", "Báo cáo", "Rà soát, thống kê các ao, hồ, sông"),
    ("Tình hình học sinh bị tai nạn thương tích, đuối nước tháng 10 năm 2024", "TRƯỜNG THCS KIM LIÊN", "Báo cáo",
     "Định kỳ trước ngày 20 hằng tháng, báo cáo tình hình"),
    ("Sơ kết học kỳ I công tác phòng, chống đuối nước", "TRƯỜNG THCS KIM LIÊN", "Báo cáo",
     "Gửi báo cáo sơ kết học kỳ I"),
    ("Danh sách học sinh đăng ký tham gia các lớp học bơi dịp hè năm 2025", "TRƯỜNG THCS KIM LIÊN", "Công văn",
     "Phối hợp với Ban đại diện cha mẹ học sinh vận động, đăng ký"),
    ("Trường Trung học cơ sở Kim Liên written out", "TRƯỜNG TRUNG HỌC CƠ SỞ KIM LIÊN", "Báo cáo", None),
    # too little to go on: the plan's own words and the words every report has
    ("Kết quả thực hiện kế hoạch phòng, chống đuối nước năm học 2024-2025", "TRƯỜNG THCS KIM LIÊN", "Báo cáo", None),
    # a unit the office did not name, and a document that is no report
    (SURVEY, "TRƯỜNG THCS HÙNG TIẾN", "Báo cáo", None),
    (SURVEY, "TRƯỜNG THCS KIM LIÊN", "Kế hoạch", None),
]
# fmt: on


@pytest.mark.parametrize("title, issuer, doc_type, action", TITLES)
def test_a_report_answers_the_task_its_title_speaks_of(rules, plans, title, issuer, doc_type, action):
    parents, report, rows = plans
    report = replace(report, title=title, doc_type=doc_type, issuer=replace(report.issuer, name=issuer))
    records = [*parents, report]
    keys = {r.source.path: document_key(r, {}) for r in records}
    found, _ = answers(records, audit(records, rules).links, keys, rows, rules, load_units(UNITS, rules.roster))
    by_id = {(r.task_id, r.unit): r for r in rows}
    marked = [by_id[(a.task_id, a.unit)].action for a in found]
    if action is None:
        assert marked == []
    else:
        (only,) = marked
        assert only.startswith(action) and {a.unit for a in found} == {KIM_LIEN}
        assert found[0].source == "45/BC-THCS (bc.txt)" and found[0].day == "2024-11-12"


def test_without_a_citation_or_a_units_file_nothing_is_marked(rules, plans):
    parents, report, rows = plans
    records = [*parents, replace(report, citations=())]
    keys = {r.source.path: document_key(r, {}) for r in records}
    assert answers(records, audit(records, rules).links, keys, rows, rules, load_units(UNITS, rules.roster)) == ([], [])
    records = [*parents, report]
    assert answers(records, audit(records, rules).links, keys, rows, rules, None) == ([], [])


# --- end to end ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    for stem in (D1, D1A):
        shutil.copy(INBOX / f"{stem}.txt", inbox / f"{stem}.txt")
    (inbox / "den").mkdir()
    _report(inbox / "den", "kim-lien.txt", SURVEY)
    _report(inbox / "den", "hung-tien.txt", SURVEY, issuer="TRƯỜNG THCS HÙNG TIẾN", number="12/BC-THCS",
            place="Hùng Tiến")
    _report(inbox / "den", "xuan-hoa.txt", "Kết quả thực hiện kế hoạch phòng, chống đuối nước",
            issuer="TRƯỜNG MẦM NON XUÂN HÒA", number="30/BC-MN", place="Xuân Hòa")
    out = tmp_path_factory.mktemp("out")
    args = ("run", inbox, "--out", out, "--units", UNITS, "--as", HEAD, "--date", "2024-10-04", "-j", "1")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return out, result, args


def _ledger(out):
    with Store(out / "vanban.sqlite") as store:
        return store.ledger.rows(), store.ledger.sources()


def test_a_report_of_a_named_unit_marks_its_row_and_only_it(batch):
    out, result, _ = batch
    rows, sources = _ledger(out)
    done = [(r.unit, r.action.startswith("Rà soát, thống kê các ao")) for r in rows if r.status == "Đã hoàn thành"]
    assert done == [(KIM_LIEN, True)]
    assert "incoming reports: 1 ledger rows done" in result.output
    # the report is the evidence, and the day it is dated is the day the task was done
    (source,) = sources
    assert (source[1], source[5], source[6], source[7]) == (KIM_LIEN, "2024-11-12", "report",
                                                            "45/BC-THCS (den/kim-lien.txt)")
    late = json.loads(invoke("due", out, "--today", "20/11/2024", "--unit", KIM_LIEN, "--all", "--json").stdout)
    survey = [d for d in late if d["action"].startswith("Rà soát, thống kê các ao")]
    assert [d["class"] for d in survey] == ["hoàn thành đúng hạn"]
    others = [r for r in rows if r.action.startswith("Rà soát, thống kê các ao") and r.unit != KIM_LIEN]
    assert sorted(r.unit for r in others) == sorted(u for u in SCHOOLS if u != KIM_LIEN)
    assert {r.status for r in others} == {"Chưa thực hiện"}


def test_an_unsure_report_is_said_and_marks_nothing(batch):
    out, result, _ = batch
    warnings = [json.loads(ln) for ln in (out / "warnings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(w["path"], w["stage"]) for w in warnings] == [("den/xuan-hoa.txt", "report")]
    assert "Trường Mầm non Xuân Hòa; not marked" in warnings[0]["cause"]
    assert "den/xuan-hoa.txt: its title says too little" in result.stderr
    assert "hung-tien" not in result.stderr, "a unit the office did not name is none of its business"


def test_a_rerun_marks_nothing_twice(batch):
    out, _, args = batch
    before = _ledger(out)
    assert invoke(*args).exit_code == 0
    assert _ledger(out) == before
