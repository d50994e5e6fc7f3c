"""Money and capital events: fundings, capitalization, splits, prices, invoices, payments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.ledger.base import CapitalChangeKind
from dealbook.ledger.base import PaymentForm
from dealbook.ledger.base import SplitRatio
from dealbook.ledger.events import Event
from dealbook.ledger.events_money import CapitalChange
from dealbook.ledger.events_money import CapitalizationReported
from dealbook.ledger.events_money import Funding
from dealbook.ledger.events_money import FundingLine
from dealbook.ledger.events_money import Invoice
from dealbook.ledger.events_money import Payment
from dealbook.ledger.events_money import PriceRecorded
from tests.ledger.samples import sample

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
DAY = dt.date(2003, 1, 31)


def test_funding_lines_are_exact() -> None:
    item = ADAPTER.validate_python(sample("funding"))
    assert isinstance(item, Funding)
    assert item.fundings == (
        FundingLine(holder="ajw-partners", principal=Decimal("15000"), warrants=0),
    )
    assert item.tranche == "funding-dates"


def test_keyword_fields_by_alias_and_by_name() -> None:
    by_alias = ADAPTER.validate_python(sample("payment"))
    by_name = Payment(
        date=DAY,
        payer="company",
        payee="ajw-partners",
        amount=Decimal(3600),
        for_="slda:ajw-partners:2003-01",
    )
    assert by_alias == by_name
    assert by_name.form is PaymentForm.CASH and by_name.shares is None
    invoice = Invoice(date=DAY, amount=Decimal("25000.00"), from_="ajw-partners")
    assert invoice == ADAPTER.validate_python(sample("invoice"))
    assert invoice.to is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"authorized": 700000000}, (700000000, None, None)),
        ({"outstanding": "107,941,654", "reserved": 0}, (None, 107941654, 0)),
    ],
)
def test_capitalization_counts(data: dict[str, object], expected: tuple[int | None, ...]) -> None:
    item = ADAPTER.validate_python({"date": "2003-11-26", "type": "capitalization", **data})
    assert isinstance(item, CapitalizationReported)
    assert (item.authorized, item.outstanding, item.reserved) == expected


def test_capitalization_needs_a_count() -> None:
    with pytest.raises(
        ValidationError, match="state at least one of authorized, outstanding, reserved"
    ):
        CapitalizationReported(date=DAY)


@pytest.mark.parametrize(
    ("kind", "ratio", "ok"),
    [
        (CapitalChangeKind.REVERSE_SPLIT, "1:20", True),
        (CapitalChangeKind.SPLIT, "2:1", True),
        (CapitalChangeKind.SPLIT, "1:20", False),
        (CapitalChangeKind.REVERSE_SPLIT, "3:2", False),
        (CapitalChangeKind.SPLIT, "1:1", False),
    ],
)
def test_split_direction(kind: CapitalChangeKind, ratio: str, ok: bool) -> None:
    data = {"date": "2003-12-01", "type": "capital_change", "kind": kind.value, "ratio": ratio}
    if ok:
        item = ADAPTER.validate_python(data)
        assert isinstance(item, CapitalChange) and str(item.ratio) == ratio
    else:
        with pytest.raises(ValidationError, match=f"cannot have the ratio {ratio}"):
            ADAPTER.validate_python(data)


def test_split_ratio_value() -> None:
    item = CapitalChange(
        date=DAY, kind=CapitalChangeKind.REVERSE_SPLIT, ratio=SplitRatio(new=1, old=20)
    )
    assert item.ratio == SplitRatio(new=1, old=20)


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("close", 0.0125, "number_text"),
        ("close", "-0.01", "negative"),
        ("volume", "1.5", "shares"),
        ("bid", "2%", "number_text"),
    ],
)
def test_price_values_refused(field: str, value: object, kind: str) -> None:
    data: dict[str, object] = {
        "date": "2003-01-02",
        "type": "price",
        "close": "0.0125",
        field: value,
    }
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python(data)
    assert caught.value.errors()[0]["type"] == kind


def test_price_event() -> None:
    item = ADAPTER.validate_python(
        {
            "date": "2003-01-02",
            "type": "price",
            "close": "0.0125",
            "high": "0.0130",
            "volume": 150000,
        }
    )
    assert item == PriceRecorded(
        date=dt.date(2003, 1, 2), close=Decimal("0.0125"), high=Decimal("0.0130"), volume=150000
    )
