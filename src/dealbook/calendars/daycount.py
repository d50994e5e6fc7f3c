"""Interest day counts and compounding for "fifteen percent (15%) per annum" clauses.

The 15% interest clauses (INS-SPA §4(f) L908; AMN-SPA L851; HYT §4.19 L1262, Art. VI
L1467, L1482-1483 "compounded annually") state neither a day count nor, except Hy-Tech
Art. VI, the compounding. The spec (§0.1, Appendix A ``interest.day_count`` and
``hyt.compounding_stub``) asks for all readings as named conventions:

* day counts: Act/365 (Fixed), Act/360, and 30/360 in the US bond-basis form
  (ISDA 2006 §4.16(f): a 31st start becomes the 30th; a 31st end becomes the 30th when
  the start is the 30th or 31st);
* simple interest, or annual compounding on the anniversaries of the start date with
  the partial year either as a simple stub (``(1 + r)^k x (1 + r f) - 1``) or as a
  fractional exponent (``(1 + r)^(k + f) - 1``), golden G-21. ``k`` counts anniversaries
  (each whole year is exactly one year, whatever the day count); the day count measures
  only the stub ``f`` after the last anniversary (under Act/360 a stub can slightly
  exceed 1, e.g. 361 days = 361/360).

Simple interest and the simple stub are exact rationals (:func:`interest_fraction`);
:func:`interest` returns them as Decimals, exact when the rational has a finite decimal
expansion and otherwise to 50 significant digits (:data:`dealbook.core.numbers.CONTEXT`).
The fractional exponent cannot be exact: it is computed as ``exp(t x ln(1 + r))`` with 60
digits of working precision and rounded to 50 significant digits. Floats never appear.

>>> interest(Decimal("1550000"), Decimal("0.15"), date(2003, 1, 7), date(2003, 2, 6),
...          day_count=DayCount.ACT_360, compounding=Compounding.SIMPLE,
...          stub=CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB)
Decimal('19375')
>>> interest_for_years(Decimal("1500000"), Decimal("0.15"), Fraction(3, 2),
...                    compounding=Compounding.ANNUAL, stub=CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB)
Decimal('354375')
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.arith import add_months
from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.core.numbers import CONTEXT
from dealbook.core.numbers import divide

_WORKING = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
_DAYS_IN_30_360_MONTH = 30
_LAST_DAY = 31


def year_fraction(start: date, end: date, day_count: DayCount) -> Fraction:
    """Years from ``start`` to ``end`` under ``day_count`` (negative when ``end < start``).

    >>> year_fraction(date(2003, 1, 31), date(2003, 3, 31), DayCount.THIRTY_360)
    Fraction(1, 6)
    >>> year_fraction(date(2003, 1, 1), date(2004, 1, 1), DayCount.ACT_360)
    Fraction(73, 72)
    """
    if day_count is DayCount.ACT_365:
        return Fraction((end - start).days, 365)
    if day_count is DayCount.ACT_360:
        return Fraction((end - start).days, 360)
    d1 = min(start.day, _DAYS_IN_30_360_MONTH)
    d2 = end.day
    if d2 == _LAST_DAY and d1 == _DAYS_IN_30_360_MONTH:
        d2 = _DAYS_IN_30_360_MONTH
    days = 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)
    return Fraction(days, 360)


def whole_years_and_stub(start: date, end: date, day_count: DayCount) -> tuple[int, Fraction]:
    """Anniversaries of ``start`` up to ``end`` and the stub after the last one.

    >>> whole_years_and_stub(date(2003, 9, 5), date(2005, 3, 5), DayCount.THIRTY_360)
    (1, Fraction(1, 2))
    """
    if end < start:
        raise ValueError(f"interest period runs backwards: {start} to {end}")
    years = end.year - start.year
    while years > 0 and add_months(start, 12 * years, end_of_month=False) > end:
        years -= 1
    anniversary = add_months(start, 12 * years, end_of_month=False)
    return years, year_fraction(anniversary, end, day_count)


def interest_fraction(
    principal: Decimal,
    rate: Decimal,
    start: date,
    end: date,
    *,
    day_count: DayCount,
    compounding: Compounding,
    stub: CompoundingStub,
) -> Fraction:
    """Exact interest for the simple and the annual-plus-simple-stub readings.

    Raises:
        ValueError: for the fractional-exponent reading, which has no exact value.
    """
    if compounding is Compounding.SIMPLE:
        return Fraction(principal) * Fraction(rate) * year_fraction(start, end, day_count)
    years, fraction = whole_years_and_stub(start, end, day_count)
    return _exact_compound(principal, rate, years, fraction, stub)


def interest(
    principal: Decimal,
    rate: Decimal,
    start: date,
    end: date,
    *,
    day_count: DayCount,
    compounding: Compounding,
    stub: CompoundingStub,
) -> Decimal:
    """Interest on ``principal`` at annual ``rate`` from ``start`` to ``end``.

    Args:
        principal: amount outstanding.
        rate: annual rate as a fraction (``Decimal("0.15")`` for 15%).
        start: first day interest runs from.
        end: day interest runs to.
        day_count: year-fraction convention.
        compounding: simple, or annual on the anniversaries of ``start``.
        stub: for annual compounding, how the partial year after the last anniversary
            compounds (ignored for simple interest).
    """
    if compounding is Compounding.SIMPLE or stub is CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB:
        return _to_decimal(
            interest_fraction(
                principal,
                rate,
                start,
                end,
                day_count=day_count,
                compounding=compounding,
                stub=stub,
            )
        )
    years, fraction = whole_years_and_stub(start, end, day_count)
    return _fractional_exponent(principal, rate, years + fraction)


def interest_for_years(
    principal: Decimal,
    rate: Decimal,
    years: Fraction,
    *,
    compounding: Compounding,
    stub: CompoundingStub,
) -> Decimal:
    """Interest for a number of years given directly (G-21: 18 months = ``Fraction(3, 2)``).

    >>> interest_for_years(Decimal("1500000"), Decimal("0.15"), Fraction(3, 2),
    ...                    compounding=Compounding.ANNUAL, stub=CompoundingStub.FRACTIONAL_EXPONENT)
    Decimal('349856.41334672243258044254344661411162806154508242')
    """
    if years < 0:
        raise ValueError(f"negative number of years: {years}")
    if compounding is Compounding.SIMPLE:
        return _to_decimal(Fraction(principal) * Fraction(rate) * years)
    if stub is CompoundingStub.FRACTIONAL_EXPONENT:
        return _fractional_exponent(principal, rate, years)
    whole = years.numerator // years.denominator
    return _to_decimal(_exact_compound(principal, rate, whole, years - whole, stub))


def _exact_compound(
    principal: Decimal, rate: Decimal, years: int, fraction: Fraction, stub: CompoundingStub
) -> Fraction:
    if stub is CompoundingStub.FRACTIONAL_EXPONENT:
        raise ValueError("the fractional-exponent reading has no exact value; use interest()")
    r = Fraction(rate)
    return Fraction(principal) * ((1 + r) ** years * (1 + r * fraction) - 1)


def _fractional_exponent(principal: Decimal, rate: Decimal, years: Fraction) -> Decimal:
    exponent = _WORKING.divide(Decimal(years.numerator), Decimal(years.denominator))
    growth = _WORKING.exp(_WORKING.multiply(_WORKING.ln(_WORKING.add(Decimal(1), rate)), exponent))
    return CONTEXT.multiply(principal, CONTEXT.subtract(growth, Decimal(1)))


def _to_decimal(value: Fraction) -> Decimal:
    return divide(value.numerator, value.denominator)
