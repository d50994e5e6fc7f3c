"""Lint findings as SARIF 2.1.0, so editors and code hosts can show them.

One run, tool ``dealbook``, one rule per diagnostic code (from
:data:`dealbook.ingest.codes.CODES`), one result per diagnostic with its physical
location (``path``, 1-based ``startLine``/``startColumn`` and the end when known).

>>> from dealbook.core.diagnostics import Diagnostic, Severity
>>> from dealbook.core.source import SourceSpan
>>> d = Diagnostic(code="XREF-BAD", severity=Severity.ERROR, message="no section 4(1)",
...                span=SourceSpan(path="spa.txt", line=350, col=6))
>>> log = to_sarif([d])
>>> log["version"], log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
('2.1.0', {'startLine': 350, 'startColumn': 6})
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.ingest.codes import CODES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_sarif(diagnostics: Sequence[Diagnostic], *, version: str = "0.1.0") -> dict[str, object]:
    """A SARIF 2.1.0 log of the diagnostics."""
    used = sorted({d.code for d in diagnostics})
    rules = [
        {
            "id": code,
            "name": code.title().replace("-", ""),
            "shortDescription": {"text": CODES[code].summary if code in CODES else code},
            "fullDescription": {"text": CODES[code].summary if code in CODES else code},
            "help": {"text": CODES[code].fix if code in CODES else ""},
            "helpUri": f"docs/lint-rules.md#{code.lower()}",
            "defaultConfiguration": {
                "level": _LEVELS[CODES[code].severity] if code in CODES else "warning"
            },
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    results = [_result(d, index) for d in diagnostics]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dealbook",
                        "version": version,
                        "informationUri": "https://github.com/dealbook/dealbook",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths as they are, absolute paths as ``file://`` URIs."""
    candidate = PurePath(path)
    return candidate.as_uri() if candidate.is_absolute() else candidate.as_posix()


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    message = diagnostic.message + (f" (hint: {diagnostic.hint})" if diagnostic.hint else "")
    out: dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index[diagnostic.code],
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": message},
    }
    span = diagnostic.span
    if span is not None:
        region: dict[str, int] = {"startLine": span.line, "startColumn": span.col}
        if span.end_line is not None and span.end_col is not None:
            region["endLine"] = span.end_line
            region["endColumn"] = span.end_col
        out["locations"] = [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(span.path)}, "region": region}}
        ]
    elif diagnostic.clause is not None:
        out["locations"] = [{"logicalLocations": [{"fullyQualifiedName": str(diagnostic.clause)}]}]
    return out
