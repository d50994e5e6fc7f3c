"""Vectorized queries equal the scalar ones element by element, across block boundaries."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.kernel import CalendarRangeError
from dealbook.calendars.registry import get_calendar
from dealbook.calendars.tables import DayTable
from dealbook.calendars.vector import BLOCK
from dealbook.calendars.vector import VectorKernel

FED = get_calendar("ny-banking")
NYSE = get_calendar("nyse")
HALTED = NYSE.without([date(2003, 6, 2)], "halt")
SIZE = 3 * BLOCK + 17  # three full blocks and a partial one
RNG = np.random.default_rng(20031207)
STARTS = np.datetime64("1995-01-01") + RNG.integers(0, 14_000, SIZE)
ENDS = STARTS + RNG.integers(-400, 400, SIZE)
MIXED = RNG.integers(-250, 251, SIZE)  # negative, zero and positive steps


def scalar_add(calendar: Calendar, starts: np.ndarray, steps: np.ndarray) -> list[date]:
    return [calendar.add(d.item(), int(k)) for d, k in zip(starts, steps, strict=True)]


@pytest.mark.parametrize("calendar", [FED, NYSE, HALTED], ids=lambda c: c.label)
@pytest.mark.parametrize("sign", ["mixed", "positive", "negative"])
def test_add_many_equals_scalar_add(calendar: Calendar, sign: str) -> None:
    steps = {"mixed": MIXED, "positive": np.abs(MIXED) + 1, "negative": -np.abs(MIXED) - 1}[sign]
    assert calendar.add_many(STARTS, steps).tolist() == scalar_add(calendar, STARTS, steps)


@pytest.mark.parametrize("step", [1, 10, 250, -1, -22, 0])
def test_add_many_with_one_step(step: int) -> None:
    steps = np.full(SIZE, step)
    assert FED.add_many(STARTS, step).tolist() == scalar_add(FED, STARTS, steps)


@pytest.mark.parametrize("calendar", [FED, HALTED], ids=lambda c: c.label)
@pytest.mark.parametrize(
    ("include_start", "include_end"), [(False, True), (True, False), (True, True), (False, False)]
)
def test_count_many_equals_scalar_count(
    calendar: Calendar, include_start: bool, include_end: bool
) -> None:
    flags = {"include_start": include_start, "include_end": include_end}
    counted = calendar.count_many(STARTS, ENDS, **flags)
    assert counted.tolist() == [
        calendar.count(a.item(), b.item(), **flags) for a, b in zip(STARTS, ENDS, strict=True)
    ]
    forward_ends = STARTS + np.abs(ENDS - STARTS)  # every count forward (or empty)
    backward_ends = STARTS - 1 - np.abs(ENDS - STARTS)  # every count backward
    for ends in (forward_ends, backward_ends):
        assert calendar.count_many(STARTS, ends, **flags).tolist() == [
            calendar.count(a.item(), b.item(), **flags) for a, b in zip(STARTS, ends, strict=True)
        ]


def test_is_day_many_equals_is_day() -> None:
    flags = HALTED.is_day_many(STARTS)
    assert flags.dtype == np.bool_
    assert flags.tolist() == [HALTED.is_day(d.item()) for d in STARTS]
    assert HALTED.is_day_many(
        np.array(["2003-06-02", "2003-06-03"], dtype="datetime64[D]")
    ).tolist() == [
        False,
        True,
    ]


def test_shapes_broadcast_and_are_kept() -> None:
    grid = STARTS[:12].reshape(3, 4)
    added = FED.add_many(grid, np.array([1, -1, 0, 5]))
    assert added.shape == (3, 4)
    assert added[1].tolist() == scalar_add(FED, grid[1], np.array([1, -1, 0, 5]))
    counted = FED.count_many(grid, np.datetime64("2003-09-05"))
    assert counted.shape == (3, 4)
    assert counted[2, 3] == FED.count(grid[2, 3].item(), date(2003, 9, 5))
    one = FED.add_many(np.datetime64("2003-08-28"), 5)
    assert one.shape == ()
    assert one.item() == date(2003, 9, 5)  # G-14
    assert FED.add_many(np.datetime64("2003-08-28"), np.array(5)).item() == date(2003, 9, 5)
    forward = FED.count_many(np.datetime64("2003-08-28"), np.datetime64("2003-09-05"))
    backward = FED.count_many(np.datetime64("2003-09-05"), np.datetime64("2003-08-28"))
    assert (forward.shape, int(forward), int(backward)) == ((), 5, -5)


def test_results_are_fresh_writable_arrays() -> None:
    days = np.array(["2003-08-30", "2003-09-01"], dtype="datetime64[D]")
    same = FED.add_many(days, 0)
    same[0] = np.datetime64("1999-01-01")
    assert days.tolist() == [date(2003, 8, 30), date(2003, 9, 1)]
    moved = FED.add_many(days, 1)
    moved[0] = np.datetime64("1999-01-01")
    assert FED.add_many(days, 1).tolist() == [date(2003, 9, 2), date(2003, 9, 2)]


def test_errors_are_raised_from_any_block() -> None:
    late = STARTS.copy()
    late[-1] = np.datetime64("2040-12-28")
    with pytest.raises(CalendarRangeError, match="run past the ny-banking coverage"):
        FED.add_many(late, 5)
    with pytest.raises(CalendarRangeError, match="run past"):
        FED.add_many(late, np.full(SIZE, 5))
    steps = MIXED.copy()
    steps[-1] = 5
    with pytest.raises(CalendarRangeError, match="run past"):
        FED.add_many(late, steps)
    early = STARTS.copy()
    early[2 * BLOCK + 1] = np.datetime64("1990-01-03")
    with pytest.raises(CalendarRangeError, match="run past"):
        FED.add_many(early, -5)
    outside = STARTS.copy()
    outside[BLOCK + 3] = np.datetime64("2050-01-01")
    with pytest.raises(CalendarRangeError, match="outside the ny-banking calendar's coverage"):
        FED.count_many(STARTS, outside)
    missing = STARTS.copy()
    missing[5] = np.datetime64("NaT")
    with pytest.raises(CalendarRangeError, match="NaT is not a date"):
        FED.is_day_many(missing)


def test_empty_inputs_give_empty_results() -> None:
    empty = np.array([], dtype="datetime64[D]")
    assert FED.add_many(empty, np.array([], dtype=np.int64)).tolist() == []
    assert FED.add_many(empty, -3).tolist() == []
    assert FED.count_many(empty, empty).tolist() == []
    assert FED.is_day_many(empty).tolist() == []


def test_tables_before_1970_are_refused() -> None:
    table = DayTable.build(
        first=date(1969, 12, 1), last=date(1970, 1, 31), weekend=frozenset({5, 6}), closed={}
    )
    with pytest.raises(ValueError, match="starts before 1970-01-01: 1969-12-01"):
        VectorKernel(table, "old")
