"""Extraction: table tests for each rule family, golden records for whole documents,
and the failure modes of the spec (a missing header gives None and a warning)."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from pipeline import evaluate
from pipeline.document import Document, Line, Page
from pipeline.extract import _plan_year, extract_record
from pipeline.extract.base import Lines
from pipeline.extract.citations import extract_citations
from pipeline.extract.deadlines import find_deadline
from pipeline.extract.header import extract_header, issuer_code, normalise_number
from pipeline.normalise import join_paragraphs
from pipeline.record import Signature
from tests.conftest import GOLD_DOCS, SAMPLES, read_cached

EXPECTED = SAMPLES / "expected"
REWRITE = os.environ.get("VANBAN_REWRITE_GOLDEN") == "1"


def _doc(*texts: str, blocks: tuple[str, ...] = (), ocr: bool = False) -> Document:
    lines = tuple(Line(t, 1, blocks[i] if i < len(blocks) else "body") for i, t in enumerate(texts))
    return Document(path="t.txt", sha256="0" * 64, format="txt", pages=(Page(1, lines, ocr=ocr),))


# fmt: off
NUMBERS = [
    ("Số: 1008/KH-SGDĐT", "1008/KH-SGDĐT", "SGDĐT"),
    ("Số: 292 /KH-SGDĐT", "292/KH-SGDĐT", "SGDĐT"),
    # the Quốc hội and its Ủy ban Thường vụ print the type before 'số' (NQ 105/2025/UBTVQH15)
    ("Nghị quyết số: 105/2025/UBTVQH15", "105/2025/UBTVQH15", "UBTVQH15"),
    ("Số: 4 4 2 4 /SGDĐT-CTTT", "4424/SGDĐT-CTTT", "SGDĐT"),  # digits spaced by the text layer (CV 4424 Hà Nội)
    ("S ố : 3 2 6 / Q Đ - U B N D", "326/QĐ-UBND", "UBND"),  # every character set apart (QĐ 326/QĐ-UBND Gia Lai)
    ("Số: 7991/BGDĐT-GDTrH", "7991/BGDĐT-GDTrH", "BGDĐT"),
    ("Số: 09/2017/NĐ-CP", "09/2017/NĐ-CP", "CP"),
    ("Số: 29-NQ/TW", "29-NQ/TW", "TW"),
    ("Số: 211/TB-THPT.UVK", "211/TB-THPT.UVK", "THPT.UVK"),
    # drafted by two departments: the second code after a comma (CV 998 of Sở GD&ĐT Bắc Giang)
    ("Số: 998 /SGDĐT-GDTrH, GDTX", "998/SGDĐT-GDTrH,GDTX", "SGDĐT"),
    ("Số: 96/KH-PGD&ĐT", "96/KH-PGD&ĐT", "PGD&ĐT"),
    ("Só2624 /QĐ-BGDĐT", "2624/QĐ-BGDĐT", "BGDĐT"),
    ("Số: 3354/VPCP-KGVX V/v ban hành Thông tư", "3354/VPCP-KGVX", "VPCP"),
]
DATES = [
    ("Kiên Giang, ngày 06 tháng 7 năm 2022", "Kiên Giang", "2022-07-06"),
    # a day and month written by hand that OCR reads as any marks: the place is still read (the scans of QĐ
    # 209/QĐ-UBND Bạc Liêu and QĐ 237/QĐ-UBND Quảng Ngãi)
    ("Bạc Liêu, ngày tháng 0ÿ năm 2025", "Bạc Liêu", None),
    ("Quảng Ngãi, ngày“†T tháng 02 năm 2025", "Quảng Ngãi", None),
    ("Hà Nội ngàyl6 tháng 9 năm 2025", "Hà Nội", "2025-09-16"),
    ("Hà Nội, này24_ tháng9_ năm 2025", "Hà Nội", "2025-09-24"),   # OCR drops the g of ngày
    ("Hà Nội, ngày 03 tháng10năm 2025", "Hà Nội", "2025-10-03"),
    ("Thành phố Hồ Chí Minh, ngày 5 tháng 9 năm 2023", "Thành phố Hồ Chí Minh", "2023-09-05"),
    ("Sơn La, ngày ... tháng 7 năm 2022", "Sơn La", None),
    # a place joined by a hyphen (QĐ 1126/QĐ-SGDĐT); no 'ngày' before a stamped day (CV 1357/PGDĐT-THCS)
    ("Bà Rịa-Vũng Tàu, ngày 08 tháng 10 năm 2024", "Bà Rịa-Vũng Tàu", "2024-10-08"),
    ("Long Điền, 03 tháng 10 năm 2024", "Long Điền", "2024-10-03"),
    ("Hà Nội, ngày 31 tháng 02 năm 2024", "Hà Nội", None),
    # a day of one stroke is a mark under a handwritten day, not a 1 (KH 106/KH-ĐHCĐ scanned); two
    # strokes still read as a day (the scanned decisions of the Bộ GDĐT: 'ngày |] tháng 9')
    ("Hà Nội, ngày | tháng 8 năm 2026", "Hà Nội", None),
    ("Hà Nội, ngày |] tháng 9 năm 2025", "Hà Nội", "2025-09-11"),
    ("Hà Nội, ngày 1 tháng 9 năm 2025", "Hà Nội", "2025-09-01"),
    # a header copied flat, the date line between the number and the type (QĐ 435/QĐ-UBND Kon
    # Tum as thuvienphapluat.vn prints it); the columns of a header not split
    ("Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH", "Kon Tum", "2020-05-04"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Nội, ngày 28 tháng 8 năm 2025", "Hà Nội", "2025-08-28"),
]
DEADLINES = [
    ("gửi về Sở trước ngày 15/10/2022", "2022-07-06", None, "2022-10-15"),
    # a span that ends in a quarter of another year (KH 16/KH-MTTQ-BTT xã Lương Minh; QĐ 2463/QĐ-UBND Lào Cai)
    ("Thời gian hoàn thành: Quý IV/2025 và Quý I/2026", "2025-11-18", "2025-10-01", "2026-03-31"),
    ("Thời gian hoàn thành: Từ tháng 12/2025 đến quý I/2026", "2025-11-18", "2025-12-01", "2026-03-31"),
    ("Từ Quý III/2026 đến Quý II/2027", "2025-11-18", "2026-07-01", "2027-06-30"),
    # from a month on, with no end (KH of UBND thị xã Bỉm Sơn on state secrets, 2024)
    ("Thời gian thực hiện: thường xuyên từ tháng 6/2024.", "2024-05-20", "2024-06-01", None),
    # a day of the next year, a month of every year (KH CCHC 2026-2030 of UBND Lâm Đồng); a
    # final day after what it closes (KH 145/KH-THCSTT Lai Vung)
    ("Trước ngày 31/01 năm liền kề", "2025-12-01", None, "2026-01-31"),
    ("Ban hành kế hoạch trong tháng 01 hằng năm", "2026-03-01", "2027-01-01", "2027-01-31"),
    ("báo cáo kết quả chậm nhất trong tháng 9 hằng năm", "2026-03-01", None, "2026-09-30"),
    ("Học sinh đóng tiền hạn chót đợt này ngày 25/10/2021", "2021-09-20", None, "2021-10-25"),
    # the opening day of the school year (rules/calendar.json; CV 2703/SGDĐT-VP Hà Nội)
    ("Tổ chức tổng vệ sinh môi trường trước ngày khai giảng năm học mới.", "2020-08-25", None, "2020-09-05"),
    ("Hoàn thành sửa chữa phòng học trước Lễ khai giảng", "2020-10-01", None, "2021-09-05"),
    # as real documents write them (issue 14): capitals opening a sentence or a table cell,
    # quarters in digits, the end of a calendar year, from a school year on, two dates with a dash
    ("Trước ngày 30 tháng 6 hằng năm, cơ quan, đơn vị lập danh mục", "2025-01-17", None, "2025-06-30"),
    ("Trước 20/12/2025", "2025-10-10", None, "2025-12-20"),
    ("Tháng 12/2025", "2025-10-10", "2025-12-01", "2025-12-31"),
    ("hoàn thành trong quý 2/2025", "2025-01-10", "2025-04-01", "2025-06-30"),
    ("Quý III/2025 và các năm tiếp theo", "2025-01-10", "2025-07-01", "2025-09-30"),
    ("hoàn thành cuối năm 2025", "2025-01-10", None, "2025-12-31"),
    ("áp dụng từ năm học 2026-2027", "2025-10-10", "2026-09-01", None),
    ("bán vé trong dịp nghỉ lễ 30/04-01/5/2019", "2019-04-17", "2019-04-30", "2019-05-01"),
    ("hoàn thành chậm nhất ngày 10/10", "2024-10-03", None, "2024-10-10"),
    ("triển khai thực hiện quý II, III", "2022-07-06", "2022-04-01", "2022-09-30"),
    ("kiểm tra trong quý I/2025", "2024-09-27", "2025-01-01", "2025-03-31"),
    ("trong tháng 02/2025", "2024-10-03", "2025-02-01", "2025-02-28"),
    ("hoàn thành trong tháng 11", "2025-08-15", "2025-11-01", "2025-11-30"),  # the year left unwritten: the document's
    ("báo cáo tổng kết cuối năm học 2024-2025", "2024-10-15", None, "2025-05-31"),  # the end of a named school year
    ("trong học kỳ I năm học 2024-2025", "2024-10-04", "2024-09-01", "2025-01-18"),
    ("triển khai thực hiện từ học kì 2", "2024-12-17", "2025-01-19", "2025-05-31"),
    ("học kỳ I năm học 2022-2023", "2022-09-05", "2022-09-01", "2023-01-15"),
    ("trước khi kết thúc năm học", "2024-09-27", None, "2025-05-31"),
    ("trong năm học 2022-2023", "2022-08-20", "2022-09-01", "2023-05-31"),
    ("trong năm 2019 Bộ sẽ tổng kết", "2018-12-03", "2019-01-01", "2019-12-31"),
    ("định kỳ trước ngày 25 hằng tháng", "2024-09-27", None, "2024-10-25"),
    ("trước ngày 30 tháng 6 hàng năm", "2024-09-27", None, "2025-06-30"),
    ("từ ngày 10/07/2023 đến hết ngày 25/07/2023", "2023-07-10", "2023-07-10", "2023-07-25"),
    ("(từ ngày 01 tháng 6 năm 2025 đến ngày 15 tháng 8 năm 2025)", "2024-10-04", "2025-06-01", "2025-08-15"),
    ("báo cáo bằng văn bản trong vòng 24 giờ", "2024-09-27", None, None),
    # the hour before the day, 'là' after 'chậm nhất', a day of the month after the period,
    # a month due by its end, a school year left unnamed, a bare year in a time column, from a
    # year on (CV 459/PGD&ĐT Hiệp Hòa; KH CCHC 2026 and 2026-2030 of UBND Lâm Đồng; QĐ
    # 70/2024/QĐ-UBND Hà Nội; KH 20/KH-PGD&ĐT Hiệp Hòa)
    ("Chậm nhất trước 10 giờ 30 phút, ngày 26 tháng 10 năm 2020", "2020-10-12", None, "2020-10-26"),
    ("trước 17h00 ngày 15/11/2025", "2025-11-01", None, "2025-11-15"),
    ("chậm nhất là ngày 15/01/2026", "2025-12-20", None, "2026-01-15"),
    ("trước ngày 02 của tháng tiếp theo sau tháng kỳ báo cáo", "2024-12-20", None, "2025-01-02"),
    ("chậm nhất trong tháng 9/2026", "2026-01-10", None, "2026-09-30"),
    # months of one year, half of a year as the time of the work, the first or last week of a
    # month, 'hạn cuối' / 'hạn nộp' as 'hạn chót' (time columns of school and Phòng plans)
    ("Thời gian: tháng 11, 12/2025", "2025-09-15", "2025-11-01", "2025-12-31"),
    ("trong tháng 9, 10, 11 năm 2025", "2025-09-05", "2025-09-01", "2025-11-30"),
    ("Tổ chức hội thi trong 6 tháng đầu năm 2026", "2025-12-01", "2026-01-01", "2026-06-30"),
    ("nộp sản phẩm trong tuần đầu tháng 10", "2025-09-15", "2025-10-01", "2025-10-07"),
    ("tổng kết vào tuần cuối tháng 12/2025", "2025-09-15", "2025-12-25", "2025-12-31"),
    ("hạn cuối 25/9/2025", "2025-09-15", None, "2025-09-25"),
    # a span of months each with its year, across a year's end; a third of a month (the steps of
    # KH 2198/KH-UBND Bình Thuận; KH of UBND Bỉm Sơn on state secrets)
    ("Thời gian thực hiện hoàn thành: Từ tháng 10/2023 đến tháng 12/2023", "2023-06-01", "2023-10-01",
     "2023-12-31"),
    ("Tháng 01/2024 đến tháng 02/2024", "2023-06-01", "2024-01-01", "2024-02-29"),
    ("Từ cuối tháng 6/2023 đến tháng 9/2023", "2023-06-01", "2023-06-21", "2023-09-30"),
    ("từ tháng 11/2025 đến hết tháng 02/2026", "2025-10-01", "2025-11-01", "2026-02-28"),
    # a span of years, named as years or alone in a table's cell (KH 141/KH-UBND Tuyên Quang; the
    # Phụ lục of KH 289/KH-UBND Gia Lai)
    ("Từ năm 2023 đến năm 2025.", "2023-05-01", "2023-01-01", "2025-12-31"),
    ("Hằng năm (từ năm 2023 đến năm 2030).", "2023-05-01", "2023-01-01", "2030-12-31"),
    ("2026-2030", "2026-07-20", "2026-01-01", "2030-12-31"),
    ("Đầu tháng 6/2023", "2023-05-20", "2023-06-01", "2023-06-10"),
    # a time cell of a month with its year (the Phụ lục of QĐ 707/QĐ-TTg); quarters joined by 'và'
    # (QĐ 173/QĐ-BTP); a span from a day to a year's end (KH 173/KH-UBND Hà Nội)
    ("12/2027", "2026-04-22", "2027-12-01", "2027-12-31"),
    ("Quý II và III/2015", "2015-03-01", "2015-04-01", "2015-09-30"),
    ("Hoạt động triển lãm từ ngày 11/9 đến hết năm 2026.", "2026-05-01", "2026-09-11", "2026-12-31"),
    # a recurring day: its first occurrence on or after the document's day (CT 21/CT-TTg, a
    # Wednesday; TB 173/TB-SGDĐT Hà Giang, a Tuesday whose month's first Monday has passed; CT
    # 11/CT-UBND Hà Nội)
    ("báo cáo Thủ tướng Chính phủ vào thứ Sáu hàng tuần", "2026-05-20", None, "2026-05-22"),
    ("Định kỳ thứ Hai hàng tuần tổng hợp tình hình", "2026-05-20", None, "2026-05-25"),
    ("thứ 4 hằng tuần", "2026-05-20", None, "2026-05-20"),
    ("tiếp công dân vào ngày Thứ hai, tuần 1 hàng tháng", "2020-03-03", None, "2020-04-06"),
    ("thứ Sáu tuần cuối hằng tháng", "2020-03-03", None, "2020-03-27"),
    ("tiếp công dân thứ Hai hằng tháng", "2020-03-03", None, None),  # no week named: no day to date
    ("gửi báo cáo về UBND Thành phố trước 17h00 hằng ngày.", "2025-07-24", None, "2025-07-24"),
    ("cuối tháng 6/2023", "2023-05-20", "2023-06-21", "2023-06-30"),
    # a range whose first day carries its year too (TB 03/TB-ĐTĐH UIT)
    ("31/03/2014 – 04/04/2014", "2014-03-10", "2014-03-31", "2014-04-04"),
    # a window of days in every month, the next one still open (TB 363/TB-ĐHDT Duy Tân)
    ("gởi biên bản từ ngày 25 đến 30 hàng tháng", "2008-12-06", "2008-12-25", "2008-12-30"),
    ("gởi cho phòng Thanh tra từ ngày 01 đến 03 mỗi tháng", "2008-12-06", "2009-01-01", "2009-01-03"),
    ("Trong năm học Phòng GDĐT sẽ thành lập các đoàn kiểm tra", "2020-10-07", "2020-09-01", "2021-05-31"),
    ("Năm 2026", "2026-01-10", "2026-01-01", "2026-12-31"),
    # a time field saying the work runs all year is the document's year (KH 852/KH-SYT TP.HCM)
    ("Cả năm", "2021-03-15", "2021-01-01", "2021-12-31"),
    ("Bắt đầu thực hiện từ năm 2026", "2026-01-10", "2026-01-01", None),
    ("Thời gian hoàn thành trong quí I/2023", "2023-03-06", "2023-01-01", "2023-03-31"),  # the older spelling
]
NO_DEADLINE = [
    "lần thứ hai, các đơn vị hằng tuần báo cáo",  # an ordinal is no day of the week
    # the half year a report covers is not when it is due
    "báo cáo sơ kết 6 tháng đầu năm 2026",
    "Xây dựng Kế hoạch cải cách hành chính năm 2026",  # a year inside a name
    "tổ chức trong năm học tới",  # the next school year, not this one
]
CITATIONS = [
    # 'cùa' is 'của' mistyped; 'ngày' glued to TTg (QĐ 2442/QĐ-ĐHAG)
    ("Thực hiện theo Quyết định số 174/2008/QĐ-TTgngày 31/12/2008 cùa Thủ tướng Chính phủ ban hành Quy định.",
     "174/2008/QĐ-TTg", "2008-12-31", "Thủ tướng Chính phủ", "Quyết định"),
    # a known body written in small letters is named whole, its place after it (rules/citations.json
    # known_bodies: KH 145/KH-THCSTT Lai Vung, KH 168/KH-THCS Tân Thành)
    ("Căn cứ Thông tư số 61/2017/TT-BTC ngày 15/6/2017 của Bộ tài chính hướng dẫn về công khai ngân sách.",
     "61/2017/TT-BTC", "2017-06-15", "Bộ tài chính", "Thông tư"),
    ("Căn cứ Công văn số 3024/SGDĐT-GDTrH-GDTX ngày 10/9/2021 của Sở giáo dục và Đào tạo Vĩnh Long về việc kiểm tra.",
     "3024/SGDĐT-GDTrH-GDTX", "2021-09-10", "Sở giáo dục và Đào tạo Vĩnh Long", "Công văn"),
    # a title word right after the kind of a body is its name, and 'số' before a word is no
    # number (KH 07-KH/BTC Sơn La; KH 4644/KH-SGDĐT 'của Ban Tổ chức cuộc thi Quốc gia')
    ("Kế hoạch số 10-KH/BCĐ ngày 22/4/2023 của Ban Chỉ đạo Chuyển đổi số tỉnh Sơn La về việc tổ chức Cuộc thi;",
     "10-KH/BCĐ", "2023-04-22", "Ban Chỉ đạo Chuyển đổi số tỉnh Sơn La", "Kế hoạch"),
    ("Thực hiện Công văn số 12/BTC ngày 02/3/2024 của Ban Tổ chức cuộc thi Quốc gia hướng dẫn đăng ký dự thi;",
     "12/BTC", "2024-03-02", "Ban Tổ chức cuộc thi Quốc gia", "Công văn"),
    ("Thực hiện Quyết định số 33/QĐ-TTg ngày 08 tháng 01 năm 2019 của Thủ tướng Chính phủ phê duyệt đề án;",
     "33/QĐ-TTg", "2019-01-08", "Thủ tướng Chính phủ", "Quyết định"),
    ("Căn cứ Nghị định số 26/2020/NĐ-CP ngày 28 tháng 02 năm 2020 của Chính phủ Quy định chi tiết;",
     "26/2020/NĐ-CP", "2020-02-28", "Chính phủ", "Nghị định"),
    ("Thực hiện Kế hoạch số 105/KH-PGDĐT ngày 13/8/2020 của Sở Giáo dục và Đào tạo về việc tổ chức",
     "105/KH-PGDĐT", "2020-08-13", "Sở Giáo dục và Đào tạo", "Kế hoạch"),
    ("Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 02/TTr-CAT- ANCTNB ngày 03 tháng 02 năm 2023.",
     "02/TTr-CAT-ANCTNB", "2023-02-03", "Giám đốc Công an tỉnh", "Tờ trình"),
    # a Party body's conclusion is cited by number as its resolutions are (KH 70/KH-UBND Cần Thơ)
    ("Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận;",
     "114-KL/TW", "2015-07-14", "Ban Bí thư", "Kết luận"),
    ("Ngày 12/3/2012, Văn phòng Chính phủ đã có văn bản số 87/TB-VPCP thông báo kết luận",
     "87/TB-VPCP", "2012-03-12", "Văn phòng Chính phủ", "Thông báo"),
    ("theo Nghị định số 80/2017/NĐ-CP.", "80/2017/NĐ-CP", None, None, "Nghị định"),
    ("Kinh phí theo Quyết định số 2566/QĐ-UBND ngày 20/12/2022 của UBND tỉnh và các nguồn kinh phí",
     "2566/QĐ-UBND", "2022-12-20", "UBND tỉnh", "Quyết định"),
    # OCR reads 'số' as 'sô' and 'Luật' as 'Luát'
    ("Căn cứ Luát Giáo dục đại học sô 08/2012/QH13 được sửa đổi", "08/2012/QH13", None, None, "Luật"),
    ("bổ sung một số điều tại Luật sô 34/2018/QH14;", "34/2018/QH14", None, None, "Luật"),
    # a law named in small letters before its number (TB 173/TB-SGDĐT Hà Giang)
    ("Thực hiện Luật tiếp công dân số 42/2013/QH13 ngày 25/11/2013, Luật khiếu nại", "42/2013/QH13", "2013-11-25",
     None, "Luật"),
    # a capitalised title word after a ministry is its field (QĐ 25/2023/QĐ-UBND Thanh Hóa; CV 2826/SCT-CN Lào Cai)
    ("Căn cứ Thông tư số 04/2015/TT-BXD ngày 03 tháng 4 năm 2015 của Bộ trưởng Bộ Xây dựng hướng dẫn thi hành;",
     "04/2015/TT-BXD", "2015-04-03", "Bộ trưởng Bộ Xây dựng", "Thông tư"),
    ("Căn cứ Quyết định số 114/QĐ-TL-NS ngày 13/7/2026 của Cục Quản lý và Xây dựng công trình thủy lợi ban hành;",
     "114/QĐ-TL-NS", "2026-07-13", "Cục Quản lý và Xây dựng", "Quyết định"),
    # two posts one person holds are one issuer (QĐ 179/QĐ-UBND Ninh Thuận; QĐ 705/QĐ-UBND Bà Rịa - Vũng Tàu)
    ("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn;",
     "02/2017/TT-VPCP", "2017-10-31", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Thông tư"),
    # 'của' typed twice is one (QĐ 105/QĐ-UBND Kon Tum)
    ("Căn cứ Thông tư số 30/2024/TT-BGDĐT ngày 30/12/2024 của của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành quy chế;",
     "30/2024/TT-BGDĐT", "2024-12-30", "Bộ trưởng Bộ Giáo dục và Đào tạo", "Thông tư"),
]
# fmt: on

# 'và' before an article of another document ends the issuer and the title (QĐ 179/QĐ-UBND Ninh Thuận)
ARTICLE_OF_THE_NEXT = ("theo quy định tại khoản 4 Điều 36 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ "
                       "và Điều 8 Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Bộ trưởng, Chủ nhiệm Văn phòng "
                       "Chính phủ.")


def test_and_an_article_of_another_document_ends_the_issuer(rules):
    citations, _ = extract_citations(Lines(_doc(ARTICLE_OF_THE_NEXT)), None, 0, set(), rules)
    assert [(c.number, c.issuer, c.title) for c in citations] == [
        ("61/2018/NĐ-CP", "Chính phủ", None),
        ("01/2018/TT-VPCP", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", None)]


@pytest.mark.parametrize("line,number", [
    ("Số:383_ /QĐ-UBND", "383/QĐ-UBND"),  # typed on the blank's line (the scan of QĐ 383/QĐ-UBND Cần Thơ)
    ("Số: ¿02 /QĐĐ-UBND", None),  # a handwritten 209 whose first digit OCR made a glyph (QĐ 209/QĐ-UBND Bạc Liêu)
])
def test_a_number_typed_on_its_blank_is_read_and_one_that_lost_a_digit_is_not(rules, line, number):
    header = extract_header(Lines(_doc(line, ocr=True)), rules)
    assert header.number == number
    assert (number is None) == any(w.startswith("[number] a digit") for w in header.warnings)


@pytest.mark.parametrize("line,number,code", NUMBERS)
def test_number(rules, line, number, code):
    header = extract_header(Lines(_doc(line)), rules)
    assert header.number == number
    assert issuer_code(number, rules) == code


# OCR doubles a letter of the type code; a text layer prints what the issuer typed
# (Trung tâm Thông tin và Chương trình Giáo dục TP.HCM signs 79/TTTT-CTGD, no Thông tư)
@pytest.mark.parametrize("line,ocr,number", [
    ("Số: 2605 /QĐĐ-BGDĐT", True, "2605/QĐ-BGDĐT"),
    ("Số: 2576 /QQĐ-BGDĐT", True, "2576/QĐ-BGDĐT"),
    ("Số: 79 /TTTT-CTGD", False, "79/TTTT-CTGD"),
    ("Số: 2605 /QĐĐ-BGDĐT", False, "2605/QĐĐ-BGDĐT"),
])
def test_doubled_type_code_is_repaired_on_ocr_pages_only(rules, line, ocr, number):
    assert extract_header(Lines(_doc(line, ocr=ocr)), rules).number == number


@pytest.mark.parametrize("line,place,date", DATES)
def test_place_and_date(rules, line, place, date):
    header = extract_header(Lines(_doc("Số: 1/KH-UBND", line)), rules)
    assert header.place == place
    assert header.date == date
    if date is None:
        assert any(w.startswith("[date]") for w in header.warnings)


@pytest.mark.parametrize("text,doc_date,start,end", DEADLINES)
def test_deadline(rules, text, doc_date, start, end):
    deadline = find_deadline(text, doc_date, rules)
    assert deadline is not None
    assert (deadline.start, deadline.end) == (start, end)


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_no_deadline(rules, text):
    assert find_deadline(text, "2025-10-10", rules) is None


@pytest.mark.parametrize("text,number,date,issuer,doc_type", CITATIONS)
def test_citation(rules, text, number, date, issuer, doc_type):
    citations, evidence = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert len(citations) == 1
    c = citations[0]
    assert (c.number, c.date, c.issuer, c.doc_type) == (number, date, issuer, doc_type)
    assert evidence["citations[0]"].text.startswith(c.text[:10])


@pytest.mark.parametrize("lines, number", [
    # a symbol wrapped at its hyphen goes on in the next line (CV 1174/PGDĐT Long Điền; NQ 11/2025/NQ-HĐND
    # Hà Nội)
    (["Thực hiện Quyết định 4365/QĐ-BGDĐT của Bộ GDĐT phê duyệt tài liệu lớp 7; Quyết định 435/QĐ-",
      "BGDĐT ngày 09 tháng 02 năm 2023 của Bộ GDĐT phê duyệt tài liệu lớp 10."], "435/QĐ-BGDĐT"),
    (["Xét Báo cáo thẩm tra số 84/BC-", "KTNS ngày 01 tháng 7 năm 2025 của Ban Kinh tế - Ngân sách;"],
     "84/BC-KTNS"),
    # a department's code after a spaced dash; a sub-department's code in brackets; 'số' typed twice
    # (CV 397/UBND Phường 1 Vũng Tàu; QĐ 33/2025/QĐ-UBND Hà Nội)
    (["(Đính kèm: Công văn 2881/UBND – VP ngày 04/3/2025)"], "2881/UBND-VP"),
    (["Theo đề nghị của Sở Xây dựng tại Tờ trình số 368/TTr-XD(KTXD) ngày 26/12/2024."], "368/TTr-XD(KTXD)"),
    (["(Đính kèm: Công văn số số 6053/VPCP-KSTT ngày 08/8/2023)"], "6053/VPCP-KSTT"),
    # a footnote's mark glued to a number by a signed PDF's text layer (CV 3686/UBND-XD Lào Cai)
    (["Thực hiện Nghị định số 105/2025/NĐ-CP2 của Chính phủ."], "105/2025/NĐ-CP"),
    (["Căn cứ Luật số 42/2024/QH151 của Quốc hội."], "42/2024/QH15"),
    (["Căn cứ Thông tư số 47/2024/TT-BGTVT4 của Bộ Giao thông vận tải."], "47/2024/TT-BGTVT"),
    # 'ngày' typed onto the small g of TTg (QĐ 2442/QĐ-ĐHAG)
    (["Thực hiện theo Quyết định số 174/2008/QĐ-TTgngày 31/12/2008 của Thủ tướng Chính phủ."],
     "174/2008/QĐ-TTg"),
])
def test_a_number_as_typed_is_read_whole(rules, lines, number):
    doc = _doc(*lines)
    page = doc.pages[0]
    doc = replace(doc, pages=(replace(page, lines=tuple(join_paragraphs(page.lines))),))
    citations, _ = extract_citations(Lines(doc), None, 0, set(), rules)
    assert number in [c.number for c in citations]


def test_a_resolution_without_a_date_line_is_dated_the_day_it_was_passed(rules):
    """NQ 105/2025/UBTVQH15 prints no place-and-date line: 'Nghị quyết này được ... thông qua tại
    Phiên họp thứ 49 ngày 26 tháng 9 năm 2025' dates it; the programme's 'thông qua tại Kỳ họp thứ
    nhất' does not."""
    doc = _doc("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Nghị quyết số: 105/2025/UBTVQH15", "NGHỊ QUYẾT",
               "Về Chương trình lập pháp năm 2026",
               "1. Trình Quốc hội xem xét, thông qua tại Kỳ họp thứ nhất (tháng 4/2026) đối với 13 dự án luật.",
               "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua tại Phiên họp thứ 49 ngày 26 tháng 9"
               " năm 2025.")
    header = extract_header(Lines(doc), rules)
    assert (header.number, header.date) == ("105/2025/UBTVQH15", "2025-09-26")
    assert not any(w.startswith("[date]") for w in header.warnings)


