"""Calendar operations: exact dates, edge conventions, vectorized = scalar, invariants."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.calendar import CalendarRangeError
from dealbook.calendars.conventions import Roll
from dealbook.calendars.registry import get_calendar

FED = get_calendar("ny-banking")
NYSE = get_calendar("nyse")
WEEKDAYS = get_calendar("weekdays")
CALENDARS = [FED, NYSE, WEEKDAYS]

inner_dates = st.dates(min_value=date(1992, 1, 1), max_value=date(2038, 12, 31))
steps = st.integers(min_value=-400, max_value=400)
calendars = st.sampled_from(["ny-banking", "nyse", "weekdays"]).map(get_calendar)


@pytest.mark.parametrize(
    ("calendar", "start", "n", "expected"),
    [
        (FED, date(2003, 8, 28), 5, date(2003, 9, 5)),  # G-14, Labor Day skipped
        (FED, date(2003, 9, 5), -5, date(2003, 8, 28)),  # wire instructions, G-14
        (FED, date(2002, 9, 27), 2, date(2002, 10, 1)),  # G-27 Insynq
        (FED, date(2003, 5, 9), 1, date(2003, 5, 12)),  # G-27 Amnis §4(q)
        (FED, date(2003, 5, 9), 2, date(2003, 5, 13)),  # G-27 Amnis §4(c)
        (FED, date(2002, 12, 31), 5, date(2003, 1, 8)),  # G-28 Fed
        (WEEKDAYS, date(2002, 12, 31), 5, date(2003, 1, 7)),  # G-28 weekdays
        (FED, date(2002, 11, 30), 5, date(2002, 12, 6)),  # G-28, start on a Saturday
        (NYSE, date(2001, 9, 10), 1, date(2001, 9, 17)),  # closed after 9/11
        (NYSE, date(2001, 9, 15), -1, date(2001, 9, 10)),
        (NYSE, date(2003, 12, 7), 0, date(2003, 12, 7)),  # n == 0: unchanged, not rolled
    ],
)
def test_add(calendar: Calendar, start: date, n: int, expected: date) -> None:
    assert calendar.add(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "include_start", "include_end", "expected"),
    [
        (date(2003, 8, 28), date(2003, 9, 5), False, True, 5),
        (date(2003, 8, 28), date(2003, 9, 5), True, True, 6),
        (date(2003, 8, 28), date(2003, 9, 5), True, False, 5),
        (date(2003, 8, 28), date(2003, 9, 5), False, False, 4),
        (date(2003, 8, 30), date(2003, 9, 1), True, True, 0),  # Sat..Labor Day
        (date(2003, 9, 2), date(2003, 9, 2), True, True, 1),
        (date(2003, 9, 2), date(2003, 9, 2), False, True, 0),
        (date(2003, 9, 2), date(2003, 9, 2), False, False, 0),
        (date(2003, 9, 5), date(2003, 8, 28), False, True, -5),  # [Aug 28, Sep 5)
        (date(2003, 9, 5), date(2003, 8, 28), True, False, -5),  # (Aug 28, Sep 5]
        (date(2003, 9, 5), date(2003, 8, 28), True, True, -6),
        (date(2003, 9, 2), date(2003, 8, 29), False, False, 0),
    ],
)
def test_count_conventions(
    start: date, end: date, include_start: bool, include_end: bool, expected: int
) -> None:
    got = FED.count(start, end, include_start=include_start, include_end=include_end)
    assert got == expected
    vector = FED.count_many(
        np.array([start], dtype="datetime64[D]"),
        np.array([end], dtype="datetime64[D]"),
        include_start=include_start,
        include_end=include_end,
    )
    assert vector.tolist() == [expected]


def test_g3_late_trading_days() -> None:
    assert NYSE.count(date(2003, 12, 7), date(2004, 2, 20)) == 51


def test_roll_conventions() -> None:
    saturday = date(2003, 5, 31)
    assert FED.roll(saturday, Roll.NONE) == saturday
    assert FED.roll(saturday, Roll.FOLLOWING) == date(2003, 6, 2)
    assert FED.roll(saturday, Roll.PRECEDING) == date(2003, 5, 30)
    assert FED.roll(saturday, Roll.MODIFIED_FOLLOWING) == date(2003, 5, 30)
    assert FED.roll(date(2003, 6, 1), Roll.MODIFIED_FOLLOWING) == date(2003, 6, 2)
    assert FED.roll(date(2003, 6, 2), Roll.PRECEDING) == date(2003, 6, 2)


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: c.name)
def test_g6_insynq_funding_dates_are_last_business_days(calendar: Calendar) -> None:
    expected = [
        date(2002, 10, 31),
        date(2002, 11, 29),
        date(2002, 12, 31),
        date(2003, 1, 31),
        date(2003, 2, 28),
        date(2003, 3, 31),
        date(2003, 4, 30),
        date(2003, 5, 30),
        date(2003, 6, 30),
        date(2003, 7, 31),
        date(2003, 8, 29),
    ]
    months = [(2002, m) for m in (10, 11, 12)] + [(2003, m) for m in range(1, 9)]
    assert [calendar.last_in_month(y, m) for y, m in months] == expected


def test_first_in_month() -> None:
    assert FED.first_in_month(2003, 9) == date(2003, 9, 2)
    assert NYSE.first_in_month(2007, 1) == date(2007, 1, 3)  # Jan 2 2007: Ford mourning


def test_month_without_days_is_reported() -> None:
    september = [date(2003, 9, d) for d in range(1, 31)]
    empty = NYSE.without(september, "whole month")
    with pytest.raises(CalendarRangeError, match="has no day in 2003-09"):
        empty.last_in_month(2003, 9)
    with pytest.raises(CalendarRangeError, match="has no day in 2003-09"):
        empty.first_in_month(2003, 9)


def test_next_and_previous_day() -> None:
    assert FED.next_day(date(2003, 8, 29)) == date(2003, 9, 2)
    assert FED.previous_day(date(2003, 9, 2)) == date(2003, 8, 29)


def test_closure_reasons() -> None:
    assert FED.closure_reason(date(2003, 8, 30)) == "Saturday"
    assert FED.closure_reason(date(2003, 8, 31)) == "Sunday"
    assert FED.closure_reason(date(2003, 9, 2)) is None
    assert FED.closures(date(2003, 11, 1), date(2003, 12, 31)) == [
        (date(2003, 11, 11), "Veterans Day"),
        (date(2003, 11, 27), "Thanksgiving Day"),
        (date(2003, 12, 25), "Christmas Day"),
    ]


def test_spec_fed_holidays_2002_2003() -> None:
    """The Fed holidays the spec's golden calculations use (§6 preamble)."""
    expected = [
        date(2002, 10, 14),
        date(2002, 11, 11),
        date(2002, 11, 28),
        date(2002, 12, 25),
        date(2003, 1, 1),
        date(2003, 1, 20),
        date(2003, 2, 17),
        date(2003, 5, 26),
        date(2003, 7, 4),
        date(2003, 9, 1),
        date(2003, 10, 13),
        date(2003, 11, 11),
        date(2003, 11, 27),
        date(2003, 12, 25),
    ]
    assert [d for d, _ in FED.closures(date(2002, 10, 1), date(2003, 12, 31))] == expected


