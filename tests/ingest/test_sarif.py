"""SARIF 2.1.0 output, validated against the schema's required structure."""

from __future__ import annotations

from typing import Any

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ingest.sarif import to_sarif


def test_sarif_log() -> None:
    diagnostics = [
        Diagnostic(code="XREF-BAD", severity=Severity.ERROR, message="no 4(1)", hint="did you mean 4(l)?",
                   span=SourceSpan(path="/seeds/spa.txt", line=350, col=6, end_line=350, end_col=18)),
        Diagnostic(code="TERM-FORWARD", severity=Severity.INFO, message="early", span=SourceSpan(path="rra.txt", line=1, col=1)),
    ]  # fmt: skip
    log: Any = to_sarif(diagnostics)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["TERM-FORWARD", "XREF-BAD"]
    first, second = run["results"]
    assert first["level"] == "error" and first["ruleIndex"] == 1
    assert first["message"]["text"] == "no 4(1) (hint: did you mean 4(l)?)"
    location = first["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "file:///seeds/spa.txt"},
        "region": {"startLine": 350, "startColumn": 6, "endLine": 350, "endColumn": 18},
    }
    assert second["level"] == "note"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "rra.txt"
