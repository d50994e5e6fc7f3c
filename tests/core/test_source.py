"""Source spans and clause references print in their documented forms."""

from __future__ import annotations

from dealbook.core.source import ClauseRef
from dealbook.core.source import SourceSpan


def test_clause_ref_prints_doc_and_section() -> None:
    assert str(ClauseRef(doc="cdpa", section="4.19", lines=(1206, 1263))) == "cdpa:4.19"
    assert str(ClauseRef(doc="spa", section="4(h)")) == "spa:4(h)"


def test_span_is_editor_clickable() -> None:
    assert str(SourceSpan(path="deals/x.yaml", line=12, col=7)) == "deals/x.yaml:12:7"
