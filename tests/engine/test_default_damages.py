"""Hy-Tech 2x liquidated damages, default interest, cure and escrow unwind (G-15, G-21, G-14)."""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.duration import parse_duration
from dealbook.core.numbers import divide
from dealbook.core.numbers import quantize
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.default_damages import InterestClause
from dealbook.engine.default_damages import cure_deadline
from dealbook.engine.default_damages import default_interest
from dealbook.engine.default_damages import default_interest_for_years
from dealbook.engine.default_damages import escrow_unwind_deadlines
from dealbook.engine.default_damages import liquidated_damages
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.damages import MultipleDamages
from dealbook.terms.defaults import DefaultInterest
from dealbook.terms.defaults import EventOfDefault
from dealbook.terms.escrow import Unwind

ART_VI = DefaultInterest(rate=Decimal("0.15"), compounding=Compounding.ANNUAL)
UNPAID = Decimal("1500000")
STUB = Conventions()  # hyt.compounding_stub = annual + simple stub (the default)
EXPONENT = Conventions(compounding_stub=CompoundingStub.FRACTIONAL_EXPONENT)
CLOCK = DealClock.of(Conventions())


def _fractional_exponent_18_months() -> Decimal:
    """1,500,000 x (1.15^1.5 - 1) computed independently as 1.15 x sqrt(1.15), 70 digits."""
    wide = decimal.Context(prec=70)
    growth = wide.multiply(Decimal("1.15"), wide.sqrt(Decimal("1.15")))
    return decimal.Context(prec=50).plus(wide.multiply(UNPAID, wide.subtract(growth, 1)))


def test_g15_two_times_purchase_price() -> None:
    terms = MultipleDamages(
        multiple=Decimal(2),
        of=Decimal("750000"),
        trigger="uncured Event of Default",
        cite=(Citation(doc="hyt", section="4.25", lines=(1343, 1358)),),
    )
    figure = liquidated_damages(terms)
    assert figure.value == Decimal("1500000")  # G-15: 2 x 750,000
    assert [str(c) for c in figure.clauses] == ["hyt:4.25"]


@pytest.mark.parametrize(
    ("years", "conventions", "clause", "expected"),
    [
        # G-21, compounded annually: 1 year 1,500,000 x 0.15
        (Fraction(1), STUB, "art-vi", Decimal("225000")),
        # 2 years: 1,500,000 x (1.15^2 - 1) = 1,500,000 x 0.3225
        (Fraction(2), STUB, "art-vi", Decimal("483750")),
        (Fraction(2), EXPONENT, "art-vi", Decimal("483750")),
        # 18 months, annual + simple stub: 1,500,000 x (1.15 x 1.075 - 1) = 1,500,000 x 0.23625
        (Fraction(3, 2), STUB, "art-vi", Decimal("354375")),
        # 18 months, the §5.2 simple reading: 1,500,000 x 0.15 x 1.5
        (Fraction(3, 2), STUB, "sec-5.2", Decimal("337500")),
        (Fraction(3, 2), EXPONENT, "sec-5.2", Decimal("337500")),
        # 18 months, fractional exponent: 349,856.41..., 50 significant digits
        (Fraction(3, 2), EXPONENT, "art-vi", _fractional_exponent_18_months()),
    ],
)
def test_g21_default_interest_for_years(
    years: Fraction, conventions: Conventions, clause: InterestClause, expected: Decimal
) -> None:
    figure = default_interest_for_years(
        unpaid=UNPAID, years=years, terms=ART_VI, conventions=conventions, clause=clause
    )
    assert figure.value == expected
    assert f"hyt.default_interest={clause}" in figure.assumptions


def test_g21_fractional_exponent_precision() -> None:
    figure = default_interest_for_years(
        unpaid=UNPAID, years=Fraction(3, 2), terms=ART_VI, conventions=EXPONENT
    )
    assert isinstance(figure.value, Decimal)
    assert quantize(figure.value, "0.01", "half_up") == Decimal("349856.41")
    assert len(figure.value.as_tuple().digits) == 50
    assert "hyt.compounding_stub=fractional-exponent" in figure.assumptions
    assert [str(c) for c in figure.clauses] == ["hyt:Art. VI"]


@pytest.mark.parametrize(
    ("start", "end", "day_count", "stub", "clause", "expected"),
    [
        # G-21 by dates: one anniversary, two anniversaries
        (date(2003, 9, 5), date(2004, 9, 5), DayCount.ACT_365, STUB, "art-vi", Decimal("225000")),
        (date(2003, 9, 5), date(2005, 9, 5), DayCount.ACT_365, STUB, "art-vi", Decimal("483750")),
        # 18 months on 30/360 is exactly 1 + 1/2 year
        (
            date(2003, 9, 5),
            date(2005, 3, 5),
            DayCount.THIRTY_360,
            STUB,
            "art-vi",
            Decimal("354375"),
        ),
        (
            date(2003, 9, 5),
            date(2005, 3, 5),
            DayCount.THIRTY_360,
            STUB,
            "sec-5.2",
            Decimal("337500"),
        ),
        (
            date(2003, 9, 5),
            date(2005, 3, 5),
            DayCount.THIRTY_360,
            EXPONENT,
            "art-vi",
            _fractional_exponent_18_months(),
        ),
        # §5.2 simple on Act/365 over the 366 days to 2004-09-05:
        # 1,500,000 x 0.15 x 366/365 = 82,350,000/365 = 16,470,000/73
        (
            date(2003, 9, 5),
            date(2004, 9, 5),
            DayCount.ACT_365,
            STUB,
            "sec-5.2",
            divide(16_470_000, 73),
        ),
    ],
)
def test_default_interest_by_dates(
    start: date,
    end: date,
    day_count: DayCount,
    stub: Conventions,
    clause: InterestClause,
    expected: Decimal,
) -> None:
    conventions = Conventions(interest_day_count=day_count, compounding_stub=stub.compounding_stub)
    figure = default_interest(
        unpaid=UNPAID, start=start, end=end, terms=ART_VI, conventions=conventions, clause=clause
    )
    assert figure.value == expected
    assert f"interest.day_count={day_count}" in figure.assumptions


