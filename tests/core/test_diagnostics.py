"""Diagnostics: located, formatted, serializable, and never location-less."""

from __future__ import annotations

import pytest

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.diagnostics import has_errors
from dealbook.core.diagnostics import sort_key
from dealbook.core.source import ClauseRef
from dealbook.core.source import SourceSpan


def test_location_is_required() -> None:
    with pytest.raises(ValueError, match="has no location"):
        Diagnostic(code="X", severity=Severity.ERROR, message="m")


def test_format_and_json() -> None:
    d = Diagnostic(
        code="LINT-X",
        severity=Severity.WARNING,
        message="m",
        clause=ClauseRef(doc="spa", section="4(h)"),
    )
    assert d.format() == "spa:4(h): warning LINT-X m"
    assert d.to_json() == {
        "code": "LINT-X",
        "severity": "warning",
        "message": "m",
        "location": "spa:4(h)",
        "clause": "spa:4(h)",
    }
    assert not has_errors([d])


def test_sort_orders_by_file_line_col() -> None:
    a = Diagnostic(
        code="B", severity=Severity.ERROR, message="", span=SourceSpan(path="f", line=2, col=1)
    )
    b = Diagnostic(
        code="A", severity=Severity.ERROR, message="", span=SourceSpan(path="f", line=1, col=9)
    )
    c = Diagnostic(
        code="C", severity=Severity.INFO, message="", clause=ClauseRef(doc="rra", section="2(c)")
    )
    assert sorted([a, b, c], key=sort_key) == [b, a, c]
    assert has_errors([a, c])
