"""Funding tranches: dated, monthly and event-relative closings."""

from __future__ import annotations

from dealbook.calendars.conventions import DayKind
from dealbook.terms.funding import AfterEvent
from dealbook.terms.funding import MonthlyRule
from dealbook.terms.funding import Tranche
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_monthly_tranche() -> None:
    tranche = build(
        Tranche,
        {
            "id": "funding-dates",
            "name": "Funding Dates",
            "when": {
                "kind": "monthly",
                "day": "last-business-day",
                "first_month": "2002-10",
                "last_month": "2003-08",
            },
            "principal": 30000,
            "warrant_shares": 60000,
            "cite": CITE,
        },
    )
    assert isinstance(tranche.when, MonthlyRule)
    assert (tranche.when.first_month, tranche.when.last_month, tranche.warrant_shares) == (
        "2002-10",
        "2003-08",
        60000,
    )


def test_after_event_tranche() -> None:
    tranche = build(
        Tranche,
        {
            "id": "closing",
            "name": "Closing",
            "when": {
                "kind": "after-event",
                "event": "registration-effective",
                "within": "5 business-days",
            },
            "principal": 750000,
            "paid_to": "escrow",
            "cite": CITE,
        },
    )
    assert isinstance(tranche.when, AfterEvent)
    assert tranche.when.within.kind is DayKind.BUSINESS_DAYS and tranche.paid_to == "escrow"
