"""The store interface's value types."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.store.base import DealNotStored
from dealbook.store.base import ImportResult


def test_import_result_ok() -> None:
    assert ImportResult(deal="x").ok
    warning = Diagnostic(
        code="W", severity=Severity.WARNING, message="m", span=SourceSpan(path="p", line=1, col=1)
    )
    assert ImportResult(deal="x", diagnostics=(warning,)).ok
    error = Diagnostic(
        code="E", severity=Severity.ERROR, message="m", span=SourceSpan(path="p", line=1, col=1)
    )
    assert not ImportResult(deal="x", diagnostics=(warning, error)).ok


def test_deal_not_stored_is_a_lookup_error() -> None:
    assert issubclass(DealNotStored, LookupError)
