"""Day counts and compounding: G-17, G-21, G-22 exactly, and the 30/360 rules."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.daycount import interest
from dealbook.calendars.daycount import interest_for_years
from dealbook.calendars.daycount import interest_fraction
from dealbook.calendars.daycount import whole_years_and_stub
from dealbook.calendars.daycount import year_fraction
from dealbook.core.numbers import divide

SIMPLE = Compounding.SIMPLE
ANNUAL = Compounding.ANNUAL
STUB = CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB
EXPONENT = CompoundingStub.FRACTIONAL_EXPONENT
RATE = Decimal("0.15")


def simple(principal: str, start: date, days: int, day_count: DayCount) -> Decimal:
    end = start + timedelta(days=days)
    return interest(
        Decimal(principal), RATE, start, end, day_count=day_count, compounding=SIMPLE, stub=STUB
    )


def test_g17_redemption_interest() -> None:
    start = date(2003, 10, 8)  # day 7 after a HYP notice; 30 days to day 37
    assert simple("1550000", start, 30, DayCount.ACT_360) == Decimal("19375")
    act365 = simple("1550000", start, 30, DayCount.ACT_365)
    assert act365 == divide(1_550_000 * 15 * 30, 100 * 365)
    assert str(act365).startswith("19109.589")


def test_g22_expense_interest() -> None:
    start = date(2002, 10, 1)
    assert simple("25000", start, 30, DayCount.ACT_360) == Decimal("312.5")
    assert str(simple("25000", start, 30, DayCount.ACT_365)).startswith("308.2191")
    exact = interest_fraction(
        Decimal("25000"),
        RATE,
        start,
        start + timedelta(days=30),
        day_count=DayCount.ACT_365,
        compounding=SIMPLE,
        stub=STUB,
    )
    assert exact == Fraction(22500, 73)


@pytest.mark.parametrize(
    ("years", "compounding", "stub", "expected"),
    [
        (Fraction(1), ANNUAL, STUB, Decimal("225000")),
        (Fraction(2), ANNUAL, STUB, Decimal("483750")),
        (Fraction(2), ANNUAL, EXPONENT, Decimal("483750")),
        (Fraction(3, 2), ANNUAL, STUB, Decimal("354375")),
        (Fraction(3, 2), SIMPLE, STUB, Decimal("337500")),
        (
            Fraction(3, 2),
            ANNUAL,
            EXPONENT,
            Decimal("349856.41334672243258044254344661411162806154508242"),
        ),
    ],
)
def test_g21_default_interest(
    years: Fraction, compounding: Compounding, stub: CompoundingStub, expected: Decimal
) -> None:
    got = interest_for_years(Decimal("1500000"), RATE, years, compounding=compounding, stub=stub)
    assert got == expected


def test_g21_with_dates() -> None:
    start, end = date(2003, 9, 5), date(2005, 3, 5)  # 18 months
    got = interest(
        Decimal("1500000"),
        RATE,
        start,
        end,
        day_count=DayCount.THIRTY_360,
        compounding=ANNUAL,
        stub=STUB,
    )
    assert got == Decimal("354375")
    exponent = interest(
        Decimal("1500000"),
        RATE,
        start,
        end,
        day_count=DayCount.THIRTY_360,
        compounding=ANNUAL,
        stub=EXPONENT,
    )
    assert exponent == Decimal("349856.41334672243258044254344661411162806154508242")
    with pytest.raises(ValueError, match="no exact value"):
        interest_fraction(
            Decimal("1"),
            RATE,
            start,
            end,
            day_count=DayCount.ACT_365,
            compounding=ANNUAL,
            stub=EXPONENT,
        )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2003, 1, 31), date(2003, 3, 31), Fraction(60, 360)),
        (date(2003, 1, 30), date(2003, 3, 31), Fraction(60, 360)),
        (date(2003, 1, 29), date(2003, 3, 31), Fraction(62, 360)),
        (date(2003, 2, 28), date(2003, 3, 31), Fraction(33, 360)),
        (date(2003, 1, 15), date(2004, 1, 15), Fraction(1)),
        (date(2004, 1, 15), date(2003, 1, 15), Fraction(-1)),
    ],
)
def test_thirty_360_bond_basis(start: date, end: date, expected: Fraction) -> None:
    assert year_fraction(start, end, DayCount.THIRTY_360) == expected


def test_actual_day_counts() -> None:
    start, end = date(2003, 1, 1), date(2004, 1, 1)
    assert year_fraction(start, end, DayCount.ACT_365) == 1
    assert year_fraction(start, end, DayCount.ACT_360) == Fraction(365, 360)
    assert year_fraction(date(2004, 1, 1), date(2005, 1, 1), DayCount.ACT_365) == Fraction(366, 365)


def test_whole_years_and_stub() -> None:
    assert whole_years_and_stub(date(2004, 2, 29), date(2005, 2, 28), DayCount.ACT_365) == (
        1,
        Fraction(0),
    )
    assert whole_years_and_stub(date(2003, 6, 1), date(2003, 9, 1), DayCount.ACT_360) == (
        0,
        Fraction(92, 360),
    )
    with pytest.raises(ValueError, match="runs backwards"):
        whole_years_and_stub(date(2003, 6, 1), date(2003, 5, 1), DayCount.ACT_360)
    with pytest.raises(ValueError, match="negative number of years"):
        interest_for_years(Decimal(1), RATE, Fraction(-1), compounding=SIMPLE, stub=STUB)


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(date(1995, 1, 1), date(2030, 12, 31)),
    days=st.integers(0, 3_000),
    day_count=st.sampled_from(list(DayCount)),
)
def test_compounding_readings(start: date, days: int, day_count: DayCount) -> None:
    """Whole years are anniversaries; the day count measures only the stub after the last one."""
    end = start + timedelta(days=days)
    principal = Decimal("1500000")

    def run(compounding: Compounding, stub: CompoundingStub) -> Decimal:
        return interest(
            principal, RATE, start, end, day_count=day_count, compounding=compounding, stub=stub
        )

    flat, with_stub, exponent = run(SIMPLE, STUB), run(ANNUAL, STUB), run(ANNUAL, EXPONENT)
    years, stub = whole_years_and_stub(start, end, day_count)
    r = Fraction(RATE)
    exact = Fraction(principal) * ((1 + r) ** years * (1 + r * stub) - 1)
    assert with_stub == divide(exact.numerator, exact.denominator)
    simple_exact = Fraction(principal) * r * year_fraction(start, end, day_count)
    assert flat == divide(simple_exact.numerator, simple_exact.denominator)
    tolerance = Decimal("1e-40")
    if stub <= 1:  # Act/360 stubs can exceed a year by up to 6/360
        assert exponent <= with_stub + tolerance
    if stub == 0:
        assert abs(exponent - with_stub) <= tolerance
    if years == 0:
        assert flat == with_stub
