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


def test_parse_date_and_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    import typer

    from dealbook.cli.options import parse_date

    assert parse_date(" 2003-08-29 ", "start") == date(2003, 8, 29)
    with pytest.raises(typer.Exit) as raised:
        parse_date("2003-02-30", "--as-of")
    assert raised.value.exit_code == 2
    assert capsys.readouterr().err == (
        "error: --as-of: '2003-02-30' is not an ISO date (write YYYY-MM-DD, e.g. 2003-08-29)\n"
    )
