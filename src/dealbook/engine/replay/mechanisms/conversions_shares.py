"""Fold handlers of warrant exercises, share deliveries, capital changes and cap waivers.

* ``warrant_exercise``: a cash exercise buys the warrant shares at the series' exercise
  price (G-20: 2,500,000 x $.01 = $25,000); a cashless exercise issues
  ``floor(shares x (P - X) / P)`` shares with ``P`` the last close on or before the
  exercise date (the Warrant forms are not in the seeds: an assumption). The ownership
  cap applies to exercises as to conversions (HYT §4.18 "convert or exercise").
* ``shares_delivered``: marks shares delivered against the conversion or exercise named
  in ``against`` (or, without it, the holder's oldest undelivered ones).
* ``capital_change``: a split or reverse split multiplies share counts by ``new/old``
  (rounded with the ``rounding.shares`` reading) and divides earlier prices and the
  exercise prices by it.
* ``waiver_notice``: the holder's notice to exceed the cap; effective after the cap's
  notice period (75 days, HYT §4.18).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Conversion
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms import conversions_state as cs
from dealbook.engine.replay.mechanisms.conversions_fold import cap_limit
from dealbook.engine.replay.mechanisms.conversions_fold import cap_result
from dealbook.engine.replay.mechanisms.conversions_fold import event_key
from dealbook.engine.warrants import exercise_proceeds
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import ExerciseMethod
from dealbook.ledger.events_holders import SharesDelivered
from dealbook.ledger.events_holders import WaiverNotice
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import CapitalChange
from dealbook.terms.securities import PriceField
from dealbook.terms.securities import Warrant

SHARES = "shares"


def split_factor(st: cs.ConversionState) -> Fraction:
    """The product of every capital change so far (new/old)."""
    factor = Fraction(1)
    for _, ratio in st.splits:
        factor *= ratio
    return factor


def signing_warrants(ctx: ReplayContext, holder: str) -> int:
    """Warrant shares issued at signing, outside any funding (the HYT Initial Warrant).

    They belong to the deal's holder when it has only one; otherwise to nobody known.
    """
    if ctx.deal.holder_ids() != (holder,):
        return 0
    return sum(w.max_shares for w in ctx.deal.securities.warrants if w.issued_at == "signing")


def exercise_price(ctx: ReplayContext, st: cs.ConversionState, series: Warrant) -> Figure:
    """The series' exercise price, adjusted for capital changes."""
    base = Figure(
        label=f"{series.id} exercise price",
        value=series.exercise_price.value,
        unit="USD/share",
        clauses=tuple(c.ref() for c in series.exercise_price.cite),
        assumptions=(f"assumed:{series.exercise_price.assumption.id}",)
        if series.exercise_price.assumption
        else (),
    )
    factor = split_factor(st)
    if factor == 1:
        return base
    return Figure(
        label=f"{series.id} exercise price after capital changes",
        value=exact(Fraction(series.exercise_price.value) / factor),
        unit="USD/share",
        formula="exercise price x old / new",
        inputs=(base,),
    )


def _last_close(ctx: ReplayContext, st: cs.ConversionState, day: date) -> Decimal | None:
    history = st.history if st.history is not None else ctx.history
    series = history.get(PriceField.CLOSE, {})
    days = [d for d in series if d <= day]
    return series[max(days)] if days else None


