"""A synthetic corpus of dispatches with ground truth, for the benchmark.

Plans, công văn and quyết định of Sở, Phòng and UBND of made-up places, each with a
number, a date, citations and tasks with deadlines, written as the text a reader would
extract; `write_corpus` renders them in the mix of formats that arrives (text, DOCX,
DOCX in TCVN3, born-digital PDF, a few scans) through tests/variants.py, with a JSON file
of what each document says.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

PLACES = ["Nghệ An", "Sơn La", "Kiên Giang", "Hà Tĩnh", "Quảng Trị", "Đắk Lắk", "Lào Cai", "Bình Định"]
DISTRICTS = ["Nam Đàn", "Mai Sơn", "Thanh Chương", "Yên Thành", "Diễn Châu", "Quỳnh Lưu", "Con Cuông", "Tân Kỳ"]
SUBJECTS = ["phòng, chống đuối nước cho học sinh", "bảo đảm an toàn trường học", "chuyển đổi số trong giáo dục",
            "giáo dục kỹ năng sống cho học sinh", "phòng, chống bạo lực học đường", "bồi dưỡng giáo viên cốt cán",
            "kiểm tra nội bộ trường học", "tuyên truyền phổ biến pháp luật"]
ACTIONS = ["Xây dựng kế hoạch triển khai của đơn vị, gửi về {up}", "Tổ chức tập huấn cho cán bộ quản lý, giáo viên",
           "Rà soát cơ sở vật chất, khắc phục các nguy cơ mất an toàn",
           "Tổng hợp báo cáo kết quả thực hiện, gửi về {up}",
           "Tổ chức tuyên truyền đến học sinh và cha mẹ học sinh", "Kiểm tra việc thực hiện tại các cơ sở giáo dục",
           "Lồng ghép nội dung vào các hoạt động giáo dục", "Cử cán bộ tham gia lớp bồi dưỡng do {up} tổ chức"]


@dataclass
class Synthetic:
    stem: str
    text: str
    truth: dict


def _date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def make_document(i: int, rng: random.Random) -> Synthetic:
    kind = rng.choice(["Kế hoạch", "Kế hoạch", "Công văn", "Quyết định"])
    level = rng.choice(["so", "phong"])
    place = rng.choice(PLACES)
    district = rng.choice(DISTRICTS)
    if level == "so":
        parent, issuer, code, up, below = (f"UBND TỈNH {place.upper()}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT",
                                           "Sở GDĐT", "Phòng Giáo dục và Đào tạo các huyện, thành phố")
        town = place
    else:
        parent, issuer, code, up, below = (f"UBND HUYỆN {district.upper()}", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "PGDĐT",
                                           "Phòng GDĐT", "Các trường Mầm non, Tiểu học, THCS")
        town = district
    date = _date(rng, dt.date(2023, 8, 1), 700)
    seq = rng.randrange(10, 3000)
    type_code = {"Kế hoạch": "KH", "Quyết định": "QĐ"}.get(kind)
    number = f"{seq}/{type_code}-{code}" if type_code else f"{seq}/{code}-VP"
    subject = rng.choice(SUBJECTS)
    cited_seq = rng.randrange(100, 9000)
    cited_date = date - dt.timedelta(days=rng.randrange(10, 400))
    lines = [parent, issuer, f"Số: {number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"{town}, ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"]
    title = f"{'Về việc triển khai' if kind == 'Quyết định' else 'Triển khai'} công tác {subject} năm học " \
            f"{date.year if date.month >= 8 else date.year - 1}-{date.year + 1 if date.month >= 8 else date.year}"
    if kind == "Công văn":
        lines.append(f"V/v {title[0].lower()}{title[1:]}")
    else:
        lines += [kind.upper(), title]
    lines.append(f"Căn cứ Kế hoạch số {cited_seq}/KH-UBND ngày {cited_date.day:02d}/{cited_date.month:02d}/"
                 f"{cited_date.year} của Ủy ban nhân dân tỉnh {place} về công tác {subject};")
    lines += ["I. MỤC ĐÍCH, YÊU CẦU", f"- Nâng cao hiệu quả công tác {subject}.", "II. TỔ CHỨC THỰC HIỆN",
              f"1. {below}"]
    tasks = []
    for _ in range(rng.randrange(3, 8)):
        deadline = _date(rng, date + dt.timedelta(days=7), 200)
        action = rng.choice(ACTIONS).format(up=up)
        lines.append(f"- {action}, hoàn thành trước ngày {deadline.day:02d}/{deadline.month:02d}/{deadline.year}.")
        tasks.append({"owner": below, "deadline": deadline.isoformat()})
    lines += ["Nơi nhận:", f"- {below} (để thực hiện);", "- Lưu: VT.", "GIÁM ĐỐC" if level == "so" else "TRƯỞNG PHÒNG",
              rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Minh", "Phạm Thị Hoa"])]
    truth = {"number": number, "date": date.isoformat(), "doc_type": kind, "issuer": issuer,
             "citations": [f"{cited_seq}/KH-UBND"], "tasks": tasks}
    return Synthetic(f"syn{i:04d}", "\n".join(lines) + "\n", truth)


def write_corpus(folder: Path, count: int, seed: int = 2024, formats: dict[str, float] | None = None,
                 scans: int = 0) -> dict[str, dict]:
    """`count` documents under `folder` in a mix of formats; returns {file name: truth}.
    `formats` gives the share of each ('txt', 'docx', 'tcvn3', 'pdf'); `scans` documents
    more are scanned PDFs (slow: OCR)."""
    from pipeline import load_rules, read_document
    from tests.variants import layout_of, make_docx, make_pdf, make_scan

    formats = formats or {"txt": 0.2, "docx": 0.3, "tcvn3": 0.1, "pdf": 0.4}
    rng = random.Random(seed)
    rules = load_rules()
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    kinds = list(formats)
    for i in range(count + scans):
        doc = make_document(i, rng)
        kind = "scan" if i >= count else rng.choices(kinds, weights=[formats[k] for k in kinds])[0]
        source = folder / f"{doc.stem}.txt"
        source.write_text(doc.text, encoding="utf-8")
        if kind == "txt":
            name = source.name
        else:
            layout = layout_of(read_document(source, rules))
            source.unlink()
            if kind in ("docx", "tcvn3"):
                name = f"{doc.stem}.{kind}.docx"
                (folder / name).write_bytes(make_docx(layout, "tcvn3" if kind == "tcvn3" else None))
            elif kind == "pdf":
                name = f"{doc.stem}.pdf"
                (folder / name).write_bytes(make_pdf(layout))
            else:
                name = f"{doc.stem}.scan.pdf"
                (folder / name).write_bytes(make_scan(make_pdf(layout), max_pages=1))
        truth[name] = doc.truth
    (folder.parent / f"{folder.name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                                             encoding="utf-8")
    return truth
