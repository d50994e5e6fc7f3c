"""Diagnostic code documentation: every stable code is declared once, with its meaning.

Each dealbook package that emits diagnostics keeps a ``CODES`` mapping built from
:class:`CodeDoc`; ``docs/diagnostics.md`` is generated from all of them and a test fails
when a code is emitted but undocumented.
"""

from __future__ import annotations

import dataclasses

from dealbook.core.diagnostics import Severity


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CodeDoc:
    """What a diagnostic code means, its default severity and how to fix it."""

    code: str
    severity: Severity
    summary: str
    fix: str = ""


def registry(*docs: CodeDoc) -> dict[str, CodeDoc]:
    """Index code docs by code, refusing duplicates."""
    out: dict[str, CodeDoc] = {}
    for doc in docs:
        if doc.code in out:
            raise ValueError(f"duplicate diagnostic code {doc.code}")
        out[doc.code] = doc
    return out
