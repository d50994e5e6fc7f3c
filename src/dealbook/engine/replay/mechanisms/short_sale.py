"""Replay mechanism: the Hy-Tech short-sale restriction (HYT §4.26, M-CONV-2).

The Purchaser may not sell short until the earlier of the day it no longer owns the
Debentures and the Maturity Date; shares issuable on conversion or exercise count as held
long if a Notice of Conversion or Exercise for them is delivered within 2 Trading Days
following the Trading Day of the sale. Each ``short_sale`` becomes a Deadline of the
holder, due at the end of its cover window (:func:`dealbook.engine.warrants.short_sale_cover`,
reading ``hyt.short_sale_window``): ``met`` on the day the notices reach the shares sold
beyond the long position, ``moot`` when the long position or the end of the restriction
covers the sale, ``missed`` (with a ``REPLAY-SHORT-SALE-UNCOVERED`` warning) otherwise.

Covering notices of the holder: ``conversion_notice`` (its shares are those the
conversions mechanism accepted, else principal and interest over the Conversion Price
that day, rounded per ``rounding.shares``), ``warrant_exercise`` (its shares), and a
``notice`` of kind ``conversion`` or ``exercise`` without a share count, which is read as
covering the whole sale. The long position is the shares delivered to the holder through
the sale day (``shares_delivered``, payments in shares). Each notice share and long
share covers one sale only, earliest sale first.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from fractions import Fraction

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.core.numbers import round_shares
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.engine.replay.pricing import conversion_price
from dealbook.engine.warrants import Delivery
from dealbook.engine.warrants import short_sale_cover
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.base import PaymentForm
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import SharesDelivered
from dealbook.ledger.events_holders import ShortSale
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import Payment
from dealbook.terms.limits import ShortSales

OBLIGATIONS: Owned = {"cover": frozenset({"short-sale-cover"})}
"""The dated obligations the short-sale mechanism judges (HYT §4.26)."""

HANDLERS: dict[type[EventBase], Handler] = {}

BARE_NOTICE = "a notice of conversion or exercise without a share count covers the whole sale"


@dataclasses.dataclass(slots=True, kw_only=True)
class _Notice:
    day: date
    shares: int | None
    """None for a bare ``notice`` (covers the whole sale)."""


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """One cover Deadline per short sale; a warning for each sale left uncovered."""
    out = Contribution()
    terms = ctx.deal.limits.short_sales
    if terms is None or terms.permitted:
        return out
    for holder in ctx.deal.holder_ids():
        sales = [(i, s) for i, s in ctx.of_type(ShortSale) if s.holder == holder]
        if not sales:
            continue
        notices = _notices(ctx, book, holder)
        longs = _long_deliveries(ctx, holder)
        used_long = 0
        for number, (index, sale) in enumerate(sales, start=1):
            long_position = max(sum(n for d, n in longs if d <= sale.date) - used_long, 0)
            deadline, used, diagnostic = _one(
                ctx, book, terms, holder, number, index, sale, long_position, notices
            )
            used_long += used
            out.deadlines.append(deadline)
            if diagnostic is not None:
                out.diagnostics.append(diagnostic)
    return out


def _one(
    ctx: ReplayContext,
    book: Book,
    terms: ShortSales,
    holder: str,
    number: int,
    index: int,
    sale: ShortSale,
    long_position: int,
    notices: list[_Notice],
) -> tuple[Deadline, int, Diagnostic | None]:
    """Test one sale, consuming the notice shares it uses; returns the long shares used."""
    bare = [n for n in notices if n.shares is None]
    counted = [Delivery(day=n.day, shares=n.shares) for n in notices if n.shares]
    test = short_sale_cover(
        sale_day=sale.date,
        shares_sold=sale.shares,
        long_position=long_position,
        deliveries=counted,
        short_sales=terms,
        conventions=ctx.conventions,
        clock=ctx.clock,
    )
    include = ctx.conventions.short_sale_window == "include-sale-day"

    def in_window(day: date) -> bool:
        after = test.window_start <= day if include else test.window_start < day
        return after and day <= test.window_end

    uncovered = int(figure_fraction(test.uncovered))
    ident = sale.id or f"{holder}:{sale.date.isoformat()}:{number}"
    maturity = ctx.deal.securities.debentures[0].maturity.value
    restriction_over = sale.date >= maturity or (
        book.funded_on(holder, sale.date) > 0 and not book.principal_on(holder, sale.date)
    )
    figure = Figure(
        label="short-sale cover window ends",
        value=test.window_end,
        formula=f"trading day of the sale {test.window_start.isoformat()} + cover window",
        inputs=(test.uncovered, test.notices),
        clauses=tuple(c.ref() for c in terms.cite),
        assumptions=test.notices.assumptions + ((BARE_NOTICE,) if bare else ()),
    )
    done_on: date | None = None
    need = uncovered
    for notice in sorted(notices, key=lambda n: n.day):
        if need <= 0 or not in_window(notice.day):
            continue
        if notice.shares is None:
            need, done_on, notice.shares = 0, notice.day, 0
            continue
        take = min(notice.shares, need)
        notice.shares -= take
        need -= take
        if need == 0:
            done_on = notice.day
    if restriction_over or uncovered == 0:
        status, done_on = Status.MOOT, None
    elif need <= 0:
        status = Status.MET
    elif ctx.as_of <= test.window_end:
        status, done_on = Status.OPEN, None
    else:
        status, done_on = Status.MISSED, None
    deadline = Deadline(
        id=f"short-sale-cover:{ident}",
        clause=_clause(terms),
        what=(
            f"deliver Notices of Conversion or Exercise for the {uncovered:,} shares sold "
            f"short on {sale.date.isoformat()} beyond the long position"
        ),
        obligor=holder,
        due=test.window_end,
        status=status,
        done_on=done_on,
        figure=figure,
    )
    diagnostic = None
    if status is Status.MISSED:
        diagnostic = ctx.diagnostic(
            "REPLAY-SHORT-SALE-UNCOVERED",
            f"short sale of {sale.shares:,} shares by {holder} on {sale.date.isoformat()} is "
            f"not covered: {need:,} shares lack a Notice of Conversion or Exercise delivered "
            f"by {test.window_end.isoformat()} (HYT §4.26)",
            index,
            hint="record the covering conversion_notice / warrant_exercise, or treat it as a breach",
            error=False,
        )
    return deadline, min(long_position, sale.shares), diagnostic


def _clause(terms: ShortSales) -> str:
    return str(terms.cite[0]) if terms.cite else "cdpa:4.26"


def _notices(ctx: ReplayContext, book: Book, holder: str) -> list[_Notice]:
    accepted = {c.index: c.shares for c in book.conversions if c.holder == holder}
    out: list[_Notice] = []
    for index, item in ctx.of_type(ConversionNotice):
        if item.holder != holder:
            continue
        shares = accepted.get(index)
        if shares is None:
            shares = _shares_at_price(ctx, item)
        out.append(_Notice(day=item.date, shares=shares))
    for exercise in ctx.events(WarrantExercise):
        if exercise.holder == holder:
            out.append(_Notice(day=exercise.date, shares=exercise.shares))
    for notice in ctx.events(Notice):
        if notice.from_ == holder and notice.kind in (NoticeKind.CONVERSION, NoticeKind.EXERCISE):
            out.append(_Notice(day=notice.date, shares=None))
    return out


def _shares_at_price(ctx: ReplayContext, item: ConversionNotice) -> int:
    price = conversion_price(ctx, item.date)
    if not price.ok:
        return 0
    amount = Fraction(item.principal) + Fraction(item.interest or 0)
    return round_shares(amount / figure_fraction(price.figure), ctx.conventions.share_rounding)


def _long_deliveries(ctx: ReplayContext, holder: str) -> list[tuple[date, int]]:
    out = [(d.date, d.shares) for d in ctx.events(SharesDelivered) if d.holder == holder]
    out += [
        (p.date, p.shares)
        for p in ctx.events(Payment)
        if p.payee == holder and p.form is PaymentForm.SHARES and p.shares
    ]
    return out
