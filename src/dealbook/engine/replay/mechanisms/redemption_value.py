"""The §4.19 valuation inputs of a redemption demand: suspensions, market values, the price.

A suspension runs from ``trading_halted`` to ``trading_resumed`` (or ``listing_lost`` to
``listing_restored``); only one starting on or after the Closing counts (before it,
§5.1(a)(vi) applies). Per Share Market Value: the closing bid (HYT L338-353 (c), the
OTCBB), the close where no bid is recorded, and on a trading day without a quote (the
suspension) the last prior value ("or the last prior sale" / "the last bid on the nearest
preceding date"); the Conversion Price for the Underlying Shares issuable reads the same
filled history.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.core.numbers import divide
from dealbook.core.numbers import round_shares
from dealbook.engine.conversion_price import PriceHistory
from dealbook.engine.conversion_price import evaluate_price
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.redemption import RedemptionResult
from dealbook.engine.redemption import WarrantPosition
from dealbook.engine.redemption import average_before
from dealbook.engine.redemption import redemption_amount
from dealbook.engine.redemption import redemption_price
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import interest_value
from dealbook.engine.replay.context import ReplayContext
from dealbook.ledger.events_filings import ListingLost
from dealbook.ledger.events_filings import ListingRestored
from dealbook.ledger.events_filings import TradingHalted
from dealbook.ledger.events_filings import TradingResumed
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import Closing
from dealbook.terms.defaults import Redemption
from dealbook.terms.securities import PriceField

PSMV = "Per Share Market Value = closing bid (close if none; last prior value on a day without a quote)"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Suspension:
    """One trading suspension or delisting and its reinstatement window."""

    start: date
    ended: date | None
    deadline: date
    index: int

    def triggered_by(self, day: date) -> bool:
        """True when, on ``day``, the suspension has outlasted its reinstatement window."""
        return day > self.deadline and (self.ended is None or self.ended > self.deadline)


def suspensions(ctx: ReplayContext) -> list[Suspension]:
    """Every suspension or delisting after the Closing, with its reinstatement deadline."""
    terms = ctx.deal.defaults.redemption
    closing = ctx.first(Closing)
    if terms is None or closing is None:
        return []
    out: list[Suspension] = []
    for stop, restart in ((TradingHalted, TradingResumed), (ListingLost, ListingRestored)):
        current: tuple[int, date] | None = None
        for entry in ctx.entries:
            if isinstance(entry.event, stop) and current is None:
                current = (entry.index, entry.event.date)
            elif isinstance(entry.event, restart) and current is not None:
                out.append(_suspension(ctx, terms, current, entry.event.date))
                current = None
        if current is not None:
            out.append(_suspension(ctx, terms, current, None))
    return sorted((s for s in out if s.start >= closing.date), key=lambda s: s.start)


def _suspension(
    ctx: ReplayContext, terms: Redemption, begun: tuple[int, date], ended: date | None
) -> Suspension:
    index, start = begun
    deadline = ctx.clock.add(start, terms.reinstatement_window)
    return Suspension(start=start, ended=ended, deadline=deadline, index=index)


def market_values(ctx: ReplayContext) -> PriceHistory:
    """Per Share Market Value (``close``) and bid series, filled forward over trading days."""
    points = {p.date: p for p in ctx.prices}
    if not points:
        return {}
    value: dict[date, Decimal] = {}
    bid: dict[date, Decimal] = {}
    day = min(points)
    last_value: Decimal | None = None
    last_bid: Decimal | None = None
    while day <= ctx.as_of:
        point = points.get(day)
        if point is not None:
            last_value = point.bid if point.bid is not None else point.close
            last_bid = point.bid if point.bid is not None else last_bid
        if last_value is not None and ctx.clock.trading.is_day(day):
            value[day] = last_value
            if last_bid is not None:
                bid[day] = last_bid
        day += timedelta(days=1)
    return {PriceField.CLOSE: value, PriceField.BID: bid}


def value(
    ctx: ReplayContext, book: Book, holder: str, notice: date, start: date, paid: date | None
) -> tuple[RedemptionResult | None, str | None]:
    """The §4.19 price of ``holder``'s demand with payment on ``paid`` (None: estimate to the as-of date).

    Returns the result, or None and the reason (a missing price).
    """
    terms = ctx.deal.defaults.redemption
    assert terms is not None
    history = market_values(ctx)
    series = history.get(PriceField.CLOSE, {})
    trading = ctx.clock.trading
    averages = [
        average_before(series, day=day, redemption=terms, trading=trading, label=label)
        for label, day in (("notice", notice), ("suspension", start))
    ]
    if paid is not None:
        averages.append(
            average_before(series, day=paid, redemption=terms, trading=trading, label="payment")
        )
    for item in averages:
        if not item.ok:
            return None, item.problem
    figures = [dataclasses.replace(a.figure, assumptions=(PSMV,)) for a in averages]
    price = redemption_price(
        notice=figures[0], suspension=figures[1], payment=figures[2] if paid else None
    )
    debenture = ctx.deal.securities.debentures[0]
    principal = book.principal_on(holder, notice)
    conversion = evaluate_price(
        debenture.conversion.price,
        on=notice,
        history=history,
        trading=trading,
        clauses=tuple(c.ref() for c in debenture.conversion.cite),
    )
    if not conversion.ok:
        return None, conversion.problem
    issuable = round_shares(
        Fraction(principal) / figure_fraction(conversion.figure), ctx.conventions.share_rounding
    )
    interest = Fraction(interest_value(ctx, book, holder, notice))
    accrued = divide(interest.numerator, interest.denominator)
    held = book.holder(holder)
    end = paid or ctx.as_of + timedelta(days=1)
    result = redemption_amount(
        price=price,
        shares_owned=held.conversion_shares + held.other_shares,
        escrow_shares=_escrow_shares(ctx),
        principal=principal,
        accrued_interest=accrued,
        shares_issuable=issuable,
        warrants=_warrants(ctx, holder, notice, terms),
        redemption=terms,
        conventions=ctx.conventions,
        clock=ctx.clock,
        notice=notice,
        paid=end,
    )
    return result, None


def _escrow_shares(ctx: ReplayContext) -> int:
    escrow = ctx.deal.escrow
    return sum(lot.shares for lot in escrow.lots) if escrow is not None else 0


def _warrants(
    ctx: ReplayContext, holder: str, day: date, terms: Redemption
) -> tuple[WarrantPosition, ...]:
    exercised: dict[str, int] = {}
    for item in ctx.events(WarrantExercise):
        if item.holder == holder and item.date <= day:
            exercised[item.warrant] = exercised.get(item.warrant, 0) + item.shares
    by_id = {w.id: w for w in ctx.deal.securities.warrants}
    return tuple(
        WarrantPosition(
            label=by_id[wid].name,
            exercise_price=by_id[wid].exercise_price.value,
            shares_issuable=max(by_id[wid].max_shares - exercised.get(wid, 0), 0),
        )
        for wid in terms.warrant_exercise_price_ids
        if wid in by_id
    )
