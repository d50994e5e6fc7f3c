"""Deal clocks: calendar-day deadlines do not roll; business-day ones count NY banking days."""

from __future__ import annotations

from datetime import date

from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.terms.conventions import Conventions


def test_default_clock() -> None:
    clock = DealClock.of(Conventions())
    assert clock.add(date(2003, 9, 8), parse_duration("90 days")) == date(
        2003, 12, 7
    )  # G-4, a Sunday, no roll
    assert clock.add(date(2003, 8, 28), parse_duration("5 business-days")) == date(
        2003, 9, 5
    )  # G-14, Labor Day
    assert clock.subtract(date(2003, 9, 5), parse_duration("5 business-days")) == date(
        2003, 8, 28
    )  # G-14 wire
    assert clock.add(date(2002, 9, 27), parse_duration("2 business-days")) == date(
        2002, 10, 1
    )  # G-27
    assert clock.describe(parse_duration("5 business-days")) == "5 business-days on ny-banking"
