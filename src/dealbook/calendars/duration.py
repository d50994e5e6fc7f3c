"""Durations as the agreements state them: "thirty (30) days", "five (5) Business Days".

A :class:`Duration` is a whole number of units of one :class:`DayKind`. Deal files write
durations as text, ``"30 days"``, ``"5 business-days"``, ``"10 trading-days"``,
``"2 years"``; :func:`parse_duration` reads them (a few spelling variants are accepted).

>>> parse_duration("5 business days")
Duration(n=5, kind=<DayKind.BUSINESS_DAYS: 'business-days'>)
>>> str(parse_duration("10 TD"))
'10 trading-days'
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.calendars.conventions import DayKind

_UNITS: dict[str, DayKind] = {
    "d": DayKind.CALENDAR_DAYS,
    "day": DayKind.CALENDAR_DAYS,
    "days": DayKind.CALENDAR_DAYS,
    "calendar-day": DayKind.CALENDAR_DAYS,
    "calendar-days": DayKind.CALENDAR_DAYS,
    "bd": DayKind.BUSINESS_DAYS,
    "business-day": DayKind.BUSINESS_DAYS,
    "business-days": DayKind.BUSINESS_DAYS,
    "td": DayKind.TRADING_DAYS,
    "trading-day": DayKind.TRADING_DAYS,
    "trading-days": DayKind.TRADING_DAYS,
    "month": DayKind.MONTHS,
    "months": DayKind.MONTHS,
    "year": DayKind.YEARS,
    "years": DayKind.YEARS,
}

_DURATION = re.compile(r"^\s*(-?\d+)\s+([A-Za-z][A-Za-z -]*?)\s*$")


class DurationError(ValueError):
    """Raised for text that is not a duration."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Duration:
    """A whole number of calendar days, business days, trading days, months or years."""

    n: int
    kind: DayKind

    def __str__(self) -> str:
        return f"{self.n} {self.kind}"


def parse_duration(text: str) -> Duration:
    """Parse ``"N unit"``; units: days, business-days, trading-days, months, years (or D/BD/TD).

    >>> parse_duration("75 calendar days").n
    75
    >>> parse_duration("three days")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    DurationError: not a duration: 'three days' (write e.g. "30 days", ...)
    """
    match = _DURATION.match(text)
    unit = match and re.sub(r"[\s_]+", "-", match.group(2).strip().lower())
    if not match or unit not in _UNITS:
        raise DurationError(
            f"not a duration: {text!r} (write e.g. "
            '"30 days", "5 business-days", "10 trading-days", "1 months", "2 years")'
        )
    return Duration(n=int(match.group(1)), kind=_UNITS[unit])
