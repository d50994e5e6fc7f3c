"""The calendars dealbook ships, built once per process from cited holiday data.

``ny-banking`` is the Hy-Tech "Business Day" (HYT L189-191) and the recommended default
for the undefined "business day" of the Insynq and Amnis documents (spec §0.1,
Appendix A ``calendar.business_day``); ``nyse`` is the default "Trading Day" calendar of
the principal market (``calendar.trading_day``); ``weekdays`` (Monday-Friday) is there
for comparison, e.g. the calendar-sensitivity case G-28.

Every calendar covers :data:`COVERAGE_FIRST`..:data:`COVERAGE_LAST`.

>>> get_calendar("nyse") is get_calendar(CalendarName.NYSE)
True
>>> get_calendar("weekdays").add(date(2002, 12, 31), 5)
datetime.date(2003, 1, 7)
>>> get_calendar("tse")
Traceback (most recent call last):
...
ValueError: unknown calendar 'tse' (known: ny-banking, nyse, weekdays)
"""

from __future__ import annotations

import functools
from datetime import date

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.sources import ClosureData
from dealbook.calendars.sources import fed_closures
from dealbook.calendars.sources import nyse_closures
from dealbook.calendars.sources import weekend_days
from dealbook.calendars.tables import DayTable

COVERAGE_FIRST = date(1990, 1, 1)
COVERAGE_LAST = date(2040, 12, 31)


def calendar_name(name: CalendarName | str) -> CalendarName:
    """Validate a calendar name given as text."""
    try:
        return CalendarName(name)
    except ValueError:
        known = ", ".join(member.value for member in CalendarName)
        raise ValueError(f"unknown calendar {name!r} (known: {known})") from None


def get_calendar(
    name: CalendarName | str, *, saturday_rule: SaturdayHolidayRule = SaturdayHolidayRule.FED
) -> Calendar:
    """The shipped calendar ``name`` (cached: built once per process).

    Args:
        name: ``ny-banking``, ``nyse`` or ``weekdays``.
        saturday_rule: only for ``ny-banking``: whether the Friday before a Saturday
            holiday is open (``FED``, default) or closed (``LEGAL_HOLIDAY``).
    """
    member = calendar_name(name)
    rule = SaturdayHolidayRule(saturday_rule)
    return _build(member, rule if member is CalendarName.NY_BANKING else None)


@functools.cache
def _build(name: CalendarName, saturday_rule: SaturdayHolidayRule | None) -> Calendar:
    first, last = COVERAGE_FIRST.year, COVERAGE_LAST.year
    if name is CalendarName.NY_BANKING:
        data = fed_closures(first, last, saturday_rule or SaturdayHolidayRule.FED)
    elif name is CalendarName.NYSE:
        data = nyse_closures(first, last)
    else:
        data = ClosureData(closed={}, source="Monday to Friday; no holidays")
    table = DayTable.build(
        first=COVERAGE_FIRST, last=COVERAGE_LAST, weekend=weekend_days(), closed=data.closed
    )
    return Calendar(name=name.value, source=data.source, table=table, saturday_rule=saturday_rule)
