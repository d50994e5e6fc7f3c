"""Date arithmetic: the spec's golden deadline chains G-4, G-14, G-23, G-26, G-28, G-29."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.arith import add_duration
from dealbook.calendars.arith import add_months
from dealbook.calendars.arith import days_in_month
from dealbook.calendars.arith import describe_duration
from dealbook.calendars.arith import is_month_end
from dealbook.calendars.conventions import Roll
from dealbook.calendars.duration import parse_duration
from dealbook.calendars.registry import get_calendar

FED = get_calendar("ny-banking")
NYSE = get_calendar("nyse")
WEEKDAYS = get_calendar("weekdays")


def plus(start: date, text: str, *, business: str = "ny-banking", roll: Roll = Roll.NONE) -> date:
    return add_duration(
        start, parse_duration(text), business=get_calendar(business), trading=NYSE, roll=roll
    )


@pytest.mark.parametrize(
    ("start", "text", "expected"),
    [
        # G-4 base path
        (date(2003, 8, 29), "10 days", date(2003, 9, 8)),
        (date(2003, 9, 8), "90 days", date(2003, 12, 7)),
        # G-4 termination path, T = effective termination date
        (date(2002, 11, 29), "30 days", date(2002, 12, 29)),
        (date(2002, 12, 29), "30 days", date(2003, 1, 28)),
        (date(2003, 1, 28), "90 days", date(2003, 4, 28)),
        # G-4 termination path, T = notice date
        (date(2002, 12, 29), "90 days", date(2003, 3, 29)),
        # G-7 regular-mail notice, then 30 days
        (date(2002, 12, 4), "30 days", date(2003, 1, 3)),
        # G-14 Hy-Tech chain
        (date(2003, 4, 28), "45 days", date(2003, 6, 12)),
        (date(2003, 8, 28), "5 business-days", date(2003, 9, 5)),
        (date(2003, 9, 5), "-5 business-days", date(2003, 8, 28)),
        (date(2003, 8, 28), "5 days", date(2003, 9, 2)),
        (date(2003, 4, 28), "2 years", date(2005, 4, 28)),
        # G-23 lock-up and participation windows
        (date(2002, 9, 27), "270 days", date(2003, 6, 24)),
        (date(2003, 12, 7), "180 days", date(2004, 6, 4)),
        (date(2004, 6, 4), "2 years", date(2006, 6, 4)),
        (date(2003, 5, 9), "270 days", date(2004, 2, 3)),
        # G-26 insufficient-share clocks
        (date(2004, 3, 1), "15 days", date(2004, 3, 16)),
        (date(2004, 3, 1), "30 days", date(2004, 3, 31)),
        (date(2004, 3, 1), "90 days", date(2004, 5, 30)),
        # G-27 announcement deadlines
        (date(2002, 9, 27), "2 business-days", date(2002, 10, 1)),
        (date(2003, 5, 9), "1 business-days", date(2003, 5, 12)),
        (date(2003, 5, 9), "2 business-days", date(2003, 5, 13)),
        # G-29 Amnis calendar facts
        (date(2003, 5, 9), "1 years", date(2004, 5, 9)),
        (date(2003, 5, 9), "3 years", date(2006, 5, 9)),
        # months step calendar months and clamp to the month end
        (date(2003, 1, 31), "1 months", date(2003, 2, 28)),
        (date(2003, 9, 5), "18 months", date(2005, 3, 5)),
        # trading days: Sept 2001 closure
        (date(2001, 9, 7), "2 trading-days", date(2001, 9, 17)),
    ],
)
def test_golden_deadlines(start: date, text: str, expected: date) -> None:
    assert plus(start, text) == expected


def test_g14_closing_business_days_and_maturity() -> None:
    effective = date(2003, 8, 28)
    assert [FED.add(effective, n) for n in range(1, 6)] == [
        date(2003, 8, 29),
        date(2003, 9, 2),
        date(2003, 9, 3),
        date(2003, 9, 4),
        date(2003, 9, 5),
    ]
    maturity = date(2008, 4, 27)
    assert maturity.weekday() == 6
    assert FED.closure_reason(maturity) == "Sunday"


@pytest.mark.parametrize(
    ("month_end", "fed", "weekdays"),
    [
        (date(2002, 9, 30), date(2002, 10, 7), date(2002, 10, 7)),
        (date(2002, 10, 31), date(2002, 11, 7), date(2002, 11, 7)),
        (date(2002, 11, 30), date(2002, 12, 6), date(2002, 12, 6)),
        (date(2002, 12, 31), date(2003, 1, 8), date(2003, 1, 7)),
        (date(2003, 1, 31), date(2003, 2, 7), date(2003, 2, 7)),
        (date(2003, 2, 28), date(2003, 3, 7), date(2003, 3, 7)),
    ],
)
def test_g28_reserve_list_due_dates(month_end: date, fed: date, weekdays: date) -> None:
    assert plus(month_end, "5 business-days") == fed
    assert plus(month_end, "5 business-days", business="weekdays") == weekdays


def test_roll_applies_only_when_asked() -> None:
    deadline = date(2003, 12, 7)  # G-4 base-path Effectiveness Deadline, a Sunday
    assert plus(date(2003, 9, 8), "90 days") == deadline
    assert plus(date(2003, 9, 8), "90 days", roll=Roll.FOLLOWING) == date(2003, 12, 8)
    assert plus(date(2003, 9, 8), "90 days", roll=Roll.PRECEDING) == date(2003, 12, 5)
    rolled_on_nyse = add_duration(
        date(2001, 9, 1),
        parse_duration("10 days"),
        business=FED,
        trading=NYSE,
        roll=Roll.FOLLOWING,
        roll_calendar=NYSE,
    )
    assert rolled_on_nyse == date(2001, 9, 17)


@pytest.mark.parametrize(
    ("start", "n", "eom", "expected"),
    [
        (date(2004, 1, 31), 1, False, date(2004, 2, 29)),
        (date(2003, 1, 31), 1, False, date(2003, 2, 28)),
        (date(2003, 1, 31), 2, False, date(2003, 3, 31)),
        (date(2003, 2, 28), 1, False, date(2003, 3, 28)),
        (date(2003, 2, 28), 1, True, date(2003, 3, 31)),
        (date(2003, 2, 27), 1, True, date(2003, 3, 27)),
        (date(2004, 2, 29), 12, False, date(2005, 2, 28)),
        (date(2003, 3, 31), -1, False, date(2003, 2, 28)),
        (date(2003, 1, 15), -13, False, date(2001, 12, 15)),
    ],
)
def test_add_months(start: date, n: int, eom: bool, expected: date) -> None:
    assert add_months(start, n, end_of_month=eom) == expected


def test_month_helpers() -> None:
    assert [days_in_month(2003, m) for m in (2, 4, 12)] == [28, 30, 31]
    assert days_in_month(2000, 2) == 29
    assert is_month_end(date(2003, 11, 30))
    assert not is_month_end(date(2003, 11, 29))


@settings(max_examples=200, deadline=None)
@given(start=st.dates(date(1950, 1, 1), date(2100, 12, 31)), n=st.integers(-600, 600))
def test_add_months_properties(start: date, n: int) -> None:
    result = add_months(start, n, end_of_month=False)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == n
    assert result.day == min(start.day, days_in_month(result.year, result.month))
    eom = add_months(start, n, end_of_month=True)
    assert is_month_end(eom) if is_month_end(start) else eom == result


def test_describe_duration() -> None:
    def describe(text: str) -> str:
        return describe_duration(parse_duration(text), business=FED, trading=NYSE)

    assert describe("10 days") == "calendar days: start is day 0, every day counts (no calendar)"
    assert describe("5 BD") == (
        "business days of ny-banking: the N-th business day strictly after start"
    )
    assert describe("10 TD") == "trading days of nyse: the N-th trading day strictly after start"
    assert (
        describe("2 years") == "years as 12 calendar months, clamped to the month end (no calendar)"
    )
