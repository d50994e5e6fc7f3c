"""A Business Day or Trading Day calendar: is-day, add, count, roll, month ends.

The agreements run on day clocks: "within three (3) business days" (INS-SPA L199),
"ten (10) consecutive trading days" (INS-RRA L404-405), a "Business Day" on which New
York banks are open (HYT L189-191), "the final business day of each month". A
:class:`Calendar` answers those questions for one named calendar over a fixed coverage
(at least 1990-01-01..2040-12-31 for the shipped ones), from a compiled
:class:`~dealbook.calendars.tables.DayTable`, in constant time per query.

Conventions, stated once:

* ``add(d, n)``, ``n > 0``: the ``n``-th day of the calendar strictly after ``d``;
  ``n < 0``: the ``|n|``-th day strictly before ``d``; ``d`` itself need not be a day.
  ``n == 0`` returns ``d`` unchanged, **not rolled** (call :meth:`Calendar.roll` for
  that), so that ``add(add(d, a), b) == add(d, a + b)`` whenever ``a`` and ``b`` have
  the same sign. QuantLib instead rolls ``d`` forward when ``n == 0``.
* ``count(start, end)`` counts the days in ``(start, end]`` by default; each end is
  included or excluded explicitly. When ``end < start`` the result is negative and each
  flag stays with its own date (so the interval is ``[end, start)`` by default), as in
  QuantLib's ``businessDaysBetween``; thus ``count(d, add(d, n)) == n`` for every ``n``.

>>> from dealbook.calendars.registry import get_calendar
>>> fed = get_calendar("ny-banking")
>>> fed.add(date(2003, 8, 28), 5)
datetime.date(2003, 9, 5)
>>> fed.count(date(2003, 8, 28), date(2003, 9, 5))
5
>>> fed.closure_reason(date(2003, 9, 1))
'Labor Day'
>>> fed.add(date(2002, 9, 27), 2)
datetime.date(2002, 10, 1)
>>> nyse = get_calendar("nyse")
>>> nyse.count(date(2001, 9, 10), date(2001, 9, 17)), nyse.count(date(2001, 9, 17), date(2001, 9, 10))
(1, -1)
>>> nyse.add(date(2040, 12, 28), 5)  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
CalendarRangeError: 5 days of nyse after 2040-12-28 run past its coverage 1990-01-01..

``add``, ``count`` and ``is_day`` run on a kernel (:mod:`dealbook.calendars.kernel`):
compiled where the C extension was built at install, else pure Python, with the same
answers and the same errors.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import dataclasses
from collections.abc import Iterable
from datetime import date

from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.kernel import AddDays
from dealbook.calendars.kernel import CalendarRangeError
from dealbook.calendars.kernel import CountDays
from dealbook.calendars.kernel import DayKernel
from dealbook.calendars.kernel import IsDay
from dealbook.calendars.kernel import PyDayKernel
from dealbook.calendars.kernel import build_kernel
from dealbook.calendars.tables import BoolArray
from dealbook.calendars.tables import DayTable
from dealbook.calendars.tables import IntArray
from dealbook.calendars.vector import DateArray
from dealbook.calendars.vector import VectorKernel

__all__ = ["Calendar", "CalendarRangeError"]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Calendar:
    """A named set of days (business or trading days) with O(1) scalar and vector queries."""

    name: str
    source: str
    """Citation of the holiday data (package, version, rule set)."""
    table: DayTable = dataclasses.field(compare=False, repr=False)
    saturday_rule: SaturdayHolidayRule | None = None
    """For ``ny-banking``: the reading of a Saturday holiday; ``None`` elsewhere."""
    overlays: tuple[str, ...] = ()
    """Labels of deal-level overlays that removed days (trading halts, suspensions)."""
    first: date = dataclasses.field(init=False)
    last: date = dataclasses.field(init=False)
    add: AddDays = dataclasses.field(init=False, repr=False, compare=False)
    """``add(d, n)``: the ``n``-th day of this calendar after ``d`` (before it when ``n < 0``).

    ``n == 0`` returns ``d`` unchanged, not rolled (see the module docstring)."""
    count: CountDays = dataclasses.field(init=False, repr=False, compare=False)
    """``count(start, end, *, include_start=False, include_end=True)``: days between.

    By default the interval is ``(start, end]``. When ``end < start`` the count is
    negative and each flag stays with its own date (QuantLib's convention)."""
    is_day: IsDay = dataclasses.field(init=False, repr=False, compare=False)
    """``is_day(d)``: whether ``d`` is a day of this calendar (a business or trading day)."""
    kernel: DayKernel = dataclasses.field(init=False, repr=False, compare=False)
    """The kernel behind ``add``/``count``/``is_day`` (compiled where built; see kernel.py)."""
    _ref: PyDayKernel = dataclasses.field(init=False, repr=False, compare=False)
    _days: tuple[date, ...] = dataclasses.field(init=False, repr=False, compare=False)
    _cum: tuple[int, ...] = dataclasses.field(init=False, repr=False, compare=False)
    _vec: VectorKernel = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kernel, reference = build_kernel(self.table, self.name)
        fields = {
            "first": self.table.first,
            "last": self.table.last,
            "add": kernel.add,
            "count": kernel.count,
            "is_day": kernel.is_day,
            "kernel": kernel,
            "_ref": reference,
            "_days": self.table.days_py,
            "_cum": self.table.cum_py,
            "_vec": VectorKernel(self.table, self.name),
        }
        for key, value in fields.items():
            object.__setattr__(self, key, value)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the constructor's arguments; the kernel is rebuilt on load."""
        return (
            _rebuild,
            (self.name, self.source, self.table, self.saturday_rule, self.overlays),
        )

    @property
    def label(self) -> str:
        """The name plus its Saturday reading and overlays, for explanations.

        >>> from dealbook.calendars.registry import get_calendar
        >>> get_calendar("ny-banking", saturday_rule=SaturdayHolidayRule.LEGAL_HOLIDAY).label
        'ny-banking (legal-holiday reading of Saturday holidays)'
        """
        text = self.name
        if self.saturday_rule is SaturdayHolidayRule.LEGAL_HOLIDAY:
            text += " (legal-holiday reading of Saturday holidays)"
        if self.overlays:
            text += " without " + ", ".join(self.overlays)
        return text

    # -- scalar queries ---------------------------------------------------------------
    # ``add``, ``count`` and ``is_day`` are fields bound to the kernel's own methods
    # (see the class attributes), so a call costs no Python frame of this class.

    def _position(self, d: date) -> int:
        return self._ref.position(d)

    def last_days(self, end: date, n: int) -> tuple[date, ...]:
        """The ``n`` days of this calendar on or before ``end``, oldest first.

        >>> from dealbook.calendars.registry import get_calendar
        >>> get_calendar("nyse").last_days(date(2003, 9, 2), 3)
        (datetime.date(2003, 8, 28), datetime.date(2003, 8, 29), datetime.date(2003, 9, 2))
        """
        index = self._position(end)
        k = self._cum[index + 1]
        if n > k:
            raise CalendarRangeError(
                f"{n} days of {self.name} on or before {end} run past its coverage "
                f"{self.first}..{self.last}"
            )
        return self._days[k - n : k]

    def next_day(self, d: date) -> date:
        """The first day of this calendar strictly after ``d``."""
        return self.add(d, 1)

    def previous_day(self, d: date) -> date:
        """The last day of this calendar strictly before ``d``."""
        return self.add(d, -1)

    def roll(self, d: date, roll: Roll) -> date:
        """Move ``d`` to a day of this calendar by ``roll`` (``d`` itself when it is one).

        >>> from dealbook.calendars.registry import get_calendar
        >>> fed = get_calendar("ny-banking")
        >>> sunday = date(2003, 11, 30)
        >>> fed.roll(sunday, Roll.FOLLOWING), fed.roll(sunday, Roll.MODIFIED_FOLLOWING)
        (datetime.date(2003, 12, 1), datetime.date(2003, 11, 28))
        """
        if roll is Roll.NONE or self.is_day(d):
            return d
        if roll is Roll.PRECEDING:
            return self.previous_day(d)
        following = self.next_day(d)
        if roll is Roll.MODIFIED_FOLLOWING and following.month != d.month:
            return self.previous_day(d)
        return following

    def first_in_month(self, year: int, month: int) -> date:
        """The first day of this calendar in the month.

        >>> from dealbook.calendars.registry import get_calendar
        >>> get_calendar("ny-banking").first_in_month(2003, 1)
        datetime.date(2003, 1, 2)
        """
        start = date(year, month, 1)
        return self._in_month(self.roll(start, Roll.FOLLOWING), year, month)

    def last_in_month(self, year: int, month: int) -> date:
        """The last day of this calendar in the month ("the final business day of each month").

        >>> from dealbook.calendars.registry import get_calendar
        >>> get_calendar("ny-banking").last_in_month(2002, 11)
        datetime.date(2002, 11, 29)
        """
        end = date(year, month, stdlib_calendar.monthrange(year, month)[1])
        return self._in_month(self.roll(end, Roll.PRECEDING), year, month)

    def _in_month(self, d: date, year: int, month: int) -> date:
        if (d.year, d.month) != (year, month):
            raise CalendarRangeError(f"{self.label} has no day in {year:04d}-{month:02d}")
        return d

    def closure_reason(self, d: date) -> str | None:
        """Why ``d`` is not a day of this calendar (weekday name or holiday), else ``None``."""
        if self.is_day(d):
            return None
        return self.table.closed.get(d, _WEEKDAY_NAMES[d.weekday()])

    def closures(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekday closures (holidays, special closures, overlays) in ``start..end``."""
        self._position(start)
        self._position(end)
        return [(d, reason) for d, reason in self.table.closed.items() if start <= d <= end]

    def without(self, days: Iterable[date], label: str) -> Calendar:
        """This calendar with ``days`` removed, e.g. trading halts (D-HYT-17 overlay).

        Days that are not days of this calendar are ignored; days outside the coverage
        raise :class:`CalendarRangeError`.

        >>> from dealbook.calendars.registry import get_calendar
        >>> halted = get_calendar("nyse").without([date(2003, 6, 2)], "halt")
        >>> halted.label, halted.add(date(2003, 5, 30), 1)
        ('nyse without halt', datetime.date(2003, 6, 3))
        """
        removed = {}
        for day in days:
            self._position(day)
            removed[day] = label
        return Calendar(
            name=self.name,
            source=f"{self.source}; minus {len(removed)} day(s): {label}",
            table=self.table.without(removed),
            saturday_rule=self.saturday_rule,
            overlays=(*self.overlays, label),
        )

    # -- vectorized queries (dealbook.calendars.vector) ------------------------------------

    def is_day_many(self, dates: DateArray) -> BoolArray:
        """Vectorized :attr:`is_day` over a ``datetime64[D]`` array."""
        return self._vec.is_day_many(dates)

    def add_many(self, dates: DateArray, n: int | IntArray) -> DateArray:
        """Vectorized :attr:`add`; ``n`` is a scalar or an array broadcastable to ``dates``."""
        return self._vec.add_many(dates, n)

    def count_many(
        self,
        starts: DateArray,
        ends: DateArray,
        *,
        include_start: bool = False,
        include_end: bool = True,
    ) -> IntArray:
        """Vectorized :attr:`count` (same end conventions, same sign rule)."""
        return self._vec.count_many(
            starts, ends, include_start=include_start, include_end=include_end
        )


def _rebuild(
    name: str,
    source: str,
    table: DayTable,
    saturday_rule: SaturdayHolidayRule | None,
    overlays: tuple[str, ...],
) -> Calendar:
    return Calendar(
        name=name, source=source, table=table, saturday_rule=saturday_rule, overlays=overlays
    )
