"""Debenture interest accrued: the SLDA base input (INS-SPA §2(f)), per-tranche accrual."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.numbers import quantize
from dealbook.engine.interest import Advance
from dealbook.engine.interest import accrued_interest
from dealbook.engine.interest import as_fraction
from dealbook.engine.interest import interest_on
from dealbook.terms.conventions import Conventions

COUPON = Decimal("0.12")  # HYP: the 12% coupon of the (missing) Insynq Debentures


@pytest.mark.parametrize(
    ("day_count", "start", "end", "expected"),
    [
        # one year on the initial Closing's 120,000: 120,000 x 0.12 = 14,400
        (DayCount.ACT_365, date(2002, 9, 27), date(2003, 9, 27), Decimal(14400)),
        # G-8 HYP: one month of interest, 120,000 x 12% / 12 = 1,200 (30/360: 30 days)
        (DayCount.THIRTY_360, date(2002, 9, 27), date(2002, 10, 27), Decimal(1200)),
        (DayCount.ACT_360, date(2002, 9, 27), date(2002, 10, 27), Decimal(1200)),
        # Act/365, 30 days: 120,000 x 0.12 x 30 / 365 = 432,000 / 365
        (DayCount.ACT_365, date(2002, 9, 27), date(2002, 10, 27), Fraction(432000, 365)),
        # nothing accrues before funding
        (DayCount.ACT_365, date(2002, 9, 27), date(2002, 9, 27), Decimal(0)),
        (DayCount.ACT_365, date(2002, 9, 27), date(2002, 9, 1), Decimal(0)),
    ],
)
def test_interest_on_day_counts(
    day_count: DayCount, start: date, end: date, expected: Decimal | Fraction
) -> None:
    figure = interest_on(
        Decimal(120000), COUPON, start, end, conventions=Conventions(interest_day_count=day_count)
    )
    assert figure.value == expected
    assert type(figure.value) is type(expected)
    assert f"interest.day_count={day_count}" in figure.assumptions
    assert figure.unit == "USD"


def test_accrued_interest_runs_from_each_tranche_funding_date() -> None:
    # G-6 tranches: Closing 120,000 on 2002-09-27 and 30,000 on 2002-10-31; Act/360 to
    # 2002-11-30: 120,000 x 0.12 x 64/360 = 2,560 and 30,000 x 0.12 x 30/360 = 300.
    advances = [
        Advance(principal=Decimal(120000), funded=date(2002, 9, 27), label="Closing"),
        Advance(principal=Decimal(30000), funded=date(2002, 10, 31), label="October"),
        Advance(principal=Decimal(30000), funded=date(2002, 11, 30), label="not yet accruing"),
    ]
    figure = accrued_interest(
        advances,
        rate=COUPON,
        as_of=date(2002, 11, 30),
        conventions=Conventions(interest_day_count=DayCount.ACT_360),
    )
    assert figure.value == Decimal(2860)
    assert [part.value for part in figure.inputs[:3]] == [Decimal(2560), Decimal(300), Decimal(0)]
    assert "interest runs from each advance's funding date" in figure.assumptions


@pytest.mark.parametrize(
    ("paid", "expected"),
    [(Decimal(0), Decimal(2860)), (Decimal(860), Decimal(2000)), (Decimal(5000), Decimal(0))],
)
def test_accrued_interest_subtracts_paid_interest_never_below_zero(
    paid: Decimal, expected: Decimal
) -> None:
    advances = [
        Advance(principal=Decimal(120000), funded=date(2002, 9, 27)),
        Advance(principal=Decimal(30000), funded=date(2002, 10, 31)),
    ]
    figure = accrued_interest(
        advances,
        rate=COUPON,
        as_of=date(2002, 11, 30),
        conventions=Conventions(interest_day_count=DayCount.ACT_360),
        paid=paid,
    )
    assert figure.value == expected


@pytest.mark.parametrize(
    ("stub", "end", "expected"),
    [
        # G-21: 1,500,000 x (1.15^2 - 1) = 483,750 over two whole years
        (CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB, date(2005, 1, 1), Decimal(483750)),
        # G-21: 18 months, annual compounding with a simple stub = 354,375
        (CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB, date(2004, 7, 1), Decimal(354375)),
    ],
)
def test_annual_compounding_readings(stub: CompoundingStub, end: date, expected: Decimal) -> None:
    conventions = Conventions(
        interest_day_count=DayCount.THIRTY_360,
        interest_compounding=Compounding.ANNUAL,
        compounding_stub=stub,
    )
    figure = interest_on(
        Decimal(1500000), Decimal("0.15"), date(2003, 1, 1), end, conventions=conventions
    )
    assert figure.value == expected
    assert f"hyt.compounding_stub={stub}" in figure.assumptions


def test_fractional_exponent_reading_g21() -> None:
    # G-21: 1,500,000 x (1.15^1.5 - 1) = 349,856.41...
    conventions = Conventions(
        interest_day_count=DayCount.THIRTY_360,
        interest_compounding=Compounding.ANNUAL,
        compounding_stub=CompoundingStub.FRACTIONAL_EXPONENT,
    )
    figure = interest_on(
        Decimal(1500000),
        Decimal("0.15"),
        date(2003, 1, 1),
        date(2004, 7, 1),
        conventions=conventions,
    )
    assert isinstance(figure.value, Decimal)
    assert quantize(figure.value, "0.01", "down") == Decimal("349856.41")


def test_exact_and_as_fraction() -> None:
    assert exact(Fraction(9000)) == Decimal(9000)
    assert isinstance(exact(Fraction(9000)), Decimal)
    assert exact(Fraction(639000, 29)) == Fraction(639000, 29)
    assert as_fraction(Figure(label="x", value=Decimal("0.25"))) == Fraction(1, 4)
    assert as_fraction(7) == 7
    with pytest.raises(TypeError):
        as_fraction(Figure(label="day", value=date(2003, 1, 1)))
    with pytest.raises(TypeError):
        as_fraction(True)


days = st.integers(min_value=0, max_value=2000)
principals = st.integers(min_value=0, max_value=10_000_000).map(Decimal)


@given(principal=principals, a=days, b=days, day_count=st.sampled_from(list(DayCount)))
def test_simple_interest_is_additive_over_adjacent_periods(
    principal: Decimal, a: int, b: int, day_count: DayCount
) -> None:
    conventions = Conventions(interest_day_count=day_count)
    start = date(2002, 9, 27)
    middle = start + timedelta(days=a)
    end = middle + timedelta(days=b)
    whole = interest_on(principal, COUPON, start, end, conventions=conventions)
    first = interest_on(principal, COUPON, start, middle, conventions=conventions)
    second = interest_on(principal, COUPON, middle, end, conventions=conventions)
    if day_count is not DayCount.THIRTY_360:  # 30/360 is not additive across month ends
        assert as_fraction(whole) == as_fraction(first) + as_fraction(second)
    assert as_fraction(whole) >= 0


@given(principal=principals, a=days, b=days)
def test_accrued_interest_is_monotone_in_time(principal: Decimal, a: int, b: int) -> None:
    advances = [Advance(principal=principal, funded=date(2003, 1, 31))]
    early, late = sorted((a, b))
    start = date(2003, 1, 1)
    first = accrued_interest(
        advances, rate=COUPON, as_of=start + timedelta(days=early), conventions=Conventions()
    )
    second = accrued_interest(
        advances, rate=COUPON, as_of=start + timedelta(days=late), conventions=Conventions()
    )
    assert 0 <= as_fraction(first) <= as_fraction(second)
