"""DATE-NONBIZ and TZ-DST."""

from __future__ import annotations

from datetime import date

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents
from dealbook.ingest.rules.dates import closure_reason

TEXT = """1.   DATES.  File no later than August 30, 2003 and pay on or before September 2, 2003.
     Meet on May 3, 2003.  Close at 12:00 noon, Eastern Standard Time on May 9, 2003, or at
     10:00 a.m. EDT on January 8, 2003.  Deliver by September 1, 2003.
"""


def found(code: str) -> list[Diagnostic]:
    return [d for d in lint_documents(ingest_text(TEXT, "t.txt")) if d.code == code]


def test_date_nonbiz() -> None:
    assert [(str(d.span), d.message) for d in found("DATE-NONBIZ")] == [
        ("t.txt:1:33", "August 30, 2003 (2003-08-30) is a Saturday, not a business day"),
        ("t.txt:3:53", "September 1, 2003 (2003-09-01) is a Labor Day, not a business day"),
    ]


def test_tz_dst() -> None:
    assert [(str(d.span), d.message) for d in found("TZ-DST")] == [
        (
            "t.txt:2:37",
            "'Eastern Standard Time' on 2003-05-09, when America/New_York keeps daylight time",
        ),
        ("t.txt:3:6", "'EDT' on 2003-01-08, when America/New_York keeps standard time"),
    ]


def test_closure_reason_outside_calendar_coverage() -> None:
    assert closure_reason(date(2099, 12, 25)) == "Christmas Day"
    assert closure_reason(date(2003, 9, 2)) is None
