"""Warrant economics and the Hy-Tech short-sale cover test (G-20, M-CONV-2).

* Exercise proceeds: warrant shares x exercise price (HYT: 2,500,000 x $.01 = 25,000 per
  warrant, L419-422 and L284-288). Warrant shares per $1 of principal: Insynq 2 (recital
  B, §1(a)), Amnis 5 (recital B), Hy-Tech (2,500,000 + 2,500,000) / 750,000 = 20/3, kept
  as an exact Fraction.
* HYT §4.26 (L1364-1376): no Short Sales while the Purchaser owns Debentures. Shares
  issuable on conversion or exercise count as held long when a Notice of Conversion or
  Exercise for them "is delivered within two (2) Trading Days following the Trading Day
  that such short sale is entered into". The sale is covered iff the notices delivered
  in the window cover ``shares sold short - long position``. Whether a notice delivered
  on the sale day itself counts is the reading ``hyt.short_sale_window``:
  ``include-sale-day`` (default, ``[sale TD, sale TD + 2 TD]``) or ``literal``
  (``(sale TD, sale TD + 2 TD]``). A sale entered on a day that is not a Trading Day is
  taken to belong to the next Trading Day.

>>> warrant_shares_per_dollar(warrant_shares=5_000_000, principal=Decimal(750_000)).value
Fraction(20, 3)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import Roll
from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.terms.conventions import Conventions
from dealbook.terms.limits import ShortSales

SECTION_4_26 = ClauseRef(doc="hyt", section="4.26", lines=(1364, 1376))
"""HYT §4.26, used when the short-sale term carries no citation of its own."""

SHARES = "shares"


def exercise_proceeds(*, shares: int, exercise_price: Decimal, label: str = "Warrant") -> Figure:
    """Cash the Company receives on exercising all ``shares`` at ``exercise_price``.

    >>> exercise_proceeds(shares=2_500_000, exercise_price=Decimal("0.01")).value
    Decimal('25000')
    """
    return Figure(
        label=f"{label} exercise proceeds",
        value=exact(Fraction(shares) * Fraction(exercise_price)),
        unit="USD",
        formula="shares x exercise price",
        inputs=(
            Figure(label=f"{label} shares", value=shares, unit=SHARES),
            Figure(label=f"{label} exercise price", value=exercise_price, unit="USD/share"),
        ),
    )


def warrant_shares_per_dollar(*, warrant_shares: int, principal: Decimal) -> Figure:
    """Warrant shares per $1 of principal, exact (a Fraction when it does not terminate).

    Raises:
        ValueError: when ``principal`` is not positive (a caller bug).
    """
    if principal <= 0:
        raise ValueError(f"principal must be positive, got {principal}")
    ratio = Fraction(warrant_shares) / Fraction(principal)
    return Figure(
        label="warrant shares per $1 of principal",
        value=ratio if ratio.denominator != 1 else exact(ratio),
        unit="shares/USD",
        formula="warrant shares / principal",
        inputs=(
            Figure(label="warrant shares", value=warrant_shares, unit=SHARES),
            Figure(label="principal", value=principal, unit="USD"),
        ),
    )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    """A Notice of Conversion or Exercise delivered on ``day`` for ``shares``."""

    day: date
    shares: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ShortSaleTest:
    """Whether a short sale was covered by conversion or exercise notices in time."""

    window_start: date
    window_end: date
    uncovered: Figure
    """Shares sold short beyond the existing long position."""
    notices: Figure
    """Shares in notices delivered within the window."""
    covered: bool
    """True when the notices cover the uncovered shares, or short sales are permitted."""


def short_sale_cover(
    *,
    sale_day: date,
    shares_sold: int,
    long_position: int,
    deliveries: Sequence[Delivery],
    short_sales: ShortSales,
    conventions: Conventions,
    clock: DealClock,
) -> ShortSaleTest:
    """Test one short sale against the notices delivered after it (HYT §4.26).

    Args:
        sale_day: the day the short sale was entered into.
        shares_sold: shares sold short.
        long_position: the equivalent offsetting long position already held.
        deliveries: Notices of Conversion or Exercise, with their delivery days.
        short_sales: the deal's short-sale term (``cover_window``: 2 trading days).
        conventions: the ``short_sale_window`` reading.
        clock: the deal's clock (its Trading Day calendar).
    """
    refs = tuple(c.ref() for c in short_sales.cite) or (SECTION_4_26,)
    window = short_sales.cover_window or Duration(n=0, kind=DayKind.TRADING_DAYS)
    sale_td = clock.trading.roll(sale_day, Roll.FOLLOWING)
    end = clock.add(sale_td, window)
    include = conventions.short_sale_window == "include-sale-day"

    def counts(day: date) -> bool:
        return (sale_td <= day if include else sale_td < day) and day <= end

    in_window = sum(d.shares for d in deliveries if counts(d.day))
    uncovered = max(shares_sold - long_position, 0)
    reading = f"hyt.short_sale_window={conventions.short_sale_window}"
    uncovered_fig = Figure(
        label="shares sold short without an offsetting long position",
        value=uncovered,
        unit=SHARES,
        formula="max(shares sold short - long position, 0)",
        inputs=(
            Figure(label="shares sold short", value=shares_sold, unit=SHARES),
            Figure(label="long position", value=long_position, unit=SHARES),
        ),
        clauses=refs,
    )
    bracket = "[" if include else "("
    notices_fig = Figure(
        label="shares in notices delivered in the window",
        value=in_window,
        unit=SHARES,
        formula=f"notices delivered in {bracket}{sale_td}, {end}] ({clock.describe(window)})",
        clauses=refs,
        assumptions=(reading, f"trading days of {clock.trading.label}"),
    )
    return ShortSaleTest(
        window_start=sale_td,
        window_end=end,
        uncovered=uncovered_fig,
        notices=notices_fig,
        covered=short_sales.permitted or in_window >= uncovered,
    )
