"""Conversion Shares: (principal + interest) / Conversion Price with the deal's share rounding."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.engine.conversion import convert
from dealbook.engine.conversion_price import figure_fraction
from dealbook.terms.base import Citation
from dealbook.terms.base import CitedPrice
from dealbook.terms.securities import Conversion
from dealbook.terms.securities import FixedPrice


def terms(
    rounding: Rounding = Rounding.DOWN, *, converts_interest: bool = True, price: str = "0.05"
) -> Conversion:
    return Conversion(
        price=FixedPrice(kind="fixed", price=CitedPrice(value=Decimal(price))),
        share_rounding=rounding,
        converts_interest=converts_interest,
        cite=(Citation(doc="spa", section="2(a)"),),
    )


@pytest.mark.parametrize(
    ("principal", "interest", "price", "rounding", "shares"),
    [
        # G-5: 9,000 at a Conversion Price of 0.005 -> 1,800,000 shares
        ("9000", "0", "0.005", Rounding.DOWN, 1_800_000),
        # G-8: 3,600 at 0.01 -> 360,000 shares
        ("3600", "0", "0.01", Rounding.DOWN, 360_000),
        # G-12: 1,000,000 / 0.007 = 142,857,142.857...
        ("1000000", "0", "0.007", Rounding.DOWN, 142_857_142),
        ("1000000", "0", "0.007", Rounding.UP, 142_857_143),
        ("1000000", "0", "0.007", Rounding.HALF_UP, 142_857_143),
        # G-17: 500,000 principal at CP 0.05 -> 10,000,000 Underlying Shares
        ("500000", "0", "0.05", Rounding.DOWN, 10_000_000),
        # G-12: a year of 12% interest on 450,000 in shares at 0.005 -> 10,800,000
        ("0", "54000", "0.005", Rounding.DOWN, 10_800_000),
    ],
)
def test_conversion_shares(
    principal: str, interest: str, price: str, rounding: Rounding, shares: int
) -> None:
    result = convert(
        principal_outstanding=Decimal(principal),
        interest_accrued=Decimal(interest),
        price=Decimal(price),
        conversion=terms(rounding, price=price),
    )
    assert result.shares.value == shares
    assert result.residual_principal.value == Decimal(0)
    assert result.residual_interest.value == Decimal(0)
    assert f"rounding.shares={rounding}" in result.shares.assumptions
    assert [str(c) for c in result.shares.clauses] == ["spa:2(a)"]


def test_partial_conversion_leaves_residuals_and_reports_the_fraction() -> None:
    # 100,000 of 500,000 principal plus all 2,000 interest at 0.07:
    # 102,000 / 0.07 = 1,457,142.857... -> 1,457,142 shares, 0.06 left over.
    result = convert(
        principal_outstanding=Decimal("500000"),
        interest_accrued=Decimal("2000"),
        price=Decimal("0.07"),
        conversion=terms(),
        principal=Decimal("100000"),
    )
    assert result.shares.value == 1_457_142
    assert result.amount_converted.value == Decimal("102000")
    assert result.residual_principal.value == Decimal("400000")
    assert result.residual_interest.value == Decimal("0")
    assert result.fractional_value.value == Decimal("0.06")
    assert result.notes == ()


def test_price_figure_is_kept_as_an_input() -> None:
    price = Figure(label="Conversion Price", value=Fraction(7, 600), unit="USD/share")
    result = convert(
        principal_outstanding=Decimal("7"),
        interest_accrued=Decimal("0"),
        price=price,
        conversion=terms(),
    )
    assert result.shares.value == 600
    assert price in result.shares.inputs
    assert result.fractional_value.value == Decimal(0)


def test_requests_above_outstanding_are_capped_and_noted() -> None:
    result = convert(
        principal_outstanding=Decimal("1000"),
        interest_accrued=Decimal("10"),
        price=Decimal("0.5"),
        conversion=terms(),
        principal=Decimal("5000"),
        interest=Decimal("20"),
    )
    assert result.shares.value == 2020
    assert result.residual_principal.value == Decimal(0)
    assert result.residual_interest.value == Decimal(0)
    assert len(result.notes) == 2


def test_interest_that_does_not_convert_stays_accrued() -> None:
    result = convert(
        principal_outstanding=Decimal("1000"),
        interest_accrued=Decimal("10"),
        price=Decimal("0.5"),
        conversion=terms(converts_interest=False),
        interest=Decimal("10"),
    )
    assert result.shares.value == 2000
    assert result.residual_interest.value == Decimal("10")
    assert result.notes == ("interest does not convert under this deal's conversion term",)


@pytest.mark.parametrize("price", [Decimal(0), Decimal("-1")])
def test_non_positive_price_is_a_caller_bug(price: Decimal) -> None:
    with pytest.raises(ValueError, match="positive"):
        convert(
            principal_outstanding=Decimal(1),
            interest_accrued=Decimal(0),
            price=price,
            conversion=terms(),
        )


def test_negative_amount_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="negative"):
        convert(
            principal_outstanding=Decimal(1),
            interest_accrued=Decimal(0),
            price=Decimal(1),
            conversion=terms(),
            principal=Decimal(-1),
        )


money = st.decimals(min_value=Decimal(0), max_value=Decimal(1_000_000), places=2)
price = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10), places=4)


@settings(max_examples=100, deadline=None)
@given(money, money, money, money, price)
def test_never_negative_and_value_is_conserved(
    outstanding: Decimal, accrued: Decimal, asked: Decimal, asked_interest: Decimal, cp: Decimal
) -> None:
    result = convert(
        principal_outstanding=outstanding,
        interest_accrued=accrued,
        price=cp,
        conversion=terms(),
        principal=asked,
        interest=asked_interest,
    )
    shares = result.shares.value
    assert isinstance(shares, int) and shares >= 0
    for figure in (result.residual_principal, result.residual_interest, result.fractional_value):
        assert isinstance(figure.value, Decimal | Fraction) and figure.value >= 0
    # rounding down: the fraction left is worth less than one share
    assert figure_fraction(result.fractional_value) < Fraction(cp)
    converted = Fraction(outstanding) + Fraction(accrued)
    left = figure_fraction(result.residual_principal) + figure_fraction(result.residual_interest)
    assert figure_fraction(result.amount_converted) + left == converted
