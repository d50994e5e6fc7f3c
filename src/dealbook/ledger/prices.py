"""The daily price series of a deal: the prices CSV, or ``price`` events where there is none.

Per Share Market Value, VWAP look-backs and conversion prices are computed from this
series (HYT §4.19 waterfall; the Debenture conversion formulas). A ledger has either a
prices CSV or ``price`` events; :func:`price_series` merges both views in date order.

>>> from datetime import date
>>> from decimal import Decimal
>>> from dealbook.ledger.events import Ledger
>>> from dealbook.ledger.events_money import PriceRecorded
>>> log = Ledger(deal="x", events=(PriceRecorded(date=date(2003, 1, 3), close=Decimal("0.012")),))
>>> [(p.date.isoformat(), str(p.close)) for p in price_series(log)]
[('2003-01-03', '0.012')]
"""

from __future__ import annotations

from dealbook.ledger.corrections import apply_corrections
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_money import PriceRecorded


def price_series(ledger: Ledger) -> tuple[PricePoint, ...]:
    """Every price of the ledger by date; for a date given twice, the later entry wins."""
    by_date = {point.date: point for point in ledger.prices}
    effective, _ = apply_corrections(ledger.events)
    for item in effective:
        if isinstance(item, PriceRecorded):
            by_date[item.date] = PricePoint(
                date=item.date,
                close=item.close,
                bid=item.bid,
                low=item.low,
                high=item.high,
                volume=item.volume,
            )
    return tuple(by_date[day] for day in sorted(by_date))
