"""Replay mechanism: conversions, warrant exercises and the cap table (spec §2.7, §2.8).

The fold handlers (:mod:`.conversions_fold`, :mod:`.conversions_shares`) accept or
refuse each ``conversion_notice`` and ``warrant_exercise`` against the price history, the
principal outstanding and the ownership cap, and record deliveries, revocations, splits
and cap waivers. :func:`contribute` then reports:

* the cap table: shares outstanding (the latest ``capitalization`` report, else the
  deal's ``capitalization.outstanding_common``, plus shares issued since; with the
  Escrow Shares when the deal has them and ``hyt.escrow_outstanding`` holds), per holder
  the shares issued to it (with the Escrow Shares under ``hyt.escrow_owned``) and their
  percentage of outstanding (4 places, half-up), and fully diluted counts adding the
  shares issuable on converting the principal outstanding at the current Conversion
  Price and the unexercised warrant shares;
* a named figure ``conversion:<key>`` per conversion notice and ``exercise:<key>`` per
  exercise (key: the event id, else ``date-holder``);
* a delivery Deadline per conversion or exercise where the deal states a delivery
  period: a dated company obligation anchored on ``conversion`` (or ``warrant-exercise``)
  due ``within`` after it.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import round_shares
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Conversion
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import conversions_state as cs
from dealbook.engine.replay.mechanisms.conversions_fold import on_conversion
from dealbook.engine.replay.mechanisms.conversions_fold import on_revoked
from dealbook.engine.replay.mechanisms.conversions_fold import terms_of
from dealbook.engine.replay.mechanisms.conversions_shares import on_capital_change
from dealbook.engine.replay.mechanisms.conversions_shares import on_delivered
from dealbook.engine.replay.mechanisms.conversions_shares import on_exercise
from dealbook.engine.replay.mechanisms.conversions_shares import on_waiver
from dealbook.engine.replay.mechanisms.conversions_shares import signing_warrants
from dealbook.engine.replay.model import CapTable
from dealbook.engine.replay.model import CapTableRow
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import ConversionRevoked
from dealbook.ledger.events_holders import SharesDelivered
from dealbook.ledger.events_holders import WaiverNotice
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import CapitalChange
from dealbook.terms.obligations import Obligation

HANDLERS: dict[type[EventBase], Handler] = {
    ConversionNotice: on_conversion,
    ConversionRevoked: on_revoked,
    WarrantExercise: on_exercise,
    SharesDelivered: on_delivered,
    CapitalChange: on_capital_change,
    WaiverNotice: on_waiver,
}
"""Fold handlers of this mechanism (event class → handler)."""

CONVERSION_ANCHORS = frozenset({"conversion", "conversion-notice"})
"""Obligation anchors that mean "after each conversion notice" (a delivery period)."""
EXERCISE_ANCHORS = frozenset({"warrant-exercise", "exercise"})
PCT = Decimal("0.0001")
SHARES = "shares"


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """The cap table, the conversion and exercise figures and the delivery deadlines."""
    st = cs.state(ctx, book)
    return Contribution(
        deadlines=_deliveries(ctx, st),
        figures=dict(st.figures),
        cap_table=cap_table(ctx, book, st),
    )


def cap_table(ctx: ReplayContext, book: Book, st: cs.ConversionState) -> CapTable:
    """Outstanding and fully diluted shares at the as-of date, per holder."""
    day = ctx.as_of
    base = cs.outstanding_ex_escrow(ctx, book, st, day)
    base_value = base.value
    assert isinstance(base_value, int)
    escrow = cs.escrow_shares(st, day) if ctx.deal.escrow is not None else 0
    in_outstanding = escrow if ctx.conventions.escrow_shares_outstanding else 0
    outstanding = base_value + in_outstanding
    readings = (
        f"hyt.escrow_outstanding={str(ctx.conventions.escrow_shares_outstanding).lower()}",
        f"hyt.escrow_owned={str(ctx.conventions.escrow_shares_owned).lower()}",
    )
    outstanding_fig = Figure(
        label="shares outstanding",
        value=outstanding,
        unit=SHARES,
        formula="outstanding + Escrow Shares" if in_outstanding else "outstanding",
        inputs=(
            base,
            *((Figure(label="Escrow Shares", value=escrow, unit=SHARES),) if escrow else ()),
        ),
        assumptions=readings[:1] if escrow else (),
    )
    price = cs.price_on(ctx, st, day)
    terms = terms_of(ctx)
    price_value = price.figure.value if price.ok else None
    escrow_owner = cs.escrow_holder(ctx)
    rows = []
    issuable_total: int | None = 0
    warrants_total = 0
    for holder, held in book.holders.items():
        shares = held.conversion_shares + held.other_shares
        if holder == escrow_owner and ctx.conventions.escrow_shares_owned:
            shares += escrow
        principal = cs.principal(st, book, holder)
        issuable = 0
        if principal > 0:
            if isinstance(price_value, Decimal | Fraction) and price_value > 0:
                issuable = round_shares(
                    Fraction(principal) / Fraction(price_value), terms.share_rounding
                )
            else:
                issuable_total = None
        warrants = (
            held.warrants_granted
            + signing_warrants(ctx, holder)
            - held.warrants_exercised
            - held.warrants_redeemed
        )
        warrants = max(warrants, 0)
        warrants_total += warrants
        if issuable_total is not None:
            issuable_total += issuable
        pct = (
            (Decimal(shares) * 100 / Decimal(outstanding)).quantize(PCT, rounding=ROUND_HALF_UP)
            if outstanding > 0
            else None
        )
        rows.append(
            CapTableRow(
                holder=holder,
                shares=shares,
                pct_outstanding=pct,
                fully_diluted=shares + issuable + warrants,
            )
        )
    fully = None if issuable_total is None else outstanding + issuable_total + warrants_total
    figure = Figure(
        label="shares fully diluted",
        value=fully,
        unit=SHARES,
        formula="outstanding + shares issuable on conversion at the current price + "
        "unexercised warrant shares",
        inputs=(
            outstanding_fig,
            Figure(
                label="shares issuable on conversion of the principal outstanding",
                value=issuable_total,
                unit=SHARES,
                formula=f"round_{terms.share_rounding}(principal / Conversion Price), per holder",
                inputs=(price.figure,),
            ),
            Figure(label="unexercised warrant shares", value=warrants_total, unit=SHARES),
        ),
        assumptions=(*readings, "conversion shares count as owned once issued"),
    )
    return CapTable(
        outstanding=outstanding, fully_diluted=fully, holders=tuple(rows), figure=figure
    )


def _deliveries(ctx: ReplayContext, st: cs.ConversionState) -> list[Deadline]:
    dated = [o for o in ctx.deal.obligations.dated if o.obligor == "company" and not o.before]
    on_conv = [o for o in dated if o.anchor in CONVERSION_ANCHORS and o.within is not None]
    on_exer = [o for o in dated if o.anchor in EXERCISE_ANCHORS and o.within is not None]
    out = []
    for record in st.order:
        chosen = on_conv if isinstance(record, Conversion) else on_exer
        for obligation in chosen:
            out.append(_delivery(ctx, st, record, obligation))
    return out


def _delivery(
    ctx: ReplayContext, st: cs.ConversionState, record: cs.Settled, obligation: Obligation
) -> Deadline:
    assert obligation.within is not None
    key = cs.key_of(st, record)
    due = ctx.clock.add(record.day, obligation.within)
    done = st.completed.get(key)
    if isinstance(record, Conversion) and record.revoked:
        status = Status.MOOT
    elif done is not None:
        status = Status.MET if done <= due else Status.MISSED
    else:
        status = Status.MISSED if ctx.as_of > due else Status.OPEN
    refs = tuple(c.ref() for c in obligation.cite)
    clause = str(refs[0]) if refs else obligation.id
    figure = Figure(
        label=f"deliver {record.shares} shares for {key}",
        value=due,
        formula=f"{record.day.isoformat()} + {ctx.clock.describe(obligation.within)}",
        inputs=(Figure(label="notice date", value=record.day),),
        clauses=refs,
    )
    return Deadline(
        id=f"delivery:{key}",
        clause=clause,
        what=f"{obligation.what} ({record.shares} shares to {record.holder})",
        obligor="company",
        due=due,
        status=status,
        done_on=done,
        figure=figure,
    )


def delivered_on(st: cs.ConversionState, key: str) -> date | None:
    """The day the conversion or exercise ``key`` was fully delivered, if it was."""
    return st.completed.get(key)
