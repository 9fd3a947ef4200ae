"""spaCy at the edge: the only module that imports it.

A Vietnamese pipeline built offline (spaCy's own Vietnamese tokenizer without pyvi, so
nothing loads at run time) with one registered component, `vanban_rules`, that runs the
patterns of rules/ over the text and keeps their matches in `doc.spans["vanban"]`. The
extractors get plain `(start, end, label)` spans with the patterns' own offsets.
"""

from __future__ import annotations

from typing import Any

from ..rules import Rules

SPAN_KEY = "vanban"

_PIPELINES: dict[str, Any] = {}


def _register() -> None:
    from spacy.language import Language

    if "vanban_rules" in Language.factories:
        return

    @Language.factory("vanban_rules", default_config={"labels": ["number"]})
    def make_rules_component(nlp, name: str, labels: list[str]):
        return RulesComponent(labels)


class RulesComponent:
    """Matches every pattern named in `labels` and stores the matches as spans."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels
        self.patterns: list[tuple[str, Any]] = []

    def use(self, rules: Rules) -> None:
        self.patterns = [(label, rules.pattern(label)) for label in self.labels]

    def __call__(self, doc):
        spans, exact = [], []
        # spaCy joins a Doc's text from its tokens on every `doc.text`: taken once, not once a
        # pattern (24 patterns made it two thirds of extraction, issue 17)
        text = doc.text
        for label, pattern in self.patterns:
            for match in pattern.finditer(text):
                exact.append((match.start(), match.end(), label))
                span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.user_data[SPAN_KEY] = sorted(exact)
        return doc


def pipeline(rules: Rules):
    """The spaCy pipeline for these rules, built once per rules version."""
    nlp = _PIPELINES.get(rules.version)
    if nlp is None:
        from spacy.lang.vi import Vietnamese

        _register()
        nlp = Vietnamese.from_config({"nlp": {"tokenizer": {"use_pyvi": False}}})
        # the rules patterns whose matches are spans: document numbers, and the deadline
        # phrases of rules/deadlines.json in their order
        nlp.add_pipe("vanban_rules", config={"labels": ["number", *rules.deadline_kinds]})
        nlp.get_pipe("vanban_rules").use(rules)
        _PIPELINES[rules.version] = nlp
    return nlp


def find_spans(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    """(start, end, label) of every rules pattern in `text`, by the patterns' own offsets."""
    nlp = pipeline(rules)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return nlp(text).user_data[SPAN_KEY]

