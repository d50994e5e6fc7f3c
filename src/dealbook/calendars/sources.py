"""Holiday data behind the Business Day and Trading Day calendars, cited to its source.

Hy-Tech defines "Business Day" as any day except Saturday, Sunday, a legal holiday or a
day on which New York banks are authorized or required to close (HYT L189-191); the
Insynq and Amnis documents say "business day" without defining it (spec §0.1), and the
assumption register defaults them to the same New York banking calendar. "Trading Day"
defaults to the calendar of the principal market (HYT L403-409, INS-RRA L404-405).

Every closure comes from the maintained ``holidays`` package (python-holidays):

* ``ny-banking``: ``holidays.financial.FederalReserve`` (market ``XFED``). That class
  starts in 1999 and silently returns *nothing* for earlier years. The Federal Reserve's
  schedule has not changed between 1986 (first federal Martin Luther King Jr. Day) and
  2021 (Juneteenth), so :class:`_FederalReserveSince1986` runs the very same rule code
  for 1986-1998 by lowering ``start_year``; no date is typed by hand (decision record
  ``docs/decisions/0002-calendars.md``).
* ``nyse``: ``holidays.financial.NewYorkStockExchange`` (market ``XNYS``), public
  closures only (early closes are still trading days). Its static table already holds
  the special closures 2001-09-11..14, 2004-06-11, 2007-01-02, 2012-10-29/30,
  2018-12-05 and 2025-01-09.

>>> closures = fed_closures(2003, 2003, SaturdayHolidayRule.FED)
>>> closures.closed[date(2003, 9, 1)]
'Labor Day'
>>> len(closures.closed)
10
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
from datetime import date
from datetime import timedelta

import holidays
from holidays.financial.federal_reserve import FederalReserve

from dealbook.calendars.conventions import SaturdayHolidayRule

HOLIDAYS_VERSION: str = importlib.metadata.version("holidays")

#: Year from which the Federal Reserve rules below are valid (first federal MLK Day).
FED_RULES_FROM = 1986

_SATURDAY = 5
_SUNDAY = 6


class _FederalReserveSince1986(FederalReserve):
    """python-holidays' Federal Reserve rules, extended back to 1986 (same rule code)."""

    start_year = FED_RULES_FROM


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ClosureData:
    """Weekday closures (date -> reason) and the citation of where they came from."""

    closed: dict[date, str]
    source: str


def fed_closures(
    first_year: int, last_year: int, saturday_rule: SaturdayHolidayRule
) -> ClosureData:
    """New York banking holidays falling on a weekday, ``first_year..last_year``.

    Args:
        first_year: first year covered (not before :data:`FED_RULES_FROM`).
        last_year: last year covered.
        saturday_rule: ``FED`` keeps the Friday before a Saturday holiday open (Federal
            Reserve practice); ``LEGAL_HOLIDAY`` closes it, as 5 U.S.C. 6103(b) observes
            a Saturday holiday on the Friday.

    >>> legal = fed_closures(1999, 1999, SaturdayHolidayRule.LEGAL_HOLIDAY).closed
    >>> legal[date(1999, 12, 24)]
    'Christmas Day (Saturday; Friday observed as a legal holiday)'
    >>> date(1999, 12, 24) in fed_closures(1999, 1999, SaturdayHolidayRule.FED).closed
    False
    """
    if first_year < FED_RULES_FROM:
        raise ValueError(f"Federal Reserve rules are only valid from {FED_RULES_FROM}")
    years = range(first_year, last_year + 2)
    table = _FederalReserveSince1986(years=years)  # type: ignore[no-untyped-call]  # holidays: untyped __init__
    closed: dict[date, str] = {}
    for day, name in table.items():
        if day.weekday() < _SATURDAY:
            closed[day] = str(name)
        elif day.weekday() == _SATURDAY and saturday_rule is SaturdayHolidayRule.LEGAL_HOLIDAY:
            closed[day - timedelta(days=1)] = (
                f"{name} (Saturday; Friday observed as a legal holiday)"
            )
    closed = {d: n for d, n in closed.items() if first_year <= d.year <= last_year}
    source = (
        f"python-holidays {HOLIDAYS_VERSION}, FederalReserve (XFED) rules, applied from "
        f"{FED_RULES_FROM} (the package's own table starts in 1999); "
        + (
            "Saturday holidays: Fed reading, the Friday before stays open"
            if saturday_rule is SaturdayHolidayRule.FED
            else "Saturday holidays: legal-holiday reading, the Friday before is closed"
        )
    )
    return ClosureData(closed=dict(sorted(closed.items())), source=source)


def nyse_closures(first_year: int, last_year: int) -> ClosureData:
    """NYSE full-day closures on weekdays, special closures included.

    >>> nyse_closures(2012, 2012).closed[date(2012, 10, 29)]
    'Hurricane Sandy'
    """
    table = holidays.financial_holidays("XNYS", years=range(first_year, last_year + 1))
    closed = {
        day: str(name)
        for day, name in table.items()
        if day.weekday() < _SATURDAY and first_year <= day.year <= last_year
    }
    source = (
        f"python-holidays {HOLIDAYS_VERSION}, NewYorkStockExchange (XNYS), public closures "
        "(NYSE Rule 51 holidays and special closures; early closes count as trading days)"
    )
    return ClosureData(closed=dict(sorted(closed.items())), source=source)


def weekend_days() -> frozenset[int]:
    """Saturday and Sunday as :meth:`datetime.date.weekday` numbers."""
    return frozenset({_SATURDAY, _SUNDAY})
