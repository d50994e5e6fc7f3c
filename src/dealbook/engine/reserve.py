"""Share reservation: the Reserved Amount, shortfalls, headroom and the monthly reserve list.

INS-SPA §4(h) L921-970 and AMN-SPA §4(h) L865-912 (M-RES-1..3): the Company keeps
reserved "no less than two (2) times" the shares issuable on conversion of the
Debentures and exercise of the Warrants (the Reserved Amount); if the Authorized and
Reserved Shares fall below it and stockholder approval of an increase is not obtained
within 30 days, the SLDA is payable; every month it lists (1) the shares authorized and
reserved and (2) the shares issuable on conversion, on exercise and as "payment of
interest accrued on the Debentures for one year", within 5 business days after month
end. Amnis allocates a partial reserve pro rata before its Stockholder Approval. M-RES-4
checks the stated capitalization (§3(c); HYT Sch. 3.1(c)) for headroom.

Readings (spec Appendix A): ``reserve.shortfall_reading`` (D-INS-3: the clock starts when
the shares fall ``below`` the Reserved Amount, default, or when they literally
"exceed" it) and ``reserve.gate_before_approval`` (the covenant is "Subject to the
Stockholder Approval": ``measure-only`` starts the 30-day clock no earlier than that
approval, default; ``measure-and-penalize`` starts it at the shortfall).

The Reserved Amount is rounded once, at the end, and up by default: the covenant is a
minimum (G-12: ``2 x (1,000,000 / 0.007 + 5,000,000) = 295,714,285.71...`` -> 295,714,286).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.arith import days_in_month
from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.interest import USD
from dealbook.engine.interest import as_fraction
from dealbook.terms.conventions import Conventions
from dealbook.terms.parties import Capitalization
from dealbook.terms.reserves import ReserveList

SHARES = "shares"


def conversion_shares(principal: Decimal, conversion_price: Decimal) -> Figure:
    """Shares issuable on converting ``principal`` at ``conversion_price`` (exact, unrounded).

    >>> conversion_shares(Decimal("450000"), Decimal("0.005")).value
    Decimal('90000000')
    """
    if conversion_price <= 0:
        raise ValueError(f"a conversion price must be positive, got {conversion_price}")
    return Figure(
        label="conversion shares",
        value=exact(Fraction(principal) / Fraction(conversion_price)),
        unit=SHARES,
        formula="principal / Conversion Price",
        inputs=(
            Figure(label="principal", value=principal, unit=USD),
            Figure(label="Conversion Price", value=conversion_price, unit="USD/share"),
        ),
    )


def reserved_amount(
    *,
    principal: Decimal,
    conversion_price: Decimal,
    warrant_shares: int,
    multiple: Decimal,
    rounding: Rounding = Rounding.UP,
    clauses: tuple[ClauseRef, ...] = (),
) -> Figure:
    """``multiple x (principal / Conversion Price + warrant shares)``, rounded once.

    Args:
        principal: Debentures counted (with the Funding-Date "Additional Debentures" under
            ``ins.additional_instruments=funding-date-instruments``).
        conversion_price: the Conversion Price in effect (an assumption in the seeds).
        warrant_shares: shares issuable on exercise of the Warrants counted.
        multiple: the reserve multiple (2).
        rounding: how the fractional result becomes whole shares (up: "no less than").
        clauses: the §4(h) clause references.

    >>> reserved_amount(principal=Decimal("1000000"), conversion_price=Decimal("0.007"),
    ...                 warrant_shares=5_000_000, multiple=Decimal(2)).value
    295714286
    """
    conv = conversion_shares(principal, conversion_price)
    warrants = Figure(label="warrant shares", value=warrant_shares, unit=SHARES)
    exact_value = Fraction(multiple) * (as_fraction(conv) + warrant_shares)
    return Figure(
        label="Reserved Amount",
        value=round_shares(exact_value, rounding),
        unit=SHARES,
        formula=f"{multiple} x (conversion shares + warrant shares) = {exact(exact_value)}, "
        f"rounded {rounding}",
        inputs=(conv, warrants, Figure(label="reserve multiple", value=multiple, unit="x")),
        clauses=clauses,
        assumptions=(f"reserve rounding={rounding} (the covenant is a minimum)",),
    )


def implied_conversion_price(
    *, reserved: int, multiple: Decimal, principal: Decimal, warrant_shares: int
) -> Figure:
    """The Conversion Price at which ``reserved`` is exactly the Reserved Amount.

    G-12: Insynq's 630,000,000 reserved shares imply ``450,000 / 314,100,000 = 1/698``.

    >>> implied_conversion_price(reserved=630_000_000, multiple=Decimal(2),
    ...                          principal=Decimal("450000"), warrant_shares=900_000).value
    Fraction(1, 698)
    """
    conv = Fraction(reserved) / Fraction(multiple) - warrant_shares
    if conv <= 0:
        raise ValueError("the reserve covers no conversion shares; no price is implied")
    return Figure(
        label="implied Conversion Price",
        value=exact(Fraction(principal) / conv),
        unit="USD/share",
        formula="principal / (reserved / multiple - warrant shares)",
        inputs=(
            Figure(label="shares reserved", value=reserved, unit=SHARES),
            Figure(label="reserve multiple", value=multiple, unit="x"),
            Figure(label="principal", value=principal, unit=USD),
            Figure(label="warrant shares", value=warrant_shares, unit=SHARES),
        ),
    )


def reserve_list_issuable(
    *,
    principal: Decimal,
    conversion_price: Decimal,
    warrant_shares: int,
    coupon: Decimal,
    terms: ReserveList,
    rounding: Rounding,
) -> Figure:
    """Item (2) of the monthly list: conversion + warrant + a year of interest in shares.

    Interest is taken as payable in shares at the Conversion Price (the Debenture is not
    in the seeds): ``principal x coupon x years / Conversion Price``.
    """
    clauses = tuple(c.ref() for c in terms.cite)
    conv = conversion_shares(principal, conversion_price)
    interest = Fraction(principal) * Fraction(coupon) * terms.interest_years_in_list
    interest_shares = Figure(
        label=f"shares for {terms.interest_years_in_list} year(s) of interest",
        value=exact(interest / Fraction(conversion_price)),
        unit=SHARES,
        formula="principal x coupon x years / Conversion Price",
        inputs=(Figure(label="coupon", value=coupon, unit="1/year"),),
        assumptions=("interest payable in shares at the Conversion Price",),
    )
    total = as_fraction(conv) + warrant_shares + as_fraction(interest_shares)
    return Figure(
        label="shares issuable (reserve list item 2)",
        value=round_shares(total, rounding),
        unit=SHARES,
        formula=f"conversion + warrant + interest shares, rounded {rounding}",
        inputs=(
            conv,
            Figure(label="warrant shares", value=warrant_shares, unit=SHARES),
            interest_shares,
        ),
        clauses=clauses,
        assumptions=(f"rounding.shares={rounding}",),
    )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ShortfallStatus:
    """The Reserved Amount compared with the Authorized and Reserved Shares."""

    shortfall: Figure
    """``max(0, Reserved Amount - Authorized and Reserved Shares)``."""
    starts_clock: bool
    """Whether the 30-day approval clock's condition holds under the deal's reading."""


def reserve_shortfall(
    required: Figure, authorized_and_reserved: int, *, conventions: Conventions
) -> ShortfallStatus:
    """The shortfall and whether the clause's clock condition holds (D-INS-3 reading).

    >>> from dealbook.terms.conventions import Conventions
    >>> need = Figure(label="Reserved Amount", value=295_714_286, unit="shares")
    >>> status = reserve_shortfall(need, 20_000_000, conventions=Conventions())
    >>> status.shortfall.value, status.starts_clock
    (275714286, True)
    """
    need = as_fraction(required)
    gap = max(need - authorized_and_reserved, Fraction(0))
    reading = conventions.reserve_shortfall_reading
    if reading == "below":
        condition = authorized_and_reserved < need
    else:
        condition = authorized_and_reserved > need
    shortfall = Figure(
        label="reserve shortfall",
        value=int(gap),
        unit=SHARES,
        formula="max(0, Reserved Amount - Authorized and Reserved Shares)",
        inputs=(
            required,
            Figure(
                label="Authorized and Reserved Shares", value=authorized_and_reserved, unit=SHARES
            ),
        ),
        assumptions=(f"reserve.shortfall_reading={reading}",),
    )
    return ShortfallStatus(shortfall=shortfall, starts_clock=condition)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ApprovalClock:
    """When the 30-day stockholder-approval clock starts, and when SLDA would begin."""

    clock_start: Figure
    penalty_from: Figure
    """The first day of SLDA if no approval is obtained by then (None: clock not running)."""


def approval_clock(
    *,
    shortfall_on: date,
    stockholder_approval_on: date | None,
    window: Duration,
    clock: DealClock,
    conventions: Conventions,
    clauses: tuple[ClauseRef, ...] = (),
) -> ApprovalClock:
    """The approval clock of §4(h): start, then start + ``window`` (30 days).

    Under ``measure-only`` the clock starts at the later of the shortfall and the
    Stockholder Approval, and does not run before that approval; under
    ``measure-and-penalize`` it starts at the shortfall.
    """
    gate = conventions.reserve_gate_before_approval
    start: date | None = shortfall_on
    if gate == "measure-only":
        start = (
            None if stockholder_approval_on is None else max(shortfall_on, stockholder_approval_on)
        )
    assumptions = (f"reserve.gate_before_approval={gate}",)
    start_figure = Figure(
        label="approval clock start",
        value=start,
        unit="date",
        formula="shortfall date"
        if gate != "measure-only"
        else "later of shortfall and Stockholder Approval",
        inputs=(
            Figure(label="shortfall date", value=shortfall_on, unit="date"),
            Figure(label="Stockholder Approval", value=stockholder_approval_on, unit="date"),
        ),
        clauses=clauses,
        assumptions=assumptions,
    )
    penalty = None if start is None else clock.add(start, window)
    return ApprovalClock(
        clock_start=start_figure,
        penalty_from=Figure(
            label="SLDA from (no approval)",
            value=penalty,
            unit="date",
            formula=f"clock start + {clock.describe(window)}",
            inputs=(start_figure,),
            clauses=clauses,
        ),
    )


def headroom(cap: Capitalization, *, clauses: tuple[ClauseRef, ...] = ()) -> Figure:
    """Authorized minus outstanding minus every pre-existing reserve (may be negative).

    G-10 Insynq: ``250,000,000 - 66,527,503 - 23,722,925 - 159,749,572 = 0``.
    """
    inputs = (
        Figure(label="authorized common", value=cap.authorized_common, unit=SHARES),
        Figure(label="outstanding common", value=cap.outstanding_common, unit=SHARES),
        *(
            Figure(label=f"reserved: {line.label}", value=line.shares, unit=SHARES)
            for line in cap.reserves
        ),
    )
    return Figure(
        label=f"authorized-share headroom as of {cap.as_of}",
        value=cap.headroom,
        unit=SHARES,
        formula="authorized - outstanding - reserves",
        inputs=inputs,
        clauses=clauses or tuple(c.ref() for c in cap.cite),
    )


def capacity_after(available: Figure, requirements: Sequence[tuple[str, int]]) -> Figure:
    """Shares left after ``requirements`` (negative: the requirements exceed the headroom)."""
    needs = tuple(Figure(label=label, value=shares, unit=SHARES) for label, shares in requirements)
    left = as_fraction(available) - sum(shares for _, shares in requirements)
    return Figure(
        label="shares left after requirements",
        value=int(left),
        unit=SHARES,
        formula="available - " + " - ".join(label for label, _ in requirements),
        inputs=(available, *needs),
    )


def minimum_authorized(cap: Capitalization, required: Figure) -> Figure:
    """Authorized shares needed: outstanding + pre-existing reserves + this deal's need.

    G-10 Amnis: ``380,000,000 + 295,714,286 = 675,714,286``.
    """
    committed = Figure(label="outstanding + reserves", value=cap.committed, unit=SHARES)
    return Figure(
        label="minimum authorized common",
        value=int(cap.committed + as_fraction(required)),
        unit=SHARES,
        formula="outstanding + reserves + deal requirement",
        inputs=(committed, required),
    )


def pro_rata_allocation(
    available: int,
    principal_by_holder: Mapping[str, Decimal],
    *,
    rounding: Rounding = Rounding.DOWN,
) -> dict[str, Figure]:
    """A partial reserve split by principal (AMN-SPA §4(h); base: principal purchased).

    >>> split = pro_rata_allocation(20_000_000, {"sds": Decimal(500_000), "alpha": Decimal(350_000),
    ...                                           "bristol": Decimal(150_000)})
    >>> [f.value for f in split.values()]
    [10000000, 7000000, 3000000]
    """
    total = sum(principal_by_holder.values(), Decimal(0))
    if total <= 0:
        raise ValueError("pro-rata allocation needs a positive total principal")
    out: dict[str, Figure] = {}
    for holder, principal in principal_by_holder.items():
        share = Fraction(principal) / Fraction(total)
        out[holder] = Figure(
            label=f"reserve allocated to {holder}",
            value=round_shares(available * share, rounding),
            unit=SHARES,
            formula=f"available x principal / total principal = {available} x {share}, rounded {rounding}",
            inputs=(
                Figure(label="shares available", value=available, unit=SHARES),
                Figure(label=f"principal of {holder}", value=principal, unit=USD),
                Figure(label="total principal", value=total, unit=USD),
            ),
            assumptions=("pro-rata base=principal purchased",),
        )
    return out


def reserve_list_due(year: int, month: int, *, terms: ReserveList, clock: DealClock) -> Figure:
    """Due date of the list for a month: its last calendar day + 5 business days (G-28).

    >>> from dealbook.terms.conventions import Conventions
    >>> from dealbook.terms.reserves import ReserveList
    >>> terms = ReserveList(due_after_month_end="5 business-days")
    >>> reserve_list_due(2002, 12, terms=terms, clock=DealClock.of(Conventions())).value
    datetime.date(2003, 1, 8)
    """
    month_end = date(year, month, days_in_month(year, month))
    due = clock.add(month_end, terms.due_after_month_end)
    return Figure(
        label=f"reserve list due for {year:04d}-{month:02d}",
        value=due,
        unit="date",
        formula=f"month end {month_end} + {clock.describe(terms.due_after_month_end)}",
        clauses=tuple(c.ref() for c in terms.cite),
        assumptions=(f"calendar.business_day={clock.business.label}",),
    )


def reserve_list_schedule(
    *, closing: date, through: date, terms: ReserveList, clock: DealClock
) -> list[Figure]:
    """Due dates of every monthly list from the first month (per ``first_month``) to ``through``."""
    year, month = closing.year, closing.month
    if terms.first_month == "month-after-closing":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    out: list[Figure] = []
    while date(year, month, days_in_month(year, month)) <= through:
        out.append(reserve_list_due(year, month, terms=terms, clock=clock))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
