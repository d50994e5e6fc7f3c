"""NUM-GAP, NUM-DUP, TOC-MISMATCH, PAREN, QUOTE, PLACEHOLDER and ENC-ARTEFACT on fixtures."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

TEXT = """TABLE OF CONTENTS

ARTICLE I    DEFINITIONS.......1
  1.1  TERMS...................1
  1.2  MISSING.................2


ARTICLE I

DEFINITIONS

1.1  TERMS.  The Company (as defined (below) is "here.  Price: $____ per share.

     (a)  First.

     (c)  Third.

     (c)  Again.  The Company*s officers and [insert name] without -------- ------- the approval).
"""


def found(code: str) -> list[Diagnostic]:
    return [d for d in lint_documents(ingest_text(TEXT, "s.txt")) if d.code == code]


def test_numbering() -> None:
    [gap] = found("NUM-GAP")
    assert (str(gap.span), gap.message) == (
        "s.txt:16:6",
        "section 1.1(c) follows a gap in the numbering: b missing",
    )
    [dup] = found("NUM-DUP")
    assert (str(dup.span), dup.message) == (
        "s.txt:18:6",
        "section 1.1(c) repeats the number of the section before it",
    )


def test_toc() -> None:
    [missing] = found("TOC-MISMATCH")
    assert str(missing.span) == "s.txt:5:8"
    assert (
        missing.message == "the table of contents lists 1.2 'MISSING', which the body does not have"
    )


def test_paren_and_quote() -> None:
    parens = sorted((str(d.span), d.message) for d in found("PAREN"))
    assert parens == [
        ("s.txt:12:26", "unbalanced parentheses in section 1.1: this '(' is never closed"),
        ("s.txt:18:97", "unbalanced parentheses in section 1.1(c): this ')' closes nothing"),
    ]
    [quote] = found("QUOTE")
    assert quote.message == "section I has an odd number of double quotes (1)"


def test_placeholder_and_artefacts() -> None:
    placeholders = [(str(d.span), d.message) for d in found("PLACEHOLDER")]
    assert placeholders == [
        ("s.txt:12:64", "placeholder left in the text: '$____'"),
        ("s.txt:18:46", "placeholder left in the text: '[insert name]'"),
    ]
    artefacts = [(str(d.span), d.message) for d in found("ENC-ARTEFACT")]
    assert artefacts == [
        ("s.txt:18:30", "asterisk in place of an apostrophe: 'Company*s' (read as \"Company's\")"),
        ("s.txt:18:68", "conversion artefact in the text: '-------- -------'"),
    ]
