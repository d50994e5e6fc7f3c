"""The shipped calendars against independent references, 1995-2035, and golden snapshots.

Trading days equal exchange-calendars' XNYS sessions; banking days equal QuantLib's
``UnitedStates(FederalReserve)`` business days, the pre-1999 years (where python-holidays'
own Federal Reserve table is empty) included. Both references are test-only dependencies.
Golden snapshots of every weekday closure make a change in the holiday data visible as a
diff; regenerate them with ``DEALBOOK_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import functools
import os
from datetime import date
from datetime import timedelta
from pathlib import Path

import exchange_calendars
import numpy as np
import pytest
import QuantLib as ql

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.registry import COVERAGE_FIRST
from dealbook.calendars.registry import COVERAGE_LAST
from dealbook.calendars.registry import calendar_name
from dealbook.calendars.registry import get_calendar

GOLDEN = Path(__file__).parent / "golden"
FIRST = date(1995, 1, 1)
LAST = date(2035, 12, 31)


def _all_days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _days_of(calendar: Calendar, first: date, last: date) -> set[date]:
    return {d for d in _all_days(first, last) if calendar.is_day(d)}


@functools.cache
def _xnys_sessions() -> frozenset[date]:
    xnys = exchange_calendars.get_calendar("XNYS", start=FIRST.isoformat(), end=LAST.isoformat())
    return frozenset(ts.date() for ts in xnys.sessions)


def _quantlib_business_days(first: date, last: date) -> set[date]:
    fed = ql.UnitedStates(ql.UnitedStates.FederalReserve)
    return {d for d in _all_days(first, last) if fed.isBusinessDay(ql.Date(d.day, d.month, d.year))}


@pytest.mark.filterwarnings(
    "ignore:Series.values returning an ndarray"
)  # inside exchange-calendars
def test_nyse_trading_days_equal_exchange_calendars_xnys_1995_2035() -> None:
    ours = _days_of(get_calendar("nyse"), FIRST, LAST)
    assert ours == set(_xnys_sessions())


def test_ny_banking_days_equal_quantlib_federal_reserve_1995_2035() -> None:
    ours = _days_of(get_calendar("ny-banking"), FIRST, LAST)
    assert ours == _quantlib_business_days(FIRST, LAST)


def test_pre_1999_banking_holidays_are_present() -> None:
    """python-holidays' XFED table is empty before 1999; ours must not be."""
    fed = get_calendar("ny-banking")
    first, last = date(1995, 1, 1), date(1998, 12, 31)
    assert _days_of(fed, first, last) == _quantlib_business_days(first, last)
    closures = fed.closures(first, last)
    assert len(closures) == 38  # 40 holidays, less 1995-11-11 and 1998-07-04 (Saturdays)
    assert (date(1998, 9, 7), "Labor Day") in closures
    assert (date(1995, 1, 16), "Birthday of Martin Luther King, Jr.") in closures


def test_nyse_special_closures() -> None:
    nyse = get_calendar("nyse")
    special = [
        date(2001, 9, 11),
        date(2001, 9, 12),
        date(2001, 9, 13),
        date(2001, 9, 14),
        date(2004, 6, 11),
        date(2007, 1, 2),
        date(2012, 10, 29),
        date(2012, 10, 30),
        date(2018, 12, 5),
        date(2025, 1, 9),
    ]
    assert [nyse.is_day(d) for d in special] == [False] * len(special)
    assert nyse.closure_reason(date(2012, 10, 29)) == "Hurricane Sandy"
    # special closures are not banking holidays
    assert all(get_calendar("ny-banking").is_day(d) for d in special)


def test_weekdays_has_no_holidays() -> None:
    weekdays = get_calendar("weekdays")
    days = np.arange(np.datetime64("1990-01-01"), np.datetime64("2041-01-01"))
    expected = np.is_busday(days)
    assert np.array_equal(weekdays.is_day_many(days), expected)
    assert weekdays.source == "Monday to Friday; no holidays"


def test_saturday_rule_readings_differ_only_on_fridays_before_saturday_holidays() -> None:
    fed = get_calendar("ny-banking")
    legal = get_calendar("ny-banking", saturday_rule=SaturdayHolidayRule.LEGAL_HOLIDAY)
    days = np.arange(np.datetime64("1990-01-01"), np.datetime64("2041-01-01"))
    differ = days[fed.is_day_many(days) != legal.is_day_many(days)]
    fridays = [d.item() for d in differ]
    assert all(d.weekday() == 4 for d in fridays)
    assert date(1999, 12, 24) in fridays  # Christmas 1999 on a Saturday
    assert date(2021, 12, 31) in fridays  # New Year's Day 2022 on a Saturday
    assert date(2021, 6, 18) in fridays  # Juneteenth 2021 on a Saturday
    assert fed.is_day(date(1999, 12, 24))
    assert not legal.is_day(date(1999, 12, 24))
    assert legal.label == "ny-banking (legal-holiday reading of Saturday holidays)"
    assert "legal-holiday reading" in legal.source


def test_calendars_are_built_once_and_cover_1990_2040() -> None:
    for name in CalendarName:
        calendar = get_calendar(name)
        assert calendar is get_calendar(name.value)
        assert (calendar.first, calendar.last) == (COVERAGE_FIRST, COVERAGE_LAST)
        assert calendar.name == name.value
    assert get_calendar("nyse", saturday_rule=SaturdayHolidayRule.LEGAL_HOLIDAY) is get_calendar(
        "nyse"
    )


def test_sources_cite_python_holidays() -> None:
    assert get_calendar("nyse").source.startswith("python-holidays 0.109, NewYorkStockExchange")
    assert "FederalReserve (XFED) rules, applied from 1986" in get_calendar("ny-banking").source


def test_unknown_calendar_name() -> None:
    with pytest.raises(ValueError, match=r"unknown calendar 'xnys' \(known: ny-banking, nyse"):
        calendar_name("xnys")


def _snapshot(calendar: Calendar) -> str:
    lines = [f"# {calendar.label}", f"# source: {calendar.source}"]
    lines += [
        f"{d} {d:%a} {reason}" for d, reason in calendar.closures(COVERAGE_FIRST, COVERAGE_LAST)
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("name", "rule", "filename"),
    [
        ("ny-banking", SaturdayHolidayRule.FED, "ny-banking.txt"),
        ("ny-banking", SaturdayHolidayRule.LEGAL_HOLIDAY, "ny-banking-legal-holiday.txt"),
        ("nyse", SaturdayHolidayRule.FED, "nyse.txt"),
    ],
)
def test_golden_closure_snapshots(name: str, rule: SaturdayHolidayRule, filename: str) -> None:
    text = _snapshot(get_calendar(name, saturday_rule=rule))
    path = GOLDEN / filename
    if os.environ.get("DEALBOOK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text
