"""The deal's clocks: its Business Day and Trading Day calendars and how durations run.

Which calendars apply and how a calendar-day deadline rolls are conventions of the deal
(spec §0.1 and Appendix A: ``calendar.business_day``, ``calendar.trading_day``,
``roll.calendar_deadline``). :class:`DealClock` binds them once so that every deadline is
computed the same way and can say how it was computed.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from dealbook.calendars.arith import add_duration
from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import Roll
from dealbook.calendars.duration import Duration
from dealbook.calendars.registry import get_calendar
from dealbook.terms.conventions import Conventions


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DealClock:
    """Calendars and roll rules of one deal."""

    business: Calendar
    trading: Calendar
    calendar_roll: Roll
    business_roll: Roll

    @classmethod
    def of(cls, conventions: Conventions) -> DealClock:
        """The clock the deal's conventions select."""
        return cls(
            business=get_calendar(
                conventions.business_day_calendar, saturday_rule=conventions.saturday_holiday
            ),
            trading=get_calendar(conventions.trading_day_calendar),
            calendar_roll=conventions.calendar_deadline_roll,
            business_roll=conventions.business_deadline_roll,
        )

    def add(self, start: date, duration: Duration) -> date:
        """``start`` (day 0) plus ``duration``, rolled per the deal's conventions."""
        if duration.kind in (DayKind.BUSINESS_DAYS, DayKind.TRADING_DAYS):
            calendar = self.business if duration.kind is DayKind.BUSINESS_DAYS else self.trading
            return add_duration(
                start,
                duration,
                business=self.business,
                trading=self.trading,
                roll=self.business_roll,
                roll_calendar=calendar,
            )
        return add_duration(
            start, duration, business=self.business, trading=self.trading, roll=self.calendar_roll
        )

    def subtract(self, end: date, duration: Duration) -> date:
        """The day ``duration`` before ``end`` (e.g. wire instructions 5 BD before Closing)."""
        return self.add(end, Duration(n=-duration.n, kind=duration.kind))

    def describe(self, duration: Duration) -> str:
        """Which calendar counts ``duration``."""
        if duration.kind is DayKind.BUSINESS_DAYS:
            return f"{duration} on {self.business.name}"
        if duration.kind is DayKind.TRADING_DAYS:
            return f"{duration} on {self.trading.name}"
        return f"{duration} (calendar, roll {self.calendar_roll})"
