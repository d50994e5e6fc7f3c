"""Trading halts and the two readings of Hy-Tech's "Trading Day" (D-HYT-17)."""

from __future__ import annotations

from datetime import date

import pytest

from dealbook.calendars.calendar import CalendarRangeError
from dealbook.calendars.conventions import TradingDayReading
from dealbook.calendars.overlays import TradingHalt
from dealbook.calendars.overlays import halted_days
from dealbook.calendars.overlays import stock_trading_calendar
from dealbook.calendars.registry import get_calendar

NYSE = get_calendar("nyse")
SUSPENSION = TradingHalt(start=date(2004, 3, 1), resumed=date(2004, 3, 15), label="SEC suspension")


def test_market_calendar_reading_ignores_halts() -> None:
    assert stock_trading_calendar(NYSE, [SUSPENSION], TradingDayReading.MARKET_CALENDAR) is NYSE
    assert NYSE.add(date(2004, 2, 27), 10) == date(2004, 3, 12)


def test_days_quoted_reading_removes_halted_days() -> None:
    quoted = stock_trading_calendar(NYSE, [SUSPENSION], TradingDayReading.DAYS_QUOTED)
    assert quoted.overlays == ("trading halts (days-quoted reading)",)
    assert quoted.add(date(2004, 2, 27), 1) == date(2004, 3, 15)
    assert quoted.add(date(2004, 2, 27), 10) == date(2004, 3, 26)
    assert quoted.count(date(2004, 2, 27), date(2004, 3, 12)) == 0
    assert quoted.closure_reason(date(2004, 3, 1)) == "trading halts (days-quoted reading)"


def test_open_ended_suspension_never_completes_a_window() -> None:
    """The circularity of D-HYT-17: a 10-Trading-Day window cannot run during a suspension."""
    ongoing = TradingHalt(start=date(2004, 3, 1))
    quoted = stock_trading_calendar(NYSE, [ongoing], TradingDayReading.DAYS_QUOTED)
    with pytest.raises(CalendarRangeError, match="run past its coverage"):
        quoted.add(date(2004, 3, 1), 10)
    assert NYSE.add(date(2004, 3, 1), 10) == date(2004, 3, 15)


def test_halted_days() -> None:
    days = halted_days(
        NYSE,
        [
            TradingHalt(start=date(2001, 9, 10), resumed=date(2001, 9, 18)),
            TradingHalt(start=date(2001, 9, 17), resumed=date(2001, 9, 17)),  # empty
            TradingHalt(start=date(2001, 9, 17), resumed=date(2001, 9, 19)),  # overlaps
        ],
    )
    assert days == [date(2001, 9, 10), date(2001, 9, 17), date(2001, 9, 18)]


def test_halt_validation() -> None:
    with pytest.raises(ValueError, match="resumes"):
        TradingHalt(start=date(2004, 3, 15), resumed=date(2004, 3, 1))