def test_without_overlay() -> None:
    halted = NYSE.without([date(2003, 6, 2), date(2003, 6, 7)], "halt")  # 06-07 is a Saturday
    assert halted.overlays == ("halt",)
    assert halted.closure_reason(date(2003, 6, 2)) == "halt"
    assert (
        halted.count(date(2003, 5, 30), date(2003, 6, 6))
        == NYSE.count(date(2003, 5, 30), date(2003, 6, 6)) - 1
    )
    assert halted.source.endswith("minus 2 day(s): halt")
    assert halted != NYSE
    assert NYSE.is_day(date(2003, 6, 2))  # the original is untouched
    with pytest.raises(CalendarRangeError):
        NYSE.without([date(1989, 12, 29)], "too early")


def test_coverage_errors() -> None:
    with pytest.raises(CalendarRangeError, match=r"1989-12-31 is outside the ny-banking"):
        FED.is_day(date(1989, 12, 31))
    with pytest.raises(CalendarRangeError):
        FED.add(date(2041, 1, 1), 1)
    with pytest.raises(CalendarRangeError, match="run past its coverage"):
        FED.add(date(1990, 1, 5), -10)
    with pytest.raises(CalendarRangeError):
        FED.count(date(2003, 1, 1), date(2050, 1, 1))
    with pytest.raises(CalendarRangeError):
        FED.closures(date(1980, 1, 1), date(2003, 1, 1))
    with pytest.raises(CalendarRangeError, match="NaT"):
        FED.is_day_many(np.array(["NaT"], dtype="datetime64[D]"))
    with pytest.raises(CalendarRangeError, match="outside"):
        FED.is_day_many(np.array(["2050-01-01"], dtype="datetime64[D]"))
    with pytest.raises(CalendarRangeError, match="run past"):
        FED.add_many(np.array(["2040-12-28"], dtype="datetime64[D]"), 5)
    assert FED.add_many(np.array([], dtype="datetime64[D]"), 5).tolist() == []


def test_vectorized_matches_scalar() -> None:
    rng = np.random.default_rng(7)
    starts = np.datetime64("1995-01-01") + rng.integers(0, 14_000, 2_000)
    ends = starts + rng.integers(-400, 400, 2_000)
    n = rng.integers(-250, 250, 2_000)
    for calendar in CALENDARS:
        added = calendar.add_many(starts, n)
        counted = calendar.count_many(starts, ends, include_start=True, include_end=False)
        flags = calendar.is_day_many(starts)
        for i in range(0, 2_000, 7):
            s, e = starts[i].item(), ends[i].item()
            assert added[i].item() == calendar.add(s, int(n[i]))
            assert counted[i] == calendar.count(s, e, include_start=True, include_end=False)
            assert bool(flags[i]) is calendar.is_day(s)
    assert FED.add_many(starts[:3], 0).tolist() == starts[:3].tolist()


