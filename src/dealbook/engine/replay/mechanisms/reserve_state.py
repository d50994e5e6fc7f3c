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

:func:`shortfall_episodes` and :func:`late_reserve_list_episodes` are what the SLDA
mechanism reads (M-LD-2 T3 and T4).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.arith import days_in_month
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.interest import USD
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.pricing import conversion_price
from dealbook.engine.reserve import reserve_list_due
from dealbook.ledger.events_filings import ReportDelivered
from dealbook.ledger.events_filings import StockholderApprovalObtained
from dealbook.ledger.events_money import Funding
from dealbook.terms.reserves import ReserveList

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
    return [item.date for item in ctx.events(StockholderApprovalObtained)]


def _counts_additional(ctx: ReplayContext) -> bool:
    terms = ctx.deal.reservation
    if terms is None:
        return True
    extra = {"additional-debentures", "additional-warrants"} & set(terms.counts)
    return not extra or ctx.conventions.additional_instruments != "ignore"


def _funding_date_instruments(ctx: ReplayContext, day: date) -> tuple[Decimal, int]:
    """Principal and warrant shares issued at Funding Dates (not at a Closing) by ``day``."""
    principal, warrants = Decimal(0), 0
    for item in ctx.events(Funding):
        if item.date <= day:
            principal += sum((line.principal for line in item.fundings), Decimal(0))
            warrants += sum(line.warrants for line in item.fundings)
    return principal, warrants


def required_on(ctx: ReplayContext, book: Book, day: date) -> Figure | None:
    """The Reserved Amount at the end of ``day``, or None when no Conversion Price is known."""
    price = conversion_price(ctx, day)
    if not price.ok:
        return None
    cp = Fraction(price.price)
    terms = ctx.deal.reservation
    principal = book.total_principal_on(day)
    warrants = sum(h.warrants_granted - h.warrants_exercised for h in book.holders.values())
    notes = [f"ins.additional_instruments={ctx.conventions.additional_instruments}"]
    if not _counts_additional(ctx):
        extra_p, extra_w = _funding_date_instruments(ctx, day)
        principal = max(principal - extra_p, Decimal(0))
        warrants = max(warrants - extra_w, 0)
        notes.append("Funding-Date Debentures and Warrants not counted")
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


def reserve_on(ctx: ReplayContext, book: Book, day: date) -> DayReserve | None:
    """The reserve at the end of ``day`` (None: no Conversion Price, so no requirement)."""
    required = required_on(ctx, book, day)
    if required is None:
        return None
    cap = ctx.deal.capitalization
    other = sum(line.shares for line in cap.reserves)
    snap = book.capitalization_on(day)
    authorized: int | None = cap.authorized_common
    outstanding: int | None = cap.outstanding_common
    reserved: int | None = None
    since = cap.as_of
    source = f"deal capitalization as of {cap.as_of}"
    if snap is not None:
        authorized = snap.authorized if snap.authorized is not None else authorized
        outstanding = snap.outstanding if snap.outstanding is not None else outstanding
        reserved = snap.reserved
        since = snap.day
        source = f"capitalization reported {snap.day}"
    if reserved is None:
        reserved, why = _stated_reserve(ctx, day, authorized, outstanding, other)
        source += f"; reserved: {why}"
    issued = book.shares_issued_since(since, day)
    available = max(reserved - issued, 0)
    if outstanding is not None:
        outstanding += issued
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


