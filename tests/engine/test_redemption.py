"""Redemption on a trading suspension (HYT §4.19, M-RED-1), golden G-17."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.conventions import DayCount
from dealbook.calendars.duration import parse_duration
from dealbook.calendars.registry import get_calendar
from dealbook.core.figure import Figure
from dealbook.core.numbers import divide
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.redemption import RedemptionResult
from dealbook.engine.redemption import WarrantPosition
from dealbook.engine.redemption import average_before
from dealbook.engine.redemption import redemption_amount
from dealbook.engine.redemption import redemption_price
from dealbook.terms.conventions import Conventions
from dealbook.terms.defaults import Redemption

NYSE = get_calendar("nyse")
TERMS = Redemption(
    trigger="suspension or delisting not reinstated within 10 Trading Days",
    reinstatement_window=parse_duration("10 trading-days"),
    average_window=parse_duration("5 trading-days"),
    interest_rate=Decimal("0.15"),
    interest_from=parse_duration("7 days"),
)
SUSPENSION = date(2003, 10, 1)  # HYP
NOTICE = date(2003, 10, 20)  # HYP
PAID = date(2003, 11, 26)  # HYP: 37 days after the notice
# Per Share Market Values (HYP) on the 5 NYSE trading days before each day.
SERIES = {
    # before the suspension day: average 0.10
    date(2003, 9, 24): Decimal("0.09"),
    date(2003, 9, 25): Decimal("0.10"),
    date(2003, 9, 26): Decimal("0.11"),
    date(2003, 9, 29): Decimal("0.10"),
    date(2003, 9, 30): Decimal("0.10"),
    # before the notice day (2003-10-13 is Columbus Day, a trading day): average 0.08
    date(2003, 10, 13): Decimal("0.07"),
    date(2003, 10, 14): Decimal("0.09"),
    date(2003, 10, 15): Decimal("0.08"),
    date(2003, 10, 16): Decimal("0.08"),
    date(2003, 10, 17): Decimal("0.08"),
    # before the payment date: average 0.06
    date(2003, 11, 19): Decimal("0.05"),
    date(2003, 11, 20): Decimal("0.06"),
    date(2003, 11, 21): Decimal("0.07"),
    date(2003, 11, 24): Decimal("0.06"),
    date(2003, 11, 25): Decimal("0.06"),
}
WARRANTS = (
    WarrantPosition(label="Warrant", exercise_price=Decimal("0.01"), shares_issuable=2_500_000),
    WarrantPosition(
        label="Initial Warrant", exercise_price=Decimal("0.01"), shares_issuable=2_500_000
    ),
)


@pytest.mark.parametrize(
    ("day", "label", "expected"),
    [
        (NOTICE, "notice", Decimal("0.08")),
        (PAID, "payment", Decimal("0.06")),
        (SUSPENSION, "suspension", Decimal("0.10")),
    ],
)
def test_g17_five_day_averages(day: date, label: str, expected: Decimal) -> None:
    for trading in (NYSE, None):
        result = average_before(SERIES, day=day, redemption=TERMS, trading=trading, label=label)
        assert result.ok, result.problem
        assert result.price == expected
        assert len(result.days_used) == 5
        assert max(result.days_used) < day


def p_star(*, with_payment: bool = True) -> Figure:
    def avg(day: date, label: str) -> Figure:
        return average_before(SERIES, day=day, redemption=TERMS, trading=NYSE, label=label).figure

    return redemption_price(
        notice=avg(NOTICE, "notice"),
        suspension=avg(SUSPENSION, "suspension"),
        payment=avg(PAID, "payment") if with_payment else None,
    )


def test_g17_p_star_is_the_greatest_average() -> None:
    price = p_star()
    assert price.value == Decimal("0.10")
    assert price.assumptions == ()
    pending = p_star(with_payment=False)
    assert pending.value == Decimal("0.10")
    assert pending.assumptions == ("payment-date average not yet known: P* is a lower bound",)


def amount(conventions: Conventions) -> RedemptionResult:
    return redemption_amount(
        price=p_star(),
        shares_owned=1_000_000,  # HYP: Underlying Shares already issued, escrow excluded
        escrow_shares=10_000_000,
        principal=Decimal("500000"),
        accrued_interest=Decimal("2000"),
        shares_issuable=10_000_000,  # 500,000 / CP 0.05
        warrants=WARRANTS,
        redemption=TERMS,
        conventions=conventions,
        clock=DealClock.of(conventions),
        notice=NOTICE,
        paid=PAID,
    )


def test_g17_components_act_365() -> None:
    result = amount(Conventions())
    assert result.shares_owned.value == Decimal("100000")  # (i) 0.10 x 1,000,000
    assert result.debentures.value == Decimal("1000000")  # (ii) max(502,000, 1,000,000)
    assert [w.value for w in result.warrants] == [
        Decimal("225000"),
        Decimal("225000"),
    ]  # (iii), (iv)
    assert result.subtotal.value == Decimal("1550000")
    # (v) 1,550,000 x 0.15 x 30/365 = 1,395,000/73 = 19,109.589..., 50-digit context
    assert result.interest.value == divide(1_395_000, 73)
    assert abs(figure_fraction(result.interest) - Fraction(1_395_000, 73)) < Fraction(1, 10**44)
    assert str(result.interest.value).startswith("19109.589041095890410958904")
    assert result.total.value == divide(1_550_000 * 73 + 1_395_000, 73)
    assert "interest.day_count=act/365" in result.interest.assumptions
    assert "hyt.escrow_owned=false" in result.shares_owned.all_assumptions()
    assert [str(c) for c in result.total.clauses] == ["hyt:4.19"]


def test_g17_interest_act_360() -> None:
    result = amount(Conventions(interest_day_count=DayCount.ACT_360))
    assert result.interest.value == Decimal("19375")  # 1,550,000 x 0.15 x 30/360
    assert result.total.value == Decimal("1569375")


def test_escrow_owned_reading_counts_escrow_shares_in_term_i() -> None:
    # D-HYT-16: 0.10 x (1,000,000 + 10,000,000)
    result = amount(Conventions(escrow_shares_owned=True))
    assert result.shares_owned.value == Decimal("1100000")


def test_debenture_term_takes_principal_when_greater() -> None:
    result = redemption_amount(
        price=Figure(label="P*", value=Decimal("0.04")),
        shares_owned=0,
        escrow_shares=0,
        principal=Decimal("500000"),
        accrued_interest=Decimal("2000"),
        shares_issuable=10_000_000,
        warrants=(
            WarrantPosition(label="Warrant", exercise_price=Decimal("0.05"), shares_issuable=10),
        ),
        redemption=TERMS,
        conventions=Conventions(),
        clock=DealClock.of(Conventions()),
        notice=NOTICE,
        paid=date(2003, 10, 25),  # before interest starts on 10-27
    )
    assert result.debentures.value == Decimal("502000")  # max(502,000, 400,000)
    assert result.warrants[0].value == Decimal(0)  # P* below the exercise price: not below zero
    assert result.interest.value == Decimal(0)


def test_insufficient_history_is_reported() -> None:
    result = average_before(
        SERIES, day=date(2003, 11, 3), redemption=TERMS, trading=NYSE, label="notice"
    )
    assert not result.ok
    assert result.problem is not None and "2003-10-27" in result.problem


@settings(max_examples=80, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1"), places=3),
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1"), places=3),
    st.integers(0, 365),
)
def test_terms_never_negative_and_monotone_in_price(a: Decimal, b: Decimal, days: int) -> None:
    conventions = Conventions()

    def run(price: Decimal) -> Fraction:
        result = redemption_amount(
            price=Figure(label="P*", value=price),
            shares_owned=1_000,
            escrow_shares=0,
            principal=Decimal("500"),
            accrued_interest=Decimal("2"),
            shares_issuable=10_000,
            warrants=WARRANTS,
            redemption=TERMS,
            conventions=conventions,
            clock=DealClock.of(conventions),
            notice=NOTICE,
            paid=date.fromordinal(NOTICE.toordinal() + days),
        )
        for figure in (result.shares_owned, result.debentures, *result.warrants, result.interest):
            assert isinstance(figure.value, Decimal) and figure.value >= 0
        assert isinstance(result.total.value, Decimal)
        return Fraction(result.total.value)

    low, high = sorted((a, b))
    assert run(low) <= run(high)
