"""Holiday sources: python-holidays data, the pre-1999 Federal Reserve extension."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.sources import FED_RULES_FROM
from dealbook.calendars.sources import fed_closures
from dealbook.calendars.sources import nyse_closures
from dealbook.calendars.sources import weekend_days


def test_python_holidays_fed_table_is_empty_before_1999() -> None:
    """The trap the extension exists for: no error, just no holidays."""
    assert len(holidays.financial_holidays("XFED", years=range(1995, 1999))) == 0


def test_extension_equals_python_holidays_from_1999() -> None:
    ours = fed_closures(1999, 2040, SaturdayHolidayRule.FED).closed
    theirs = holidays.financial_holidays("XFED", years=range(1999, 2041))
    assert ours == {d: n for d, n in theirs.items() if d.weekday() < 5}


def test_pre_1999_fed_closures() -> None:
    closed = fed_closures(1995, 1995, SaturdayHolidayRule.FED).closed
    assert list(closed) == [
        date(1995, 1, 2),  # New Year's Day on a Sunday, observed Monday
        date(1995, 1, 16),
        date(1995, 2, 20),
        date(1995, 5, 29),
        date(1995, 7, 4),
        date(1995, 9, 4),
        date(1995, 10, 9),
        date(1995, 11, 23),
        date(1995, 12, 25),
    ]
    assert closed[date(1995, 1, 2)] == "New Year's Day (observed)"


def test_legal_holiday_reading_closes_the_friday() -> None:
    closed = fed_closures(2021, 2021, SaturdayHolidayRule.LEGAL_HOLIDAY).closed
    assert closed[date(2021, 12, 31)] == (
        "New Year's Day (Saturday; Friday observed as a legal holiday)"
    )
    assert date(2021, 12, 31) not in fed_closures(2021, 2021, SaturdayHolidayRule.FED).closed


def test_rules_are_not_applied_before_1986() -> None:
    with pytest.raises(ValueError, match="only valid from 1986"):
        fed_closures(FED_RULES_FROM - 1, 1990, SaturdayHolidayRule.FED)


def test_nyse_closures_exclude_early_closes() -> None:
    closed = nyse_closures(2003, 2003).closed
    assert date(2003, 11, 28) not in closed  # day after Thanksgiving: 1 pm close
    assert closed[date(2003, 4, 18)] == "Good Friday"
    assert len(closed) == 9


def test_weekend() -> None:
    assert weekend_days() == frozenset({5, 6})
