"""Date arithmetic for the agreements' clocks: N days, business days, trading days, months.

"Within ten (10) days after the Funding Date" (INS-RRA §2(a)), "ninety (90) days from
the Filing Date" (INS-RRA §2(a)), "five (5) Business Days" (HYT §2.3(a)), "two (2) years"
(INS-SPA §4(e)). :func:`add_duration` applies a :class:`Duration` with the calendars the
deal file selected; :func:`add_months` is calendar-month stepping with an explicit
end-of-month rule.

Conventions (spec §0.1, Appendix A):

* calendar days ignore every calendar; "within N days after X" is ``X + N`` (X is day 0);
* business and trading days use :meth:`Calendar.add` (the N-th day strictly after X);
* months and years step calendar months from the start and clamp to the month's last
  day (2004-01-31 + 1 month = 2004-02-29); ``end_of_month=True`` additionally keeps a
  month-end start on month ends (2003-02-28 + 1 month = 2003-03-31);
* the result is rolled only when a roll other than ``Roll.NONE`` is asked for (default:
  no roll for calendar-day deadlines, ``roll.calendar_deadline``).

>>> from dealbook.calendars.duration import parse_duration
>>> from dealbook.calendars.registry import get_calendar
>>> fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
>>> add_duration(date(2003, 8, 29), parse_duration("10 days"), business=fed, trading=nyse)
datetime.date(2003, 9, 8)
>>> add_duration(date(2003, 8, 28), parse_duration("5 business-days"), business=fed, trading=nyse)
datetime.date(2003, 9, 5)
"""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date
from datetime import timedelta

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import Roll
from dealbook.calendars.duration import Duration

_MONTHS_PER_YEAR = 12


def days_in_month(year: int, month: int) -> int:
    """Number of days in a calendar month.

    >>> days_in_month(2004, 2)
    29
    """
    return stdlib_calendar.monthrange(year, month)[1]


def is_month_end(d: date) -> bool:
    """Whether ``d`` is the last day of its month."""
    return d.day == days_in_month(d.year, d.month)


def add_months(d: date, n: int, *, end_of_month: bool) -> date:
    """``d`` plus ``n`` calendar months (``n`` may be negative), clamped to the month's end.

    Args:
        d: start date.
        n: number of months.
        end_of_month: when true and ``d`` is the last day of its month, the result is the
            last day of the target month.

    >>> add_months(date(2004, 1, 31), 1, end_of_month=False)
    datetime.date(2004, 2, 29)
    >>> add_months(date(2003, 2, 28), 1, end_of_month=False)
    datetime.date(2003, 3, 28)
    >>> add_months(date(2003, 2, 28), 1, end_of_month=True)
    datetime.date(2003, 3, 31)
    """
    index = d.year * _MONTHS_PER_YEAR + (d.month - 1) + n
    year, month = divmod(index, _MONTHS_PER_YEAR)
    month += 1
    last = days_in_month(year, month)
    if end_of_month and is_month_end(d):
        return date(year, month, last)
    return date(year, month, min(d.day, last))


def add_duration(
    start: date,
    duration: Duration,
    *,
    business: Calendar,
    trading: Calendar,
    roll: Roll = Roll.NONE,
    roll_calendar: Calendar | None = None,
) -> date:
    """``start`` plus ``duration``, then rolled by ``roll`` on ``roll_calendar``.

    Args:
        start: the day the clock starts (day 0).
        duration: how long, in one :class:`DayKind`.
        business: the deal's Business Day calendar (for ``business-days``).
        trading: the deal's Trading Day calendar (for ``trading-days``).
        roll: how to move a result that is not a day of ``roll_calendar``.
        roll_calendar: the calendar for the roll; defaults to ``business``.

    >>> from dealbook.calendars.duration import parse_duration
    >>> from dealbook.calendars.registry import get_calendar
    >>> fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
    >>> add_duration(date(2003, 12, 7), parse_duration("0 days"), business=fed, trading=nyse,
    ...              roll=Roll.FOLLOWING)
    datetime.date(2003, 12, 8)
    """
    n = duration.n
    if duration.kind is DayKind.CALENDAR_DAYS:
        result = start + timedelta(days=n)
    elif duration.kind is DayKind.BUSINESS_DAYS:
        result = business.add(start, n)
    elif duration.kind is DayKind.TRADING_DAYS:
        result = trading.add(start, n)
    elif duration.kind is DayKind.MONTHS:
        result = add_months(start, n, end_of_month=False)
    else:
        result = add_months(start, n * _MONTHS_PER_YEAR, end_of_month=False)
    if roll is Roll.NONE:
        return result
    return (roll_calendar or business).roll(result, roll)


def describe_duration(duration: Duration, *, business: Calendar, trading: Calendar) -> str:
    """Which calendar and convention :func:`add_duration` uses for ``duration``.

    >>> from dealbook.calendars.duration import parse_duration
    >>> from dealbook.calendars.registry import get_calendar
    >>> fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
    >>> describe_duration(parse_duration("2 months"), business=fed, trading=nyse)
    'calendar months stepped from the start, clamped to the month end (no calendar)'
    """
    kind = duration.kind
    if kind is DayKind.CALENDAR_DAYS:
        return "calendar days: start is day 0, every day counts (no calendar)"
    if kind is DayKind.BUSINESS_DAYS:
        return f"business days of {business.label}: the N-th business day strictly after start"
    if kind is DayKind.TRADING_DAYS:
        return f"trading days of {trading.label}: the N-th trading day strictly after start"
    if kind is DayKind.MONTHS:
        return "calendar months stepped from the start, clamped to the month end (no calendar)"
    return "years as 12 calendar months, clamped to the month end (no calendar)"
