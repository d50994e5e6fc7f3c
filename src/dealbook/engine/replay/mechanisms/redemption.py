"""Replay mechanism: redemption on a trading suspension or delisting (HYT §4.19-4.21, M-RED-1).

A suspension runs from ``trading_halted`` to ``trading_resumed`` (or ``listing_lost`` to
``listing_restored``). One that starts after the Closing and is not reinstated within the
deal's reinstatement window (10 Trading Days) gives the Purchaser the right to demand
redemption; the window is a Deadline of the Company (met, missed or open). A
``redemption_demand`` made once the right has arisen gives:

* ``accrual:cdpa-4.19:<holder>:<notice day>``: the price (i)-(iv) at ``P*``, the greatest
  of the three 5-trading-day averages (G-17, :func:`dealbook.engine.redemption.redemption_amount`);
* ``accrual:cdpa-4.19v:<holder>:<notice day>``: (v) 15% interest from the 7th day after the
  notice until paid in full, running until then;
* a Deadline ``redemption-payment:<holder>:<notice day>`` due on that 7th day (the deal
  sets no payment date, D-HYT-36; interest is the only consequence, so no breach is
  reported).

Paid in full is the first day on which ``payment`` events ``for`` either accrual add up to
the price and interest computed with that day as the payment date (``A(payment)`` is then
known); until then ``P*`` is a lower bound. On that day the fold writes a negative
principal :class:`~dealbook.engine.replay.book.Change` (the Debentures are bought back).

Per Share Market Value: the closing bid (HYT L338-353 (c), the OTCBB), the close where no
bid is recorded, and on a trading day without a quote (the suspension) the last prior
value ("or the last prior sale" / "the last bid on the nearest preceding date").

Deferral (§4.20 Delaware law, §4.21 lender or securityholder consent): the ledger records
it as a ``notice`` of kind ``redemption`` from the Company to the holder, on or after the
demand. Interest keeps running; the payment Deadline becomes ``moot`` instead of missed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.core.numbers import divide
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.redemption import RedemptionResult
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Change
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.book import interest_value
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.conversions_shares import signing_warrants
from dealbook.engine.replay.mechanisms.redemption_value import Suspension
from dealbook.engine.replay.mechanisms.redemption_value import suspensions
from dealbook.engine.replay.mechanisms.redemption_value import value
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.engine.replay.model import cents
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import RedemptionDemand
from dealbook.ledger.events_money import Payment
from dealbook.terms.defaults import Redemption

KEY = "redemption"
"""``book.extra`` key of the demands the fold valued."""
CLAUSE = "4.19"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Demand:
    """A redemption demand the fold valued (stored in ``book.extra``)."""

    holder: str
    notice: date
    index: int
    suspension: Suspension
    result: RedemptionResult | None
    """None when a price average could not be computed (``problem`` says why)."""
    paid_in_full: date | None = None
    deferred: date | None = None
    problem: str | None = None


def accrual_ids(holder: str, notice: date) -> tuple[str, str]:
    """Ids of the price (i)-(iv) accrual and of the (v) interest accrual of one demand."""
    day = notice.isoformat()
    return f"accrual:cdpa-4.19:{holder}:{day}", f"accrual:cdpa-4.19v:{holder}:{day}"


def _payments(ctx: ReplayContext, ids: tuple[str, str]) -> Iterator[tuple[date, Decimal]]:
    for item in ctx.events(Payment):
        if item.for_ in ids:
            yield item.date, item.amount


def _on_demand(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Value a redemption demand; when paid in full, take the Debentures off the book."""
    assert isinstance(item, RedemptionDemand)
    demands = book.extra.setdefault(KEY, [])
    assert isinstance(demands, list)
    found = [s for s in suspensions(ctx) if s.triggered_by(item.date)]
    if not found:
        demands.append(
            Demand(
                holder=item.holder,
                notice=item.date,
                index=index,
                suspension=_none(item.date),
                result=None,
                problem="no suspension has outlasted its reinstatement window",
            )
        )
        return
    suspension = found[-1]
    deferred = next(
        (
            n.date
            for n in ctx.events(Notice)
            if n.kind is NoticeKind.REDEMPTION
            and n.from_ == "company"
            and n.to == item.holder
            and n.date >= item.date
        ),
        None,
    )
    ids = accrual_ids(item.holder, item.date)
    paid_so_far = Decimal(0)
    for day, amount in _payments(ctx, ids):
        paid_so_far += amount
        result, _ = value(ctx, book, item.holder, item.date, suspension.start, day)
        if result is not None and paid_so_far >= Decimal(cents(figure_fraction(result.total))):
            _redeem_all(ctx, book, item.holder, day, f"redemption {ids[0]}", item.id)
            demands.append(
                Demand(
                    holder=item.holder,
                    notice=item.date,
                    index=index,
                    suspension=suspension,
                    result=result,
                    paid_in_full=day,
                    deferred=deferred,
                )
            )
            return
    result, problem = value(ctx, book, item.holder, item.date, suspension.start, None)
    demands.append(
        Demand(
            holder=item.holder,
            notice=item.date,
            index=index,
            suspension=suspension,
            result=result,
            deferred=deferred,
            problem=problem,
        )
    )


