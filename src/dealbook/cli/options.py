"""Option bundles shared by every command (``--format``), and common output helpers."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Annotated
from typing import NoReturn

import typer

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import has_errors


class OutputFormat(enum.StrEnum):
    """Output formats: readable text or machine JSON."""

    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


def emit_json(payload: object) -> None:
    """Write one JSON document to standard output (Decimals must already be text)."""
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def emit_diagnostics(diagnostics: Sequence[Diagnostic], fmt: OutputFormat) -> int:
    """Print diagnostics and return the exit code (1 when any is an error)."""
    if fmt is OutputFormat.JSON:
        emit_json(
            {"diagnostics": [d.to_json() for d in diagnostics], "errors": has_errors(diagnostics)}
        )
    else:
        for diagnostic in diagnostics:
            sys.stdout.write(diagnostic.format() + "\n")
    return 1 if has_errors(diagnostics) else 0


def usage_error(message: str) -> NoReturn:
    """Print ``error: message`` on standard error and exit 2 (a usage error)."""
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(2)


def parse_date(text: str, what: str) -> date:
    """An ISO date given on the command line, or a usage error naming ``what``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        usage_error(f"{what}: {text!r} is not an ISO date (write YYYY-MM-DD, e.g. 2003-08-29)")
