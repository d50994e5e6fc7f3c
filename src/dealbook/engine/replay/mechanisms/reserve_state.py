"""The reserve on any day: required shares, Authorized and Reserved Shares, shortfall episodes.

INS-SPA §4(h), AMN-SPA §4(h) (M-RES-1, M-RES-3), HYT §3.1(d) and Sch. 3.1(c) (M-RES-4).
The Reserved Amount is ``multiple x`` the shares issuable on full conversion of the
outstanding principal at the Conversion Price in effect, plus the warrant shares the deal
counts; accrued interest is not in it (M-RES-1's formula; only the monthly reserve *list*
adds a year of interest, M-RES-2). The shares
available ("Authorized and Reserved Shares") come from the last ``capitalization`` event
(fields filled forward; before any, the deal's §3(c) capitalization), less the shares
issued to holders since that report. A deal without a ``reservation`` clause (Hy-Tech)
is measured at 1x against the shares it escrowed (its §3.1(d) "adequate reserve").

:func:`shortfall_episodes` is what the SLDA mechanism reads (M-LD-2 T3); the monthly
reserve lists (T4) are in ``reserve_lists.py``.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.calendar import CalendarRangeError
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.interest import USD
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.pricing import conversion_price
from dealbook.engine.replay.pricing import price_value
from dealbook.ledger.events_filings import StockholderApprovalObtained
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import ConversionRevoked
from dealbook.ledger.events_holders import EscrowTopUp
from dealbook.ledger.events_holders import RedemptionDemand
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import CapitalChange
from dealbook.ledger.events_money import CapitalizationReported
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding
from dealbook.ledger.events_money import Payment
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import FixedPrice
from dealbook.terms.securities import Floor
from dealbook.terms.securities import PriceFormula

SHARES = "shares"
RESERVE_LIST = "reserve_list"

Episode = tuple[date, date | None, str]
"""``(first day, last day or None while running, why)``."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DayReserve:
    """The reserve on one day (end of day)."""

    day: date
    required: Figure
    """The Reserved Amount (whole shares)."""
    available: int
    """Authorized and Reserved Shares for the deal."""
    authorized: int | None
    outstanding: int | None
    other_reserves: int
    headroom: int | None
    """``authorized - outstanding - other reserves - reserved for the deal`` (negative: over-committed)."""
    figure: Figure


def multiple(ctx: ReplayContext) -> Decimal:
    """The reserve multiple (2 under INS/AMN §4(h); 1 for a deal without the clause)."""
    terms = ctx.deal.reservation
    return Decimal(1) if terms is None else Decimal(terms.multiple)


def approvals(ctx: ReplayContext) -> list[date]:
    """Days of every ``stockholder_approval`` event up to the as-of date."""
    cached = ctx.cache.get("reserve_approvals")
    if not isinstance(cached, list):
        cached = [item.date for item in ctx.events(StockholderApprovalObtained)]
        ctx.cache["reserve_approvals"] = cached
    return list(cached)


def _counts_additional(ctx: ReplayContext) -> bool:
    terms = ctx.deal.reservation
    if terms is None:
        return True
    return (
        "additional-debentures" not in terms.counts and "additional-warrants" not in terms.counts
    ) or ctx.conventions.additional_instruments != "ignore"


def _funding_date_instruments(ctx: ReplayContext, day: date) -> tuple[Decimal, int]:
    """Principal and warrant shares issued at Funding Dates (not at a Closing) by ``day``."""
    principal, warrants = Decimal(0), 0
    for item in ctx.events(Funding):
        if item.date <= day:
            principal += sum((line.principal for line in item.fundings), Decimal(0))
            warrants += sum(line.warrants for line in item.fundings)
    return principal, warrants


def warrants_on(ctx: ReplayContext, day: date) -> int:
    """Warrant shares granted by ``day`` (closings and fundings) less those exercised by then."""
    cached = ctx.cache.get("reserve_warrant_steps")
    if not isinstance(cached, tuple):
        funded: list[Closing | Funding] = [*ctx.events(Closing), *ctx.events(Funding)]
        steps = sorted(
            [(item.date, sum(line.warrants for line in item.fundings)) for item in funded]
            + [(item.date, -item.shares) for item in ctx.events(WarrantExercise)]
        )
        totals = [0]
        for _, delta in steps:
            totals.append(totals[-1] + delta)
        cached = ([d for d, _ in steps], totals)
        ctx.cache["reserve_warrant_steps"] = cached
    days, running = cached
    return int(running[bisect_right(days, day)])


def _counted(ctx: ReplayContext, book: Book, day: date) -> tuple[Decimal, int, list[str]]:
    """Principal outstanding and warrant shares the Reserved Amount counts at ``day``."""
    principal = book.total_principal_on(day)
    warrants = warrants_on(ctx, day)
    notes = [f"ins.additional_instruments={ctx.conventions.additional_instruments}"]
    if not _counts_additional(ctx):
        extra_p, extra_w = _funding_date_instruments(ctx, day)
        principal = max(principal - extra_p, Decimal(0))
        warrants = max(warrants - extra_w, 0)
        notes.append("Funding-Date Debentures and Warrants not counted")
    return principal, warrants, notes


