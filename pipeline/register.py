"""The records as an e-office register: `vanban export OUT --format nd30`.

The fields and their names are in rules/register.json (Nghị định 30/2020 Phụ lục VI for
the incoming-document register); this module knows how to compute each value named there
from a record. Written with pandas as CSV (UTF-8 with BOM, formulas neutralised) and JSON
(records, Vietnamese kept as is).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import regex

from .export import neutral, write_atomic
from .record import Record
from .rules import Rules
from .store import Store


def split_number(number: str | None) -> tuple[str | None, str | None]:
    """'1008/KH-SGDĐT' → ('1008', 'KH-SGDĐT'): the number and the ký hiệu after its first '/'."""
    if not number:
        return None, None
    match = regex.match(r"(\d+)[/-](.+)$", number)
    return (match.group(1), match.group(2)) if match else (None, number)


def _signer(record: Record) -> str | None:
    signer = record.signer
    if signer is None:
        return None
    office = " ".join(filter(None, (signer.authority, signer.on_behalf_of)))
    return " / ".join(filter(None, (office, signer.title, signer.name))) or None


def _first_deadline(record: Record) -> str | None:
    ends = sorted(t.deadline.end for t in record.tasks if t.deadline and t.deadline.end)
    return ends[0] if ends else None


VALUES: dict[str, Callable[[Record], object]] = {
    "source.path": lambda r: r.source.path,
    "source.pages": lambda r: r.source.pages,
    "number": lambda r: r.number,
    "number.seq": lambda r: split_number(r.number)[0],
    "number.symbol": lambda r: split_number(r.number)[1],
    "date": lambda r: r.date,
    "place": lambda r: r.place,
    "issuer.name": lambda r: r.issuer.name if r.issuer else None,
    "issuer.parent": lambda r: r.issuer.parent if r.issuer else None,
    "issuer.code": lambda r: r.issuer.code if r.issuer else None,
    "doc_type": lambda r: r.doc_type,
    "title": lambda r: r.title,
    "signer": _signer,
    "recipients": lambda r: "; ".join(x.name for x in r.recipients if x.role != "archive") or None,
    "tasks.first_deadline": _first_deadline,
    "tasks.count": lambda r: len(r.tasks),
    "citations.numbers": lambda r: "; ".join(c.number for c in r.citations if c.number) or None,
}


def check_register_rules(rules: Rules) -> None:
    """Every field of rules/register.json names a value this module computes."""
    for name, spec in rules.table("register").items():
        if name.startswith("#"):
            continue
        for field, value in spec["fields"].items():
            if value not in VALUES:
                raise ValueError(f"register.json: {name}.{field} takes {value!r}, which is none of {sorted(VALUES)}")


def rows(records: list[Record], rules: Rules, fmt: str = "nd30") -> list[dict[str, object]]:
    fields = rules.table("register")[fmt]["fields"]
    return [{field: VALUES[value](record) for field, value in fields.items()} for record in records]


def write_register(store: Store, out: Path, rules: Rules, fmt: str = "nd30") -> list[Path]:
    """OUT/export/<fmt>.csv and .json from the documents of the store."""
    import pandas as pd

    check_register_rules(rules)
    records = [Record.from_dict(json.loads(text)) for (text,) in
               store.db.execute("SELECT record FROM documents ORDER BY path")]
    frame = pd.DataFrame(rows(records, rules, fmt), columns=list(rules.table("register")[fmt]["fields"]))
    csv_path, json_path = out / "export" / f"{fmt}.csv", out / "export" / f"{fmt}.json"
    safe = frame.map(lambda v: neutral(v) if isinstance(v, str) else v)
    write_atomic(csv_path, ("\ufeff" + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8"))
    write_atomic(json_path, frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    return [csv_path, json_path]
