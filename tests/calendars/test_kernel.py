"""The compiled kernel gives the reference kernel's answers and errors, call for call.

CI builds the C extension (the machine has gcc), so these tests import it directly and
fail, rather than skip, when it was not built.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars._daykernel import DayKernel as CompiledKernel
from dealbook.calendars.calendar import Calendar
from dealbook.calendars.kernel import PURE_PYTHON_ENV
from dealbook.calendars.kernel import CalendarRangeError
from dealbook.calendars.kernel import PyDayKernel
from dealbook.calendars.kernel import build_kernel
from dealbook.calendars.kernel import kernel_kind
from dealbook.calendars.registry import get_calendar
from dealbook.calendars.tables import DayTable

HALTED = get_calendar("nyse").without([date(2003, 6, 2), date(2003, 6, 3)], "halt")
CALENDARS = [get_calendar("ny-banking"), get_calendar("nyse"), get_calendar("weekdays"), HALTED]


def pair(calendar: Calendar) -> tuple[CompiledKernel, PyDayKernel]:
    reference = PyDayKernel(calendar.table, calendar.name)
    compiled = CompiledKernel(
        base=calendar.table.base,
        cum=calendar.table.cum_py,
        days=calendar.table.days_py,
        fallback=reference,
    )
    return compiled, reference


PAIRS = [pair(c) for c in CALENDARS]


def outcome(call: Callable[..., object], *args: object, **kwargs: object) -> tuple[object, ...]:
    try:
        result = call(*args, **kwargs)
    except Exception as error:  # the point is to compare whatever is raised
        return ("raised", type(error), str(error))
    return ("returned", type(result), result)


class DateChild(date):
    pass


class IntChild(int):
    pass


def test_this_process_uses_the_compiled_kernel() -> None:
    expected = "python" if os.environ.get(PURE_PYTHON_ENV) == "1" else "compiled"
    assert kernel_kind() == expected
    fed = get_calendar("ny-banking")
    assert isinstance(fed.kernel, CompiledKernel) is (expected == "compiled")
    assert fed.add(date(2003, 8, 28), 5) == date(2003, 9, 5)  # G-14


def test_the_environment_variable_selects_the_python_kernel() -> None:
    code = (
        "from datetime import date\n"
        "from dealbook.calendars.kernel import kernel_kind\n"
        "from dealbook.calendars.registry import get_calendar\n"
        "fed = get_calendar('ny-banking')\n"
        "print(kernel_kind(), type(fed.kernel).__name__, fed.add(date(2003, 8, 28), 5),"
        " fed.count(date(2003, 8, 28), date(2003, 9, 5)))\n"
    )
    env = {**os.environ, PURE_PYTHON_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["python", "PyDayKernel", "2003-09-05", "5"]


def test_build_kernel_pairs_the_fast_kernel_with_its_reference() -> None:
    table = get_calendar("weekdays").table
    fast, reference = build_kernel(table, "weekdays")
    assert isinstance(reference, PyDayKernel)
    assert reference.add(date(2002, 12, 31), 5) == date(2003, 1, 7)  # G-28 weekdays
    if kernel_kind() == "compiled":
        assert isinstance(fast, CompiledKernel)
        assert fast.fallback is reference


@pytest.mark.parametrize(("compiled", "reference"), PAIRS, ids=[c.label for c in CALENDARS])
def test_is_day_on_every_date_of_the_coverage(
    compiled: CompiledKernel, reference: PyDayKernel
) -> None:
    calendar_first = reference.position(date(1990, 1, 1))
    assert calendar_first == 0
    day = date(1990, 1, 1)
    mismatches = []
    while day <= date(2040, 12, 31):
        if compiled.is_day(day) is not reference.is_day(day):
            mismatches.append(day)
        day += timedelta(days=1)
    assert mismatches == []
    assert compiled.is_day(date(2001, 9, 11)) is (reference._name != "nyse")  # closed after 9/11


@settings(max_examples=400, deadline=None)
@given(
    which=st.integers(min_value=0, max_value=len(PAIRS) - 1),
    start=st.dates(min_value=date(1988, 1, 1), max_value=date(2042, 12, 31)),
    n=st.one_of(
        st.integers(min_value=-300, max_value=300),
        st.integers(min_value=-14_000, max_value=14_000),
        st.sampled_from([0, 1, -1, 10**6, -(10**6), 2**63, -(2**63), 10**30]),
    ),
)
def test_add_matches_the_reference(which: int, start: date, n: int) -> None:
    compiled, reference = PAIRS[which]
    assert outcome(compiled.add, start, n) == outcome(reference.add, start, n)


@settings(max_examples=400, deadline=None)
@given(
    which=st.integers(min_value=0, max_value=len(PAIRS) - 1),
    start=st.dates(min_value=date(1988, 1, 1), max_value=date(2042, 12, 31)),
    span=st.integers(min_value=-800, max_value=800),
    include_start=st.booleans(),
    include_end=st.booleans(),
)
def test_count_matches_the_reference(
    which: int, start: date, span: int, include_start: bool, include_end: bool
) -> None:
    compiled, reference = PAIRS[which]
    end = start + timedelta(days=span)
    flags = {"include_start": include_start, "include_end": include_end}
    assert outcome(compiled.count, start, end, **flags) == outcome(
        reference.count, start, end, **flags
    )
    assert outcome(compiled.count, start, end) == outcome(reference.count, start, end)


FED_PAIR = PAIRS[0]


@pytest.mark.parametrize(
    ("method", "args", "kwargs"),
    [
        ("add", (date(1989, 12, 31), 1), {}),  # before the coverage
        ("add", (date(2041, 1, 1), -1), {}),  # after it
        ("add", (date(2040, 12, 28), 5), {}),  # result past the end
        ("add", (date(1990, 1, 3), -5), {}),  # result before the start
        ("add", (datetime(2003, 8, 28, 15, 0), 5), {}),  # a datetime is a date
        ("add", (DateChild(2003, 8, 28), 5), {}),
        ("add", (date(2003, 8, 28), True), {}),  # bool: Python's n > 0
        ("add", (date(2003, 8, 28), IntChild(2)), {}),
        ("add", (date(2003, 8, 28), 2.0), {}),
        ("add", (date(2003, 8, 28),), {}),  # wrong arity
        ("add", (date(2003, 8, 28), 1, 2), {}),
        ("add", ("2003-08-28", 1), {}),
        ("add", (None, 1), {}),
        ("count", (date(2003, 8, 28), date(1989, 1, 1)), {}),
        ("count", (date(2003, 8, 28), date(2003, 9, 5)), {"include_start": 1}),
        ("count", (date(2003, 8, 28), date(2003, 9, 5)), {"include_end": 0}),
        ("count", (date(2003, 8, 28), date(2003, 9, 5)), {"include_both": True}),
        ("count", (date(2003, 8, 28),), {"include_end": True}),
        ("count", (date(2003, 8, 28), datetime(2003, 9, 5, 9, 0)), {}),
        ("count", (date(2003, 9, 5), date(2003, 8, 28)), {"include_start": True}),
        ("is_day", (date(1989, 12, 31),), {}),
        ("is_day", (datetime(2003, 9, 1, 12, 0),), {}),
        ("is_day", (), {}),
        ("is_day", ("2003-09-01",), {}),
    ],
)
def test_every_other_call_behaves_as_the_reference(
    method: str, args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    compiled, reference = FED_PAIR
    got = outcome(getattr(compiled, method), *args, **kwargs)
    assert got == outcome(getattr(reference, method), *args, **kwargs)


def test_range_errors_keep_their_messages() -> None:
    compiled, _ = FED_PAIR
    with pytest.raises(CalendarRangeError, match=r"^1989-12-31 is outside the ny-banking"):
        compiled.add(date(1989, 12, 31), 1)
    with pytest.raises(CalendarRangeError, match=r"^5 days of ny-banking after 2040-12-28 run"):
        compiled.add(date(2040, 12, 28), 5)


def test_extreme_steps_land_on_the_first_and_last_days() -> None:
    compiled, reference = FED_PAIR
    ndays = reference._ndays
    first, last = reference._days[0], reference._days[-1]
    assert first == date(1990, 1, 2)  # New Year's Day is closed
    assert compiled.add(date(1990, 1, 1), ndays) == last
    assert compiled.add(first, ndays - 1) == last
    assert compiled.add(last, -(ndays - 1)) == first
    with pytest.raises(CalendarRangeError):
        compiled.add(first, ndays)


def test_the_constructor_checks_its_table() -> None:
    table = DayTable.build(
        first=date(2003, 8, 25), last=date(2003, 9, 7), weekend=frozenset({5, 6}), closed={}
    )
    reference = PyDayKernel(table, "demo")
    good = {"base": table.base, "cum": table.cum_py, "days": table.days_py}
    with pytest.raises(ValueError, match="rise by 0 or 1"):
        CompiledKernel(**{**good, "cum": (0, 2, 3)}, fallback=reference)
    with pytest.raises(ValueError, match="start at 0"):
        CompiledKernel(**{**good, "cum": (1, 2)}, fallback=reference)
    with pytest.raises(ValueError, match="cum ends at 10 but there are 9 days"):
        CompiledKernel(**{**good, "days": table.days_py[:-1]}, fallback=reference)
    with pytest.raises(TypeError, match=r"tuple of datetime\.date"):
        CompiledKernel(**{**good, "days": ("x",) * 10}, fallback=reference)
    with pytest.raises(ValueError, match="at least one entry"):
        CompiledKernel(**{**good, "cum": ()}, fallback=reference)
    with pytest.raises(AttributeError):
        CompiledKernel(**good, fallback=object())
    kernel = CompiledKernel(**good, fallback=reference)
    assert kernel.add(date(2003, 8, 29), 1) == date(2003, 9, 1)
    with pytest.raises(TypeError, match="already initialized"):
        kernel.__init__(**good, fallback=reference)  # type: ignore[misc]
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(kernel)


def test_an_uninitialized_kernel_refuses_queries() -> None:
    kernel = CompiledKernel.__new__(CompiledKernel)
    with pytest.raises(TypeError, match="not initialized"):
        kernel.add(date(2003, 8, 28), 1)
    with pytest.raises(TypeError, match="not initialized"):
        kernel.count(date(2003, 8, 28), date(2003, 9, 5))
    with pytest.raises(TypeError, match="not initialized"):
        kernel.is_day(date(2003, 8, 28))
    assert kernel.fallback is None


def test_calendars_pickle_and_rebuild_their_kernel() -> None:
    restored = pickle.loads(pickle.dumps(HALTED))
    assert restored == HALTED
    assert restored.label == "nyse without halt"
    assert restored.add(date(2003, 5, 30), 1) == date(2003, 6, 4)
    assert type(restored.kernel) is type(HALTED.kernel)
