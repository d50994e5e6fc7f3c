"""The merged price series of a ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_money import Correction
from dealbook.ledger.events_money import PriceRecorded
from dealbook.ledger.prices import price_series


def test_csv_rows_and_events_by_date() -> None:
    ledger = Ledger(
        deal="x",
        events=(
            PriceRecorded(date=dt.date(2003, 1, 6), close=Decimal("0.0130")),
            PriceRecorded(date=dt.date(2003, 1, 2), close=Decimal("0.0125"), id="typo"),
            Correction(date=dt.date(2003, 1, 3), voids="typo"),
            PriceRecorded(date=dt.date(2003, 1, 2), close=Decimal("0.0120"), volume=5),
        ),
        prices=(PricePoint(date=dt.date(2003, 1, 3), close=Decimal("0.0121")),),
    )
    assert [(p.date.day, p.close, p.volume) for p in price_series(ledger)] == [
        (2, Decimal("0.0120"), 5),
        (3, Decimal("0.0121"), None),
        (6, Decimal("0.0130"), None),
    ]


def test_empty() -> None:
    assert price_series(Ledger(deal="x")) == ()
