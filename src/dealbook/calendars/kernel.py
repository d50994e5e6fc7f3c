"""The scalar query kernel of a calendar: add, count, is-day, in pure Python or compiled.

A :class:`~dealbook.calendars.calendar.Calendar` answers its scalar questions through a
kernel built once from its :class:`~dealbook.calendars.tables.DayTable`:

* :class:`PyDayKernel` is the reference, in pure Python: it holds the cumulative counts
  and the days as tuples, computes every answer and raises every error.
* ``dealbook.calendars._daykernel.DayKernel`` (C, built at install when a C compiler is
  present) answers the same queries for exact ``date`` arguments inside the coverage and
  exact ``int`` steps, and hands every other call, unchanged, to the Python kernel. It
  never decides an error itself. Decision record 0007 says why it exists (the scalar
  speed target of issue #3) and how it is kept equal to the reference.

:func:`build_kernel` picks the compiled kernel when it is importable, unless the
environment variable ``DEALBOOK_PURE_PYTHON`` is set to ``1``; :func:`kernel_kind` says
which one the process uses.

>>> from dealbook.calendars.tables import DayTable
>>> t = DayTable.build(first=date(2003, 8, 25), last=date(2003, 9, 7),
...                    weekend=frozenset({5, 6}), closed={date(2003, 9, 1): "Labor Day"})
>>> k = PyDayKernel(t, "demo")
>>> k.add(date(2003, 8, 28), 2), k.count(date(2003, 8, 28), date(2003, 9, 2))
(datetime.date(2003, 9, 2), 2)
"""

from __future__ import annotations

import os
from datetime import date
from typing import Protocol

from dealbook.calendars.tables import DayTable

PURE_PYTHON_ENV = "DEALBOOK_PURE_PYTHON"
"""Set to ``1`` to use the pure-Python kernel even where the compiled one is built."""


class CalendarRangeError(ValueError):
    """A date, or the result of an operation, lies outside a calendar's coverage."""


class AddDays(Protocol):
    """``add(d, n)``: the ``n``-th day after ``d`` (before it when ``n < 0``)."""

    def __call__(self, d: date, n: int, /) -> date: ...


class CountDays(Protocol):
    """``count(start, end, *, include_start, include_end)``: days between two dates."""

    def __call__(
        self, start: date, end: date, /, *, include_start: bool = False, include_end: bool = True
    ) -> int: ...


class IsDay(Protocol):
    """``is_day(d)``: whether ``d`` is a day of the calendar."""

    def __call__(self, d: date, /) -> bool: ...


class DayKernel(Protocol):
    """What a kernel offers; both implementations satisfy it."""

    def add(self, d: date, n: int, /) -> date:
        """See :class:`AddDays`."""

    def count(
        self, start: date, end: date, /, *, include_start: bool = False, include_end: bool = True
    ) -> int:
        """See :class:`CountDays`."""

    def is_day(self, d: date, /) -> bool:
        """See :class:`IsDay`."""


class PyDayKernel:
    """The reference kernel: scalar queries on one table, in pure Python."""

    __slots__ = ("_base", "_cum", "_days", "_first", "_last", "_name", "_ndays", "_size")

    def __init__(self, table: DayTable, name: str) -> None:
        self._name = name
        self._first = table.first
        self._last = table.last
        self._base = table.base
        self._size = table.size
        self._ndays = table.day_count
        self._cum = table.cum_py
        self._days = table.days_py

    def position(self, d: date) -> int:
        """The index of ``d`` in the coverage; :class:`CalendarRangeError` outside it."""
        index = d.toordinal() - self._base
        if not 0 <= index < self._size:
            raise CalendarRangeError(
                f"{d} is outside the {self._name} calendar's coverage {self._first}..{self._last}"
            )
        return index

    def is_day(self, d: date, /) -> bool:
        """Whether ``d`` is a day of the calendar."""
        index = d.toordinal() - self._base
        if not 0 <= index < self._size:
            self.position(d)
        return self._cum[index + 1] != self._cum[index]

    def add(self, d: date, n: int, /) -> date:
        """The ``n``-th day after ``d`` (before it when ``n < 0``); ``d`` itself for 0."""
        index = d.toordinal() - self._base
        if not 0 <= index < self._size:
            self.position(d)
        if n > 0:
            k = self._cum[index + 1] + n - 1
            if k >= self._ndays:
                raise self._overflow(d, n)
            return self._days[k]
        if n < 0:
            k = self._cum[index] + n
            if k < 0:
                raise self._overflow(d, n)
            return self._days[k]
        return d

    def _overflow(self, d: date, n: int) -> CalendarRangeError:
        where = "after" if n > 0 else "before"
        return CalendarRangeError(
            f"{abs(n)} days of {self._name} {where} {d} run past its coverage "
            f"{self._first}..{self._last}"
        )

    def count(
        self, start: date, end: date, /, *, include_start: bool = False, include_end: bool = True
    ) -> int:
        """Days between ``start`` and ``end``: ``(start, end]`` by default, negative if reversed."""
        base, size = self._base, self._size
        a = start.toordinal() - base
        b = end.toordinal() - base
        if a < 0 or b < 0 or a >= size or b >= size:
            self.position(start)
            self.position(end)
        cum = self._cum
        if a <= b:
            high = cum[b + 1] if include_end else cum[b]
            low = cum[a] if include_start else cum[a + 1]
            return high - low if high > low else 0
        high = cum[a + 1] if include_start else cum[a]
        low = cum[b] if include_end else cum[b + 1]
        return low - high if high > low else 0


def _compiled() -> type | None:
    if os.environ.get(PURE_PYTHON_ENV) == "1":
        return None
    try:
        from dealbook.calendars._daykernel import DayKernel as Compiled
    except ImportError:
        return None
    return Compiled


_COMPILED = _compiled()


def kernel_kind() -> str:
    """``"compiled"`` or ``"python"``: which kernel :func:`build_kernel` returns here."""
    return "python" if _COMPILED is None else "compiled"


def build_kernel(table: DayTable, name: str) -> tuple[DayKernel, PyDayKernel]:
    """The fastest available kernel for ``table``, and the reference kernel it defers to."""
    reference = PyDayKernel(table, name)
    if _COMPILED is None:
        return reference, reference
    fast: DayKernel = _COMPILED(
        base=table.base, cum=table.cum_py, days=table.days_py, fallback=reference
    )
    return fast, reference
