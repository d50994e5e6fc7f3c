"""Load a deal file: located YAML, model validation, then whole-deal checks.

Returns ``(deal, diagnostics)``; the deal is None when any error was found. The file is
only read, never written.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.diagnostics import has_errors
from dealbook.core.diagnostics import sort_key
from dealbook.core.source import SourceSpan
from dealbook.loading.references import check_deal
from dealbook.loading.validate import diagnostics_from
from dealbook.loading.yamlsrc import read_yaml
from dealbook.terms.adapter import DEAL_ADAPTER
from dealbook.terms.deal import Deal


def load_deal_text(
    text: str, path: str, *, base_dir: Path | None = None
) -> tuple[Deal | None, list[Diagnostic]]:
    """Validate deal-file text; ``base_dir`` enables the agreement-text checks."""
    document, diagnostics = read_yaml(text, path)
    if document is None or has_errors(diagnostics):
        return None, sorted(diagnostics, key=sort_key)
    if not isinstance(document.data, dict):
        diagnostics.append(
            Diagnostic(
                code="DEAL-NOT-MAPPING",
                severity=Severity.ERROR,
                message="a deal file is a mapping of blocks",
                span=SourceSpan(path=path, line=1, col=1),
                hint="start with `dealbook: 1` and `id: <deal-id>`",
            )
        )
        return None, diagnostics
    try:
        deal = DEAL_ADAPTER.validate_python(document.data)
    except ValidationError as error:
        diagnostics.extend(diagnostics_from(error, document, Deal))
        return None, sorted(diagnostics, key=sort_key)
    diagnostics.extend(check_deal(deal, document, base_dir))
    ordered = sorted(diagnostics, key=sort_key)
    return (None if has_errors(ordered) else deal), ordered


def load_deal_file(path: Path | str) -> tuple[Deal | None, list[Diagnostic]]:
    """Read and validate a deal file from disk."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [
            Diagnostic(
                code="FILE-NOT-FOUND",
                severity=Severity.ERROR,
                message=f"cannot read {file}: {error.strerror}",
                span=SourceSpan(path=str(file), line=1, col=1),
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Diagnostic(
                code="FILE-ENCODING",
                severity=Severity.ERROR,
                message=f"not UTF-8 text (byte {error.start})",
                span=SourceSpan(path=str(file), line=line, col=1),
                hint="save the file as UTF-8",
            )
        ]
    return load_deal_text(text, str(file), base_dir=file.parent)