def _redeem_all(
    ctx: ReplayContext, book: Book, holder: str, day: date, why: str, event_id: str | None
) -> None:
    """HYT §4.19: the Company redeems "all of the Debentures, Warrant, Initial Warrant,
    Underlying Shares ... owned by the Purchaser": principal, warrants and the shares the
    holder received all go back to the Company on the day it pays in full (the shares
    stop being outstanding), and the accrued interest, which R_ii pays, is settled."""
    held = book.holder(holder)
    principal = book.principal_on(holder, day)
    accrued = interest_value(ctx, book, holder, day)
    # a non-terminating amount is settled to dealbook's 50-digit precision
    held.interest_paid += (
        divide(accrued.numerator, accrued.denominator) if isinstance(accrued, Fraction) else accrued
    )
    held.changes.append(Change(day=day, amount=-principal, why=why, event_id=event_id))
    owned = held.conversion_shares + held.other_shares
    if owned:
        held.other_shares -= owned
        book.issued_shares.append((day, -owned, why))
    held.warrants_redeemed = max(
        held.warrants_granted + signing_warrants(ctx, holder) - held.warrants_exercised, 0
    )


def _none(day: date) -> Suspension:
    return Suspension(start=day, ended=day, deadline=day, index=-1)


HANDLERS: dict[type[EventBase], Handler] = {RedemptionDemand: _on_demand}


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Reinstatement deadlines, redemption price and interest accruals, payment deadlines."""
    out = Contribution()
    terms = ctx.deal.defaults.redemption
    if terms is None:
        return out
    refs = tuple(c.ref() for c in terms.cite)
    for s in suspensions(ctx):
        reinstated = s.ended if s.ended is not None and s.ended <= ctx.as_of else None
        status = (
            Status.MET
            if reinstated is not None and reinstated <= s.deadline
            else Status.OPEN
            if ctx.as_of <= s.deadline
            else Status.MISSED
        )
        out.deadlines.append(
            Deadline(
                id=f"trading-reinstatement:{s.start.isoformat()}",
                clause=f"cdpa:{CLAUSE}",
                what="trading reinstated within the reinstatement window, else the Purchaser may demand redemption",
                obligor="company",
                due=s.deadline,
                status=status,
                done_on=reinstated,
                figure=Figure(
                    label="reinstatement deadline",
                    value=s.deadline,
                    formula=f"suspension {s.start.isoformat()} + {ctx.clock.describe(terms.reinstatement_window)}",
                    clauses=refs,
                    assumptions=(
                        f"calendar.trading_day_reading={ctx.conventions.trading_day_reading}",
                    ),
                ),
            )
        )
    demands = book.extra.get(KEY, [])
    assert isinstance(demands, list)
    for demand in demands:
        assert isinstance(demand, Demand)
        out.diagnostics.extend(_problems(ctx, demand))
        if demand.result is not None:
            out.accruals.extend(_accruals(ctx, terms, demand, demand.result))
            out.deadlines.append(_payment_deadline(ctx, terms, demand))
    return out


def _problems(ctx: ReplayContext, demand: Demand) -> list[Diagnostic]:
    if demand.problem is None:
        return []
    if demand.suspension.index < 0:
        return [
            ctx.diagnostic(
                "REPLAY-REDEMPTION-NO-RIGHT",
                f"redemption demanded by {demand.holder} on {demand.notice.isoformat()}, but no "
                "trading suspension or delisting after the Closing has outlasted its "
                "reinstatement window (HYT §4.19)",
                demand.index,
                hint="record the suspension (trading_halted / listing_lost) or date the demand later",
                error=False,
            )
        ]
    return [
        ctx.diagnostic(
            "REPLAY-REDEMPTION-PRICE",
            f"redemption price of {demand.holder}'s demand not computed: {demand.problem}",
            demand.index,
            hint="add the Per Share Market Values (prices CSV) the averages need",
            error=False,
        )
    ]


def _accruals(
    ctx: ReplayContext, terms: Redemption, demand: Demand, result: RedemptionResult
) -> list[Accrual]:
    price_id, interest_id = accrual_ids(demand.holder, demand.notice)
    start = ctx.clock.add(demand.notice, terms.interest_from)
    paid = demand.paid_in_full
    running = paid is None
    end = ctx.as_of if paid is None else paid - timedelta(days=1)
    readings = (
        f"interest.day_count={ctx.conventions.interest_day_count}",
        f"hyt.escrow_owned={str(ctx.conventions.escrow_shares_owned).lower()}",
    )
    base = _decimal(result.subtotal)
    price = Accrual(
        id=price_id,
        clause=f"cdpa:{CLAUSE}",
        payer="company",
        payee=demand.holder,
        start=None,
        end=None,
        months=None,
        rate=None,
        base=None,
        amount=base,
        form="cash",
        figure=result.subtotal,
        due=start,
        readings=readings[1:],
    )
    interest = Accrual(
        id=interest_id,
        clause=f"cdpa:{CLAUSE}(v)",
        payer="company",
        payee=demand.holder,
        start=start,
        end=end if end >= start else None,
        months=None,
        rate=terms.interest_rate,
        base=base,
        amount=_decimal(result.interest),
        form="cash",
        figure=result.interest,
        due=demand.paid_in_full,
        running=running,
        readings=readings,
    )
    return [price, interest]


def _decimal(figure: Figure) -> Decimal:
    if isinstance(figure.value, Decimal):
        return figure.value
    value = figure_fraction(figure)
    return divide(value.numerator, value.denominator)


def _payment_deadline(ctx: ReplayContext, terms: Redemption, demand: Demand) -> Deadline:
    due = ctx.clock.add(demand.notice, terms.interest_from)
    paid = demand.paid_in_full
    if paid is not None and paid <= due:
        status = Status.MET
    elif demand.deferred is not None and demand.deferred <= due:
        status = Status.MOOT
    elif ctx.as_of <= due:
        status = Status.OPEN
    else:
        status = Status.MISSED
    return Deadline(
        id=f"redemption-payment:{demand.holder}:{demand.notice.isoformat()}",
        clause=f"cdpa:{CLAUSE}",
        what="pay the redemption price before interest starts (no payment date is stated, D-HYT-36)"
        + (" — deferred under §4.20/§4.21" if demand.deferred else ""),
        obligor="company",
        due=due,
        status=status,
        done_on=paid,
        figure=Figure(
            label="interest-free payment date",
            value=due,
            formula=f"notice {demand.notice.isoformat()} + {ctx.clock.describe(terms.interest_from)}",
            clauses=tuple(c.ref() for c in terms.cite),
        ),
    )
