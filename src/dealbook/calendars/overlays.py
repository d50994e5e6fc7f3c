"""Deal-level overlays: trading halts and suspensions of the Common Stock.

Hy-Tech defines "Trading Day" as a day on which the Common Stock *is quoted* on Nasdaq,
the OTCBB or its principal exchange (HYT L403-409). Read literally, no Trading Day
passes while the stock is suspended, so the 10- and 20-Trading-Day reinstatement windows
of the §4.19 redemption could never run (defect D-HYT-17). Both readings are offered, as
the spec asks (Appendix A ``calendar.trading_day``):

* ``MARKET_CALENDAR`` (default): the market's trading days, halts ignored;
* ``DAYS_QUOTED``: the market's trading days minus the days the ledger records the
  stock as halted or suspended (``TradingSuspended`` / ``TradingReinstated`` events).

>>> from dealbook.calendars.registry import get_calendar
>>> nyse = get_calendar("nyse")
>>> halt = TradingHalt(start=date(2003, 6, 2), resumed=date(2003, 6, 4))
>>> quoted = stock_trading_calendar(nyse, [halt], TradingDayReading.DAYS_QUOTED)
>>> quoted.add(date(2003, 5, 30), 1), nyse.add(date(2003, 5, 30), 1)
(datetime.date(2003, 6, 4), datetime.date(2003, 6, 2))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

import numpy as np

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import TradingDayReading


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TradingHalt:
    """The stock is not quoted from ``start`` until ``resumed`` (exclusive; ``None``: not yet)."""

    start: date
    resumed: date | None = None
    label: str = "trading halt"

    def __post_init__(self) -> None:
        if self.resumed is not None and self.resumed < self.start:
            raise ValueError(f"halt resumes ({self.resumed}) before it starts ({self.start})")


def halted_days(market: Calendar, halts: Iterable[TradingHalt]) -> list[date]:
    """The market's trading days that fall inside any of ``halts``, sorted.

    >>> from dealbook.calendars.registry import get_calendar
    >>> halted_days(get_calendar("nyse"), [TradingHalt(start=date(2003, 5, 30),
    ...                                                resumed=date(2003, 6, 3))])
    [datetime.date(2003, 5, 30), datetime.date(2003, 6, 2)]
    """
    days: set[date] = set()
    for halt in halts:
        end = market.last if halt.resumed is None else halt.resumed
        if end <= halt.start:
            continue
        span = np.arange(
            np.datetime64(halt.start, "D"), np.datetime64(end, "D"), dtype="datetime64[D]"
        )
        open_days = span[market.is_day_many(span)]
        days.update(d.item() for d in open_days)
    return sorted(days)


def stock_trading_calendar(
    market: Calendar, halts: Iterable[TradingHalt], reading: TradingDayReading
) -> Calendar:
    """The Trading Day calendar of the stock under ``reading``.

    Args:
        market: the principal market's calendar (e.g. ``nyse``).
        halts: halts and suspensions recorded in the ledger.
        reading: ``MARKET_CALENDAR`` returns ``market`` unchanged; ``DAYS_QUOTED``
            removes the halted days.
    """
    if reading is TradingDayReading.MARKET_CALENDAR:
        return market
    return market.without(halted_days(market, halts), "trading halts (days-quoted reading)")
