"""`vanban show FILE --html`: the clean text of a document with every field highlighted
where it came from, beside the record. Static, offline, and everything escaped: document
text is data, never markup."""

from __future__ import annotations

import html
import json

from .document import Document
from .record import Record

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1rem}
main{flex:3;padding:1rem;white-space:pre-wrap;font-family:"DejaVu Serif",serif;line-height:1.5}
aside{flex:2;padding:1rem;background:#f6f6f6;overflow:auto;max-height:100vh;position:sticky;top:0}
mark{background:#ffe08a;border-radius:2px}mark[title^="citations"]{background:#b8e0ff}
mark[title^="tasks"]{background:#c8f0c0}mark[title^="recipients"]{background:#f5c6f0}
.page{border-top:1px dashed #999;margin-top:1rem;color:#777;font-size:.8rem}
pre{white-space:pre-wrap;font-size:.8rem}
"""


def render(document: Document, record: Record) -> str:
    """One self-contained HTML page."""
    by_page: dict[int, list[tuple[int, int, str, str]]] = {}
    for field, span in record.evidence.items():
        by_page.setdefault(span.page, []).append((span.start, span.end, field, ""))
    parts = []
    for page in document.pages:
        parts.append(f'<div class="page">trang {page.number}</div>')
        parts.append(mark_spans(page.text, by_page.get(page.number, [])))
    payload = json.dumps(record.to_dict(), ensure_ascii=False, indent=2)
    title = html.escape(record.number or record.source.path)
    csp = "default-src 'none'; style-src 'unsafe-inline'"  # nothing is loaded, nothing runs
    return (f"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\"><title>{title}</title>"
            f"<style>{_STYLE}</style></head><body><main>{''.join(parts)}</main>"
            f"<aside><h2>{title}</h2><pre>{html.escape(payload)}</pre></aside></body></html>\n")


def mark_spans(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Text, escaped, with non-overlapping spans wrapped in <mark title=.. class=..>;
    overlaps keep the first. A span is (start, end, title, css class)."""
    out, pos = [], 0
    for start, end, title, css in sorted(spans):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        cls = f' class="{html.escape(css, quote=True)}"' if css else ""
        out.append(f'<mark title="{html.escape(title, quote=True)}"{cls}>{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
