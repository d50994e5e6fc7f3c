"""Exact numbers: the one constructor for money, prices, rates and fractional shares.

Every monetary amount, price and rate in dealbook is a :class:`decimal.Decimal` built by
:func:`dec`, which refuses binary floats, ``None``, booleans and empty strings, so that no
value ever passes through a float. Rounding happens only where a clause (or a named
convention) says so, through :func:`quantize` with an explicit step and mode.

>>> dec("450000") == dec(450_000)
True
>>> dec("2%")
Decimal('0.02')
>>> quantize(dec("19109.5890"), "0.01", "half_up")
Decimal('19109.59')
"""

from __future__ import annotations

import decimal
import enum
import re
from decimal import Decimal
from fractions import Fraction

#: Context used for every dealbook division: 50 significant digits, never float.
CONTEXT = decimal.Context(
    prec=50, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.InvalidOperation]
)

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


class NumberError(ValueError):
    """Raised when a value cannot be an exact dealbook number."""


class Rounding(enum.StrEnum):
    """Rounding modes a deal file may name for a quantization step."""

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    UP = "up"
    DOWN = "down"
    CEILING = "ceiling"
    FLOOR = "floor"

    @property
    def decimal_mode(self) -> str:
        """The :mod:`decimal` rounding constant for this mode."""
        return _MODES[self]


_MODES = {
    Rounding.HALF_UP: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    Rounding.UP: decimal.ROUND_UP,
    Rounding.DOWN: decimal.ROUND_DOWN,
    Rounding.CEILING: decimal.ROUND_CEILING,
    Rounding.FLOOR: decimal.ROUND_FLOOR,
}


def dec(value: object) -> Decimal:
    """Build an exact Decimal from an int, a Decimal, a Fraction with a finite expansion, or text.

    Text may use thousands separators (``"1,000,000"``) and a trailing percent sign
    (``"12%"`` means ``0.12``). Floats, booleans, ``None`` and empty text are refused.

    >>> dec("1,000,000")
    Decimal('1000000')
    >>> dec(0.1)
    Traceback (most recent call last):
    ...
    dealbook.core.numbers.NumberError: refusing float 0.1: write the number as text, e.g. "0.1"
    """
    if isinstance(value, bool) or value is None:
        raise NumberError(f"not a number: {value!r}")
    if isinstance(value, float):
        raise NumberError(f'refusing float {value!r}: write the number as text, e.g. "{value!r}"')
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(f"not a finite number: {value}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Fraction):
        return _fraction_to_decimal(value)
    if isinstance(value, str):
        text = value.strip()
        scale = Decimal(1)
        if text.endswith("%"):
            text = text[:-1].strip()
            scale = Decimal(100)
        if not _NUMBER.match(text):
            raise NumberError(f"not a number: {value!r}")
        return CONTEXT.divide(Decimal(text.replace(",", "")), scale)
    raise NumberError(f"not a number: {value!r} ({type(value).__name__})")


def _fraction_to_decimal(value: Fraction) -> Decimal:
    quotient = CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    if Fraction(quotient) != value:
        raise NumberError(f"{value} has no finite decimal expansion; keep it as a Fraction")
    return quotient


def divide(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """Divide with dealbook's 50-digit context (never a float).

    >>> divide(1, 3)
    Decimal('0.33333333333333333333333333333333333333333333333333')
    """
    return CONTEXT.divide(Decimal(numerator), Decimal(denominator))


def quantize(value: Decimal, step: str | Decimal, mode: Rounding | str) -> Decimal:
    """Round ``value`` to a multiple of ``step`` (e.g. ``"0.01"``) with a named mode."""
    rounding = Rounding(mode)
    return value.quantize(Decimal(step), rounding=rounding.decimal_mode)


def round_shares(value: Decimal | Fraction, mode: Rounding | str) -> int:
    """Round a fractional share count to a whole number of shares with a named mode.

    >>> round_shares(Fraction(1_000_000, 7), "up")
    142858
    >>> round_shares(dec("1995599.47"), "floor")
    1995599
    """
    rounding = Rounding(mode)
    if isinstance(value, Fraction):
        floor = value.numerator // value.denominator
        exact = floor == value
        if rounding in (Rounding.DOWN, Rounding.FLOOR) or exact:
            return floor if value >= 0 or exact or rounding is Rounding.FLOOR else floor + 1
        if rounding in (Rounding.UP, Rounding.CEILING):
            return floor + 1
        twice = 2 * (value - floor)
        if twice > 1 or (twice == 1 and (rounding is Rounding.HALF_UP or floor % 2 == 1)):
            return floor + 1
        return floor
    return int(value.quantize(Decimal(1), rounding=rounding.decimal_mode))


def exact(value: Fraction) -> Decimal | Fraction:
    """An exact rational as a Decimal when it has a finite decimal expansion, else as a Fraction.

    >>> exact(Fraction(1, 4)), exact(Fraction(22500, 73))
    (Decimal('0.25'), Fraction(22500, 73))
    """
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return value
    places = max(twos, fives)
    digits = value.numerator * 10**places // value.denominator
    if len(str(abs(digits))) > CONTEXT.prec:
        return value  # more digits than dealbook's 50-digit context: keep it exact
    return Decimal(digits).scaleb(-places, context=CONTEXT)
