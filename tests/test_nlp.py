"""The spaCy pipeline: built offline, one registered component fed by rules/."""

from __future__ import annotations

from pipeline.extract import nlp


def test_pipeline_is_vietnamese_without_pyvi(rules):
    pipe = nlp.pipeline(rules)
    assert pipe.lang == "vi"
    assert pipe.pipe_names == ["vanban_rules"]
    assert nlp.pipeline(rules) is pipe  # built once per rules version


def test_component_keeps_rule_matches_as_spans(rules):
    text = "Thực hiện Kế hoạch số 2156/KH-SGDĐT ngày 27/9/2024 và Nghị định số 80/2017/NĐ-CP."
    doc = nlp.pipeline(rules)(text)
    labels = [(span.text, span.label_) for span in doc.spans[nlp.SPAN_KEY]]
    assert ("2156/KH-SGDĐT", "number") in labels
    spans = nlp.find_spans(text, rules)
    found = {text[s:e] for s, e, label in spans if label == "number"}
    assert {"2156/KH-SGDĐT", "80/2017/NĐ-CP."} <= found
    expected = [(m.start(), m.end(), "number") for m in rules.pattern("number").finditer(text)]
    assert spans == expected  # the patterns' own offsets, not token boundaries


def test_component_finds_deadline_phrases(rules):
    """The deadline phrases of rules/deadlines.json are spans of the same component."""
    text = "Gửi báo cáo trước ngày 15/10/2024; định kỳ trước ngày 25 hằng tháng; kiểm tra trong quý I/2025."
    spans = {(text[s:e], label) for s, e, label in nlp.find_spans(text, rules)}
    assert {("trước ngày 15/10/2024", "dl_before_date"), ("trước ngày 25 hằng tháng", "dl_day_monthly"),
            ("quý I/2025", "dl_quarter")} <= spans
