"""Exact numbers: the Decimal constructor, quantization and share rounding."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.core.numbers import NumberError
from dealbook.core.numbers import Rounding
from dealbook.core.numbers import dec
from dealbook.core.numbers import divide
from dealbook.core.numbers import exact
from dealbook.core.numbers import quantize
from dealbook.core.numbers import round_shares


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("450000", Decimal("450000")),
        ("1,000,000", Decimal("1000000")),
        ("0.02", Decimal("0.02")),
        ("2%", Decimal("0.02")),
        ("12.5%", Decimal("0.125")),
        (120_000, Decimal("120000")),
        (Decimal("0.007"), Decimal("0.007")),
        (Fraction(1, 4), Decimal("0.25")),
        (" 7,500,000 ", Decimal("7500000")),
    ],
)
def test_dec_accepts_exact_inputs(raw: object, expected: Decimal) -> None:
    assert dec(raw) == expected


@pytest.mark.parametrize(
    "raw", [0.1, None, True, "", "1,00", "$120,000", "abc", Fraction(1, 3), Decimal("NaN"), [1]]
)
def test_dec_refuses_inexact_or_non_numbers(raw: object) -> None:
    with pytest.raises(NumberError):
        dec(raw)


def test_divide_uses_fifty_digits() -> None:
    assert divide(750000, 3) == Decimal(250000)
    assert divide(1, 7) == Decimal("0.14285714285714285714285714285714285714285714285714")


@pytest.mark.parametrize(
    ("value", "mode", "expected"),
    [
        ("19109.589041", "half_up", "19109.59"),
        ("0.125", "half_up", "0.13"),
        ("0.125", "half_even", "0.12"),
        ("0.121", "up", "0.13"),
        ("-0.125", "floor", "-0.13"),
    ],
)
def test_quantize_cents(value: str, mode: str, expected: str) -> None:
    assert quantize(Decimal(value), "0.01", mode) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "mode", "expected"),
    [
        (Fraction(1_000_000, 7), Rounding.UP, 142858),  # G-12: 1,000,000 / 0.007
        (Fraction(1_000_000, 7), Rounding.DOWN, 142857),
        (Fraction(5, 2), Rounding.HALF_UP, 3),
        (Fraction(5, 2), Rounding.HALF_EVEN, 2),
        (Fraction(7, 2), Rounding.HALF_EVEN, 4),
        (Fraction(9, 4), Rounding.HALF_UP, 2),
        (Fraction(10), Rounding.UP, 10),
        (Decimal("1995599.47"), Rounding.FLOOR, 1995599),  # G-16
        (Decimal("10714285.714"), Rounding.CEILING, 10714286),  # G-13
    ],
)
def test_round_shares(value: Decimal | Fraction, mode: Rounding, expected: int) -> None:
    assert round_shares(value, mode) == expected


@given(st.fractions(min_value=0, max_value=10**9, max_denominator=10**6))
def test_round_shares_brackets_the_value(value: Fraction) -> None:
    down = round_shares(value, Rounding.DOWN)
    up = round_shares(value, Rounding.UP)
    assert down <= value <= up
    assert up - down in (0, 1)
    assert round_shares(value, Rounding.HALF_UP) in (down, up)


@given(st.decimals(min_value=0, max_value=10**12, places=6, allow_nan=False, allow_infinity=False))
def test_dec_round_trips_text(value: Decimal) -> None:
    assert dec(format(value, "f")) == value


@given(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=12),
    st.sampled_from([1, 3, 7, 9]),
)
def test_exact_is_the_shortest_decimal_or_the_fraction(
    numerator: int, twos: int, fives: int, other: int
) -> None:
    from dealbook.core.numbers import CONTEXT

    value = Fraction(numerator, 2**twos * 5**fives * other)
    result = exact(value)
    if value.denominator % 3 == 0 or value.denominator % 7 == 0:
        assert result == value and isinstance(result, Fraction)
    else:
        assert isinstance(result, Decimal)
        assert Fraction(result) == value
        # the same text as an exact division in the 50-digit context
        assert str(result) == str(
            CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
        )
