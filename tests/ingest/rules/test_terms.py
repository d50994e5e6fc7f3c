"""TERM-UNDEF, TERM-MISMATCH, TERM-TYPO, TERM-EXTERNAL and PARTY-UNDEF on fixtures."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

TEXT = """1.   TERMS.

     a.   The debentures of the Company (the "Debentures") and the closing date (the
          "Closing Date") and the warrants (the "Initial Warrant Escrow Shares").

     b.   The Company shall pay the Borrower the Additional Debentures after the
          Initial Closing Date, and deliver the Initial Escrow Shares and the Debentrues.
          The Conversion Price (as defined in the Debentures) applies.
"""


def found(code: str) -> list[Diagnostic]:
    return [d for d in lint_documents(ingest_text(TEXT, "t.txt")) if d.code == code]


def test_party_undef() -> None:
    [party] = found("PARTY-UNDEF")
    assert (str(party.span), party.message) == (
        "t.txt:6:37",
        '"Borrower" names a party role that no document of the deal defines',
    )


def test_term_undef_compound() -> None:
    messages = {(str(d.span), d.message) for d in found("TERM-UNDEF")}
    assert (
        "t.txt:6:50",
        '"Additional Debentures" is used as a defined term but is not defined; "Debentures" is',
    ) in messages
    assert (
        "t.txt:7:11",
        '"Initial Closing Date" is used as a defined term but is not defined; "Closing Date" is',
    ) in messages


def test_term_mismatch() -> None:
    [mismatch] = found("TERM-MISMATCH")
    assert str(mismatch.span) == "t.txt:7:49"
    assert (
        mismatch.message
        == '"Initial Escrow Shares" is not a defined term; the defined term is "Initial Warrant Escrow Shares"'
    )


def test_term_typo() -> None:
    [typo] = found("TERM-TYPO")
    assert (str(typo.span), typo.message) == (
        "t.txt:7:79",
        '"Debentrues" looks like a misspelling of the defined term "Debentures"',
    )


def test_term_external() -> None:
    [external] = found("TERM-EXTERNAL")
    assert (
        external.message
        == '"Conversion Price" is defined only in the Debentures, which is not part of the deal\'s text'
    )
