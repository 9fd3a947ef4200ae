"""The record model round-trips through JSON and checks its invariants."""

from __future__ import annotations

import json

import pytest

from pipeline.record import Citation, Deadline, Issuer, Quantity, Recipient, Record, Section, Signer, Source, Span, Task
from tests.conftest import SAMPLES


def _full_record() -> Record:
    return Record(
        source=Source(path="004.txt", sha256="0" * 64, format="txt"),
        issuer=Issuer("Sở Giáo dục và Đào tạo", None, "SGDĐT"),
        number="1008/KH-SGDĐT", doc_type="Kế hoạch", place="Kiên Giang", date="2022-07-06",
        title="Tăng cường truyền thông",
        citations=(Citation("Quyết định", "33/QĐ-TTg", "2019-01-08", "Thủ tướng Chính phủ", "phê duyệt đề án",
                            "Quyết định số 33/QĐ-TTg ...", ("Đề án 33",)),),
        tasks=(Task("Phòng Giáo dục và Đào tạo huyện, thành phố", "Triển khai thực hiện",
                    Deadline("quý II, III", "2022-04-01", "2022-09-30"), None,
                    Quantity(2, "bài báo", "tối thiểu 02 bài báo"), "V"),),
        recipients=(Recipient("Các phòng GDĐT", "action"), Recipient("VT, GDTH&GDMN", "archive")),
        signer=Signer("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Xuân Bình"),
        sections=(Section("I", "MỤC ĐÍCH YÊU CẦU", (Section("1", "Mục đích"),)),),
        warnings=("[date] example",),
        evidence={"number": Span(1, 4, 17, "1008/KH-SGDĐT")},
    )


def test_round_trip_of_a_full_record():
    record = _full_record()
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    assert Record.from_dict(data) == record


SHAPES = {"lead-in-items", "unit-headings", "articles", "resolution", "subject-after-phrase", "multi-owner",
          "field-blocks", "assignment-table", "school-plan", "agenda", "no-tasks", "notice"}


@pytest.mark.parametrize("gold", sorted((SAMPLES / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_every_gold_file_loads_into_the_model(gold):
    data = json.loads(gold.read_text(encoding="utf-8"))
    # 'shape' tags the gold for make eval's tables (how the document assigns work); it is
    # the annotator's, not a field of the record
    assert set(data.pop("shape", [])) <= SHAPES
    data["source"] = {"path": gold.stem + ".txt", "sha256": "0" * 64, "format": "txt"}
    record = Record.from_dict(data)
    assert Record.from_dict(record.to_dict()) == record
    assert record.number == data.get("number")


def test_unknown_key_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown keys"):
        Issuer.from_dict({"name": "Bộ", "typo": 1})


def test_invariants():
    with pytest.raises(ValueError, match="authority"):
        Signer(authority="KT")
    with pytest.raises(ValueError, match="start <= end"):
        Span(1, 5, 2, "x")
