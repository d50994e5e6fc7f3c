"""TERM-UNUSED, TERM-DUP, TERM-CONFLICT and TERM-FORWARD on fixtures."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

TEXT = """1.   TERMS.

     a.   "Material" means more than $100,000.  The Reserved Amount is used early.

     b.   The shares so reserved (the "Reserved Amount").  The note ("Note").  The note ("Note").

     c.   The buyer (the "Purchaser").  "Purchaser" means HEM Fund Limited.  The Purchaser pays.
"""


def found(code: str) -> list[Diagnostic]:
    return [d for d in lint_documents(ingest_text(TEXT, "d.txt")) if d.code == code]


def test_term_unused() -> None:
    unused = [(str(d.span), d.message) for d in found("TERM-UNUSED")]
    assert unused == [
        ("d.txt:3:12", '"Material" is defined but never used'),
        ("d.txt:5:71", '"Note" is defined but never used'),
    ]


def test_term_dup_and_conflict() -> None:
    [dup] = found("TERM-DUP")
    assert str(dup.span) == "d.txt:5:91" and dup.message.startswith(
        '"Note" is defined again, as in 1(b)'
    )
    [conflict] = found("TERM-CONFLICT")
    assert str(conflict.span) == "d.txt:7:42"
    assert (
        conflict.message
        == '"Purchaser" is defined again with a different meaning (first in 1(c) (line 7))'
    )


def test_term_forward() -> None:
    [forward] = found("TERM-FORWARD")
    assert (str(forward.span), forward.message) == (
        "d.txt:3:53",
        '"Reserved Amount" is used before its definition (line 5)',
    )