def shortfall_days(ctx: ReplayContext, book: Book) -> list[tuple[date, bool]]:
    """``(day, condition holds)`` from the first funding to the as-of date.

    The condition is the §4(h) clock condition under ``reserve.shortfall_reading``:
    ``below`` (default) holds when the Authorized and Reserved Shares are below the
    Reserved Amount; ``literal-exceeds`` when they exceed it (D-INS-3, as written).
    Days without a Conversion Price count as not holding.
    """
    first = book.first_funding()
    if first is None:
        return []
    literal = ctx.conventions.reserve_shortfall_reading == "literal-exceeds"
    out: list[tuple[date, bool]] = []
    day = first
    while day <= ctx.as_of:
        state = reserve_on(ctx, book, day)
        holds = False
        if state is not None:
            need = state.required.value
            assert isinstance(need, int)
            holds = state.available > need if literal else state.available < need
        out.append((day, holds))
        day += timedelta(days=1)
    return out


def shortfall_episodes(ctx: ReplayContext, book: Book) -> list[Episode]:
    """Runs of days on which the §4(h) clock condition holds: ``(first, last or None, why)``.

    ``last`` is the day the condition stopped holding (the day the reserve was restored),
    None while it still holds at the as-of date.
    """
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
    return out


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ListMonth:
    """One monthly reserve list: its month, due date and delivery per holder."""

    month: str
    month_end: date
    due: Figure
    delivered: dict[str, date | None]


def _months(ctx: ReplayContext, book: Book, terms: ReserveList) -> list[tuple[int, int]]:
    first = book.first_funding()
    if first is None:
        return []
    year, month = first.year, first.month
    if terms.first_month == "month-after-closing":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    out: list[tuple[int, int]] = []
    while date(year, month, days_in_month(year, month)) < ctx.as_of:
        end = date(year, month, days_in_month(year, month))
        if out and book.total_principal_on(end) <= 0 and not _warrants_left(book):
            break
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _warrants_left(book: Book) -> bool:
    return any(h.warrants_granted > h.warrants_exercised for h in book.holders.values())


def payees(ctx: ReplayContext, book: Book, day: date) -> list[str]:
    """Holders who had funded principal by ``day`` (the Buyers a list or SLDA is owed to)."""
    return [h for h in ctx.deal.holder_ids() if book.funded_on(h, day) > 0]


def reserve_list_months(ctx: ReplayContext, book: Book) -> list[ListMonth]:
    """Every monthly list due by the as-of date's month, with its delivery to each holder.

    A list delivered on a day covers every month that ended on or before that day (it
    states the current counts); ``to`` limits it to one holder.
    """
    terms = ctx.deal.reservation.reserve_list if ctx.deal.reservation else None
    if terms is None:
        return []
    deliveries = [
        (item.date, item.to) for item in ctx.events(ReportDelivered) if item.kind == RESERVE_LIST
    ]
    out: list[ListMonth] = []
    for year, month in _months(ctx, book, terms):
        end = date(year, month, days_in_month(year, month))
        delivered: dict[str, date | None] = {}
        for holder in payees(ctx, book, end):
            days = [d for d, to in deliveries if d >= end and to in (None, holder)]
            delivered[holder] = min(days) if days else None
        out.append(
            ListMonth(
                month=f"{year:04d}-{month:02d}",
                month_end=end,
                due=reserve_list_due(year, month, terms=terms, clock=ctx.clock),
                delivered=delivered,
            )
        )
    return out


def late_reserve_list_episodes(
    ctx: ReplayContext, book: Book, holder: str | None = None
) -> list[Episode]:
    """Late lists: ``(first late day, delivery day or None, why)``, one per late month.

    With ``holder`` the delivery to that holder ends the episode; without, the day the
    last holder received it. Months delivered by their due date have no episode.
    """
    out: list[Episode] = []
    for item in reserve_list_months(ctx, book):
        due = item.due.value
        assert isinstance(due, date)
        if holder is not None:
            if holder not in item.delivered:
                continue
            done = item.delivered[holder]
        else:
            days = list(item.delivered.values())
            done = None if not days or None in days else max(d for d in days if d is not None)
        if done is not None and done <= due:
            continue
        if done is None and due >= ctx.as_of:
            continue
        out.append((due + timedelta(days=1), done, f"reserve list for {item.month} due {due}"))
    return out