def required_value(ctx: ReplayContext, book: Book, day: date) -> int | None:
    """:func:`required_on`'s value alone (fast; for scanning every day).

    ``ceil(multiple x (principal / price + warrants))`` in integer arithmetic.
    """
    cp = price_value(ctx, day)
    if cp is None or cp <= 0:
        return None
    principal, warrants, _ = _counted(ctx, book, day)
    a, b = principal.as_integer_ratio()
    m, n = multiple(ctx).as_integer_ratio()
    numerator = m * (a * cp.denominator + warrants * b * cp.numerator)
    denominator = n * b * cp.numerator
    return -(-numerator // denominator)


def required_on(ctx: ReplayContext, book: Book, day: date) -> Figure | None:
    """The Reserved Amount at the end of ``day``, or None when no Conversion Price is known."""
    price = conversion_price(ctx, day)
    if not price.ok:
        return None
    cp = Fraction(price.price)
    terms = ctx.deal.reservation
    principal, warrants, notes = _counted(ctx, book, day)
    conv = Fraction(principal) / cp
    factor = multiple(ctx)
    value = Fraction(factor) * (conv + warrants)
    clauses = tuple(c.ref() for c in terms.cite) if terms else ()
    return Figure(
        label=f"Reserved Amount on {day}",
        value=round_shares(value, Rounding.UP),
        unit=SHARES,
        formula=f"{factor} x (principal / Conversion Price + warrant shares) "
        f"= {exact(value)}, rounded up",
        inputs=(
            Figure(label="outstanding principal", value=principal, unit=USD),
            price.figure,
            Figure(label="warrant shares outstanding", value=warrants, unit=SHARES),
        ),
        clauses=clauses,
        assumptions=(
            "reserve rounding=up (the covenant is a minimum)",
            "accrued interest not reserved (M-RES-1)",
            *notes,
        ),
    )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Available:
    """The shares available for the deal on a day, and where the numbers came from."""

    available: int
    authorized: int | None
    outstanding: int | None
    reserved: int
    other: int
    since: date
    issued: int
    source: str


def _available(ctx: ReplayContext, book: Book, day: date) -> Available:
    """Authorized and Reserved Shares at the end of ``day``."""
    cap = ctx.deal.capitalization
    other = sum(line.shares for line in cap.reserves)
    snap = book.capitalization_on(day)
    authorized: int | None = cap.authorized_common
    outstanding: int | None = cap.outstanding_common
    reserved: int | None = None
    since = cap.as_of
    outstanding_since = cap.as_of
    source = f"deal capitalization as of {cap.as_of}"
    if snap is not None:
        authorized = snap.authorized if snap.authorized is not None else authorized
        if snap.outstanding is not None:
            outstanding = snap.outstanding
            outstanding_since = snap.outstanding_day or snap.day
        reserved = snap.reserved
        since = snap.reserved_day or snap.day
        source = f"capitalization reported {snap.day}"
    if reserved is None:
        reserved, why = _stated_reserve(ctx, day, authorized, outstanding, other)
        source += f"; reserved: {why}"
    issued = book.shares_issued_since(since, day)
    if outstanding is not None:
        outstanding += book.shares_issued_since(outstanding_since, day)
    return Available(
        available=max(reserved - issued, 0),
        authorized=authorized,
        outstanding=outstanding,
        reserved=reserved,
        other=other,
        since=since,
        issued=issued,
        source=source,
    )


def reserve_on(ctx: ReplayContext, book: Book, day: date) -> DayReserve | None:
    """The reserve at the end of ``day`` (None: no Conversion Price, so no requirement)."""
    required = required_on(ctx, book, day)
    if required is None:
        return None
    cap = ctx.deal.capitalization
    found = _available(ctx, book, day)
    available, authorized, outstanding = found.available, found.authorized, found.outstanding
    other, reserved, since, issued, source = (
        found.other,
        found.reserved,
        found.since,
        found.issued,
        found.source,
    )
    headroom = None
    if authorized is not None and outstanding is not None:
        headroom = authorized - outstanding - other - available
    need = required.value
    assert isinstance(need, int)
    figure = Figure(
        label=f"reserve on {day}",
        value=max(need - available, 0),
        unit=SHARES,
        formula="shortfall = max(0, Reserved Amount - Authorized and Reserved Shares)",
        inputs=(
            required,
            Figure(
                label="Authorized and Reserved Shares",
                value=available,
                unit=SHARES,
                formula=f"reserved {reserved} - shares issued since {since} ({issued})",
                assumptions=(source,),
            ),
            Figure(
                label="headroom",
                value=headroom,
                unit=SHARES,
                formula="authorized - outstanding - other reserves - reserved for the deal",
                inputs=(
                    Figure(label="authorized", value=authorized, unit=SHARES),
                    Figure(label="outstanding", value=outstanding, unit=SHARES),
                    Figure(label="other reserves", value=other, unit=SHARES),
                ),
                clauses=tuple(c.ref() for c in cap.cite),
            ),
        ),
    )
    return DayReserve(
        day=day,
        required=required,
        available=available,
        authorized=authorized,
        outstanding=outstanding,
        other_reserves=other,
        headroom=headroom,
        figure=figure,
    )


def _stated_reserve(
    ctx: ReplayContext, day: date, authorized: int | None, outstanding: int | None, other: int
) -> tuple[int, str]:
    """Shares reserved for the deal when no report states them (from §3(c))."""
    deal = ctx.deal.capitalization.deal_reserve
    if deal is None:
        return 0, "none stated"
    if deal.status != "to-be-reserved":
        return deal.shares, f"{deal.shares} {deal.status} as stated in §3(c)"
    approved = [d for d in approvals(ctx) if d <= day]
    if approved:
        return deal.shares, f"{deal.shares} reserved from the Stockholder Approval {approved[0]}"
    free = max((authorized or 0) - (outstanding or 0) - other, 0)
    return free, f"before approval the free authorized shares ({free}) are reserved pro rata"


_RESERVE_INPUTS = (
    Closing,
    Funding,
    ConversionNotice,
    ConversionRevoked,
    WarrantExercise,
    CapitalizationReported,
    CapitalChange,
    StockholderApprovalObtained,
    Payment,
    RedemptionDemand,
    EscrowTopUp,
)
"""Events that can change the principal, the warrants, the shares issued or available."""


def change_days(ctx: ReplayContext, first: date) -> list[date]:
    """Days in ``[first, as_of]`` on which the reserve condition can change.

    The requirement moves with the Conversion Price, whose lookback window shifts on the
    day after each trading day (and on the trading day itself when the window includes
    the conversion date), and with events (fundings, conversions,
    capitalization reports, approvals); between two such days nothing it reads changes.
    """
    days: set[date] = {first}
    trading = ctx.clock.trading
    same_day = _reads_conversion_day(ctx.deal.securities.debentures[0].conversion.price)
    try:
        day = first if trading.is_day(first) else trading.add(first, 1)
        while day <= ctx.as_of:
            if same_day:
                days.add(day)
            days.add(day + timedelta(days=1))
            day = trading.add(day, 1)
    except CalendarRangeError:
        pass
    for entry in ctx.entries:
        if isinstance(entry.event, _RESERVE_INPUTS):
            days.add(entry.event.date)
            days.add(entry.event.date + timedelta(days=1))
    return sorted(d for d in days if first <= d <= ctx.as_of)


def _reads_conversion_day(formula: PriceFormula) -> bool:
    """Whether a price formula's window includes the conversion date itself."""
    if isinstance(formula, DiscountToAverage):
        return formula.include_conversion_date
    if isinstance(formula, FixedPrice):
        return False
    if isinstance(formula, Floor):
        return _reads_conversion_day(formula.of)
    return any(_reads_conversion_day(part) for part in formula.of)


def _holds(ctx: ReplayContext, book: Book, day: date, *, literal: bool) -> bool:
    """The §4(h) clock condition on ``day`` (False when no Conversion Price is known)."""
    need = required_value(ctx, book, day)
    if need is None:
        return False
    available = _available(ctx, book, day).available
    return available > need if literal else available < need


def shortfall_days(ctx: ReplayContext, book: Book) -> list[tuple[date, bool]]:
    """``(day, condition holds)`` on each day the condition can change (see :func:`change_days`).

    The condition is the §4(h) clock condition under ``reserve.shortfall_reading``:
    ``below`` (default) holds when the Authorized and Reserved Shares are below the
    Reserved Amount; ``literal-exceeds`` when they exceed it (D-INS-3, as written).
    Days without a Conversion Price count as not holding. On a day not listed the
    condition is that of the last listed day before it.
    """
    first = book.first_funding()
    if first is None:
        return []
    literal = ctx.conventions.reserve_shortfall_reading == "literal-exceeds"
    return [(day, _holds(ctx, book, day, literal=literal)) for day in change_days(ctx, first)]


def shortfall_episodes(ctx: ReplayContext, book: Book) -> list[Episode]:
    """Runs of days on which the §4(h) clock condition holds: ``(first, last or None, why)``.

    ``last`` is the day the condition stopped holding (the day the reserve was restored),
    None while it still holds at the as-of date.
    """
    key = ("shortfall_episodes", id(book))
    cached = ctx.cache.get(key)
    if isinstance(cached, list):
        return list(cached)
    reading = ctx.conventions.reserve_shortfall_reading
    why = (
        "Authorized and Reserved Shares below the Reserved Amount"
        if reading == "below"
        else "Authorized and Reserved Shares exceed the Reserved Amount (literal D-INS-3)"
    )
    out: list[Episode] = []
    start: date | None = None
    for day, holds in shortfall_days(ctx, book):
        if holds and start is None:
            start = day
        elif not holds and start is not None:
            out.append((start, day, why))
            start = None
    if start is not None:
        out.append((start, None, why))
    ctx.cache[key] = out
    return list(out)