@settings(max_examples=300, deadline=None)
@given(calendar=calendars, start=inner_dates, n=steps)
def test_add_then_count_round_trips(calendar: Calendar, start: date, n: int) -> None:
    end = calendar.add(start, n)
    assert calendar.count(start, end) == n
    if n != 0:
        assert calendar.is_day(end)


@settings(max_examples=200, deadline=None)
@given(calendar=calendars, start=inner_dates, a=st.integers(1, 200), b=st.integers(1, 200))
def test_add_composes(calendar: Calendar, start: date, a: int, b: int) -> None:
    assert calendar.add(calendar.add(start, a), b) == calendar.add(start, a + b)
    assert calendar.add(calendar.add(start, -a), -b) == calendar.add(start, -a - b)


@settings(max_examples=200, deadline=None)
@given(calendar=calendars, start=inner_dates, days=st.integers(-500, 500), mid=st.integers(0, 500))
def test_count_is_additive_and_antisymmetric(
    calendar: Calendar, start: date, days: int, mid: int
) -> None:
    end = start + timedelta(days=days)
    middle = start + timedelta(days=min(mid, max(days, 0)))
    if days >= 0:
        assert calendar.count(start, middle) + calendar.count(middle, end) == calendar.count(
            start, end
        )
    swapped = calendar.count(end, start, include_start=True, include_end=False)
    assert swapped == -calendar.count(start, end)
    both = calendar.count(start, end, include_start=True, include_end=True)
    expected = sum(calendar.is_day(start + timedelta(days=i)) for i in range(days + 1))
    if days >= 0:
        assert both == expected


@settings(max_examples=200, deadline=None)
@given(calendar=calendars, day=inner_dates)
def test_roll_lands_on_a_day_in_order(calendar: Calendar, day: date) -> None:
    following = calendar.roll(day, Roll.FOLLOWING)
    preceding = calendar.roll(day, Roll.PRECEDING)
    modified = calendar.roll(day, Roll.MODIFIED_FOLLOWING)
    assert preceding <= day <= following
    assert calendar.is_day(following)
    assert calendar.is_day(preceding)
    assert modified in (following, preceding)
    assert modified.month == day.month or calendar.is_day(day)


@pytest.mark.parametrize("n", [1, 5, -1, -5, 0])
@pytest.mark.parametrize(
    ("include_start", "include_end"), [(False, True), (True, False), (True, True), (False, False)]
)
def test_vectorized_scalar_steps_and_forward_counts(
    n: int, include_start: bool, include_end: bool
) -> None:
    starts = np.arange(np.datetime64("2001-09-01"), np.datetime64("2001-10-01"))
    ends = starts + 9
    for calendar in CALENDARS:
        added = calendar.add_many(starts, n)
        assert [d.item() for d in added] == [calendar.add(d.item(), n) for d in starts]
        counted = calendar.count_many(
            starts, ends, include_start=include_start, include_end=include_end
        )
        assert counted.tolist() == [
            calendar.count(s.item(), e.item(), include_start=include_start, include_end=include_end)
            for s, e in zip(starts, ends, strict=True)
        ]


def test_vectorized_broadcasting_and_zero_steps() -> None:
    one_day = np.array(np.datetime64("2003-08-29"))
    added = FED.add_many(one_day, np.array([-1, 0, 1, 2]))
    assert added.tolist() == [
        date(2003, 8, 28),
        date(2003, 8, 29),
        date(2003, 9, 2),
        date(2003, 9, 3),
    ]
    days = np.array(["2003-08-30", "2003-08-31", "2003-09-01"], dtype="datetime64[D]")
    assert FED.add_many(days, np.array([0, 1, 0])).tolist() == [
        date(2003, 8, 30),
        date(2003, 9, 2),
        date(2003, 9, 1),
    ]
    assert FED.count_many(days, one_day).tolist() == [-1, -1, -1]
    assert FED.is_day_many(days).tolist() == [False, False, False]


def test_last_days_are_the_n_days_on_or_before_a_date() -> None:
    from dealbook.calendars.calendar import CalendarRangeError
    from dealbook.calendars.registry import get_calendar

    nyse = get_calendar("nyse")
    # 2001-09-11..14 closed: the 3 trading days on or before 2001-09-17 are 09-07, 09-10, 09-17.
    assert nyse.last_days(date(2001, 9, 17), 3) == (
        date(2001, 9, 7),
        date(2001, 9, 10),
        date(2001, 9, 17),
    )
    # A non-trading end date: the days before it.
    assert nyse.last_days(date(2001, 9, 16), 2) == (date(2001, 9, 7), date(2001, 9, 10))
    assert nyse.last_days(date(2003, 1, 2), 0) == ()
    with pytest.raises(CalendarRangeError):
        nyse.last_days(date(1990, 1, 3), 5)
