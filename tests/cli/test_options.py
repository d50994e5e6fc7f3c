"""Shared CLI output helpers."""

from __future__ import annotations

import json

import pytest

from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan


def test_emit_diagnostics_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    warning = Diagnostic(
        code="W", severity=Severity.WARNING, message="w", span=SourceSpan(path="f", line=1, col=2)
    )
    assert emit_diagnostics([warning], OutputFormat.TEXT) == 0
    assert capsys.readouterr().out == "f:1:2: warning W w\n"
    error = Diagnostic(
        code="E", severity=Severity.ERROR, message="e", span=SourceSpan(path="f", line=3, col=4)
    )
    assert emit_diagnostics([warning, error], OutputFormat.JSON) == 1
    assert json.loads(capsys.readouterr().out)["errors"] is True
