"""Diagnostics: user-data problems reported as values, never as exceptions.

Every diagnostic has a stable code, a severity, a message, a location (a file position
or a clause), and ideally a hint that says how to fix it. Stages return their result
together with a list of diagnostics, collected in one pass.

>>> d = Diagnostic(code="DEAL-UNKNOWN-KEY", severity=Severity.ERROR, message="unknown key 'prinicpal'",
...                span=SourceSpan(path="d.yaml", line=4, col=7), hint="did you mean 'principal'?")
>>> d.format()
"d.yaml:4:7: error DEAL-UNKNOWN-KEY unknown key 'prinicpal'\\n    hint: did you mean 'principal'?"
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable

from dealbook.core.source import ClauseRef
from dealbook.core.source import SourceSpan


class Severity(enum.StrEnum):
    """How serious a diagnostic is; only errors make a command exit non-zero."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One located problem with a stable code."""

    code: str
    severity: Severity
    message: str
    span: SourceSpan | None = None
    clause: ClauseRef | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.span is None and self.clause is None:
            raise ValueError(f"diagnostic {self.code} has no location")

    @property
    def location(self) -> str:
        """``path:line:col`` when the diagnostic has a file position, else ``doc:section``."""
        return str(self.span) if self.span is not None else str(self.clause)

    def format(self) -> str:
        """Render as ``path:line:col: severity CODE message`` plus an indented hint."""
        text = f"{self.location}: {self.severity} {self.code} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        """A JSON-ready mapping (no Decimals inside diagnostics)."""
        out: dict[str, object] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "location": self.location,
        }
        if self.span is not None:
            out.update(path=self.span.path, line=self.span.line, col=self.span.col)
        if self.clause is not None:
            out["clause"] = str(self.clause)
        if self.hint:
            out["hint"] = self.hint
        return out


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """Stable order: by file, line, column, then code."""
    span = diagnostic.span
    if span is None:
        return (str(diagnostic.clause), 0, 0, diagnostic.code)
    return (span.path, span.line, span.col, diagnostic.code)
