"""Compiled day tables: cumulative counts and day positions agree with the mask."""

from __future__ import annotations

from datetime import date

import numpy as np

from dealbook.calendars.tables import DayTable

LABOR_WEEK = DayTable.build(
    first=date(2003, 8, 25),
    last=date(2003, 9, 7),
    weekend=frozenset({5, 6}),
    closed={date(2003, 9, 1): "Labor Day", date(2004, 1, 1): "outside, ignored"},
)


def test_build() -> None:
    t = LABOR_WEEK
    assert (t.first, t.last, t.size, t.day_count) == (date(2003, 8, 25), date(2003, 9, 7), 14, 9)
    assert t.open_mask.tolist() == [True] * 5 + [False] * 3 + [True] * 4 + [False] * 2
    assert t.cum.tolist() == [0, 1, 2, 3, 4, 5, 5, 5, 5, 6, 7, 8, 9, 9, 9]
    assert t.day_positions.tolist() == [0, 1, 2, 3, 4, 8, 9, 10, 11]
    assert t.cum_py == tuple(t.cum.tolist())
    assert t.days_py[5] == date(2003, 9, 2)
    assert t.closed == {date(2003, 9, 1): "Labor Day"}
    assert t.epoch_offset == (date(2003, 8, 25) - date(1970, 1, 1)).days
    assert t.base == date(2003, 8, 25).toordinal()


def test_tables_are_read_only() -> None:
    assert not LABOR_WEEK.cum.flags.writeable
    assert not LABOR_WEEK.open_mask.flags.writeable
    assert not LABOR_WEEK.day_positions.flags.writeable


def test_without() -> None:
    smaller = LABOR_WEEK.without({date(2003, 9, 2): "halt", date(2003, 9, 6): "weekend anyway"})
    assert smaller.day_count == 8
    assert smaller.closed == {date(2003, 9, 1): "Labor Day", date(2003, 9, 2): "halt"}
    assert LABOR_WEEK.day_count == 9
    assert np.array_equal(np.diff(smaller.cum), smaller.open_mask.astype(np.int64))
