"""Debenture interest accrued: the "accrued and unpaid interest" in the SLDA base.

The Standard Liquidated Damages Amount is a monthly rate of "the outstanding amount of
the Debentures ... plus accrued and unpaid interest on the Debentures" (INS-SPA §2(f)
L200-204; AMN-SPA §2(f) L164), and the Insynq monthly reserve list counts a year of
interest paid in shares (INS-SPA §4(h) L960-964). The coupon (12%) and its day count sit
in the Debentures, which are not in the seeds, so the rate is a deal-file assumption and
the day count and compounding are the deal's ``interest.day_count`` and
``interest.compounding`` readings (default simple, Act/365; spec §0.1, Appendix A).

Interest on each :class:`Advance` (a Closing or Funding-Date tranche) runs from its
funding date (day 0) to ``as_of``; advances funded on or after ``as_of`` have accrued
nothing. Amounts are exact: :func:`exact` keeps a Decimal when the rational has a
finite decimal expansion and a Fraction otherwise (no error margins for money).

>>> from dealbook.terms.conventions import Conventions
>>> f = interest_on(Decimal("120000"), Decimal("0.12"), date(2002, 9, 27), date(2003, 9, 27),
...                 conventions=Conventions())
>>> f.value
Decimal('14400')
>>> f.assumptions
('interest.day_count=act/365', 'interest.compounding=simple')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.daycount import interest
from dealbook.calendars.daycount import interest_fraction
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.terms.conventions import Conventions

USD = "USD"


def as_fraction(value: object) -> Fraction:
    """The exact rational of a Figure value or a number (int, Decimal or Fraction).

    Raises:
        TypeError: for dates, None and other non-numbers (a bug, not user data).
    """
    if isinstance(value, Figure):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise TypeError(f"not an exact number: {value!r}")
    return Fraction(value)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Advance:
    """Principal funded on one date: a Closing or a Funding-Date tranche."""

    principal: Decimal
    funded: date
    label: str = ""


def _readings(conventions: Conventions) -> tuple[str, ...]:
    out = [
        f"interest.day_count={conventions.interest_day_count}",
        f"interest.compounding={conventions.interest_compounding}",
    ]
    if conventions.interest_compounding is Compounding.ANNUAL:
        out.append(f"hyt.compounding_stub={conventions.compounding_stub}")
    return tuple(out)


def interest_on(
    principal: Decimal,
    rate: Decimal,
    start: date,
    end: date,
    *,
    conventions: Conventions,
    clauses: tuple[ClauseRef, ...] = (),
    label: str = "interest",
) -> Figure:
    """Interest on ``principal`` at annual ``rate`` from ``start`` (day 0) to ``end``.

    Uses the deal's day count and compounding. Zero when ``end`` is not after ``start``.

    Args:
        principal: the principal outstanding over the whole period.
        rate: the annual coupon as a fraction (``Decimal("0.12")``).
        start: the funding date (interest runs from here).
        end: the day interest runs to.
        conventions: the deal's readings (``interest_day_count``, ``interest_compounding``,
            ``compounding_stub``).
        clauses: the clauses that set the coupon (or none, when it is an assumption).
        label: the Figure's label.
    """
    days = max((end - start).days, 0)
    inputs = (
        Figure(label="principal", value=principal, unit=USD),
        Figure(label="annual rate", value=rate, unit="1/year", clauses=clauses),
        Figure(label="days", value=days, unit="days", formula=f"{start} to {end}"),
    )
    formula = f"principal x rate x {conventions.interest_day_count} year fraction"
    if conventions.interest_compounding is Compounding.ANNUAL:
        formula = f"principal x ((1 + rate)^years - 1), {conventions.compounding_stub}"
    value: Decimal | Fraction
    if days == 0:
        value = Decimal(0)
    elif (
        conventions.interest_compounding is Compounding.ANNUAL
        and conventions.compounding_stub is CompoundingStub.FRACTIONAL_EXPONENT
    ):
        value = interest(
            principal,
            rate,
            start,
            end,
            day_count=conventions.interest_day_count,
            compounding=conventions.interest_compounding,
            stub=conventions.compounding_stub,
        )
    else:
        value = exact(
            interest_fraction(
                principal,
                rate,
                start,
                end,
                day_count=conventions.interest_day_count,
                compounding=conventions.interest_compounding,
                stub=conventions.compounding_stub,
            )
        )
    return Figure(
        label=label,
        value=value,
        unit=USD,
        formula=formula,
        inputs=inputs,
        clauses=clauses,
        assumptions=_readings(conventions),
    )


def accrued_interest(
    advances: Sequence[Advance],
    *,
    rate: Decimal,
    as_of: date,
    conventions: Conventions,
    paid: Decimal = Decimal(0),
    clauses: tuple[ClauseRef, ...] = (),
) -> Figure:
    """Accrued and unpaid interest on every advance from its funding date to ``as_of``.

    Args:
        advances: principal funded per date (each tranche accrues from its own date).
        rate: the annual coupon as a fraction.
        as_of: the day interest is measured at.
        conventions: the deal's interest readings.
        paid: interest already paid (in cash or shares), subtracted; never below zero.
        clauses: the clauses (or none) behind the coupon.

    >>> from dealbook.terms.conventions import Conventions
    >>> tranches = [Advance(principal=Decimal("120000"), funded=date(2002, 9, 27)),
    ...             Advance(principal=Decimal("30000"), funded=date(2003, 9, 27))]
    >>> accrued_interest(tranches, rate=Decimal("0.12"), as_of=date(2003, 9, 27),
    ...                  conventions=Conventions()).value
    Decimal('14400')
    """
    parts = tuple(
        interest_on(
            advance.principal,
            rate,
            advance.funded,
            as_of,
            conventions=conventions,
            clauses=clauses,
            label=f"interest on {advance.label or advance.principal} funded {advance.funded}",
        )
        for advance in advances
    )
    gross = sum((as_fraction(part) for part in parts), Fraction(0))
    paid_figure = Figure(label="interest paid", value=paid, unit=USD)
    net = max(gross - Fraction(paid), Fraction(0))
    return Figure(
        label="accrued and unpaid interest",
        value=exact(net),
        unit=USD,
        formula="max(sum of interest per advance - interest paid, 0)",
        inputs=(*parts, paid_figure),
        clauses=clauses,
        assumptions=(*_readings(conventions), "interest runs from each advance's funding date"),
    )