def test_an_office_and_a_name_on_one_line_after_the_noi_nhan_sign(rules):
    """A crawled copy joins the signature block's lines: 'BỘ TRƯỞNG Đặng Quốc Khánh' under the
    Nơi nhận of QĐ 59/QĐ-BTNMT is the office and the name."""
    doc = _doc("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 59/QĐ-BTNMT", "Hà Nội, ngày 10 tháng 01 năm 2024",
               "QUYẾT ĐỊNH", "Ban hành Chương trình hành động", "Điều 1. Ban hành kèm theo Quyết định này.",
               "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT, KHTC.D.", "BỘ TRƯỞNG Đặng Quốc Khánh")
    signer = extract_record(doc, rules).signer
    assert (signer.title, signer.name) == ("BỘ TRƯỞNG", "Đặng Quốc Khánh")


def test_later_short_mention_is_an_alias(rules):
    doc = _doc("Thực hiện Kế hoạch số 87/KH-UBND ngày 29/5/2019 của Ủy ban nhân dân tỉnh Kiên Giang;",
               "kết quả thực hiện Kế hoạch số 87/KH-UBND giai đoạn 2018-2025.")
    citations, _ = extract_citations(Lines(doc), None, 0, set(), rules)
    assert [c.number for c in citations] == ["87/KH-UBND"]
    assert citations[0].aliases == ("Kế hoạch số 87/KH-UBND",)


