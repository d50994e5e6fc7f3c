"""Filings, market status and reports."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.ledger.base import ReportKind
from dealbook.ledger.base import SuspensionReason
from dealbook.ledger.events import Event
from dealbook.ledger.events_filings import ListingLost
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_filings import ReportDelivered
from dealbook.ledger.events_filings import SalesSuspended
from tests.ledger.samples import sample

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def test_registration_filed() -> None:
    item = ADAPTER.validate_python(sample("registration_filed", date="2003-09-08"))
    assert item == RegistrationFiled(date=dt.date(2003, 9, 8), form="SB-2", shares=181_800_000)


@pytest.mark.parametrize("reason", list(SuspensionReason))
def test_sales_suspended_reasons(reason: SuspensionReason) -> None:
    item = ADAPTER.validate_python(
        {"date": "2004-02-02", "type": "sales_suspended", "reason": reason.value}
    )
    assert isinstance(item, SalesSuspended) and item.reason is reason


@pytest.mark.parametrize("kind", list(ReportKind))
def test_report_kinds(kind: ReportKind) -> None:
    item = ADAPTER.validate_python(
        {"date": "2002-11-07", "type": "report_delivered", "kind": kind.value}
    )
    assert isinstance(item, ReportDelivered) and item.kind is kind and item.to is None


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"type": "sales_suspended", "reason": "blackout"}, "enum"),
        ({"type": "sales_suspended"}, "missing"),
        ({"type": "listing_lost", "market": ""}, "string_too_short"),
        ({"type": "registration_filed", "form": ""}, "string_too_short"),
        ({"type": "report_delivered", "kind": "reserve-list"}, "enum"),
    ],
)
def test_filing_values_refused(data: dict[str, object], kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python({"date": "2003-01-02", **data})
    assert caught.value.errors()[0]["type"] == kind


def test_listing_market_is_stripped() -> None:
    assert ListingLost(date=dt.date(2003, 3, 3), market=" OTCBB ").market == "OTCBB"
