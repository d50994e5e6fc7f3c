"""Diagnostic codes of the replay engine (documented in docs/diagnostics.md)."""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING

CODES = registry(
    CodeDoc(
        code="REPLAY-UNKNOWN-ACCRUAL",
        severity=E,
        summary="A payment names an accrual the replay does not compute at the as-of date.",
        fix="Use an accrual id listed by `dealbook replay` (ids start with `accrual:`).",
    ),
    CodeDoc(
        code="REPLAY-UNKNOWN-HOLDER",
        severity=E,
        summary="An event names a holder who is not a party to the deal.",
        fix="Use a holder id from the deal file's `parties.holders`.",
    ),
)