def test_two_documents_sharing_a_number_stay_apart(rules):
    doc = _doc("Chỉ thị số 02/CT-TTg ngày 15 tháng 11 năm 2019 về tăng cường;",
               "Chỉ thị số 02/CT-TTg ngày 04/7/2018 của Thủ tướng Chính phủ về công tác bảo vệ BMNN.")
    citations, _ = extract_citations(Lines(doc), None, 0, set(), rules)
    assert [(c.number, c.date) for c in citations] == [("02/CT-TTg", "2019-11-15"), ("02/CT-TTg", "2018-07-04")]


def test_own_number_is_not_a_citation(rules):
    doc = _doc("(Kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023 của Chủ tịch Ủy ban nhân dân tỉnh)")
    assert extract_citations(Lines(doc), "254/QĐ-UBND", 0, set(), rules)[0] == []


def test_missing_header_gives_none_and_warnings(rules):
    record = extract_record(read_cached(str(GOLD_DOCS[0])), rules)  # seed 000: header lost
    assert record.number is None and record.date is None and record.place is None
    assert any(w.startswith("[number]") for w in record.warnings)
    assert any(w.startswith("[date]") for w in record.warnings)
    assert record.issuer.name == "Phòng Giáo dục và Đào tạo"
    assert any(w.startswith("[issuer]") for w in record.warnings)


