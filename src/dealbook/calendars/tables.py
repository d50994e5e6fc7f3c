"""Compiled day tables: a calendar as sorted day positions plus cumulative counts.

Every clock in the agreements ("within three (3) business days", "ten (10) consecutive
trading days") reduces to two questions: which calendar days are days of the calendar,
and how many of them lie in an interval. A :class:`DayTable` answers both in constant
time. Over its coverage ``first..last`` (position ``i`` is ``first + i`` days) it holds

* ``open_mask[i]``: whether position ``i`` is a day of the calendar;
* ``cum[i]``: how many days lie at positions ``0..i-1`` (so ``cum[i + 1] - cum[i]`` is
  ``open_mask[i]``, and ``cum`` has one more entry than there are positions);
* ``day_positions[k]``: the position of the ``k``-th day (0-based), sorted.

The same data is kept as NumPy arrays (for the vectorized operations) and as Python
tuples of ints and dates (for the scalar ones, where tuple indexing beats NumPy scalars).

>>> t = DayTable.build(first=date(2003, 8, 25), last=date(2003, 9, 7),
...                    weekend=frozenset({5, 6}), closed={date(2003, 9, 1): "Labor Day"})
>>> t.size, t.day_count
(14, 9)
>>> t.cum_py[:8]
(0, 1, 2, 3, 4, 5, 5, 5)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from datetime import timedelta

import numpy as np
import numpy.typing as npt

EPOCH = date(1970, 1, 1)

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DayTable:
    """The compiled lookup table of one calendar over its coverage."""

    first: date
    last: date
    open_mask: BoolArray
    cum: IntArray
    day_positions: IntArray
    cum_py: tuple[int, ...]
    days_py: tuple[date, ...]
    closed: Mapping[date, str]
    """Why each weekday in coverage is closed (holiday name or overlay label)."""

    @property
    def base(self) -> int:
        """Proleptic Gregorian ordinal of :attr:`first`."""
        return self.first.toordinal()

    @property
    def epoch_offset(self) -> int:
        """Days from 1970-01-01 (``datetime64[D]`` zero) to :attr:`first`."""
        return (self.first - EPOCH).days

    @property
    def size(self) -> int:
        """Number of calendar days covered."""
        return len(self.open_mask)

    @property
    def day_count(self) -> int:
        """Number of days of the calendar in the coverage."""
        return len(self.day_positions)

    @classmethod
    def build(
        cls,
        *,
        first: date,
        last: date,
        weekend: frozenset[int],
        closed: Mapping[date, str],
    ) -> DayTable:
        """Compile a table: every date in ``first..last`` not on ``weekend`` nor ``closed``."""
        size = (last - first).days + 1
        weekdays = (np.arange(size, dtype=np.int64) + first.weekday()) % 7
        mask = ~np.isin(weekdays, np.array(sorted(weekend), dtype=np.int64))
        inside = {d: reason for d, reason in closed.items() if first <= d <= last}
        for day in inside:
            mask[(day - first).days] = False
        return cls.from_mask(first=first, mask=mask, closed=inside)

    @classmethod
    def from_mask(cls, *, first: date, mask: BoolArray, closed: Mapping[date, str]) -> DayTable:
        """Compile a table from a boolean mask of open positions."""
        mask = np.array(mask, dtype=np.bool_)
        mask.setflags(write=False)
        cum = np.zeros(len(mask) + 1, dtype=np.int64)
        np.cumsum(mask, out=cum[1:])
        cum.setflags(write=False)
        positions = np.flatnonzero(mask).astype(np.int64)
        positions.setflags(write=False)
        base = first.toordinal()
        return cls(
            first=first,
            last=first + timedelta(days=len(mask) - 1),
            open_mask=mask,
            cum=cum,
            day_positions=positions,
            cum_py=tuple(int(c) for c in cum),
            days_py=tuple(date.fromordinal(base + int(p)) for p in positions),
            closed=dict(sorted(closed.items())),
        )

    def without(self, days: Mapping[date, str]) -> DayTable:
        """A copy with ``days`` (inside the coverage) closed, each with its reason."""
        mask = self.open_mask.copy()
        closed = dict(self.closed)
        for day, reason in days.items():
            index = (day - self.first).days
            if mask[index]:
                mask[index] = False
                closed[day] = reason
        return DayTable.from_mask(first=self.first, mask=mask, closed=closed)
