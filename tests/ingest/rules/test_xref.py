"""XREF-BAD, XREF-DIRECTION and XREF-DEF on small invalid fixtures."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

TEXT = """1.   DEFINITIONS.

     a.   Approval.  The approval of the stockholders (the "Stockholder Approval")
          is defined here.

     b.   Other.  See Section 1(c) and Section 2(a) below and Section 1(a) below.

2.   COVENANTS.

     a.   Terms.  "Reserved Amount" shall have the meaning set forth in Section 1(b).
"""


def found(code: str) -> list[Diagnostic]:
    docs = ingest_text(TEXT, "f.txt")
    return [d for d in lint_documents(docs) if d.code == code]


def test_xref_bad() -> None:
    [bad] = found("XREF-BAD")
    assert (str(bad.span), bad.message) == (
        "f.txt:6:23",
        "'Section 1(c)' refers to section 1(c), which this document does not have",
    )


def test_xref_direction() -> None:
    [wrong] = found("XREF-DIRECTION")
    assert str(wrong.span) == "f.txt:6:63"
    assert wrong.message == "'Section 1(a) below': section 1(a) is above this reference, not below"
    assert wrong.hint == 'write "above"'


def test_xref_def() -> None:
    [wrong] = found("XREF-DEF")
    assert str(wrong.span) == "f.txt:10:20"
    assert (
        wrong.message
        == '"Reserved Amount" is said to be defined in Section 1(b), but that section does not define it'
    )


def test_cross_document_section_is_checked() -> None:
    spa = 'SECURITIES PURCHASE AGREEMENT (this "Agreement") by and among Acme, Inc., a Delaware corporation (the "Company").\n\n1.   PURCHASE.\n'
    rra = 'REGISTRATION RIGHTS AGREEMENT (this "Agreement") by and among Acme, Inc., a Delaware corporation (the "Company").\n\n1.   FILING.  As in Section 7 of the Securities Purchase Agreement.\n'
    docs = ingest_text(spa, "spa.txt") + ingest_text(rra, "rra.txt")
    [bad] = [d for d in lint_documents(docs) if d.code == "XREF-BAD"]
    assert str(bad.span) == "rra.txt:3:21"
    assert (
        bad.message
        == "'Section 7 of the Securities Purchase Agreement': Securities Purchase Agreement has no section 7"
    )