@pytest.mark.parametrize("preamble, issuer", [
    # the crawled copies of provincial plans keep no header; the preamble names who issues them
    # (KH 280/KH-UBND Lào Cai; KH 2438/KH-BVHTTDL; KH 109/KH-UBND Bắc Giang, signed by its Chủ tịch)
    ("Thực hiện Kế hoạch số 213-KH/TU của Tỉnh ủy; Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch triển khai "
     "thực hiện như sau:", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("Để thực hiện thắng lợi các nhiệm vụ chính trị trọng tâm, Bộ Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch "
     "thông tin tuyên truyền năm 2023.", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Nhằm ngăn chặn hoạt động tổ chức đánh bạc; Chủ tịch UBND tỉnh xây dựng Kế hoạch như sau:", "UBND tỉnh"),
    # a plan another body issued, named after 'của', is no issuer of this one (KH 829/KH-BYT)
    ("Thực hiện Quyết định số 426/QĐ-TTg ngày 21/4/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai "
     "thực hiện Chỉ thị số 17-CT/TW.", None),
])
def test_a_plan_without_its_header_names_its_issuer_in_the_preamble(rules, preamble, issuer):
    record = extract_record(_doc("Số: 280/KH-UBND", "KẾ HOẠCH", preamble, "I. MỤC ĐÍCH, YÊU CẦU"), rules)
    assert (record.issuer.name if record.issuer else None) == issuer


def test_a_header_read_column_by_column_keeps_its_date_line_after_the_kinh_gui(rules):
    """CV 1906/SGDĐT-CTTTT Đà Nẵng, an OCR copy: the right column (quốc hiệu, date) follows the
    left one's title and Kính gửi list."""
    record = extract_record(_doc(
        "UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1906 /SGDĐT-CTTTT",
        "V/v khẩn trương thực hiện các biện", "pháp phòng, chống dịch COVID-19", "Kính gửi:",
        "- Phòng giáo dục và đào tạo các quận, huyện;", "- Các trường, trung tâm trực thuộc Sở.",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đà Nẵng, ngày 26 tháng 7 năm 2020",
        "Sở Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị thực hiện những nội dung sau:"), rules)
    assert (record.number, record.date, record.place) == ("1906/SGDĐT-CTTTT", "2020-07-26", "Đà Nẵng")


@pytest.mark.parametrize("closing, recipients, signer", [
    # the text layer of a signed PDF prints both columns of the closing on one line (CV
    # 3635/SGDĐT-GDPT and KH 831/KH-UBND Đồng Tháp)
    (["Nơi nhận: KT. GIÁM ĐỐC", "- Như trên;", "- Giám đốc, Phó Giám đốc Sở GDĐT (để báo cáo); PHÓ GIÁM ĐỐC",
      "- Lưu: VT, GDPT (D).", "Nguyễn Phương Toàn"],
     ["Như trên", "Giám đốc, Phó Giám đốc Sở GDĐT (để báo cáo)", "VT, GDPT (D)"],
     ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Phương Toàn")),
    (["Nơi nhận: TM. ỦY BAN NHÂN DÂN",
      "- Bộ Giáo dục và Đào tạo; - CT, các PCT UBND tỉnh; - Các sở, ban, ngành tỉnh; KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
      "- Lưu: VT, KGVX (Thuyên).", "Huỳnh Minh Tuấn"],
     ["Bộ Giáo dục và Đào tạo", "CT, các PCT UBND tỉnh", "Các sở, ban, ngành tỉnh", "VT, KGVX (Thuyên)"],
     ("TM.", "ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Minh Tuấn")),
])
def test_a_signature_column_run_into_the_noi_nhan_lines_is_the_signers(rules, closing, recipients, signer):
    record = extract_record(_doc("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 3635/SGDĐT-GDPT", "Đồng Tháp, ngày 17 tháng 9 năm 2026",
                                 "Sở GDĐT đề nghị thủ trưởng các đơn vị nghiên cứu và thực hiện.", *closing), rules)
    assert [r.name for r in record.recipients] == recipients
    s = record.signer
    assert (s.authority, s.on_behalf_of, s.title, s.name) == signer


def test_text_that_is_not_a_dispatch_gives_an_empty_record(rules):
    doc = _doc("Dear Sir, please find attached the invoice for March.", "Best regards, John")
    record = extract_record(doc, rules)
    assert (record.number, record.date, record.doc_type, record.title, record.signer) == (None,) * 5
    assert record.citations == () and record.tasks == () and record.recipients == ()
    assert record.warnings


@pytest.mark.parametrize("doc", GOLD_DOCS, ids=lambda p: p.stem[:24])
def test_golden_record(rules, doc):
    """The whole record of every gold document, against its reviewed snapshot in
    samples/expected/ (VANBAN_REWRITE_GOLDEN=1 rewrites them; review the diff)."""
    record = extract_record(read_cached(str(doc)), rules).to_dict()
    record["source"]["path"] = doc.name
    path = EXPECTED / f"{doc.stem}.json"
    if REWRITE:
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"{path.name} missing: run VANBAN_REWRITE_GOLDEN=1 make test and review it"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert record == expected, (f"{doc.name}: record differs from {path.name}; "
                                "rerun with VANBAN_REWRITE_GOLDEN=1 and review")


def test_text_gold_documents_meet_the_floors(rules):
    """The text-only part of make eval, so the floors hold in every test run (the OCR'd
    PDFs are scored by make eval)."""
    records = {}
    for doc in GOLD_DOCS:
        records[doc.stem] = extract_record(read_cached(str(doc)), rules).to_dict()
    score = evaluate.Score()
    for doc in GOLD_DOCS:
        gold = json.loads((SAMPLES / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
        evaluate.score_record(gold, records[doc.stem], score, doc.stem)
    floors = json.loads((SAMPLES / "floors.json").read_text(encoding="utf-8"))
    assert evaluate.check_floors(score, floors) == []


def test_html_view_marks_fields_and_escapes_text(rules, tmp_path):
    from pipeline.html import render

    doc = _doc("Số: 12/KH-UBND", "Hà Nội, ngày 05 tháng 9 năm 2024", "KẾ HOẠCH",
               "Tổ chức <script>alert(1)</script> an toàn", blocks=("header-left", "header-right"))
    record = extract_record(doc, rules)
    page = render(doc, record)
    assert '<mark title="number">12/KH-UBND</mark>' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http:" not in page and "https:" not in page  # nothing loaded from outside
    assert "default-src 'none'" in page  # and the page itself forbids it


def test_every_task_and_citation_has_evidence(rules):
    record = extract_record(read_cached(str(GOLD_DOCS[-1])), rules)
    for i in range(len(record.tasks)):
        assert f"tasks[{i}]" in record.evidence
    for i in range(len(record.citations)):
        span = record.evidence[f"citations[{i}]"]
        assert record.citations[i].number is None or record.citations[i].number.split("/")[0] in span.text


def test_number_never_runs_across_a_line_break(rules):
    # 'NĐ-CP.' at the end of a line, a '- ' bullet on the next: found once, on its own line
    text = "theo Nghị định số 80/2017/NĐ-CP.\n- Phòng Giáo dục"
    match = rules.pattern("number").search(text)
    assert match.group(0) == "80/2017/NĐ-CP."


def _scan(*texts: str, blocks: tuple[str, ...] = ()) -> Document:
    doc = _doc(*texts, blocks=blocks)
    return Document(path="scan.pdf", sha256=doc.sha256, format="pdf",
                    pages=(Page(1, doc.pages[0].lines, ocr=True),))


# fmt: off
SIGNER_BLOCKS = [
    # (footer-right lines, read by OCR?, authority, on_behalf_of, title, name)
    # only a deputy signs KT.: the deputy's line lost to the seal is read as the head's deputy (the scans of QĐ
    # 209/QĐ-UBND Bạc Liêu and QĐ 383/QĐ-UBND Cần Thơ)
    (["KT.CHU TỊCH", "HC", "H CH TỊCH", "Huỳnh Hữu Trí"], True, "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Hữu Trí"),
    (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(Đã ký)", "Phạm Ngọc Thưởng"], False,
     "KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phạm Ngọc Thưởng"),
    (["CHỦ TỊCH Hoàng Quốc Khánh"], False, None, None, "CHỦ TỊCH", "Hoàng Quốc Khánh"),
    # a seal speck before the block and scribbles between the offices and the name
    (["„", "KT. BỘ TRƯƠNG", "THỨ TRƯỞNG", "“tả lu", "Lê Tân Dũng"], True,
     "KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Tân Dũng"),
    # 'KT.' read as 'Kf.', an office split by the signature
    (["Kf.BỌ TRƯỞNG", '`"', "THÔ TRU ỐNG", "! LI T", "C", "Lê Tấn Dũng"], True,
     "KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Tấn Dũng"),
    # the KT. lost under the seal: a deputy signs for the head
    (["„2", "1, BỌ TRU ƠNG", "TU TRUƠNG", "đc.", "DÁ x6", "Nguyễn Văn Phúc"], True,
     "KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Phúc"),
    (["HIỆU TRƯƠNG", "ÀO", "TL"], True, None, None, "HIỆU TRƯỞNG", None),
    # on a text layer the letters are as printed: nothing is snapped
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Xuân Bình"], False, "KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Xuân Bình"),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"], False, "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"),
    # a signature widget's lines between the offices and the name, its words run into an office
    # (CV 334/PGDĐT-GDTrH Long Điền; KH 1070/KH-SGDĐT An Giang; CV 4424/SGDĐT-CTTT Hà Nội)
    (["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Phòng Giáo dục và Đào tạo", "Huyện Long Điền, Tỉnh Bà Rịa - Vũng Tàu",
      "06-05-2020 08:49:34 +07:00", "Nguyễn Xuân Tiến"], False,
     "KT.", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Nguyễn Xuân Tiến"),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Người ký: Sở Giáo dục", "và Đào tạo", "Email:", "sogddt@angiang.gov.vn",
      "Cơ quan: Tỉnh An", "Giang", "Võ Bình Thư"], False, "KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Võ Bình Thư"),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM Ký ĐỐC bởi Sở Giáo dục và Đào tạo", "Thành phố Hà Nội", "Giờ ký: 2020-12-",
      "16T17:30:18.4131339+07:00", "Phạm Xuân Tiến"], False, "KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Xuân Tiến"),
    # a name in capitals (KH 174/KH-THCSNH Long Điền)
    (["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "NGUYỄN HỮU TUẤN"], False, "KT.", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
     "NGUYỄN HỮU TUẤN"),
]
# fmt: on


SCHOOL_RULES = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐẮK LẮK", "TRƯỜNG THPT HUỲNH THÚC KHÁNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"]


@pytest.mark.parametrize("type_line, doc_type, title", [
    ("NỘI QUY LỚP HỌC TRỰC TUYẾN", "Nội quy", "LỚP HỌC TRỰC TUYẾN"),
    ("KẾ HOẠCH TỔ CHỨC HỘI THI GIÁO VIÊN DẠY GIỎI", "Kế hoạch", "TỔ CHỨC HỘI THI GIÁO VIÊN DẠY GIỎI"),
])
def test_a_type_and_its_title_on_one_line(rules, type_line, doc_type, title):
    """Under the header, with no type line of its own and no 'V/v': the line's first words are
    the type, the rest the trích yếu; an office mistyped in its marks is still the signer's."""
    record = extract_record(_doc(*SCHOOL_RULES, type_line, "I. Đối với học sinh",
                                 "1. Đọc bài mới trước buổi học.", "HIỆU TRƯỜNG", "Nguyễn Đình Hoàng"), rules)
    assert (record.doc_type, record.title) == (doc_type, title)
    assert (record.signer.title, record.signer.name) == ("HIỆU TRƯỜNG", "Nguyễn Đình Hoàng")


@pytest.mark.parametrize("title_lines, title", [
    # a council decides in its own name, printed in capitals under the trích yếu (NQ 33/2022/NQ-HĐND
    # Cao Bằng): the trích yếu ends there, the term and session line is no part of it
    (["QUY ĐỊNH MỨC THU LỆ PHÍ CẤP GIẤY PHÉP LAO ĐỘNG", "TRÊN ĐỊA BÀN TỈNH CAO BẰNG", "HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG",
      "KHÓA XVII KỲ HỌP THỨ 8"], "QUY ĐỊNH MỨC THU LỆ PHÍ CẤP GIẤY PHÉP LAO ĐỘNG TRÊN ĐỊA BÀN TỈNH CAO BẰNG"),
    # a trích yếu that names the council after 'CỦA' goes on
    (["BAN HÀNH QUY CHẾ LÀM VIỆC CỦA", "HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG", "Căn cứ Luật Tổ chức chính quyền;"],
     "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG"),
])
def test_the_issuers_name_under_the_title_ends_the_title(rules, title_lines, title):
    record = extract_record(_doc("HỘI ĐỒNG NHÂN DÂN", "TỈNH CAO BẰNG", "Số: 33/2022/NQ-HĐND",
                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
                                 "Cao Bằng, ngày 15 tháng 7 năm 2022", "NGHỊ QUYẾT", *title_lines,
                                 "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;"), rules)
    assert (record.doc_type, record.title) == ("Nghị quyết", title)


@pytest.mark.parametrize("right, ocr, authority, on_behalf_of, title, name", SIGNER_BLOCKS)
def test_signer_block(rules, right, ocr, authority, on_behalf_of, title, name):
    texts = ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", *right]
    blocks = ("footer-left",) * 3 + ("footer-right",) * len(right)
    doc = (_scan if ocr else _doc)(*texts, blocks=blocks)
    signer = extract_record(doc, rules).signer
    assert (signer.authority, signer.on_behalf_of, signer.title, signer.name) == (
        authority, on_behalf_of, title, name)


def test_deputy_without_authority_is_read_as_kt_with_a_warning(rules):
    doc = _scan("Nơi nhận:", "- Lưu: VT.", "THỨ TRƯỞNG", "Nguyễn Thị Kim Chi",
                blocks=("footer-left", "footer-left", "footer-right", "footer-right"))
    record = extract_record(doc, rules)
    assert record.signer.authority == "KT."
    assert any("read as KT." in w for w in record.warnings)


@pytest.mark.parametrize("reading, office", [
    ("THÔ TRU ỐNG", "THỨ TRƯỞNG"), ("HIỆU TRƯƠNG", "HIỆU TRƯỞNG"), ("PHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("THÍ” TRƯỜNG THƯƠNG TRỤỰC", "THỨ TRƯỞNG THƯỜNG TRỰC"), ("ÀO", None), ("ỦY BAN NHÂN DÂN", None),
])
def test_scanned_office_reads_as_the_nearest_known_office(rules, reading, office):
    assert rules.units.office(reading) == office


@pytest.mark.parametrize("example", json.loads((SAMPLES.parent / "rules" / "citations.json").read_text(
    encoding="utf-8"))["examples"], ids=lambda e: e["text"][:30])
def test_citation_rules_examples(rules, example):
    """Every example of rules/citations.json gives its citation."""
    citations, _ = extract_citations(Lines(_doc(example["text"])), None, 0, set(), rules)
    first = citations[0]
    for key in ("number", "date", "issuer", "title"):
        if key in example:
            assert getattr(first, key) == example[key], key


def test_law_written_with_a_defined_abbreviation_is_an_alias(rules):
    doc = _doc("Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;",
               "Nâng cao nhận thức về bí mật nhà nước (BMNN), trọng tâm là: Luật Bảo vệ BMNN năm 2018.")
    citations, _ = extract_citations(Lines(doc), None, 0, set(), rules)
    assert [c.title for c in citations] == ["Luật Bảo vệ bí mật nhà nước"]
    assert citations[0].aliases == ("Luật Bảo vệ BMNN năm 2018",)


@pytest.mark.parametrize("lines, titles", [
    # a law's name is what its mentions share; the words after it belong to each sentence
    # (CV 6103/BGDĐT-GDTrH; KH 2922/KH-SGDĐT Vĩnh Long)
    (["Học sinh trả lời câu hỏi trắc nghiệm về Luật Giao thông đường bộ và câu hỏi tự luận.",
      "Giáo viên trả lời câu hỏi về Luật Giao thông đường bộ, làm bài tự luận."], ["Luật Giao thông đường bộ"]),
    (["Kinh phí thực hiện theo quy định của Luật Ngân sách nhà nước và phù hợp với khả năng cân đối.",
      "Bố trí kinh phí theo Luật Ngân sách nhà nước và theo khả năng cân đối ngân sách hằng năm."],
     ["Luật Ngân sách nhà nước"]),
    # two laws whose names begin alike stay two
    (["Thực hiện Luật Giáo dục và Luật Giáo dục đại học."], ["Luật Giáo dục", "Luật Giáo dục đại học"]),
    # 'do' ends a law's name: who uses what the law governs is the sentence's (NQ 11/2025/NQ-HĐND Hà Nội)
    (["Tài sản thực hiện theo Luật Quản lý, sử dụng tài sản công do cơ quan, tổ chức, đơn vị quản lý."],
     ["Luật Quản lý, sử dụng tài sản công"]),
    # 'theo', 'thuộc', 'bằng' end it too (QĐ 2307/QĐ-UBND Sơn La)
    (["Các sở xây dựng Báo cáo tổng kết thi hành Luật Nuôi con nuôi theo Đề cương gửi kèm.",
      "Báo cáo tổng kết thi hành Luật Nuôi con nuôi thuộc phạm vi quản lý của cơ quan mình."], ["Luật Nuôi con nuôi"]),

    # a word linking the name to its sentence ends it: a purpose, 'đồng thời', 'chưa', 'hoặc', 'với'
    # before a count (NQ 141/NQ-CP; KH Bỉm Sơn on state secrets; QĐ 1056/QĐ-CT Tuyên Quang)
    (["Sửa đổi Luật Quản lý ngoại thương nhằm cải cách thủ tục hành chính, tạo thuận lợi thương mại."],
     ["Luật Quản lý ngoại thương"]),
    (["Chưa thực hiện đúng Luật Bảo vệ BMNN đồng thời thu hồi và huỷ bỏ tài liệu sao chưa đúng."],
     ["Luật Bảo vệ BMNN"]),
    (["Một số đơn vị thực hiện Luật Bảo vệ BMNN chưa thực hiện việc xác định thời hạn bảo vệ."],
     ["Luật Bảo vệ BMNN"]),
    (["Người bị mất năng lực hành vi dân sự theo quy định của Bộ luật Dân sự hoặc không đủ năng lực."],
     ["Bộ luật Dân sự"]),
    (["Đề xuất sửa đổi Luật Thương mại với 2 nhóm vấn đề."], ["Luật Thương mại"]),
    (["Tuyên truyền Luật Trẻ em và pháp luật liên quan đến trẻ em."], ["Luật Trẻ em"]),
    # the sentence's purpose and what the budget must also fit are no part of the name (KH 130/KH-UBND
    # Quảng Ngãi, KH 2230/KH-UBND Bình Thuận, KH 228/KH-UBND Đồng Tháp)
    (["Kinh phí bảo đảm theo quy định của Luật Ngân sách nhà nước và phù hợp với khả năng cân đối ngân sách."],
     ["Luật Ngân sách nhà nước"]),
    (["Bố trí vốn theo Luật Ngân sách Nhà nước và khả năng cân đối ngân sách của tỉnh."], ["Luật Ngân sách Nhà nước"]),
    (["Thực hiện Luật Đầu tư công để triển khai, phát huy hiệu quả các dự án."], ["Luật Đầu tư công"]),
    # the same amending law with a mark misread is one law, named whole (KH 70/KH-UBND Cần Thơ)
    (["Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Công đoàn, Luật Thanh niên ngày 27 tháng 6 năm 2025;",
      "Triển khai Luật sửa đổi, bỗ sung một số điều của Luật Công đoàn, Luật Thanh niên; Chỉ thị số 33."],
     ["Luật sửa đổi, bổ sung một số điều của Luật Công đoàn, Luật Thanh niên"]),
    # a bill is no document yet (NQ 105/2025/UBTVQH15; QĐ 59/QĐ-BTNMT)
    (["Luật Hộ tịch (sửa đổi) | Chính phủ | Tháng 03/2026",
      "Hoàn thiện dự án Luật Đất đai (sửa đổi) trình Quốc hội; tổ chức thi hành Luật Đất đai năm 2024."],
     ["Luật Đất đai năm 2024"]),
    # a law's name alone in a table's cell is an entry of a list of bills or drafts; a cell bar
    # ends a name (NQ 105/2025/UBTVQH15; QĐ 59/QĐ-BTNMT); a law in force is named inside a cell's
    # sentence (NQ 11/2025/NQ-HĐND Hà Nội)
    (["5. | Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm xã hội | Chính phủ | Ủy ban Văn hóa và Xã hội",
      "1 | 37 | Luật Địa chất và Khoáng sản | - Cục Khoáng sản Việt Nam | Vụ Pháp chế | Tháng 02/2024",
      "5.2 | Tiền bán tài sản công theo quy định của Luật Quản lý, sử dụng tài sản công | Ngân sách tỉnh"],
     ["Luật Quản lý, sử dụng tài sản công"]),
    # the items under a lead-in that announces bills are bills (NQ 105/2025/UBTVQH15)
    (["1. Trình Quốc hội xem xét, thông qua đối với 13 dự án luật sau đây:", "a) Luật Hộ tịch (sửa đổi);",
      "b) Luật Thủ tục ban hành quyết định hành chính;", "2. Các cơ quan tổ chức thi hành Luật Đất đai năm 2024."],
     ["Luật Đất đai năm 2024"]),
    # a law that closes the title of a document cited before, written again with the words that
    # lead to it, is that document's title (QĐ 1696/QĐ-UBND Lào Cai)
    (["Căn cứ Nghị định số 105/2025/NĐ-CP ngày 15/5/2025 của Chính phủ quy định chi tiết một số điều và "
      "biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;",
      "1 | Cấp giấy phép theo Nghị định số 105/2025/NĐ- CP của Chính phủ quy định chi tiết một số điều và "
      "biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ | Sở Công Thương"],
     ["quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"]),
    # a law's name may go on in small letters (CV 1617/BGDĐT-GDCTHSSV; QĐ 66/2021/QĐ-UBND An Giang);
    # a jurists' association and a bar are no law (KH 141/KH-UBND Tuyên Quang)
    (["Đề nghị cán bộ, viên chức và HSSV thực hiện nghiêm túc Luật giao thông đường bộ và các quy định.",
      "Căn cứ Luật giá ngày 20 tháng 6 năm 2012;", "Phối hợp với Đoàn Luật sư tỉnh; Hội Luật gia tỉnh."],
     ["Luật giao thông đường bộ", "Luật giá"]),
    # an amending law read whole, 'sữa' for 'sửa' and its day written bare (the QĐ of UBND Ngãi Giao),
    # of a count of laws (QĐ 3745/QĐ-UBND Tây Ninh); what it cannot read is no law (QĐ 146/QĐ-TTg)
    (["Căn cứ Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức 6/12/2019;",
      "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;",
      "Căn cứ Luật sửa đổi, __ bô sung một số điểu của Luật Tổ chức Chính phủ;"],
     ["Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức",
      "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch", "Luật Tổ chức Chính phủ"]),
    # OCR reads 'ngày' as 'ngây' (QĐ 2307/QĐ-UBND Sơn La, scanned)
    (["Tổng kết 10 năm thi hành Luật Nuôi con nuôi ngây 17 tháng 6 năm 2010."], ["Luật Nuôi con nuôi"]),
    # an amending law read with 'bổ' as 'bỗ' is still one law (KH 70/KH-UBND Cần Thơ)
    (["Thực hiện Luật sửa đổi, bỗ sung một số điều của Luật Công đoàn, Luật Thanh niên và Luật Thực hiện"
      " dân chủ ở cơ sở;"],
     ["Luật sửa đổi, bỗ sung một số điều của Luật Công đoàn, Luật Thanh niên và Luật Thực hiện dân chủ ở cơ sở"]),
])
def test_a_law_named_without_a_number_is_named_once(rules, lines, titles):
    citations, _ = extract_citations(Lines(_doc(*lines)), None, 0, set(), rules)
    assert [c.title for c in citations] == titles


@pytest.mark.parametrize("lines, named", [
    # the Constitution by its name, before the resolution that amended it (NQ 105/2025/UBTVQH15, NQ
    # 248/2025/QH15), or by its year
    (["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị "
      "quyết số 203/2025/QH15;"], ["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"]),
    (["Căn cứ Hiến pháp năm 2013;"], ["Hiến pháp năm 2013"]),
    # by its year, with 'năm' or without, one Constitution; what follows the year is the sentence's (KH
    # 01/KH-TBTTKT xã Phố Bảng)
    (["bảo đảm phù hợp với quy định của Hiến pháp 2013; bảo đảm tính thống nhất.",
      "Tuyên truyền Hiến pháp năm 2013 sau sửa đổi, bổ sung đến cử tri."], ["Hiến pháp 2013"]),
    # named in passing it cites nothing
    (["Bảo đảm quyền con người theo Hiến pháp và pháp luật."], []),
])
def test_the_constitution_is_cited_by_its_name(rules, lines, named):
    citations, _ = extract_citations(Lines(_doc(*lines)), None, 0, set(), rules)
    assert [c.title for c in citations if c.doc_type == "Hiến pháp"] == named


@pytest.mark.parametrize("ocr, issuers", [
    (True, ["Chính phủ", "Bộ trưởng Bộ Giáo dục và Đào tạo"]),
    (False, ["Chính phú", "Bộ trưởng Bộ Giáo dục và Dào tạo"]),
])
def test_an_issuer_read_by_ocr_is_spelled_as_the_known_body(rules, ocr, issuers):
    """OCR bends the marks of a known name ('Chính phú', 'Dào tạo': the scanned decisions of the Bộ
    GDĐT, QĐ 2827 and 2576/QĐ-BGDĐT); on a scan it is written as the body writes it, a typed
    text is left as typed."""
    lines = ["Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26/02/2025 của Chính phú quy định chức năng;",
             "Căn cứ Quyết định số 1766/QĐ-BGDĐT ngày 30/6/2025 của Bộ trưởng Bộ Giáo dục và Dào tạo về việc ban hành;"]
    citations, _ = extract_citations(Lines(_doc(*lines, ocr=ocr)), None, 0, set(), rules)
    assert [c.issuer for c in citations] == issuers


def test_a_number_cut_at_its_hyphen_is_the_whole_number_cited(rules):
    """A table's cell wrapped across lines read row by row cuts '04/2020/TT-' from its issuer's code:
    the number is the 04/2020/TT-BTP the list cites in full (QĐ 313/QĐ-UBND Phú Thọ, QĐ 383/QĐ-UBND
    Cần Thơ); alone, a cut number stays."""
    lines = ["- Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết Luật Hộ tịch.",
             "khác | của | tờ về quốc tịch và Thông tư số 04/2020/TT-"]
    citations, _ = extract_citations(Lines(_doc(*lines)), None, 0, set(), rules)
    assert [c.number for c in citations] == ["04/2020/TT-BTP"]
    alone, _ = extract_citations(Lines(_doc(lines[1])), None, 0, set(), rules)
    assert [c.number for c in alone] == ["04/2020/TT"]


def test_a_congress_resolution_is_cited_once_by_its_congress(rules):
    """'Nghị quyết Đại hội' and the congress's ordinal name one resolution; written again with the
    abbreviation the letter defined, or the ordinal last, it is the same (CV 172/CĐGD); without an
    ordinal it names the congresses of every level, no document (KH 70/KH-UBND Cần Thơ)."""
    lines = ["Để tuyên truyền Nghị quyết Đại hội XIV Công đoàn Giáo dục Việt Nam, Ban Thường vụ Công đoàn Giáo dục "
             "(CĐGD) Việt Nam đề nghị các đơn vị:",
             "1. Tổ chức hội nghị báo cáo Nghị quyết Đại hội CĐGD Việt Nam lần thứ XIV với cán bộ chủ chốt.",
             "2. Thực hiện Nghị quyết Đại hội XI Công đoàn Việt Nam và Nghị quyết Đại hội XIV CĐGD Việt Nam cụ thể.",
             "3. Sớm đưa Nghị quyết Đại hội Công đoàn các cấp đi vào thực tiễn."]
    citations, _ = extract_citations(Lines(_doc(*lines)), None, 0, set(), rules)
    assert [(c.doc_type, c.title) for c in citations] == [
        ("Nghị quyết", "Nghị quyết Đại hội XIV Công đoàn Giáo dục Việt Nam"),
        ("Nghị quyết", "Nghị quyết Đại hội XI Công đoàn Việt Nam")]


def test_a_congress_example_that_does_not_hold_stops_the_rules(tmp_path):
    from pipeline.extract import check_rules
    from pipeline.rules import RulesError, load

    (tmp_path / "citations.json").write_text(json.dumps({"unnumbered": {"congress_examples": [
        ["Nghị quyết Đại hội Đảng các cấp", "Nghị quyết Đại hội Đảng các cấp"]]}}, ensure_ascii=False),
        encoding="utf-8")
    with pytest.raises(RulesError, match="unnumbered.congress"):
        check_rules(load(tmp_path))


def test_a_law_said_again_with_who_passed_it_has_that_issuer(rules):
    """'Luật hải quan 2014' in the trích yếu, then 'Luật hải quan được Quốc hội khóa XIII kỳ họp thứ
    7 thông qua ngày 23/6/2014' (CV 19046/BTC-TCHQ): one law, passed by the Quốc hội."""
    citations, _ = extract_citations(Lines(_doc(
        "Hướng dẫn thực hiện các quy định của Luật hải quan 2014.",
        "Luật hải quan được Quốc hội khóa XIII kỳ họp thứ 7 thông qua ngày 23/6/2014 và có hiệu lực.")),
        None, 0, set(), rules)
    assert [(c.title, c.issuer, c.date) for c in citations] == [("Luật hải quan 2014", "Quốc hội", "2014-06-23")]


def test_a_semicolon_at_a_line_end_parts_the_bodies_a_title_lists(rules):
    """The scan of QĐ 209/QĐ-UBND Bạc Liêu lists the bodies whose procedures it publishes over three lines
    parted by semicolons: the title runs on to the authority's line."""
    record = extract_record(_doc(
        "ỦY BAN NHÂN DÂN", "TỈNH BẠC LIÊU", "Số: 209/QĐ-UBND", "Bạc Liêu, ngày 18 tháng 02 năm 2025", "QUYẾT ĐỊNH",
        "Về việc công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Giao thông vận tải;",
        "Sở Xây dựng; Ủy ban nhân dân cấp huyện;",
        "Ủy ban nhân dân cấp xã trên địa bàn tỉnh Bạc Liêu (Lĩnh vực: Đường bộ)",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"), rules)
    assert record.title == ("Về việc công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Giao thông "
                            "vận tải; Sở Xây dựng; Ủy ban nhân dân cấp huyện; Ủy ban nhân dân cấp xã trên địa bàn tỉnh "
                            "Bạc Liêu (Lĩnh vực: Đường bộ)")


def test_a_long_line_with_a_sentence_ended_inside_is_no_part_of_the_title(rules):
    """'Về việc treo cờ Tổ quốc' then the first paragraph, 'Nhân dịp Đại hội ..., nhiệm kỳ 2026 -2031.
    Ủy ban nhân dân thành phố Hà Nội đề nghị ...' (TB 453/TB-UBND Hà Nội): the paragraph is the body,
    and its request gives the work."""
    record = extract_record(_doc(
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 453 /TB-UBND", "Hà Nội, ngày 29 tháng 4 năm 2026", "THÔNG BÁO",
        "Về việc treo cờ Tổ quốc",
        "Nhân dịp Đại hội đại biểu toàn quốc Mặt trận Tổ quốc Việt Nam lần thứ XI, nhiệm kỳ 2026 -2031. Ủy ban nhân "
        "dân thành phố Hà Nội đề nghị các sở, ban, ngành treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026."),
        rules)
    assert record.title == "Về việc treo cờ Tổ quốc"
    assert [(t.owner, t.deadline.end if t.deadline else None) for t in record.tasks] == [
        ("các sở, ban, ngành", "2026-05-14")]
    # a trích yếu in capitals may list documents with semicolons (QĐ 59/QĐ-BTNMT)
    record = extract_record(_doc(
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 59/QĐ-BTNMT", "Hà Nội, ngày 08 tháng 01 năm 2024", "QUYẾT ĐỊNH",
        "VỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN CÁC NGHỊ QUYẾT CỦA CHÍNH PHỦ: SỐ 01/NQ-CP NGÀY 05/01/2024",
        "VỀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2024; SỐ 02/NQ-CP NGÀY 05/01/2024 VỀ NHỮNG NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU CẢI "
        "THIỆN MÔI TRƯỜNG KINH DOANH NĂM 2024", "Căn cứ Nghị định số 68/2022/NĐ-CP ngày 22 tháng 9 năm 2022;"), rules)
    assert record.title.endswith("CẢI THIỆN MÔI TRƯỜNG KINH DOANH NĂM 2024")


def test_a_law_dated_bare_after_its_name(rules):
    """'Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức 6/12/2019' (the
    QĐ of UBND Ngãi Giao): the day after the name with no 'ngày' is the law's."""
    citations, _ = extract_citations(Lines(_doc(
        "Căn cứ Luật sữa đổi, bổ sung một số điều của Luật cán bộ, công chức và Luật viên chức 6/12/2019;")),
        None, 0, set(), rules)
    assert [c.date for c in citations] == ["2019-12-06"]


def test_a_number_in_brackets_after_a_law_numbers_that_law(rules):
    """'Luật giáo dục đại học (Luật SỐ: 08/2012/QH13) và Luật sửa đồi, bổ sung một số điều của Luật
    giáo dục đại học (Luật sô: 34/2018/QH14)' (CV 2274/BGDĐT-QLCL): two laws, each named and numbered."""
    citations, _ = extract_citations(Lines(_doc(
        "Thực hiện Luật giáo dục đại học (Luật số: 08/2012/QH13) và Luật sửa đổi, bổ sung một số điều của Luật "
        "giáo dục đại học (Luật số: 34/2018/QH14), Bộ đề nghị.")), None, 0, set(), rules)
    assert [(c.number, c.title) for c in citations] == [
        ("08/2012/QH13", "Luật giáo dục đại học"),
        ("34/2018/QH14", "Luật sửa đổi, bổ sung một số điều của Luật giáo dục đại học")]
    # a type word inside what reads as a law's name is another paper's (KH 70/KH-UBND Cần Thơ)
    citations, _ = extract_citations(Lines(_doc(
        "Triển khai Luật Thực hiện dân chủ ở cơ sở ngày 27 tháng 6 năm 2025 và Chỉ thị số 33/CT-TTg ngày 26 tháng "
        "11 năm 2021 của Thủ tướng Chính phủ.")), None, 0, set(), rules)
    assert [(c.number, c.doc_type) for c in citations if c.number] == [("33/CT-TTg", "Chỉ thị")]


def test_date_line_wrapped_by_a_narrow_header_column(rules):
    doc = _doc("UBND HUYỆN THANH CHƯƠNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 113/KH-PGDĐT",
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "Độc lập - Tự do - Hạnh phúc",
               "Thanh Chương, ngày 27 tháng 01 năm", "2024", "KẾ HOẠCH", "Triển khai công tác năm học",
               blocks=("header-left",) * 3 + ("header-right",) * 5)
    header = extract_header(Lines(doc), rules)
    assert (header.place, header.date) == ("Thanh Chương", "2024-01-27")


@pytest.mark.parametrize("sentence, owner", [
    ("Đối với các môn học đánh giá bằng nhận xét, Sở GDĐT hướng dẫn các cơ sở giáo dục thực hiện.", "Sở GDĐT"),
    ("Trong quá trình thực hiện, nếu có vướng mắc, đề nghị Sở GDĐT phản ánh về Bộ GDĐT.", "Sở GDĐT"),
    # the subject of 'Căn cứ ...' issues the document itself: no task
    ("Căn cứ tình hình thực tế, Phòng Giáo dục và Đào tạo xây dựng Kế hoạch như sau:", None),
])
def test_owner_after_an_opening_clause(rules, sentence, owner):
    record = extract_record(_doc("KẾ HOẠCH", "Thử", "I. TỔ CHỨC THỰC HIỆN", sentence), rules)
    assert [t.owner for t in record.tasks] == ([owner] if owner else [])


@pytest.mark.parametrize("line, names", [
    ("Kính gửi: - Bộ Quốc phòng; - Bộ Lao động - Thương binh và Xã hội; - Bộ Tài chính",
     ["Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính"]),
    ("Kính gửi: - Sở Giáo dục và Đào tạo - Sở Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
])
def test_kinh_gui_addressees(rules, line, names):
    record = extract_record(_doc("Số: 12/UBND-VX", "V/v thử", line, "Nội dung công văn."), rules)
    assert [r.name for r in record.recipients] == names and {r.role for r in record.recipients} == {"action"}


def test_a_de_nghi_heading_owns_the_items_below_it(rules):
    record = extract_record(_doc("KẾ HOẠCH", "Thử", "III. TỔ CHỨC THỰC HIỆN", "3. Đề nghị Huyện đoàn Thanh Chương",
                                 "- Chỉ đạo các cơ sở Đoàn tổ chức các lớp dạy bơi cho học sinh."), rules)
    assert [(t.owner, t.action[:8]) for t in record.tasks] == [("Huyện đoàn Thanh Chương", "Chỉ đạo ")]


def _tasks(rules, *lines: str) -> list[tuple[str, str, str | None]]:
    record = extract_record(_doc("Số: 12/UBND-VX", "Thanh Chương, ngày 10 tháng 01 năm 2023", "V/v thử", *lines), rules)
    return [(t.owner, t.action, t.deadline.end if t.deadline else None) for t in record.tasks]


# fmt: off
TASK_PIECES = [
    # each sentence that opens with an action verb is a task of its own
    (["II. TỔ CHỨC THỰC HIỆN",
      "4. Sở Tư pháp: Phối hợp với Công an tỉnh kiểm tra việc thực hiện Luật. "
      "Phối hợp với Văn phòng UBND tỉnh tham mưu ban hành Quy chế."],
     [("Sở Tư pháp", "Phối hợp với Công an tỉnh kiểm tra việc thực hiện Luật", None),
      ("Sở Tư pháp", "Phối hợp với Văn phòng UBND tỉnh tham mưu ban hành Quy chế.", None)]),
    # a sentence that opens otherwise stays with the duty before it; a time field after it
    # dates it (KH 156/KH-UBND An Giang: '... Thời gian hoàn thành trong quí I/2023.')
    (["II. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính: Tổ chức tập huấn cho kế toán. Địa điểm tại Hội trường tỉnh."],
     [("Sở Tài chính", "Tổ chức tập huấn cho kế toán. Địa điểm tại Hội trường tỉnh.", None)]),
    (["II. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính: Tổ chức tập huấn cho kế toán. Thời gian: trước ngày 15/10/2023."],
     [("Sở Tài chính", "Tổ chức tập huấn cho kế toán.", "2023-10-15")]),
    # a list after a colon with two deadlines: one task per clause, each with its date
    (["II. TỔ CHỨC THỰC HIỆN",
      "1. Các trường THCS căn cứ nhiệm vụ được giao chỉ đạo: xây dựng Kế hoạch trước ngày 28/2/2023; "
      "lập dự toán gửi Sở Tài chính; báo cáo kết quả trước ngày 10/11/2023."],
     [("Các trường THCS", "xây dựng Kế hoạch trước ngày 28/2/2023", "2023-02-28"),
      ("Các trường THCS", "lập dự toán gửi Sở Tài chính", None),
      ("Các trường THCS", "báo cáo kết quả trước ngày 10/11/2023", "2023-11-10")]),
    # a list with one deadline or none is one duty in parts
    (["II. TỔ CHỨC THỰC HIỆN",
      "1. Các trường THCS có trách nhiệm: lãnh đạo thực hiện tốt các quy định; thường xuyên tự kiểm tra."],
     [("Các trường THCS", "có trách nhiệm: lãnh đạo thực hiện tốt các quy định; thường xuyên tự kiểm tra.", None)]),
    # what befalls work not done is no part of the duty
    (["II. TỔ CHỨC THỰC HIỆN",
      "Đề nghị Sở Lao động - Thương binh và Xã hội lập dự toán đầy đủ theo quy định. "
      "Đối với các nội dung không đưa vào dự toán sẽ không được tổng hợp."],
     [("Sở Lao động - Thương binh và Xã hội", "lập dự toán đầy đủ theo quy định", None)]),
    # 'X chỉ đạo Y ... thực hiện các nội dung sau:': X directs, Y does the items
    (["Bộ yêu cầu các địa phương thực hiện như sau:",
      "1. Tiếp tục xem xét, giải quyết các hồ sơ còn tồn.",
      "2. Ủy ban nhân dân các tỉnh chỉ đạo Sở Y tế phối hợp với các cơ quan chức năng thực hiện các nội dung sau:",
      "2.1. Tiến hành xem xét lại từng hồ sơ."],
     [("các địa phương", "Tiếp tục xem xét, giải quyết các hồ sơ còn tồn.", None),
      ("Ủy ban nhân dân các tỉnh",
       "chỉ đạo Sở Y tế phối hợp với các cơ quan chức năng thực hiện các nội dung sau:", None),
      ("Sở Y tế", "Tiến hành xem xét lại từng hồ sơ.", None)]),
    # a later sentence whose subject is a list of units: one task per unit
    (["Điều 2. Tài liệu được đăng tải trên Cổng thông tin điện tử của Bộ. Các Sở Giáo dục và Đào tạo, "
      "các cơ sở giáo dục và đào tạo khai thác, sử dụng làm tài liệu tham khảo."],
     [("Các Sở Giáo dục và Đào tạo", "khai thác, sử dụng làm tài liệu tham khảo.", None),
      ("các cơ sở giáo dục và đào tạo", "khai thác, sử dụng làm tài liệu tham khảo.", None)]),
    # '..., thành phố' after a unit is part of its name, not a second unit
    (["II. TỔ CHỨC THỰC HIỆN", "1. Phòng Giáo dục và Đào tạo huyện, thành phố triển khai Kế hoạch."],
     [("Phòng Giáo dục và Đào tạo huyện, thành phố", "triển khai Kế hoạch.", None)]),
    # an earlier assignment recounted ('đã giao') is no task of this document; the new one is
    (["Tại công văn số 8014/VPCP-KGVX ngày 09/10/2012, Phó Thủ tướng đã giao Bộ Tư pháp xây dựng Thông tư; "
      "báo cáo Thủ tướng Chính phủ trước ngày 30/11/2012.",
      "Phó Thủ tướng yêu cầu Bộ Tư pháp khẩn trương hoàn thành và báo cáo trước ngày 30/5/2013."],
     [("Bộ Tư pháp", "khẩn trương hoàn thành và báo cáo trước ngày 30/5/2013.", "2013-05-30")]),
    # 'nhờ' asks a unit to act, as 'đề nghị' does
    (["Trên đây là thông báo kết quả xét tuyển, nhờ các trường THCS phối hợp thông báo rộng rãi đến học sinh."],
     [("các trường THCS", "phối hợp thông báo rộng rãi đến học sinh.", None)]),
    # a notice announcing itself gives no work
    (["Hiệu trưởng Trường THPT Ung Văn Khiêm xin thông báo đến quý cha mẹ học sinh như sau:",
      "Nay, Trường THPT Ung Văn Khiêm thông báo đến các bậc phụ huynh và các em học sinh được biết."], []),
    # a Nơi nhận the layout left in the body gives no work, to its Lưu line
    (["II. TỔ CHỨC THỰC HIỆN", "- Các trường THCS: tổ chức tuyên truyền.",
      "Nơi nhân:", "- Các trường THCS (nhờ thông báo);", "- Lưu hồ VT."],
     [("Các trường THCS", "tổ chức tuyên truyền.", None)]),
]
# fmt: on


@pytest.mark.parametrize("lines, tasks", TASK_PIECES, ids=lambda v: str(v)[:40])
def test_task_pieces(rules, lines, tasks):
    assert _tasks(rules, *lines) == tasks


def test_noi_nhan_misread_by_ocr_still_opens_the_recipients(rules):
    doc = _scan("Nội dung thông báo.", "Nơi nhân:", "- Các trường THCS;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Võ Hữu Tính")
    record = extract_record(doc, rules)
    assert [r.name for r in record.recipients] == ["Các trường THCS", "VT"]
    assert record.signer.name == "Võ Hữu Tính"


def test_a_mark_read_with_the_noi_nhan_label_is_no_addressee(rules):
    """'Nơi nhận: Ạệ.' over the dashes (the text-recognised Word copy of QĐ 2442/QĐ-ĐHAG); a
    first addressee on the label's line stays ('Nơi nhận: Như trên;')."""
    doc = _scan("Nội dung.", "Nơi nhận: Ạệ.", "- Như Điều 3;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Võ Hữu Tính")
    assert [r.name for r in extract_record(doc, rules).recipients] == ["Như Điều 3", "VT"]
    doc = _scan("Nội dung.", "Nơi nhận: Như trên;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Võ Hữu Tính")
    assert [r.name for r in extract_record(doc, rules).recipients] == ["Như trên", "VT"]


@pytest.mark.parametrize("items, names", [
    # a dash doubled and the next item's dash lost (the text layer of the signed CV 7432/UBND-XD Lào Cai)
    (["- - Như trên;", "Chủ tịch UBND tỉnh;", "- Lưu: VT, XD."], ["Như trên", "Chủ tịch UBND tỉnh", "VT, XD"]),
    # a list the item opens with a colon runs on over its semicolons (TB 1638/SGDĐT Hà Nội)
    (["- Các đ/c PGĐ: Phạm Văn Đại;", "Phạm Xuân Tiến;", "- Lưu: VT."],
     ["Các đ/c PGĐ: Phạm Văn Đại; Phạm Xuân Tiến", "VT"]),
])
def test_a_noi_nhan_item_ends_at_its_semicolon(rules, items, names):
    doc = _doc("Nội dung.", "Nơi nhận:", *items, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Trung Bá")
    assert [r.name for r in extract_record(doc, rules).recipients] == names


_UNNUMBERED = json.loads((SAMPLES.parent / "rules" / "citations.json").read_text(encoding="utf-8"))["unnumbered"]


@pytest.mark.parametrize("example", _UNNUMBERED["examples"], ids=lambda e: e["text"][:30])
def test_unnumbered_citation_examples(rules, example):
    """A document named by type without a number is a citation with number None."""
    citations, _ = extract_citations(Lines(_doc(example["text"])), None, 0, set(), rules)
    found = [c for c in citations if c.number is None]
    assert len(found) == 1
    for key in ("doc_type", "title", "date", "issuer"):
        assert getattr(found[0], key) == example.get(key), key


@pytest.mark.parametrize("text", _UNNUMBERED["non_examples"], ids=lambda t: t[:30])
def test_unnumbered_citation_non_examples(rules, text):
    citations, _ = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert all(c.number is not None for c in citations)


@pytest.mark.parametrize("item, role", [
    ("- Như Điều 3;", "action"),
    ("- Như Điều3;", "action"),  # OCR runs the number into the word
    ("- Như Điều;", "action"),  # OCR lost the number
    # an office alone in a list belongs to the unit the list ends with: the Chủ tịch of
    # the UBND tỉnh is told, though the Chủ tịch of each UBND huyện has work
    ("- Chủ tịch, các PCT UBND tỉnh;", "info"),
    ("- UBND các huyện, thành phố;", "action"),
    # the addressees written back, and 'thực hiện' abbreviated (CV 459/PGD&ĐT, KH 20/KH-PGD&ĐT Hiệp Hòa)
    ("- Như kính gửi;", "action"),
    ("- Các đơn vị trực thuộc (để th/h);", "action"),
    # the province's body is not the districts' of the same name (CV 1445/SLĐTBXH Quảng Bình, KH 2922/KH-SGDĐT
    # Vĩnh Long: rules/abbreviations.json levels)
    ("- UBND tỉnh (báo cáo);", "info"),
    ("- UBND các huyện, thành, thị;", "action"),
])
def test_recipient_roles(rules, item, role):
    doc = _doc("Số: 12/KH-UBND", "KẾ HOẠCH", "Về việc thử", "I. MỤC ĐÍCH", "II. TỔ CHỨC THỰC HIỆN",
               "1. Chủ tịch UBND các huyện, thành phố tổ chức thực hiện Kế hoạch.",
               "Nơi nhận:", item, "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn A",
               blocks=("body",) * 6 + ("footer-left",) * 3 + ("footer-right",) * 2)
    recipients = [r for r in extract_record(doc, rules).recipients if r.role != "archive"]
    assert [r.role for r in recipients] == [role]


def test_noi_nhan_with_its_first_letter_misread(rules):
    doc = _scan("Nội dung quyết định.", "ệơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "BỘ TRƯỞNG", "Nguyễn Kim Sơn")
    assert [r.name for r in extract_record(doc, rules).recipients] == ["Như Điều 3", "VT"]


def test_a_footer_table_broken_across_pages_gives_one_closing(rules):
    """The Nơi nhận list and the signer go on at the top of the next page (a footer table
    row that breaks across pages): both columns join their first part."""
    from pipeline.extract.closing import extract_closing

    def lines(page: int, *items: tuple[str, str]) -> tuple[Line, ...]:
        return tuple(Line(text, page, block) for block, text in items)

    first = lines(1, ("body", "Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./."),
                  ("footer-left", "Nơi nhận:"), ("footer-left", "- Như Điều 3;"),
                  ("footer-right", "TM. ỦY BAN NHÂN DÂN"), ("footer-right", "KT. CHỦ TỊCH"),
                  ("footer-right", "PHÓ CHỦ TỊCH"))
    second = lines(2, ("footer-left", "- Thường trực Tỉnh ủy;"), ("footer-left", "- Lưu: VT, NC."),
                   ("footer-right", "Đặng Ngọc Hậu"))
    document = Document(path="qd.pdf", sha256="0" * 64, format="pdf", pages=(Page(1, first), Page(2, second)))
    closing = extract_closing(Lines(document), rules)
    assert [r.name for r in closing.recipients] == ["Như Điều 3", "Thường trực Tỉnh ủy", "VT, NC"]
    assert closing.signer is not None and closing.signer.name == "Đặng Ngọc Hậu"
    assert closing.signer.title == "PHÓ CHỦ TỊCH"


def test_a_staff_table_laid_out_like_a_footer_is_not_the_closing(rules):
    """KH 145/KH-THCSTT Lai Vung: a two-column staff table before the closing is laid out as
    footer columns; the closing is the pair of columns that holds the Nơi nhận."""
    from pipeline.extract.closing import extract_closing

    items = (("footer-left", "1 Võ Văn Long"), ("footer-right", "Hiệu trưởng Chỉ đạo chung"),
             ("footer-left", "2 Trần Lê Yến Nhi"), ("footer-right", "Kế toán Thu, tổng hợp b/c"),
             ("body", "Trên đây là kế hoạch thực hiện các khoản thu đầu năm học 2021-2022./."),
             ("footer-left", "Nơi nhận:"), ("footer-left", "- Phòng GDĐT;"), ("footer-left", "- Lưu: VT."),
             ("footer-right", "HIỆU TRƯỞNG"), ("footer-right", "Võ Văn Long"))
    lines = tuple(Line(text, 1, block) for block, text in items)
    closing = extract_closing(Lines(Document("kh.pdf", "0" * 64, "pdf", (Page(1, lines),))), rules)
    assert [r.name for r in closing.recipients] == ["Phòng GDĐT", "VT"]
    assert closing.signer is not None and (closing.signer.title, closing.signer.name) == ("HIỆU TRƯỞNG", "Võ Văn Long")


def test_a_decision_s_operative_formula_is_not_its_type_line(rules):
    """QĐ 69/2024/QĐ-UBND Hà Nội as scraped: the type name went into the header's left column,
    the trích yếu is followed by the deciding body in capitals and the grounds, then
    'QUYẾT ĐỊNH:' opens the articles (QĐ 254/QĐ-UBND Sơn La is laid out the same)."""
    texts = ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 69/2024/QĐ-UBND", "QUYẾT ĐỊNH",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 09 tháng 12 năm 2024",
             "Phê duyệt mức hỗ trợ đào tạo trình độ sơ cấp", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
             "Căn cứ Luật Ngân sách Nhà nước ngày 25 tháng 6 năm 2015;", "QUYẾT ĐỊNH:",
             "Điều 1. Ban hành mức hỗ trợ đối với từng nhóm đối tượng.")
    blocks = ("header-left",) * 4 + ("header-right",) * 2
    record = extract_record(_doc(*texts, blocks=blocks), rules)
    assert record.doc_type == "Quyết định"
    assert record.title == "Phê duyệt mức hỗ trợ đào tạo trình độ sơ cấp"
    assert [c.title for c in record.citations] == ["Luật Ngân sách Nhà nước"]


def test_a_regulation_s_own_header_later_is_not_the_decision_s(rules):
    """QĐ 70/2024/QĐ-UBND Hà Nội issues a Quy định with a header of its own pages later: the
    record's type and title are the decision's (QĐ 254/QĐ-UBND Sơn La issues a Kế hoạch so)."""
    texts = ("ỦY BAN NHÂN DÂN", "Số: 70/2024/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Hà Nội, ngày 12 tháng 12 năm 2024", "QUYẾT ĐỊNH", "Ban hành Quy định quản lý giá",
             "Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;", "Điều 1. Ban hành kèm theo Quyết định này Quy định.",
             "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUY ĐỊNH", "Một số nội dung quản lý giá")
    blocks = ("header-left", "header-left", "header-right", "header-right", "body", "body", "body", "body",
              "header-left", "header-right")
    record = extract_record(_doc(*texts, blocks=blocks), rules)
    assert (record.doc_type, record.title) == ("Quyết định", "Ban hành Quy định quản lý giá")


@pytest.mark.parametrize("text, expected", [
    # 'của' followed by more than the issuer belongs to the document before: the Bộ issued the
    # Thông tư, not the Quyết định it carries out (issue 15's real chain)
    ("Căn cứ Thông tư số 13/2022/TT-BGDĐT ngày 03/8/2022 của Bộ Giáo dục và Đào tạo hướng dẫn thực hiện "
     "Quyết định số 1665/QĐ-TTg ngày 30/10/2017 về hỗ trợ học sinh khởi nghiệp;",
     [("13/2022/TT-BGDĐT", "Bộ Giáo dục và Đào tạo"), ("1665/QĐ-TTg", None)]),
    # nothing but the issuer between 'của' and the number: it is the issuer (CV 2403/TTg-KGVX)
    ("Thực hiện các Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg ngày 27/10/2008 và số 53/2010/QĐ-TTg",
     [("142/2008/QĐ-TTg", "Thủ tướng Chính phủ"), ("53/2010/QĐ-TTg", "Thủ tướng Chính phủ")]),
    # the number word after the issuer is no part of it (QĐ 70/2024/QĐ-UBND Hà Nội)
    ("Xét báo cáo thẩm định của Sở Tư pháp số 258/BC-STP ngày 29/8/2024.", [("258/BC-STP", "Sở Tư pháp")]),
    # a list of proposals names each proposer right before 'tại' and its paper, 'của' or none;
    # the separators and 'tại' bound a company's name, its small letters and all (the draft
    # KH/KH-SCT Lào Cai 2026); the agent of a passive that directs is no proposer (TB 565/TB-UBND)
    ("Xét đề nghị của 19 đơn vị gồm: Công ty Công nghiệp Hóa chất mỏ Tây Bắc tại Văn bản số 2416/HCMTBa-ATBV ngày "
     "17/6/2026; Công ty cổ phần xây dựng và năng lượng Đông Dương tại Văn bản số 05/GĐN-ĐD ngày 24/6/2026.",
     [("2416/HCMTBa-ATBV", "Công ty Công nghiệp Hóa chất mỏ Tây Bắc"),
      ("05/GĐN-ĐD", "Công ty cổ phần xây dựng và năng lượng Đông Dương")]),
    ("Xét đề nghị của Trường THCS Nam Giang tại Tờ trình số 15/TTr-THCS ngày 12/3/2025 và Phòng Nội vụ tại Văn bản "
     "số 20/PNV ngày 13/3/2025.", [("15/TTr-THCS", "Trường THCS Nam Giang"), ("20/PNV", "Phòng Nội vụ")]),
    ("a) Tập trung thực hiện các nhiệm vụ đã được UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo tại Chỉ thị số 01/CT-UBND "
     "ngày 03/01/2024 về việc đẩy nhanh tiến độ.", [("01/CT-UBND", None)]),
])
def test_an_issuer_named_before_a_number_is_its_issuer_only_when_nothing_else_is(rules, text, expected):
    citations, _ = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert [(c.number, c.issuer) for c in citations] == expected


@pytest.mark.parametrize("text, title", [
    # 'và (type) số N' begins the next citation (KH 156/KH-UBND An Giang; CV 2403/TTg-KGVX)
    ("Thời hạn theo Nghị quyết 50/NQ-CP ngày 08/4/2022 của Chính phủ và Công văn số 366/UBND-TH ngày "
     "15/4/2022 của Uỷ ban nhân dân tỉnh.", None),
    ("Thực hiện các Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg ngày 27/10/2008 và số 53/2010/QĐ-TTg",
     None),
    ("Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 về ban hành Điều lệ trường trung học và số liệu",
     "ban hành Điều lệ trường trung học và số liệu"),
])
def test_the_next_number_ends_a_title(rules, text, title):
    citations, _ = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert citations[0].title == title


@pytest.mark.parametrize("text, issuers", [
    # documents joined by 'và' with no issuer of their own share the one after the last (QĐ 254/QĐ-UBND Sơn La)
    ("Thực hiện Công văn số 4216/UBND-NC ngày 02/12/2021 và Công văn số 4478/UBND-NC ngày 18/11/2022 của Chủ tịch "
     "UBND tỉnh để kịp thời xử lý.", ["Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh"]),
    # each with its own issuer keeps it (KH 156/KH-UBND An Giang)
    ("Thời hạn theo Nghị quyết 50/NQ-CP ngày 08/4/2022 của Chính phủ và Công văn số 366/UBND-TH ngày 15/4/2022 "
     "của Uỷ ban nhân dân tỉnh.", ["Chính phủ", "Uỷ ban nhân dân tỉnh"]),
])
def test_documents_joined_share_the_issuer_named_after_them(rules, text, issuers):
    citations, _ = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert [c.issuer for c in citations] == issuers


@pytest.mark.parametrize("text, issuer, title", [
    # the issuer right after the date without 'của' (KH 156/KH-UBND An Giang, twice)
    ("Căn cứ Kế hoạch số 145/KH-UBND ngày 18/3/2022 Uỷ ban nhân dân tỉnh về việc triển khai Đề án trên địa bàn tỉnh.",
     "Uỷ ban nhân dân tỉnh", "triển khai Đề án trên địa bàn tỉnh"),
    ("Căn cứ Kế hoạch số 145/KH-UBND ngày 18/3/2022 Uỷ ban nhân dân tỉnh và các Kết luận chỉ đạo của Chủ tịch "
     "Uỷ ban nhân dân tỉnh.", "Uỷ ban nhân dân tỉnh", "và các Kết luận chỉ đạo của Chủ tịch Uỷ ban nhân dân tỉnh"),
    # the name ends where the title begins
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 Chính phủ quy định về công tác văn thư.", "Chính phủ",
     "quy định về công tác văn thư"),
])
def test_an_issuer_named_after_the_date_without_cua(rules, text, issuer, title):
    citations, _ = extract_citations(Lines(_doc(text)), None, 0, set(), rules)
    assert (citations[0].issuer, citations[0].title) == (issuer, title)


def test_a_draft_with_its_day_left_blank_dates_deadlines_from_its_month(rules):
    """'Lâm Đồng, ngày    tháng 12 năm 2025' (the KH CCHC 2026 draft of UBND Lâm Đồng): the record
    keeps no date, and its deadlines count from the month printed ('Trước ngày 31/01 năm liền
    kề' is 31/01/2026), not from the year its title names."""
    record = extract_record(_doc("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: /KH-UBND",
                                 "Lâm Đồng, ngày    tháng 12 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2026",
                                 "I. NHIỆM VỤ",
                                 "1. Sở Tư pháp công bố danh mục văn bản hết hiệu lực trước ngày 31/01 năm liền kề."),
                            rules)
    assert record.date is None
    assert [t.deadline.end for t in record.tasks] == ["2026-01-31"]


def test_the_account_of_a_meeting_ends_a_notice_title(rules):
    """A Thông báo kết luận's trích yếu is followed by the day of the meeting, which opens the
    body, not the trích yếu's last line (TB 565/TB-UBND and TB 11/TB-UBND Quảng Ngãi)."""
    doc = _doc("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 565/TB-UBND", "Quảng Ngãi, ngày 15 tháng 11 năm 2024",
               "THÔNG BÁO", "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ",
               "Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo.")
    record = extract_record(doc, rules)
    assert record.title == "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tiến độ"


def test_a_trich_yeu_wrapped_over_six_lines_of_the_header_column(rules):
    """CV 7432/UBND-XD Lào Cai: the V/v runs over six lines of the left column, to its end."""
    vv = ["V/v triển khai thực hiện Quyết định số", "1074/QĐ-BXD ngày 29/6/2026 của Bộ",
          "Xây dựng ban hành các giải pháp kỹ thuật", "nâng cao an toàn phòng cháy, chữa cháy",
          "đối với các cơ sở, công trình không bảo", "đảm yêu cầu về phòng cháy và chữa cháy"]
    texts = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 7432 /UBND-XD", *vv, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 21 tháng 7 năm 2026", "Kính gửi: Công an tỉnh.",
             "Nội dung."]
    blocks = ("header-left",) * (3 + len(vv)) + ("header-right",) * 3
    record = extract_record(_doc(*texts, blocks=blocks), rules)
    assert record.title == " ".join(vv)


@pytest.mark.parametrize("issuer, number, subject", [
    # CV 9653/UBND-NC of UBND tỉnh Gia Lai (2026), a signed PDF
    (("ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"), "Số: 9653 /UBND-NC",
     ["Về việc phối hợp thực hiện quy định", "pháp luật trong việc xác định thành"]),
    # CV 141-CV/ĐU of Đảng ủy phường Bình Tiên (2025)
    (("ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",), "Số 141-CV/ĐU", ["Về việc đề nghị xét tặng Huy hiệu Đảng đợt"]),
])
def test_a_cong_van_subject_written_ve_viec_in_full(rules, issuer, number, subject):
    """Nghị định 30 writes a công văn's trích yếu 'V/v …'; offices also print the words in full
    under the number. In the header's zone that line is the trích yếu and marks a công văn."""
    texts = [*issuer, number, *subject, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Gia Lai, ngày 20 tháng 7 năm 2026", "Kính gửi: Sở Tư pháp.", "Nội dung."]
    blocks = ("header-left",) * (len(issuer) + 1 + len(subject)) + ("header-right",) * 3
    record = extract_record(_doc(*texts, blocks=blocks), rules)
    assert (record.doc_type, record.title) == ("Công văn", " ".join(subject))


def test_a_body_line_beginning_ve_viec_is_no_subject(rules):
    """Below the header a sentence may begin 'Về việc …': it names no công văn."""
    record = extract_record(_doc("ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số: 12/UBND-NC",
                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Gia Lai, ngày 20 tháng 7 năm 2026",
                                 "Kính gửi: Sở Tư pháp.", "Về việc này, Sở Tư pháp báo cáo trước ngày 30/7/2026.",
                                 blocks=("header-left",) * 3 + ("header-right",) * 2), rules)
    assert record.title != "Về việc này, Sở Tư pháp báo cáo trước ngày 30/7/2026."


def test_a_dot_typed_after_a_number_written_by_hand_is_no_part_of_it(rules):
    """'Số: 3070. /KH-UBND' (KH 3070/KH-UBND Bỉm Sơn, its number written into a typed blank)."""
    record = extract_record(_doc("ỦY BAN NHÂN DÂN", "THỊ XÃ BỈM SƠN", "Số: 3070. /KH-UBND",
                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bỉm Sơn, ngày 09 tháng 9 năm 2024",
                                 "KẾ HOẠCH", "Khắc phục tồn tại, hạn chế"), rules)
    assert (record.number, record.date) == ("3070/KH-UBND", "2024-09-09")


@pytest.mark.parametrize("written, number", [
    # a word OCR glued to the symbol's capitals is the next word (QĐ 2307/QĐ-UBND Sơn La, its 'Kèm theo' line)
    ("2307 /QĐ-UBNDngày", "2307/QĐ-UBND"),
    # a small letter inside the capitals is the symbol's own ('GDTrH', CV 1061/BGDĐT-GDTrH)
    ("1061/BGDĐT-GDTrH", "1061/BGDĐT-GDTrH"),
])
def test_a_word_glued_to_a_symbol_is_no_part_of_it(rules, written, number):
    assert normalise_number(rules.pattern("number").search(written)) == number


SCANNED_BCT = ("BỘ CÔNG THƯƠNG", "Số: 2265/BCT-ATMT", "Hà Nội, ngày) tháng) năm 2026",
               "V/v triển khai thực hiện thủ tục cấp Giấy phép", "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố",
               "Bộ Công Thương đề nghị Ủy ban nhân dân các tỉnh, thành phố hướng dẫn, tổ chức thực hiện./.",
               "Nơi nhận:", "- Nhưtrên", "- Lưu: VT, ATMT.", "KT. BỘ TRƯỞNG", "vo THỨ TRƯỞNG", "Z© À",
               "Trương Thanh Hoài")
SCANNED_BCT_BLOCKS = ("header-left", "header-left", "header-right", "header-left", "body", "body",
                      "footer-left", "footer-left", "footer-left", "footer-right", "footer-right", "footer-right",
                      "footer-right")


def _signature(time: str, reason: str) -> Signature:
    return Signature(field="Signature1", signer="Bộ Công Thương", time=time, reason=reason, intact=True)


@pytest.mark.parametrize("signatures, date", [
    # the day written in by hand is unreadable on the scan: the file's signature dates it (CV 2265/BCT-ATMT)
    ((_signature("2026-04-02T14:26:16+07:00", "Bộ Công Thương đã ký lên văn bản này!"),), "2026-04-02"),
    # a signature of a copy may come a day later (CT 11/CT-UBND Hà Nội): it dates nothing
    ((_signature("2026-04-03T10:25:15+07:00", "VĂN PHÒNG ký số bản sao văn bản điện tử!"),), None),
    # a signature outside the year the date line prints is another act
    ((_signature("2025-12-30T10:00:00+07:00", "Bộ Công Thương đã ký lên văn bản này!"),), None),
    ((), None),
])
def test_a_date_the_page_cannot_give_is_the_day_of_the_first_signature_of_the_document(rules, signatures, date):
    document = replace(_doc(*SCANNED_BCT, blocks=SCANNED_BCT_BLOCKS, ocr=True), signatures=signatures)
    record = extract_record(document, rules)
    assert (record.date, record.place) == (date, "Hà Nội")
    assert any("copy of the document was signed" in w for w in record.warnings) == ("bản sao" in str(signatures))


def test_the_seal_over_a_scanned_signer_block_leaves_the_office_and_the_recipients_whole(rules):
    """CV 2265/BCT-ATMT scanned: the seal reads 'vo' before 'THỨ TRƯỞNG'; OCR joins 'Như trên'."""
    record = extract_record(_doc(*SCANNED_BCT, blocks=SCANNED_BCT_BLOCKS, ocr=True), rules)
    signer = record.signer
    assert (signer.authority, signer.on_behalf_of, signer.title, signer.name) == (
        "KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trương Thanh Hoài")
    assert [(r.name, r.role) for r in record.recipients] == [("Nhưtrên", "action"), ("VT, ATMT", "archive")]


@pytest.mark.parametrize("appendix, date", [
    # a page saved without its header is dated by the heading of its appendix (KH 145/KH-UBND Yên
    # Bái; QĐ 1819/QĐ-BGDĐT in the long form)
    ("(Kèm theo Kế hoạch số: 145/KH-UBND ngày 19/6/2023 của UBND Yên Bái)", "2023-06-19"),
    ("(Kèm theo Kế hoạch số 145/KH-UBND ngày 19 tháng 6 năm 2023 của Ủy ban nhân dân tỉnh)", "2023-06-19"),
    # only the document's own number dates it
    ("(Kèm theo Kế hoạch số 12/KH-UBND ngày 01/01/2020 của UBND tỉnh)", None),
])
def test_a_page_without_its_date_line_is_dated_by_its_appendix(rules, appendix, date):
    record = extract_record(_doc("Số: 145/KH-UBND", "KẾ HOẠCH", "Đưa người lao động đi làm việc ở nước ngoài",
                                 "I. MỤC ĐÍCH, YÊU CẦU", "Phát triển thị trường lao động.", appendix), rules)
    assert record.date == date


@pytest.mark.parametrize("number, appendix, issuer", [
    # the body the appendix's heading names issues a page saved without its header (QĐ 1255/QĐ-UBND
    # Quảng Nam; QĐ 22/2023/QĐ-UBND Đắk Nông), past the head who signs for it (QĐ 1819/QĐ-BGDĐT)
    ("Số: 1255/QĐ-UBND", "(Kèm theo Quyết định số 1255/QĐ-UBND ngày 19/6/2023 của UBND tỉnh Quảng Nam)",
     "UBND tỉnh Quảng Nam"),
    ("Số: 22/2023/QĐ-UBND", "(Kèm theo Quyết định số: 22/2023/QĐ-UBND ngày 23 tháng 6 năm 2023 của Ủy ban nhân "
     "dân tỉnh Đắk Nông)", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("Số: 1819/QĐ-BGDĐT", "(Kèm theo Quyết định số 1819/QĐ-BGDĐT ngày 22 tháng 6 năm 2023 của Bộ trưởng Bộ Giáo "
     "dục và Đào tạo)", "Bộ Giáo dục và Đào tạo"),
    # another document's appendix names its own issuer, not this one's
    ("Số: 1255/QĐ-UBND", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 01/01/2020 của UBND tỉnh Quảng Nam)", None),
])
def test_a_page_without_its_header_is_issued_by_the_body_its_appendix_names(rules, number, appendix, issuer):
    record = extract_record(_doc(number, "QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch sử dụng đất năm 2023",
                                 "Điều 1. Phê duyệt kế hoạch sử dụng đất năm 2023.", appendix), rules)
    assert (record.issuer.name if record.issuer else None) == issuer


def test_a_procedure_with_no_number_of_its_own_bears_the_day_of_the_decision_it_was_issued_with(rules):
    """'QUY TRÌNH QUẢN LÝ VĂN BẢN' over '(Ban hành kèm theo Quyết định số: 148/QĐ-CTHADS ngày 30/8/2023 ...)'
    (Cục THADS Tuyên Quang): a Quy trình, its day that of its decision, which it does not cite."""
    record = extract_record(_doc(
        "CỤC THI HÀNH ÁN DÂN SỰ", "TỈNH TUYÊN QUANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUY TRÌNH QUẢN LÝ VĂN BẢN",
        "(Ban hành kèm theo Quyết định số: 148/QĐ-CTHADS ngày 30/8/2023 của Cục trưởng Cục Thi hành án dân sự tỉnh "
        "Tuyên Quang)",
        "1. Mục đích", "Thực hiện theo Nghị định số 30/2020/NĐ-CP của Chính phủ."), rules)
    assert (record.doc_type, record.title, record.date) == ("Quy trình", "QUẢN LÝ VĂN BẢN", "2023-08-30")
    assert [c.number for c in record.citations] == ["30/2020/NĐ-CP"]


@pytest.mark.parametrize("title, counted_from", [
    ("Kế hoạch cải cách hành chính năm 2026", "2026-01-01"),  # the UBND Lâm Đồng drafts
    # the year the work aims at does not date the plan (QĐ 1819/QĐ-BGDĐT; KH 145/KH-UBND Yên Bái)
    ("Thực hiện Nghị quyết về phát triển Thành phố đến năm 2030, tầm nhìn đến năm 2045", None),
    ("Đưa người lao động đi làm việc ở nước ngoài giai đoạn 2023 - 2025, định hướng đến năm 2030", None),
    ("KẾ HOẠCH NĂM 2023 THỰC HIỆN CHIẾN LƯỢC ĐẾN NĂM 2030", "2023-01-01"),
])
def test_a_plan_without_a_date_counts_from_the_year_its_title_names(title, counted_from):
    assert _plan_year(title) == counted_from


def test_a_plan_without_a_date_counts_its_deadlines_from_the_latest_paper_it_cites(rules):
    """A crawled copy that lost its date line (KH 110/KH-UBND Đắk Lắk): a yearly report 'trước ngày
    05/12 hằng năm' falls on the first 05/12 after the latest paper cited; the record keeps no date."""
    record = extract_record(_doc(
        "Số: 110/KH-UBND", "KẾ HOẠCH", "Thực hiện Chỉ thị số 17-CT/TW về an toàn thực phẩm",
        "Căn cứ Quyết định số 426/QĐ-TTg ngày 21/4/2023 của Thủ tướng Chính phủ về ban hành kế hoạch;",
        "III. TỔ CHỨC THỰC HIỆN",
        "UBND tỉnh yêu cầu các sở, ban, ngành báo cáo kết quả định kỳ trước ngày 05/12 hằng năm về UBND tỉnh."),
        rules)
    assert record.date is None
    assert [(t.deadline.end, t.recurrence) for t in record.tasks] == [("2023-12-05", "yearly")]
    assert any(w.startswith("[deadline] no date") for w in record.warnings)
