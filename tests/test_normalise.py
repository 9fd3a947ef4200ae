"""Tables for the pure text functions of pipeline.normalise."""

from __future__ import annotations

import pytest

from pipeline import normalise
from pipeline.document import Line

# fmt: off
NFC = [
    ("Ðào tạo", "Đào tạo"),                       # U+00D0 look-alike from OCR
    ("ðào", "đào"),
    ("Giáo dục".replace("á", "a\u0301"), "Giáo dục"),  # decomposed accents
]
SPACE = [
    ("Số:\u00a0 1008/KH-SGDĐT", "Số: 1008/KH-SGDĐT"),
    ("  a\t\tb  ", "a b"),
    ("Sở\u200b GDĐT", "Sở GDĐT"),
]
TONES = [
    ("hoà", "hòa"), ("thuỷ", "thủy"), ("Hoá học", "Hóa học"), ("khoẻ", "khỏe"), ("quý", "qúy"),
]
ITEMS = [
    ("I. MỤC ĐÍCH, YÊU CẦU", True), ("1. Mục đích", True), ("a) Triển khai", True), ("b/ Xây dựng", True),
    ("- Lãnh đạo Sở;", True), ("+ Giáo viên", True), ("2.1. Hồ sơ", True), ("Điều 3. Chánh Văn phòng", True),
    ("Nơi nhận:", True), ("KẾ HOẠCH", True), ("Căn cứ Luật Giáo dục", True),
    ("và Đào tạo về việc tổ chức", False), ("Phòng Giáo dục và Đào tạo xây dựng", False),
    # a part label needs no dot after it; a number with a thousands point is no label: '1.000
    # chuyên gia chuyển đổi số' wraps a line of QĐ 146/QĐ-TTg, '1.2 triệu đồng' a sum
    ("2.1 Nội dung", True), ("1.000 chuyên gia chuyển đổi số", False), ("1.2 triệu đồng", False),
    # OCR reads a label's dot as a comma before a name (QĐ 146/QĐ-TTg, KH 07-KH/BTC Sơn La)
    ("9, Các tổ chức kinh tế", True), ("9, VNPT Sơn La", True), ("9, 10 và 11 tháng 5", False),
]
# fmt: on


@pytest.mark.parametrize("raw,clean", NFC)
def test_to_nfc(raw, clean):
    assert normalise.to_nfc(raw) == clean


@pytest.mark.parametrize("raw,clean", SPACE)
def test_fold_space(raw, clean):
    assert normalise.fold_space(raw) == clean


@pytest.mark.parametrize("old,new", TONES)
def test_fold_tones_matches_old_and_new_placement(old, new):
    assert normalise.fold_tones(old) == normalise.fold_tones(new)


def test_fold_tones_keeps_different_words_apart():
    assert normalise.fold_tones("hoà") != normalise.fold_tones("hoá")


def test_strip_cid_and_share():
    raw = "Gi(cid:12)o d(cid:5)c"
    assert normalise.strip_cid(raw) == "Gio dc"
    assert normalise.cid_share(raw) > 0.2


@pytest.mark.parametrize("text,expected", ITEMS)
def test_is_heading_or_item(text, expected):
    assert normalise.is_heading_or_item(text) is expected


def test_detect_legacy(rules):
    tcvn3 = rules.legacy_encoding("tcvn3").encode("Sở Giáo dục và Đào tạo tỉnh Kiên Giang, phòng chống đuối nước")
    vni = rules.legacy_encoding("vni").encode("Sở Giáo dục và Đào tạo tỉnh Kiên Giang, phòng chống đuối nước")
    assert normalise.detect_legacy(tcvn3, rules) == "tcvn3"
    assert normalise.detect_legacy(vni, rules) == "vni"
    assert normalise.detect_legacy("Sở Giáo dục và Đào tạo, hoà bình, thuỷ lợi", rules) is None


def test_repair_mojibake():
    good = "Sở Giáo dục và Đào tạo Kiên Giang"
    raw = good.encode("utf-8")
    # how Windows tools show it: cp1252 where defined, the five gaps as Latin-1 controls
    misread = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    assert misread != good
    assert normalise.repair_mojibake(misread) == good
    assert normalise.repair_mojibake(good) == good


