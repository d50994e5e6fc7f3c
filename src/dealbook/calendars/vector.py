"""Vectorized calendar queries over NumPy ``datetime64[D]`` arrays, in cache-sized blocks.

:class:`VectorKernel` holds one calendar's tables indexed by the date's own day number
(days since 1970-01-01, the integer behind ``datetime64[D]``), so a query is one gather
per table and no subtraction of an origin:

* ``lt[e]``: days of the calendar strictly before day ``e`` (``cum[position]``);
* ``le[e]``: days of the calendar on or before day ``e`` (``cum[position + 1]``), and
  ``before = le - 1``, the index of the last of them;
* ``day_epoch[k]``: the day number of the ``k``-th day of the calendar;
* ``open_mask[e]``: whether day ``e`` is a day of the calendar.

Then ``add(d, n)`` is ``day_epoch[before[d] + n]`` for ``n > 0`` and
``day_epoch[lt[d] + n]`` for ``n < 0``, and ``count`` is a difference of ``le``/``lt``
entries, with the same conventions as the scalar kernel (:mod:`.kernel`).

The common cases (every step of one sign; every count forward) keep one large array
alive: the result. Their second gather or subtraction goes through blocks of
:data:`BLOCK` elements. A second large temporary is what made the straightforward
version slow: with two 800 KB arrays alive at once, glibc's allocator hands the pages
back to the system after each call and faults them in again on the next, about 0.6 ms
per 100,000 queries, four times the arithmetic itself (``bench/calendar.py``). Mixed
signs and mixed directions take a plainer path.

>>> from dealbook.calendars.registry import get_calendar
>>> fed = get_calendar("ny-banking")
>>> days = np.array(["2003-08-28", "2003-08-30"], dtype="datetime64[D]")
>>> fed.add_many(days, 5).tolist()
[datetime.date(2003, 9, 5), datetime.date(2003, 9, 8)]
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import numpy.typing as npt

from dealbook.calendars.kernel import CalendarRangeError
from dealbook.calendars.tables import BoolArray
from dealbook.calendars.tables import DayTable
from dealbook.calendars.tables import IntArray

DateArray = npt.NDArray[np.datetime64]

_A = TypeVar("_A", bound=npt.NDArray[np.generic])

BLOCK = 16_384
"""Elements per block: 128 KB per int64 temporary, inside the L2 cache."""


class VectorKernel:
    """Epoch-indexed tables of one calendar and the vectorized queries on them."""

    __slots__ = (
        "_before",
        "_day_epoch",
        "_hi",
        "_le",
        "_lo",
        "_lt",
        "_name",
        "_ndays",
        "_open",
        "_span",
    )

    def __init__(self, table: DayTable, name: str) -> None:
        offset = table.epoch_offset
        if offset < 0:
            raise ValueError(f"calendar {name} starts before 1970-01-01: {table.first}")
        cum = table.cum.astype(np.int64)
        pad = np.zeros(offset, dtype=np.int64)
        self._name = name
        self._span = f"{table.first}..{table.last}"
        self._lo = offset
        self._hi = offset + table.size
        self._ndays = table.day_count
        self._lt: IntArray = _frozen(np.concatenate([pad, cum[:-1]]))
        self._le: IntArray = _frozen(np.concatenate([pad, cum[1:]]))
        self._before: IntArray = _frozen(self._le - 1)
        self._day_epoch: IntArray = _frozen(table.day_positions.astype(np.int64) + offset)
        self._open: BoolArray = _frozen(
            np.concatenate([np.zeros(offset, dtype=np.bool_), table.open_mask])
        )

    # -- inputs and errors ----------------------------------------------------------------

    def _epoch_days(self, dates: DateArray) -> IntArray:
        """Day numbers of ``dates``; :class:`CalendarRangeError` for NaT or outside coverage."""
        values = np.asarray(dates, dtype="datetime64[D]")
        days: IntArray = values.view(np.int64)
        if days.size and (int(days.min()) < self._lo or int(days.max()) >= self._hi):
            if np.isnat(values).any():
                raise CalendarRangeError("NaT is not a date")
            raise CalendarRangeError(
                f"some dates are outside the {self._name} calendar's coverage {self._span}"
            )
        return days

    def _past_coverage(self) -> CalendarRangeError:
        return CalendarRangeError(f"some results run past the {self._name} coverage {self._span}")

    # -- queries ----------------------------------------------------------------------------

    def is_day_many(self, dates: DateArray) -> BoolArray:
        """Whether each date is a day of the calendar."""
        days = self._epoch_days(dates)
        result: BoolArray = np.take(self._open, days, mode="clip")
        return result

    def add_many(self, dates: DateArray, n: int | IntArray) -> DateArray:
        """The ``n``-th day after each date (before it when ``n < 0``; unchanged for 0)."""
        days = self._epoch_days(dates)
        steps = np.asarray(n, dtype=np.int64)
        if steps.ndim == 0:
            step = int(steps)
            if step == 0:
                return days.copy().view("datetime64[D]")
            return self._add_one_sign(days, step, forward=step > 0)
        if days.shape != steps.shape:
            days, steps = (np.array(x) for x in np.broadcast_arrays(days, steps))
        if steps.size and (int(steps.min()) > 0 or int(steps.max()) < 0):
            return self._add_one_sign(days, steps, forward=int(steps.flat[0]) > 0)
        forward = steps > 0
        k = np.where(forward, self._before[days], self._lt[days])
        k += steps
        zero = steps == 0
        k[zero] = 0
        self._check_positions(k)
        result = self._day_epoch[k]
        result[zero] = days[zero]
        return result.view("datetime64[D]")

    def _add_one_sign(self, days: IntArray, steps: int | IntArray, *, forward: bool) -> DateArray:
        """:meth:`add_many` when every step is positive, or every step is negative."""
        out = np.take(self._before if forward else self._lt, days.reshape(-1), mode="clip")
        out += steps if isinstance(steps, int) else steps.reshape(-1)
        # before[d] >= -1 and lt[d] <= ndays, so only one bound can be crossed: the last
        # day going forward, the first going back.
        if out.size and (int(out.max()) >= self._ndays if forward else int(out.min()) < 0):
            raise self._past_coverage()
        self._gather_in_place(self._day_epoch, out)
        return out.reshape(days.shape).view("datetime64[D]")

    @staticmethod
    def _gather_in_place(table: IntArray, flat: IntArray) -> None:
        """``flat[:] = table[flat]`` for a 1-D array, a block at a time through a small buffer."""
        buffer = np.empty(min(BLOCK, flat.size), dtype=np.int64)
        for start in range(0, flat.size, BLOCK):
            part = flat[start : start + BLOCK]
            got = buffer[: part.size]
            np.take(table, part, out=got, mode="clip")
            part[...] = got

    def _check_positions(self, k: IntArray) -> None:
        if k.size and (int(k.min()) < 0 or int(k.max()) >= self._ndays):
            raise self._past_coverage()

    def count_many(
        self, starts: DateArray, ends: DateArray, *, include_start: bool, include_end: bool
    ) -> IntArray:
        """Days between each start and end, with the scalar kernel's end and sign rules."""
        a, b = self._epoch_days(starts), self._epoch_days(ends)
        if a.shape != b.shape:
            a, b = (np.array(x) for x in np.broadcast_arrays(a, b))
        shape = a.shape
        a, b = a.reshape(-1), b.reshape(-1)
        forward = a <= b
        if bool(forward.all()):
            out = self._count_forward(a, b, include_start=include_start, include_end=include_end)
            return out.reshape(shape)
        if not forward.any():
            # end < start everywhere: minus the forward count from end to start, each flag
            # staying with its own date.
            out = self._count_forward(b, a, include_start=include_end, include_end=include_start)
            np.negative(out, out=out)
            return out.reshape(shape)
        le, lt = self._le, self._lt
        size_fwd = np.take(le if include_end else lt, b) - np.take(lt if include_start else le, a)
        size_rev = np.take(lt if include_end else le, b) - np.take(le if include_start else lt, a)
        np.maximum(size_fwd, 0, out=size_fwd)
        np.minimum(size_rev, 0, out=size_rev)
        result: IntArray = np.where(forward, size_fwd, size_rev).reshape(shape)
        return result

    def _count_forward(
        self, a: IntArray, b: IntArray, *, include_start: bool, include_end: bool
    ) -> IntArray:
        """Counts for 1-D ``a <= b``: ``(a, b]`` by default; each flag keeps its own date."""
        out = np.take(self._le if include_end else self._lt, b, mode="clip")
        low = self._lt if include_start else self._le
        for begin in range(0, out.size, BLOCK):
            part = slice(begin, begin + BLOCK)
            out[part] -= np.take(low, a[part], mode="clip")
        np.maximum(out, 0, out=out)
        return out


def _frozen(array: _A) -> _A:
    array.setflags(write=False)
    return array