def test_simple_term_is_simple_under_art_vi() -> None:
    simple = DefaultInterest(rate=Decimal("0.15"), compounding=Compounding.SIMPLE)
    figure = default_interest_for_years(
        unpaid=UNPAID, years=Fraction(3, 2), terms=simple, conventions=STUB
    )
    assert figure.value == Decimal("337500")


EVENT = EventOfDefault(
    id="company-breach",
    what="Company materially breaches and does not cure",
    effect="elective-termination",
    cure=parse_duration("5 business-days"),
    terminated_by="purchaser",
)


@pytest.mark.parametrize(
    ("receipt", "deadline"),
    [
        # Thu 2003-08-28 + 5 BD (Labor Day 09-01 skipped): 08-29, 09-02, 09-03, 09-04, 09-05
        (date(2003, 8, 28), date(2003, 9, 5)),
        # Mon 2003-11-03 + 5 BD: 11-04, 11-05, 11-06, 11-07, 11-10
        (date(2003, 11, 3), date(2003, 11, 10)),
    ],
)
def test_cure_deadline_is_receipt_plus_five_business_days(receipt: date, deadline: date) -> None:
    figure = cure_deadline(notice_receipt=receipt, event=EVENT, clock=CLOCK)
    assert figure.value == deadline
    assert [str(c) for c in figure.clauses] == ["hyt:5.1(b)-(c)"]


def test_no_cure_period_has_no_deadline() -> None:
    event = EventOfDefault(
        id="law-prohibits", what="law prohibits Closing", effect="automatic-termination"
    )
    assert cure_deadline(notice_receipt=date(2003, 8, 28), event=event, clock=CLOCK).value is None


UNWIND = Unwind(
    notify_within=parse_duration("2 business-days"),
    return_within=parse_duration("2 business-days"),
    returns=("purchase-price", "debentures", "warrant", "escrow-share-certificates"),
)


@pytest.mark.parametrize(
    ("termination", "receipt", "notify_by", "return_by"),
    [
        # G-14: §5.1(a)(ii) automatic termination Tue 2003-09-02 -> notify by Thu 09-04;
        # notice received 09-04 -> return by Mon 09-08
        (date(2003, 9, 2), date(2003, 9, 4), date(2003, 9, 4), date(2003, 9, 8)),
        # Fri 2003-08-29: 09-02, 09-03 (Labor Day skipped); receipt 09-03 -> 09-04, 09-05
        (date(2003, 8, 29), date(2003, 9, 3), date(2003, 9, 3), date(2003, 9, 5)),
    ],
)
def test_escrow_unwind_deadlines(
    termination: date, receipt: date, notify_by: date, return_by: date
) -> None:
    result = escrow_unwind_deadlines(
        termination=termination, unwind=UNWIND, clock=CLOCK, notice_receipt=receipt
    )
    assert result.notify_by.value == notify_by
    assert result.return_by.value == return_by
    pending = escrow_unwind_deadlines(termination=termination, unwind=UNWIND, clock=CLOCK)
    assert pending.notify_by.value == notify_by
    assert pending.return_by.value is None


years_st = st.fractions(min_value=0, max_value=10, max_denominator=24)


@settings(max_examples=100, deadline=None)
@given(years_st, years_st)
def test_interest_readings_are_ordered_and_monotone(a: Fraction, b: Fraction) -> None:
    def value(years: Fraction, conventions: Conventions, clause: InterestClause) -> Fraction:
        figure = default_interest_for_years(
            unpaid=UNPAID, years=years, terms=ART_VI, conventions=conventions, clause=clause
        )
        return figure_fraction(figure)

    simple = value(a, STUB, "sec-5.2")
    stub = value(a, STUB, "art-vi")
    exponent = value(a, EXPONENT, "art-vi")
    # (1 + r)^(k + f) <= (1 + r)^k (1 + r f), and compounding never earns less than simple
    assert simple <= stub
    assert exponent <= stub + Fraction(1, 10**40)
    assert simple >= 0
    low, high = sorted((a, b))
    assert value(low, STUB, "art-vi") <= value(high, STUB, "art-vi")
    assert value(low, STUB, "sec-5.2") <= value(high, STUB, "sec-5.2")


def test_no_interest_before_it_starts() -> None:
    figure = default_interest(
        unpaid=UNPAID,
        start=date(2003, 9, 5),
        end=date(2003, 9, 5),
        terms=ART_VI,
        conventions=STUB,
    )
    assert figure.value == Decimal(0)