def test_invalid_syllable_share_sees_dropped_letters(rules):
    sound, _ = normalise.invalid_syllable_share("thông báo đến quý cha mẹ học sinh của trường", rules.syllables)
    broken, _ = normalise.invalid_syllable_share("thng báo đến qý cha mẹ học sinh cua trưng ngyện vọng",
                                                 rules.syllables)
    assert sound == 0.0
    assert broken > 0.2


# fmt: off
SPACED_LETTERS = [
    # TB 1709/SGDĐT Quảng Nam (unseen4/n07): the signer's office
    ("Nơi nhận: G I Á M ĐỐC", "Nơi nhận: GIÁM ĐỐC"),
    # CV 2638/LĐTBXH-KHTC (samples/gold/22 notes): the issuer and the title
    ("B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    ("V/v xây dựng dự toán ngân sách trung ươ n g thực hiện", "V/v xây dựng dự toán ngân sách trung ương thực hiện"),
    # CV 1019/SGDĐT Hà Giang (unseen2/k01): a whole office set apart; 'K T .' is no syllable
    ("Nơi nhận: K T . G I Á M Đ Ố C", "Nơi nhận: K T . GIÁM ĐỐC"),
    ("(c h ư ơ n g trình),", "(chương trình),"),
]
NOT_SPACED = [
    "định tại các điểm b và c khoản 1 Điều này.",  # NĐ 335/2025/NĐ-CP (unseen3/m02): no 'vàc'
    "theo quy định tại điểm b ở trên",  # a label and a word: two small letters stay apart
    "Trường THCS Nguyễn Văn A ở xã Nam Cát",  # capital then small letters: a name's initial
    "khối A, B và C; Phụ lục I, II",
    "PHẦN V. TỔ CHỨC THỰC HIỆN",
    "V/v triển khai; Đ/c Hiệu trưởng",
    "có ai ở đó; y tế, ý kiến, ô tô",  # words, each a syllable
    "655 20 Tôn Thị Cẩm Thơm 2 7 / 0 3 / 1 9 8 2",  # digits are no letters
]
# fmt: on


@pytest.mark.parametrize("read, joined", SPACED_LETTERS)
def test_letters_set_apart_are_joined_into_syllables(rules, read, joined):
    assert normalise.join_spaced_letters(read, rules.syllables, rules.ingest.spaced_letters) == joined


@pytest.mark.parametrize("text", NOT_SPACED)
def test_words_and_labels_of_one_letter_stay_apart(rules, text):
    assert normalise.join_spaced_letters(text, rules.syllables, rules.ingest.spaced_letters) == text


def _lines(*texts):
    return [Line(t) for t in texts]


def test_join_paragraphs_double_spaced_pdf_text():
    # seed 000: PDF text pasted with a blank line after every line
    lines = _lines("Thực hiện Kế hoạch số 105/KH-PGDĐT ngày 13/8/2020 của Sở Giáo dục", "",
                   "và Đào tạo về việc tổ chức thực hiện công tác truyền thông năm 2020.", "",
                   "I. MỤC ĐÍCH, YÊU CẦU", "", "1. Mục đích", "",
                   "- Thành lập tổ truyền thông, hàng tháng xây dựng 01 bài viết;", "",
                   "giới thiệu cá nhân, tập thể điển hình cho các cấp.", "",
                   "- Lựa chọn cá nhân điển hình tiên tiến.", "")
    joined = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert joined == [
        "Thực hiện Kế hoạch số 105/KH-PGDĐT ngày 13/8/2020 của Sở Giáo dục và Đào tạo về việc tổ chức "
        "thực hiện công tác truyền thông năm 2020.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Thành lập tổ truyền thông, hàng tháng xây dựng 01 bài viết; "
        "giới thiệu cá nhân, tập thể điển hình cho các cấp.",
        "- Lựa chọn cá nhân điển hình tiên tiến.",
    ]


def test_blank_line_ends_a_paragraph_in_ordinary_text():
    lines = _lines("Đoạn thứ nhất chưa có dấu chấm", "", "và đây là đoạn thứ hai.", "Dòng ba.", "Dòng bốn.",
                   "Dòng năm.", "Dòng sáu.", "Dòng bảy.")
    joined = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert joined[0] == "Đoạn thứ nhất chưa có dấu chấm"
    assert joined[1] == "và đây là đoạn thứ hai."


@pytest.mark.parametrize("first, second, joined", [
    # a line ending in a word that never ends a sentence goes on below, however short
    ("Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của", "Chính phủ quy định chức năng;", True),
    ("Giao Sở Giáo dục và", "Đào tạo chủ trì.", True),
    # a short line ending in an ordinary word is a line of its own
    ("Căn cứ tình hình thực tế", "Phòng Giáo dục xây dựng kế hoạch.", False),
    # 'số:' at the end of a line, the document number on the next: one citation
    ("Căn cứ thông báo kết quả xét tuyển vào lớp 10 số:", "2647/TB-SGDĐT của Sở GDĐT An Giang ngày 07/7/2023;", True),
    # ... but not a numbered item after a count
    ("Tổng số:", "2. Nội dung thực hiện.", False),
    # a dash before a small letter is a name wrapped at its hyphen, not a list item (KH
    # 2144/KH-UBND Vũng Tàu); after a colon it starts the list
    ("7. Đề nghị Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị", "- xã hội Thành phố:", True),
    ("Các đơn vị thực hiện các nội dung sau:", "- rà soát hồ sơ;", False),
    # an article named after 'tại' is what the sentence refers to, no article heading (CV 193/UBND-KT
    # Lào Cai; QĐ 70/2024/QĐ-UBND Hà Nội); after a stop it heads an article
    ("k) Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại",
     "Điều 17 Thông tư số 23/2024/TT-BCT ngày 07/11/2024 của Bộ Công Thương.", True),
    ("Quyết định này có hiệu lực kể từ ngày ký.", "Điều 3. Chánh Văn phòng, Giám đốc các Sở.", False),
    # the day of a meeting opens the account of it (TB 565/TB-UBND Quảng Ngãi)
    ("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ",
     "Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.", False),
])
def test_short_line_with_an_open_end_continues(first, second, joined):
    lines = _lines(first, second, *(["Một dòng đầy đủ chiều rộng của trang văn bản kết thúc ở đây."] * 5))
    out = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert (out[0] == f"{first} {second}") is joined


@pytest.mark.parametrize("first, second, joined", [
    # a date wrapped after 'tháng', a speck read as a stop (the scanned KH 852/KH-SYT TP.HCM)
    ("b. Chủ động kiểm tra các văn bản ban hành từ ngày 01 tháng 01 năm 2021 đến ngày 31 tháng.",
     "12 năm 2021 về lĩnh vực Y tế dự phòng.",
     "b. Chủ động kiểm tra các văn bản ban hành từ ngày 01 tháng 01 năm 2021 đến ngày 31 tháng 12 năm 2021"
     " về lĩnh vực Y tế dự phòng."),
    # a numbered item after a sentence ending in a month is no date going on
    ("Hoàn thành trong tháng.", "12. Tổ chức sơ kết.", None),
])
def test_a_date_cut_by_the_line_is_one_date(first, second, joined):
    lines = _lines(first, second, *(["Một dòng đầy đủ chiều rộng của trang văn bản kết thúc ở đây."] * 5))
    out = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert out[0] == (joined or first)


def _at(text: str, right: float, top: float) -> Line:
    """A printed line of a page, from the left margin to `right`, at `top`."""
    return Line(text, bbox=(85.0, top, right, top + 12))


# lines that run to the margin, below the lines a test lays out: they set the page's wrap width
_FULL_WIDTH = [_at("Một dòng đầy đủ chiều rộng của trang văn bản", 510.0, 700.0 + 14 * i) for i in range(5)]


def test_a_paragraph_is_wrapped_where_its_last_printed_line_reaches_the_margin():
    """A heading over two lines, the first full and the second short, then its paragraph: the
    paragraph begins a line of its own (TB 1638/TB-SGDĐT Hà Nội: '3. Về việc kiểm tra định kì ...'
    / '... chưa hoàn thành kiểm tra định kì' / 'Khi học sinh được phép trở lại trường học, ...');
    while a paragraph whose last line runs to the margin goes on below."""
    lines = [_at("3. Về việc kiểm tra định kì các cấp học đối với cơ sở giáo dục có các khối lớp", 508.0, 100.0),
             _at("chưa hoàn thành kiểm tra định kì", 260.0, 114.0),
             _at("Khi học sinh được phép trở lại trường học, các cơ sở giáo dục tổ chức cho học sinh", 509.0, 128.0),
             _at("Ôn tập, thực hiện kiểm tra định kì.", 300.0, 142.0), *_FULL_WIDTH]
    out = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert out[:2] == [
        "3. Về việc kiểm tra định kì các cấp học đối với cơ sở giáo dục có các khối lớp chưa hoàn thành kiểm tra "
        "định kì",
        "Khi học sinh được phép trở lại trường học, các cơ sở giáo dục tổ chức cho học sinh Ôn tập, thực hiện kiểm "
        "tra định kì."]


def test_a_list_of_names_parted_by_semicolons_runs_on_past_the_margin():
    """'- Phụ trách các đơn vị: Chi cục Thủy lợi; Trung tâm Nước sạch nông thôn;' reaching the
    margin goes on with the names of the next line (QĐ 899/QĐ-SNNMT Gia Lai); a short item ending
    with ';' does not."""
    lines = [_at("- Phụ trách các đơn vị: Chi cục Thủy lợi; Trung tâm Nước sạch nông thôn;", 509.0, 100.0),
             _at("Phòng Tài nguyên nước; Ban Quản lý dự án.", 300.0, 114.0),
             _at("- Phụ trách các đơn vị: Chi cục Kiểm lâm; Trung tâm Giống;", 300.0, 128.0),
             _at("Tham gia các Ban chỉ đạo.", 200.0, 142.0), *_FULL_WIDTH]
    out = [ln.text for ln in normalise.join_paragraphs(lines)]
    assert out[:3] == ["- Phụ trách các đơn vị: Chi cục Thủy lợi; Trung tâm Nước sạch nông thôn; Phòng Tài nguyên "
                       "nước; Ban Quản lý dự án.", "- Phụ trách các đơn vị: Chi cục Kiểm lâm; Trung tâm Giống;",
                       "Tham gia các Ban chỉ đạo."]


def test_split_columns_keeps_header_columns_apart():
    raw = [
        "UBND HUYỆN NAM ĐÀN                            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO                             Độc lập - Tự do - Hạnh phúc",
        "Số: 178/KH-PGDĐT                                Nam Đàn, ngày 03 tháng 10 năm 2024",
        "",
        "                                      KẾ HOẠCH",
        "Thực hiện Kế hoạch số 2156/KH-SGDĐT ngày 27/9/2024 của Sở Giáo dục và Đào tạo Nghệ An về phòng chống",
    ]
    rows = normalise.text_rows(raw)
    lines = normalise.split_columns(rows, 84, page=1, first_page=True)
    assert [(ln.block, ln.text) for ln in lines[:6]] == [
        ("header-left", "UBND HUYỆN NAM ĐÀN"),
        ("header-left", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
        ("header-left", "Số: 178/KH-PGDĐT"),
        ("header-right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("header-right", "Độc lập - Tự do - Hạnh phúc"),
        ("header-right", "Nam Đàn, ngày 03 tháng 10 năm 2024"),
    ]
    assert lines[-1].block == "body" and lines[-2].text == "KẾ HOẠCH"


def test_split_columns_footer_with_signature():
    raw = [
        "Nơi nhận:                                      KT. GIÁM ĐỐC",
        "- Như trên;                                    PHÓ GIÁM ĐỐC",
        "- Lưu: VT, GDTH.",
        "",
        "                                               Phạm Xuân Bình",
    ]
    lines = normalise.split_columns(normalise.text_rows(raw), 70, page=2, first_page=False)
    assert [ln.block for ln in lines] == ["footer-left"] * 3 + ["footer-right"] * 3
    assert lines[-1].text == "Phạm Xuân Bình"


def _row(*segments: tuple[float, float, str], top: float = 0.0) -> normalise.Row:
    return normalise.Row(tuple(normalise.Segment(a, b, t) for a, b, t in segments), top, top + 12)


def test_footer_band_keeps_a_long_item_apart_from_the_signer_beside_it():
    # a Nơi nhận item running to its column's edge, 8 pt from the signer's widest line:
    # no gap wide enough to split on, yet nothing crosses the right column's start
    rows = [
        _row((85, 137, "Nơi nhận:"), (352, 513, "TM. ỦY BAN NHÂN DÂN"), top=370),
        _row((85, 152, "- Như Điều 3;"), (384, 481, "KT. CHỦ TỊCH"), top=396),
        _row((85, 344, "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La;"), (352, 513, "PHÓ CHỦ TỊCH HĐND"), top=422),
        _row((85, 204, "- Lưu: VT, NC."), (385, 480, "Đặng Ngọc Hậu"), top=448),
    ]
    lines = normalise.split_columns(rows, 612, page=2, first_page=False)
    assert [(ln.block, ln.text) for ln in lines] == [
        ("footer-left", "Nơi nhận:"), ("footer-left", "- Như Điều 3;"),
        ("footer-left", "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La;"), ("footer-left", "- Lưu: VT, NC."),
        ("footer-right", "TM. ỦY BAN NHÂN DÂN"), ("footer-right", "KT. CHỦ TỊCH"),
        ("footer-right", "PHÓ CHỦ TỊCH HĐND"), ("footer-right", "Đặng Ngọc Hậu"),
    ]


def test_a_footer_table_broken_across_pages_goes_on_column_by_column():
    first = normalise.split_columns([
        _row((85, 137, "Nơi nhận:"), (352, 513, "TM. ỦY BAN NHÂN DÂN"), top=700),
        _row((85, 152, "- Như Điều 3;"), (384, 481, "KT. CHỦ TỊCH"), top=726),
    ], 612, page=1, first_page=False)
    cut = normalise.open_footer_cut(first)
    assert cut is not None and 152 < cut < 352
    # the next page: the rest of the list, the name on the row of its second item, then an
    # appendix title that spans the page and ends the table
    second = normalise.split_columns([
        _row((85, 283, "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;"), top=71),
        _row((85, 255, "- Các sở, ban, ngành;"), (385, 480, "Đặng Ngọc Hậu"), top=97),
        _row((85, 204, "- Lưu: VT, NC."), top=123),
        _row((200, 420, "PHỤ LỤC KẾ HOẠCH CHI TIẾT"), top=200),
    ], 612, page=2, first_page=False, footer_cut=cut)
    assert [(ln.block, ln.text) for ln in second] == [
        ("footer-left", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;"), ("footer-left", "- Các sở, ban, ngành;"),
        ("footer-left", "- Lưu: VT, NC."), ("footer-right", "Đặng Ngọc Hậu"),
        ("body", "PHỤ LỤC KẾ HOẠCH CHI TIẾT"),
    ]
    assert normalise.open_footer_cut(second) is None  # the page ends in the body


def test_table_rows_are_not_columns():
    raw = ["TT     Nội dung        Thời gian      Đơn vị thực hiện", "1      Tập huấn        Tháng 9        Phòng GDĐT"]
    lines = normalise.split_columns(normalise.text_rows(raw), 60, page=1, first_page=True)
    assert [ln.block for ln in lines] == ["body", "body"]


@pytest.mark.parametrize("cells,kind", [
    (["ỦY BAN NHÂN DÂN TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "header"),
    (["Nơi nhận:", "KT. GIÁM ĐỐC"], "footer"),
    (["Các UBND xã (để báo cáo);", "HIỆU TRƯƠNG"], "footer"),      # OCR lost 'Nơi nhận' and a tone
    (["KỎ by", "Kf.BỌ TRƯỞNG", "- Lưu: VT, KHTC."], "footer"),
    (["Các trường (để t/h);", "- Lưu VT, KHTC."], "footer"),             # OCR lost the colon
    (["Tuần 3", "24/11/2025", "Lưu ý:", "05/12/2025"], None),               # a note in a schedule table
    (["TT", "Nội dung"], None),
])
def test_layout_table_kind(cells, kind):
    assert normalise.layout_table_kind(cells, first=False) == kind


@pytest.mark.parametrize("read, repaired", [
    ("Căn cứ Nghị định số 1 18/2025/NĐ-CP ngày 09 tháng 6 năm 2025",
     "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025"),
    ("Căn cứ Luát Giáo dục đại học số 08/201 2/QHI3 được sửa đổi",
     "Căn cứ Luát Giáo dục đại học số 08/2012/QH13 được sửa đổi"),
    ("tại Luật số 34/2018/QHl4;", "tại Luật số 34/2018/QH14;"),
    # dates and list numbers keep their spaces
    ("ngày 1 18/2025 và Điều 1. Ban hành", "ngày 1 18/2025 và Điều 1. Ban hành"),
])
def test_ocr_repairs_of_document_numbers(rules, read, repaired):
    assert normalise.repair(read, rules.ingest.ocr_repairs) == repaired


@pytest.mark.parametrize("raw, clean", [
    # a symbol font's bullet (KH 46/KH-KHMT VKU) and a drawn one open a list item
    ("\uf0d8 Quy định chung", "• Quy định chung"),
    ("\uf0b7 Sinh viên phải thực hiện đầy đủ các nhiệm vụ.", "- Sinh viên phải thực hiện đầy đủ các nhiệm vụ."),
    ("\uf0a7 Giới thiệu về đơn vị.", "+ Giới thiệu về đơn vị."),
    ("\u25aaKhoa thông báo danh sách.", "+ Khoa thông báo danh sách."),
    ("Sở GDĐT hướng dẫn.", "Sở GDĐT hướng dẫn."),
    # a scanner's specks before the mark of an item (CV 3456/BGDĐT-GDPT, QĐ 707/QĐ-TTg, QĐ 2646/QĐ-BGDĐT)
    ("_ . - Nâng cao nhận thức: Các cơ sở giáo dục cần", "- Nâng cao nhận thức: Các cơ sở giáo dục cần"),
    (".. +Chỉ đạo các cơ sở giáo dục xây dựng", "+Chỉ đạo các cơ sở giáo dục xây dựng"),
    ("__- Địa điểm trụ sở: Tầng 6", "- Địa điểm trụ sở: Tầng 6"),
    ("_+ Hướng dẫn việc thực hiện", "+ Hướng dẫn việc thực hiện"),
    # an ellipsis, a word or a number before the dash is text
    ("... - Tổ chức", "... - Tổ chức"),
    ("2 - Kế hoạch bài dạy", "2 - Kế hoạch bài dạy"),
    ("_ - các trường", "_ - các trường"),
])
def test_a_drawn_bullet_reads_as_a_list_mark(raw, clean):
    assert normalise.clean_line(raw) == clean


def test_a_list_of_documents_wrapped_before_its_number_is_one_paragraph():
    """A line that opens 'số 6332/...' in small letters goes on with the list above it; only a
    capital 'Số' opens the header's number line (CV 397/UBND Phường 1 Vũng Tàu)."""
    lines = [Line("(Đính kèm: Công văn số 6053/VPCP-KSTT ngày 08/8/2023 và Công văn", 1, "body"),
             Line("số 6332/VPCP-KSTT ngày 06/9/2024 của Văn phòng Chính phủ)", 1, "body")]
    assert [ln.text for ln in normalise.join_paragraphs(lines)] == [
        "(Đính kèm: Công văn số 6053/VPCP-KSTT ngày 08/8/2023 và Công văn số 6332/VPCP-KSTT ngày 06/9/2024"
        " của Văn phòng Chính phủ)"]
