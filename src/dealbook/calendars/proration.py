"""Month proration: how many months is a late period "prorated for partial months"?

The Standard Liquidated Damages Amount (INS-SPA §2(f) L200-204; AMN-SPA §2(f) L164)
and the registration delay payments (INS-RRA §2(c) L152-170) are monthly amounts
"prorated for partial months", and no agreement says how. The spec (§0.1, golden G-3)
names four methods, each exact (a :class:`~fractions.Fraction`, never a float):

* **A**, calendar-month stepping (default): whole months stepped from the start date
  (month ends clamped), then the remaining days divided by the length in days of the
  next monthly period;
* **B**: days / 30;
* **C**: the sum, over each day, of 1 / (days in that day's calendar month);
* **D**: days x 12 / 365.

A period is given by the day **after** which it starts and the day **through** which it
runs: ``months(after, through)`` covers the days ``after + 1 .. through``. For G-3 the
deadline 2003-12-07 is ``after`` and the effectiveness day is counted as late.

>>> months(date(2003, 12, 7), date(2004, 2, 20), Proration.A)
Fraction(71, 29)
>>> months(date(2003, 12, 7), date(2004, 2, 20), Proration.C)
Fraction(2215, 899)
>>> print(explain_months(date(2003, 12, 7), date(2004, 2, 20), Proration.A))
A (calendar-month stepping): 2 whole months 2003-12-07..2004-02-07
  + 13 days / 29 days in 2004-02-07..2004-03-07 = 2 + 13/29 = 71/29
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from fractions import Fraction

from dealbook.calendars.arith import add_months
from dealbook.calendars.arith import days_in_month
from dealbook.calendars.conventions import Proration

_DAYS_PER_MONTH_B = 30
_MONTHS_PER_YEAR = 12
_DAYS_PER_YEAR_D = 365


def months(after: date, through: date, method: Proration) -> Fraction:
    """Number of months in the days after ``after`` up to and including ``through``.

    Raises:
        ValueError: when ``through`` is before ``after``.

    >>> months(date(2003, 12, 7), date(2004, 1, 7), Proration.B)
    Fraction(31, 30)
    >>> months(date(2003, 12, 7), date(2004, 1, 7), Proration.D)
    Fraction(372, 365)
    """
    days = _days(after, through)
    if method is Proration.A:
        whole, rest, period = _calendar_month_step(after, through)
        return whole + Fraction(rest, period)
    if method is Proration.B:
        return Fraction(days, _DAYS_PER_MONTH_B)
    if method is Proration.C:
        return sum(
            (Fraction(n, length) for _, n, length in _month_segments(after, through)),
            Fraction(0),
        )
    return Fraction(days * _MONTHS_PER_YEAR, _DAYS_PER_YEAR_D)


def explain_months(after: date, through: date, method: Proration) -> str:
    """A short human explanation of :func:`months` (method, steps, exact result).

    >>> print(explain_months(date(2003, 12, 7), date(2004, 1, 7), Proration.C))
    C (sum of 1/days-in-month): 24/31 (2003-12) + 7/31 (2004-01) = 1
    """
    value = months(after, through, method)
    days = _days(after, through)
    if method is Proration.A:
        whole, rest, period = _calendar_month_step(after, through)
        anchor = add_months(after, whole, end_of_month=False)
        following = add_months(after, whole + 1, end_of_month=False)
        return (
            f"A (calendar-month stepping): {whole} whole months {after}..{anchor}\n"
            f"  + {rest} days / {period} days in {anchor}..{following} = "
            f"{whole} + {Fraction(rest, period)} = {value}"
        )
    if method is Proration.B:
        return f"B (days / 30): {days} / 30 = {value}"
    if method is Proration.C:
        parts = " + ".join(
            f"{n}/{length} ({first:%Y-%m})" for first, n, length in _month_segments(after, through)
        )
        return f"C (sum of 1/days-in-month): {parts or '0'} = {value}"
    return f"D (days x 12 / 365): {days} x 12 / 365 = {value}"


def _days(after: date, through: date) -> int:
    days = (through - after).days
    if days < 0:
        raise ValueError(f"period runs backwards: after {after}, through {through}")
    return days


def _calendar_month_step(after: date, through: date) -> tuple[int, int, int]:
    """Whole months from ``after``, remainder days, and the length of the next period."""
    whole = (through.year - after.year) * _MONTHS_PER_YEAR + (through.month - after.month)
    while whole > 0 and add_months(after, whole, end_of_month=False) > through:
        whole -= 1
    anchor = add_months(after, whole, end_of_month=False)
    following = add_months(after, whole + 1, end_of_month=False)
    return whole, (through - anchor).days, (following - anchor).days


def _month_segments(after: date, through: date) -> list[tuple[date, int, int]]:
    """(first day, number of days, days in month) for each calendar month of the period."""
    segments: list[tuple[date, int, int]] = []
    day = after + timedelta(days=1)
    while day <= through:
        length = days_in_month(day.year, day.month)
        month_last = date(day.year, day.month, length)
        last = min(month_last, through)
        segments.append((day, (last - day).days + 1, length))
        day = last + timedelta(days=1)
    return segments
