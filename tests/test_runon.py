"""Crawled copies whose header and closing run on in one line (pipeline/ingest/runon.py), and
the text of one paragraph a line that was never wrapped (normalise.join_paragraphs)."""

from __future__ import annotations

import pytest

from pipeline.ingest.runon import split_run_ons
from pipeline.ingest.text import read_text

ISSUER = "ỦY BAN NHÂN DÂN TỈNH KON TUM -------"


def _split(rules, *texts: str) -> list[str]:
    return [text for text, _ in split_run_ons([(t, "body") for t in texts], rules)]


# fmt: off
@pytest.mark.parametrize("line, parts", [
    # the place and date, the type, the trích yếu and the decider in one line (QĐ 1056/QĐ-CT Tuyên Quang)
    ("Số: 1056/QĐ-CT Tuyên Quang, ngày 16 tháng 8 năm 2010 QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP CHO CÁC ĐỐI TƯỢNG "
     "BẢO TRỢ XÃ HỘI CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH",
     ["Số: 1056/QĐ-CT", "Tuyên Quang, ngày 16 tháng 8 năm 2010", "QUYẾT ĐỊNH",
      "BAN HÀNH MỨC TRỢ GIÚP CHO CÁC ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI", "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH"]),
    # the grounds run on after the trích yếu (QĐ 12/2024/QĐ-TTg)
    ("Hà Nội, ngày 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ, CHÍNH SÁCH GIẢI QUYẾT VIỆC LÀM Căn cứ Luật Tổ chức "
     "Chính phủ ngày 19 tháng 6 năm 2015;",
     ["Hà Nội, ngày 31 tháng 7 năm 2024", "QUYẾT ĐỊNH", "VỀ CƠ CHẾ, CHÍNH SÁCH GIẢI QUYẾT VIỆC LÀM",
      "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"]),
    # the Kính gửi after the date (CV 2739/VPCP-ĐMDN)
    ("Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.",
     ["Hà Nội, ngày 05 tháng 04 năm 2019", "Kính gửi: Bộ Kế hoạch và Đầu tư."]),
    # a council that decides in its own name, as the page's head names it (QĐ 435/QĐ-UBND Kon Tum)
    ("Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG ỦY BAN NHÂN DÂN TỈNH KON TUM",
     ["Kon Tum, ngày 04 tháng 5 năm 2020", "QUYẾT ĐỊNH", "V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG",
      "ỦY BAN NHÂN DÂN TỈNH KON TUM"]),
    # an office the trích yếu names is the trích yếu's ('... CỦA THỦ TƯỚNG CHÍNH PHỦ')
    ("Hà Nội, ngày 05 tháng 4 năm 2019 QUYẾT ĐỊNH THỰC HIỆN CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ",
     ["Hà Nội, ngày 05 tháng 4 năm 2019", "QUYẾT ĐỊNH", "THỰC HIỆN CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ"]),
    # a date inside a sentence, or one followed by small letters, cuts nothing
    ("Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;", ["Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;"]),
    ("Báo Đấu thầu ngày 26 tháng 3 năm 2019 đưa tin, theo khảo sát, ...",
     ["Báo Đấu thầu ngày 26 tháng 3 năm 2019 đưa tin, theo khảo sát, ..."]),
])
# fmt: on
def test_a_run_on_header_is_cut_into_the_lines_of_the_page(rules, line, parts):
    assert _split(rules, ISSUER, line)[1:] == parts


@pytest.mark.parametrize("line, parts", [
    # the signer after the archive line, office and name each on a line (CV 2739/VPCP-ĐMDN)
    ("- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng",
     ["- Lưu: VT, ĐMDN (2b). Trung Anh", "BỘ TRƯỞNG, CHỦ NHIỆM", "Mai Tiến Dũng"]),
    # the plan the decision issues runs on after the signer's name (QĐ 173/QĐ-BTP)
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH (Ban hành kèm theo",
     ["KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng", "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH (Ban hành kèm theo"]),
    # an archive line alone, and a signer alone, stay as they are
    ("- Lưu: VT, KGVX (3).", ["- Lưu: VT, KGVX (3)."]),
    ("KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà", ["KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà"]),
])
def test_a_run_on_closing_is_cut_into_the_lines_of_the_page(rules, line, parts):
    assert _split(rules, *(["x"] * 20), line)[20:] == parts


def test_a_number_alone_on_its_line_labels_the_line_after_it(rules):
    """'3' / '- Uỷ ban nhân dân các huyện, thành phố:' (QĐ 1056/QĐ-CT Tuyên Quang)."""
    assert _split(rules, *(["x"] * 20), "3", "- Uỷ ban nhân dân các huyện, thành phố:")[20:] == [
        "3 - Uỷ ban nhân dân các huyện, thành phố:"]


@pytest.mark.parametrize("item", ["2. Hướng dẫn, kiểm tra việc thực hiện quy định về dạy thêm, học thêm trên",
                                  "5. Tiếp nhận và xử lý ý kiến, kiến nghị, nguyện vọng của học sinh và",
                                  "a) Phối hợp với các cơ quan liên quan"])
def test_a_number_alone_above_a_line_with_its_own_label_is_the_page_number(rules, item):
    """'3' / '2. Hướng dẫn, kiểm tra ...' and '4' / '5. Tiếp nhận ...' (QĐ 87/2026/QĐ-UBND Đồng Tháp,
    its text layer): the number is the page's, it labels nothing."""
    assert _split(rules, *(["x"] * 20), "", "3", item)[21:] == [item]


def test_the_sites_notes_in_brackets_are_no_text_of_the_document(rules):
    text = ("2. Ngân hàng Chính sách xã hội tổ chức việc cho vay theo quy định tại Quyết định này. [Về cho vay "
            "được hướng dẫn bởi Công văn 4530/NHCS-TDNN năm 2024 có hiệu lực từ ngày 01/08/2024]")
    assert _split(rules, *(["x"] * 20), text)[20:] == [
        "2. Ngân hàng Chính sách xã hội tổ chức việc cho vay theo quy định tại Quyết định này."]
    assert _split(rules, *(["x"] * 20), "a) Thực hiện theo Điều 3 [1]")[20:] == ["a) Thực hiện theo Điều 3 [1]"]


def test_text_of_one_paragraph_a_line_joins_no_dash_item_to_the_line_above(rules):
    """A line far longer than most was never wrapped: the dash after it opens a field (QĐ 173/QĐ-BTP)."""
    long = "a) Phối hợp rà soát, tổng kết, đánh giá một cách đồng bộ " + "các văn bản quy phạm pháp luật " * 8
    lines = ["BỘ TƯ PHÁP", "Số: 173/QĐ-BTP", "II. NỘI DUNG THỰC HIỆN", long.strip(),
             "- Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính.", "- Thời gian thực hiện: Cả năm 2015."]
    pages, _ = read_text("\n".join(lines).encode("utf-8"), rules, markdown=False)
    texts = [line.text for line in pages[0].lines]
    assert "- Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính." in texts
