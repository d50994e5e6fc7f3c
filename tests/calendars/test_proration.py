"""Month proration (G-3): exact results for methods A-D, and their invariants."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.arith import add_months
from dealbook.calendars.conventions import Proration
from dealbook.calendars.proration import explain_months
from dealbook.calendars.proration import months
from dealbook.core.numbers import divide

DEADLINE = date(2003, 12, 7)  # G-3: base-path Effectiveness Deadline
MONTHLY = 9_000  # 450,000 x 0.02

G3 = [
    # effective, method, months, payment (exact)
    (date(2004, 1, 7), Proration.A, Fraction(1), Fraction(9_000)),
    (date(2004, 1, 7), Proration.B, Fraction(31, 30), Fraction(9_300)),
    (date(2004, 1, 7), Proration.C, Fraction(1), Fraction(9_000)),
    (date(2004, 1, 7), Proration.D, Fraction(372, 365), Fraction(3_348_000, 365)),
    (date(2004, 2, 20), Proration.A, Fraction(71, 29), Fraction(639_000, 29)),
    (date(2004, 2, 20), Proration.B, Fraction(5, 2), Fraction(22_500)),
    (date(2004, 2, 20), Proration.C, Fraction(2215, 899), Fraction(9_000 * 2215, 899)),
    (date(2004, 2, 20), Proration.D, Fraction(900, 365), Fraction(8_100_000, 365)),
]


@pytest.mark.parametrize(("effective", "method", "expected", "payment"), G3)
def test_g3_table(
    effective: date, method: Proration, expected: Fraction, payment: Fraction
) -> None:
    got = months(DEADLINE, effective, method)
    assert got == expected
    assert MONTHLY * got == payment


def test_g3_decimals() -> None:
    def amount(effective: date, method: Proration) -> Decimal:
        value = MONTHLY * months(DEADLINE, effective, method)
        return divide(value.numerator, value.denominator)

    late = date(2004, 2, 20)
    assert str(amount(late, Proration.A)).startswith("22034.4827")
    assert str(amount(late, Proration.C)).startswith("22174.6384")
    assert str(amount(late, Proration.D)).startswith("22191.7808")
    assert str(amount(date(2004, 1, 7), Proration.D)).startswith("9172.6027")


def test_days_late_start_the_day_after_the_deadline() -> None:
    assert months(DEADLINE, DEADLINE, Proration.A) == 0
    assert months(DEADLINE, date(2003, 12, 8), Proration.B) == Fraction(1, 30)
    assert months(DEADLINE, date(2003, 12, 8), Proration.C) == Fraction(1, 31)


def test_method_a_steps_from_the_start_with_clamping() -> None:
    assert months(date(2003, 1, 31), date(2003, 2, 28), Proration.A) == 1
    assert months(date(2003, 1, 31), date(2003, 3, 31), Proration.A) == 2
    assert months(date(2003, 1, 31), date(2003, 3, 1), Proration.A) == 1 + Fraction(1, 31)
    assert months(date(2003, 2, 28), date(2003, 3, 31), Proration.A) == 1 + Fraction(3, 31)


def test_backwards_period() -> None:
    with pytest.raises(ValueError, match="period runs backwards"):
        months(date(2004, 1, 1), date(2003, 12, 31), Proration.B)


def test_explanations() -> None:
    late = date(2004, 2, 20)
    assert explain_months(DEADLINE, late, Proration.A) == (
        "A (calendar-month stepping): 2 whole months 2003-12-07..2004-02-07\n"
        "  + 13 days / 29 days in 2004-02-07..2004-03-07 = 2 + 13/29 = 71/29"
    )
    assert explain_months(DEADLINE, late, Proration.B) == "B (days / 30): 75 / 30 = 5/2"
    assert explain_months(DEADLINE, late, Proration.C) == (
        "C (sum of 1/days-in-month): 24/31 (2003-12) + 31/31 (2004-01) + 20/29 (2004-02) = 2215/899"
    )
    assert (
        explain_months(DEADLINE, late, Proration.D) == "D (days x 12 / 365): 75 x 12 / 365 = 180/73"
    )
    assert explain_months(DEADLINE, DEADLINE, Proration.C) == "C (sum of 1/days-in-month): 0 = 0"


anchors = st.dates(date(1995, 1, 1), date(2035, 12, 31))
lengths = st.integers(0, 800)


@settings(max_examples=200, deadline=None)
@given(
    start=anchors,
    first=lengths,
    second=lengths,
    method=st.sampled_from([Proration.B, Proration.C, Proration.D]),
)
def test_additive_over_adjacent_periods(
    start: date, first: int, second: int, method: Proration
) -> None:
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=second)
    assert months(start, middle, method) + months(middle, end, method) == months(start, end, method)


@settings(max_examples=200, deadline=None)
@given(start=anchors, whole=st.integers(0, 60), method=st.sampled_from(list(Proration)))
def test_whole_calendar_months_from_the_first(start: date, whole: int, method: Proration) -> None:
    """A counts stepped whole months exactly; C does so for whole calendar months."""
    assert months(start, add_months(start, whole, end_of_month=False), Proration.A) == whole
    month_start = date(start.year, start.month, 1) - timedelta(days=1)
    month_end = add_months(date(start.year, start.month, 1), whole, end_of_month=False)
    assert months(month_start, month_end - timedelta(days=1), Proration.C) == whole
    assert months(start, start, method) == 0


@settings(max_examples=200, deadline=None)
@given(start=anchors, days=lengths)
def test_method_a_is_monotone_and_between_whole_months(start: date, days: int) -> None:
    end = start + timedelta(days=days)
    value = months(start, end, Proration.A)
    assert value <= months(start, end + timedelta(days=1), Proration.A)
    whole = value.numerator // value.denominator
    assert add_months(start, whole, end_of_month=False) <= end
    assert add_months(start, whole + 1, end_of_month=False) > end
