"""NUM-WORDS, CAP-EXCEEDED, FACT-MISMATCH, LOGIC-INVERTED, CONFLICT and AMBIGUOUS-FORMULA."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

TEXT = """1.   CAPITAL.  The authorized capital stock consists of (i) 100,000 shares of Common Stock, of which
     60,000 shares are issued and outstanding and 50,000 shares are reserved for issuance.

2.   TERMS.  Seven and a Half (7,500,000) shares.  If the Authorized Shares is below the Reserved
     Amount, the Company acts; if within thirty (30) days after the Authorized Shares exceeds the Reserved
     Amount it fails, it pays three percent (3%) of the outstanding principal per month plus interest.
     Closing occurs within five (5) Business Days after the Effective Date, and terminates if not within
     five (5) days after the Effective Date.
"""


def found(code: str) -> list[Diagnostic]:
    return [d for d in lint_documents(ingest_text(TEXT, "n.txt")) if d.code == code]


def test_num_words() -> None:
    [words] = found("NUM-WORDS")
    assert str(words.span) == "n.txt:4:14"
    assert (
        words.message
        == "words and numerals disagree: 'Seven and a Half' is 7.5, the numerals say 7,500,000"
    )


def test_cap_exceeded() -> None:
    [cap] = found("CAP-EXCEEDED")
    assert str(cap.span) == "n.txt:2:51"
    assert (
        cap.message
        == "outstanding and reserved shares reach 110,000, more than the 100,000 authorized"
    )


def test_logic_inverted() -> None:
    [inverted] = found("LOGIC-INVERTED")
    assert str(inverted.span) == "n.txt:5:87"
    assert inverted.message == "'exceeds the Reserved Amount' inverts the comparison at line 4"


def test_day_kind_conflict() -> None:
    [conflict] = found("CONFLICT")
    assert str(conflict.span) == "n.txt:8:6"
    assert conflict.message == "5 days after the Effective Date here, but 5 business-days at line 7"


def test_ambiguous_formula() -> None:
    [formula] = found("AMBIGUOUS-FORMULA")
    assert str(formula.span) == "n.txt:6:31"


def test_denominations() -> None:
    text = (
        '"ESCROW SHARES" means 1,000 shares in the share denominations set forth in Schedule 1.\n\n'
        "Common Stock, $.001 par value - 5,000 shares\n\nCommon Stock - 4,500 shares outstanding\n\n"
        "   2 x 500      1,000\n   1 x 100        200\n"
    )
    found_codes = sorted((d.code, str(d.span)) for d in lint_documents(ingest_text(text, "d.txt")))
    assert ("FACT-MISMATCH", "d.txt:8:4") in found_codes  # 1 x 100 is not 200
    assert ("CAP-EXCEEDED", "d.txt:7:4") in found_codes  # 1,100 > 500 unissued
