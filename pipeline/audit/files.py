"""The audit as files people open: OUT/audit.csv and OUT/audit.xlsx, one row per finding
(the workbook also has the coverage of parent plans and every citation's resolution)."""

from __future__ import annotations

from pathlib import Path

from ..derive.schedule import vn_date
from ..export import write_atomic
from ..rules import Rules
from ..sheets import Table, csv_bytes, workbook
from . import Audit

COLUMNS = ("STT", "Mức độ", "Loại", "Văn bản", "Văn bản liên quan", "Nội dung", "Trích dẫn", "Trang", "Đề xuất",
           "Tệp", "Mã loại")
WIDTHS = (6, 12, 26, 40, 40, 60, 50, 7, 40, 36, 24)


def _names(result: Audit) -> dict[str, str]:
    """Each file's document as an office names it (số hiệu – trích yếu): a finding is read by
    people who know documents by number, not by the file the văn thư saved (issue 15). The
    copies of one document take its name."""
    names = {}
    for document in result.documents:
        for record in (document.record, *document.copies):
            names[record.source.path] = document.record.name()
    return names


def findings_table(result: Audit, rules: Rules, names: dict[str, str]) -> Table:
    data = rules.table("audit")
    labels = {k: v.get("label", k) for k, v in data["kinds"].items() if not k.startswith("#")}
    severities = data["severities"]
    rows = []
    for number, finding in enumerate(result.findings, start=1):
        quotes = " | ".join(q.text for q in finding.evidence)
        pages = ", ".join(str(q.page) for q in finding.evidence if q.page is not None)
        named = [names.get(path, path) for path in finding.documents]
        rows.append([number, severities.get(finding.severity, finding.severity), labels.get(finding.kind, finding.kind),
                     named[0], "; ".join(named[1:]), finding.message, quotes, pages, finding.suggestion or "",
                     "; ".join(finding.documents), finding.kind])
    return Table("Phát hiện", COLUMNS, WIDTHS, rows)


def coverage_table(result: Audit, rules: Rules) -> Table:
    rows = [[c.parent.record.name(), c.child.record.name(), c.child.path, rules.hierarchy.get(c.unit).name,
             c.carried, c.total, round(c.ratio, 3)] for c in result.coverage]
    return Table("Độ bao phủ", ("Kế hoạch cấp trên", "Kế hoạch cấp dưới", "Tệp", "Đơn vị", "Nhiệm vụ đã triển khai",
                                "Nhiệm vụ được giao", "Tỷ lệ"), (40, 40, 36, 28, 12, 12, 8), rows)


def citations_table(result: Audit, names: dict[str, str]) -> Table:
    rows = [[names.get(link.citing.path, link.citing.path), link.citation.doc_type or "",
             link.citation.number or link.citation.title or "", vn_date(link.citation.date), link.citation.issuer or "",
             link.cited.record.name() if link.cited else "ngoài lô", link.citing.path]
            for link in result.links]
    return Table("Trích dẫn", ("Văn bản", "Loại", "Số / tên", "Ngày", "Cơ quan (theo văn bản)", "Trong lô", "Tệp"),
                 (40, 14, 30, 12, 30, 40, 36), rows)


def write_audit(out: Path, result: Audit, rules: Rules) -> list[Path]:
    names = _names(result)  # the documents as named, once for both tables that name them
    findings = findings_table(result, rules, names)
    csv_path, xlsx_path = out / "audit.csv", out / "audit.xlsx"
    write_atomic(csv_path, csv_bytes(findings))
    write_atomic(xlsx_path, workbook([findings, coverage_table(result, rules), citations_table(result, names)]))
    return [csv_path, xlsx_path]
