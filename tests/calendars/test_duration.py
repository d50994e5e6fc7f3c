"""Durations as written in deal files."""

from __future__ import annotations

import pytest

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.duration import Duration
from dealbook.calendars.duration import DurationError
from dealbook.calendars.duration import parse_duration


@pytest.mark.parametrize(
    ("text", "n", "kind"),
    [
        ("30 days", 30, DayKind.CALENDAR_DAYS),
        ("75 calendar days", 75, DayKind.CALENDAR_DAYS),
        ("5 business days", 5, DayKind.BUSINESS_DAYS),
        ("5 BD", 5, DayKind.BUSINESS_DAYS),
        ("10 trading days", 10, DayKind.TRADING_DAYS),
        ("-5 business-days", -5, DayKind.BUSINESS_DAYS),
        ("1 month", 1, DayKind.MONTHS),
        ("2 years", 2, DayKind.YEARS),
    ],
)
def test_parse(text: str, n: int, kind: DayKind) -> None:
    assert parse_duration(text) == Duration(n=n, kind=kind)


@pytest.mark.parametrize("text", ["three days", "5 weeks", "", "5", "days 5"])
def test_rejects(text: str) -> None:
    with pytest.raises(DurationError, match="not a duration"):
        parse_duration(text)


def test_str() -> None:
    assert str(Duration(n=10, kind=DayKind.TRADING_DAYS)) == "10 trading-days"