def on_exercise(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Apply a ``warrant_exercise``: check the warrants held, the cap, then the book."""
    assert isinstance(item, WarrantExercise)
    st = cs.state(ctx, book)
    holder, day = item.holder, item.date
    series = next((w for w in ctx.deal.securities.warrants if w.id == item.warrant), None)
    key = event_key(item, holder, st)
    if holder not in book.holders or series is None:
        what = f"holder {holder!r}" if series is not None else f"warrant series {item.warrant!r}"
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-WARRANT-EXCESS",
                f"warrant exercise {key} names {what}, which this deal does not have; refused",
                index,
            )
        )
        return
    held = book.holder(holder)
    available = (
        held.warrants_granted
        + signing_warrants(ctx, holder)
        - held.warrants_exercised
        - held.warrants_redeemed
    )
    if item.shares > available:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-WARRANT-EXCESS",
                f"warrant exercise {key} exercises {item.shares} warrant shares but {holder} "
                f"holds {available} unexercised; refused",
                index,
            )
        )
        return
    price = exercise_price(ctx, st, series)
    exercised = item.shares
    issued, proceeds, figure = _exercise(ctx, st, item, exercised, price)
    if figure is None:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-NO-PRICE",
                f"cashless exercise {key} has no closing price on or before "
                f"{day.isoformat()}; refused",
                index,
            )
        )
        return
    limit = cap_limit(cap_result(ctx, book, st, holder, day))
    if limit is not None and issued > limit:
        if ctx.conventions.cap_excess == "refuse" or limit == 0:
            book.diagnostics.append(
                ctx.diagnostic(
                    "REPLAY-CONVERSION-REFUSED",
                    f"warrant exercise {key}: {issued} shares would exceed the ownership cap "
                    f"({limit} allowed); refused",
                    index,
                    error=False,
                )
            )
            return
        exercised = limit if item.method is ExerciseMethod.CASH else exercised * limit // issued
        issued, proceeds, figure = _exercise(ctx, st, item, exercised, price)
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-CAPPED",
                f"warrant exercise {key} cut to {exercised} warrant shares ({issued} issued) "
                f"by the ownership cap ({limit} allowed)",
                index,
                error=False,
            )
        )
        assert figure is not None
    held.warrants_exercised += exercised
    held.other_shares += issued
    book.issued_shares.append((day, issued, f"warrant exercise {key}"))
    record = cs.Exercise(
        key=key,
        day=day,
        holder=holder,
        warrant=series.id,
        exercised=exercised,
        shares=issued,
        proceeds=proceeds,
        figure=figure,
        index=index,
    )
    st.by_key[key] = record
    st.order.append(record)
    st.figures[f"exercise:{key}"] = figure


def _exercise(
    ctx: ReplayContext,
    st: cs.ConversionState,
    item: WarrantExercise,
    exercised: int,
    price: Figure,
) -> tuple[int, Decimal, Figure | None]:
    """Shares issued, cash proceeds and the figure of exercising ``exercised`` warrant shares."""
    if item.method is ExerciseMethod.CASH:
        value = price.value
        assert isinstance(value, Decimal | Fraction)
        if isinstance(value, Decimal):
            figure = exercise_proceeds(shares=exercised, exercise_price=value)
            figure = dataclasses.replace(
                figure, clauses=price.clauses, assumptions=price.assumptions
            )
        else:
            figure = Figure(
                label="Warrant exercise proceeds",
                value=exact(Fraction(exercised) * value),
                unit="USD",
                formula="shares x exercise price",
                inputs=(Figure(label="Warrant shares", value=exercised, unit=SHARES), price),
            )
        amount = figure.value
        assert isinstance(amount, Decimal | Fraction)
        cash = amount if isinstance(amount, Decimal) else cs.to_decimal(amount)
        return exercised, cash, figure
    market = _last_close(ctx, st, item.date)
    if market is None:
        return 0, Decimal(0), None
    strike = price.value
    assert isinstance(strike, Decimal | Fraction)
    gain = max(Fraction(market) - Fraction(strike), Fraction(0))
    issued = round_shares(Fraction(exercised) * gain / Fraction(market), "down")
    figure = Figure(
        label="cashless exercise shares",
        value=issued,
        unit=SHARES,
        formula="floor(warrant shares x (market - exercise price) / market)",
        inputs=(
            Figure(label="warrant shares", value=exercised, unit=SHARES),
            Figure(label="last close on or before exercise", value=market, unit="USD/share"),
            price,
        ),
        assumptions=(
            "cashless exercise: net shares at the last close (Warrant form not in seeds)",
        ),
    )
    return issued, Decimal(0), figure


def on_delivered(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Mark ``shares_delivered`` against the conversion or exercise it settles."""
    assert isinstance(item, SharesDelivered)
    st = cs.state(ctx, book)
    if item.against is not None:
        record = st.by_key.get(item.against)
        if record is None or record.holder != item.holder:
            why = (
                "is not an accepted conversion or exercise"
                if record is None
                else (f"belongs to {record.holder}")
            )
            _problem(ctx, book, index, f"shares delivered against {item.against!r}, which {why}")
            return
        record.delivered += item.shares
        if record.delivered > record.shares:
            _problem(
                ctx,
                book,
                index,
                f"{record.delivered} shares delivered against {item.against!r}, which issued "
                f"{record.shares}",
            )
        _complete(st, record, item.date)
        return
    left = item.shares
    for record in st.order:
        if left == 0:
            break
        if record.holder != item.holder or _revoked(record):
            continue
        take = min(left, max(record.shares - record.delivered, 0))
        record.delivered += take
        left -= take
        _complete(st, record, item.date)
    if left:
        _problem(
            ctx, book, index, f"{left} shares delivered to {item.holder} settle no open conversion"
        )


def _revoked(record: cs.Settled) -> bool:
    return isinstance(record, Conversion) and record.revoked


def _complete(st: cs.ConversionState, record: cs.Settled, day: date) -> None:
    if record.delivered >= record.shares:
        st.completed.setdefault(cs.key_of(st, record), day)


def _problem(ctx: ReplayContext, book: Book, index: int, message: str) -> None:
    book.diagnostics.append(ctx.diagnostic("REPLAY-DELIVERY", message, index, error=False))


def on_capital_change(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Apply a split or reverse split to share counts, prices and the outstanding count."""
    assert isinstance(item, CapitalChange)
    st = cs.state(ctx, book)
    factor = Fraction(item.ratio.new, item.ratio.old)
    mode = ctx.conventions.share_rounding
    before = cs.outstanding_ex_escrow(ctx, book, st, item.date).value
    assert isinstance(before, int)
    st.adjustments.append((item.date, cs.scale_shares(before, factor, mode) - before))
    for held in book.holders.values():
        held.conversion_shares = cs.scale_shares(held.conversion_shares, factor, mode)
        held.other_shares = cs.scale_shares(held.other_shares, factor, mode)
        held.warrants_granted = cs.scale_shares(held.warrants_granted, factor, mode)
        held.warrants_exercised = cs.scale_shares(held.warrants_exercised, factor, mode)
    st.escrow_base = cs.scale_shares(st.escrow_base, factor, mode)
    st.topups = tuple(
        (when, cs.scale_shares(n, factor, mode) if when <= item.date else n)
        for when, n in st.topups
    )
    cs.adjust_history(ctx, st, item.date, factor)
    st.splits.append((item.date, factor))


def on_waiver(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Record a holder's notice waiving the ownership cap (the first one counts)."""
    assert isinstance(item, WaiverNotice)
    if item.holder not in book.holders:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-UNKNOWN-HOLDER",
                f"waiver notice of {item.holder!r}, who is not a holder of this deal",
                index,
            )
        )
        return
    cs.state(ctx, book).waivers.setdefault(item.holder, item.date)
